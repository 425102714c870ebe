"""Whole text layer on arbitrary input: nothing raises and every span indexes the text as read."""

from __future__ import annotations

from datetime import datetime

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


def test_non_arabic_article_gets_a_clear_note() -> None:
    doc = analyze(Article.create("The council approved the budget on Monday.", "en.txt"))
    assert doc.article.language != "ar"
    assert any("not supported" in n for n in doc.notes)
