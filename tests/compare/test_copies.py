"""Wire copies and reprints are found, mapped to the original text, and counted as one source."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from isnad.compare.copies import SharedPassage, copy_share, shared_passages, sources
from isnad.model import Article, Document
from isnad.pipeline import analyze

T0 = datetime(2023, 3, 14, 9, 0)

# An invented agency story (place, people and figures are made up).
WIRE = (
    "أعلنت مديرية الدفاع المدني في محافظة وادي السنابل صباح الثلاثاء أن السيول التي اجتاحت المحافظة "
    "أسفرت عن وفاة 37 شخصا وإصابة أكثر من 120 آخرين بجروح متفاوتة. "
    "وقال المتحدث باسم المديرية العقيد سالم الهواري إن فرق الإنقاذ تمكنت من إجلاء نحو 4500 أسرة "
    "من القرى الواقعة على ضفاف الوادي خلال الليلة الماضية. "
    "وأضاف أن الأمطار الغزيرة التي هطلت على مدى يومين تسببت في انهيار جسر رئيسي يربط المحافظة بالعاصمة، "
    "مشيرا إلى أن الطرق البديلة لا تزال مغلقة أمام حركة الشاحنات. "
    "ودعت السلطات المحلية السكان إلى الابتعاد عن مجاري الأودية وعدم المجازفة بعبورها حتى إشعار آخر."
)

# The same story reprinted with diacritics, hamza-less alefs, tatweel and Eastern digits.
REPRINT = (
    WIRE.replace("أعلنت", "أَعْلَنَتْ")
    .replace("أسفرت", "اسفرت")
    .replace("إصابة", "اصابة")
    .replace("37", "٣٧")
    .replace("4500", "٤٥٠٠")
    .replace("المتحدث", "المتحـــدث")
    .replace("السكان", "السُّكَّانَ")
)

# A reprint whose only change is the death toll.
CHANGED = WIRE.replace("37 شخصا", "41 شخصا")

# Another reporter's account of the same event: same facts and names, own words.
INDEPENDENT = (
    "لقي 37 شخصا حتفهم في محافظة وادي السنابل جراء سيول جارفة ضربت المنطقة، بحسب ما أفاد به "
    "الدفاع المدني. وتحدث شهود عيان لمراسلنا عن مياه غمرت البيوت الطينية في غضون دقائق، فيما هرع "
    "المتطوعون لانتشال العالقين فوق الأسطح. وأكد العقيد سالم الهواري أن عمليات البحث مستمرة، "
    "لافتا إلى انهيار جسر رئيسي على الطريق المؤدية إلى العاصمة. ويخشى المزارعون خسارة محاصيل القمح "
    "بعد أن جرفت المياه مساحات واسعة من الحقول."
)

# A follow-up by the independent outlet itself: new wording, same newsroom.
FOLLOW_UP = (
    "ارتفعت حصيلة ضحايا السيول في محافظة وادي السنابل إلى 40 قتيلا مساء الثلاثاء، بعد العثور على "
    "ثلاث جثث قرب السد القديم. وقال مسؤول محلي إن فرق الهندسة بدأت تقييم الأضرار التي لحقت بالجسر المنهار."
)

BOILERPLATE = "تابعوا آخر الأخبار العاجلة على موقعنا وحساباتنا الرسمية في جميع منصات التواصل الاجتماعي."


def _doc(text: str, outlet: str | None = None, minutes: int | None = 0) -> Document:
    published = None if minutes is None else T0 + timedelta(minutes=minutes)
    return analyze(Article.create(text, "test.txt", outlet=outlet, published=published), stages=())


def _check_spans(p: SharedPassage, docs: list[Document]) -> None:
    by_id = {d.article.id: d.article.text for d in docs}
    text, of_text = by_id[p.article], by_id[p.of_article]
    assert 0 <= p.start <= p.end <= len(text) and 0 <= p.of_start <= p.of_end <= len(of_text)
    assert text[p.start : p.end] == p.text
    assert of_text[p.of_start : p.of_end] == p.of_text
    for d in p.differences:
        assert p.start <= d.start <= d.end <= p.end and text[d.start : d.end] == d.text
        assert (
            p.of_start <= d.of_start <= d.of_end <= p.of_end and of_text[d.of_start : d.of_end] == d.of_text
        )


def test_reprint_with_spelling_variants_is_one_passage_covering_it() -> None:
    docs = [_doc(WIRE, "وكالة السنابل", 0), _doc(REPRINT, "صحيفة الوادي", 30)]
    [p] = shared_passages(docs)
    _check_spans(p, docs)
    assert (p.article, p.of_article, p.direction) == (docs[1].article.id, docs[0].article.id, "copy")
    assert p.text.startswith("أَعْلَنَتْ") and p.text.endswith("حتى إشعار آخر")
    assert p.of_text == WIRE[: WIRE.rindex("آخر") + 3]
    assert p.differences == () and p.words > 80
    assert p.to_json()["text"] == p.text
    assert copy_share(docs[1], [p]) == 1.0


def test_reprint_with_a_changed_figure_is_one_passage_recording_the_change() -> None:
    docs = [_doc(WIRE, "وكالة السنابل", 0), _doc(CHANGED, "صحيفة الوادي", 45)]
    [p] = shared_passages(docs)
    _check_spans(p, docs)
    assert p.article == docs[1].article.id and p.words > 80
    [diff] = p.differences
    assert (diff.text, diff.of_text) == ("41", "37")


def test_independent_reports_sharing_names_and_phrases_are_not_copies() -> None:
    docs = [_doc(WIRE, "وكالة السنابل", 0), _doc(INDEPENDENT, "قناة الشمال", 60)]
    assert shared_passages(docs) == []


def test_publication_order_sets_copier_and_direction() -> None:
    earlier_reprint = [_doc(WIRE, "وكالة السنابل", 90), _doc(REPRINT, "صحيفة الوادي", 10)]
    [p] = shared_passages(earlier_reprint)
    assert (p.article, p.of_article, p.direction) == (
        earlier_reprint[0].article.id,
        earlier_reprint[1].article.id,
        "copy",
    )
    undated = [_doc(WIRE, "وكالة السنابل", None), _doc(REPRINT, "صحيفة الوادي", None)]
    [q] = shared_passages(undated)
    assert q.direction == "shared" and q.article == undated[1].article.id  # later in input order
    same_time = [_doc(WIRE, "وكالة السنابل", 5), _doc(REPRINT, "صحيفة الوادي", 5)]
    assert shared_passages(same_time)[0].direction == "shared"


def test_sources_merge_copies_and_one_outlets_follow_ups_but_not_independents() -> None:
    docs = [
        _doc(WIRE, "وكالة السنابل", 0),
        _doc(INDEPENDENT, "قناة الشمال", 20),
        _doc(REPRINT, "صحيفة الوادي", 40),
        _doc(FOLLOW_UP, "قناة الشمال", 300),
        _doc(CHANGED, None, 50),
    ]
    found = sources(docs, shared_passages(docs))
    ids = [d.article.id for d in docs]
    assert [found[i] for i in ids] == ["src1", "src2", "src1", "src2", "src1"]


def test_sources_without_any_copy_are_all_independent() -> None:
    docs = [_doc(WIRE, "وكالة السنابل"), _doc(INDEPENDENT, "قناة الشمال"), _doc(FOLLOW_UP, "")]
    assert sorted(sources(docs, shared_passages(docs)).values()) == ["src1", "src2", "src3"]


def test_identical_articles_share_one_passage_covering_everything() -> None:
    docs = [_doc(WIRE, "وكالة السنابل", 0), _doc(WIRE, "صحيفة الوادي", 5)]
    [p] = shared_passages(docs)
    assert p.text == p.of_text == WIRE[:-1]  # all but the final full stop
    assert sources(docs, [p]) == {docs[0].article.id: "src1", docs[1].article.id: "src1"}


def test_an_article_is_never_compared_with_itself() -> None:
    doc = _doc(WIRE + " " + WIRE, "وكالة السنابل")  # even when it repeats itself
    assert shared_passages([doc]) == []
    assert shared_passages([doc, doc]) == []
    assert sources([doc, doc], []) == {doc.article.id: "src1"}


def test_empty_english_and_short_articles_find_nothing() -> None:
    docs = [
        _doc(""),
        _doc("Floods hit the valley; rescue teams evacuated families overnight, officials said."),
        _doc("أعلنت مديرية الدفاع المدني"),
        _doc(WIRE, "وكالة السنابل"),
    ]
    assert shared_passages(docs) == []
    assert copy_share(docs[0], []) == 0.0
    assert len(set(sources(docs, []).values())) == 4


def test_every_occurrence_of_a_repeated_boilerplate_line_is_marked() -> None:
    repeating = _doc(f"{BOILERPLATE}\n{WIRE}\n{BOILERPLATE}\n{FOLLOW_UP}\n{BOILERPLATE}", "موقع أ", 60)
    other = _doc(f"{INDEPENDENT}\n{BOILERPLATE}", "موقع ب", 0)
    docs = [other, repeating]
    found = shared_passages(docs)
    for p in found:
        _check_spans(p, docs)
    assert [p.text for p in found] == [BOILERPLATE[:-1]] * 3
    assert sorted(p.start for p in found) == [p.start for p in found]
    # A shared footer is not a shared report.
    assert len(set(sources(docs, found).values())) == 2


def test_long_article_quoting_a_short_one_is_found_at_the_right_place() -> None:
    rng = random.Random(7)
    vocab = WIRE.split() + INDEPENDENT.split()
    long_text = " ".join(rng.choice(vocab) for _ in range(10_000))
    offset = long_text.index(" ", 30_000) + 1
    docs = [_doc(long_text, "أرشيف", 0), _doc(WIRE, "وكالة السنابل", -60)]
    found = shared_passages([*docs, _doc(long_text[:offset] + WIRE + long_text[offset:], "ناقل", 30)])
    quoting = [p for p in found if p.of_article == docs[1].article.id]
    assert len(quoting) == 1 and quoting[0].of_text == WIRE[:-1]
    assert quoting[0].start == offset


_VOCAB = ["أعلنت", "السلطات", "إصابة", "قرية", "مستشفى", "الوادي", "جسر", "سيول", "فرق", "37", "٤٥"]
_MARKS = ["", "", "َ", "ُ", "ّ", "ـ"]


@st.composite
def _texts(draw: st.DrawFn) -> tuple[str, str]:
    """A text of marked words and a second text holding a noisy copy of part of it."""
    words = draw(st.lists(st.sampled_from(_VOCAB), min_size=0, max_size=80))
    marked = [w + draw(st.sampled_from(_MARKS)) for w in words]
    seps = draw(
        st.lists(st.sampled_from([" ", "، ", ". ", "\n", "  "]), min_size=len(words), max_size=len(words))
    )
    first = "".join(w + s for w, s in zip(marked, seps, strict=True))
    a = draw(st.integers(0, len(words)))
    b = draw(st.integers(a, len(words)))
    copied = " ".join(words[a:b])
    prefix = " ".join(draw(st.lists(st.sampled_from(_VOCAB), max_size=10)))
    return first, f"{prefix} {copied}".strip()


@settings(max_examples=60, deadline=None)
@given(_texts())
def test_spans_always_map_into_the_original(pair: tuple[str, str]) -> None:
    docs = [_doc(pair[0], "أ", 0), _doc(pair[1], "ب", 10)]
    for p in shared_passages(docs, min_words=3):
        _check_spans(p, docs)
        assert p.words >= 3
