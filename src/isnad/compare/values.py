"""Do two claims' values agree? Intervals that respect hedges and the precision a figure is written with.

A reported figure stands for a range, not a point: "1.2 مليون" is anything that rounds or is cut short
to it (1.15–1.3 million; cut short only against a figure written more finely), "نحو مليون" is roughly a
million (±20%, ±10% each when both are approximate), "أكثر من ألف" is anything above a
thousand, "آلاف" is 1,000–9,999. Two figures conflict only when their ranges do not meet, so "نحو مليون"
and "1.2 مليون" agree while "1.2 مليون" and "1.5 مليون" do not. Dates compare at the coarsest
granularity both give; a relative date the extractor could not resolve (no publication date) is never
in conflict with anything.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

APPROX = 0.2  # "نحو/قرابة/حوالي": a reporter's rounding, not a new figure
_DAY_NAMES = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether two values agree: "agree", "conflict" or "unknown" (not comparable), and a one-line why."""

    outcome: str
    why: str = ""


AGREE = Verdict("agree")
UNKNOWN = Verdict("unknown")


def quantity_range(
    attrs: Mapping[str, Any], finer: float | None = None, approx: float = APPROX
) -> tuple[float, float] | None:
    """The range a quantity claim's figure stands for, or None when it has no numeric value. Against a
    figure written to the finer place `finer`, a round or decimal one may also have been cut short
    ("59.4 مليون" for 59.48 million); figures written alike only round (0.1 and 0.2 differ). Without
    `finer`, the widest range either way."""
    value, low, high = attrs.get("value"), attrs.get("low"), attrs.get("high")
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    if isinstance(low, int | float) and isinstance(high, int | float) and low <= high:
        lo, hi = float(low), float(high)  # ranges and vague plurals ("آلاف") carry their own bounds
    else:
        written = attrs.get("place")
        place = written if isinstance(written, float) else _place(float(value))
        step = min(_step(float(value)), place)
        # A plain count is never cut short: 31 and 32 differ.
        cut = (value != int(value) or (value >= 100 and int(value) % 10 == 0)) and (
            finer is None or finer < place
        )
        lo, hi = value - step / 2, value + (step if cut else step / 2)
    hedge = attrs.get("hedge")
    if hedge == "approx":
        lo, hi = min(lo, value * (1 - approx)), max(hi, value * (1 + approx))
    elif hedge in ("more_than", "at_least"):
        lo, hi = float(value), math.inf  # "أكثر من 50" excludes 45, which "50" alone would round from
    elif hedge in ("less_than", "at_most"):
        lo, hi = 0.0, float(value)
    return lo, hi


def _place(value: float) -> float:
    """The last significant place a figure is written to: 0.1 for "2.5", 100 for "1200", 1 for "31"."""
    magnitude = abs(value)
    if magnitude != int(magnitude):
        text = repr(magnitude).rstrip("0")
        return float(10 ** -(len(text.split(".")[1]) if "." in text else 0))
    n, place = int(magnitude), 1.0
    while n and n % 10 == 0:
        n //= 10
        place *= 10
    return place


def _step(value: float) -> float:
    """How far a figure may stand from what it rounds: half its last significant place ("1,200,000": 50,000;
    "31": 0.5; "2.5": 0.05), but never more than 5% of it: "10" and "1000" are exact enough to conflict
    with "15" and "1500"."""
    if value == 0:
        return 1.0
    magnitude = abs(value)
    place = _place(value)
    return min(place, max(1.0 if magnitude == int(magnitude) else place, 0.1 * magnitude))


def compare_quantities(a: Mapping[str, Any], b: Mapping[str, Any]) -> Verdict:
    """Agree when the two figures' ranges meet; conflict otherwise."""
    if (
        a.get("number_kind") == "range"
        and b.get("number_kind") == "range"
        and not (a.get("hedge") or b.get("hedge"))
    ):
        # Two stated ranges of one figure ("من 30 إلى 60" / "بين 18 و60") agree only end for end.
        ends = [compare_quantities({"value": a[k]}, {"value": b[k]}) for k in ("low", "high")]
        if any(e.outcome == "conflict" for e in ends):
            return Verdict("conflict", f"{_figure(a)} vs {_figure(b)}")
        if all(e.outcome == "agree" for e in ends):
            return AGREE
    # Two round figures ("نحو 5.5" / "نحو 8.2") each keep half the slack: it would stack to 40% otherwise.
    slack = APPROX / 2 if a.get("hedge") == b.get("hedge") == "approx" else APPROX
    ra = quantity_range(a, _written_place(b), slack)
    rb = quantity_range(b, _written_place(a), slack)
    if ra is None or rb is None:
        return UNKNOWN
    # Ranges that only touch ("14.5" ends where "14.6" starts) do not meet; float error must not make them.
    lo, hi = max(ra[0], rb[0]), min(ra[1], rb[1])
    eps = 1e-9 * max(1.0, abs(float(a["value"])), abs(float(b["value"])))
    if hi - lo > eps or (hi >= lo and (ra[0] == ra[1] or rb[0] == rb[1])):
        return AGREE
    return Verdict("conflict", f"{_figure(a)} vs {_figure(b)}")


def _written_place(attrs: Mapping[str, Any]) -> float | None:
    value, written = attrs.get("value"), attrs.get("place")
    if not isinstance(value, int | float) or isinstance(value, bool) or value == 0:
        return None
    return written if isinstance(written, float) else _place(float(value))


def _figure(attrs: Mapping[str, Any]) -> str:
    evidence = attrs.get("evidence")
    if isinstance(evidence, Mapping) and isinstance(evidence.get("text"), str):
        return f"«{evidence['text']}»"
    return str(attrs.get("value"))


def magnitude_gap(a: Mapping[str, Any], b: Mapping[str, Any]) -> float:
    """|log10| of the ratio of two figures (inf when either has none): same order of magnitude is < 1."""
    x, y = a.get("value"), b.get("value")
    if not isinstance(x, int | float) or not isinstance(y, int | float) or x <= 0 or y <= 0:
        return math.inf
    return abs(math.log10(x / y))


def compare_dates(a: Mapping[str, Any], b: Mapping[str, Any]) -> Verdict:
    """Weekdays by name when both give one; otherwise dates at the granularity both give. Two relative
    dates ("اليوم", "أمس") are each only as good as the publication time they were resolved against, so
    two that differ are not a contradiction."""
    wa, wb = a.get("weekday"), b.get("weekday")
    if isinstance(wa, int) and isinstance(wb, int):
        # Two outlets naming different weekdays for one event contradict each other whatever the week.
        if wa == wb:
            return AGREE
        return Verdict("conflict", f"{_figure(a)} ({_day(wa)}) vs {_figure(b)} ({_day(wb)})")
    if _deictic(a) or _deictic(b):
        return UNKNOWN
    if a.get("year_inferred") or b.get("year_inferred"):
        # A year isnad guessed ("6 أغسطس" read as the last August) is not one the outlet wrote.
        a, b = _without_year(a), _without_year(b)
    if isinstance(wa, int) or isinstance(wb, int):
        named = _weekday_against_day(a, b) if isinstance(wa, int) else _weekday_against_day(b, a)
        if named is not None:
            return named
    ia, ib = _interval(a), _interval(b)
    if (_relative(a) and _year_only(b)) or (_relative(b) and _year_only(a)):
        return UNKNOWN  # "أمس" and "عام 2023" date different things: a report's day, a plan's year
    if ia is not None and ib is not None:
        # Calendar days (a Hijri date through its Gregorian span): agree when the spans meet.
        if ia[0] <= ib[1] and ib[0] <= ia[1]:
            return AGREE
        return (
            UNKNOWN if _relative(a) and _relative(b) else Verdict("conflict", f"{_figure(a)} vs {_figure(b)}")
        )
    if a.get("calendar") == "hijri" or b.get("calendar") == "hijri" or _old_year(a) or _old_year(b):
        return UNKNOWN  # a Hijri month without a year against a Gregorian one: no common calendar
    va, vb = _date_value(a), _date_value(b)
    if va is None or vb is None:
        return UNKNOWN
    common = _common_fields(va, vb)
    if not common:
        return UNKNOWN
    if all(va[k] == vb[k] for k in common):
        return AGREE
    if _relative(a) and _relative(b):
        return UNKNOWN  # "اليوم" and "اليوم" resolved against two publication times: not comparable
    return Verdict("conflict", f"{_figure(a)} vs {_figure(b)}")


# Days a publication stamp may run behind the day a report was written: a crawl time, a late edition. Over
# SaudiNewsNet's self-dated weekdays ("اليوم الخميس") the day said is the stamp's day (72%), one day (16%)
# or two days (9%) before it, and almost never after (1 in 129).
STAMP_LAG = 2


def _stamp_explains(stamped: int, said: int) -> bool:
    """Could a report stamped on weekday `stamped` have been about weekday `said`, from the same day up to
    STAMP_LAG days before? Never a day after: a stamp is not earlier than the writing."""
    return (stamped - said) % 7 <= STAMP_LAG


def _weekday_against_day(named: Mapping[str, Any], other: Mapping[str, Any]) -> Verdict | None:
    """A weekday one outlet names against the day another gives ("اليوم السبت" / "اليوم" on a Friday).
    A written date is exact. A relative one ("اليوم", "أمس") is resolved from a publication stamp, often
    a crawl time or a late edition, so the day meant may be up to two days before it. When the
    weekday dates its own report ("اليوم الخميس") in agreement with that report's own stamp, a day the
    other report cannot reach means two days' reports, not a contradiction (UNKNOWN); a weekday its own
    report's stamp cannot explain contradicts. None when the other gives no single day, or may be that
    weekday."""
    span = _interval(other)
    weekday = named.get("weekday")
    if span is None or span[0] != span[1] or not isinstance(weekday, int):
        return None
    actual = span[0].weekday()  # Monday is 0, as in _DAY_NAMES
    if actual == weekday:
        return AGREE
    if _relative(other):
        if _stamp_explains(actual, weekday):
            return None
        own = _interval(named) if _self_dating(named) else None
        if own is not None and own[0] == own[1] and _stamp_explains(own[0].weekday(), weekday):
            return UNKNOWN
    when = f"{span[0].isoformat()}, a {_day(actual)}"
    return Verdict("conflict", f"{_figure(named)} ({_day(weekday)}) vs {_figure(other)} ({when})")


_SELF = ("اليوم", "امس", "غدا")


def _self_dating(attrs: Mapping[str, Any]) -> bool:
    """A weekday said of the report's own day, or the day before or after it ("اليوم الخميس")."""
    expression = attrs.get("expression")
    return isinstance(expression, str) and expression.strip().startswith(_SELF)


def _without_year(attrs: Mapping[str, Any]) -> Mapping[str, Any]:
    """The date as written without a year: "--08-06" for "2014-08-06" (a Hijri one keeps its own)."""
    value = attrs.get("value")
    if attrs.get("calendar") == "hijri" or not isinstance(value, str) or value.count("-") < 1:
        return attrs
    parts = value.split("-")
    if len(parts) < 2 or not parts[0].isdigit():
        return attrs
    return {**attrs, "value": "--" + "-".join(parts[1:]), "year_inferred": False}


def _year_only(attrs: Mapping[str, Any]) -> bool:
    value = _date_value(attrs)
    return value is not None and set(value) == {"y"}


def _old_year(attrs: Mapping[str, Any]) -> bool:
    value = _date_value(attrs)
    return value is not None and "y" in value and int(value["y"]) < 1700


def day_span(attrs: Mapping[str, Any]) -> tuple[date, date] | None:
    """The Gregorian days a dated claim covers, or None (see `_interval`)."""
    return _interval(attrs)


def _interval(attrs: Mapping[str, Any]) -> tuple[date, date] | None:
    """The Gregorian days a dated claim covers ("2015-06" is all of June; a Hijri date its converted span,
    a day wider either side as the conversion is approximate); None without a year."""
    try:
        if attrs.get("calendar") == "hijri":
            span = attrs.get("gregorian")
            if not isinstance(span, str):
                return None
            first, _, last = span.partition("/")
            lo, hi = date.fromisoformat(first), date.fromisoformat(last or first)
            return lo - timedelta(days=1), hi + timedelta(days=1)
        value = _date_value(attrs)
        if value is None or "y" not in value:
            return None
        year = int(value["y"])
        if year < 1700:
            return None  # "عام 1430" in a Saudi paper is a Hijri year written without هـ
        if "m" not in value:
            return date(year, 1, 1), date(year, 12, 31)
        month = int(value["m"])
        if "d" in value:
            day = date(year, month, int(value["d"]))
            return day, day
        following = date(year + month // 12, month % 12 + 1, 1)
        return date(year, month, 1), following - timedelta(days=1)
    except ValueError:
        return None


def _relative(attrs: Mapping[str, Any]) -> bool:
    """Resolved from the publication date ("أمس", "الشهر الماضي", "منذ مارس"), not written with a figure."""
    expression = attrs.get("expression")
    written = isinstance(expression, str) and any(ch.isdigit() for ch in expression)
    return "unit" in attrs or "relation" in attrs or not written


# "Now" dates the report, not the event: nothing to confirm or contradict.
_NOW = frozenset({"الان", "حاليا", "الحالي", "الحاليه", "حتي الان", "لحد الان", "حتى الان"})


def _deictic(attrs: Mapping[str, Any]) -> bool:
    expression = attrs.get("expression")
    return isinstance(expression, str) and expression.strip() in _NOW


def _day(index: int) -> str:
    return _DAY_NAMES[index] if 0 <= index < len(_DAY_NAMES) else str(index)


def _date_value(attrs: Mapping[str, Any]) -> dict[str, str] | None:
    """{"y","m","d"} present in an ISO-like value ("2016-10-17", "2014-06", "--10-17"), else None."""
    value = attrs.get("value")
    if not isinstance(value, str) or "T" in value or value.startswith("P"):
        return None
    if value.startswith("--"):
        parts = value[2:].split("-")
        return {"m": parts[0], "d": parts[1]} if len(parts) == 2 else None
    parts = value.split("-")
    keys = ("y", "m", "d")[: len(parts)]
    return dict(zip(keys, parts, strict=True)) if parts and all(p.isdigit() for p in parts) else None


def _common_fields(a: Mapping[str, str], b: Mapping[str, str]) -> list[str]:
    """The fields both dates give, coarsest first, stopping at the first one either lacks."""
    out = []
    for key in ("y", "m", "d"):
        if key in a and key in b:
            out.append(key)
        elif out or key != "y":
            break
    return out


def compare_durations(a: Mapping[str, Any], b: Mapping[str, Any]) -> Verdict:
    """Durations in seconds, within the precision each is written with."""
    sa, sb = _seconds(a), _seconds(b)
    if sa is None or sb is None:
        return UNKNOWN
    ra = quantity_range({"value": sa[0] * _UNIT_SECONDS[sa[1]], "hedge": a.get("hedge")})
    rb = quantity_range({"value": sb[0] * _UNIT_SECONDS[sb[1]], "hedge": b.get("hedge")})
    if ra is None or rb is None:
        return UNKNOWN
    if ra[0] < rb[1] and rb[0] < ra[1]:
        return AGREE
    return Verdict("conflict", f"{_figure(a)} vs {_figure(b)}")


_UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800, "month": 2629800}
_UNIT_SECONDS["year"] = 31557600


def _seconds(attrs: Mapping[str, Any]) -> tuple[float, str] | None:
    amount, unit = attrs.get("amount"), attrs.get("unit")
    if not isinstance(amount, int | float) or not isinstance(unit, str) or unit not in _UNIT_SECONDS:
        return None
    return float(amount), unit


def compare_values(kind: str, a: Mapping[str, Any], b: Mapping[str, Any]) -> Verdict:
    """Dispatch on the claim kind; events have no value to compare."""
    if kind == "quantity":
        return compare_quantities(a, b)
    if kind in ("date", "weekday"):
        return compare_dates(a, b)
    if kind == "duration":
        return _same_unit_durations(a, b)
    return UNKNOWN


def _same_unit_durations(a: Mapping[str, Any], b: Mapping[str, Any]) -> Verdict:
    """Durations in one unit compare by amount ("31 دقيقة" vs "30 دقيقة"); across units by seconds."""
    sa, sb = _seconds(a), _seconds(b)
    if sa is None or sb is None:
        return UNKNOWN
    if sa[1] == sb[1]:
        return compare_quantities({**a, "value": sa[0]}, {**b, "value": sb[0]})
    return compare_durations(a, b)
