"""Recognise temporal expressions in the matching view: a cheap lead scan, then small anchored grammars.

One compiled regex finds the words that can START an expression (month and weekday names, ordinal days,
units, relative words, temporal prepositions, digits). Only there does a family parser try its anchored
patterns, so an article costs one C-level scan plus a few dozen `match` calls. Parsers return `Parse`
records in view coordinates with raw fields; resolution against the publication date happens later.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from isnad.text import date_lexicon as lx
from isnad.text.date_lexicon import trie
from isnad.text.normalize import ARABIC_LETTERS

L = ARABIC_LETTERS
E = rf"(?![{L}0-9])"  # end of word
NN = r"(?![0-9]|[.,][0-9])"  # end of number
NY = r"(?![0-9]|[ \t]{0,4}[.,/\-:][ \t]{0,4}[0-9])"  # end of a bare year (not the start of 2016-10-17)
S = r"[ \t]{1,4}"  # bounded: an expression never spans a long run of blanks
S0 = r"[ \t]{0,4}"
CJ = r"(?:(?P<cj>[وف])(?=[^ \t]))?"
DEFOPT = r"(?:[بلك]?ال|لل|[بلك])?"

MONTH = trie([*lx.GREGORIAN, *lx.HIJRI])
UNIT = trie(lx.UNITS)
CARD = trie([*lx.CARDINALS, *lx.VAGUE_COUNTS])
MODS = trie(lx.PAST | lx.NEXT | lx.CURRENT)
ERA_HIJRI = frozenset(lx.folded("هـ|هجري|هجرية|للهجرة"))
ERA = trie([*ERA_HIJRI, *lx.folded("م|ميلادي|ميلادية|للميلاد")])
ADV = trie(lx.CLOCK_ADVERBS)
TZ = (
    rf"(?:بالتوقيت{S}(?:المحلي|الصيفي|الشتوي)|بتوقيت{S}[{L}]+(?:{S}(?:المكرمه|المحلي|الصيفي|الشتوي))?"
    rf"|ت{S0}\.?{S0}غ{E}|GMT|UTC)"
)
FRAC = (
    rf"(?:{S}(?:و{S0}(?P<fr>النصف|الربع|الثلث|(?P<fm>[0-9]{{1,2}}){S0}دقيقه"
    rf"|(?P<fw>خمس|عشر|عشرين|خمس{S}وعشرين){S}دقايق|(?P<fw1>عشرين|خمس{S}وعشرين){S}دقيقه){E}"
    rf"|الا{S0}(?P<ng>ربعا?|ثلثا?|(?P<nm>[0-9]{{1,2}}){S0}دقيقه){E}))?"
)

MPAIR = rf"(?P<m1>{MONTH}){E}(?:{S0}(?:(?P<po>\(){S0})?(?:[/\-–]{S0})?(?P<m2>{MONTH}){E}(?(po){S0}\)))?"
YEAR_TAIL = (
    rf"{S0}(?:,{S0})?(?:(?:من{S})?(?:ال)?(?:عام|سنه){S0})?(?:(?P<yo>\(){S0})?(?P<year>[0-9]{{4}}){NN}"
    rf"(?(yo){S0}\))(?:{S0}(?P<era>{ERA}){E})?"
)
REL_TAIL = (
    rf"{S}(?:من{S})?(?:(?P<ythis>هذا|هذه){S}(?:ال)?(?:عام|سنه)|(?:ال)?(?:عام|سنه){S}(?P<ymod>{MODS}))"
    rf"|{S}(?P<mmod>{MODS}|{trie(lx.HOLY)})"
)
TAILS = rf"(?:{YEAR_TAIL}|{REL_TAIL}{E})?"
# "في 25 الجاري": the day of this month, the word "شهر" left out (only "الجاري/الحالي" say so alone).
RELMON = rf"(?:(?:ال)?شهر{S}(?P<rmod>{MODS})|(?P<rthis>هذا){S}الشهر|(?P<rcur>{trie(lx.CURRENT)})){E}"
DAY_JOIN = rf"{S0}(?:من{S})?(?:شهر{S})?"


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


R_NUMDATE = _c(
    rf"{CJ}(?:[بل])?(?:(?P<a>[0-9]{{1,2}}){S0}(?P<sp>[/.\-–]){S0}(?P<b>[0-9]{{1,2}}){S0}(?P=sp){S0}"
    rf"(?P<c>[0-9]{{4}})|(?P<iy>[0-9]{{4}})(?P<sq>[/\-.])(?P<im>[0-9]{{1,2}})(?P=sq)(?P<id>[0-9]{{1,2}}))"
    rf"{NN}(?:{S0}(?P<era>{ERA}){E})?"
)
R_DAYMONTH = _c(rf"{CJ}(?:[بل])?(?P<day>[0-9]{{1,2}}){DAY_JOIN}(?:{MPAIR}{TAILS}|{RELMON})")
ORDDAY_HEAD = rf"{CJ}(?:[بل])?(?P<ord>{trie(lx.ORDINAL_DAYS)}){E}{S}(?:من{S})?(?:شهر{S})?"
R_ORDDAY = _c(rf"{ORDDAY_HEAD}(?:{MPAIR}{TAILS}|{RELMON})")
R_MONTH = _c(rf"{CJ}(?P<pp>[بل])?{MPAIR}{TAILS}")
R_SHAHR = _c(rf"{CJ}(?:[بل])?شهر{S}{MPAIR}{TAILS}")
R_YEAR = _c(
    rf"{CJ}{DEFOPT}(?:عام|سنه)(?:{S}{trie(lx.CURRENT)})?{S0}(?:(?P<yo>\(){S0})?(?P<year>[0-9]{{4}}){NN}(?:{S0}[-/]{S0}(?P<y2>[0-9]{{4}}){NN})?"
    rf"(?(yo){S0}\))(?:{S0}(?P<era>{ERA}){E})?"
)
R_YEAR_RANGE = _c(
    rf"{CJ}{DEFOPT}(?:عامي|سنتي){S}(?P<year>[0-9]{{4}}){S0}(?:و|-|/|الي{S}|حتي{S}){S0}(?P<y2>[0-9]{{4}}){NN}"
)
R_YEAR_ERA = _c(rf"{CJ}(?:[بل])?(?P<year>[0-9]{{4}}){S0}(?P<era>{ERA}){E}(?!{S}(?:مربع|مكعب){E})")
R_PREYEAR = _c(rf"{CJ}(?:في|حتي|بحلول){S}(?P<body>(?:(?P<po>\(){S0})?(?P<year>[0-9]{{4}}){NY}(?(po){S0}\)))")
NOT_YEAR_NEXT = _c(rf"{S0}(?:%|في{S}الما?يه|(?:الف|الاف|مليون|ملايين|مليار|مليارات|{UNIT}){E})")
R_TIME_DIGITS = _c(
    rf"{CJ}(?:[بل])?(?:(?P<h>[0-9]{{1,2}}):(?P<mi>[0-5][0-9])(?::[0-5][0-9])?(?![0-9])(?:{S}(?P<adv>{ADV}){E})?"
    rf"|(?P<h2>[0-9]{{1,2}}){S}(?P<adv2>{ADV}){E}|(?P<hm>[0-2][0-9][0-5][0-9]){S}(?={TZ}))(?:{S}(?P<tz>{TZ}))?"
)
R_TIME_WORD = _c(
    rf"{CJ}(?:[بلك]?ال|لل)ساعه{S}(?:(?P<h>[0-9]{{1,2}})(?:[:.](?P<mi>[0-5][0-9]))?(?![0-9])"
    rf"|(?P<hm>[0-2][0-9][0-5][0-9])(?![0-9])|(?P<oh>{trie(lx.ORDINAL_HOURS)}){E}){FRAC}"
    rf"(?:{S}(?P<adv>{ADV}){E})?(?:{S}(?P<tz>{TZ}))?"
)
R_ORDHOUR = _c(
    rf"{CJ}(?:[بل])?(?P<oh>{trie(lx.ORDINAL_HOURS)}){E}{FRAC}(?:{S}(?P<adv>{ADV}){E}|(?={S}من{S}"
    rf"{trie(lx.PARTS_OF_DAY)}))(?:{S}(?P<tz>{TZ}))?"
)
R_WEEKDAY = _c(
    rf"{CJ}(?:[بل])?(?:ال|لل)(?P<wd>{trie(lx.WEEKDAYS)}){E}(?!{S}عشر)"
    rf"(?:{S}(?P<wmod>{trie(lx.PAST | lx.NEXT)}){E})?"
)
R_RELDAY = _c(
    rf"{CJ}(?P<pp>[بل])?(?:(?P<ago2>(?:ال)?امس{S}(?:ال)?اول|اول{S}(?:من{S})?(?:ال)?امس)|(?P<ystd>(?:ال)?امس|البارحه)"
    rf"|(?P<tdy>اليوم(?!{S}(?:(?:ال|لل)(?!{trie(lx.WEEKDAYS)}{E}|ي{E})|[0-9])))|(?P<tmr>غدا)"
    rf"|(?P<ton>الليله(?:{S}(?P<lmod>الماضيه|البارحه|المقبله|القادمه))?(?!{S}ال))|(?P<now>الان|حاليا)){E}"
)
R_RELDAY_SUB = _c(rf"(?:(?P<ystd>(?:ال)?امس|البارحه)|(?P<tdy>اليوم)|(?P<tmr>غدا?)){E}")
R_DEFUNIT = _c(
    rf"{CJ}(?:[بك]?ال|لل)(?P<u>{UNIT}){S}(?:ال(?P<cw>{CARD}|قليله){S})?(?P<mod>{MODS}|{trie(lx.RECENT)}){E}"
)
R_THIS = _c(rf"{CJ}(?:[بل])?(?:هذا|هذه){S}ال(?P<u>عام|سنه|شهر|اسبوع|يوم|ليله|صباح|مساء|ايام|عقد|قرن){E}")
R_PART_CURRENT = _c(rf"ال(?P<u>شهر|عام|سنه|اسبوع){E}(?!{S}{MODS})")
HALF = rf"(?P<half>{S}ونصف(?:{S}(?:ال)?(?:ساعه|سنه|عام|يوم|شهر|ساعه|قرن)(?=$|[^{L}]))?(?=$|[^{L}]))?"
R_QUANT = _c(
    rf"{CJ}(?P<pp>[بل])?(?:(?:(?P<n>[0-9]+(?:[.,][0-9]+)?){S0}|(?P<nw>{CARD}){S}(?:ال)?)(?P<unit>{UNIT}){E}{HALF}"
    rf"|(?P<u1>{UNIT}){S}واحده?{E})"
)
R_UNIT_BARE = _c(rf"{CJ}(?P<pp>[بل])?(?P<unit>{UNIT}){E}(?!{S0}\(?{S0}[0-9])")
PREP_HEAD = rf"{CJ}(?P<rel>{trie(lx.RELATIONS)}){S}(?:(?P<hedge>{trie(lx.HEDGES)}){S})?"
R_PREP = _c(PREP_HEAD)
R_AFTER_TOMORROW = _c(rf"غدا?{E}")
HEDGE_HEAD = rf"{CJ}(?P<hedge>{trie(lx.HEDGES)}){S}"
R_HEDGE = _c(HEDGE_HEAD)
R_EVENT_ANCHOR = _c(rf"{S}(?:من|علي){S}")
R_YAWM = _c(rf"{CJ}(?:[بل])?يوم{S}")
R_PARTDAY = _c(rf"{CJ}(?:[بل])?(?P<pd>{trie(lx.PARTS_OF_DAY)}){S}(?:من{S})?(?:يوم{S})?")
PERIOD_HEAD = rf"{CJ}(?:[بل])?(?P<part>{trie(lx.PERIOD_PARTS)}){S}(?:من{S})?"
R_PERIOD = _c(PERIOD_HEAD)
R_FREQ = _c(
    rf"{CJ}(?:(?P<fq>{trie(lx.FREQUENCY)})|كل{S}(?:(?:(?P<n>[0-9]+)|(?P<nw>{CARD})){S0})?(?P<unit>{UNIT})){E}"
)
R_DECADE = _c(
    rf"{CJ}(?:[بلك])?(?P<dec>{trie(lx.DECADES)}){E}(?:{S}(?:من{S})?القرن{S}"
    rf"(?P<cent>الماضي|المنصرم|العشرين|الحالي|الحادي{S}والعشرين|التاسع{S}عشر){E})?"
)
R_TARIKH = _c(rf"{CJ}(?:ب)?تاريخ{S0}(?::{S0})?(?:(?P<po>\(){S0})?")
R_CLOSE = _c(rf"{S0}\)")

# Necessary conditions, matched at a lead's start, for parsers whose lead words are frequent and mostly
# lead nowhere ("خلال الفترة", "نحو 15 ألف", "الأول من نوعه"). Each accepts everything its parser could
# (a head of the parser's own pattern, then what its sub-parsers need first), so checking it first
# only saves the work of failing.
COUNT_WORDS = [w.split()[0] for w in [*lx.CARDINALS, *lx.VAGUE_COUNTS]]  # what a counted unit can start with
QUANT_HEAD = rf"[وف]?[بل]?(?:[0-9]+(?:[.,][0-9]+)?{S0}{UNIT}{E}|{trie(COUNT_WORDS)}{E}|{UNIT}{E})"
NEED_HEDGE = HEDGE_HEAD + QUANT_HEAD
NEED_ORDDAY = rf"{ORDDAY_HEAD}(?:{MONTH}{E}|{RELMON})"
_PERIOD_OF = rf"{MONTH}|{UNIT}|عامي|سنتي|هذا|هذه|{trie(lx.DECADES)}"  # a month, year, unit, decade
NEED_PERIOD = rf"{PERIOD_HEAD}(?:[0-9]|[وف]?(?:[بلك]?ال|لل|[بلك])?(?:{_PERIOD_OF}))"


@dataclass(slots=True)
class Parse:
    """One recognised expression in view coordinates, with raw (unresolved) fields."""

    start: int
    end: int
    label: str
    fields: dict[str, Any] = field(default_factory=dict)


Parser = Callable[[str, int], Parse | None]


def begin(m: re.Match[str]) -> int:
    """Expression start: a leading conjunction و/ف is not part of it."""
    return m.end("cj") if m.group("cj") else m.start()


def prev_word(text: str, pos: int) -> str:
    """The word before `pos` (skipping spaces and an opening parenthesis), without a leading و/ف."""
    end = pos
    while end > 0 and text[end - 1] in " \t(":
        end -= 1
    start = max(text.rfind(" ", max(0, end - 40), end), text.rfind("\n", max(0, end - 40), end)) + 1
    word = text[start:end]
    return word[1:] if len(word) > 2 and word[0] in "وف" else word


def month_fields(m: re.Match[str]) -> dict[str, Any]:
    """Calendar, month number and year context from a match that used MPAIR and TAILS."""
    m1, m2 = m.group("m1", "m2")
    name = " ".join(m1.split())
    hijri = name in lx.HIJRI
    f: dict[str, Any] = {"calendar": "hijri" if hijri else "gregorian"}
    f["month"] = lx.HIJRI[name] if hijri else lx.GREGORIAN[name]
    f["month_name"] = name
    if m2:
        other = " ".join(m2.split())
        f["paired"] = True
        if lx.GREGORIAN.get(other, lx.HIJRI.get(other)) != f["month"]:
            f["month_conflict"] = other
    tail_fields(m, f)
    return f


def relmon_fields(m: re.Match[str]) -> dict[str, Any]:
    """Fields for "من الشهر الجاري/الماضي": the month is counted from the publication month."""
    mod = m.group("rmod")
    return {"calendar": "gregorian", "month_rel": direction(mod) if mod else 0}


def tail_fields(m: re.Match[str], f: dict[str, Any]) -> None:
    year = m.group("year")
    if year:
        f["year"] = int(year)
        era = m.group("era")
        if era:
            f["calendar"] = "hijri" if era in ERA_HIJRI else "gregorian"
            f["era"] = True
    if m.group("ythis"):
        f["year_rel"] = 0
    elif ymod := m.group("ymod"):
        f["year_rel"] = direction(ymod)
    mmod = m.group("mmod")
    if mmod and mmod not in lx.HOLY:
        f["month_mod"] = {-1: "past", 1: "next", 0: "current"}[direction(mmod)]


def direction(word: str) -> int:
    """-1 for past modifiers (الماضي), +1 for future ones (المقبل), 0 for current (الجاري)."""
    if word in lx.PAST or word in lx.RECENT:
        return -1
    return 1 if word in lx.NEXT else 0
