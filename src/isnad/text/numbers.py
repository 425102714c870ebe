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
are not quantities, and nor is a run longer than 64 characters.

Attributes (all keys always present, None when they do not apply): value (int|float; the low end for
ranges and vague plurals), kind (cardinal|ordinal|percent|money|range|vague), hedge (approx|more_than|
less_than|at_least|at_most) and hedge_text as written, low/high (ranges, vague plurals), unit (the
counted noun as in the matching view), unit_class (person|killed|injured|time|money|percent|distance|
weight|area|other), unit_start/unit_end (original offsets), currency (ISO 4217) with currency_assumed
(True when the noun or "$" does not name the country: ريال -> SAR), ordinal, percent. The span starts at
the number, after any proclitic (بـ1.2 مليون -> "1.2 مليون"), and includes a percent sign or words and a
currency sign, but not the hedge or the counted noun.

Speed: number words are found by patterns that open with a literal (space, newline, bracket, quote), which
the regex engine can skip to quickly (a number word glued to other punctuation is not seen), digits by a
bytes scan (numwords.digit_runs); per-spelling decisions are made once at import (numwords.FORMS).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from isnad.model import Span
from isnad.text.duals import find_duals
from isnad.text.glue import default_lexicon
from isnad.text.normalize import ARABIC_LETTERS
from isnad.text.number_grammar import Phrase, find_atoms, group_atoms, replay
from isnad.text.numwords import (
    CURRENCIES,
    CURRENCY_FORMS,
    DEFINITE_CLITICS,
    FORMS,
    HEDGES_AFTER,
    HEDGES_BEFORE,
    LABELS,
    LEXICON,
    NOT_UNITS,
    SYMBOLS,
    classify_unit,
    phrase_regex,
    qualified_currency,
)
from isnad.text.offsets import View

__all__ = ["find_numbers"]

_L = ARABIC_LETTERS
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
# A figure set off in brackets, quotes or slashes still counts the noun after them: "إزالة (87) لوحة",
# "" 970 " حالة", "ولمدة / 21 / يوما" (news agency style).
_OPENERS = '("«“/'
_CLOSER = re.compile(r"[ \t]*[)\"»”/]")
_ENUM = re.compile(r"[ \t]*[-–—.)](?![0-9])")
_DEFINITE = ("ال", "لل", "بال", "وال", "فال", "كال")
_HEX = frozenset("0123456789abcdefABCDEF")
_NO_PRE: tuple[str, str | None, tuple[int, int]] = ("", None, (0, 0))
_PRE_LEFT = frozenset(" \t(")  # a hedge or label is separated from its number by these


def find_numbers(view: View) -> list[Span]:
    """Number spans (label "number") in original coordinates, sorted and non-overlapping."""
    text = view.text
    atoms = find_atoms(view)
    if not atoms:
        return _with_duals(view, [])
    phrases = group_atoms(text, atoms)
    rev = text[::-1]
    out: list[Span] = []
    cursor = i = 0
    n = len(phrases)
    while i < n:
        if phrases[i].start < cursor:  # inside the previous number's unit or percent words
            i += 1
            continue
        if _orphan_scale(text, phrases[i]) or _percent_word(text, phrases[i]):
            i += 1
            continue
        span, used, cursor = _describe(view, rev, phrases, i, cursor)
        out.append(span)
        i += used + 1
    _share_percent(view, out)
    return _with_duals(view, out)


def _with_duals(view: View, spans: list[Span]) -> list[Span]:
    """Add the counts written as a dual noun ("شخصين"), with a hedge before them ("ما لا يقل عن
    قتيلين"), unless a numeral already counts that noun ("الشخصين الاثنين", "شخصين اثنين")."""
    found = find_duals(view)
    if not found:
        return spans
    taken = [(s.start, s.end) for s in spans]
    taken += [(u, v) for s in spans if isinstance(u := s.attributes.get("unit_start"), int)
              and isinstance(v := s.attributes.get("unit_end"), int)]  # fmt: skip
    text, original, rev = view.text, view.original, view.text[::-1]
    kept = []
    for dual in found:
        a, b = view.original_span(dual.start, dual.end)
        if any(x < b and a < y for x, y in taken) or any(
            0 <= x - b <= 2 and not original[b:x].strip() for x, _ in taken
        ):
            continue
        attrs = _EMPTY_ATTRS.copy()
        attrs.update(value=2, kind="cardinal", unit=dual.word, unit_class=classify_unit(dual.noun))
        attrs["unit_start"], attrs["unit_end"] = a, b
        pre = _PRE.match(rev, len(text) - dual.cs) if dual.cs and text[dual.cs - 1] in _PRE_LEFT else None
        _, hedge, hspan = _NO_PRE if pre is None else _pre_context(text, pre)
        if hedge is not None and hedge not in ("between", "from"):
            attrs["hedge"], attrs["hedge_text"] = hedge, original[slice(*view.original_span(*hspan))]
        kept.append(Span(a, b, original[a:b], "number", attrs))
    return sorted(spans + kept, key=lambda s: s.start) if kept else spans


def _orphan_scale(text: str, p: Phrase) -> bool:
    """A scale word right after digits isnad could not read ("1.340.7 مليار"): not "a billion" alone."""
    if p.atoms[0].cat != "s":
        return False
    k = p.start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k >= 0 and text[k].isdigit()


_IN = re.compile(r"(?<![^\s])في[ \t]+$")


def _percent_word(text: str, p: Phrase) -> bool:
    """ "بالمئة" / "في المئة" on its own is the percent word of a figure isnad could not read, not 100."""
    if len(p.atoms) != 1 or p.atoms[0].cat != "h" or p.value != 100:
        return False
    clitic = p.atoms[0].clitic
    return clitic == "بال" or (clitic == "ال" and _IN.search(text, max(p.cs - 8, 0), p.cs) is not None)


# "2.9 و2.6 و2.4 في المائة على التوالي": the percent sign written once covers the whole list.
_LIST_GAP = re.compile(r"[ \t]*[،,]?[ \t]*و?[ \t]*")


def _share_percent(view: View, spans: list[Span]) -> None:
    """Mark as percentages the bare figures of a list that ends in a percentage."""
    for k in range(len(spans) - 1, 0, -1):
        last = spans[k].attributes
        if not last.get("percent") and last.get("kind") != "percent":
            continue
        j = k - 1
        while j >= 0:
            attrs = spans[j].attributes
            a, b = view.offsets.to_view(spans[j].end), view.offsets.to_view(spans[j + 1].start)
            bare = (
                attrs.get("kind") == "cardinal" and attrs.get("unit") is None and attrs.get("hedge") is None
            )
            joined = _LIST_GAP.fullmatch(view.text, a, b) is not None and any(
                c in view.text[a:b] for c in "و،,"
            )
            if not bare or not joined:
                break
            marked = dict(attrs)
            _mark_percent(marked)
            spans[j] = Span(spans[j].start, spans[j].end, spans[j].text, spans[j].label, marked)
            j -= 1


def _describe(view: View, rev: str, phrases: list[Phrase], i: int, free: int) -> tuple[Span, int, int]:
    """Span for phrase i (plus a range partner): the span, phrases consumed, and the view end used.

    `free` is where the previous span's text ends: a "%" or "$" before it belongs to that span.
    """
    text = view.text
    p = phrases[i]
    cs = p.cs
    pre = _PRE.match(rev, len(text) - cs) if cs and text[cs - 1] in _PRE_LEFT else None
    opener, hedge, hspan = _NO_PRE if pre is None else _pre_context(text, pre)
    attrs = _EMPTY_ATTRS.copy()  # copying a template is ~5x cheaper than a 14-key literal
    if opener or (i + 1 < len(phrases) and phrases[i + 1].cs - p.end < 8):
        low, high, used = _range(text, phrases, i, opener)
        _base_attrs(attrs, low, high)
        if high is None and not opener and (other := _score_side(view, phrases, i)) is not None:
            attrs.update(kind="score", high=_num(other.value))
            high, used = other, 1
    else:
        high, used = None, 0
        _base_attrs(attrs, p, None)
        attrs["place"] = _written_place(text, p)
    start, end, unit_end = _surroundings(view, p, high or p, attrs, free)
    before = (
        high is None
        and attrs["kind"] == "cardinal"
        and attrs["unit_class"] in (None, "other")  # "الـ 8 مستمرة": the word after is no count
        and _noun_before(view, rev, p, attrs)
    )
    if (
        high is None
        and not before
        and (
            (p.definite_digits and attrs["unit_class"] in (None, "other"))  # "the 15th", not الـ15 عاما
            or (
                (opener == "label" or cs == 0 or text[cs - 1] == "\n")
                and _names_not_counts(text, p, opener, end)
            )
        )
    ):
        _as_ordinal(attrs, int(p.value))
        unit_end = end
    if hedge is None and (post := _POST.match(text, unit_end)) is not None:
        hedge, hspan = HEDGES_AFTER[" ".join(post.group("h").split())], post.span("h")
    if hedge is not None:
        attrs["hedge"] = hedge
        attrs["hedge_text"] = view.original[slice(*view.original_span(*hspan))]
    a, b = view.original_span(start, end)
    return Span(a, b, view.original[a:b], "number", attrs), used, max(end, unit_end)


# A numeral that follows the noun it counts: a definite one ("الشركات الثمانية", "الشركات الـ 8") and
# "واحد" ("عائلة واحدة", "يوم واحد": one family, one day).
_BEFORE_NOUN = re.compile(rf"[ \t]+([{_L}]{{3,}})(?![{_L}])")  # read on the reversed text
_SOUND_PLURAL = ("ات", "ين", "ون")


def _noun_before(view: View, rev: str, p: Phrase, attrs: dict[str, Any]) -> bool:
    """Record the noun a numeral follows as its unit; True when there is one.

    A definite number word after a definite noun is always its count ("الأعوام الأربعة"); definite digits
    are often a rank instead ("الدورة الـ 20"), so they need a sound plural before them ("الشركات الـ 8").
    "واحدة" after a feminine noun counts it; "واحد" after a masculine one only when that is a known unit
    ("كان واحدا من" has a verb before it).
    """
    text = view.text
    first = p.atoms[0]
    word_form = first.cat != "d" and first.clitic in DEFINITE_CLITICS
    spaced = first.cat == "d" and not first.clitic and text[max(p.cs - 4, 0) : p.cs].rstrip().endswith("ال")
    one = len(p.atoms) == 1 and first.cat == "u" and p.value == 1 and not first.clitic
    if not (word_form or p.definite_digits or spaced or one):
        return False
    head = text.rindex("ال", 0, p.cs) if spaced else p.cs
    m = _BEFORE_NOUN.match(rev, len(text) - head)
    if m is None:
        return False
    ustart, uend = len(text) - m.end(1), len(text) - m.start(1)
    word = text[ustart:uend]
    definite, cls, _ = _noun(word)
    if cls is None or cls == "money":
        return False
    if one:
        feminine = text[p.start : p.end].endswith("ه")
        if feminine != word.endswith("ه") or (not feminine and cls == "other"):
            return False
    elif not definite or (not word_form and cls == "other" and not word.endswith(_SOUND_PLURAL)):
        return False
    elif word.endswith("ه") and p.value >= 3:
        return False  # a feminine singular is ranked, not counted: "الدقيقة التسعين", "الدورة العشرين"
    attrs["unit_start"], attrs["unit_end"] = view.original_span(ustart, uend)
    attrs["unit"], attrs["unit_class"] = word, cls
    return True


def _names_not_counts(text: str, p: Phrase, opener: str, end: int) -> bool:
    """Digits that name rather than count: a label (رقم 61، المادة 5) or a list item opening a line."""
    if p.atoms[0].cat != "d" or p.value != int(p.value):
        return False
    return opener == "label" or _ENUM.match(text, end) is not None


def _surroundings(
    view: View, p: Phrase, last: Phrase, attrs: dict[str, Any], free: int
) -> tuple[int, int, int]:
    """Percent marks, currency signs and the counted noun around a number: (start, end, unit end)."""
    text = view.text
    start, end = p.start, last.end
    tail = _AFTER.match(text, end)
    if tail is None and (closer := _CLOSER.match(text, end)) is not None and _wrapped(text, start):
        tail = _AFTER.match(text, closer.end())
        if tail is not None and (tail.lastgroup != "u" or _next_item(tail.group("u"))):
            tail = None
        if tail is not None and (scale := _scale_word(tail.group("u"))) and attrs["kind"] == "cardinal":
            # "(12) ألف متر", "(11,9) ملايين راكب": the scale outside the brackets is still the figure's.
            for key in ("value", "low", "high"):
                if isinstance(attrs.get(key), int | float):
                    attrs[key] = _num(attrs[key] * scale)
            end = tail.end()
            tail = _AFTER.match(text, end)
            tail = tail if tail is not None and tail.lastgroup == "u" else None
    after = tail.lastgroup if tail is not None else None  # "pct", "sym", or "u" for a noun
    if tail is not None and after == "pct":
        _mark_percent(attrs)
        return start, tail.end(), tail.end()
    before = text[start - 1] if start > free else ""  # a sign the previous number took is not ours
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
    if tail is not None and attrs["kind"] not in ("ordinal", "score"):
        return start, end, _counted_noun(view, tail, last, attrs)
    return start, end, end


def _next_item(word: str) -> bool:
    """After a bracketed figure, "و" + a word commoner without it starts the next item of a list
    ("الرويس (54) وعلي عمرو (94)": minutes of goals), where "(20) وحدة" and "(5) وزراء" count."""
    if len(word) < 4 or word[0] != "و":
        return False
    folded = default_lexicon().folded
    return folded.get(word[1:], 0.0) > 2 * folded.get(word, 0.0)


def _scale_word(word: str) -> float | None:
    """The multiplier of "ألف", "آلاف", "مليون", "ملايين"… (matching view spelling), else None."""
    lex = LEXICON.get(word)
    return lex.value if lex is not None and lex.cat == "s" else None


def _wrapped(text: str, start: int) -> bool:
    k = start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k >= 0 and text[k] in _OPENERS


def _counted_noun(view: View, tail: re.Match[str], last: Phrase, attrs: dict[str, Any]) -> int:
    """Record the counted noun after the number (unit, class, currency); returns the view end used.

    Plurals and scales take a partitive "من" or a definite noun (آلاف من المسلحين، ملايين الدولارات);
    a plain number takes an indefinite noun (15 قتيلا), and a definite number word is itself an
    adjective after its noun (الأعوام الأربعة المقبلة), so the next word is not what it counts.
    After a year-like number (ديسمبر 2015 وطمأن) only a known noun counts: "2000 شخص" but not a verb.
    """
    definite, cls, stem = _noun(tail.group("u"))
    if not (last.vague or last.has_scale) and (
        definite
        or tail.group("of") is not None
        or (last.atoms[-1].cat != "d" and last.atoms[0].clitic in DEFINITE_CLITICS)
    ):
        return tail.start()
    if cls is None or (cls == "other" and _year_like(last)):
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
    attrs["unit_start"], attrs["unit_end"] = view.original_span(ustart, uend)
    attrs["unit"], attrs["unit_class"] = text[ustart:uend], cls
    return uend


def _pre_context(text: str, pre: re.Match[str]) -> tuple[str, str | None, tuple[int, int]]:
    """(range opener or "label", hedge kind, hedge view span) from the words just before a number."""
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


# A result, not a range: "كسبه 25-16", "الشوط الثالث 25 ــ 17", "فاز 3-1" (the larger side first).
_SCORE_GAP = re.compile(r"[ \t]*[-–—ـ]+[ \t]*")


def _score_side(view: View, phrases: list[Phrase], i: int) -> Phrase | None:
    """The second side of a score written with a dash after phrase i, or None. The dash is looked up in
    the original: a tatweel dash ("25 ــ 17") is gone from the matching view."""
    if i + 1 >= len(phrases):
        return None
    p, q = phrases[i], phrases[i + 1]
    digits = all(a.cat == "d" for a in p.atoms + q.atoms) and not (q.clitic or p.vague or q.vague)
    if not digits or q.cs - p.end > 8:
        return None
    a, b = view.original_span(p.end, q.cs)
    if _SCORE_GAP.fullmatch(view.original, a, b) is None:
        return None
    whole = p.value == int(p.value) and q.value == int(q.value)
    return q if whole and 999 >= p.value >= q.value and p.ordinal is None and q.ordinal is None else None


def _scaled(p: Phrase, q: Phrase) -> float:
    """Low end of a range whose scale is written once (بين 2 و3 ملايين = 2-3 million)."""
    if not p.has_scale and q.has_scale and q.last_scale:
        return p.value * q.last_scale
    return p.value


_EMPTY_ATTRS: dict[str, Any] = dict.fromkeys(
    ("value", "kind", "hedge", "hedge_text", "low", "high", "unit", "unit_class", "unit_start", "unit_end",
     "currency", "currency_assumed", "ordinal", "percent", "place"),
)  # fmt: skip


def _base_attrs(attrs: dict[str, Any], p: Phrase, high: Phrase | None) -> None:
    """Fill value and kind into the full attribute record (every key present, None when it does not apply)."""
    attrs["value"] = _num(p.value)
    attrs["kind"] = "cardinal"
    if high is not None:
        low = _num(_scaled(p, high))
        attrs.update(kind="range", value=low, low=low, high=_num(high.value))
    elif p.ordinal is not None:
        _as_ordinal(attrs, p.ordinal)
    elif p.vague:
        attrs.update(kind="vague", low=_num(p.value), high=_num(p.high))


_DECIMALS = re.compile(r"[0-9]+[.,]([0-9]*0)")


def _written_place(text: str, p: Phrase) -> float | None:
    """The place a whole figure written with decimals is exact to: "1.0 %" is a tenth (so not 0.7), where
    the value 1 alone would round from anything in 0.5-1.5. Other trailing zeros are the habit of a price
    ("940.50 دولار"): they stay free to have been cut short ("586.30" for 586.33)."""
    if len(p.atoms) != 1 or p.atoms[0].cat != "d" or p.value != int(p.value):
        return None
    m = _DECIMALS.fullmatch(text, p.atoms[0].start, p.atoms[0].end)
    if m is None or abs(float(m.group(0).replace(",", ".")) - p.value) > 1e-9:
        return None  # "1.000" is a thousand, not one to three places
    return float(10 ** -len(m.group(1)))


def _as_ordinal(attrs: dict[str, Any], n: int) -> None:
    attrs["kind"], attrs["value"], attrs["ordinal"] = "ordinal", n, n
    attrs["unit"] = attrs["unit_class"] = attrs["unit_start"] = attrs["unit_end"] = None


def _mark_percent(attrs: dict[str, Any]) -> None:
    attrs["unit_class"] = "percent"
    if attrs["kind"] == "cardinal":
        attrs.update(kind="percent", percent=attrs["value"])


def _mark_money(attrs: dict[str, Any], code: str, assumed: bool) -> None:
    attrs.update(currency=code, currency_assumed=assumed)
    if attrs["kind"] == "cardinal":
        attrs["kind"] = "money"


@lru_cache(maxsize=16384)
def _noun(word: str) -> tuple[bool, str | None, str | None]:
    """(definite, unit class, currency stem) of the word after a number; class None if it is no noun."""
    definite = word.startswith(_DEFINITE)
    base = word[2:] if word.startswith("ال") and len(word) > 4 else word
    if word in NOT_UNITS or base in LEXICON or word in FORMS:
        return definite, None, None
    stem = base if base in CURRENCIES else CURRENCY_FORMS.get(base)
    return (definite, "money", stem) if stem is not None else (definite, classify_unit(base), None)


def _year_like(p: Phrase) -> bool:
    a = p.atoms[0]
    return len(p.atoms) == 1 and a.cat == "d" and a.end - a.start == 4 and 1000 <= a.value <= 2100


def _num(x: float) -> int | float:
    """JSON-friendly number: int when whole."""
    if x == int(x) and -(2**53) < x < 2**53:
        return int(x)
    return round(x, 6)
