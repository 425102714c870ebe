"""Numbers in Arabic news: digits and number words, with value, hedge, range, percent and counted noun.

`find_numbers(view)` scans the matching view (normalised, Western digits) for number atoms (digit runs,
and whole number words with their proclitics), groups adjacent atoms into phrases with a small Arabic
number grammar (number_grammar), then looks around each phrase for hedges (نحو، أكثر من), range partners
(بين 10 و20، 10-20، من 10 إلى 20), percent markers, currency and the counted noun.

Digit separators: "," followed by groups of exactly three digits is a thousands separator; "." too when
it separates several three-digit groups (1.250.000). A single "." before exactly three digits (12.500) is
read as thousands (group-of-3 rule) unless it was written as the Arabic decimal sign ٫, the integer part
is 0, or a scale word follows (1.500 مليون = 1.5 million). Any other "." between digits is a decimal
point, and so is a "," before one or two digits after at most three (2,5); longer comma runs (2010,2011)
are lists, not numbers. Pure digit runs of 8+ digits, 0-led runs, digits joined by "/" (even with a
space around it) or ":" (dates, times, case numbers) and by two or more "-" (ISO dates, phone numbers)
are not quantities.

Attributes (all keys always present, None when they do not apply): value (int|float; the low end for
ranges and vague plurals), kind (cardinal|ordinal|percent|money|range|vague), hedge (approx|more_than|
less_than|at_least|at_most) and hedge_text as written, low/high (ranges, vague plurals), unit (the
counted noun as in the matching view), unit_class (person|killed|injured|time|money|percent|distance|
weight|area|other), unit_start/unit_end (original offsets), currency (ISO 4217) with currency_assumed
(True when the noun or "$" does not name the country: ريال -> SAR), ordinal, percent. The span starts at
the number, after any proclitic (بـ1.2 مليون -> "1.2 مليون"), and includes a percent sign or words and a
currency sign, but not the hedge or the counted noun.

Speed: the scans use patterns that open with a literal (space, newline, bracket, quote) or a digit class,
which the regex engine can skip to quickly; a number word glued to other punctuation is not seen.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from isnad.model import Span
from isnad.text.normalize import ARABIC_LETTERS
from isnad.text.number_grammar import Atom, Phrase, group_atoms, parse_digits, replay
from isnad.text.numwords import (
    CLITICS,
    CURRENCIES,
    CURRENCY_FORMS,
    DEFINITE_CLITICS,
    FORMS,
    HEDGES_AFTER,
    HEDGES_BEFORE,
    LABELS,
    LEXICON,
    NOT_NUMBER_BEFORE,
    NOT_NUMBER_WORDS,
    NOT_UNITS,
    SYMBOLS,
    classify_unit,
    phrase_regex,
    qualified_currency,
    trie_regex,
)
from isnad.text.offsets import View

__all__ = ["find_numbers"]

_L = ARABIC_LETTERS
_WORDS = trie_regex(FORMS)
# One literal-led pattern per common left context: the engine jumps between literals quickly.
_WORD_SCANS = tuple(re.compile(rf"{lead}({_WORDS})(?!\w)") for lead in (" ", "\n", r"\(", "«", '"', "“"))
_WORD_AT_START = re.compile(rf"({_WORDS})(?!\w)")
# Opens with one [0-9] (not [0-9]+) so the engine can skip ahead to the next digit.
_DIGITS = re.compile(
    r"[0-9][0-9]*(?:[.,][0-9]+)*"
    r"(?P<junk>(?:[ \t]?/[ \t]?[0-9]+)+|(?::[0-9]+)+|(?:-[0-9]+){2,}|[A-Za-z_])?"
)
_NEXT_WORD = re.compile(rf"[ \t]+([{_L}]+|[0-9])")
_AFTER = re.compile(
    r"(?P<pct>[ \t]?%|[ \t]+(?:في[ \t]+|ب)ال(?:ميه|مايه)(?!\w))|(?P<sym>[ \t]?[$€£])"
    rf"|[ \t]+(?:(?P<of>من)[ \t]+)?(?P<u>[{_L}]{{2,}})"
)
# Read on the reversed text, so one anchored match finds the words just before a number.
_QUALIFIER = re.compile(rf"[ \t]+([{_L}]{{2,}})")
_PRE = re.compile(
    rf"[ \t]*\(?[ \t]*(?P<label>{phrase_regex(LABELS, reverse=True)})(?!\w)"
    rf"|[ \t]+(?P<h>{phrase_regex(HEDGES_BEFORE, reverse=True)})[وفبلك]{{0,2}}(?!\w)"
)
_POST = re.compile(rf"[ \t]+(?P<h>{phrase_regex(HEDGES_AFTER)})(?!\w)")
_RANGE_GAP = re.compile(r"[ \t]*[-–—][ \t]*|[ \t]+(?:الي|حتي)[ \t]+")
_SPACES = re.compile(r"[ \t]+")
_ENUM = re.compile(r"[ \t]*[-–—.)](?![0-9])")
_DEFINITE = ("ال", "لل", "بال", "وال", "فال", "كال")
_HEX = frozenset("0123456789abcdefABCDEF")
_CLITIC_SET = frozenset(CLITICS)
_NO_FLAGS: frozenset[str] = frozenset()
_NO_PRE: tuple[str, str | None, tuple[int, int]] = ("", None, (0, 0))
_OPEN = frozenset(" \t\n\r(«\"“'/-–—%$€£[{،,:;")


def find_numbers(view: View) -> list[Span]:
    """Number spans (label "number") in original coordinates, sorted and non-overlapping."""
    text = view.text
    atoms = _atoms(view)
    if not atoms:
        return []
    phrases = group_atoms(text, atoms)
    rev = text[::-1]
    out: list[Span] = []
    cursor = i = 0
    while i < len(phrases):
        if phrases[i].start < cursor:  # inside the previous number's unit or percent words
            i += 1
            continue
        span, used, cursor = _describe(view, rev, phrases, i, cursor)
        out.append(span)
        i += used + 1
    return out


def _atoms(view: View) -> list[Atom]:
    """Digit and word atoms, sorted by position."""
    text = view.text
    atoms: list[Atom] = []
    # Only a text that had an Arabic decimal sign needs its digit dots looked up in the original.
    arabic_decimal = "٫" in view.original
    for m in _DIGITS.finditer(text):
        if m.group("junk") is None and (a := _digit_atom(view, m, arabic_decimal)) is not None:
            atoms.append(a)
    for scan in _WORD_SCANS:
        for m in scan.finditer(text):
            if (a := _word_atom(text, m)) is not None:
                atoms.append(a)
    first = _WORD_AT_START.match(text)
    if first is not None and (a := _word_atom(text, first)) is not None:
        atoms.append(a)
    atoms.sort()
    return atoms


def _digit_atom(view: View, m: re.Match[str], arabic_decimal: bool) -> Atom | None:
    """A digit run with its proclitic (ب1.2، الـ15), or None for IDs, dates, times and glued junk."""
    text = view.text
    s = m.start()
    cl = _clitic_before(text, s) if s else ""
    if cl is None:
        return None
    digits = m.group()
    dot = digits.find(".") if arabic_decimal else -1
    parsed = parse_digits(digits, dot > 0 and view.original[view.offsets.start(s + dot)] == "٫")
    if parsed is None:
        return None
    return Atom(s - len(cl), s, m.end(), cl, "d", parsed[0], parsed[1], _NO_FLAGS)


def _clitic_before(text: str, s: int) -> str | None:
    """The proclitic glued before position s ("" if none), or None if s is inside a word or code."""
    if s == 0:
        return ""
    c = text[s - 1]
    if c in _OPEN:
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


def _word_atom(text: str, m: re.Match[str]) -> Atom | None:
    """A number word with its clitic, or None inside a set phrase (ثاني أكسيد) or name (عبد الواحد)."""
    s, e = m.span(1)
    cl, lex, word = FORMS[m.group(1)]
    if (word in NOT_NUMBER_WORDS or "short" in lex.flags) and _set_phrase(text, word, e, lex.flags):
        return None
    start = s + len(cl)
    if lex.cat == "u" and lex.value == 1 and text[max(0, s - 3) : s] == "كل ":  # كل واحد "everyone"
        return None
    if cl in DEFINITE_CLITICS:
        if text[max(0, s - 4) : s] == "عبد ":
            return None
        if cl.endswith("ال"):
            start -= 2  # the article belongs to the word (الثالث، الآلاف)
    return Atom(s, start, e, cl, lex.cat, lex.value, lex.high, lex.flags)


def _set_phrase(text: str, word: str, end: int, flags: frozenset[str]) -> bool:
    """A number word inside a fixed expression (ثاني أكسيد، أول أمس) or a look-alike verb (تسع 500)."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    nxt = m.group(1)
    definite = nxt.startswith("ال") and len(nxt) > 3
    if "short" in flags and (nxt.isdigit() or definite):
        return True  # a counted noun after 3-10 is indefinite: تسع سنوات, but تسع القاعة "holds"
    return (word, nxt[2:] if definite else nxt) in NOT_NUMBER_BEFORE


def _describe(view: View, rev: str, phrases: list[Phrase], i: int, free: int) -> tuple[Span, int, int]:
    """Span for phrase i (plus a range partner): the span, phrases consumed, and the view end used.

    `free` is where the previous span's text ends: a "%" or "$" before it belongs to that span.
    """
    text = view.text
    p = phrases[i]
    opener, hedge, hspan = _pre_context(text, rev, p.cs) if p.cs and text[p.cs - 1] in " \t(" else _NO_PRE
    near = i + 1 < len(phrases) and phrases[i + 1].cs - p.end < 8
    low, high, used = _range(text, phrases, i, opener) if near or opener else (p, None, 0)
    last = high if high is not None else p
    attrs = _base_attrs(low, high)
    start, end, unit_end = _surroundings(view, p, last, attrs, free)
    if _names_not_counts(text, p, opener, high, end):
        _as_ordinal(attrs, int(p.value))
        unit_end = end
    elif p.definite_digits and high is None and attrs["unit_class"] in (None, "other"):
        _as_ordinal(attrs, int(p.value))  # "the 15th" unless a counted noun follows (الـ15 عاما)
        unit_end = end
    post = _POST.match(text, unit_end) if hedge is None else None
    if post is not None:
        hedge, hspan = HEDGES_AFTER[" ".join(post.group("h").split())], post.span("h")
    if hedge is not None:
        attrs["hedge"] = hedge
        attrs["hedge_text"] = view.original[slice(*view.offsets.span(*hspan))]
    a, b = view.offsets.span(start, end)
    return Span(a, b, view.original[a:b], "number", attrs), used, max(end, unit_end)


def _names_not_counts(text: str, p: Phrase, opener: str, high: Phrase | None, end: int) -> bool:
    """Digits that name rather than count: a label (رقم 61، المادة 5) or a list item opening a line."""
    if high is not None or p.atoms[0].cat != "d" or p.value != int(p.value):
        return False
    if opener == "label":
        return True
    return (p.cs == 0 or text[p.cs - 1] == "\n") and _ENUM.match(text, end) is not None


def _surroundings(
    view: View, p: Phrase, last: Phrase, attrs: dict[str, Any], free: int
) -> tuple[int, int, int]:
    """Percent marks, currency signs and the counted noun around a number: (start, end, unit end)."""
    text = view.text
    start, end = p.start, last.end
    tail = _AFTER.match(text, end)
    after = tail.lastgroup if tail is not None else None  # "pct", "sym", or "u" for a noun
    before = text[start - 1] if start > free else ""  # a sign the previous number took is not ours
    if tail is not None and after == "pct":
        _mark_percent(attrs)
        return start, tail.end(), tail.end()
    if before == "%" and (start < 2 or text[start - 2] not in _HEX):  # %20, typed in visual order
        _mark_percent(attrs)
        return start - 1, end, end
    if tail is not None and after == "sym":
        sign = text[tail.end() - 1]
        _mark_money(attrs, SYMBOLS[sign], sign == "$")
        return start, tail.end(), tail.end()
    if before in SYMBOLS:
        _mark_money(attrs, SYMBOLS[before], before == "$")
        return start - 1, end, end
    if tail is not None and attrs["kind"] != "ordinal" and _may_count(tail, last):
        return start, end, _attach_unit(view, tail, attrs, _year_like(last))
    return start, end, end


def _may_count(tail: re.Match[str], last: Phrase) -> bool:
    """Whether the word after a number can be its counted noun.

    Plurals and scales take a partitive "من" or a definite noun (آلاف من المسلحين، ملايين الدولارات);
    a plain number takes an indefinite noun (15 قتيلا), and a definite number word is itself an
    adjective after its noun (الأعوام الأربعة المقبلة), so the next word is not what it counts.
    """
    if last.vague or last.has_scale:
        return True
    if tail.group("of") is not None or tail.group("u").startswith(_DEFINITE):
        return False
    return last.atoms[-1].cat == "d" or not last.atoms[0].clitic.endswith(("ال", "لل"))


def _pre_context(text: str, rev: str, cs: int) -> tuple[str, str | None, tuple[int, int]]:
    """(range opener or "label", hedge kind, hedge view span) from the words just before a number."""
    pre = _PRE.match(rev, len(text) - cs)
    if pre is None:
        return _NO_PRE
    if pre.lastgroup == "label":
        return "label", None, (0, 0)
    hs, he = len(text) - pre.end("h"), len(text) - pre.start("h")
    kind = HEDGES_BEFORE[" ".join(text[hs:he].split())]
    if kind in ("between", "from"):
        return kind, None, (0, 0)
    return "", kind, (hs, he)


def _range(text: str, phrases: list[Phrase], i: int, opener: str) -> tuple[Phrase, Phrase | None, int]:
    """(low, high, phrases consumed) for a range starting at phrase i; high is None when it is no range."""
    p = phrases[i]
    if p.ordinal is not None or p.vague:
        return p, None, 0
    if i + 1 < len(phrases) and phrases[i + 1].cs - p.end < 8:  # a partner after "-", "إلى", "و"
        q = phrases[i + 1]
        if q.clitic:
            ok = q.clitic == "و" and opener == "between" and _SPACES.fullmatch(text, p.end, q.cs) is not None
        else:
            ok = _RANGE_GAP.fullmatch(text, p.end, q.cs) is not None
        if ok and q.ordinal is None and not q.vague and _scaled(p, q) < q.value:
            return p, q, 1
    if opener == "between" and p.waws:  # بين خمسة وعشرين: "between five and twenty"
        k = p.waws[-1]
        lo, hi = replay(p.atoms[:k]), replay(p.atoms[k:])
        if lo is not None and hi is not None and lo.value < hi.value:
            return lo, hi, 0
    return p, None, 0


def _scaled(p: Phrase, q: Phrase) -> float:
    """Low end of a range whose scale is written once (بين 2 و3 ملايين = 2-3 million)."""
    if not p.has_scale and q.has_scale and q.last_scale:
        return p.value * q.last_scale
    return p.value


_EMPTY_ATTRS: dict[str, Any] = dict.fromkeys(
    ("value", "kind", "hedge", "hedge_text", "low", "high", "unit", "unit_class", "unit_start", "unit_end",
     "currency", "currency_assumed", "ordinal", "percent"),
)  # fmt: skip


def _base_attrs(p: Phrase, high: Phrase | None) -> dict[str, Any]:
    """The full attribute record (every key always present, None when it does not apply)."""
    attrs = _EMPTY_ATTRS.copy()  # copying a template is ~5x cheaper than a 14-key literal
    attrs["value"] = _num(p.value)
    attrs["kind"] = "cardinal"
    if high is not None:
        low = _num(_scaled(p, high))
        attrs.update(kind="range", value=low, low=low, high=_num(high.value))
    elif p.ordinal is not None:
        _as_ordinal(attrs, p.ordinal)
    elif p.vague:
        attrs.update(kind="vague", low=_num(p.value), high=_num(p.high))
    return attrs


def _as_ordinal(attrs: dict[str, Any], n: int) -> None:
    attrs.update(kind="ordinal", value=n, ordinal=n, unit=None, unit_class=None)
    attrs.update(unit_start=None, unit_end=None)


def _mark_percent(attrs: dict[str, Any]) -> None:
    attrs["unit_class"] = "percent"
    if attrs["kind"] == "cardinal":
        attrs.update(kind="percent", percent=attrs["value"])


def _mark_money(attrs: dict[str, Any], code: str, assumed: bool) -> None:
    attrs.update(currency=code, currency_assumed=assumed)
    if attrs["kind"] == "cardinal":
        attrs["kind"] = "money"


def _attach_unit(view: View, tail: re.Match[str], attrs: dict[str, Any], year_like: bool) -> int:
    """Record the counted noun after the number (unit, class, currency); returns its view end.

    After a year-like number (ديسمبر 2015 وطمأن) only a known noun counts: "2000 شخص" but not a verb.
    """
    cls, stem = _noun(tail.group("u"))
    if cls is None or (year_like and cls == "other"):
        return tail.start()
    text = view.text
    ustart, uend = tail.span("u")
    if cls == "money" or cls == "distance":
        q = _QUALIFIER.match(text, uend)
        code = qualified_currency(stem, q.group(1)) if q is not None and stem is not None else None
        if stem is not None:
            _mark_money(attrs, code or CURRENCIES[stem], code is None)
        if q is not None and (code is not None or (cls == "distance" and q.group(1).startswith("مربع"))):
            cls = "area" if cls == "distance" else cls
            uend = q.end(1)
    a, b = view.offsets.span(ustart, uend)
    attrs.update(unit=text[ustart:uend], unit_class=cls, unit_start=a, unit_end=b)
    return uend


@lru_cache(maxsize=16384)
def _noun(word: str) -> tuple[str | None, str | None]:
    """(unit class, currency stem) of the word after a number; class None when it cannot be a noun."""
    base = word[2:] if word.startswith("ال") and len(word) > 4 else word
    if word in NOT_UNITS or base in LEXICON or word in FORMS:
        return None, None
    stem = base if base in CURRENCIES else CURRENCY_FORMS.get(base)
    return ("money", stem) if stem is not None else (classify_unit(base), None)


def _year_like(p: Phrase) -> bool:
    a = p.atoms[0]
    return len(p.atoms) == 1 and a.cat == "d" and a.end - a.start == 4 and 1000 <= a.value <= 2100


def _num(x: float) -> int | float:
    """JSON-friendly number: int when whole."""
    if x == int(x) and -(2**53) < x < 2**53:
        return int(x)
    return round(x, 6)
