"""Calendar arithmetic for dates found in text: Hijri conversion and anchoring on the publication date.

Hijri dates are converted with the arithmetic (tabular, civil-epoch) Islamic calendar. It is an
approximation: it can differ by one or two days from Umm al-Qura or from a month fixed by moon sighting,
which is why converted values are flagged `approximate`.

Rules for anchoring an incomplete expression on the publication date (news conventions):
- A day/month without a year is taken as past: it goes in the publication year when its month is the
  publication month or an earlier one, otherwise in the year before ("17 أكتوبر" in an article of
  2016-11-03 -> 2016-10-17; "ديسمبر" in one of 2016-11-03 -> 2015-12, in one of 2017-01-20 -> 2016-12).
  Arabic news marks upcoming months explicitly: "المقبل"/"القادم" picks the next such month after
  publication, "الماضي" the latest one before it, "الجاري"/"الحالي" the publication month's year.
- A bare weekday is the most recent such day on or before publication; "الماضي" means strictly before
  it and "المقبل"/"القادم" the next one after it.
"""

from __future__ import annotations

from datetime import date, timedelta

_EPOCH_JDN = 1948439  # day before 1 Muharram 1 AH (16 July 622, Julian) in Julian day numbers
_JDN_TO_ORDINAL = 1721425


def hijri_to_ordinal(year: int, month: int, day: int) -> int:
    """Proleptic Gregorian ordinal of a tabular Hijri date (Kuwaiti leap-year cycle)."""
    jdn = day + (59 * (month - 1) + 1) // 2 + (year - 1) * 354 + (3 + 11 * year) // 30 + _EPOCH_JDN
    return jdn - _JDN_TO_ORDINAL


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """Gregorian date of a tabular Hijri date (approximate by up to two days)."""
    return date.fromordinal(hijri_to_ordinal(year, month, day))


def gregorian_to_hijri(d: date) -> tuple[int, int, int]:
    """Tabular Hijri (year, month, day) of a Gregorian date."""
    ordinal = d.toordinal()
    year = (30 * (ordinal + _JDN_TO_ORDINAL - _EPOCH_JDN - 1) + 10646) // 10631
    while hijri_to_ordinal(year + 1, 1, 1) <= ordinal:
        year += 1
    while hijri_to_ordinal(year, 1, 1) > ordinal:
        year -= 1
    month = 12
    while month > 1 and hijri_to_ordinal(year, month, 1) > ordinal:
        month -= 1
    return year, month, ordinal - hijri_to_ordinal(year, month, 1) + 1


def hijri_month_length(year: int, month: int) -> int:
    nxt = hijri_to_ordinal(year + (month == 12), month % 12 + 1, 1)
    return nxt - hijri_to_ordinal(year, month, 1)


def hijri_interval(year: int, month: int | None) -> str:
    """Gregorian ISO interval covered by a Hijri month or year."""
    if month is None:
        first, last = hijri_to_ordinal(year, 1, 1), hijri_to_ordinal(year + 1, 1, 1) - 1
    else:
        first = hijri_to_ordinal(year, month, 1)
        last = first + hijri_month_length(year, month) - 1
    return f"{date.fromordinal(first).isoformat()}/{date.fromordinal(last).isoformat()}"


def infer_year(month: int, pub_year: int, pub_month: int, mod: str | None = None) -> int:
    """Year of a month named without one, relative to the publication month (see module rules)."""
    serial = pub_year * 12 + pub_month - 1
    if mod == "past":
        low, high = serial - 12, serial - 1
    elif mod == "next":
        low, high = serial + 1, serial + 12
    elif mod == "current":
        low, high = serial - 5, serial + 6
    else:
        low, high = serial - 11, serial
    for year in (pub_year - 1, pub_year, pub_year + 1):
        if low <= year * 12 + month - 1 <= high:
            return year
    return pub_year


def hijri_today(d: date) -> tuple[int, int]:
    y, m, _ = gregorian_to_hijri(d)
    return y, m


def resolve_weekday(weekday: int, pub: date, direction: str | None) -> date:
    """Date of a weekday named in an article published on `pub` (see module rules)."""
    back = (pub.weekday() - weekday) % 7
    if direction == "next":
        return pub + timedelta(days=(weekday - pub.weekday()) % 7 or 7)
    if direction == "past" and back == 0:
        back = 7
    return pub - timedelta(days=back)


def month_shift(pub: date, months: int) -> str:
    serial = pub.year * 12 + pub.month - 1 + months
    return f"{serial // 12:04d}-{serial % 12 + 1:02d}"


def iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def shift(pub: date, code: str, amount: int) -> tuple[str, str]:
    """(ISO value, granularity) of `pub` moved by `amount` units; sub-day units stay on the day."""
    if code == "D":
        return (pub + timedelta(days=amount)).isoformat(), "day"
    if code == "W":
        return iso_week(pub + timedelta(weeks=amount)), "week"
    if code == "M":
        return month_shift(pub, amount), "month"
    if code == "Y":
        return f"{pub.year + amount:04d}", "year"
    return pub.isoformat(), "day"


def iso_duration(code: str, amount: float) -> str:
    """ISO 8601 duration for `amount` units ("TM" is minutes, to tell them from months)."""
    text = f"{amount:g}"
    if code in ("H", "TM", "S"):
        return f"PT{text}{code[-1]}"
    return f"P{text}{code}"


def valid_day(year: int | None, month: int, day: int, hijri: bool) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    if hijri:
        return day <= 30
    probe_year = year if year is not None else 2016  # a leap year accepts 29 February
    nxt = date(probe_year + (month == 12), month % 12 + 1, 1)
    return day <= (nxt - timedelta(days=1)).day
