"""Places one article of a story names are shared with the story's other articles."""

from __future__ import annotations

from isnad.compare.names import share_places
from isnad.model import Article, Document, Span
from isnad.pipeline import analyze


def _doc(text: str) -> Document:
    return analyze(Article.create(text, "fixture.txt"))


def test_a_place_tagged_in_one_article_is_tagged_in_the_other() -> None:
    a = _doc("وصل الوفد إلى مدينة السندان صباح اليوم.")
    b = _doc("قال سكان إن الماء عاد إلى بالسندان بعد يومين.")
    tagged = Span(
        a.text.index("السندان"), a.text.index("السندان") + 7, "السندان", "LOC", {"normalized": "السندان"}
    )
    a = a.with_layer("entities", (tagged,))
    b = b.with_layer("entities", ())
    _, shared = share_places([a, b])
    (entity,) = shared.layer("entities")
    assert entity.label == "LOC" and entity.text == "السندان"  # the clitic ب stays outside
    assert shared.text[entity.start : entity.end] == entity.text
    assert entity.attributes["source"] == "story"


def test_nothing_is_added_where_an_entity_already_stands() -> None:
    a = _doc("زار الوزير مدينة السندان.")
    name = Span(
        a.text.index("السندان"), a.text.index("السندان") + 7, "السندان", "LOC", {"normalized": "السندان"}
    )
    a = a.with_layer("entities", (name,))
    first, _ = share_places([a, a])
    assert first.layer("entities") == (name,)
