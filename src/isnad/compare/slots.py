"""Which figure of one sentence answers which figure of another outlet's rendering of it.

Two outlets often write one sentence with several figures ("ضبط 10 مسدسات و8 رشاشات و18360 طلقة"). When
the sentences are alike, the figures they share pin the rest down, as in a diff: figures between the same
two shared ones are renderings of the same slot. So a changed figure is still matched to the figure it
replaces, even though nothing but its position and its unit ties the two together.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from isnad.compare.memo import IdentityMemo
from isnad.compare.values import compare_values, day_span, magnitude_gap, quantity_range

CLOSE = 0.5  # |log10| ratio under which two figures are of one order ("970" and "1455", not "133")


@dataclass(frozen=True, slots=True)
class Slot:
    """One figure of a sentence: its kind, attributes and counted-noun key."""

    kind: str
    attrs: Mapping[str, Any]
    unit: str | None
    bounds: tuple[float, float] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        # The range a quantity stands for, once: alignment compares every figure with every other.
        if self.kind == "quantity":
            object.__setattr__(self, "bounds", quantity_range(self.attrs))
        elif (
            self.attrs.get("weekday") is None
            and not self.attrs.get("year_inferred")
            and (days := day_span(self.attrs))
        ):
            object.__setattr__(self, "bounds", (float(days[0].toordinal()), float(days[1].toordinal())))


def _compatible(a: Slot, b: Slot) -> bool:
    """Could the two figures measure one thing? Not a percentage against a count, nor two currencies,
    nor two different counted nouns (a figure with no counted noun may be either)."""
    if (a.kind == "quantity") != (b.kind == "quantity"):
        return False
    if a.kind != "quantity":
        return True
    x, y = a.attrs, b.attrs
    if bool(x.get("percent")) != bool(y.get("percent")) or x.get("currency") != y.get("currency"):
        return False
    return a.unit is None or b.unit is None or a.unit == b.unit


def _same(a: Slot, b: Slot) -> bool:
    """The same figure in both renderings: an anchor for the rest."""
    if (
        a.bounds is not None
        and b.bounds is not None
        and (a.bounds[1] < b.bounds[0] or b.bounds[1] < a.bounds[0])
    ):
        return False  # ranges apart: no need for the full comparison
    kind = a.kind if a.kind == b.kind else "date"
    return _compatible(a, b) and compare_values(kind, a.attrs, b.attrs).outcome == "agree"


def _candidate(a: Slot, b: Slot) -> bool:
    if not _compatible(a, b):
        return False
    return a.kind != "quantity" or magnitude_gap(a.attrs, b.attrs) < CLOSE


_ANCHORS: IdentityMemo[list[tuple[int, int]]] = IdentityMemo(65536)


def _anchors(xs: Sequence[Slot], ys: Sequence[Slot]) -> list[tuple[int, int]]:
    """`_lcs` of two rows, remembered: every figure of one sentence asks about the same pair of rows."""
    return _ANCHORS.get((xs, ys), lambda: _lcs(xs, ys))


def _lcs(xs: Sequence[Slot], ys: Sequence[Slot]) -> list[tuple[int, int]]:
    """The longest run of figures both sentences give in the same order (LCS on equal values)."""
    n, m = len(xs), len(ys)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if _same(xs[i], ys[j]):
                table[i][j] = table[i + 1][j + 1] + 1
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    out, i, j = [], 0, 0
    while i < n and j < m:
        if _same(xs[i], ys[j]) and table[i][j] == table[i + 1][j + 1] + 1:
            out.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return out


def aligned(xs: Sequence[Slot], p: int, ys: Sequence[Slot], q: int) -> int | None:
    """How many figures the two sentences share when figure `p` of one and figure `q` of the other fill
    the same slot, else None. They do when neither is matched to another figure, both lie between the
    same shared figures, and inside that gap they are each other's only plausible counterpart (or the
    gap holds as many figures on both sides, in order)."""
    if not _candidate(xs[p], ys[q]):
        return None
    anchors = _anchors(xs, ys)
    if any(i == p or j == q for i, j in anchors):
        return None
    gap = sum(1 for i, _ in anchors if i < p)
    if gap != sum(1 for _, j in anchors if j < q):
        return None
    x_lo = anchors[gap - 1][0] + 1 if gap else 0
    y_lo = anchors[gap - 1][1] + 1 if gap else 0
    x_hi = anchors[gap][0] if gap < len(anchors) else len(xs)
    y_hi = anchors[gap][1] if gap < len(anchors) else len(ys)
    if x_hi - x_lo == y_hi - y_lo and p - x_lo == q - y_lo:
        return len(anchors)
    rivals_x = [i for i in range(x_lo, x_hi) if _candidate(xs[i], ys[q])]
    rivals_y = [j for j in range(y_lo, y_hi) if _candidate(xs[p], ys[j])]
    return len(anchors) if rivals_x == [p] and rivals_y == [q] else None
