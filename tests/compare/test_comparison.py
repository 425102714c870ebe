"""`compare_documents` on invented pairs, the built-in example corpus and the seed articles."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from isnad.compare import align, compare_articles, compare_documents
from isnad.compare.comparison import _story_keys
from isnad.compare.values import Verdict
from isnad.examples import corpus_path
from isnad.ingest import IngestOptions, ingest
from isnad.model import Article, Document
from isnad.pipeline import analyze, analyze_all

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
TZ = timezone(timedelta(hours=3))


def _read(path: Path) -> tuple[dict[str, Any], list[Document]]:
    result = ingest([str(path)], IngestOptions())
    docs, errors = analyze_all(result.articles)
    assert not errors
    return compare_documents(docs), docs


@cache
def example() -> tuple[dict[str, Any], list[Document]]:
    return _read(corpus_path())


@cache
def seeds() -> tuple[dict[str, Any], list[Document]]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not present")
    return _read(SEEDS)


def _claim(report: dict[str, Any], cid: str) -> dict[str, Any]:
    return next(c for c in report["claims"] if c["id"] == cid)


def _conflict_values(report: dict[str, Any]) -> list[set[str]]:
    return [set(c["values"]) for c in report["conflicts"]]


def _group_of(report: dict[str, Any], fragment: str) -> dict[str, Any]:
    claim = next(c for c in report["claims"] if c["evidence"] and fragment in c["evidence"]["text"])
    return next(g for g in report["groups"] if g["id"] == claim["group"])


def _assert_spans(report: dict[str, Any], docs: list[Document]) -> None:
    texts = {d.article.id: d.article.text for d in docs}
    for kind in ("claims", "quotes", "repairs"):
        for row in report[kind]:
            assert texts[row["article"]][row["start"] : row["end"]] == row["text"], (kind, row.get("id"))
    for copy in report["copies"]:
        assert texts[copy["article"]][copy["start"] : copy["end"]] == copy["text"]


# --- invented pair -------------------------------------------------------------------------------------

FIRST = (
    "أعلنت وزارة الصحة في مدينة النخيل أن 12 شخصا قتلوا وأصيب نحو 40 آخرين في انهيار جسر المشاة "
    "صباح الأحد. وقال المتحدث باسم الدفاع المدني سالم العبدلي إن فرق الإنقاذ انتشلت الضحايا من تحت "
    "الركام خلال ثلاث ساعات. ولم يتسن التحقق من أسباب الانهيار من مصدر مستقل."
)
SECOND = (
    "قالت مصادر طبية في مدينة النخيل إن 19 شخصا قتلوا وأصيب 45 آخرون في انهيار جسر المشاة "
    "يوم الأحد. وأكد سالم العبدلي، المتحدث باسم الدفاع المدني، أن فرق الإنقاذ انتشلت الضحايا من "
    "تحت الركام. ولم يتسن التحقق من أسباب الانهيار."
)


def _pair(second: str = SECOND) -> dict[str, Any]:
    when = datetime(2024, 5, 5, 12, tzinfo=TZ)
    a = Article.create(FIRST, "first.txt", outlet="صحيفة الأولى", published=when)
    b = Article.create(second, "second.txt", outlet="موقع الثاني", published=when + timedelta(hours=1))
    report, docs = compare_articles([a, b])
    _assert_spans(report, docs)
    return report


def test_invented_pair_finds_the_death_toll_conflict_and_keeps_hedged_figures_compatible() -> None:
    report = _pair()
    assert report["schema"] == "isnad.comparison/1"
    assert {"12 شخصا", "19 شخصا"} in _conflict_values(report)
    wounded = _group_of(report, "40")
    assert wounded["status"] == "corroborated"  # "نحو 40" and "45": the hedge makes them compatible
    assert wounded["independent_sources"] == 2
    assert all("40" not in " ".join(v) for v in _conflict_values(report))


def test_every_conflict_has_an_explanation_naming_both_outlets() -> None:
    report = _pair()
    for conflict in report["conflicts"]:
        assert "صحيفة الأولى" in conflict["explanation"] and "موقع الثاني" in conflict["explanation"]


def test_an_article_compared_with_its_exact_copy_has_no_conflict_and_one_source() -> None:
    report = _pair(second=FIRST)
    assert report["conflicts"] == []
    assert len({a["source"] for a in report["articles"]}) == 1
    assert report["copies"] and report["copies"][0]["direction"] == "copy"
    assert all(g["status"] == "single-source" for g in report["groups"])


def test_the_same_input_twice_is_read_once() -> None:
    a = Article.create(FIRST, "first.txt", outlet="صحيفة الأولى")
    report, _ = compare_articles([a, a])
    assert len(report["articles"]) == 1 and report["conflicts"] == []
    assert any("read once" in note for note in report["notes"])


def test_the_shared_quote_is_linked_as_a_variant_with_its_missing_words() -> None:
    report = _pair()
    variants = [v for q in report["quotes"] for v in q["variants"]]
    assert variants and all(0 < v["score"] <= 1 for v in variants)
    assert any("ساعات" in v["only_here"] + v["only_there"] for v in variants)  # one outlet left it out


def test_a_toll_that_rises_in_a_later_report_is_an_update() -> None:
    when = datetime(2024, 5, 5, 12, tzinfo=TZ)
    later = "ارتفعت حصيلة انهيار جسر المشاة في مدينة النخيل إلى 20 قتيلا بحسب وزارة الصحة."
    a = Article.create(FIRST, "first.txt", outlet="صحيفة الأولى", published=when)
    b = Article.create(later, "later.txt", outlet="موقع الثاني", published=when + timedelta(days=1))
    report, _ = compare_articles([a, b])
    statuses = {g["status"] for g in report["groups"] if len(g["articles"]) == 2}
    assert "update" in statuses and "conflict" not in statuses


def _two(first: str, second: str, when: datetime | None, then: datetime | None) -> dict[str, Any]:
    """Compare two invented reports by two outlets, published at `when` and `then`."""
    a = Article.create(first, "first.txt", outlet="صحيفة الأولى", published=when)
    b = Article.create(second, "second.txt", outlet="موقع الثاني", published=then)
    return compare_articles([a, b])[0]


def _assert_an_update_not_a_conflict(report: dict[str, Any]) -> None:
    assert report["conflicts"] == []
    assert any(g["status"] == "update" for g in report["groups"])


def _refs(texts: tuple[str, str], when: datetime) -> list[align.ClaimRef]:
    """The claims alignment sees in two invented reports published at `when`."""
    docs = [analyze(Article.create(t, f"{k}.txt", published=when)) for k, t in enumerate(texts)]
    return align.claim_refs(docs, [_story_keys(d) for d in docs])


def _assert_a_conflict_not_an_update(report: dict[str, Any]) -> None:
    assert len(report["conflicts"]) == 1
    assert not any(g["status"] == "update" for g in report["groups"])


@pytest.mark.parametrize(
    ("first", "later"),
    [
        pytest.param(
            "انتشلت فرق الدفاع المدني جثة متسلق سقط من منحدر صخري يرتفع 450 مترا في منتزه الجبل الأخضر.",
            "عثر رجال الإنقاذ على جثة المتسلق أسفل المنحدر الصخري الذي يرتفع 270 مترا في منتزه الجبل الأخضر.",
            id="a height",
        ),
        pytest.param(
            "غمرت السيول نفقا في حي الوادي ويصل ارتفاع منسوب الماء بداخله إلى 4 أمتار بحسب الدفاع المدني.",
            "وقال الدفاع المدني إنه بعد السيول يصل ارتفاع منسوب الماء داخل نفق حي الوادي إلى 6 أمتار.",
            id="a height carried to a level",
        ),
        pytest.param(
            "وقالت إدارة معرض الكتاب في مدينة الساحل إن عدد زواره منذ افتتاحه بلغ 40 ألف زائر.",
            "وشهد معرض الكتاب في مدينة الساحل منذ افتتاحه إقبالا كبيرا تجاوز عدد زواره 90 ألف زائر.",
            id="exceeding is a bound",
        ),
        pytest.param(
            "وكان تفجير السوق المركزي في مدينة الساحل يوم 12 مارس الماضي قد أسفر عن مقتل 14 شخصا.",
            "وأسفر تفجير السوق المركزي في مدينة الساحل في 12 مارس الماضي عن مقتل 23 شخصا.",
            id="the toll of an attack weeks ago",
        ),
        pytest.param(
            "وسجلت البعثة مقتل 310 مدنيين في أعمال العنف خلال شهر أبريل بحسب تقريرها الشهري.",
            "وقالت البعثة في تقريرها الشهري إن 455 مدنيا قتلوا في أعمال العنف خلال أبريل.",
            id="a month's toll",
        ),
    ],
)
def test_a_later_figure_that_revises_nothing_is_a_conflict(first: str, later: str) -> None:
    when = datetime(2024, 5, 5, 12, tzinfo=TZ)
    _assert_a_conflict_not_an_update(_two(first, later, when, when + timedelta(days=1)))


def test_a_toll_that_grows_by_the_next_day_is_an_update_unless_its_day_is_long_past() -> None:
    when = datetime(2024, 5, 5, 12, tzinfo=TZ)
    first = "وأسفر تفجير السوق المركزي في مدينة الساحل أمس عن مقتل 14 شخصا بحسب مصادر طبية."
    later = "وأسفر تفجير السوق المركزي في مدينة الساحل عن مقتل 23 شخصا بحسب مصادر طبية."
    report = _two(first, later, when, when + timedelta(days=1))
    _assert_an_update_not_a_conflict(report)
    # Counted "since" a day long past, a toll is still running.
    since = [t.replace(" أمس", "").replace("عن مقتل", "منذ 12 مارس عن مقتل") for t in (first, later)]
    report = _two(*since, when, when + timedelta(days=1))
    _assert_an_update_not_a_conflict(report)


def test_a_price_move_to_the_same_level_is_one_moment_of_the_market() -> None:
    when = datetime(2024, 5, 5, 9, tzinfo=TZ)
    first = "وفي سوق المعادن ارتفعت الفضة 0.3 بالمئة إلى 24.60 دولار للأوقية في تعاملات الصباح."
    later = "أما الفضة فصعد سعرها في المعاملات الفورية وارتفعت 0.8 بالمئة إلى 24.60 دولار للأوقية."
    _assert_a_conflict_not_an_update(_two(first, later, when, when + timedelta(hours=4)))
    # Moved to another level, the later move is a later reading of the market: a timeline.
    report = _two(first, later.replace("24.60", "24.90"), when, when + timedelta(hours=4))
    _assert_an_update_not_a_conflict(report)


def test_the_latest_report_is_not_a_revised_figure() -> None:
    when = datetime(2024, 5, 5, 12, tzinfo=TZ)
    first = "قالت المنظمة إن القصف على حي الميناء أسفر عن مقتل 31 مدنيا بينهم أطفال."
    later = "وأفادت المنظمة في أحدث تقرير لها أن القصف على حي الميناء أسفر عن مقتل 19 مدنيا."
    report = _two(first, later, when, when + timedelta(hours=2))
    assert len(report["conflicts"]) == 1
    revised = later.replace("في أحدث تقرير لها", "في حصيلة محدثة")
    report = _two(first, revised, when, when + timedelta(hours=2))
    _assert_an_update_not_a_conflict(report)


def test_a_change_against_a_named_period_is_that_periods_statistic_not_a_running_figure() -> None:
    when = datetime(2024, 5, 5, 12, tzinfo=TZ)
    first = "وتراجع مؤشر أسعار الحبوب الذي تصدره المنظمة 3.5 في المئة عن مارس بسبب وفرة المحاصيل."
    later = "وتراجع مؤشر أسعار الحبوب الصادر عن المنظمة 2.1 في المئة مقارنة بشهر مارس مع وفرة المحاصيل."
    _assert_a_conflict_not_an_update(_two(first, later, when, when + timedelta(hours=2)))
    # Without a period the same move is a running market figure: the later report updates it.
    moving = [t.replace(" عن مارس", "").replace(" مقارنة بشهر مارس", "") for t in (first, later)]
    report = _two(*moving, when, when + timedelta(hours=2))
    _assert_an_update_not_a_conflict(report)


def test_one_written_date_given_two_weekdays_is_a_conflict_whatever_the_wording() -> None:
    when = datetime(2015, 8, 20, 9, tzinfo=TZ)
    first = "تبدأ الدورة التدريبية يوم السبت 7 / 11 / 1436 هـ وتنتهي يوم الخميس 1 / 12 / 1436 هـ."
    second = "أعلنت الإدارة أن الدورة تنطلق يوم السبت 7/11/1436هـ وتختتم يوم الاثنين 1/12/1436هـ."
    report = _two(first, second, when, when)
    assert _conflict_values(report) == [{"يوم الخميس 1 / 12 / 1436 هـ", "يوم الاثنين 1/12/1436هـ"}]
    # Also when each day is already linked to something in the other article (its Gregorian equivalent,
    # "الموافق 14/9/2015م", often is): the calendar contradiction is not one-to-one alignment.
    refs = _refs((first, second), when)
    taken = {(i, 1 - r.doc) for i, r in enumerate(refs)}
    scores = {(i, j): align.score(refs[i], refs[j]) for i, j in align.candidate_pairs(refs)}
    found = align._calendar_contradictions(refs, scores, taken, set())
    said = [{refs[k.a].attrs["evidence"]["text"], refs[k.b].attrs["evidence"]["text"]} for k in found]
    assert said == [{"يوم الخميس 1 / 12 / 1436 هـ", "يوم الاثنين 1/12/1436هـ"}]
    # A pair the rules already linked keeps its one link: no second conflict for the same two claims.
    assert align._calendar_contradictions(refs, scores, taken, {(found[0].a, found[0].b)}) == []
    # The same weekday agrees; a Hijri day one weekday off is how two countries' months begin.
    assert _two(first, second.replace("الاثنين", "الخميس"), when, when)["conflicts"] == []
    assert _two(first, second.replace("الاثنين", "الأربعاء"), when, when)["conflicts"] == []


def test_a_sentence_giving_both_counts_holds_a_part_not_a_contradiction() -> None:
    when = datetime(2024, 5, 5, 12, tzinfo=TZ)
    first = "وأوضح المدير أن المتسابقين الـ80 خضعوا لاختبارات اللجنة الفنية في مقر الأكاديمية بالعاصمة."
    part = "وأفاد المدير بأن المتسابقين الـ80 خضعوا لاختبارات اللجنة الفنية واجتازها 35 متسابقا فقط."
    alone = "وأفاد المدير بأن 35 متسابقا فقط خضعوا لاختبارات اللجنة الفنية في مقر الأكاديمية."

    def kept(second: str) -> list[align.Link]:
        """Whether a conflict between the 80 and the 35 survives, had anything linked them."""
        refs = _refs((first, second), when)
        eighty = next(i for i, r in enumerate(refs) if r.doc == 0 and r.attrs.get("value") == 80)
        thirty_five = next(i for i, r in enumerate(refs) if r.attrs.get("value") == 35)
        link = align.Link(eighty, thirty_five, 0.9, Verdict("conflict", "80 vs 35"))
        return align._without_stated_elsewhere(refs, [link])

    # The sentence that gives 35 also names the 80: its 35 counts a part of them (those who passed).
    assert kept(part) == []
    assert len(kept(alone)) == 1
    assert _two(first, part, when, when)["conflicts"] == []


def test_a_total_over_separate_incidents_is_not_one_incidents_count() -> None:
    when = datetime(2024, 5, 5, 12, tzinfo=TZ)
    first = "لقي ثلاثة أشخاص مصرعهم وأصيب 12 آخرون في حادثين منفصلين على طريق الساحل الدولي اليوم."
    second = "لقي شخصان مصرعهما وأصيب 4 آخرون إثر تصادم سيارتين على طريق الساحل الدولي اليوم."
    assert _two(first, second, when, when)["conflicts"] == []
    # One accident each: two dead (a dual noun) against three is a contradiction, and so are the injured.
    one = first.replace(" في حادثين منفصلين", " في حادث تصادم")
    values = [set(c["values"]) for c in _two(one, second, when, when)["conflicts"]]
    assert values == [{"ثلاثة أشخاص", "شخصان"}, {"12 آخرون", "4 آخرون"}]


def test_a_weekday_and_a_day_said_from_the_same_word_need_less_to_conflict() -> None:
    when = datetime(2015, 8, 4, 12, tzinfo=TZ)  # a Tuesday
    second = "استعادت قوات الجيش الوطني قاعدة العند العسكرية أمس بدعم من طيران التحالف."

    def sure_at(first: str, score: float) -> bool:
        refs = _refs((first, second), when)
        x = next(r for r in refs if r.kind == "weekday")
        y = next(r for r in refs if r.doc == 1 and r.kind == "date")
        return align._sure_conflict(x, y, score)

    # "أمس الخميس" against "أمس": both outlets date the event from the same word; a middling likeness of
    # the sentences is enough to call the wrong weekday a contradiction.
    anchored = "أحكمت المقاومة أمس الخميس سيطرتها على قاعدة العند الجوية بعد معارك عنيفة."
    assert sure_at(anchored, 0.35)
    # A weekday given without "أمس" may date another event of the story: it needs the usual likeness.
    bare = anchored.replace("أمس الخميس", "الخميس")
    assert not sure_at(bare, 0.35)


def test_the_only_count_of_a_noun_in_each_article_is_one_count() -> None:
    when = datetime(2024, 5, 5, 12, tzinfo=TZ)
    first = "اختتم مهرجان التمور في بريدة فعالياته أمس بحضور 60 ألف زائر من المواطنين والمقيمين."
    second = "أسدل الستار على مهرجان التمور في بريدة بعدما تخطت أعداد الحضور حاجز 36 ألف زائر خلال أيامه."
    report = _two(first, second, when, when)
    assert len(report["conflicts"]) == 1 and "زائر" in report["conflicts"][0]["explanation"]
    # "persons" is no such noun: evacuated and rescued people are two counts of one fire.
    first = "أخلت فرق الدفاع المدني 35 شخصا من عمارة سكنية اشتعلت فيها النيران مساء أمس."
    second = "تمكن رجال الإنقاذ من انتشال 15 شخصا كانوا محتجزين في الطوابق العليا للمبنى المحترق."
    report = _two(first, second, when, when)
    assert report["conflicts"] == []


def test_each_articles_only_written_day_is_the_storys_date() -> None:
    when = datetime(2015, 7, 20, 12, tzinfo=TZ)
    first = (
        "أعلن اتحاد الكرة أن نهائي كأس الساحل بين فريقي الجبل والوادي سيقام في العاصمة. "
        "وحدد الاتحاد يوم 22 أغسطس 2015 موعدا للمباراة."
    )
    second = (
        "طرحت تذاكر نهائي كأس الساحل بين فريقي الجبل والوادي للبيع. "
        "ويقام اللقاء في 12 أغسطس المقبل على الملعب الكبير."
    )
    report = _two(first, second, when, when)
    assert [c["kind"] for c in report["conflicts"]] == ["date"]
    # A second written day in one article: which one is the match is no longer clear.
    report = _two(first + " وتغلق الحجوزات في 15 أغسطس.", second, when, when)
    assert report["conflicts"] == []


def test_with_no_order_from_the_clock_the_report_of_a_rise_is_the_later_one() -> None:
    when = datetime(2024, 5, 5, 12, tzinfo=TZ)
    first = "أصيب 27 شخصا اليوم في حريق وانفجار في مبنى سكني بمدينة النخيل."
    second = "ارتفع عدد المصابين في حريق وانفجار مبنى سكني بمدينة النخيل اليوم إلى 38 مصابا."
    for published in (when, None):
        report = _two(first, second, published, published)
        assert report["conflicts"] == []
        assert any(g["status"] == "update" and "38" in g["explanation"] for g in report["groups"])


def test_reports_of_different_days_are_a_timeline_not_a_dispute() -> None:
    monday = datetime(2015, 8, 10, 9, tzinfo=TZ)
    first = "أنهى مؤشر نيكاي الياباني تعاملات اليوم الاثنين منخفضا 1.2 بالمئة إلى 20520 نقطة."
    second = "أنهى مؤشر نيكاي الياباني تعاملات اليوم الثلاثاء مرتفعا 0.4 بالمئة إلى 20610 نقطة."
    report = _two(first, second, monday, monday + timedelta(days=1))
    assert report["conflicts"] == []
    assert any("different days" in g["explanation"] for g in report["groups"])
    # Monday and Thursday on one publication date: one of them is wrong.
    report = _two(first, second.replace("الثلاثاء", "الخميس"), monday, monday)
    assert report["conflicts"]
    # A part of the day before the anchor still dates the report ("صباح اليوم الاثنين").
    morning = first.replace("تعاملات اليوم الاثنين", "تعاملات صباح اليوم الاثنين")
    assert _two(morning, second, monday, monday + timedelta(days=1))["conflicts"] == []


# --- the built-in example corpus ----------------------------------------------------------------------


def test_example_corpus_is_split_into_its_three_stories() -> None:
    report, _ = example()
    assert report["grouped"] is True
    assert sorted(len(s["articles"]) for s in report["stories"]) == [1, 5, 5]


def test_example_corpus_wire_copy_is_found_and_counted_as_one_source() -> None:
    report, docs = example()
    by_source = {d.article.source.rsplit("/", 1)[-1]: d.article.id for d in docs}
    wire, reprint = by_source["01-madar-flood.txt"], by_source["02-mirqab-flood.txt"]
    copies = report["copies"]
    assert any(c["article"] == reprint and c["of_article"] == wire and c["words"] > 50 for c in copies)
    source = {a["id"]: a["source"] for a in report["articles"]}
    assert source[wire] == source[reprint]


def test_example_corpus_conflicts_and_corroborations() -> None:
    report, docs = example()
    _assert_spans(report, docs)
    assert any({"1.2 ألف شخص", "2000 نازح"} <= v for v in _conflict_values(report))
    petrol = _group_of(report, "12.5 في المئة")
    assert petrol["status"] == "corroborated" and petrol["independent_sources"] >= 2
    assert _group_of(report, "180 مليون دينار")["status"] == "corroborated"
    strikers = _group_of(report, "۳۲۰۰ عامل")  # Persian digits, hedged: agrees with "نحو ثلاثة آلاف"
    assert strikers["status"] == "corroborated"


def test_example_corpus_different_currencies_never_conflict() -> None:
    report, _ = example()
    for values in _conflict_values(report):
        assert not (any("دينار" in x for x in values) and any("دولار" in x for x in values))


def test_example_corpus_update_by_the_same_wire() -> None:
    report, _ = example()
    assert any(g["status"] == "update" and "revises" in g["explanation"] for g in report["groups"])


# --- the seed articles -------------------------------------------------------------------------------


def test_seeds_weekday_conflict_on_the_recording() -> None:
    report, docs = seeds()
    _assert_spans(report, docs)
    weekday = [c for c in report["conflicts"] if c["kind"] == "weekday"]
    assert any("الثلاثاء" in " ".join(c["values"]) and "الخميس" in " ".join(c["values"]) for c in weekday)


def test_seeds_corroborations() -> None:
    report, _ = seeds()
    offensive = _group_of(report, "17 أكتوبر")
    assert offensive["status"] == "corroborated"
    unverified = [g for g in report["groups"] if g["status"] == "corroborated" and g["kind"] == "event"]
    assert any("التسجيل" in g["label"] for g in unverified)


def test_seeds_single_source_items() -> None:
    report, _ = seeds()
    assert _group_of(report, "31 دقيقة")["status"] == "single-source"
    single = {name for e in report["entities"] if e["single_source"] for name in e["names"]}
    assert "كوكجالي" in single and "منظمة العفو الدولية" in single


def test_seeds_quote_variants() -> None:
    report, _ = seeds()
    quotes = {q["id"]: q for q in report["quotes"]}
    pairs = {(q["text"], quotes[v["quote"]]["text"]) for q in report["quotes"] for v in q["variants"]}
    assert any("الحرب الشاملة" in a and "المعركة المستعرة" in b for a, b in pairs)
    assert any("تسيل أنهارا" in a and "دماءهم أنهاراً" in b for a, b in pairs)


def test_seeds_call_to_fight_the_enemies_of_god_is_a_corroborated_statement() -> None:
    report, _ = seeds()
    statements = [g for g in report["groups"] if g["kind"] == "statement" and g["status"] == "corroborated"]
    assert any("أعداء الله" in g["label"] and g["independent_sources"] == 2 for g in statements)
    assert all(len(g["quotes"]) >= 2 and g["claims"] == [] for g in statements)


def test_seeds_the_first_message_in_over_a_year_is_corroborated() -> None:
    report, _ = seeds()
    corroborated = [g for g in report["groups"] if g["status"] == "corroborated" and g["kind"] != "statement"]
    assert any("رسالة" in g["label"] for g in corroborated)


def test_seeds_population_conflict_is_tied_to_mosul() -> None:
    report, _ = seeds()
    conflict = next(c for c in report["conflicts"] if {"1.2 مليون شخص", "1.5 مليون شخص"} == set(c["values"]))
    assert "1.2 مليون شخص" in conflict["explanation"] and "1.5 مليون شخص" in conflict["explanation"]
    mosul = [e for e in report["entities"] if "الموصل" in e["names"]]
    assert len(mosul) == 1 and len(mosul[0]["articles"]) == 2  # one key across both articles
