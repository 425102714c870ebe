"""The data model's contracts: a span's text is the original's slice, and nothing can be rewritten."""

import dataclasses

import pytest

from isnad.model import Article, Span


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
