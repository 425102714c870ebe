"""Where to look: words that can start a temporal expression, found at C speed, then dispatch.

The lead regex is a prefix trie of every lead word (with its و/ف/ب/ل clitic spellings), run only where
`date_candidates` says a lead word begins. Frequent words that rarely start an expression (هذا، عام،
الثاني، 1077) carry a short guard checked inside the regex ("must be followed by a unit", "by a month"),
so most false leads cost no Python at all. Words whose guard is long (prepositions, hedges, ordinals:
copying it after each spelling made the regex ~80 KB and ~1 s to compile) are checked when they fire."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from isnad.text import date_lexicon as lx
from isnad.text.date_candidates import Finder, lead_finder, own_words, starts
from isnad.text.date_lexicon import guarded_trie, trie
from isnad.text.date_parse import (
    hedged,
    p_bareyear,
    p_daymonth,
    p_decade,
    p_defunit,
    p_freq,
    p_hedge,
    p_month,
    p_numdate,
    p_ordday,
    p_partday,
    p_period,
    p_preyear,
    p_relday,
    p_shahr,
    p_this,
    p_unit,
    p_weekday,
    p_yawm,
    p_year,
    p_year_era,
    words,
)
from isnad.text.date_patterns import (
    ADV,
    COUNT_WORDS,
    NEED_HEDGE,
    NEED_ORDDAY,
    NEED_PERIOD,
    NY,
    PREP_HEAD,
    R_AFTER_TOMORROW,
    R_CLOSE,
    R_EVENT_ANCHOR,
    R_FREQ,
    R_PREP,
    R_TARIKH,
    S0,
    UNIT,
    E,
    Parse,
    Parser,
    S,
    begin,
)
from isnad.text.date_times import p_ordhour, p_time_digits, p_time_word


def p_prep(text: str, pos: int) -> Parse | None:
    """منذ/قبل/بعد/خلال/لمدة + a quantity (relative or duration) or + any date expression."""
    m = R_PREP.match(text, pos)
    if m is None:
        return None
    rel, hedge = m.group("rel", "hedge")
    relation = lx.RELATIONS[words(rel)]
    if relation == "after" and not hedge and (t := R_AFTER_TOMORROW.match(text, m.end())):
        return Parse(begin(m), t.end(), "relative", {"kind": "day", "code": "D", "n": 2})
    q = hedged(text, m)
    if q is not None:
        q.start = begin(m)
        if relation in ("since", "before", "after"):
            q.label = "relative"
            q.fields.update(kind="offset", sign=1 if relation == "after" else -1)
            if relation == "after":
                q.fields["anchor"] = "ambiguous"
            elif R_EVENT_ANCHOR.match(text, q.end):
                q.fields["anchor"] = "event"
        q.fields["relation"] = relation
        return q
    if hedge:
        return None
    sub = parse_at(text, m.end(), _AFTER_PREP)
    if sub is None:
        return None
    sub.start = begin(m)
    sub.fields["relation"] = relation
    return sub


def p_tarikh(text: str, pos: int) -> Parse | None:
    """بتاريخ (17/10/2016): the word "dated" belongs to the date."""
    m = R_TARIKH.match(text, pos)
    if m is None:
        return None
    for parser in _DATES:
        sub = parser(text, m.end())
        if sub is not None:
            break
    else:
        return None
    sub.start = begin(m)
    if m.group("po") and (c := R_CLOSE.match(text, sub.end)):
        sub.end = c.end()
    return sub


_DATES = (p_numdate, p_daymonth, p_ordday, p_month, p_shahr, p_year, p_year_era, p_bareyear)
_AFTER_PREP = frozenset(_DATES) | frozenset(
    (
        p_period,
        p_defunit,
        p_this,
        p_relday,
        p_weekday,
        p_yawm,
        p_partday,
        p_decade,
        p_time_word,
        p_time_digits,
    )
)


def _pre(items: Any, k: int = 2) -> str:
    """Regex for the first `k` letters of any of `items` (a short, lossy guard; parsers re-check)."""
    return trie({w[:k] for w in items})


_MONTHS = [*lx.GREGORIAN, *lx.HIJRI]
_UNIT_OR_COUNT = _pre([*lx.UNITS, *lx.CARDINALS, *lx.VAGUE_COUNTS])
# What may follow a number that starts an expression, coarsely (the parsers check precisely):
# a separator (17/10/2016, 10:30), a month (17 أكتوبر, 25 الجاري), a unit or an era (31 دقيقة,
# 1437هـ), a clock adverb or time zone (10 صباحا), or nothing when it is a 4-digit year (حرب 1948).
_AFTER_NUMBER = {
    "sep": r"[ \t]{0,4}[/\-–][ \t]{0,4}[0-9]|\.[0-9]{1,2}\.[0-9]|:[0-9]{2}(?![0-9])",
    "mon": rf"{S0}{_pre([*_MONTHS, *lx.folded('من|شهر|هذا'), *lx.CURRENT], 3)}",
    "era": rf"{S0}{trie(lx.folded('هـ|م|هجري|هجرية|ميلادي|ميلادية|للهجرة|للميلاد'))}(?!\w)",
    "unit": rf"(?:[.,][0-9]+)?{S0}{_pre(lx.UNITS)}",
    "adv": rf"{S}(?:{_pre(lx.CLOCK_ADVERBS)}|بتو|ت|GMT|UTC)",
}
_DIGIT_KIND = re.compile(
    "[وف]?[بل]?[0-9]*(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _AFTER_NUMBER.items()) + ")"
    rf"|[وف]?[بل]?(?P<bare>[0-9]{{4}}{NY})"
)
_DIGIT_PARSERS: dict[str, tuple[Parser, ...]] = {
    "sep": (p_numdate, p_time_digits),
    "mon": (p_daymonth,),
    "era": (p_year_era,),
    "unit": (p_unit,),
    "adv": (p_time_digits,),
    "bare": (p_bareyear,),
}
# The guard after a lead digit: as above, with the followers whose parser needs more made exact (a unit
# word, a clock adverb or time zone, a year between 1800 and 2100: "10 سابقا", "1  تعيين", "1077" lead
# nowhere). Each is narrower than its coarse form, so `_DIGIT_KIND` still picks the same parsers.
# Possessive: every follower starts with a non-digit, so giving digits back can never help a match.
_TIGHT_AFTER_NUMBER = {
    **_AFTER_NUMBER,
    "unit": rf"(?:[.,][0-9]+)?{S0}{UNIT}{E}",
    "adv": rf"{S}(?:{ADV}{E}|بتوقيت{S}|ت{S0}\.?{S0}غ{E}|GMT|UTC)",
}
_YEAR_REST = rf"(?:(?<=1)[89][0-9]{{2}}|(?<=2)(?:0[0-9]{{2}}|100)){NY}"  # after the first digit
G_DIGIT = "(?:[0-9]*+(?:" + "|".join(_TIGHT_AFTER_NUMBER.values()) + f")|{_YEAR_REST})"
_PARSERS: dict[str, tuple[Parser, ...]] = {}
_GUARDS: dict[str, set[str]] = {}


def _register(words_: Any, *parsers: Parser, guard: str = "") -> None:
    """Make each folded word a lead for `parsers`; a `guard` must match right after the word."""
    for w in words_:
        known = _PARSERS.get(w, ())
        _PARSERS[w] = known + tuple(p for p in parsers if p not in known)
        _GUARDS.setdefault(w, set()).add(guard)


def _first_words(items: Any) -> set[str]:
    return {w.split()[0] for w in items}


_register(_MONTHS, p_month)
_register(["شهر"], p_shahr, guard=rf"{S}{_pre(_MONTHS)}")
_register(["تاريخ"], p_tarikh, guard=rf"{S0}(?::{S0})?(?:\({S0})?(?:[0-9]|ال|{_pre(_MONTHS)})")
_register([f"{a}{d}" for d in lx.WEEKDAYS for a in ("ال", "لل")], p_weekday)
_register(["يوم"], p_yawm, guard=rf"{S}(?:ال|لل|[0-9(]|غد|امس)")
_register(_first_words(lx.ORDINAL_DAYS), p_ordday, guard=rf"{S}(?:من|شهر|الشهر|هذا|وال|عشر|{_pre(_MONTHS)})")
_register(
    _first_words(lx.ORDINAL_HOURS), p_ordhour, guard=rf"{S}(?:و|الا|عشر|من{S}|{_pre(lx.CLOCK_ADVERBS)})"
)
_register(lx.PARTS_OF_DAY, p_partday, guard=rf"{S}(?:من{S}|يوم|ال|لل|غد|امس|هذا|[0-9])")
_register(lx.folded("أمس|الأمس|البارحة|اليوم|غدا|الليلة|الآن|حاليا"), p_relday)
_register(["اول"], p_relday, guard=rf"{S}(?:من{S})?(?:ال)?امس")
_register(lx.folded("العام|السنة|عام|سنة"), p_year, guard=rf"(?:{S}{trie(lx.CURRENT)})?{S0}\(?{S0}[0-9]")
_register(["عامي", "سنتي"], p_year, guard=rf"{S}[0-9]")
_register(["الساعه", "للساعه"], p_time_word, guard=rf"{S}(?:[0-9]|ال)")
_register([f"{a}{u}" for u in lx.UNITS for a in ("ال", "لل")], p_defunit, guard=rf"{S}ال")
_register(["هذا", "هذه"], p_this, guard=rf"{S}ال(?:عام|سنه|شهر|اسبوع|يوم|ليله|صباح|مساء|ايام|عقد|قرن){E}")
# After a preposition, ال must start a unit, weekday, relative day, ordinal or decade ("قبل الانتخابات" is
# no lead): their stems, by first two letters.
_DEF_STEMS = _pre(
    [
        *lx.UNITS,
        *lx.WEEKDAYS,
        *lx.folded("أمس|يوم|ليلة|ساعة|آن"),
        *(w[2:] for w in lx.ORDINAL_DAYS),
        *(d[2:] for d in lx.DECADES),
    ]
)
_AFTER_PREP_WORDS = _pre([*_MONTHS, *lx.PERIOD_PARTS, *lx.PARTS_OF_DAY, "يوم", "شهر"]) + "|" + trie(lx.HEDGES)
_register(
    lx.RELATIONS,
    p_prep,
    guard=rf"{S}(?:[0-9(]|(?:ال|لل){_DEF_STEMS}|هذ|غد|امس|{_UNIT_OR_COUNT}|{_AFTER_PREP_WORDS})",
)
_register(lx.HEDGES, p_hedge, guard=rf"{S}(?:[0-9]|{_UNIT_OR_COUNT})")
_register(_first_words(lx.CARDINALS), p_unit, guard=rf"{S}(?:و|{_pre(lx.UNITS)})")
_register(lx.VAGUE_COUNTS, p_unit, guard=rf"{S}(?:ال)?{_pre(lx.UNITS)}")
_register([w for w, (_c, _m, n) in lx.UNITS.items() if n == 2], p_unit)
_register([w for w, (_c, _m, n) in lx.UNITS.items() if n == 1], p_unit, guard=rf"{S}واحد")
_register(lx.PERIOD_PARTS, p_period, guard=rf"{S}(?:من{S}|شهر|ال|عام|سنه|هذ|[0-9(]|{_pre(_MONTHS)})")
_register(lx.FREQUENCY, p_freq)
_register(["كل"], p_freq, guard=rf"{S}(?:[0-9]|{_UNIT_OR_COUNT})")
_register(lx.DECADES, p_decade)


_NO_CLITICS = frozenset([*lx.GREGORIAN, *lx.HIJRI, *lx.RELATIONS])
# Parsers whose patterns take no ب/ل before the word ("بكل" is never a frequency): no such spellings.
_BARE_ONLY = frozenset((p_freq,))


def _spellings(word: str) -> list[str]:
    """The word with the prepositions it can carry (ل + ال is written لل); و/ف are handled in the regex."""
    if word.startswith("ال"):
        return [word, "ب" + word, "ل" + word[1:]]
    if word in _NO_CLITICS or _BARE_ONLY.issuperset(_PARSERS[word]):
        return [word]
    return [word, "ب" + word, "ل" + word]


_CANONICAL: dict[str, str] = {}
_ENDS: dict[str, set[str]] = {}
for _w in _PARSERS:
    for _s in _spellings(_w):
        _ENDS.setdefault(_s, set()).update(_GUARDS[_w])
        for _c in ("", "و", "ف"):
            _CANONICAL.setdefault(_c + _s, _w)
_PREYEAR = frozenset(c + w for w in ("في", "حتي", "بحلول") for c in ("", "و", "ف"))
_YEAR_NEXT = rf"{S}(?:\({S0})?[0-9]{{4}}{NY}"
for _w in ("في", "حتي", "بحلول"):
    _ENDS.setdefault(_w, set()).add(_YEAR_NEXT)
for _c in ("", "ب", "ل"):
    _ENDS[_c + "#"] = {G_DIGIT}
# Opening punctuation, tabs and line breaks become spaces in the copy the lead regex scans, so a space
# (the regex's first character, and of every key of `date_candidates`) precedes every word start.
_SPACES = ("\n", "(", '"', "«", "\t")
_BY_SPELLING: dict[str, tuple[Parser, ...]] = {s: _PARSERS[w] for s, w in _CANONICAL.items()}
_BY_SPELLING.update(dict.fromkeys(_PREYEAR, (p_preyear,)))

# A guard longer than this is checked after its word fires, with the parsers' necessary condition first.
_INLINE_MAX = 120
_NEEDS: dict[Parser, str] = {
    p_hedge: NEED_HEDGE,
    p_ordday: NEED_ORDDAY,
    p_period: NEED_PERIOD,
    p_freq: R_FREQ.pattern,
}
# (parsers, necessary condition at the lead's start, guard where the lead word ends)
_Checked = tuple[tuple[Parser, ...], "re.Pattern[str] | None", "re.Pattern[str]"]


def _terminal(guards: set[str]) -> str:
    """What must hold where a lead word ends: the word is complete, and its guard accepts what follows."""
    if guards == {G_DIGIT}:
        return f"(?={G_DIGIT})"
    if "" in guards:
        return r"(?!\w)"
    return r"(?!\w)(?=" + "|".join(sorted(guards)) + ")"


def _prep_need() -> str:
    """p_prep's necessary condition: its head, then a number or the first word of a quantity, of "بعد غد"
    or of a lead it may take, with their clitics."""
    takes = [s for s in _ENDS if _AFTER_PREP.intersection(_BY_SPELLING.get(s, ()))]
    firsts = {w.split()[0] for w in [*takes, *COUNT_WORDS, *lx.UNITS, "غد", "غدا"]}
    return rf"{PREP_HEAD}[وف]?[بل]?(?:[0-9]|{trie(firsts)}{E})"  # E is looser than a lead's (?!\w)


def _follow(long: set[str]) -> dict[str, list[str]]:
    """What the text reads right after each lead word whose guard, checked inside the lead regex, starts
    with blanks (in the scanned copy: spaces); a year's first digit after في (frequent), حتي, بحلول."""
    out: dict[str, list[str]] = {}
    for word, guards in _ENDS.items():
        if word in long or not all(g.startswith(S) for g in guards):
            continue
        out[word] = [" "]
        if guards == {_YEAR_NEXT}:  # `_YEAR_NEXT` with "(" a space: 1 to 4 spaces, then a digit
            out[word] = [" " * k + d for k in range(1, 5) for d in "0123456789"]
    return out


def _base(lead: str) -> str:
    """The spelling whose guard applies to `lead` (a leading و/ف is a clitic unless the word is its own)."""
    return lead[1:] if lead[0] in "وف" and lead[1:] in _ENDS else lead


@cache
def _tables() -> tuple[re.Pattern[str], dict[str, tuple[Parser, ...]], dict[str, _Checked], Finder]:
    """The lead regex, the parsers of each lead spelling that needs no check, those of the others with
    their checks, and where leads can start (built on first use: it is large)."""
    terminals = {k: _terminal(v) for k, v in _ENDS.items()}
    long = {k for k, t in terminals.items() if len(t) > _INLINE_MAX and not k.endswith("#")}
    ends = {k: r"(?!\w)" if k in long else t for k, t in terminals.items()}
    words_, behind = own_words(ends)
    regex = re.compile(f" ([وف]?+{guarded_trie(words_, lx.WORD_INITIAL_ORDER, behind)})")
    needs = {**_NEEDS, p_prep: _prep_need()}
    compiled: dict[str, re.Pattern[str]] = {R_FREQ.pattern: R_FREQ}
    plain: dict[str, tuple[Parser, ...]] = {}
    checked: dict[str, _Checked] = {}
    for lead, parsers in _BY_SPELLING.items():
        base = _base(lead)
        if base not in long:
            plain[lead] = parsers
            continue
        need = "|".join(needs[p] for p in parsers) if all(p in needs for p in parsers) else ""
        need_re = compiled.setdefault(need, re.compile(need)) if need else None
        guard = terminals[base]
        checked[lead] = (parsers, need_re, compiled.setdefault(guard, re.compile(guard)))
    return regex, plain, checked, lead_finder(words_, behind, "وف", _follow(long))


def _lead() -> re.Pattern[str]:
    """The lead regex (compiled on first use)."""
    return _tables()[0]


def _others(m: re.Match[str], text: str) -> tuple[Parser, ...]:
    """Parsers for a lead that is checked after it fires, a number, or a multi-word lead oddly spaced."""
    _, plain, checked, _ = _tables()
    lead = m.group(1)
    entry = checked.get(lead)
    if entry is None:
        if lead[-1] in "0123456789":
            kind = _DIGIT_KIND.match(m.string, m.start(1))
            return _DIGIT_PARSERS[kind.lastgroup or ""] if kind else ()
        lead = words(lead)
        entry = checked.get(lead)
        if entry is None:
            return plain.get(lead, ())
    parsers, need, guard = entry
    if need is not None and need.match(text, m.start(1)) is None:
        return ()
    if guard.match(m.string, m.end(1)) is None:
        return ()
    return parsers


def parse_at(text: str, pos: int, allowed: frozenset[Parser]) -> Parse | None:
    """Parse the expression starting at `pos` (right after a space), trying only `allowed` parsers."""
    regex, plain, _, _ = _tables()
    m = regex.match(text, pos - 1)
    if m is None:
        return None
    parsers = plain.get(m.group(1))
    for parser in _others(m, text) if parsers is None else parsers:
        if parser in allowed and (found := parser(text, pos)) is not None:
            return found
    return None


def scan(text: str) -> list[Parse]:
    """All expressions in `text` (which must start with a space), left to right, non-overlapping."""
    lookup = text
    for ch in _SPACES:
        if ch in lookup:
            lookup = lookup.replace(ch, " ")
    regex, plain, _, finder = _tables()
    out: list[Parse] = []
    last = reach = 0
    for start in starts(finder, lookup):  # as `regex.finditer(lookup)`, anchored where a lead can start
        if start < reach or (m := regex.match(lookup, start)) is None:
            continue
        reach = m.end()
        pos = m.start(1)
        if pos < last:
            continue
        parsers = plain.get(m.group(1))
        for parser in _others(m, text) if parsers is None else parsers:
            found = parser(text, pos)
            if found is not None:
                out.append(found)
                last = found.end
                break
    return out
