"""Cleaning repairs scraping damage, reports every repair and keeps the map to the untouched original."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from isnad.model import Span
from isnad.text.clean import Cleaned, clean
from isnad.text.normalize import normalize_view


def check_contract(original: str, cleaned: Cleaned) -> None:
    """What every caller relies on: spans quote the original, repairs are ordered, the view maps back."""
    assert cleaned.view.original == original
    last = 0
    for r in cleaned.repairs:
        assert isinstance(r, Span)
        assert original[r.start : r.end] == r.text
        assert r.start >= last
        last = r.end
        assert isinstance(r.attributes["replacement"], str)
    a, b = cleaned.view.original_span(0, len(cleaned.view.text))
    assert 0 <= a <= b <= len(original)
    # The repairs alone explain the view: replay them on the original.
    rebuilt, pos = [], 0
    for r in cleaned.repairs:
        rebuilt += [original[pos : r.start], r.attributes["replacement"]]
        pos = r.end
    assert "".join([*rebuilt, original[pos:]]) == cleaned.view.text


def labels(cleaned: Cleaned) -> list[str]:
    return [r.label for r in cleaned.repairs]


def test_untouched_text_is_its_own_view() -> None:
    text = "افتتح محافظ الواحة الخضراء سوق التمور الجديد صباح الأحد."
    cleaned = clean(text)
    assert cleaned.view.text == text
    assert cleaned.repairs == ()
    assert clean("").view.text == ""


def test_glued_words_are_split_and_each_half_maps_to_its_original_letters() -> None:
    text = "وصل وفد من الولاياتالمتحدة إلى ميناء النخيل لبحث التعاون بين العراقوسوريا والأردن."
    cleaned = clean(text)
    check_contract(text, cleaned)
    assert "الولايات المتحدة" in cleaned.view.text
    assert "العراق وسوريا" in cleaned.view.text
    glued = [r for r in cleaned.repairs if r.label == "glued_words"]
    assert [(r.text, r.attributes["replacement"]) for r in glued] == [
        ("الولاياتالمتحدة", "الولايات المتحدة"),
        ("العراقوسوريا", "العراق وسوريا"),
    ]
    view = cleaned.view
    for half in ("الولايات", "المتحدة", "العراق", "وسوريا"):
        at = view.text.index(half)
        a, b = view.original_span(at, at + len(half))
        assert text[a:b] == half


def test_diacritics_and_tatweel_around_a_glued_pair() -> None:
    text = "وقالت الوكالة إنَّ بعثةً من الولاياتـــالمتحدةِ وصلت أمسِ إلى الميناء."
    cleaned = clean(text)
    check_contract(text, cleaned)
    (glued,) = [r for r in cleaned.repairs if r.label == "glued_words"]
    assert glued.text == "الولاياتـــالمتحدةِ"
    assert glued.attributes["replacement"] == "الولاياتـــ المتحدةِ"
    assert "الولايات المتحده" in normalize_view(cleaned.view).text
    at = cleaned.view.text.index("المتحدةِ")
    a, b = cleaned.view.original_span(at, at + len("المتحدةِ"))
    assert text[a:b] == "المتحدةِ"


def test_percent_encoded_line_is_decoded_and_removed() -> None:
    text = "أعلنت البلدية افتتاح الجسر الجديد.\n\n%d8%a7%d9%84%d8%ac%d8%b3%d8%b1\n\nوحضر الافتتاح سكان الحي."
    cleaned = clean(text)
    check_contract(text, cleaned)
    (enc,) = [r for r in cleaned.repairs if r.label == "percent_encoded"]
    assert enc.attributes["decoded"] == "الجسر"
    assert enc.attributes["replacement"] == ""
    assert cleaned.view.text == "أعلنت البلدية افتتاح الجسر الجديد.\n\nوحضر الافتتاح سكان الحي."


def test_percent_encoded_token_inside_a_line_leaves_one_space() -> None:
    text = "نشر الحساب وسم %d8%b3%d9%88%d9%82 قبل ساعة."
    cleaned = clean(text)
    check_contract(text, cleaned)
    assert cleaned.view.text == "نشر الحساب وسم قبل ساعة."


def test_boilerplate_lines_go_but_prose_that_mentions_sharing_stays() -> None:
    text = (
        "شارك أكثر من مئتي عداء في سباق المدينة الساحلية صباح الجمعة، وفاز به عداء من القرية الجبلية.\n"
        "شارك: فيسبوك | تويتر | واتساب\n"
        "اقرأ أيضاً\n"
        "- افتتاح مضمار جديد في الحي الشمالي\n"
        "- https://example.org/news/123\n"
        "\n"
        "وقال المنظمون إن السباق سيقام سنوياً.\n"
        "تابعونا على تويتر @valley_news\n"
        "https://example.org/r/55\n"
        "جميع الحقوق محفوظة © 2031\n"
        "\n"
        "Valley Daily News"
    )
    cleaned = clean(text)
    check_contract(text, cleaned)
    removed = {r.attributes["reason"]: r.text for r in cleaned.repairs if r.label == "boilerplate"}
    assert removed == {
        "share": "شارك: فيسبوك | تويتر | واتساب",
        "read_more": "اقرأ أيضاً",
        "related_links": "- https://example.org/news/123",
        "follow": "تابعونا على تويتر @valley_news",
        "url_only": "https://example.org/r/55",
        "rights": "جميع الحقوق محفوظة © 2031",
        "signature": "Valley Daily News",
    }
    assert cleaned.view.text == (
        "شارك أكثر من مئتي عداء في سباق المدينة الساحلية صباح الجمعة، وفاز به عداء من القرية الجبلية.\n"
        "وقال المنظمون إن السباق سيقام سنوياً."
    )


def test_breadcrumbs_inline_related_headlines_and_share_widgets() -> None:
    text = (
        "الرئيسية > اقتصاد > أسواق\n"
        "ارتفعت أسعار التمور في سوق الواحة بنسبة عشرة في المئة خلال أسبوع واحد.\n\n"
        "إقرأ ايضا: موسم قطاف مبكر في القرى الشرقية | صور: طوابير أمام المحلات\n\n"
        "وقال تاجر إن الطلب تضاعف قبل العيد.\n\n"
        "شارك المقال: فيسبوك | إكس | نسخ الرابط\n"
        "Oasis Times (OT) – Al Waha"
    )
    cleaned = clean(text)
    check_contract(text, cleaned)
    reasons = [r.attributes["reason"] for r in cleaned.repairs if r.label == "boilerplate"]
    assert reasons == ["navigation", "read_more", "share", "signature"]
    assert cleaned.view.text == (
        "ارتفعت أسعار التمور في سوق الواحة بنسبة عشرة في المئة خلال أسبوع واحد.\n\n"
        "وقال تاجر إن الطلب تضاعف قبل العيد."
    )


def test_a_latin_sentence_closing_the_article_is_not_a_signature() -> None:
    text = "قال الزائر إنه أحب المدينة كثيراً وسيعود إليها في الصيف المقبل.\nI will come back next summer"
    assert clean(text).repairs == ()


def test_html_entities_are_decoded_in_the_view() -> None:
    text = (
        "قال المدير &quot;سنبدأ غداً&quot; وإن الطريق&nbsp;مغلق &amp; الجسر مفتوح، والحرف &#1575; أو &#x627;."
    )
    cleaned = clean(text)
    check_contract(text, cleaned)
    assert cleaned.view.text == 'قال المدير "سنبدأ غداً" وإن الطريق مغلق & الجسر مفتوح، والحرف ا أو ا.'
    assert labels(cleaned) == ["html_entity"] * 6
    assert clean("شركة &unknown; للنقل").repairs == ()


def test_whitespace_runs_trailing_blanks_and_blank_lines() -> None:
    text = "بدأ  المعرض\tأمس   \n\n\n\nوزاره آلاف\u200bالزوار  \n"
    cleaned = clean(text)
    check_contract(text, cleaned)
    assert cleaned.view.text == "بدأ المعرض أمس\n\nوزاره آلاف الزوار\n"
    assert set(labels(cleaned)) == {"whitespace"}
    reasons = [r.attributes["reason"] for r in cleaned.repairs]
    assert "zero-width space between words" in reasons
    at = cleaned.view.text.index("وزاره")
    a, b = cleaned.view.original_span(at, at + 5)
    assert text[a:b] == "وزاره"


def test_windows_line_breaks() -> None:
    text = "سطر أول \r\nسطر ثان\t\r\n\r\n\r\n\r\nسطر ثالث"
    cleaned = clean(text)
    check_contract(text, cleaned)
    assert cleaned.view.text == "سطر أول\r\nسطر ثان\n\nسطر ثالث"


def test_removed_lines_take_everything_inside_them() -> None:
    text = "خبر عن افتتاح المكتبة العامة في الحي.\n\nللتواصل مع الكاتبارسل رسالة   إلى الرقم 5555"
    cleaned = clean(text)
    check_contract(text, cleaned)
    assert labels(cleaned) == ["whitespace", "boilerplate"]
    assert cleaned.view.text == "خبر عن افتتاح المكتبة العامة في الحي."


def test_seed_articles(seeds_dir: Path) -> None:
    seeds = {p.name[:3]: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    first, third = clean(seeds["000"]), clean(seeds["003"])
    check_contract(seeds["000"], first)
    check_contract(seeds["003"], third)
    glued = [(r.text, r.attributes["replacement"]) for r in third.repairs if r.label == "glued_words"]
    assert glued == [
        ("الولاياتالمتحدة", "الولايات المتحدة"),
        ("الولاياتالمتحدة", "الولايات المتحدة"),
        ("العراقوسوريا", "العراق وسوريا"),
    ]
    assert not [r for r in first.repairs if r.label == "glued_words"]
    (enc,) = [r for r in first.repairs if r.label == "percent_encoded"]
    assert enc.attributes["decoded"] == "الموصل"
    (sig,) = [r for r in first.repairs if r.label == "boilerplate"]
    assert sig.text == "Nobles News"
    assert "%d8" not in first.view.text and "Nobles" not in first.view.text
    assert first.view.text.endswith("داخل المدينة")


PIECES = st.sampled_from(
    ["الولاياتالمتحدة", "وزارةالتعليم", "سوق", "المدينة", "بعثةً", "ـ", "\u200b", "\u200f", " ", "  ", "\t"]
    + [
        "\n",
        "\n\n\n",
        "&amp;",
        "&nbsp;",
        "&#1575;",
        "%d8%a7%d9%84%d9%85",
        "http://x.org/a",
        "شارك",
        "Nobles News",
    ]
    + ["اقرأ أيضا", "- بند", "٣٫٥", "2024", "#وسم", "،", "."]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_any_mix_keeps_the_contract(text: str) -> None:
    cleaned = clean(text)
    check_contract(text, cleaned)
    for r in cleaned.repairs:
        assert r.label in {"percent_encoded", "boilerplate", "html_entity", "glued_words", "whitespace"}
