"""The same-fact judge: conflicts whose figures differ and whose wording alone ties them together."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from isnad.compare import align, compare_documents
from isnad.compare.comparison import _story_keys
from isnad.compare.judge import judge
from isnad.errors import IsnadError
from isnad.model import Article, Document
from isnad.pipeline import analyze

ALPHA = (
    "أعلنت الجامعة فتح باب القبول في برامج الدراسات العليا للعام المقبل، على أن يستمر استقبال الطلبات "
    "حتى يوم الأحد القادم عبر البوابة الإلكترونية."
)
BETA = (
    "فتحت الجامعة باب التقديم لبرامج الدراسات العليا، ويستمر استقبال الطلبات حتى يوم غد الأربعاء، "
    "بحسب ما ذكرت عمادة القبول."
)


def _docs(alpha: str, beta: str) -> list[Document]:
    stamps = (datetime(2026, 3, 10, 9), datetime(2026, 3, 10, 11))
    texts = ((alpha, "alpha"), (beta, "beta"))
    return [
        analyze(Article.create(text, source=f"{name}.txt", outlet=name, published=stamp))
        for (text, name), stamp in zip(texts, stamps, strict=True)
    ]


def _evidence(result: dict[str, Any], claim_ids: list[str]) -> set[str]:
    claims = {c["id"]: c for c in result["claims"]}
    return {str(claims[c]["evidence"]["text"]) for c in claim_ids if claims[c].get("evidence")}


def test_two_deadlines_for_one_application_window_conflict() -> None:
    docs = _docs(ALPHA, BETA)
    result = compare_documents(docs)
    found = [_evidence(result, c["claims"]) for c in result["conflicts"]]
    assert {"يوم الأحد القادم", "يوم غد الأربعاء"} in found
    conflict = next(c for c in result["conflicts"] if "يوم غد الأربعاء" in _evidence(result, c["claims"]))
    assert "alpha" in conflict["explanation"] and "beta" in conflict["explanation"]


def test_the_rules_alone_do_not_link_them() -> None:
    """The judge is what finds this conflict: the rules leave the two deadlines unlinked."""
    docs = _docs(ALPHA, BETA)
    refs = align.claim_refs(docs, [_story_keys(d) for d in docs])
    weekdays = {i for i, r in enumerate(refs) if r.kind == "weekday"}
    ruled = align.link_claims(refs, {}, judged=False)
    assert not any({link.a, link.b} <= weekdays for link in ruled)
    judged = align.link_claims(refs, {})
    assert any({link.a, link.b} <= weekdays and link.verdict.outcome == "conflict" for link in judged)


def test_the_same_deadline_in_other_words_is_no_conflict() -> None:
    beta = BETA.replace("يوم غد الأربعاء", "يوم الأحد المقبل")
    result = compare_documents(_docs(ALPHA, beta))
    assert result["conflicts"] == []


def test_another_event_on_another_day_is_no_conflict() -> None:
    beta = (
        "كرمت الجامعة طلاب الدراسات العليا المتفوقين يوم الأربعاء الماضي في حفل أقيم بمسرحها الكبير، "
        "بحضور عدد من أعضاء هيئة التدريس."
    )
    result = compare_documents(_docs(ALPHA, beta))
    assert result["conflicts"] == []


def test_a_judge_fitted_on_other_features_is_refused() -> None:
    with pytest.raises(IsnadError) as err:
        judge(("score", "text"))
    assert err.value.code == "ISN201"
    assert "fit_judge.py" in err.value.message


def test_the_judge_ranks_a_close_rendering_above_a_loose_one() -> None:
    model = judge(align.FEATURES)
    docs = _docs(ALPHA, BETA)
    refs = align.claim_refs(docs, [_story_keys(d) for d in docs])
    a, b = (r for r in refs if r.kind == "weekday")
    close = model.probability(align.pair_features(a, b))
    loose = model.probability([0.0] * len(align.FEATURES))
    assert 0.0 <= loose < close <= 1.0


def test_sums_in_two_currencies_are_never_asked_about() -> None:
    alpha = "وقدرت الوزارة تكلفة ترميم الجسر القديم بنحو 40 مليون دولار وفق الدراسة الأولى."
    beta = "وقدرت الوزارة تكلفة ترميم الجسر القديم بنحو 55 مليون ريال وفق الدراسة الأولى."
    docs = _docs(alpha, beta)
    refs = align.claim_refs(docs, [_story_keys(d) for d in docs])
    assert align.open_conflicts(refs, align.candidate_pairs(refs), set()) == []
    assert compare_documents(docs)["conflicts"] == []
    # The same sentence in one currency is a question for the judge.
    docs = _docs(alpha, beta.replace("ريال", "دولار"))
    refs = align.claim_refs(docs, [_story_keys(d) for d in docs])
    assert len(align.open_conflicts(refs, align.candidate_pairs(refs), set())) == 1
