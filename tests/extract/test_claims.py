"""Claims: the checkable statements of an article, with values, topic, entities and assertion status."""

from __future__ import annotations

from datetime import datetime
from types import MappingProxyType
from typing import Any

from isnad.extract.claims import find_claims
from isnad.extract.topic import overlap, signature
from isnad.model import Article, Document, Span
from isnad.pipeline import analyze
from isnad.text.normalize import fold

PUBLISHED = datetime(2023, 3, 14)


def doc_of(text: str) -> Document:
    return analyze(Article.create(text, "test.txt", outlet="صحيفة الاختبار", published=PUBLISHED))


def claims_of(doc: Document) -> list[dict[str, Any]]:
    out = []
    for c in find_claims(doc):
        assert doc.text[c.start : c.end] == c.text
        ev = c.attributes["evidence"]
        if ev is not None:
            assert doc.text[ev["start"] : ev["end"]] == ev["text"]
            assert c.start <= ev["start"] < ev["end"] <= c.end
        out.append({"text": c.text, **c.attributes})
    return out


def only(claims: list[dict[str, Any]], **match: Any) -> dict[str, Any]:
    found = [c for c in claims if all(c.get(k) == v for k, v in match.items())]
    assert len(found) == 1, (match, [(c["kind"], c.get("value"), c["status"]) for c in claims])
    return found[0]


def test_a_hedged_count_is_a_quantity_claim_asserted_by_the_outlet() -> None:
    claims = claims_of(doc_of("وأسفر انفجار الخزان عن مقتل نحو 25 شخصا في سوق البلدة القديمة."))
    c = only(claims, kind="quantity")
    assert (c["value"], c["unit_class"], c["hedge"], c["status"]) == (25, "person", "approx", "asserted")
    assert c["evidence"]["text"] == "25 شخصا"
    assert {"انفجار", "سوق", "خزان"} <= set(c["topic"])


def test_a_compound_number_of_hours_is_one_figure_not_its_last_word() -> None:
    claims = claims_of(doc_of("واستمرت الدورة ثلاثة أيام بواقع خمسة عشر ساعة تدريبية للمشاركات."))
    figures = [(c["kind"], c["value"]) for c in claims]
    assert ("quantity", 15) in figures
    assert ("duration", "PT10H") not in figures  # "عشر ساعة" alone would say ten hours
    assert ("duration", "P3D") in figures


def test_a_claim_on_a_definite_numeral_quotes_the_noun_before_it() -> None:
    claims = claims_of(doc_of("وأعلنت الوزارة أن الشركات الثمانية وقعت العقود."))
    c = only(claims, kind="quantity")
    assert (c["value"], c["unit"], c["evidence"]["text"]) == (8, "الشركات", "الشركات الثمانية")


def test_two_days_of_one_month_are_two_dates_not_a_count() -> None:
    claims = claims_of(doc_of("وتقام مباريات الدور الأول بين 3 و5 مارس في ملعب المدينة."))
    assert [c["kind"] for c in claims] == ["date", "date"]
    assert [c["value"] for c in claims] == ["2023-03-03", "2023-03-05"]


def test_could_not_verify_makes_the_clause_unverified_and_states_what() -> None:
    claims = claims_of(doc_of("ولم يتسن للوكالة التحقق من صحة الشريط المصور الذي تبلغ مدته 12 دقيقة."))
    event = only(claims, kind="event")
    assert event["status"] == "unverified" and event["text"].startswith("ولم يتسن")
    assert event["status_cue"]["text"].startswith("ولم يتسن للوكالة التحقق")
    duration = only(claims, kind="duration")
    assert (duration["value"], duration["status"]) == ("PT12M", "unverified")


def test_rumour_and_denial_and_allegation_cues_set_the_status() -> None:
    rumour = claims_of(doc_of("وترددت شائعات عن مقتل 3 من الحراس."))
    assert only(rumour, kind="quantity")["status"] == "rumour"
    denied = claims_of(doc_of("ونفى الجيش أن يكون 200 جندي قد انسحبوا من المعسكر."))
    assert only(denied, kind="quantity")["status"] == "denied"
    alleged = claims_of(doc_of("وزعمت الجماعة أنها أسقطت 4 طائرات مسيرة."))
    assert only(alleged, kind="quantity")["status"] == "alleged"


def test_according_to_attributes_the_claim_to_the_named_source() -> None:
    claims = claims_of(doc_of("وارتفع عدد الضحايا إلى 40 قتيلا بحسب وزارة الصحة في المدينة."))
    c = only(claims, kind="quantity")
    assert c["status"] == "attributed"
    assert c["attributed_to"]["text"].startswith("وزارة الصحة")


def test_dates_and_weekdays_are_claims_with_resolved_values() -> None:
    claims = claims_of(doc_of("بدأت الحملة في 3 مارس، ووصلت القافلة إلى الميناء يوم الأحد."))
    assert only(claims, kind="date")["value"] == "2023-03-03"
    assert only(claims, kind="weekday")["value"] == "2023-03-12"


def test_a_bare_city_stands_for_the_most_mentioned_place() -> None:
    text = "وصلت المساعدات إلى حلب. وقال مسؤول إن حلب تحتاج المزيد. ولا يزال 300 ألف مدني داخل المدينة."
    doc = doc_of(text)
    places = tuple(Span(i, i + 3, "حلب", "LOC", {"key": "حلب"}) for i in _all(text, "حلب"))
    doc = doc.with_layer("entities", places)
    c = only(claims_of(doc), kind="quantity")
    assert c["value"] == 300000
    (entity,) = c["entities"]
    assert entity["key"] == "حلب" and entity["resolved_from"]["text"] == "المدينة"


def test_a_claim_inside_a_quote_belongs_to_the_speaker_and_takes_the_verb_stance() -> None:
    text = 'ونفى المتحدث باسم الشركة ذلك وقال: "لم نسرح 500 عامل هذا العام".'
    doc = doc_of(text)
    a = text.index("لم نسرح")
    b = text.index('".')
    speaker = {"start": 5, "end": 25, "text": text[5:25], "key": "المتحدث باسم الشركة"}
    quote = Span(a, b, text[a:b], "quote", MappingProxyType({"stance": "neutral", "speaker": speaker}))
    c = only(claims_of(doc.with_layer("quotes", (quote,))), kind="quantity")
    assert c["status"] == "attributed" and c["attributed_to"]["key"] == "المتحدث باسم الشركة"
    denial = Span(a, b, text[a:b], "quote", MappingProxyType({"stance": "denial", "speaker": speaker}))
    assert only(claims_of(doc.with_layer("quotes", (denial,))), kind="quantity")["status"] == "denied"


def test_event_verbs_make_claims_only_when_someone_or_somewhere_is_named() -> None:
    text = "واقتحمت القوات مبنى البلدية صباحا."
    doc = doc_of(text)
    assert not claims_of(doc)
    a = text.index("البلدية")
    named = doc.with_layer("entities", (Span(a, a + 7, "البلدية", "ORG", {"key": "البلدية"}),))
    event = only(claims_of(named), kind="event")
    assert event["status"] == "asserted" and event["entities"][0]["key"] == "البلدية"


def test_english_and_empty_text_give_no_claims() -> None:
    assert claims_of(doc_of("The council met on Monday and approved 12 new schools.")) == []
    assert claims_of(doc_of("")) == []


def test_topic_signatures_of_two_wordings_overlap() -> None:
    a = signature(fold("ولا يزال مليون شخص يعيشون داخل المدينة المحاصرة"))
    b = signature(fold("ما زال مليون من السكان يعيشون في المدينة"))
    c = signature(fold("ارتفعت أسعار القمح في الأسواق العالمية"))
    assert overlap(a, b) > overlap(a, c)
    assert "مدين" in a and "قال" not in signature(fold("وقال المتحدث"))


def _all(text: str, word: str) -> list[int]:
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def test_the_place_in_the_headline_outweighs_passing_mentions() -> None:
    text = (
        "الفيضانات تغمر الرقة\n\n"
        "وصلت فرق من دير الزور. وعادت الفرق إلى دير الزور مساء. وغادر 900 شخص المدينة."
    )
    doc = doc_of(text)
    places = [Span(i, i + 5, "الرقة", "LOC", {"key": "الرقة"}) for i in _all(text, "الرقة")]
    places += [Span(i, i + 9, "دير الزور", "LOC", {"key": "دير الزور"}) for i in _all(text, "دير الزور")]
    doc = doc.with_layer("entities", tuple(sorted(places, key=lambda s: s.start)))
    c = only(claims_of(doc), kind="quantity")
    assert [e["key"] for e in c["entities"]] == ["الرقة"]


def test_a_bare_city_needs_a_place_introduced_as_a_city_or_named_in_the_lead() -> None:
    text = (
        "اشتباكات عنيفة\n\n"
        "تقدمت القوات في حي الزهور. وسيطرت على حي الزهور كله. ودخلت مدينة حمص ظهرا. "
        "وتمكن 500 مدني من مغادرة المدينة."
    )
    doc = doc_of(text)
    spans = [Span(i, i + 6, "الزهور", "LOC", {"key": "الزهور"}) for i in _all(text, "الزهور")]
    homs = [Span(i, i + 3, "حمص", "LOC", {"key": "حمص"}) for i in _all(text, "حمص")]
    c = only(claims_of(doc.with_layer("entities", tuple(spans + homs))), kind="quantity")
    assert [e["key"] for e in c["entities"]] == ["حمص"]  # the district is named twice, the city once
    c = only(claims_of(doc.with_layer("entities", tuple(spans))), kind="quantity")
    assert c["entities"] == []  # no city named: better no place than the wrong one
