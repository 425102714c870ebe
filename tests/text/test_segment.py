"""Sentence and paragraph segmentation: what a reader sees as one sentence stays one span of the original."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from isnad.model import Span
from isnad.text.normalize import normalize
from isnad.text.offsets import DROP, Edit, OffsetMap, View, apply_edits
from isnad.text.segment import MAX_QUOTE, paragraphs, sentences

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


def identity(text: str) -> View:
    return View(text, OffsetMap.identity(len(text)), text)


def split(text: str) -> list[str]:
    spans = sentences(identity(text))
    assert_valid(spans, text)
    return [s.text for s in spans]


def assert_valid(spans: list[Span], original: str) -> None:
    """The contract every caller relies on."""
    previous_end = 0
    for span in spans:
        assert original[span.start : span.end] == span.text
        assert span.text and span.text == span.text.strip()
        assert span.start >= previous_end
        assert span.label == "sentence"
        assert isinstance(span.attributes["paragraph"], int)
        previous_end = span.end


# ---- terminators ------------------------------------------------------------------------------


def test_splits_after_full_stop_question_and_exclamation_marks() -> None:
    text = (
        "افتتحت بلدية الوادي الأخضر جسراً جديداً فوق النهر. هل يخفف الجسر الزحام؟ "
        "يقول السكان إنه سيفعل! وسيكتمل الطريق الدائري العام المقبل."
    )
    assert split(text) == [
        "افتتحت بلدية الوادي الأخضر جسراً جديداً فوق النهر.",
        "هل يخفف الجسر الزحام؟",
        "يقول السكان إنه سيفعل!",
        "وسيكتمل الطريق الدائري العام المقبل.",
    ]


def test_runs_of_marks_end_one_sentence() -> None:
    text = "هل انتهت أزمة المياه في قرية السنديان؟! لا أحد يعرف بعد!? ويترقب الأهالي بيان المجلس."
    assert split(text) == [
        "هل انتهت أزمة المياه في قرية السنديان؟!",
        "لا أحد يعرف بعد!?",
        "ويترقب الأهالي بيان المجلس.",
    ]


def test_comma_semicolon_and_colon_never_end_a_sentence() -> None:
    text = "وقال المتحدث باسم هيئة الأرصاد: إن الأمطار غزيرة، وإن السدود ممتلئة؛ لذلك أغلقت الطرق الجبلية."
    assert split(text) == [text]


def test_missing_space_after_full_stop_still_splits_but_spelled_initials_do_not() -> None:
    text = "وصلت القافلة إلى المخيم.وبدأ توزيع المساعدات فوراً. وبثت قناة إل.جي الخبر."
    assert split(text) == [
        "وصلت القافلة إلى المخيم.",
        "وبدأ توزيع المساعدات فوراً.",
        "وبثت قناة إل.جي الخبر.",
    ]


# ---- quotations -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("«", "»"), ('"', '"'), ("“", "”"), ("(", ")")],
    ids=["guillemets", "straight", "curly", "parens"],
)
def test_quotation_with_full_stops_is_kept_whole(opening: str, closing: str) -> None:
    quote = f"{opening}لن نغلق السوق. سنعوض التجار. وسنعلن التفاصيل غداً{closing}"
    text = f"وقال رئيس بلدية الشاطئ {quote} قبل أن يغادر المؤتمر. ثم بدأ التصويت على الميزانية."
    assert split(text) == [
        f"وقال رئيس بلدية الشاطئ {quote} قبل أن يغادر المؤتمر.",
        "ثم بدأ التصويت على الميزانية.",
    ]


def test_question_mark_inside_quotation_does_not_split() -> None:
    text = (
        "وتساءل مزارعو السهل الشرقي «هل ستصل المياه قبل موسم الحصاد؟ لا أحد يجيبنا» أمام مبنى الوزارة. "
        "وانتهى الاجتماع دون اتفاق."
    )
    assert split(text) == [
        "وتساءل مزارعو السهل الشرقي «هل ستصل المياه قبل موسم الحصاد؟ لا أحد يجيبنا» أمام مبنى الوزارة.",
        "وانتهى الاجتماع دون اتفاق.",
    ]


def test_full_stop_before_closing_quote_ends_the_sentence_after_the_quote() -> None:
    text = 'وقال قائد الفرقة "انتهت المرحلة الأولى من التدريب." وغادر القاعة بعد ذلك.'
    assert split(text) == ['وقال قائد الفرقة "انتهت المرحلة الأولى من التدريب."', "وغادر القاعة بعد ذلك."]


def test_one_word_quoted_title_with_question_mark_stays_inside_its_sentence() -> None:
    text = "نشرت مجلة الواحة مقالاً بعنوان «لماذا؟» عن هجرة الطيور. وأثار المقال نقاشاً واسعاً."
    assert split(text) == [
        "نشرت مجلة الواحة مقالاً بعنوان «لماذا؟» عن هجرة الطيور.",
        "وأثار المقال نقاشاً واسعاً.",
    ]


def test_unclosed_quotation_falls_back_to_normal_splitting() -> None:
    text = "قال المتحدث «لن نتراجع عن القرار. سنواصل العمل حتى النهاية. وسنعلن النتائج قريباً."
    assert split(text) == [
        "قال المتحدث «لن نتراجع عن القرار.",
        "سنواصل العمل حتى النهاية.",
        "وسنعلن النتائج قريباً.",
    ]


def test_quotation_never_spans_paragraphs() -> None:
    text = "قال الشاهد «رأيت الدخان. ثم هربت.\n\nوأكد الدفاع المدني الخبر.» ثم انتهى التحقيق."
    spans = sentences(identity(text))
    assert [(s.text, s.attributes["paragraph"]) for s in spans] == [
        ("قال الشاهد «رأيت الدخان.", 0),
        ("ثم هربت.", 0),
        ("وأكد الدفاع المدني الخبر.»", 1),
        ("ثم انتهى التحقيق.", 1),
    ]


def test_overlong_quotation_is_not_protected() -> None:
    body = "وتحدث الضيف عن تاريخ الميناء القديم وأسواقه. " * (MAX_QUOTE // 40)
    text = f"وقال الضيف «{body.strip()}» ثم صمت."
    assert len(split(text)) > 5


# ---- things that look like terminators --------------------------------------------------------


@pytest.mark.parametrize("title", ["د.", "أ.د.", "م.", "أ.", "Dr.", "Prof."])
def test_no_split_after_titles_and_initials(title: str) -> None:
    text = f"استقبل {title} مازن العطار وفد الجمعية في مكتبه. وناقش الطرفان خطة الموسم."
    assert split(text) == [f"استقبل {title} مازن العطار وفد الجمعية في مكتبه.", "وناقش الطرفان خطة الموسم."]


def test_no_split_inside_dotted_abbreviations() -> None:
    text = "بني السور عام 300 ق.م. على يد ملوك المنطقة، ونقلت الخبر وكالة (د.ب.أ) ومكتب U.S. Navy في المدينة."
    assert split(text) == [text]


@pytest.mark.parametrize("year", ["2015 م.", "2015م.", "1436هـ.", "1436 هـ."])
def test_era_letter_after_a_year_ends_the_sentence(year: str) -> None:
    text = f"افتتح متحف المدينة القديمة عام {year} وزاره آلاف السياح منذ ذلك الحين."
    assert split(text) == [f"افتتح متحف المدينة القديمة عام {year}", "وزاره آلاف السياح منذ ذلك الحين."]


def test_decimals_in_western_and_eastern_digits_are_not_sentence_ends() -> None:
    text = "ارتفع مؤشر البورصة 1.2 نقطة. وتراجع سعر الصرف ١٫٥ في المئة، وبلغ التضخم ٣.٤ في المئة."
    assert split(text) == [
        "ارتفع مؤشر البورصة 1.2 نقطة.",
        "وتراجع سعر الصرف ١٫٥ في المئة، وبلغ التضخم ٣.٤ في المئة.",
    ]


def test_urls_and_emails_are_not_split() -> None:
    text = (
        "نشرت الهيئة التقرير على www.wadi-news.example.org/ar/report.html اليوم. "
        "ويمكن التواصل عبر info@wadi.example.com للاستفسار."
    )
    assert split(text) == [
        "نشرت الهيئة التقرير على www.wadi-news.example.org/ar/report.html اليوم.",
        "ويمكن التواصل عبر info@wadi.example.com للاستفسار.",
    ]


def test_numbered_list_markers_are_not_sentences() -> None:
    lines = "شروط المسابقة:\n1. أن يكون المتسابق مقيماً في المدينة.\n2. أن يقدم طلبه قبل الموعد."
    assert split(lines) == [
        "شروط المسابقة:",
        "1. أن يكون المتسابق مقيماً في المدينة.",
        "2. أن يقدم طلبه قبل الموعد.",
    ]
    inline = "شروط المسابقة: 1. الإقامة في المدينة. 2. تقديم الطلب مبكراً."
    assert split(inline) == ["شروط المسابقة: 1. الإقامة في المدينة.", "2. تقديم الطلب مبكراً."]


def test_ellipsis_ends_a_sentence_unless_the_sentence_continues() -> None:
    assert split("انتظر الأهالي طويلاً... ثم وصلت الشاحنات. وبدأ التوزيع.. بعد الظهر.") == [
        "انتظر الأهالي طويلاً...",
        "ثم وصلت الشاحنات.",
        "وبدأ التوزيع..",
        "بعد الظهر.",
    ]
    continued = "قالوا إن الأمر انتهى…، لكن المفاوضات عادت، وكتب الوزير wait... and see على حسابه."
    assert split(continued) == [continued]


# ---- paragraphs -------------------------------------------------------------------------------


def test_title_line_without_punctuation_and_blank_line_paragraphs() -> None:
    text = (
        "حريق في مستودع بمدينة النخيل\n\n"
        "اندلع حريق كبير في مستودع للأخشاب. وسيطرت فرق الدفاع المدني عليه بعد ساعتين.\n\n"
        "ولم تسجل إصابات بين العمال\n"
    )
    spans = sentences(identity(text))
    assert [(s.text, s.attributes["paragraph"]) for s in spans] == [
        ("حريق في مستودع بمدينة النخيل", 0),
        ("اندلع حريق كبير في مستودع للأخشاب.", 1),
        ("وسيطرت فرق الدفاع المدني عليه بعد ساعتين.", 1),
        ("ولم تسجل إصابات بين العمال", 2),
    ]
    paras = paragraphs(identity(text))
    assert [p.attributes["index"] for p in paras] == [0, 1, 2]
    assert all(p.label == "paragraph" and text[p.start : p.end] == p.text for p in paras)


def test_one_line_per_paragraph_text_breaks_at_every_line() -> None:
    text = " بدأت الانتخابات البلدية صباح اليوم.\r\n وبلغت نسبة المشاركة 40 في المئة\r\n وتعلن النتائج غداً."
    assert [p.text for p in paragraphs(identity(text))] == [
        "بدأت الانتخابات البلدية صباح اليوم.",
        "وبلغت نسبة المشاركة 40 في المئة",
        "وتعلن النتائج غداً.",
    ]


def test_hard_wrapped_text_joins_lines_into_paragraphs() -> None:
    wrapped = (
        "أعلنت إدارة ميناء الصخرة البيضاء صباح أمس أن\n"
        "السفن التجارية ستعود إلى الرسو في الأرصفة\n"
        "الشمالية بعد انتهاء أعمال الصيانة التي بدأت\n"
        "قبل ثلاثة أشهر بسبب العاصفة. وقال مدير الميناء\n"
        "إن الحركة ستعود كاملة.\n\n"
        "ورحب التجار بالقرار."
    )
    assert len(paragraphs(identity(wrapped))) == 2
    assert [s.attributes["paragraph"] for s in sentences(identity(wrapped))] == [0, 0, 1]


def test_empty_and_blank_inputs_give_no_spans() -> None:
    for text in ("", "   ", "\n\n\t\n"):
        assert sentences(identity(text)) == []
        assert paragraphs(identity(text)) == []


# ---- offsets through derived views ------------------------------------------------------------


def test_spans_from_the_normalised_view_point_into_the_original() -> None:
    original = "قالَ الرئيـــسُ إنّ النموَّ بلغ ١٫٥ في المئة. هل يستمر؟ «لا نعرف. ربما»."
    spans = sentences(normalize(original))
    assert [s.text for s in spans] == [
        "قالَ الرئيـــسُ إنّ النموَّ بلغ ١٫٥ في المئة.",
        "هل يستمر؟",
        "«لا نعرف. ربما».",
    ]
    assert_valid(spans, original)


def test_spans_from_a_cleaned_view_skip_dropped_junk() -> None:
    original = "&&JUNK&& وصل الوفد. وبدأ الاجتماع."
    text, offsets = apply_edits(original, [Edit(0, 9, "", DROP)])
    spans = sentences(View(text, offsets, original))
    assert [s.text for s in spans] == ["وصل الوفد.", "وبدأ الاجتماع."]
    assert_valid(spans, original)


# ---- the acceptance seeds ---------------------------------------------------------------------


def _seed(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS}")
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_seed_003_long_quotation_is_inside_one_sentence() -> None:
    text = _seed("003")
    start = text.index('"إن هذه المعركة المستعرة')
    end = text.index('"', start + 1) + 1
    spans = sentences(identity(text))
    assert_valid(spans, text)
    assert any(s.start <= start and end <= s.end for s in spans)
    assert len(spans) >= 10


def test_seed_000_every_paragraph_has_a_sentence_and_quotes_stay_whole() -> None:
    text = _seed("000")
    spans = sentences(identity(text))
    assert_valid(spans, text)
    paras = paragraphs(identity(text))
    assert len(paras) >= 20
    assert {s.attributes["paragraph"] for s in spans} == set(range(len(paras)))
    for para in paras:  # every paragraph holds at least one sentence, and sentences stay in it
        inside = [s for s in spans if para.start <= s.start and s.end <= para.end]
        assert inside
    # The quoted passage "لا تفروا. إذ إن ... للنصر." holds a full stop; quotes are kept whole,
    # so it stays inside the one sentence that introduces it.
    start = text.index('"لا تفروا.')
    end = text.index('للنصر."') + len('للنصر."')
    assert any(s.start <= start and end <= s.end for s in spans)
    title = text[: text.index("\n")]
    assert spans[0].text == title  # a headline without final punctuation is its own sentence


# ---- robustness -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "«" * 5000,
        "»" * 3000 + "«" * 3000,
        '"' * 5001,
        "(" * 2000 + "." * 2000 + ")" * 2000,
        "كلمة " * 10_000,
        "." * 10_000,
        "د. " * 3000,
        "«لا. " * 3000,
        "1." * 3000,
        "\u064b\u0640" * 2000,
        "\n" * 3000 + "نص.",
    ],
)
def test_pathological_inputs_do_not_raise(text: str) -> None:
    assert_valid(sentences(identity(text)), text)
    assert_valid(sentences(normalize(text)), text)


PIECES = st.sampled_from(
    [
        "قالَ",
        "الرئيـــس",
        "إنّ",
        "د",
        "هـ",
        "م",
        "ق",
        "كلمة",
        "وزارة",
        "١٫٥",
        "٣.٤",
        "1.2",
        "2015",
        "۲۵",
        "U.S",
        "Dr",
        "www.example.com",
        "a@b.co",
        "\u064b",
        "\u0651",
        "\u0640",
        "\u200f",
        ".",
        "..",
        "...",
        "…",
        "!",
        "?",
        "؟",
        "!?",
        "،",
        "؛",
        ":",
        "«",
        "»",
        '"',
        "“",
        "”",
        "(",
        ")",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "\u00a0",
    ]
)
arabic_ish = st.lists(PIECES, max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(arabic_ish)
def test_any_arabic_ish_text_gives_valid_sorted_spans(text: str) -> None:
    for view in (identity(text), normalize(text)):
        spans = sentences(view)
        assert_valid(spans, text)
        paras = paragraphs(view)
        for a, b in itertools.pairwise(paras):
            assert a.end <= b.start
        for para in paras:
            assert text[para.start : para.end] == para.text
        for s in spans:  # every sentence sits inside the paragraph it names
            para = paras[s.attributes["paragraph"]]
            assert para.start <= s.start and s.end <= para.end


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_text_never_raises(text: str) -> None:
    assert_valid(sentences(identity(text)), text)
