"""Offset maps from a derived view (clean or normalised text) back to the original text.

A view is built from the original by a sorted list of non-overlapping edits; everything between edits is
copied one-to-one. The map is stored as pieces (runs), so an untouched article costs one piece and mapping
a span is two binary searches.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

COPY = 0  # one-to-one run
REPLACE = 1  # atomic: the view run stands for the whole original run
MARK = 2  # deleted, belongs to the character before it (diacritics, tatweel): spans ending there absorb it
DROP = 3  # deleted, belongs to nothing (junk, zero-width marks, boilerplate)


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace original[start:end] with `new` in the view."""

    start: int
    end: int
    new: str
    kind: int = REPLACE


class OffsetMap:
    """Maps view positions and spans back to the original (and original positions into the view)."""

    __slots__ = ("_kind", "_ol", "_os", "_vl", "_vs", "orig_len", "view_len")

    def __init__(
        self, pieces: Iterable[tuple[int, int, int, int, int]], view_len: int, orig_len: int
    ) -> None:
        vs, os_, vl, ol, kind = [], [], [], [], []
        for v, o, lv, lo, k in pieces:
            vs.append(v)
            os_.append(o)
            vl.append(lv)
            ol.append(lo)
            kind.append(k)
        self._vs, self._os, self._vl, self._ol, self._kind = vs, os_, vl, ol, kind
        self.view_len = view_len
        self.orig_len = orig_len

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls([(0, 0, length, length, COPY)], length, length)

    @property
    def is_identity(self) -> bool:
        return len(self._vs) == 1 and self._kind[0] == COPY

    def _piece_at(self, pos: int) -> int:
        """Index of the non-empty view piece containing view position `pos` (0 <= pos < view_len)."""
        # Empty pieces share their view offset with the non-empty piece after them, so the last piece
        # starting at or before `pos` is the non-empty one that holds it.
        return bisect_right(self._vs, pos) - 1

    def start(self, pos: int) -> int:
        """Original offset where the view character at `pos` begins (view end maps to original end)."""
        if pos >= self.view_len:
            return self.orig_len
        i = self._piece_at(pos)
        return self._os[i] + (pos - self._vs[i] if self._kind[i] == COPY else 0)

    def end(self, pos: int) -> int:
        """Original offset where a span ending (exclusively) at view `pos` ends, absorbing attached marks."""
        if pos <= 0:
            return self.start(0) if self.view_len else 0
        i = self._piece_at(pos - 1)
        out = self._os[i] + (pos - self._vs[i] if self._kind[i] == COPY else self._ol[i])
        if self._kind[i] != COPY or pos == self._vs[i] + self._vl[i]:
            j = i + 1
            while j < len(self._vs) and self._vl[j] == 0 and self._kind[j] == MARK:
                out = self._os[j] + self._ol[j]
                j += 1
        return out

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original `(start, end)` for the view span `[start, end)`."""
        if start >= end or start >= self.view_len:
            p = self.start(start)
            return p, p
        # `start` inlined: every span of every layer comes through here.
        i = bisect_right(self._vs, start) - 1
        a = self._os[i] + (start - self._vs[i] if self._kind[i] == COPY else 0)
        return a, self.end(end)

    def to_view(self, orig_pos: int) -> int:
        """View offset of an original position (a deleted position maps to the next surviving one)."""
        i = bisect_right(self._os, orig_pos) - 1
        if i < 0:
            return 0
        if self._kind[i] == COPY and orig_pos < self._os[i] + self._ol[i]:
            return self._vs[i] + (orig_pos - self._os[i])
        if orig_pos == self._os[i]:
            return self._vs[i]
        return self._vs[i] + self._vl[i]

    def then(self, outer: OffsetMap) -> ChainedMap:
        """Compose: this map goes view -> middle, `outer` goes middle -> original."""
        return ChainedMap(self, outer)


class ChainedMap(OffsetMap):
    """A view of a view: maps through the inner map, then the outer one."""

    __slots__ = ("inner", "outer")

    def __init__(self, inner: OffsetMap, outer: OffsetMap) -> None:
        self.inner, self.outer = inner, outer
        self.view_len, self.orig_len = inner.view_len, outer.orig_len

    @property
    def is_identity(self) -> bool:
        return self.inner.is_identity and self.outer.is_identity

    def start(self, pos: int) -> int:
        return self.outer.start(self.inner.start(pos))

    def end(self, pos: int) -> int:
        return self.outer.end(self.inner.end(pos))

    def span(self, start: int, end: int) -> tuple[int, int]:
        a, b = self.inner.span(start, end)
        return self.outer.span(a, b)

    def to_view(self, orig_pos: int) -> int:
        return self.inner.to_view(self.outer.to_view(orig_pos))


def apply_edits(original: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap]:
    """Build a view from sorted, non-overlapping edits; the original is only read."""
    out: list[str] = []
    pieces: list[tuple[int, int, int, int, int]] = []
    v = o = 0
    for e in edits:
        if e.start < o or e.end < e.start:
            raise ValueError(f"edits overlap or are unsorted at {e.start}")
        if e.start > o:
            n = e.start - o
            out.append(original[o : e.start])
            pieces.append((v, o, n, n, COPY))
            v += n
        kind = e.kind
        if (e.new and kind in (MARK, DROP)) or (kind == COPY and len(e.new) != e.end - e.start):
            kind = REPLACE
        pieces.append((v, e.start, len(e.new), e.end - e.start, kind))
        out.append(e.new)
        v += len(e.new)
        o = e.end
    if o < len(original) or not pieces:
        n = len(original) - o
        out.append(original[o:])
        pieces.append((v, o, n, n, COPY))
        v += n
    return "".join(out), OffsetMap(pieces, v, len(original))


@dataclass(frozen=True, slots=True)
class View:
    """Derived text plus its map to the original; `original_span` turns view matches into spans."""

    text: str
    offsets: OffsetMap
    original: str

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.span(start, end)
