"""Arabic number grammar: adjacent number atoms -> one quantity (خمسة وعشرون، ستة ملايين ونصف).

Units come before tens and are joined with و; hundreds and scales multiply what precedes them; after a
scale, و adds a smaller group (مليون وأربعمئة ألف). Ordinals combine with عشر and و + tens; vague plurals
(عشرات، مئات) multiply by a following plural scale (عشرات الآلاف).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

_SPACES = re.compile(r"[ \t]+")
_SEPARATORS = re.compile(r"[.,]")
_NEAR = 8  # atoms further apart than this cannot belong to one phrase
_JOIN_CLITICS = frozenset({"", "و", "ال", "وال"})
_MULTIPLICANDS = frozenset({"u", "x", "t", "h", "d", "f"})
_ADDENDS = frozenset({"u", "tp", "x", "t", "h", "d"})


class Atom(NamedTuple):
    """One number token in view coordinates; `high` is the vague upper bound or a decimal re-reading."""

    cs: int  # start including clitics
    start: int
    end: int
    clitic: str
    cat: str  # a Lex category, or "d" for digits
    value: float
    high: float
    flags: frozenset[str]


class Phrase(NamedTuple):
    """Adjacent atoms read as one quantity."""

    cs: int
    start: int
    end: int
    clitic: str
    atoms: tuple[Atom, ...]
    waws: tuple[int, ...]  # indices of atoms joined with و (split points for بين X وY)
    value: float  # low end for vague plurals
    high: float
    vague: bool
    ordinal: int | None
    has_scale: bool
    last_scale: float
    definite_digits: bool  # الـ15: ordinal unless a counted noun follows


class _Builder:
    """Left-to-right state of an Arabic number phrase (units before tens, scales multiply)."""

    __slots__ = ("alt", "atoms", "checkpoint", "cur", "hi", "last", "lo", "ordinal", "scale", "total", "waws")

    def __init__(self, a: Atom) -> None:
        self.atoms: list[Atom] = [a]
        self.waws: list[int] = []
        self.total = self.cur = self.scale = self.alt = 0.0
        self.lo = self.hi = -1.0
        self.ordinal: int | None = None
        self.checkpoint, self.last = 0, a.cat
        if a.cat in ("o", "oa"):
            self.ordinal = int(a.value)
        elif a.cat == "v":
            self.lo, self.hi = a.value, a.high
        elif a.cat == "s" and "plural" in a.flags:  # آلاف alone: "thousands"
            self.lo, self.hi, self.last = a.value, a.value * 10 - 1, "vs"
        elif a.cat == "s":
            self.total, self.scale = a.value * (2 if "dual" in a.flags else 1), a.value
        else:
            self.cur, self.alt = a.value, a.high if a.cat == "d" else 0.0

    def add(self, a: Atom, waw: bool) -> bool:
        """Extend the phrase with `a` if Arabic number grammar allows it."""
        if self.ordinal is not None:
            ok = self._ordinal(a, waw)
        elif self.lo >= 0:
            ok = not waw and self._vague(a)
        else:
            ok = self._waw(a) if waw else self._plain(a)
        if ok:
            if waw:
                self.waws.append(len(self.atoms))
            self.atoms.append(a)
        return ok

    def _plain(self, a: Atom) -> bool:
        c, last = a.cat, self.last
        if c == "x" and last in ("u", "tp") and self.cur % 100 < 10:  # ثلاثة عشر، أحد عشر
            self.cur += 10
        elif c == "h" and a.value == 100 and last == "u" and self.cur >= 3:  # ثلاث مئة
            self.cur *= 100
        elif (
            c == "s"
            and "dual" not in a.flags
            and last in _MULTIPLICANDS
            and (a.value < self.scale or not self.scale)
        ):
            base = self.alt if last == "d" and self.alt else self.cur
            self.total += base * a.value
            self.cur, self.alt, self.scale = 0.0, 0.0, a.value
        else:
            return False
        self.last = "s" if c == "s" else c
        return True

    def _smaller(self, scale: float) -> bool:
        return not self.scale or scale < self.scale

    def _waw(self, a: Atom) -> bool:
        c, last = a.cat, self.last
        if (c == "t" and last == "u") or (last == "h" and c in ("u", "tp", "x", "t")):  # خمسة وعشرون
            self.cur += a.value
        elif c == "f" and last in ("u", "x", "t", "h", "d") and not self.scale:  # ثلاثة ونصف
            self.cur += a.value
            c = "f+"
        elif last != "s":
            return False
        elif c == "f":  # مليون ونصف
            self.total += a.value * self.scale
            c = "f+"
        elif c in _ADDENDS and a.value < self.scale:  # مليون وأربعمئة ألف
            self.checkpoint = len(self.atoms)
            self.cur, self.alt = a.value, a.high if c == "d" else 0.0
        elif c == "s" and "plural" not in a.flags and a.value < self.scale:
            self.total += a.value * (2 if "dual" in a.flags else 1)
            self.scale = a.value
        else:
            return False
        self.last = c
        return True

    def _ordinal(self, a: Atom, waw: bool) -> bool:
        if self.last != "o" or self.ordinal is None or self.ordinal >= 10:
            return False
        if not waw and a.cat == "x":  # الحادي عشر
            self.ordinal += 10
        elif waw and a.cat == "t":  # الخامس والعشرون
            self.ordinal += int(a.value)
        else:
            return False
        self.last = "o" + a.cat
        return True

    def _vague(self, a: Atom) -> bool:
        if self.last != "v" or a.cat != "s" or "dual" in a.flags:
            return False
        self.lo, self.hi = self.lo * a.value, (self.hi + 1) * a.value - 1  # عشرات الآلاف
        self.last, self.scale = "vs", a.value
        return True

    def split_point(self, a: Atom, waw: bool) -> int:
        """Where to cut when `a` multiplies only the last و-group (20 ألفا و30 ألفا = two numbers)."""
        if not waw and a.cat == "s" and self.last in _MULTIPLICANDS:
            return self.checkpoint
        return 0

    def result(self) -> Phrase | None:
        first, end = self.atoms[0], self.atoms[-1]
        if self.last == "tp" or (self.last == "o" and "hadi" in first.flags):
            return None  # أحد / الحادي alone
        vague = self.lo >= 0
        value = (
            float(self.ordinal) if self.ordinal is not None else self.lo if vague else self.total + self.cur
        )
        return Phrase(
            first.cs, first.start, end.end, first.clitic, tuple(self.atoms), tuple(self.waws), value,
            self.hi, vague, self.ordinal, any(a.cat == "s" for a in self.atoms), self.scale,
            len(self.atoms) == 1 and first.cat == "d" and first.clitic.endswith(("ال", "لل")),
        )  # fmt: skip


def replay(atoms: Iterable[Atom]) -> Phrase | None:
    """Read atoms as one phrase (None if the grammar rejects the sequence)."""
    it = iter(atoms)
    b = _Builder(next(it))
    for a in it:
        if not b.add(a, a.clitic.startswith("و")):
            return None
    return b.result()


def group_atoms(text: str, atoms: list[Atom]) -> list[Phrase]:
    """Group atoms separated only by spaces into phrases, in order."""
    phrases: list[Phrase] = []
    b: _Builder | None = None
    last = len(atoms) - 1
    for i, a in enumerate(atoms):
        near_next = i < last and atoms[i + 1].cs - a.end <= _NEAR
        if b is not None:
            b = _push(text, b, a, phrases)
        elif near_next:
            b = _Builder(a)
        else:
            lone = _lone(a)  # the common case, without the grammar machinery
            if lone is not None:
                phrases.append(lone)
            continue
        if not near_next:
            _emit(phrases, b)
            b = None
    return phrases


def _lone(a: Atom) -> Phrase | None:
    """A phrase of one atom (same reading as _Builder(a).result(), cheaper)."""
    c, value, high, ordinal, scale = a.cat, a.value, -1.0, None, 0.0
    if c == "tp" or "hadi" in a.flags:
        return None
    if c in ("o", "oa"):
        ordinal = int(value)
    elif c == "v":
        high = a.high
    elif c == "s":
        scale = value
        if "plural" in a.flags:
            high = value * 10 - 1
        elif "dual" in a.flags:
            value *= 2
    definite = c == "d" and a.clitic.endswith(("ال", "لل"))
    return Phrase(
        a.cs, a.start, a.end, a.clitic, (a,), (), value, high, high >= 0, ordinal, c == "s", scale, definite
    )


def _push(text: str, b: _Builder | None, a: Atom, phrases: list[Phrase]) -> _Builder:
    if b is None:
        return _Builder(a)
    prev = b.atoms[-1].end
    waw = a.clitic.startswith("و")
    if a.clitic in _JOIN_CLITICS and a.cs > prev and _SPACES.fullmatch(text, prev, a.cs):
        if b.add(a, waw):
            return b
        k = b.split_point(a, waw)
        if k:
            head = replay(b.atoms[:k])
            if head is not None:
                phrases.append(head)
            nb: _Builder | None = None
            for t in [*b.atoms[k:], a]:
                nb = _push(text, nb, t, phrases)
            assert nb is not None
            return nb
    _emit(phrases, b)
    return _Builder(a)


def _emit(phrases: list[Phrase], b: _Builder) -> None:
    p = b.result()
    if p is not None:
        phrases.append(p)


# --- digit runs ------------------------------------------------------------------------------------------


def parse_digits(s: str, arabic_decimal: bool) -> tuple[float, float] | None:
    """(value, decimal reading if a scale word follows) for a digit run, None if it is an ID or junk.

    `arabic_decimal`: the "." was written as the Arabic decimal sign ٫ (never a thousands separator).
    """
    if s.isdigit():
        if len(s) >= 8 or (len(s) >= 3 and s[0] == "0"):
            return None
        return float(int(s)), 0.0
    groups = _SEPARATORS.split(s)
    seps = _SEPARATORS.findall(s)
    if len(set(seps)) == 2:
        return _mixed_separators(s)
    if len(groups) > 2:
        ok = all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3
        return (float(int("".join(groups))), 0.0) if ok else None
    whole, frac = groups
    decimal = float(f"{whole}.{frac}")
    if seps[0] == "," and (len(whole) > 3 or len(frac) > 3):
        return None  # a list written without spaces (2010,2011), not one number
    if len(frac) != 3 or whole == "0" or len(whole) > 3:
        return decimal, 0.0
    if seps[0] == "." and arabic_decimal:
        return decimal, 0.0
    return float(int(whole + frac)), decimal


def _mixed_separators(s: str) -> tuple[float, float] | None:
    """1,234.5 (comma thousands) or 1.234,5 (dot thousands)."""
    last = max(s.rfind("."), s.rfind(","))
    head, frac = s[:last], s[last + 1 :]
    groups = _SEPARATORS.split(head)
    if len(set(_SEPARATORS.findall(head))) > 1 or not all(len(g) == 3 for g in groups[1:]):
        return None
    return float(f"{''.join(groups)}.{frac}"), 0.0
