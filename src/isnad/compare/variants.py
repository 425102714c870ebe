"""Quote variants: one statement rendered differently by different outlets.

Translations, paraphrases and different excerpts of one speech share content words, not wording, so two
quotes are compared as sets of light-stemmed terms. The score is the share of the shorter rendering's
terms the other one has (an excerpt scores high against the full passage), and a rendering is only
linked to its best match in each other article. The words one rendering has and the other lacks are
listed in their original spelling, so a reader sees what each outlet left out or added.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from isnad.extract.clitics import frequencies, strip_proclitics
from isnad.extract.topic import term
from isnad.model import Document, Span
from isnad.text.normalize import ARABIC_LETTERS

_WORD = re.compile(f"[{ARABIC_LETTERS}]{{2,}}")
MIN_SHARED = 2
MIN_SCORE = 0.25
MIN_WEIGHT = 2.0
_MAX_WORDS = 15


@dataclass(frozen=True, slots=True)
class QuoteRef:
    """One quote and the terms of its words (folded, light-stemmed), with their original spellings."""

    id: str
    doc: int
    span: Span
    speaker_key: str | None
    words: tuple[tuple[str, str], ...]  # (term, original word)
    rarity: Mapping[str, float]  # term -> how unusual its words are in news at large

    @property
    def terms(self) -> frozenset[str]:
        return frozenset(t for t, _ in self.words)


@dataclass(frozen=True, slots=True)
class Variant:
    a: int
    b: int
    score: float
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]


def quote_ref(qid: str, index: int, doc: Document, span: Span, speaker_key: str | None) -> QuoteRef:
    """A quote's terms, read from the matching view and paired with the original words."""
    view = doc.matching
    a, b = view.offsets.to_view(span.start), view.offsets.to_view(span.end)
    words = []
    rarity: dict[str, float] = {}
    freqs = frequencies()
    for m in _WORD.finditer(view.text, a, b):
        t = term(m.group())
        if t is not None:
            oa, ob = view.original_span(m.start(), m.end())
            words.append((t, view.original[oa:ob]))
            rarity[t] = max(rarity.get(t, 0.0), _rarity(m.group(), freqs))
    return QuoteRef(qid, index, span, speaker_key, tuple(words), rarity)


def _rarity(word: str, freqs: Mapping[str, float]) -> float:
    """How unusual a word is in news at large (wordfreq): "دماءهم" says more than "القوات"."""
    f = freqs.get(word) or freqs.get(strip_proclitics(word, freqs)[1])
    if not f:
        return 3.0
    return min(4.0, max(0.25, -math.log10(f) - 4.0))


def find_variants(quotes: Sequence[QuoteRef], story: Mapping[str, float] | None = None) -> list[Variant]:
    """Best-first links between quotes of different articles that render one statement. Shared words are
    weighed by their rarity in news at large and in the story, so two renderings of a speech ("دماءهم
    أنهارا") outscore two passages that merely share the story's vocabulary (the city, the army)."""
    in_story = story or {}
    scored = []
    for i, x in enumerate(quotes):
        tx = x.terms
        for j in range(i + 1, len(quotes)):
            y = quotes[j]
            if x.doc == y.doc:
                continue
            shared = len(tx & y.terms)
            if shared < MIN_SHARED:
                continue
            s = _similarity(x, y, in_story)
            if x.speaker_key and x.speaker_key == y.speaker_key:
                s = min(1.0, s + 0.1)  # the same speaker makes a loose paraphrase likelier to be his
            if s >= MIN_SCORE:
                scored.append((s, i, j))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    taken: set[tuple[int, int]] = set()
    out = []
    for s, i, j in scored:
        x, y = quotes[i], quotes[j]
        if (i, y.doc) in taken or (j, x.doc) in taken:
            continue
        taken.update({(i, y.doc), (j, x.doc)})
        out.append(Variant(i, j, round(s, 3), _only(x, y.terms), _only(y, x.terms)))
    return out


def _similarity(x: QuoteRef, y: QuoteRef, story: Mapping[str, float]) -> float:
    """Weighted share of the lighter rendering's terms that the other one has; 0 unless the shared words
    together carry real weight (five of the story's common words are not one statement)."""

    def w(q: QuoteRef, t: str) -> float:
        return q.rarity.get(t, 1.0) * story.get(t, 1.0)

    common = sum(min(w(x, t), w(y, t)) for t in x.terms & y.terms)
    lighter = min(sum(w(x, t) for t in x.terms), sum(w(y, t) for t in y.terms)) or 1.0
    # A short slogan rendered whole by both ("قتال أعداء الله") needs no more weight than it has.
    if common < min(MIN_WEIGHT, 0.9 * lighter):
        return 0.0
    return common / lighter


def _only(x: QuoteRef, other: frozenset[str]) -> tuple[str, ...]:
    """x's words whose terms the other rendering lacks, in order, each once."""
    seen: set[str] = set()
    out = []
    for t, word in x.words:
        if t not in other and t not in seen:
            seen.add(t)
            out.append(word)
    return tuple(out[:_MAX_WORDS])
