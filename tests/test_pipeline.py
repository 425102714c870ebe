"""Whole text layer on arbitrary input: nothing raises and every span indexes the text as read."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from isnad.model import Article, Document
from isnad.pipeline import analyze

WORDS = st.sampled_from(
    [
        "قالَ",
        "الرئيـــس",
        "إنّ",
        "١٫٥",
        "۲۵",
        "مليون",
        "ونصف",
        "شخص",
        "نحو",
        "أكثر",
        "من",
        "ألف",
        "بـ1.2",
        "17",
        "أكتوبر/تشرين",
        "الأول",
        "الثلاثاء",
        "أمس",
        "عام",
        "2014",
        "هـ",
        "رمضان",
        "دقيقة",
        "%",
        "٪",
        "«",
        "»",
        '"',
        "“",
        "”",
        ".",
        "،",
        "؟",
        ":",
        "\n\n",
        "الولاياتالمتحدة",
        "%d8%a7",
        "&amp;",
        "Nobles",
        "News",
        "د.",
        "بين",
        "10",
        "و20",
        "في",
        "المئة",
        "دولار",
        "الـ15",
        "\u200f",
        "ﻻ",
        "ـ",
        "\u064b",
    ]
)
texts = st.lists(WORDS, max_size=60).map(" ".join)


def _check(doc: Document) -> None:
    text = doc.text
    spans = [*doc.repairs, *doc.sentences, *(s for layer in doc.annotations.values() for s in layer)]
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text
        for ref in _nested_refs(dict(span.attributes)):  # speakers, chain links, evidence, cues
            assert text[ref["start"] : ref["end"]] == ref["text"]
    assert doc.clean.original is text


@settings(max_examples=150, deadline=None)
@given(texts, st.booleans())
def test_any_arabic_text_analyses_with_valid_spans(text: str, dated: bool) -> None:
    published = datetime(2016, 11, 3, 9, 0) if dated else None
    doc = analyze(Article.create(text, "hypothesis", published=published))
    _check(doc)
    for a, b in zip(doc.sentences, doc.sentences[1:], strict=False):
        assert a.end <= b.start


@pytest.mark.parametrize(
    "text",
    [
        "",
        " \n\t ",
        "«" * 5000,
        "كلمة " * 10_000,
        "1" * 3000,
        "English only text, with no Arabic at all.",
        "\u064b\u0640" * 2000,
    ],
)
def test_pathological_inputs_do_not_raise(text: str) -> None:
    _check(analyze(Article.create(text, "edge")))


def _nested_refs(value: object) -> list[dict[str, Any]]:
    """Every {start, end, text} object inside span attributes (None offsets: not in the text)."""
    if isinstance(value, list):
        return [r for v in value for r in _nested_refs(v)]
    if not isinstance(value, dict):
        return []
    own = [value] if isinstance(value.get("start"), int) and isinstance(value.get("text"), str) else []
    return own + [r for v in value.values() for r in _nested_refs(v)]


def test_non_arabic_article_gets_a_clear_note_and_no_extraction() -> None:
    text = 'The council approved 12 schools on Monday. "We are proud," said the mayor, according to Reuters.'
    doc = analyze(Article.create(text, "en.txt"))
    assert doc.article.language != "ar"
    assert any("not supported" in n for n in doc.notes)
    assert doc.layer("quotes") == () and doc.layer("claims") == ()
