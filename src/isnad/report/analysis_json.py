"""JSON form of `isnad analyze` (schema "isnad.analysis/1", documented in docs/analysis-json.md).

Layers are keyed by name so later stages (entities, quotes, claims) add keys without breaking readers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from isnad import __version__
from isnad.errors import IsnadError
from isnad.model import Article, Document, Span

SCHEMA = "isnad.analysis/1"


def article_json(article: Article) -> dict[str, Any]:
    """Metadata of one article (no text)."""
    return {
        "id": article.id,
        "source": article.source,
        "outlet": article.outlet,
        "url": article.url,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "encoding": article.encoding,
        "extra": dict(article.extra),
    }


def repair_json(span: Span) -> dict[str, Any]:
    out = {"kind": span.label, "start": span.start, "end": span.end, "original": span.text}
    out.update(span.attributes)
    return out


def span_json(span: Span) -> dict[str, Any]:
    return span.to_json()


def document_json(doc: Document, *, include_text: bool = False) -> dict[str, Any]:
    """Everything isnad found in one article; every span indexes `text` (the text as read)."""
    out: dict[str, Any] = {"article": article_json(doc.article), "length": len(doc.text)}
    if include_text:
        out["text"] = doc.text
        out["clean_text"] = doc.clean.text
    out["notes"] = list(doc.notes)
    out["repairs"] = [repair_json(s) for s in doc.repairs]
    out["sentences"] = [
        {"start": s.start, "end": s.end, "text": s.text, **s.attributes} for s in doc.sentences
    ]
    for name, spans in doc.annotations.items():
        out[name] = [span_json(s) for s in spans]
    return out


def analysis_json(
    docs: Sequence[Document], errors: Sequence[IsnadError] = (), *, include_text: bool = False
) -> dict[str, Any]:
    """The whole run: documents, rejected inputs and a summary with counts."""
    layers: dict[str, int] = {}
    for doc in docs:
        for name, spans in doc.annotations.items():
            layers[name] = layers.get(name, 0) + len(spans)
    return {
        "schema": SCHEMA,
        "isnad_version": __version__,
        "summary": {
            "articles": len(docs),
            "rejected_inputs": len(errors),
            "repairs": sum(len(d.repairs) for d in docs),
            "sentences": sum(len(d.sentences) for d in docs),
            **layers,
        },
        "documents": [document_json(d, include_text=include_text) for d in docs],
        "errors": [e.to_json() for e in errors],
    }
