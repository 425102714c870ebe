"""Near-verbatim passages shared between articles: wire copies and reprints, and which sources are one.

Two reprints of one agency story are one witness, not two, so corroboration must count them once. Words
come from the matching view (no diacritics or tatweel, one alef/yaa/taa spelling, Western digits, glued
words split by cleaning), so a reprint that differs only in spelling or scraping damage still matches.
Hashed word 7-gram shingles find candidate pairs and seed matches; seeds on one diagonal form exact runs;
runs separated by a few changed words are chained into one passage, the changed words kept as
`differences` ("a copy with a changed figure"). Every span is mapped back to the original text.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import combinations
from typing import Any

from isnad.model import Document
from isnad.text.normalize import ARABIC_LETTERS

SHINGLE = 7  # words: long enough that two independent reporters rarely share one by chance
MAX_GAP = 4  # words changed or inserted inside a copy that still leave it one passage
_MAX_REPEATS = 8  # a shingle repeated more often within one article (tables, "0 0 0") seeds nothing
_TAIL_MATCH = 3  # exact words needed after a changed word at a passage edge to extend over it
# A copy with a changed figure is mostly exact; two stock formulas ("... ولي العهد ...") around different
# names are not one copy. Bridging gaps needs this many exact words per changed word.
_EXACT_PER_CHANGE = 5
# Words only: punctuation and spacing differ between reprints and must not break a passage.
_WORD = re.compile(f"[{ARABIC_LETTERS}]+|[0-9]+(?:[.,:/][0-9]+)*%?|[A-Za-z]+(?:['’][A-Za-z]+)*")


@dataclass(frozen=True, slots=True)
class Difference:
    """Words that differ inside a shared passage (either side may be empty: an inserted word)."""

    start: int
    end: int
    text: str
    of_start: int
    of_end: int
    of_text: str

    def to_json(self) -> dict[str, Any]:
        """Plain-JSON form for reports."""
        return {k: getattr(self, k) for k in ("start", "end", "text", "of_start", "of_end", "of_text")}


@dataclass(frozen=True, slots=True)
class SharedPassage:
    """A passage of `article` (the later one when known) that `of_article` also holds near-verbatim."""

    article: str
    of_article: str
    start: int
    end: int
    of_start: int
    of_end: int
    words: int
    direction: str  # "copy" when publication order is known (article is later), else "shared"
    text: str
    of_text: str
    differences: tuple[Difference, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """The schema's `copies` entry, plus the differing words."""
        return {
            "article": self.article,
            "of_article": self.of_article,
            "start": self.start,
            "end": self.end,
            "of_start": self.of_start,
            "of_end": self.of_end,
            "text": self.text,
            "words": self.words,
            "direction": self.direction,
            "differences": [d.to_json() for d in self.differences],
        }


class _Words:
    """One article's words (matching view), its shingle hashes by position and its shingle index."""

    __slots__ = ("_bounds", "doc", "hashes", "shingles", "text", "words")

    def __init__(self, doc: Document) -> None:
        text = doc.matching.text
        lowered = text.lower()  # Latin case only; lower() never shrinks, so equal length means same offsets
        self.text = lowered if len(lowered) == len(text) else text
        self.doc = doc
        # Interned, so comparing two articles' word lists mostly compares pointers.
        self.words: list[str] = list(map(sys.intern, _WORD.findall(self.text)))
        self._bounds: tuple[list[int], list[int]] | None = None  # word offsets, only for the few with copies
        self.hashes = list(map(hash, zip(*(self.words[o:] for o in range(SHINGLE)), strict=False)))
        index: dict[int, list[int]] = {}
        for pos, h in enumerate(self.hashes):
            index.setdefault(h, []).append(pos)
        self.shingles = {h: p for h, p in index.items() if len(p) <= _MAX_REPEATS}

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original span of words [i, j); an empty range is the point just after word i - 1."""
        if self._bounds is None:
            matches = list(_WORD.finditer(self.text))
            self._bounds = [m.start() for m in matches], [m.end() for m in matches]
        starts, ends = self._bounds
        view = self.doc.matching
        if j > i:
            return view.original_span(starts[i], ends[j - 1])
        pos = ends[i - 1] if i > 0 else 0
        return view.original_span(pos, pos)


@dataclass(slots=True)
class _Chain:
    """A passage being built: word ranges [i0, i1) of one article and [j0, j1) of the other."""

    i0: int
    i1: int
    j0: int
    j1: int
    gaps: list[tuple[int, int, int, int]] = field(default_factory=list)

    @property
    def exact(self) -> int:
        """Words of the first article that match exactly (the gaps excluded)."""
        return self.i1 - self.i0 - sum(b - a for a, b, _, _ in self.gaps)


def shared_passages(docs: Sequence[Document], min_words: int = 10) -> list[SharedPassage]:
    """Every near-verbatim passage of at least `min_words` matching words shared by two articles."""
    unique = _unique(docs)
    tokens = [_Words(d) for d in unique]
    found: list[SharedPassage] = []
    for x, y in _candidate_pairs(tokens):
        chains = _chains(tokens[x], tokens[y])
        chains = [c for c in chains if c.exact >= max(min_words, 1)]
        if chains:
            found.extend(_passages(tokens[x], tokens[y], chains))
    order = {d.article.id: n for n, d in enumerate(unique)}
    found.sort(key=lambda p: (order[p.article], order[p.of_article], p.start, p.of_start))
    return found


def sources(
    docs: Sequence[Document], passages: Sequence[SharedPassage], share: float = 0.5
) -> dict[str, str]:
    """Article id -> independence cluster ("src1", ... in input order).

    Articles are one source when their shared passages cover at least `share` of the shorter one's
    words (a reprint, or a rewrite mostly made of the wire text), or when they come from the same outlet:
    an outlet's own updates and follow-ups repeat its reporting, they do not corroborate it.
    """
    unique = _unique(docs)
    parent = {d.article.id: d.article.id for d in unique}
    counts = {d.article.id: len(_WORD.findall(d.matching.text)) for d in unique}
    covered: dict[tuple[str, str], int] = {}
    for p in passages:
        if p.article in parent and p.of_article in parent:
            key = (p.article, p.of_article)
            covered[key] = covered.get(key, 0) + p.words
    for (a, b), words in covered.items():
        shorter = min(counts[a], counts[b])
        if shorter and words >= share * shorter:
            _union(parent, a, b)
    first_of_outlet: dict[str, str] = {}
    for d in unique:
        outlet = (d.article.outlet or "").strip().casefold()
        if outlet:
            _union(parent, first_of_outlet.setdefault(outlet, d.article.id), d.article.id)
    names: dict[str, str] = {}
    out: dict[str, str] = {}
    for d in unique:
        root = _find(parent, d.article.id)
        out[d.article.id] = names.setdefault(root, f"src{len(names) + 1}")
    return out


def copy_share(doc: Document, passages: Sequence[SharedPassage]) -> float:
    """Fraction of `doc`'s words inside passages it shares with any other article (0.0 with no words)."""
    starts = [m.start() for m in _WORD.finditer(doc.matching.text)]
    if not starts:
        return 0.0
    ident, offsets = doc.article.id, doc.matching.offsets
    spans = sorted(
        (p.start, p.end) if p.article == ident else (p.of_start, p.of_end)
        for p in passages
        if ident in (p.article, p.of_article)
    )
    inside = 0
    last = 0  # index of the first word not yet counted (passages may overlap)
    for a, b in spans:
        lo = max(bisect_left(starts, offsets.to_view(a)), last)
        hi = bisect_left(starts, offsets.to_view(b))
        if hi > lo:
            inside += hi - lo
            last = hi
    return inside / len(starts)


def _unique(docs: Sequence[Document]) -> list[Document]:
    """The documents with each article id once (the first), in input order."""
    seen: set[str] = set()
    out: list[Document] = []
    for d in docs:
        if d.article.id not in seen:
            seen.add(d.article.id)
            out.append(d)
    return out


def _candidate_pairs(tokens: Sequence[_Words]) -> list[tuple[int, int]]:
    """Index pairs of articles sharing at least one shingle, each pair once, sorted."""
    owners: dict[int, list[int]] = {}
    for n, t in enumerate(tokens):
        for h in t.shingles:
            owners.setdefault(h, []).append(n)
    # Reprints of one wire share every shingle with the same set of articles: dedupe those sets first,
    # so n copies cost one n-choose-2 expansion, not one per shingle.
    groups = {tuple(v) for v in owners.values() if len(v) > 1}
    pairs: set[tuple[int, int]] = set()
    for g in groups:
        pairs.update(combinations(g, 2))
    return sorted(pairs)


def _chains(x: _Words, y: _Words) -> list[_Chain]:
    """Maximal passages shared by two articles, as word ranges, with their gaps."""
    chains: list[_Chain] = []
    for r in _runs(x, y):
        _attach(chains, r)
    for c in chains:
        _extend(c, x.words, y.words)
    return chains


def _runs(x: _Words, y: _Words) -> list[tuple[int, int, int, int]]:
    """Exact runs (i0, i1, j0, j1) of at least SHINGLE words, sorted by i0.

    Walks y's shingles in order and extends each seed with slice comparisons, then jumps past the run:
    n reprints of a wire cost a few C-level comparisons per pair instead of one Python step per word.
    """
    sx, hy, wx, wy = x.shingles, y.hashes, x.words, y.words
    runs: list[tuple[int, int, int, int]] = []
    reach: dict[int, int] = {}  # diagonal i - j -> end (in y) of the run found on it
    j = 0
    while j < len(hy):
        seeds = sx.get(hy[j])
        if not seeds:
            j += 1
            continue
        for i in seeds:
            if reach.get(i - j, -1) > j:
                continue
            n = _match_len(wx, i, wy, j)
            if n >= SHINGLE:  # shorter only on a hash collision
                runs.append((i, i + n, j, j + n))
            reach[i - j] = j + max(n, 1)
        j = min(reach[i - j] for i in seeds)
    runs.sort()
    return runs


def _match_len(wx: list[str], i: int, wy: list[str], j: int) -> int:
    """Length of the exact match starting at (i, j), found by galloping slice comparisons."""
    limit = min(len(wx) - i, len(wy) - j)
    n, step = 0, 16
    while n < limit:
        s = min(step, limit - n)
        if wx[i + n : i + n + s] == wy[j + n : j + n + s]:
            n += s
            step *= 2
        elif s > 4:
            step = s // 2
        else:
            while n < limit and wx[i + n] == wy[j + n]:
                n += 1
            return n
    return n


def _attach(chains: list[_Chain], run: tuple[int, int, int, int]) -> None:
    """Append `run` to the chain it continues after a small gap, else start a new chain."""
    i0, i1, j0, j1 = run
    best: tuple[int, _Chain, int] | None = None
    for c in chains:
        if i1 <= c.i1 and j1 <= c.j1 and i0 >= c.i0 and j0 >= c.j0:
            return  # a repeated phrase inside a passage already found
        cut = max(0, c.i1 - i0, c.j1 - j0)  # overlap: drop the run's start, staying on its diagonal
        if i0 + cut >= i1:
            continue
        gap = (i0 + cut - c.i1) + (j0 + cut - c.j1)
        if max(i0 + cut - c.i1, j0 + cut - c.j1) <= MAX_GAP and (best is None or gap < best[0]):
            best = (gap, c, cut)
    if best is None:
        chains.append(_Chain(i0, i1, j0, j1))
        return
    gap, c, cut = best
    if gap and not _mostly_exact(c, (c.i1, i0 + cut, c.j1, j0 + cut), i1 - i0 - cut):
        chains.append(_Chain(i0, i1, j0, j1))  # two formulas around different names, not one copy
        return
    if gap:
        c.gaps.append((c.i1, i0 + cut, c.j1, j0 + cut))
    c.i1, c.j1 = i1, j1


def _mostly_exact(c: _Chain, gap: tuple[int, int, int, int], added: int) -> bool:
    """Whether `c` stays a copy with a few changes after bridging `gap` to `added` more exact words."""
    changed = sum(max(b - a, d - e) for a, b, e, d in (*c.gaps, gap))
    return c.exact + added >= _EXACT_PER_CHANGE * changed


def _extend(c: _Chain, wx: list[str], wy: list[str]) -> None:
    """Carry a passage over a changed word at its edges when the copy resumes right after it."""
    while True:  # rightwards: "... بلغ عدد الضحايا 12 شخصا" with another figure
        for g in range(1, MAX_GAP + 1):
            n = _same_run(wx, c.i1 + g, wy, c.j1 + g, 1)
            edge = c.i1 + g + n == len(wx) or c.j1 + g + n == len(wy)
            if (n >= _TAIL_MATCH or (n and edge)) and _mostly_exact(c, (c.i1, c.i1 + g, c.j1, c.j1 + g), n):
                c.gaps.append((c.i1, c.i1 + g, c.j1, c.j1 + g))
                c.i1, c.j1 = c.i1 + g + n, c.j1 + g + n
                break
        else:
            break
    while True:  # leftwards, symmetrically
        for g in range(1, MAX_GAP + 1):
            n = _same_run(wx, c.i0 - g - 1, wy, c.j0 - g - 1, -1)
            edge = c.i0 - g - n == 0 or c.j0 - g - n == 0
            if (n >= _TAIL_MATCH or (n and edge)) and _mostly_exact(c, (c.i0 - g, c.i0, c.j0 - g, c.j0), n):
                c.gaps.insert(0, (c.i0 - g, c.i0, c.j0 - g, c.j0))
                c.i0, c.j0 = c.i0 - g - n, c.j0 - g - n
                break
        else:
            break


def _same_run(wx: list[str], i: int, wy: list[str], j: int, step: int) -> int:
    """How many words match from (i, j) walking by `step` (0 when either index is out of range)."""
    n = 0
    while 0 <= i < len(wx) and 0 <= j < len(wy) and wx[i] == wy[j]:
        n += 1
        i += step
        j += step
    return n


def _passages(x: _Words, y: _Words, chains: list[_Chain]) -> list[SharedPassage]:
    """Chains as passages oriented copier -> source, without overlaps on the copier's side."""
    later = _later(x.doc, y.doc)
    direction = "shared" if later is None else "copy"
    flip = later is not x.doc  # by default the copier is the article later in input order
    kept: list[tuple[int, int]] = []
    out: list[SharedPassage] = []
    for c in sorted(chains, key=lambda c: (-c.exact, c.i0, c.j0)):
        lo, hi = (c.j0, c.j1) if flip else (c.i0, c.i1)
        if any(lo < b and a < hi for a, b in kept):
            continue  # the source repeats itself; the longer match already claims these words
        kept.append((lo, hi))
        out.append(_passage(y, x, c, direction, swap=True) if flip else _passage(x, y, c, direction))
    return out


def _passage(a: _Words, b: _Words, c: _Chain, direction: str, swap: bool = False) -> SharedPassage:
    """Build the passage of `a` (copier) shared with `b`; `swap` when the chain's i side belongs to b."""
    ai0, ai1, bj0, bj1 = (c.j0, c.j1, c.i0, c.i1) if swap else (c.i0, c.i1, c.j0, c.j1)
    start, end = a.span(ai0, ai1)
    of_start, of_end = b.span(bj0, bj1)
    ta, tb = a.doc.article.text, b.doc.article.text
    diffs = []
    for g in c.gaps:
        p0, p1, q0, q1 = (g[2], g[3], g[0], g[1]) if swap else g
        s, e = a.span(p0, p1)
        os_, oe = b.span(q0, q1)
        diffs.append(Difference(s, e, ta[s:e], os_, oe, tb[os_:oe]))
    return SharedPassage(
        article=a.doc.article.id,
        of_article=b.doc.article.id,
        start=start,
        end=end,
        of_start=of_start,
        of_end=of_end,
        words=ai1 - ai0,
        direction=direction,
        text=ta[start:end],
        of_text=tb[of_start:of_end],
        differences=tuple(diffs),
    )


def _later(a: Document, b: Document) -> Document | None:
    """The document published later, or None when either date is missing or they are equal."""
    pa, pb = _utc(a.article.published), _utc(b.article.published)
    if pa is None or pb is None or pa == pb:
        return None
    return a if pa > pb else b


def _utc(when: datetime | None) -> datetime | None:
    """Comparable time: a naive timestamp is taken as UTC (feeds rarely say; off by hours at most)."""
    if when is None:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when


def _find(parent: dict[str, str], a: str) -> str:
    while parent[a] != a:
        parent[a] = parent[parent[a]]
        a = parent[a]
    return a


def _union(parent: dict[str, str], a: str, b: str) -> None:
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)
