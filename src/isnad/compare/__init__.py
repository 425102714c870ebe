"""Comparison of what different sources say about one story: corroborations, conflicts, copies, variants."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from isnad.compare.comparison import SCHEMA, compare_documents
from isnad.model import Article, Document

__all__ = ["SCHEMA", "compare_articles", "compare_documents"]


def compare_articles(articles: Sequence[Article]) -> tuple[dict[str, Any], list[Document]]:
    """Analyse then compare articles; the analysed documents come back too (renderers need their text)."""
    from isnad.pipeline import analyze

    docs = [analyze(a) for a in articles]
    return compare_documents(docs), docs
