"""Turn parsed fields into JSON attributes, anchoring relative and partial expressions on publication.

Every expression gets `expression` (its folded text), `value` (ISO 8601 string, or None), `granularity`
and `resolved`; when `resolved` is False a `reason` says why ("no publication date", "vague quantity",
"anchored to an event", "ambiguous anchor", "invalid date"). See `calendars` for the anchoring rules.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from isnad.text import calendars as cal
from isnad.text.date_lexicon import UNIT_NAMES

Attrs = dict[str, Any]
NO_PUB = "no publication date"
_GRANULARITY = {"D": "day", "W": "week", "M": "month", "Y": "year"}


def _unresolved(attrs: Attrs, reason: str) -> Attrs:
    attrs.update(resolved=False, reason=reason)
    return attrs


def date_attrs(f: dict[str, Any], pub: date | None) -> Attrs:
    """Calendar dates, full or partial (day+month, month+year, year, decade, Hijri)."""
    if "decade" in f:
        return {"calendar": "gregorian", "value": f"{f['decade'] // 10}X", "granularity": "decade",
                "resolved": True, "century_inferred": f["century_inferred"]}  # fmt: skip
    hijri = f.get("calendar") == "hijri"
    a: Attrs = {"calendar": "hijri" if hijri else "gregorian"}
    year, month, day = f.get("year"), f.get("month"), f.get("day")
    if "month_rel" in f:  # "الخامس من الشهر الماضي"
        if pub is None:
            a.update(value=f"---{day:02d}", granularity="day")
            return _unresolved(a, NO_PUB)
        year, month = divmod(pub.year * 12 + pub.month - 1 + f["month_rel"], 12)
        month += 1
        a["year_inferred"] = True
    elif month is not None and year is None:
        if pub is None:
            a.update(value=f"--{month:02d}" + (f"-{day:02d}" if day else ""), month=month)
            a.update(granularity="day" if day else "month")
            if day:
                a["day"] = day
            return _unresolved(a, NO_PUB)
        year = _infer_year(f, month, pub, hijri)
        a["year_inferred"] = True
    if year is None:
        return _unresolved(a | {"value": None, "granularity": "day"}, "incomplete date")
    return _finish_date(a, f, year, month, day, hijri)


def _infer_year(f: dict[str, Any], month: int, pub: date, hijri: bool) -> int:
    ref_year, ref_month = cal.hijri_today(pub) if hijri else (pub.year, pub.month)
    if "year_rel" in f:
        return int(ref_year + f["year_rel"])
    return cal.infer_year(month, ref_year, ref_month, f.get("month_mod"))


def _finish_date(
    a: Attrs, f: dict[str, Any], year: int, month: int | None, day: int | None, hijri: bool
) -> Attrs:
    if month is None:
        end = f.get("year_end")
        a.update(value=f"{year:04d}/{end:04d}" if end else f"{year:04d}", granularity="year", resolved=True)
        if hijri:
            a.update(gregorian=cal.hijri_interval(year, None), approximate=True)
        return a
    if day is None:
        a.update(value=f"{year:04d}-{month:02d}", granularity="month", resolved=True)
        if hijri:
            a.update(gregorian=cal.hijri_interval(year, month), approximate=True)
        return a
    a.update(value=f"{year:04d}-{month:02d}-{day:02d}", granularity="day")
    if not cal.valid_day(year, month, day, hijri):
        return _unresolved(a, "invalid date")
    a["resolved"] = True
    actual = cal.hijri_to_gregorian(year, month, day) if hijri else date(year, month, day)
    if hijri:
        a.update(gregorian=actual.isoformat(), approximate=True)
    if "weekday" in f and not hijri and actual.weekday() != f["weekday"]:
        a["weekday_mismatch"] = True
    return a


def weekday_attrs(f: dict[str, Any], pub: date | None) -> Attrs:
    a: Attrs = {"weekday": f["weekday"], "granularity": "day"}
    if f.get("direction"):
        a["direction"] = f["direction"]
    if pub is None:
        return _unresolved(a | {"value": None}, NO_PUB)
    a.update(value=cal.resolve_weekday(f["weekday"], pub, f.get("direction")).isoformat(), resolved=True)
    return a


def _signed(code: str, amount: float, sign: int) -> str:
    return ("-" if sign < 0 else "") + cal.iso_duration(code, amount)


def relative_attrs(f: dict[str, Any], pub: date | None) -> Attrs:
    kind = f["kind"]
    if kind == "now":
        a: Attrs = {"reference": "now", "granularity": "day"}
        return (
            a | {"value": pub.isoformat(), "resolved": True}
            if pub
            else _unresolved(a | {"value": None}, NO_PUB)
        )
    if kind == "offset":
        return _offset_attrs(f, pub)
    code, n, mult = f.get("code", "D"), int(f.get("n", 0)), int(f.get("mult", 1))
    a = {"unit": UNIT_NAMES.get(code, code), "offset": _signed(code, abs(n) * mult, n)}
    a["granularity"] = _GRANULARITY.get(code, "day")
    if kind == "span":
        return _span_attrs(a, f, pub, code, n)
    if mult > 1:
        return _unresolved(a | {"value": None, "granularity": "decade" if mult == 10 else "century"}, "vague")
    if pub is None:
        return _unresolved(a | {"value": None}, NO_PUB)
    value, granularity = cal.shift(pub, code, n)
    a.update(value=value, granularity=granularity, resolved=True)
    if "weekday" in f and code == "D" and (pub + timedelta(days=n)).weekday() != f["weekday"]:
        a["weekday_mismatch"] = True
    return a


def _span_attrs(a: Attrs, f: dict[str, Any], pub: date | None, code: str, n: int) -> Attrs:
    """ "السنوات الماضية" (vague) or "الأيام الخمسة الماضية" (an interval ending at publication)."""
    count = f.get("count")
    a["offset"] = _signed(code, count, n) if count else None
    a["granularity"] = _GRANULARITY.get(code, "day")
    if not count or int(f.get("mult", 1)) > 1:
        return _unresolved(a | {"value": None}, "vague quantity")
    if pub is None:
        return _unresolved(a | {"value": None}, NO_PUB)
    here, _ = cal.shift(pub, code, 0)
    there, _ = cal.shift(pub, code, n * int(count))
    a.update(value=f"{there}/{here}" if n < 0 else f"{here}/{there}", resolved=True)
    return a


def _offset_attrs(f: dict[str, Any], pub: date | None) -> Attrs:
    """قبل عامين، منذ ثلاثة أيام، بعد يومين: publication moved by the quantity."""
    code, amount, mult, sign = f["code"], f.get("amount"), int(f.get("mult", 1)), int(f["sign"])
    a: Attrs = {"unit": UNIT_NAMES.get(code, code)}
    a["granularity"] = _GRANULARITY.get(code, "day")
    a["offset"] = _signed(code, amount * mult, sign) if amount is not None else None
    if amount is None:
        return _unresolved(a | {"value": None}, "vague quantity")
    if f.get("anchor") == "event":
        return _unresolved(a | {"value": None}, "anchored to an event")
    if f.get("anchor") == "ambiguous":
        return _unresolved(a | {"value": None}, "ambiguous anchor")
    if pub is None:
        return _unresolved(a | {"value": None}, NO_PUB)
    steps = amount * mult
    if code in ("D", "W", "M", "Y") and steps != int(steps):
        return _unresolved(a | {"value": None}, "fractional quantity")
    value, granularity = cal.shift(pub, code, sign * int(steps))
    a.update(value=value, granularity=granularity, resolved=True)
    return a


def duration_attrs(f: dict[str, Any]) -> Attrs:
    amount, code, mult = f.get("amount"), f["code"], int(f.get("mult", 1))
    a: Attrs = {"unit": UNIT_NAMES.get(code, code), "amount": _number(amount), "granularity": "duration"}
    if amount is None:
        return _unresolved(a | {"value": None}, "vague quantity")
    a.update(value=cal.iso_duration(code, amount * mult), resolved=True)
    return a


def time_attrs(f: dict[str, Any], day: Attrs | None) -> Attrs:
    """Clock time; when a day expression came with it, the value becomes a full date-time."""
    clock = f"T{f['hour']:02d}:{f['minute']:02d}"
    a: Attrs = {
        "value": clock,
        "granularity": "time",
        "hour": f["hour"],
        "minute": f["minute"],
        "resolved": True,
    }
    if day is not None:
        if day.get("resolved") and day.get("granularity") == "day" and day.get("value"):
            a["value"] = f"{day.get('gregorian') or day['value']}{clock}"
        else:
            a["date_reason"] = day.get("reason", "not a single day")
        a["date"] = day.get("value")
    return a


def frequency_attrs(f: dict[str, Any]) -> Attrs:
    value = f.get("every") or cal.iso_duration(f["code"], float(f["amount"]) * int(f.get("mult", 1)))
    return {"value": value, "granularity": "duration", "resolved": True}


def _number(x: float | int | None) -> float | int | None:
    return int(x) if isinstance(x, float) and x.is_integer() else x
