"""The data model's contracts: a span's text is the original's slice, and nothing can be rewritten."""

import dataclasses

import pytest

from isnad.model import Article, Span
from isnad.pipeline import analyze


def test_span_rejects_text_that_is_not_its_slice() -> None:
    with pytest.raises(ValueError, match="end - start"):
        Span(0, 2, "بغداد", "LOC")
    with pytest.raises(ValueError, match="bad span offsets"):
        Span(5, 3, "", "LOC")
    with pytest.raises(ValueError, match="bad span offsets"):
        Span(-1, 4, "بغداد", "LOC")


def test_span_is_frozen_comparable_and_replaceable() -> None:
    span = Span(3, 8, "بغداد", "LOC", {"key": "baghdad"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 4  # type: ignore[misc]
    assert span == Span(3, 8, "بغداد", "LOC", {"key": "baghdad"})
    assert dataclasses.replace(span, label="GPE").label == "GPE"
    assert Span(0, 0, "", "empty").attributes == {}
    assert span.to_json() == {"label": "LOC", "start": 3, "end": 8, "text": "بغداد", "key": "baghdad"}


def test_article_id_is_a_stable_content_hash() -> None:
    a = Article.create("نص الخبر", "a.txt", outlet="وكالة")
    b = Article.create("نص الخبر", "b.txt", outlet="وكالة")
    c = Article.create("نص الخبر", "a.txt", outlet="صحيفة")
    assert a.id == b.id != c.id


def test_derived_documents_keep_every_other_field() -> None:
    article = Article.create("نص الخبر", "a.txt", outlet="وكالة", title="عنوان", extra={"k": 1})
    assert article.with_language("ar") == dataclasses.replace(article, language="ar")
    doc = analyze(article)
    sentence = (Span(0, 2, "نص", "sentence"),)
    assert doc.with_sentences(sentence) == dataclasses.replace(doc, sentences=sentence)
    layered = doc.with_layer("entities", sentence)
    assert layered.layer("entities") == sentence
    assert layered.layer("numbers") == doc.layer("numbers")
    assert dataclasses.replace(layered, annotations=doc.annotations) == doc
