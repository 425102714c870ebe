"""Claims: clauses that carry a number, a date or an event another outlet could confirm or contradict.

A sentence is cut into clauses at commas, semicolons and colons. Every number (not an ordinal) and every
date, weekday or duration found in a clause makes one claim with that clause as its span; a clause with
none of those makes an "event" claim when it has an event verb (شن، قتل، دخل…) and names someone or
somewhere, and a phrase such as "لم يتسن التحقق من …" always makes one (what could not be verified).

Each claim carries its normalised value(s) and unit, hedge, topic signature (light-stemmed content
words plus entity keys), the entities involved (a bare "المدينة" stands for the article's most
mentioned place), and its assertion status: inside a quote it is the speaker's (attributed, or denied /
alleged by the verb's stance); otherwise cues in its sentence make it unverified, rumour, denied,
alleged or attributed ("بحسب …"); else it is asserted by the outlet.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from typing import Any

from isnad.extract import claim_cues as cues
from isnad.extract.topic import signature
from isnad.model import Document, Span
from isnad.text.offsets import View

_CUT = re.compile(r"[,;:](?=\s)|\n")
_TRIM = " \t\n\r.,;:!?«»\"“”()'-–—"
_QUANTITY_KINDS = frozenset({"cardinal", "range", "vague", "percent", "money"})
_NUMBER_KEYS = ("value", "low", "high", "unit", "unit_class", "hedge", "currency", "percent", "place")
_DATE_KEYS = (
    "value",
    "granularity",
    "expression",
    "resolved",
    "unit",
    "amount",
    "weekday",
    "reason",
    "calendar",
    "gregorian",
    "year_inferred",
)


def find_claims(doc: Document) -> list[Span]:
    """Claims of a document (label "claim"), in text order; needs the numbers and dates layers."""
    if doc.article.language != "ar":
        return []  # the pipeline notes that the language is not supported
    view = doc.matching
    evidence = _evidence(doc)
    starts = [e.start for e in evidence]
    entities = doc.layer("entities")
    places = _Places(doc, entities)
    out: list[Span] = []
    for sentence in doc.sentences:
        sa, sb = view.offsets.to_view(sentence.start), view.offsets.to_view(sentence.end)
        for ca, cb in _clauses(view.text, sa, sb):
            a, b = _trim(view, ca, cb)
            if a >= b:
                continue
            context = _Context(doc, view, (ca, cb), (sa, sb), entities, places)
            found = evidence[bisect_left(starts, a) : bisect_left(starts, b)]
            found = [e for e in found if e.end <= b]
            claims = [_claim(context, a, b, e) for e in found]
            claims += _event_claims(context, a, b, bool(found))
            out.extend(claims)
    return out


def _evidence(doc: Document) -> list[Span]:
    """Numbers (no ordinals, none inside a duration) and dates, sorted by start. A duration that starts
    inside a number read only the end of a compound ("عشر ساعة" of "خمسة عشر ساعة"): the number stays."""
    numbers = [n for n in doc.layer("numbers") if n.attributes.get("kind") in _QUANTITY_KINDS]
    dates = [
        d
        for d in doc.layer("dates")
        if d.attributes.get("granularity") != "duration"
        or not any(n.start < d.start < n.end for n in numbers)
    ]
    durations = [d for d in dates if d.attributes.get("granularity") == "duration"]
    numbers = [n for n in numbers if not any(d.start <= n.start and n.end <= d.end for d in durations)]
    return sorted(numbers + dates, key=lambda s: (s.start, s.end))


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """View ranges of the clauses of text[start:end] (cut after , ; : and at line breaks).

    A fragment with fewer than two content words ("، الخميس،") says when or where about the clause
    before it, so it stays joined to that clause.
    """
    out: list[tuple[int, int]] = []
    a = start
    for b, nxt in [(m.start(), m.end()) for m in _CUT.finditer(text, start, end)] + [(end, end)]:
        if out and len(signature(text[a:b])) < 2:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
        a = nxt
    return out


def _trim(view: View, a: int, b: int) -> tuple[int, int]:
    """Original range of view[a:b] without surrounding blanks and punctuation."""
    oa, ob = view.original_span(a, b)
    original = view.original
    while oa < ob and original[oa] in _TRIM:
        oa += 1
    while ob > oa and original[ob - 1] in _TRIM:
        ob -= 1
    return oa, ob


class _Context:
    """What every claim of one clause shares: its text, sentence, entities and status."""

    def __init__(
        self,
        doc: Document,
        view: View,
        clause: tuple[int, int],
        sentence: tuple[int, int],
        entities: Sequence[Span],
        places: _Places,
    ) -> None:
        self.doc, self.view, self.clause, self.sentence = doc, view, clause, sentence
        oa, ob = view.original_span(*clause)
        self.entities = [e for e in entities if oa <= e.start and e.end <= ob]
        self.places = places
        self.topic_text = view.text[clause[0] : clause[1]]

    def entity_list(self) -> list[dict[str, Any]]:
        """Entities of the clause, plus the salient place a bare "المدينة" stands for."""
        out = [_entity_json(e) for e in self.entities]
        generic = cues.GENERIC_PLACE.search(self.view.text, *self.clause)
        has_place = any(e.label == "LOC" for e in self.entities)
        place = self.places.for_noun(generic.group("noun")) if generic is not None and not has_place else None
        if place is not None and generic is not None:
            a, b = self.view.original_span(*generic.span())
            resolved = _entity_json(place)
            resolved["resolved_from"] = {"start": a, "end": b, "text": self.view.original[a:b]}
            out.append(resolved)
        return out

    def topic(self) -> list[str]:
        keys = [f"@{_key(e)}" for e in self.entities]
        return sorted(set(signature(self.topic_text)) | set(keys))


def _claim(ctx: _Context, a: int, b: int, evidence: Span) -> Span:
    attrs = evidence.attributes
    is_date = evidence.label != "number"
    if is_date:
        granularity = attrs.get("granularity")
        kind = "duration" if granularity == "duration" else "weekday" if "weekday" in attrs else "date"
        values = {k: attrs[k] for k in _DATE_KEYS if k in attrs}
        ev_end = evidence.end
    else:
        kind = "quantity"
        values = {k: attrs.get(k) for k in _NUMBER_KEYS}
        values["number_kind"] = attrs.get("kind")
        ev_end = max(evidence.end, attrs.get("unit_end") or 0)
    # The counted noun comes first after a definite numeral ("الشركات الثمانية").
    unit_start = attrs.get("unit_start") if not is_date else None
    before = isinstance(unit_start, int) and a <= unit_start < evidence.start
    ev_start = unit_start if before and isinstance(unit_start, int) else evidence.start
    original = ctx.view.original
    out: dict[str, Any] = {"kind": kind, **values}
    out["evidence"] = {"start": ev_start, "end": ev_end, "text": original[ev_start:ev_end]}
    out.update(_status(ctx, evidence.start))
    out["topic"] = ctx.topic()
    out["entities"] = ctx.entity_list()
    return Span(a, b, original[a:b], "claim", out)


def _event_claims(ctx: _Context, a: int, b: int, has_evidence: bool) -> list[Span]:
    """An event claim for an unverified phrase, or for an event verb naming someone or somewhere."""
    text = ctx.view.text
    ca, cb = ctx.clause
    unverified = cues.first(cues.UNVERIFIED, text, ca, cb)
    if unverified is not None:
        a = max(a, ctx.view.original_span(*unverified.span())[0])
    elif has_evidence or cues.EVENT_VERB.search(text, ca, cb) is None or not ctx.entity_list():
        return []
    original = ctx.view.original
    out: dict[str, Any] = {"kind": "event", "value": None, "unit": None, "hedge": None}
    out["evidence"] = None
    out.update(_status(ctx, a))
    out["topic"] = ctx.topic()
    out["entities"] = ctx.entity_list()
    return [Span(a, b, original[a:b], "claim", out)]


def _status(ctx: _Context, at: int) -> dict[str, Any]:
    """Assertion status of a claim at original position `at` in this clause."""
    quote = next((q for q in ctx.doc.layer("quotes") if q.start <= at < q.end), None)
    if quote is not None:
        stance = quote.attributes.get("stance")
        status = {"denial": "denied", "allegation": "alleged"}.get(str(stance), "attributed")
        return _status_json(status, quote.attributes.get("speaker"), None)
    text, view = ctx.view.text, ctx.view
    sa, sb = ctx.sentence
    for status, patterns in (
        ("unverified", cues.UNVERIFIED),
        ("rumour", cues.RUMOUR),
        ("denied", cues.DENIAL),
        ("alleged", cues.ALLEGATION),
    ):
        m = cues.first(patterns, text, sa, sb)
        if m is not None:
            return _status_json(status, None, _view_span(view, *m.span()))
    source = cues.SOURCE.search(text, sa, sb)
    if source is not None:
        by = _view_span(view, *source.span("source"))
        return _status_json("attributed", by, _view_span(view, *source.span()))
    return _status_json("asserted", None, None)


def _status_json(status: str, by: Any, cue: dict[str, Any] | None) -> dict[str, Any]:
    return {"status": status, "attributed_to": by, "status_cue": cue}


def _view_span(view: View, a: int, b: int) -> dict[str, Any]:
    oa, ob = view.original_span(a, b)
    return {"start": oa, "end": ob, "text": view.original[oa:ob]}


def _key(entity: Span) -> str:
    key = entity.attributes.get("key")
    return str(key) if key else entity.text


def _entity_json(entity: Span) -> dict[str, Any]:
    return {
        "start": entity.start,
        "end": entity.end,
        "text": entity.text,
        "label": entity.label,
        "key": _key(entity),
    }


class _Places:
    """Which named place a bare place noun ("المدينة") stands for in this article."""

    def __init__(self, doc: Document, entities: Sequence[Span]) -> None:
        self.view = doc.matching
        self.places = [e for e in entities if e.label == "LOC"]
        self.lead_end = _lead_end(doc)
        self._chosen: dict[str, Span | None] = {}

    def for_noun(self, noun: str) -> Span | None:
        """The place of that kind the article is about: introduced with the noun ("مدينة الموصل") or
        named in the headline or lead; most mentioned wins, lead mentions counting three; None if no
        place qualifies (a district named three times is not "the city")."""
        if noun not in self._chosen:
            qualified = {_key(e) for e in self.places if e.start < self.lead_end or self._introduced(e, noun)}
            places = [e for e in self.places if _key(e) in qualified]
            weight = Counter(_key(e) for e in places)
            weight.update({_key(e): 2 for e in places if e.start < self.lead_end})
            best = max(weight.values(), default=0)
            self._chosen[noun] = next((e for e in places if weight[_key(e)] == best), None)
        return self._chosen[noun]

    def _introduced(self, place: Span, noun: str) -> bool:
        at = self.view.offsets.to_view(place.start)
        before = self.view.text[max(0, at - 20) : at].split()
        return bool(before) and before[-1] == noun


def _lead_end(doc: Document) -> int:
    """End of the headline or lead: the first paragraph."""
    first = [s.end for s in doc.sentences if s.attributes.get("paragraph") == 0]
    return max(first, default=0)
