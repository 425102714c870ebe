"""Names one article of a story tags, shared with the other articles of the story.

Two outlets reporting one event do not mean different things by "الموصل": when the entity tagger
recognises a one-word place in one article but leaves its mentions in another untagged (the labelled
corpus it learned from marked the name inconsistently), those mentions become entities too, keyed with
the rest of the story (`source: "story"`). Only one-word places are shared: longer names are tagged
reliably, and a person's surname alone is too often a common word.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import MappingProxyType

from isnad.extract.clitics import frequencies, strip_proclitics
from isnad.extract.tokens import tokenize
from isnad.model import Document, Span


def share_places(docs: Sequence[Document]) -> list[Document]:
    """The documents with untagged lone mentions of the story's one-word places added as LOC entities."""
    places = {
        str(e.attributes.get("normalized") or e.text)
        for d in docs
        for e in d.layer("entities")
        if e.label == "LOC" and " " not in e.text.strip()
    }
    if not places:
        return list(docs)
    return [_with_places(d, places) for d in docs]


def _with_places(doc: Document, places: set[str]) -> Document:
    entities = doc.layer("entities")
    taken = [(e.start, e.end) for e in entities]
    view = doc.matching
    freqs = frequencies()
    added: list[Span] = []
    words, starts, ends = tokenize(view.text)
    for word, a, b in zip(words, starts, ends, strict=True):
        n, core = strip_proclitics(word, freqs)
        if core not in places or (n and core != word[n:]):
            continue
        oa, ob = view.original_span(a + n, b)
        if any(s < ob and oa < e for s, e in taken):
            continue
        attrs = MappingProxyType({"normalized": core, "source": "story"})
        added.append(Span(oa, ob, view.original[oa:ob], "LOC", attrs))
    if not added:
        return doc
    merged = tuple(sorted([*entities, *added], key=lambda e: (e.start, e.end)))
    return doc.with_layer("entities", merged)
