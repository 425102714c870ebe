"""The data that flows through isnad: raw Article -> Document (clean view + annotations).

Every annotation is a `Span` into `Article.text`, the text exactly as read; nothing here ever
rewrites that text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any

from isnad.text.offsets import View

EMPTY: Mapping[str, Any] = MappingProxyType({})


def article_id(text: str, outlet: str | None = None, title: str | None = None) -> str:
    """Stable content hash: the same outlet, title and text always give the same id."""
    # UTF-16 is close to CPython's in-memory form for Arabic, so encoding it is several times cheaper
    # than UTF-8; the id only has to be stable, not portable to other encoders.
    key = "\x1f".join((outlet or "", title or "", text))
    return hashlib.sha256(key.encode("utf-16-le", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True, slots=True, init=False)
class Span:
    """A labelled range `[start, end)` of the original text; `text` is always `original[start:end]`."""

    start: int
    end: int
    text: str
    label: str
    attributes: Mapping[str, Any]

    def __init__(
        self, start: int, end: int, text: str, label: str, attributes: Mapping[str, Any] = EMPTY
    ) -> None:
        if not 0 <= start <= end:
            raise ValueError(f"bad span offsets ({start}, {end})")
        if len(text) != end - start:
            raise ValueError(f"span text length {len(text)} != end - start for {label}")
        # Every stage makes dozens of spans per article: setting the frozen slots through their
        # descriptors costs a third of the generated dataclass __init__.
        _SET_START(self, start)
        _SET_END(self, end)
        _SET_TEXT(self, text)
        _SET_LABEL(self, label)
        _SET_ATTRIBUTES(self, attributes)

    def to_json(self) -> dict[str, Any]:
        """Plain-JSON form used by every report."""
        out: dict[str, Any] = {"label": self.label, "start": self.start, "end": self.end, "text": self.text}
        out.update(self.attributes)
        return out


_SET_START, _SET_END, _SET_TEXT, _SET_LABEL, _SET_ATTRIBUTES = (
    getattr(Span, name).__set__ for name in ("start", "end", "text", "label", "attributes")
)


@dataclass(frozen=True, slots=True)
class Article:
    """One news item as ingested: metadata plus the decoded text that all offsets refer to."""

    id: str
    text: str
    source: str
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: datetime | None = None
    language: str | None = None
    encoding: str | None = None
    extra: Mapping[str, Any] = field(default_factory=lambda: EMPTY)

    @classmethod
    def create(cls, text: str, source: str, **meta: Any) -> Article:
        """Build an article whose id is the content hash of outlet, title and text."""
        ident = article_id(text, meta.get("outlet"), meta.get("title"))
        extra = meta.pop("extra", None)
        return cls(id=ident, text=text, source=source, extra=MappingProxyType(dict(extra or {})), **meta)

    def with_language(self, language: str | None) -> Article:
        """This article with `language` set (positional: dataclasses.replace costs ~3x more per call)."""
        a = self
        return Article(
            a.id, a.text, a.source, a.outlet, a.url, a.title, a.published, language, a.encoding, a.extra
        )


@dataclass(frozen=True, slots=True)
class Document:
    """An article plus its views, sentences, repairs and annotations (all spans into `article.text`).

    `clean` is the repaired text a reader sees and `matching` the normalised text extractors match on;
    both carry an offset map straight back to `article.text`.
    """

    article: Article
    clean: View
    matching: View
    repairs: tuple[Span, ...] = ()
    sentences: tuple[Span, ...] = ()
    annotations: Mapping[str, tuple[Span, ...]] = field(default_factory=lambda: EMPTY)
    notes: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The original text as read."""
        return self.article.text

    def layer(self, name: str) -> tuple[Span, ...]:
        """Spans of one annotation layer (empty when the stage did not run or found nothing)."""
        return self.annotations.get(name, ())

    # Stages derive a new document several times per article; positional construction is ~3x cheaper
    # than dataclasses.replace. tests/test_model.py checks these keep every other field.
    def with_sentences(self, sentences: tuple[Span, ...]) -> Document:
        """This document with its sentences set."""
        d = self
        return Document(d.article, d.clean, d.matching, d.repairs, sentences, d.annotations, d.notes)

    def with_layer(self, name: str, spans: tuple[Span, ...]) -> Document:
        """This document with annotation layer `name` set to `spans` (other layers kept)."""
        layers = dict(self.annotations)
        layers[name] = spans
        d = self
        return Document(
            d.article, d.clean, d.matching, d.repairs, d.sentences, MappingProxyType(layers), d.notes
        )
