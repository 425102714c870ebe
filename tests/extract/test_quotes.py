"""Quotes, speakers, stances and attribution chains on hand-written sentences about invented events."""

from __future__ import annotations

import json
import time
from typing import Any

from isnad.extract.quotes import find_quotes
from isnad.model import Article, Document, Span
from isnad.pipeline import prepare, segment


def _doc(text: str, outlet: str | None = None) -> Document:
    return segment(prepare(Article.create(text, "fixture.txt", outlet=outlet)))


def _quotes(text: str, outlet: str | None = None) -> list[Span]:
    doc = _doc(text, outlet)
    found = find_quotes(doc)
    for q in found:
        _check_offsets(doc.text, q)
    return found


def _check_offsets(original: str, q: Span) -> None:
    """Every span of a quote points into the original text, and the attributes are plain JSON."""
    assert original[q.start : q.end] == q.text
    json.dumps(q.attributes)
    attrs: dict[str, Any] = dict(q.attributes)
    parts = [attrs["verb"], attrs["speaker"], attrs["addressee"], *attrs["chain"]]
    for part in parts:
        if part and part.get("start") is not None:
            assert original[part["start"] : part["end"]] == part["text"]


def _one(text: str, outlet: str | None = None) -> dict[str, Any]:
    found = _quotes(text, outlet)
    assert len(found) == 1, [q.text for q in found]
    return {"text": found[0].text, **found[0].attributes}


def _roles(quote: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(link["role"], link["text"]) for link in quote["chain"]]


def test_denial_by_an_organisation() -> None:
    q = _one("ونفت وزارة الداخلية أن تكون قواتها قد أطلقت النار على المتظاهرين.")
    assert q["stance"] == "denial"
    assert q["kind"] == "indirect"
    assert q["speaker"]["text"] == "وزارة الداخلية"
    assert q["speaker"]["kind"] == "organisation"
    assert q["text"] == "تكون قواتها قد أطلقت النار على المتظاهرين"


def test_allegation_with_title_then_name_between_commas() -> None:
    q = _one("وزعم قائد الميليشيا، خالد العمري، أن الجيش قصف القرية ليلا.")
    assert q["stance"] == "allegation"
    assert q["speaker"]["text"] == "خالد العمري"
    assert q["speaker"]["kind"] == "named"
    assert q["speaker"]["title"]["text"] == "قائد الميليشيا"


def test_call_with_a_verbal_noun() -> None:
    q = _one("وطالبت نقابة الأطباء بزيادة رواتب العاملين في المستشفيات.")
    assert q["stance"] == "call"
    assert q["speaker"]["text"] == "نقابة الأطباء"
    assert q["text"] == "زيادة رواتب العاملين في المستشفيات"


def test_call_with_ila() -> None:
    q = _one("ودعا المحافظ السكان إلى البقاء في منازلهم حتى انحسار المياه.")
    assert q["stance"] == "call"
    assert q["text"] == "البقاء في منازلهم حتى انحسار المياه"


def test_warning() -> None:
    q = _one("وحذر خبراء الأرصاد من أن العاصفة قد تصل إلى الساحل مساء الجمعة.")
    assert q["stance"] == "warning"
    assert q["speaker"]["text"] == "خبراء الأرصاد"
    assert q["text"].startswith("العاصفة")


def test_assertion_with_a_definite_title_and_name() -> None:
    q = _one("وأكد الوزير سليم البرقاوي أن الميناء سيفتح أمام السفن الأسبوع المقبل.")
    assert q["stance"] == "assertion"
    assert q["speaker"]["text"] == "سليم البرقاوي"
    assert q["speaker"]["title"]["text"] == "الوزير"


def test_nested_attribution_through_a_newspaper() -> None:
    q = _one("ونقلت صحيفة الوادي عن مصدر أمني قوله إن الحدود ستغلق غدا.", outlet="المرصد")
    assert q["speaker"]["text"] == "مصدر أمني"
    assert _roles(q) == [("outlet", "المرصد"), ("medium", "صحيفة الوادي"), ("speaker", "مصدر أمني")]
    assert q["chain"][0]["start"] is None
    assert q["text"] == "الحدود ستغلق غدا"


def test_agency_cited_with_according_to() -> None:
    q = _one("وقال الوزير، بحسب ما نقلت وكالة الأنباء الوطنية، إن الاتفاق سيوقع الأسبوع المقبل.")
    assert ("agency", "وكالة الأنباء الوطنية") in _roles(q)
    assert q["speaker"]["text"] == "الوزير"
    assert q["text"] == "الاتفاق سيوقع الأسبوع المقبل"


def test_addressee_and_appositive_title() -> None:
    q = _one("وقال رامي الخطيب، المتحدث باسم الدفاع المدني، لقناة النهار إن فرق الإنقاذ انتشلت ثلاثة أشخاص.")
    assert q["speaker"]["text"] == "رامي الخطيب"
    assert q["speaker"]["title"]["text"] == "المتحدث باسم الدفاع المدني"
    assert q["addressee"]["text"] == "قناة النهار"


def test_channel_statement_and_recording() -> None:
    q = _one("وقالت الحركة في بيان نشرته على موقعها إن عناصرها انسحبوا من البلدة.")
    assert ("channel", "بيان نشرته على موقعها") in _roles(q)
    assert q["speaker"]["text"] == "الحركة"


def test_colon_quote_without_marks() -> None:
    q = _one("وقال قائد الشرطة: الوضع تحت السيطرة.")
    assert q["kind"] == "direct"
    assert q["text"] == "الوضع تحت السيطرة"
    assert q["speaker"]["text"] == "قائد الشرطة"
    assert q["speaker"]["kind"] == "title"


def test_colon_then_guillemets() -> None:
    q = _one("وقال المدير في مؤتمر صحفي: «لن نغلق المصنع، وسنعمل حتى آخر يوم».")
    assert q["kind"] == "direct"
    assert q["text"] == "لن نغلق المصنع، وسنعمل حتى آخر يوم"
    assert ("channel", "مؤتمر صحفي") in _roles(q)


def test_curly_and_nested_quote_marks() -> None:
    q = _one("وقال المحلل “إن الحديث عن «هدنة» سابق لأوانه”.")
    assert q["text"] == "إن الحديث عن «هدنة» سابق لأوانه"


def test_unbalanced_quote_runs_to_the_sentence_end() -> None:
    found = _quotes("وقال الناطق «سنرد بقوة على أي اعتداء. وانتهى المؤتمر بعد ساعة.")
    assert found and found[0].text == "سنرد بقوة على أي اعتداء"


def test_quote_spanning_two_sentences() -> None:
    long_part = " ".join(["سنواصل العمل في الحقول"] * 30)
    text = f"وقال المزارع سعيد الرملي: «{long_part}. {long_part}»."
    q = _one(text)
    assert q["text"] == f"{long_part}. {long_part}"


def test_continuation_keeps_the_speaker_and_key() -> None:
    found = _quotes("وقال وزير الزراعة نبيل السعدي إن المحصول تضاعف هذا العام. وأضاف أن الأسعار ستنخفض.")
    assert [q.attributes["kind"] for q in found] == ["indirect", "continuation"]
    first, second = (q.attributes["speaker"] for q in found)
    assert first["text"] == "نبيل السعدي"
    assert second["key"] == first["key"] and second["kind"] == "implicit"
    assert found[1].text == "الأسعار ستنخفض"


def test_two_quotes_in_one_sentence() -> None:
    found = _quotes("وقال الطبيب إن الحالات في تراجع، وأكد أن المستشفى مستعد.")
    assert [q.text for q in found] == ["الحالات في تراجع", "المستشفى مستعد"]
    assert found[1].attributes["stance"] == "assertion"


def test_quote_before_the_verb() -> None:
    q = _one("«سنعيد بناء الجسر خلال شهرين»، قال المهندس عادل ناصر.")
    assert q["text"] == "سنعيد بناء الجسر خلال شهرين"
    assert q["speaker"]["text"] == "عادل ناصر"


def test_subject_before_the_verb_with_alias() -> None:
    q = _one("وكانت منظمة الإغاثة الدولية، رحمة، قد أكدت أن المساعدات وصلت إلى المخيم.")
    assert q["speaker"]["text"] == "منظمة الإغاثة الدولية"
    assert q["speaker"]["kind"] == "organisation"


def test_diacritics_keep_offsets_exact() -> None:
    q = _one("وقَالَ الوَزِيرُ إنَّ الطَّرِيقَ سَيُفْتَحُ غَدًا.")
    assert q["verb"]["text"] == "وقَالَ"
    assert q["speaker"]["text"] == "الوَزِيرُ"
    assert q["text"] == "الطَّرِيقَ سَيُفْتَحُ غَدًا"


def test_no_quote_without_a_reported_clause() -> None:
    assert _quotes("وطالب الجامعة يدرس الهندسة منذ عامين.") == []
    assert _quotes("وصلت الشحنة عبر الميناء الشمالي.") == []


def test_english_article_finds_nothing() -> None:
    text = 'The minister said: "the bridge will reopen next week." Officials denied the report.'
    assert _quotes(text) == []


def test_ten_thousand_token_sentence_is_bounded() -> None:
    cases = [
        "وقال سالم إن " + "الوضع هادئ و" * 5000,
        "قال «" * 3400,
        'وقال: "' + "كلمة " * 10000,
        "وقال الوزير " * 3400,
    ]
    for text in cases:
        began = time.perf_counter()
        _quotes(text)
        # generous: a quadratic scan would take minutes; the real cost is a few ms
        assert time.perf_counter() - began < 5


def test_a_person_named_after_an_organisation_title_is_the_speaker() -> None:
    text = "وقال زعيم حركة النهضة الوطنية سامر الخطيب إن الحركة ستشارك في الانتخابات المقبلة."
    org = text.index("حركة النهضة الوطنية")
    per = text.index("سامر الخطيب")
    entities = [
        Span(org, org + len("حركة النهضة الوطنية"), "حركة النهضة الوطنية", "ORG"),
        Span(per, per + len("سامر الخطيب"), "سامر الخطيب", "PER"),
    ]
    (quote,) = find_quotes(_doc(text), entities)
    speaker = quote.attributes["speaker"]
    assert speaker["text"] == "سامر الخطيب" and speaker["kind"] == "named"
    assert speaker["title"]["text"].startswith("زعيم حركة النهضة")


def test_a_time_phrase_after_the_speaker_is_not_his_name() -> None:
    (q,) = _quotes("قال الوزير يوم الثلاثاء إن الطريق سيفتح الشهر المقبل.")
    speaker = q.attributes["speaker"]
    assert speaker["text"] == "الوزير"
    assert "الثلاثاء" not in speaker["text"]


def test_a_part_of_the_day_before_a_weekday_is_a_time_but_a_first_name_otherwise() -> None:
    (q,) = _quotes("وقال المتحدث باسم الشرطة صباح الخميس إن الطريق مغلق.")
    assert "الخميس" not in q.attributes["speaker"]["text"]
    (q,) = _quotes("وقال صباح الكعبي، مدير المستشفى، إن الجرحى بحالة مستقرة.")
    assert q.attributes["speaker"]["text"] == "صباح الكعبي"
