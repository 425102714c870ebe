"""Entity keys in the pipeline: one key per entity within an article and across a story's articles."""

from __future__ import annotations

import re

from isnad.extract.entities import key_story
from isnad.model import Article, Document, Span
from isnad.pipeline import analyze, quotes


def _doc(text: str, names: list[tuple[str, str]]) -> Document:
    doc = analyze(Article.create(text, "t.txt"), stages=("segment",))
    spans = []
    for name, label in names:
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            spans.append(Span(m.start(), m.end(), name, label))
    return doc.with_layer("entities", tuple(sorted(spans, key=lambda s: s.start)))


def test_a_family_name_in_one_article_joins_the_full_name_in_another() -> None:
    first = _doc("وصل الوزير كريم العطار إلى المدينة صباحا.", [("كريم العطار", "PER")])
    second = _doc("وقال العطار إن المحادثات كانت مثمرة.", [("العطار", "PER")])
    a, b = key_story([first, second])
    (full,) = a.layer("entities")
    (short,) = b.layer("entities")
    assert full.attributes["key"] == short.attributes["key"] == "PER:كريم العطار"


def test_an_alias_sentence_joins_two_names_and_other_entities_stay_apart() -> None:
    text = "ظهر أبو سليم الحلبي في الشريط، واسمه الحقيقي مازن الرفاعي، وتحدث عن حلب."
    doc = _doc(text, [("أبو سليم الحلبي", "PER"), ("مازن الرفاعي", "PER"), ("حلب", "LOC")])
    (keyed,) = key_story([doc])
    keys = {e.text: e.attributes["key"] for e in keyed.layer("entities")}
    assert keys["أبو سليم الحلبي"] == keys["مازن الرفاعي"]
    assert keys["حلب"].startswith("LOC:") and keys["حلب"] != keys["مازن الرفاعي"]


def test_the_pipeline_keys_every_entity_it_finds() -> None:
    text = "وصل وفد من وزارة الخارجية إلى بغداد. وعاد الوفد من بغداد مساء الأحد."
    doc = analyze(Article.create(text, "t.txt"))
    found = doc.layer("entities")
    assert found and all(e.attributes["key"] for e in found)
    baghdad = {e.attributes["key"] for e in found if e.text == "بغداد"}
    assert len(baghdad) == 1


def test_a_named_speaker_the_ner_missed_joins_the_entities_with_the_same_key() -> None:
    text = "وقال المتحدث باسم البلدية رامي الشامي إن المياه ستعود غدا. وأضاف الشامي أن الفرق تعمل ليلا."
    doc = analyze(Article.create(text, "t.txt"), stages=("segment",)).with_layer("entities", ())
    doc = quotes(doc)
    people = [e for e in doc.layer("entities") if e.label == "PER"]
    assert [e.text for e in people] == ["رامي الشامي", "الشامي"]
    assert {e.attributes["source"] for e in people} == {"speaker"}
    assert {e.attributes["key"] for e in people} == {"PER:رامي الشامي"}
    assert {q.attributes["speaker"]["key"] for q in doc.layer("quotes")} == {"PER:رامي الشامي"}
    (first, _) = doc.layer("quotes")
    assert first.attributes["speaker"]["title"]["text"] == "المتحدث باسم البلدية"
