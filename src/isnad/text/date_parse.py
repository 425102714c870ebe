"""Family parsers for temporal expressions, each anchored at a token start.

Each parser runs `pattern.match(text, pos)` and returns a `Parse` or None; composite expressions
("صباح الثلاثاء", "مطلع الشهر المقبل") parse their head and then call the parser of the next token, so
every combination is covered without one giant regex.
"""

from __future__ import annotations

import re
from typing import Any

from isnad.text import date_lexicon as lx
from isnad.text.calendars import valid_day
from isnad.text.date_patterns import (
    ERA_HIJRI,
    NOT_YEAR_NEXT,
    R_DAYMONTH,
    R_DECADE,
    R_DEFUNIT,
    R_FREQ,
    R_HEDGE,
    R_MONTH,
    R_NUMDATE,
    R_ORDDAY,
    R_PART_CURRENT,
    R_PARTDAY,
    R_PERIOD,
    R_PREYEAR,
    R_QUANT,
    R_RELDAY,
    R_RELDAY_SUB,
    R_SHAHR,
    R_THIS,
    R_UNIT_BARE,
    R_WEEKDAY,
    R_YAWM,
    R_YEAR,
    R_YEAR_ERA,
    R_YEAR_RANGE,
    Parse,
    Parser,
    begin,
    direction,
    month_fields,
    prev_word,
    relmon_fields,
)

_MONTH_CONTEXT = lx.MONTH_PREPOSITIONS | frozenset(lx.PERIOD_PARTS)
_YEAR_CONTEXT = lx.YEAR_PREPOSITIONS | lx.YEAR_NOUNS | frozenset(lx.PERIOD_PARTS)


def words(s: str) -> str:
    return " ".join(s.split()) if "\t" in s or "  " in s else s


def p_numdate(text: str, pos: int) -> Parse | None:
    m = R_NUMDATE.match(text, pos)
    if m is None:
        return None
    f: dict[str, Any] = {}
    if m.group("iy"):
        y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    else:
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("c"))
        d, mo = (a, b) if b <= 12 else (b, a)
        if b > 12:
            f["order"] = "mdy"
    era = m.group("era")
    hijri = era in ERA_HIJRI if era else 1300 <= y <= 1500
    if not 1000 <= y <= 2200 or not valid_day(None if hijri else y, mo, d, hijri):
        return None
    f.update(calendar="hijri" if hijri else "gregorian", year=y, month=mo, day=d)
    return Parse(begin(m), m.end(), "date", f)


def _day_month(m: re.Match[str], day: int) -> Parse | None:
    f = month_fields(m) if m.group("m1") else relmon_fields(m)
    f["day"] = day
    if not valid_day(None, f.get("month", 1), day, f["calendar"] == "hijri"):
        return None
    return Parse(begin(m), m.end(), "date", f)


def p_daymonth(text: str, pos: int) -> Parse | None:
    m = R_DAYMONTH.match(text, pos)
    return _day_month(m, int(m.group("day"))) if m else None


def p_ordday(text: str, pos: int) -> Parse | None:
    m = R_ORDDAY.match(text, pos)
    return _day_month(m, lx.ORDINAL_DAYS[words(m.group("ord"))]) if m else None


def p_month(text: str, pos: int) -> Parse | None:
    m = R_MONTH.match(text, pos)
    if m is None:
        return None
    f = month_fields(m)
    name = f["month_name"]
    if name in lx.STRONG_CONTEXT or name in lx.WEAK_CONTEXT:
        ok = "year" in f or "year_rel" in f or "paired" in f or "month_mod" in f or bool(m.group("mmod"))
        if not ok and name in lx.WEAK_CONTEXT:
            ok = prev_word(text, begin(m)) in _MONTH_CONTEXT
        if not ok:
            return None
    return Parse(begin(m), m.end(), "date", f)


def p_shahr(text: str, pos: int) -> Parse | None:
    m = R_SHAHR.match(text, pos)
    return Parse(begin(m), m.end(), "date", month_fields(m)) if m else None


def _year(m: re.Match[str]) -> Parse | None:
    year = int(m.group("year"))
    names = m.re.groupindex  # the year patterns differ in which of era / second year they have
    era = m.group("era") if "era" in names else None
    f: dict[str, Any] = {"calendar": "hijri" if era in ERA_HIJRI else "gregorian", "year": year}
    if era:
        f["era"] = True
    y2 = m.group("y2") if "y2" in names else None
    if y2:
        f["year_end"] = int(y2)
        if not year < int(y2) <= year + 50:
            return None
    return Parse(begin(m), m.end(), "date", f)


def p_year(text: str, pos: int) -> Parse | None:
    m = R_YEAR.match(text, pos) or R_YEAR_RANGE.match(text, pos)
    return _year(m) if m else None


def p_year_era(text: str, pos: int) -> Parse | None:
    """1437هـ, 2015م: a bare year with its era (م alone also means metres: years before 1300 are not)."""
    m = R_YEAR_ERA.match(text, pos)
    if m is None or (m.group("era") not in ERA_HIJRI and int(m.group("year")) < 1300):
        return None
    return _year(m)


def _plausible_year(text: str, m: re.Match[str]) -> bool:
    return 1800 <= int(m.group("year")) <= 2100 and not NOT_YEAR_NEXT.match(text, m.end())


def p_preyear(text: str, pos: int) -> Parse | None:
    """A bare year after في/حتى/بحلول; the preposition itself stays outside the span."""
    m = R_PREYEAR.match(text, pos)
    if m is None or not _plausible_year(text, m):
        return None
    return Parse(m.start("body"), m.end(), "date", {"calendar": "gregorian", "year": int(m.group("year"))})


_R_BARE_YEAR = re.compile(r"(?P<year>[0-9]{4})(?![0-9]|[ \t]{0,4}[.,/\-:][ \t]{0,4}[0-9])")
_R_CLOSING = re.compile(r"[ \t]{0,4}\)")


def p_bareyear(text: str, pos: int) -> Parse | None:
    """A bare year after a temporal word or an event noun (منذ 2003، صيف 2014، حرب 1948) or alone in
    parentheses; otherwise a 4-digit number is not taken for a date."""
    m = _R_BARE_YEAR.match(text, pos)
    if m is None or not _plausible_year(text, m):
        return None
    before = text[max(0, pos - 3) : pos].rstrip(" \t")
    if before.endswith("(") and _R_CLOSING.match(text, m.end()):
        if not 1900 <= int(m.group("year")) <= 2099:
            return None
    elif prev_word(text, pos) not in _YEAR_CONTEXT:
        return None
    return Parse(m.start(), m.end(), "date", {"calendar": "gregorian", "year": int(m.group("year"))})


def p_weekday(text: str, pos: int) -> Parse | None:
    m = R_WEEKDAY.match(text, pos)
    if m is None:
        return None
    day = lx.WEEKDAYS[m.group("wd")]
    prev = prev_word(text, begin(m))
    if (day == 4 and prev in lx.FRIDAY_NOT_A_DAY) or (day == 0 and prev in lx.MONDAY_NOT_A_DAY):
        return None
    if (day == 6 and prev == "الواحد") or prev in lx.WEEKDAY_NOT_A_DAY:
        return None
    f: dict[str, Any] = {"weekday": day}
    if m.group("wmod"):
        f["direction"] = "past" if direction(m.group("wmod")) < 0 else "next"
    return Parse(begin(m), m.end(), "weekday", f)


_RELDAY_N = {"ago2": -2, "ystd": -1, "tdy": 0, "tmr": 1}


def _relday(m: re.Match[str], start: int) -> Parse:
    kind = m.lastgroup  # the alternative that matched: every one is a named group closing last
    if kind == "now":
        return Parse(start, m.end(), "relative", {"kind": "now"})
    if kind == "ton":
        n = -1 if m.group("lmod") in ("الماضيه", "البارحه") else 0
        return Parse(start, m.end(), "relative", {"kind": "day", "code": "D", "n": n, "part_of_day": "night"})
    return Parse(start, m.end(), "relative", {"kind": "day", "code": "D", "n": _RELDAY_N.get(kind or "", 0)})


def p_relday(text: str, pos: int) -> Parse | None:
    m = R_RELDAY.match(text, pos)
    return _relday(m, begin(m)) if m else None


def p_relday_sub(text: str, pos: int) -> Parse | None:
    m = R_RELDAY_SUB.match(text, pos)
    return _relday(m, m.start()) if m else None


def p_defunit(text: str, pos: int) -> Parse | None:
    """العام الماضي، الأسبوع المقبل، السنوات الماضية، الأيام الخمسة الأخيرة."""
    m = R_DEFUNIT.match(text, pos)
    if m is None:
        return None
    code, mult, count = lx.UNITS[m.group("u")]
    mod = m.group("mod")
    f: dict[str, Any] = {"code": code, "mult": mult, "n": direction(mod)}
    if count == 1:
        if mod in lx.RECENT or m.group("cw"):
            return None  # "الأسبوع الأخير من أغسطس" is a week of August, not of the publication
        f["kind"] = "day" if code == "D" else "unit"
    else:
        f["kind"] = "span"
        cw = m.group("cw")
        f["count"] = count if count else (lx.CARDINALS.get(words(cw)) if cw else None)
    return Parse(begin(m), m.end(), "relative", f)


_THIS_UNITS = {"عام": "Y", "سنه": "Y", "شهر": "M", "اسبوع": "W", "يوم": "D", "عقد": "Y", "قرن": "Y"}


def p_this(text: str, pos: int) -> Parse | None:
    m = R_THIS.match(text, pos)
    if m is None:
        return None
    u = m.group("u")
    f: dict[str, Any]
    if u in _THIS_UNITS:
        kind = "day" if u == "يوم" else "unit"
        f = {
            "kind": kind,
            "code": _THIS_UNITS[u],
            "mult": 10 if u == "عقد" else 100 if u == "قرن" else 1,
            "n": 0,
        }
    elif u == "ايام":
        f = {"kind": "now"}
    else:
        f = {
            "kind": "day",
            "code": "D",
            "n": 0,
            "part_of_day": {"ليله": "night", "صباح": "morning"}.get(u, "evening"),
        }
    return Parse(begin(m), m.end(), "relative", f)


def quantity(text: str, pos: int, bare: bool, hedge: bool = False) -> Parse | None:
    """A counted unit ("31 دقيقة", "ثلاثة أيام", "ساعتين"); `bare` also accepts "عام", "سنوات" alone."""
    m = R_QUANT.match(text, pos)
    amount: float | None
    if m is not None:
        n, nw, unit, u1, half = m.group("n", "nw", "unit", "u1", "half")
        unit = unit or u1
        if n:
            amount = float(n.replace(",", "."))
        elif nw:
            amount = lx.CARDINALS.get(words(nw))
        else:
            amount = 1
        if half and amount is not None:
            amount += 0.5
    else:
        m = R_UNIT_BARE.match(text, pos)
        if m is None:
            return None
        unit = m.group("unit")
        amount = lx.UNITS[unit][2]
        if not (bare or m.group("pp") == "ل" or amount == 2):
            return None
        if amount == 1 and unit in lx.NEEDS_INTRO_UNITS and not hedge:
            return None  # "بعد عقد اتفاقية": a bare عقد/قرن is a contract or a horn as often as a decade
    pp = m.group("pp")
    if unit in lx.NEEDS_INTRO_UNITS and not (bare or pp == "ل"):
        return None
    code, mult, _ = lx.UNITS[unit]
    f: dict[str, Any] = {"amount": amount, "code": code, "mult": mult}
    if pp == "ل":
        f["relation"] = "for"
    return Parse(begin(m), m.end(), "duration", f)


def p_unit(text: str, pos: int) -> Parse | None:
    return quantity(text, pos, bare=False)


def hedged(text: str, m: re.Match[str]) -> Parse | None:
    hedge = m.group("hedge")
    q = quantity(text, m.end(), bare=True, hedge=bool(hedge))
    if q is not None and hedge:
        q.fields.update(hedge=lx.HEDGES[words(hedge)], hedge_text=hedge)
    return q


def p_hedge(text: str, pos: int) -> Parse | None:
    m = R_HEDGE.match(text, pos)
    q = hedged(text, m) if m else None
    if q is None or m is None:
        return None
    q.start = begin(m)
    return q


def _wrap(head: re.Pattern[str], subs: tuple[Parser, ...], labels: frozenset[str]) -> Parser:
    """Parser for 'head word + expression' (يوم الخميس، صباح الثلاثاء): the head extends the span."""

    def parse(text: str, pos: int) -> Parse | None:
        m = head.match(text, pos)
        if m is None:
            return None
        for sub_parser in subs:
            sub = sub_parser(text, m.end())
            if sub is not None and sub.label in labels:
                sub.start = begin(m)
                pd = m.group("pd") if "pd" in head.groupindex else None
                if pd:
                    sub.fields["part_of_day"] = lx.PARTS_OF_DAY[words(pd)]
                return sub
        return None

    return parse


_DAYS = frozenset({"date", "weekday", "relative"})
p_yawm = _wrap(R_YAWM, (p_weekday, p_daymonth, p_numdate, p_ordday, p_relday_sub), _DAYS)
p_partday = _wrap(R_PARTDAY, (p_weekday, p_relday_sub, p_daymonth, p_ordday, p_this), _DAYS)


def p_period(text: str, pos: int) -> Parse | None:
    """مطلع/منتصف/أواخر/صيف + month, year or relative unit."""
    m = R_PERIOD.match(text, pos)
    if m is None:
        return None
    part = lx.PERIOD_PARTS[m.group("part")]
    cur = R_PART_CURRENT.match(text, m.end())
    if cur is not None and part in ("early", "mid", "late"):
        code = {"شهر": "M", "اسبوع": "W"}.get(cur.group("u"), "Y")
        return Parse(
            begin(m), cur.end(), "relative", {"kind": "unit", "code": code, "mult": 1, "n": 0, "part": part}
        )
    for sub_parser in (p_month, p_shahr, p_year, p_defunit, p_this, p_bareyear, p_decade):
        sub = sub_parser(text, m.end())
        if sub is not None and sub.label in ("date", "relative") and sub.fields.get("kind") != "day":
            sub.start = begin(m)
            sub.fields["part"] = part
            return sub
    return None


def p_freq(text: str, pos: int) -> Parse | None:
    m = R_FREQ.match(text, pos)
    if m is None:
        return None
    if m.group("fq"):
        return Parse(begin(m), m.end(), "frequency", {"every": lx.FREQUENCY[m.group("fq")]})
    code, mult, count = lx.UNITS[m.group("unit")]
    n = int(m.group("n")) if m.group("n") else lx.CARDINALS.get(words(m.group("nw") or ""), count or 1)
    return Parse(begin(m), m.end(), "frequency", {"amount": n, "code": code, "mult": mult})


_CENTURIES = {
    "الماضي": 1900,
    "المنصرم": 1900,
    "العشرين": 1900,
    "الحالي": 2000,
    "التاسع": 1800,
    "الحادي": 2000,
}


def p_decade(text: str, pos: int) -> Parse | None:
    m = R_DECADE.match(text, pos)
    if m is None:
        return None
    cent = m.group("cent")
    base = _CENTURIES[cent.split()[0]] if cent else 1900
    f = {"decade": base + 10 * lx.DECADES[m.group("dec")], "century_inferred": not cent}
    return Parse(begin(m), m.end(), "date", f)
