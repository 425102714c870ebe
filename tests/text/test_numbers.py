"""Numbers as a reader means them: value, hedge, range, percent, money, ordinal and the counted noun."""

from __future__ import annotations

import itertools
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from isnad.model import Span
from isnad.text.normalize import normalize
from isnad.text.numbers import find_numbers

KEYS = {
    "value", "kind", "hedge", "hedge_text", "low", "high", "unit", "unit_class", "unit_start", "unit_end",
    "currency", "currency_assumed", "ordinal", "percent", "place",
}  # fmt: skip


def numbers(text: str) -> list[Span]:
    """find_numbers on the matching view, with the contract every caller relies on checked."""
    spans = find_numbers(normalize(text))
    for s in spans:
        assert text[s.start : s.end] == s.text
        assert s.label == "number"
        assert set(s.attributes) == KEYS
        json.dumps(s.attributes)
        if s.attributes["unit_start"] is not None:
            assert 0 <= s.attributes["unit_start"] < s.attributes["unit_end"] <= len(text)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    return spans


def one(text: str, expected: str) -> dict[str, Any]:
    """Attributes of the span whose text is `expected` (it must exist)."""
    found = {s.text: dict(s.attributes) for s in numbers(text)}
    assert expected in found, f"{expected!r} not in {list(found)}"
    return found[expected]


# --- acceptance: the seed articles ---------------------------------------------------------------------


def test_seed_articles(seeds_dir: Path) -> None:
    first = (next(seeds_dir.glob("000_*.txt"))).read_text(encoding="utf-8")
    a = one(first, "1.2 مليون")
    assert (a["value"], a["unit"], a["unit_class"]) == (1200000, "شخص", "person")
    unit = first[a["unit_start"] : a["unit_end"]]
    assert unit == "شخص"
    second = (next(seeds_dir.glob("003_*.txt"))).read_text(encoding="utf-8")
    b = one(second, "1.5 مليون")
    assert (b["value"], b["unit_class"]) == (1500000, "person")
    c = one(second, "31")
    assert (c["value"], c["unit"], c["unit_class"]) == (31, "دقيقه", "time")


def test_more_than_a_year_is_not_a_number_but_more_than_a_thousand_is() -> None:
    text = "عاد المتحدث بعد أكثر من عام، وقال إن أكثر من ألف متطوع شاركوا في حملة التشجير."
    spans = numbers(text)
    assert [s.text for s in spans] == ["ألف"]
    assert spans[0].attributes["value"] == 1000
    assert spans[0].attributes["hedge"] == "more_than"
    assert spans[0].attributes["hedge_text"] == "أكثر من"


# --- values ---------------------------------------------------------------------------------------------

VALUES = [
    ("وقدّرت البلدية عدد الزوار بـ2.4 مليون زائر", "2.4 مليون", 2400000),
    ("جمعت الحملة مليون ونصف توقيع", "مليون ونصف", 1500000),
    ("شارك ثلاثة آلاف عداء في السباق", "ثلاثة آلاف", 3000),
    ("وصل عشرون قاربا إلى الميناء", "عشرون", 20),
    ("أصيب خمسة وعشرين لاعبا", "خمسة وعشرين", 25),
    ("زرعت البلدية مئة شجرة", "مئة", 100),
    ("تبرع بمائة كتاب للمكتبة", "مائة", 100),
    ("استقبلت المدينة ربع مليون سائح", "ربع مليون", 250000),
    ("انخفض المنسوب إلى النصف تقريبا بعد نصف يوم", "نصف", 0.5),
    ("بيع 12,500 تذكرة للحفل", "12,500", 12500),
    ("بيع 12.500 تذكرة للحفل", "12.500", 12500),
    ("بلغ الدين 1.500 مليون دينار", "1.500 مليون", 1500000),
    ("سجلت المحطة ١٫٥ مليمتر من المطر", "١٫٥", 1.5),
    ("كلفت الصيانة ٣٫٥٠٠ مليون", "٣٫٥٠٠ مليون", 3500000),
    ("بلغ وزن الطرد ٣٫٥٠٠ كيلوغرام", "٣٫٥٠٠", 3.5),
    ("ارتفع المؤشر 2,5 نقطة", "2,5", 2.5),
    ("وصل ۱۲٬۵۰۰ مشارك", "۱۲٬۵۰۰", 12500),
    ("تضم المدينة 1.250.000 نسمة", "1.250.000", 1250000),
    ("نقلت الشاحنات 3 آلاف طن", "3 آلاف", 3000),
    ("حضر ألفي مشجع المباراة", "ألفي", 2000),
    ("خصصت الوزارة مليونين للمشروع", "مليونين", 2000000),
    ("يسكن الإقليم سبعة وعشرين مليون وثلاثمائة ألف نسمة", "سبعة وعشرين مليون وثلاثمائة ألف", 27300000),
    ("بنيت ثلاثمئة وحدة سكنية", "ثلاثمئة", 300),
    ("بنيت ثلاث مئة وحدة سكنية", "ثلاث مئة", 300),
    ("تأهل ثلاثة عشر فريقا و اثنا عشر حكما", "ثلاثة عشر", 13),
    ("وصلت إحدى عشرة سفينة", "إحدى عشرة", 11),
    ("وزعت مئة وخمسة وعشرون سلة غذائية", "مئة وخمسة وعشرون", 125),
    ("وصل مليون و200 ألف لاجئ", "مليون و200 ألف", 1200000),
    ("بلغت التكلفة ألفين وخمسمائة دينار", "ألفين وخمسمائة", 2500),
    ("وافق ثلثهم على الاقتراح", "ثلثهم", 1 / 3),
]


@pytest.mark.parametrize(("text", "span", "value"), VALUES)
def test_values(text: str, span: str, value: float) -> None:
    assert one(text, span)["value"] == pytest.approx(value, rel=1e-6)


def test_diacritics_and_tatweel_inside_number_words() -> None:
    text = "جُمِعَ ثـلاثـةُ آلافٍ وعَشَرَةُ ملايينَ"
    found = {s.text: s.attributes["value"] for s in numbers(text)}
    assert found == {"ثـلاثـةُ آلافٍ": 3000, "عَشَرَةُ ملايينَ": 10000000}


def test_separate_scaled_numbers_joined_by_and_stay_separate() -> None:
    spans = numbers("تبرعت الشركة الأولى بـ20 ألفا و30 ألفا من الثانية")
    assert [(s.text, s.attributes["value"]) for s in spans if s.attributes["kind"] != "ordinal"] == [
        ("20 ألفا", 20000),
        ("30 ألفا", 30000),
    ]


# --- clitics --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("تقدر الخسائر بـ1.2 مليون", "1.2 مليون", 1200000),
        ("وصل 4 مهندسين و3 فنيين", "3", 3),
        ("خفض السعر لـ20 دينارا", "20", 20),
        ("غادر خمسة وثلاثة بقوا", "ثلاثة", 3),
        ("ارتفع العدد بنحو 40 شخصا", "40", 40),
    ],
)
def test_span_starts_after_the_clitic(text: str, span: str, value: int) -> None:
    assert one(text, span)["value"] == value


def test_hedge_word_with_clitic() -> None:
    a = one("قدّر الدفاع المدني الأضرار بنحو 300 منزل", "300")
    assert (a["hedge"], a["hedge_text"]) == ("approx", "نحو")


# --- hedges, ranges, vague plurals ----------------------------------------------------------------------

HEDGES = [
    ("حضر حوالي 500 شخص", "500", "approx"),
    ("حضر قرابة ثلاثين صحفيا", "ثلاثين", "approx"),
    ("حضر ما يقارب 70 مندوبا", "70", "approx"),
    ("حضر زهاء 90 ضيفا", "90", "approx"),
    ("حضر 80 ضيفا تقريبا", "80", "approx"),
    ("نفق ما يزيد على 200 رأس", "200", "more_than"),
    ("نفق ما يربو على 200 رأس", "200", "more_than"),
    ("يمنع من هم دون 18 عاما", "18", "less_than"),
    ("يقل العدد عن النصاب: أقل من 50 عضوا", "50", "less_than"),
    ("أصيب ما لا يقل عن 12 شخصا", "12", "at_least"),
    ("أصيب 12 شخصا على الأقل", "12", "at_least"),
    ("تتسع القاعة لما لا يزيد عن 400 شخص", "400", "at_most"),
    ("قد تصل الغرامة حتى 5000 ريال", "5000", "at_most"),
]


@pytest.mark.parametrize(("text", "span", "hedge"), HEDGES)
def test_hedges(text: str, span: str, hedge: str) -> None:
    assert one(text, span)["hedge"] == hedge


@pytest.mark.parametrize(
    ("text", "span", "low", "high"),
    [
        ("أصيب بين 10 و20 متظاهرا", "10 و20", 10, 20),
        ("يتراوح العمر 10-20 عاما", "10-20", 10, 20),
        ("ترتفع الحرارة من 30 إلى 35 درجة", "30 إلى 35", 30, 35),
        ("يقدر عددهم بين 2 و3 ملايين", "2 و3 ملايين", 2000000, 3000000),
        ("تراوح عدد الحضور بين خمسة وعشرين شخصا", "خمسة وعشرين", 5, 20),
    ],
)
def test_ranges(text: str, span: str, low: int, high: int) -> None:
    a = one(text, span)
    assert (a["kind"], a["low"], a["high"], a["value"]) == ("range", low, high, low)


def test_range_keeps_the_counted_noun() -> None:
    a = one("قتل بين 10 و20 مدنيا", "10 و20")
    assert (a["unit"], a["unit_class"]) == ("مدنيا", "person")


@pytest.mark.parametrize(
    ("text", "span", "low", "high"),
    [
        ("خرج عشرات المحتجين", "عشرات", 10, 99),
        ("نزح مئات السكان", "مئات", 100, 999),
        ("يعيش آلاف من العمال هناك", "آلاف", 1000, 9999),
        ("شاهد المباراة ملايين المشجعين", "ملايين", 1000000, 9999999),
        ("تجمع عشرات الآلاف في الساحة", "عشرات الآلاف", 10000, 99999),
        ("وصل بضعة آلاف", "بضعة آلاف", 3000, 9999),
    ],
)
def test_vague_plurals(text: str, span: str, low: int, high: int) -> None:
    a = one(text, span)
    assert (a["kind"], a["low"], a["high"]) == ("vague", low, high)


def test_vague_plural_counts_the_noun_after_min() -> None:
    a = one("يعيش آلاف من العمال هناك", "آلاف")
    assert a["unit"] == "العمال"


# --- percent, money, units ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("ارتفعت الأسعار 20% هذا العام", "20%", 20),
        ("ارتفعت الأسعار ٢٠٪ هذا العام", "٢٠٪", 20),
        ("ارتفعت الأسعار 7.5 في المئة", "7.5 في المئة", 7.5),
        ("انخفضت الصادرات 12 بالمائة", "12 بالمائة", 12),
        ("انخفضت الصادرات بنسبة %15", "%15", 15),
    ],
)
def test_percent(text: str, span: str, value: float) -> None:
    a = one(text, span)
    assert (a["kind"], a["percent"], a["unit_class"]) == ("percent", value, "percent")


@pytest.mark.parametrize(
    ("text", "span", "value", "currency", "assumed"),
    [
        ("بلغت الصفقة 60 مليون دولار أمريكي", "60 مليون", 60000000, "USD", False),
        ("رصدت الحكومة 3 ملايين ريال سعودي", "3 ملايين", 3000000, "SAR", False),
        ("رصدت الحكومة 4 آلاف دينار كويتي", "4 آلاف", 4000, "KWD", False),
        ("بلغ الإيجار 500 جنيه إسترليني", "500", 500, "GBP", False),
        ("هبطت الليرة إلى 900 ليرة لبنانية", "900", 900, "LBP", False),
        ("تبرع بـ2.75 مليار يورو", "2.75 مليار", 2750000000, "EUR", True),
        ("دفع 50$ للدخول", "50$", 50, "USD", True),
    ],
)
def test_money(text: str, span: str, value: int, currency: str, assumed: bool) -> None:
    a = one(text, span)
    assert (a["kind"], a["value"], a["currency"], a["currency_assumed"]) == (
        "money",
        value,
        currency,
        assumed,
    )
    assert a["unit_class"] in ("money", None)


@pytest.mark.parametrize(
    ("text", "span", "unit", "unit_class"),
    [
        ("قتل 7 أشخاص", "7", "اشخاص", "person"),
        ("سقط 14 قتيلا", "14", "قتيلا", "killed"),
        ("أحصت الوزارة 30 جريحا", "30", "جريحا", "injured"),
        ("توقف البث 45 دقيقة", "45", "دقيقه", "time"),
        ("سار 12 كيلومترا", "12", "كيلومترا", "distance"),
        ("صودر 3 أطنان", "3", "اطنان", "weight"),
        ("تبلغ مساحتها 1000 متر مربع", "1000", "متر مربع", "area"),
        ("اشترى 5 سيارات", "5", "سيارات", "other"),
    ],
)
def test_counted_noun(text: str, span: str, unit: str, unit_class: str) -> None:
    a = one(text, span)
    assert (a["unit"], a["unit_class"]) == (unit, unit_class)
    assert normalize(text[a["unit_start"] : a["unit_end"]]).text == unit


# --- ordinals -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "ordinal"),
    [
        ("فاز الفريق بالمركز الأول", "الأول", 1),
        ("هذه أول زيارة له", "أول", 1),
        ("أقيم الحفل في الطابق الحادي عشر", "الحادي عشر", 11),
        ("احتفلت بالذكرى الخامسة والعشرين", "الخامسة والعشرين", 25),
        ("افتتحت الدورة الـ15 للمعرض", "15", 15),
        ("جاء المنتخب ثالثا", "ثالثا", 3),
    ],
)
def test_ordinals(text: str, span: str, ordinal: int) -> None:
    a = one(text, span)
    assert (a["kind"], a["ordinal"]) == ("ordinal", ordinal)


def test_definite_digits_before_a_counted_noun_stay_cardinal() -> None:
    a = one("خلال الـ15 عاما الماضية", "15")
    assert (a["kind"], a["unit_class"]) == ("cardinal", "time")


def test_a_race_named_by_its_distance_is_a_name_not_a_measure() -> None:
    # "سباق 800 متر" and "سباق 1500 متر" are two races, not two measures of one; a run distance is a measure.
    assert one("فاز العداء بذهبية سباق 800 متر", "800")["unit"] is None
    assert one("قطع العداء مسافة 800 متر", "800")["unit"] == "متر"


def test_list_item_numbers_are_ordinals() -> None:
    a = one("2 - يلتزم المتعاقد بتسليم الأعمال", "2")
    assert a["kind"] == "ordinal"


# --- false friends and non-quantities -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "افتتحت الجامعة الإسلامية كلية جديدة",  # مية inside اسلامية
        "تقيم السيدة في ستوكهولم منذ ستة أشهر",  # ست inside ستوكهولم / ستة
        "ارتفع ثاني أكسيد الكربون",
        "قال لست أدري",
        "وصلت كمية كبيرة من القمح",
        "تعقد الجلسة يوم الأحد أو يوم الاثنين",
        "قابل أحد المسؤولين عبد الواحد",
        "حدث ذلك أول أمس",
        "تسع القاعة 500 مقعد",
    ],
)
def test_false_friends(text: str) -> None:
    found = [s.text for s in numbers(text)]
    wrong = ("مية", "ست", "ثاني", "الأحد", "الاثنين", "أحد", "الواحد", "أول", "تسع", "كمية")
    assert not any(t in found for t in wrong)
    if "ستة" in text:
        assert found == ["ستة"]


def test_ids_dates_times_and_codes_are_not_quantities() -> None:
    text = (
        "اتصل بالرقم 0555123456 أو 96612345678 بتاريخ 17/10/2016 و2016-10-17 الساعة 10:30 بشأن COVID-19 وG20"
    )
    assert numbers(text) == []


def test_url_escapes_are_not_numbers() -> None:
    assert numbers("الرابط %d8%a7%d9%84%d9%85 انتهى") == []


def test_digits_are_found_next_to_emoji_and_rare_characters() -> None:
    # U+3030 then U+0100 put the bytes of an ASCII "0" across two characters; the emoji needs two code units.
    for text in ("〰Ā وصل 25 شخصا ثم 40 آخرون", "وصل 25 شخصا 😀 ثم 40 آخرون"):
        assert [(s.text, s.attributes["value"]) for s in numbers(text)] == [("25", 25), ("40", 40)]


def test_absurdly_long_digit_runs_are_not_numbers_and_do_not_crash() -> None:
    assert numbers("رمز التحقق " + "7" * 300 + ".5 انتهى") == []
    assert numbers("رمز التحقق 1" + ",000" * 120 + " انتهى") == []
    assert one("بلغ الدين 1,250,000,000 دينار", "1,250,000,000")["value"] == 1250000000


# --- robustness -----------------------------------------------------------------------------------------

PIECES = st.sampled_from(
    [*"ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة"]
    + ["\u064e", "\u0650", "\u0651", "\u0640", "\u200f"]
    + list("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789")
    + list(" \n،.-/:%٪٫٬,$()«»")
    + ["ثلاثة", "آلاف", "مليون", "و", "بين", "نحو", "أكثر من", "الأول", "عشر", "في المئة", "دولار", "ونصف"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=60).map("".join))
def test_random_text_never_raises_and_spans_are_valid(text: str) -> None:
    numbers(text)


def test_real_articles_keep_the_contract(datasets_dir: Path) -> None:
    archive = next(iter(sorted((datasets_dir / "saudinewsnet" / "dataset").glob("*.zip"))), None)
    if archive is None:
        pytest.skip("SaudiNewsNet archives not found")
    with zipfile.ZipFile(archive) as z:
        records = json.loads(z.read(z.namelist()[0]))
    total = 0
    for record in records[:200]:
        total += len(numbers(record.get("content") or ""))
    assert total > 100


def test_a_year_is_not_followed_by_a_counted_verb() -> None:
    assert one("صدر التقرير في يناير 2019 وأكد أن الخطة نجحت", "2019")["unit"] is None
    assert one("شارك 2000 شخص في الماراثون", "2000")["unit_class"] == "person"


def test_definite_numeral_counts_the_noun_before_it_not_the_word_after() -> None:
    four = one("خلال الأعوام الأربعة المقبلة", "الأربعة")
    assert four["unit"] == "الاعوام" and four["unit_class"] == "time"
    text = "وأكدت الوزارة أن الشركات الـ 8 مستمرة في التسويق، ومن بين المصابين الخمسة طفلان"
    assert one(text, "8")["unit"] == "الشركات" and one(text, "8")["kind"] == "cardinal"
    assert one(text, "الخمسة")["unit_class"] == "injured"
    assert one("مع الشركات الـ8 الكبرى", "8")["unit"] == "الشركات"
    # Definite digits after a singular noun are a rank, and an indefinite noun counts nothing here.
    assert one("انعقاد الدورة الـ20 للمجلس", "20")["kind"] == "ordinal"
    assert one("لعب دور الثمانية", "الثمانية")["unit"] is None


def test_a_figure_in_brackets_or_quotes_still_counts_the_noun_after_them() -> None:
    text = 'تمت إزالة (87) لوحة مخالفة، وتعاملت العيادات مع " 970 " حالة مرضية'
    assert one(text, "87")["unit"] == "لوحه"
    assert one(text, "970")["unit"] == "حاله"
    assert one("وتستمر الدورة لمدة / 21 / يوماً", "21")["unit"] == "يوما"  # news agency slashes
    # "و" after the bracket starts the next item of a list, unless the word itself begins with it.
    goals = "سجل للمنتخب مناعي الرويس (54) وعلي عمرو (94)"
    assert one(goals, "54")["unit"] is None
    assert one("بناء (20) وحدة سكنية", "20")["unit"] == "وحده"
    # A closing bracket alone is no wrapping: "(انظر الجدول 3) لوحة" is not three panels.
    assert one("انظر الجدول 3) لوحة", "3")["unit"] is None


def test_a_scale_word_after_the_brackets_still_scales_the_figure() -> None:
    text = "أقيم مبنى بمساحة (12) ألف متر مربع، ونقل المطار (11,9) ملايين راكب"
    first = one(text, "12) ألف")
    assert (first["value"], first["unit"]) == (12000, "متر مربع")
    second = one(text, "11,9) ملايين")
    assert (second["value"], second["unit"]) == (11_900_000, "راكب")


def test_a_scale_word_after_unreadable_digits_is_not_a_figure_of_its_own() -> None:
    # "1.340.7" mixes thousands dots and a decimal dot; "مليار" alone would claim exactly a billion.
    assert [s.text for s in numbers("بلغت القروض 1.340.7 مليار ريال")] == []
    assert one("وتجاوزت القروض مليار ريال", "مليار")["value"] == 1_000_000_000


def test_agency_decimals_written_fraction_first() -> None:
    assert one("ضرب زلزال بلغت قوته 7ر5 درجات", "7ر5")["value"] == 5.7
    assert one("أغلق المؤشر عند 04ر1689 نقطة", "04ر1689")["value"] == 1689.04
    # Kept reversed around a right-to-left mark by some copies.
    assert one("هبط الخام إلى 75.\u200f49 دولار", "75.\u200f49")["value"] == 49.75
    assert one("هبط الخام إلى 75.49 دولار", "75.49")["value"] == 75.49
    assert [s.text for s in numbers("قبر 1ر")] == ["1"]  # no fraction after the ر: no agency decimal


def test_a_score_is_one_figure_of_two_sides_not_a_range_or_two_counts() -> None:
    score = one("فاز المنتخب بالشوط الأول 25-16 وعاد المنافس", "25-16")
    assert (score["kind"], score["value"], score["high"], score["unit"]) == ("score", 25, 16, None)
    assert one("وكسب الشوط الثالث 25 ــ 17", "25 ــ 17")["kind"] == "score"  # a tatweel dash
    assert one("بسرعة 15- 35 كم", "15- 35")["kind"] == "range"  # low to high is a range


def test_a_percent_sign_written_once_covers_the_list_before_it() -> None:
    text = "ارتفع الناتج في البلدان الثلاثة 2.9 و2.6 و2.4 في المائة على التوالي"
    assert [one(text, t)["kind"] for t in ("2.9", "2.6", "2.4 في المائة")] == ["percent"] * 3
    assert one("قتل 5 أشخاص و20% من السكان", "5")["kind"] == "cardinal"  # a counted noun of its own
    assert one("سجل المؤشر 12 15%", "12")["kind"] == "cardinal"  # no conjunction: no list


def test_past_tense_exceeding_is_a_lower_bound_and_its_negation_an_upper_one() -> None:
    assert one("بقيمة فاقت 309 ملايين ريال", "309 ملايين")["hedge"] == "more_than"
    assert one("بعدد زوار تجاوز 40 ألف زائر", "40 ألف")["hedge"] == "more_than"
    assert one("ولا تتجاوز 5 سنوات", "5")["hedge"] == "at_most"
    assert one("لم يتجاوز 12 حالة", "12")["hedge"] == "at_most"


def test_a_percent_word_is_never_a_hundred_of_its_own() -> None:
    text = "وزاد سعر الذهب واحدا بالمئة إلى 1096.40 دولار للأوقية"
    assert one(text, "واحدا بالمئة")["percent"] == 1
    assert one(text, "1096.40")["value"] == 1096.4  # not a range from "المئة" (100) to it
    assert [s.text for s in find_numbers(normalize("ارتفع المؤشر بنسبة طفيفة بالمئة"))] == []


def test_one_after_its_noun_counts_that_noun() -> None:
    assert one("حقق الفريق 8 ميداليات دفعة واحدة", "واحدة")["unit"] == "دفعه"
    assert one("خلال يوم واحد فقط", "واحد")["unit_class"] == "time"
    # After a verb "واحد" counts nothing: "he was one of the best".
    assert one("وكان واحدا من أبرز اللاعبين", "واحدا")["unit"] is None


def test_a_conjunction_after_a_figure_is_no_counted_noun() -> None:
    assert one("قتل 5 بينما أصيب 7 في الهجوم", "5")["unit"] is None
    assert one("سجل خطأ في مرماه (21) فيما سجل زميله", "21")["unit"] is None


def test_the_minute_of_a_match_is_a_mark_not_a_count() -> None:
    assert one("تلقى بطاقة حمراء في الدقيقة 29 من عمر اللقاء", "29")["kind"] == "ordinal"
    assert one("استمر الاجتماع 29 دقيقة", "29")["unit_class"] == "time"
    assert one("سجل الهدف في الدقيقة التسعين", "التسعين")["unit"] is None  # ranked, not 90 minutes


@pytest.mark.parametrize(
    ("text", "figure", "place"),
    [
        ("نزلت الفضة 1.0 % في المعاملات الفورية", "1.0 %", 0.1),
        ("بلغ السعر ٢٫٠٠ دولار للبرميل", "٢٫٠٠", 0.01),
        ("بلغ السعر 940.50 دولار للأوقية", "940.50", None),  # a price's habit, not a finer figure
        ("تراجع المؤشر 2.5 نقطة", "2.5", None),  # the value already says a tenth
        ("سجل 1.000 طالب في الدورة", "1.000", None),  # a thousand, not one written to three places
    ],
)
def test_trailing_zeros_record_the_place_a_decimal_is_written_to(text: str, figure: str, place: Any) -> None:
    assert one(text, figure)["place"] == place


@pytest.mark.parametrize(
    ("text", "figure", "hedge"),
    [
        ("لقي شخصان مصرعهما وأصيب 4 آخرون في الحادث", "شخصان", None),
        ("أسفر القصف عن مقتل شخصين وإصابة آخرين", "شخصين", None),
        ("أدى الحريق إلى إصابة امرأتين بحروق", "امرأتين", None),
        ("قتل جنديان في الهجوم على الحاجز", "جنديان", None),
        ("وسقوط ما لا يقل عن قتيلين في العاصفة", "قتيلين", "at_least"),
        ("وسقوط مالايقل عن قتيلين في العاصفة", "قتيلين", "at_least"),  # glued by scraping
    ],
)
def test_a_dual_noun_is_a_count_of_two(text: str, figure: str, hedge: str | None) -> None:
    attrs = one(text, figure)
    assert attrs["value"] == 2 and attrs["unit"] is not None and attrs["hedge"] == hedge


@pytest.mark.parametrize(
    "text",
    [
        "أعلنت حركة طالبان مسؤوليتها عن الهجوم",  # a name, not two students
        "قتل 5 مدنيين في القصف",  # a plural: the count is 5
        "خضع الطالبان الجديدان للاختبار",  # "طالب" takes a sound plural too: not read
    ],
)
def test_plurals_and_names_are_not_duals(text: str) -> None:
    assert all(s.attributes["value"] != 2 for s in numbers(text))


def test_a_dual_with_its_numeral_counts_once() -> None:
    spans = numbers("نجا شخصين اثنين فقط من الحادث")
    assert [s.attributes["value"] for s in spans] == [2]
