"""Entities with keys: the CRF's mentions, and one key for every mention of one entity.

Keys come from `keys.assign_keys` over all mentions at once ("أبو بكر البغدادي", "البغدادي" and the
alias in "واسمه الحقيقي إبراهيم السامرائي" share "PER:ابوبكر البغدادي"). `key_story` does the same across
the articles of one story, so a comparison sees one entity under one key in every article.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import MappingProxyType

from isnad.extract.keys import Mention, assign_keys, find_aliases
from isnad.extract.ner import find_entities
from isnad.model import Document, Span

_SPEAKER_LABELS = {"named": "PER", "organisation": "ORG"}


def entities_of(doc: Document) -> list[Span]:
    """The document's entity mentions (label PER/LOC/ORG/MISC), each with a `key` attribute."""
    if doc.article.language != "ar":
        return []
    found = find_entities(doc.matching)
    return _keyed([(doc, found)])[0]


def fuse_speakers(doc: Document) -> Document:
    """Named speakers the NER missed join the entity layer (attribute `source: "speaker"`), and entities and
    quote speakers are keyed together, so a quote's speaker key is the key of that entity everywhere."""
    entities = list(doc.layer("entities"))
    taken = [(e.start, e.end) for e in entities]
    for q in doc.layer("quotes"):
        who = q.attributes.get("speaker") or {}
        a, b, kind = who.get("start"), who.get("end"), who.get("kind")
        if kind not in _SPEAKER_LABELS or not isinstance(a, int) or not isinstance(b, int):
            continue
        if any(x < b and a < y for x, y in taken):
            continue
        spelling = doc.matching.text[_view(doc, a) : _view(doc, b)]
        found = MappingProxyType({"normalized": spelling, "source": "speaker"})
        entities.append(Span(a, b, doc.text[a:b], _SPEAKER_LABELS[kind], found))
        taken.append((a, b))
    entities.sort(key=lambda e: (e.start, e.end))
    keyed = _keyed([(doc, entities)])[0]
    key_at: dict[tuple[object, object], str] = {(e.start, e.end): e.attributes["key"] for e in keyed}
    quotes = []
    for q in doc.layer("quotes"):
        who = q.attributes.get("speaker") or {}
        key = key_at.get((who.get("start"), who.get("end")))
        if key is not None and key != who.get("key"):
            rekeyed = MappingProxyType({**q.attributes, "speaker": {**who, "key": key}})
            q = Span(q.start, q.end, q.text, q.label, rekeyed)
        quotes.append(q)
    return doc.with_layer("entities", tuple(keyed)).with_layer("quotes", tuple(quotes))


def _view(doc: Document, pos: int) -> int:
    return doc.matching.offsets.to_view(pos)


def key_story(docs: Sequence[Document]) -> list[Document]:
    """The documents with entity keys assigned across all of them (one story, one key per entity)."""
    keyed = _keyed([(d, d.layer("entities")) for d in docs])
    return [d.with_layer("entities", tuple(spans)) for d, spans in zip(docs, keyed, strict=True)]


def _keyed(groups: Sequence[tuple[Document, Sequence[Span]]]) -> list[list[Span]]:
    """Keys over the mentions of every (document, entities) pair together, plus their alias sentences."""
    mentions: list[Mention] = []
    for doc, spans in groups:
        # The matching view's spelling: a glue the cleaner split ("الولاياتالمتحدة") keys as its words.
        mentions += [Mention(_spelling(e), e.label, doc.article.id, e.start) for e in spans]
    aliases: list[tuple[int, int]] = []
    extra: list[Mention] = []
    for doc, _ in groups:
        for owner, alias in find_aliases(doc, mentions):
            aliases.append((owner, len(mentions) + len(extra)))
            extra.append(alias)
    keys = assign_keys(mentions + extra, aliases)
    out: list[list[Span]] = []
    k = 0
    for _, spans in groups:
        keyed = []
        for e in spans:
            attrs = MappingProxyType({**e.attributes, "key": keys[k]})
            keyed.append(Span(e.start, e.end, e.text, e.label, attrs))
            k += 1
        out.append(keyed)
    return out


def _spelling(entity: Span) -> str:
    normalized = entity.attributes.get("normalized")
    return normalized if isinstance(normalized, str) and normalized else entity.text
