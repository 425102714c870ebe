"""Arabic number grammar: adjacent number atoms -> one quantity (خمسة وعشرون، ستة ملايين ونصف).

Units come before tens and are joined with و; hundreds and scales multiply what precedes them; after a
scale, و adds a smaller group (مليون وأربعمئة ألف). Ordinals combine with عشر and و + tens; vague plurals
(عشرات، مئات) multiply by a following plural scale (عشرات الآلاف).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

import ahocorasick

from isnad.text.normalize import ARABIC_LETTERS
from isnad.text.numwords import (
    CLITICS,
    DEFINITE_CLITICS,
    FORMS,
    NOT_NUMBER_BEFORE,
    Form,
    digit_runs,
    parse_digits,
)
from isnad.text.offsets import View

_SPACES = re.compile(r"[ \t]+")
_NEAR = 8  # atoms further apart than this cannot belong to one phrase
_JOIN_CLITICS = frozenset({"", "و", "ال", "وال"})
_MULTIPLICANDS = frozenset({"u", "x", "t", "h", "d", "f"})
_ADDENDS = frozenset({"u", "tp", "x", "t", "h", "d"})
_new = tuple.__new__  # builds Atom and Phrase tuples without their Python-level __new__ (~2x cheaper)


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
        return _new(Phrase, (
            first.cs, first.start, end.end, first.clitic, tuple(self.atoms), tuple(self.waws), value,
            self.hi, vague, self.ordinal, any(a.cat == "s" for a in self.atoms), self.scale,
            len(self.atoms) == 1 and first.cat == "d" and first.clitic in DEFINITE_CLITICS,
        ))  # fmt: skip


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
        near_next = i < last and atoms[i + 1].cs - a.end <= _NEAR and _joins(text, a.end, atoms[i + 1])
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
    c, value, high, ordinal, scale, definite = a.cat, a.value, -1.0, None, 0.0, False
    if c == "d":
        definite = a.clitic in DEFINITE_CLITICS
    elif c == "tp" or "hadi" in a.flags:
        return None
    elif c in ("o", "oa"):
        ordinal = int(value)
    elif c == "v":
        high = a.high
    elif c == "s":
        scale = value
        if "plural" in a.flags:
            high = value * 10 - 1
        elif "dual" in a.flags:
            value *= 2
    return _new(Phrase, (*a[:4], (a,), (), value, high, high >= 0, ordinal, c == "s", scale, definite))


def _joins(text: str, prev: int, a: Atom) -> bool:
    """Whether atom `a` may continue a phrase whose last atom ends at `prev` (only spaces between)."""
    return (
        prev < a.cs <= prev + _NEAR
        and a.clitic in _JOIN_CLITICS
        and _SPACES.fullmatch(text, prev, a.cs) is not None
    )


def _push(text: str, b: _Builder | None, a: Atom, phrases: list[Phrase]) -> _Builder:
    if b is None:
        return _Builder(a)
    waw = a.clitic.startswith("و")
    if _joins(text, b.atoms[-1].end, a):
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


# --- finding atoms ---------------------------------------------------------------------------------------

# Every number word after one of these (or at the very start) is looked up: one Aho-Corasick pass
# (pyahocorasick, in C) finds them all; a trie regex pays per branch at every word (~4x slower here).
_LEADS = ' \n(«"“'
_FINDER = ahocorasick.Automaton()
for _form in FORMS:
    for _lead in _LEADS:
        _FINDER.add_word(_lead + _form, len(_form))
_FINDER.make_automaton()
_FIRST_WORD = re.compile(r"\w+")
_NEXT_WORD = re.compile(rf"[ \t]+([{ARABIC_LETTERS}]+|[0-9])")
_HEX = frozenset("0123456789abcdefABCDEF")
_CLITIC_SET = frozenset(CLITICS)
_NO_FLAGS: frozenset[str] = frozenset()
# Characters after which a digit run stands alone ("-" and "%" need a look further back).
_OPEN = frozenset(" \t\n\r(«\"“'/–—$€£[{،,:;")


def find_atoms(view: View) -> list[Atom]:
    """Digit and word atoms of the matching view, sorted by position."""
    text = view.text
    atoms = _digit_atoms(view)
    # A hit counts only where the word ends there (what `(?!\w)` says): not before a letter, digit or _.
    spans = [
        (e + 1 - n, e + 1)
        for e, n in _FINDER.iter(text)
        if not ((c := text[e + 1 : e + 2]).isalnum() or c == "_")
    ]
    first = _FIRST_WORD.match(text)
    if first is not None and first.group() in FORMS:  # a number word opening the text has no lead
        spans.insert(0, first.span())
    _word_atoms(text, spans, atoms)
    atoms.sort()
    return atoms


def _digit_atoms(view: View) -> list[Atom]:
    """Digit runs with their proclitic (ب1.2، الـ15), without IDs, dates, times and glued junk."""
    text = view.text
    atoms: list[Atom] = []
    # Only a text that had an Arabic decimal sign needs its digit dots looked up in the original.
    arabic_decimal = "٫" in view.original
    rlm = "\u200f" in view.original
    for m in digit_runs(text):
        if m.lastindex is not None:  # the junk group matched
            continue
        s = m.start()
        if s == 0 or text[s - 1] in _OPEN:
            cl = ""
        elif (found := _clitic_before(text, s)) is not None:
            cl = found
        else:
            continue
        digits, end = m.group(), m.end()
        parsed: tuple[float, float] | None
        if (agency := _agency_decimal(view, digits, end, rlm)) is not None:
            parsed, end = (agency[0], 0.0), agency[1]
        elif arabic_decimal and "." in digits:
            dot = s + digits.find(".")
            parsed = parse_digits(digits, view.original[view.offsets.start(dot)] == "٫")
        else:
            parsed = _parse_plain(digits)
        if parsed is not None:
            atoms.append(_new(Atom, (s - len(cl), s, end, cl, "d", parsed[0], parsed[1], _NO_FLAGS)))
    return atoms


# Press agencies write a decimal fraction first, after an Arabic "ر" ("7ر5 درجات" is 5.7, "04ر1689" is
# 1689.04), and some copies keep it reversed around a right-to-left mark ("75.\u200f49 دولار" is 49.75).
_AGENCY_R = re.compile(r"ر([0-9]+)(?![0-9A-Za-z_\w])")


def _agency_decimal(view: View, digits: str, end: int, rlm: bool) -> tuple[float, int] | None:
    """(value, view end) of a decimal written fraction first, else None."""
    if digits.isdigit() and len(digits) <= 2 and (r := _AGENCY_R.match(view.text, end)) is not None:
        return float(f"{r.group(1)}.{digits}"), r.end()
    if rlm and digits.count(".") == 1 and "," not in digits:
        whole, frac = digits.split(".")
        dot = end - len(frac) - 1
        if view.original[view.offsets.start(dot) + 1 : view.offsets.start(dot + 1)] == "\u200f":
            return float(f"{frac}.{whole}"), end
    return None


def _clitic_before(text: str, s: int) -> str | None:
    """The proclitic glued before position s > 0 ("" if none), or None if s is inside a word or code."""
    c = text[s - 1]
    if c == "-" or c == "%":
        if s >= 2 and ((c == "-" and text[s - 2].isalpha()) or (c == "%" and text[s - 2] in _HEX)):
            return None  # COVID-19, URL escapes (%d9%84)
        return ""
    j = s - 1
    while j >= 0 and s - j <= 4 and text[j].isalpha():
        j -= 1
    cl = text[j + 1 : s]
    if cl in _CLITIC_SET and (j < 0 or not text[j].isalnum()):
        return cl
    return None


def _word_atoms(text: str, spans: Iterable[tuple[int, int]], atoms: list[Atom]) -> None:
    """Append the number words found, minus set phrases (ثاني أكسيد) and names (عبد الواحد)."""
    for s, e in spans:
        f = FORMS[text[s:e]]
        if f.check_next and _set_phrase(text, f, e):
            continue
        if f.check_kull and text[max(0, s - 3) : s] == "كل ":  # كل واحد "everyone"
            continue
        if f.check_abd and text[max(0, s - 4) : s] == "عبد ":
            continue
        atoms.append(_new(Atom, (s, s + f.shift, e, f.clitic, f.cat, f.value, f.high, f.flags)))


def _set_phrase(text: str, f: Form, end: int) -> bool:
    """A number word inside a fixed expression (ثاني أكسيد، أول أمس) or a look-alike verb (تسع 500)."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    nxt = m.group(1)
    definite = nxt.startswith("ال") and len(nxt) > 3
    if "short" in f.flags and (nxt.isdigit() or definite):
        return True  # a counted noun after 3-10 is indefinite: تسع سنوات, but تسع القاعة "holds"
    return (f.word, nxt[2:] if definite else nxt) in NOT_NUMBER_BEFORE


@lru_cache(maxsize=8192)
def _parse_plain(digits: str) -> tuple[float, float] | None:
    return parse_digits(digits, False)
