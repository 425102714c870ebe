"""Dates, clock times, weekdays, relative expressions and durations in Arabic news text.

`find_dates(view, published)` scans the matching view (see `date_scan` for how, `date_resolve` and
`calendars` for the anchoring rules) and returns spans into the ORIGINAL text, sorted and
non-overlapping, labelled:
  date       17 أكتوبر/تشرين الأول، يونيو 2014، عام 2003، 17/10/2016، 15 رمضان 1437 هـ، الستينات
  time       الساعة 10:30 صباحا، العاشرة مساء، 1100 بتوقيت غرينتش (with its day when one is given)
  weekday    الثلاثاء، يوم الخميس، الأحد الماضي، صباح الثلاثاء
  relative   أمس، اليوم، غدا، العام الماضي، هذا العام، مطلع الشهر، قبل عامين، منذ ثلاثة أيام
  duration   31 دقيقة، ساعتين، لمدة ثلاثة أيام، أكثر من عام، خلال 45 يوما
  frequency  يوميا، سنويا، كل أسبوعين
Adjacent pieces of one expression are merged: "الثلاثاء 17 أكتوبر" is one date carrying its weekday,
"اليوم (الاثنين)" one relative day, "الساعة العاشرة من صباح أمس" one time with its day.

Choices: "بعد + duration" ("بعد يومين", "بعد أكثر من عام") is relative but left unresolved (after the
publication or after some event?); "قبل/منذ + duration" is counted back from publication unless من/على
follows ("قبل يومين من الانتخابات" is anchored to an event); the prepositions منذ، قبل، بعد، خلال، لمدة
stay in the span (they change the meaning) and are given as `relation`, while في and حتى do not.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from isnad.model import Span
from isnad.text import date_resolve as res
from isnad.text.date_patterns import Parse
from isnad.text.date_scan import scan
from isnad.text.offsets import View

_GAP = re.compile(r"[ \t]{0,4}(?:(?P<open>\()|,|-|–|الموافق|من|يوم|في|عند)?[ \t]{0,4}")
_CLOSE = re.compile(r"[ \t]{0,4}\)")
_PASSTHROUGH = frozenset(("part_of_day", "part", "relation", "hedge", "hedge_text", "weekday", "order"))
_PASSTHROUGH |= {"month_conflict", "timezone"}


def find_dates(view: View, published: datetime | date | None = None) -> list[Span]:
    """Temporal expressions of `view` (the matching view) as spans into its original text."""
    if not isinstance(view, View):
        raise TypeError(f"find_dates expects the matching View, got {type(view).__name__}")
    pub = published.date() if isinstance(published, datetime) else published
    text = " " + view.text  # the lead scan needs a boundary before the first word
    parses = scan(text)
    if not parses:
        return []
    spans = []
    original = view.original
    merged = _merge(text, parses) if len(parses) > 1 else parses
    for p in _with_paired_days(text, merged):
        a, b = view.original_span(p.start - 1, p.end - 1)
        found = original[a:b]
        if p.fields.get("kind") == "now" and "آل" in found:
            continue  # آلان (Alain) folds to the same letters as الآن (now)
        spans.append(Span(a, b, found, p.label, _attributes(p, text[p.start : p.end], pub)))
    return spans


# "يومي 18 و19 أغسطس", "20 و21 شوال": a day number joined by "و" to a dated day shares its month.
_PAIRED_DAY = re.compile(r"(?<![0-9\w])([0-9]{1,2})[ \t]*(?:و[ \t]*)?$")


def _with_paired_days(text: str, parses: list[Parse]) -> list[Parse]:
    out: list[Parse] = []
    for p in parses:
        fields = p.fields
        joined = text[p.start] == "و" or text[max(p.start - 3, 0) : p.start].rstrip().endswith("و")
        if p.label == "date" and "day" in fields and "month" in fields and joined:
            m = _PAIRED_DAY.search(text, max(p.start - 8, out[-1].end if out else 0), p.start)
            day = int(m.group(1)) if m is not None else 0
            if m is not None and 0 < day < fields["day"]:
                first = {k: v for k, v in fields.items() if k not in ("weekday", "paired")} | {"day": day}
                out.append(Parse(m.start(1), m.end(1), "date", first))
        out.append(p)
    return out


def _dayish(p: Parse) -> bool:
    if p.label == "weekday":
        return True
    if p.label == "relative":
        return p.fields.get("kind") == "day"
    return p.label == "date" and "day" in p.fields


def _merge(text: str, parses: list[Parse]) -> list[Parse]:
    """Join adjacent parts of one expression (weekday + date, day + clock time, today + weekday)."""
    out = [parses[0]]
    for p in parses[1:]:
        prev = out[-1]
        gap = _GAP.fullmatch(text, prev.end, p.start) if p.start - prev.end <= 12 else None
        joined = _join(prev, p, gap.group().strip()) if gap else None
        if joined is None:
            out.append(p)
            continue
        if gap is not None and gap.group("open") and (close := _CLOSE.match(text, joined.end)):
            joined.end = close.end()
        out[-1] = joined
    return out


def _join(a: Parse, b: Parse, link: str) -> Parse | None:
    if (
        a.label == "weekday"
        and b.label == "date"
        and "day" in b.fields
        and link in ("", ",", "(", "-", "الموافق")
    ):
        fields = {**b.fields, "weekday": a.fields["weekday"]}
        if "part_of_day" in a.fields:
            fields["part_of_day"] = a.fields["part_of_day"]
        return Parse(a.start, b.end, "date", fields)
    if (
        a.label == "relative"
        and a.fields.get("kind") == "day"
        and b.label == "weekday"
        and link in ("", ",", "(")
    ):
        return Parse(a.start, b.end, "relative", {**b.fields, **a.fields, "weekday": b.fields["weekday"]})
    if _dayish(a) and b.label == "time" and "on" not in b.fields and link in ("", ",", "في", "عند"):
        return Parse(a.start, b.end, "time", {**b.fields, "on": (a.label, a.fields)})
    if a.label == "time" and "on" not in a.fields and _dayish(b) and link in ("", ",", "من", "يوم"):
        return Parse(a.start, b.end, "time", {**a.fields, "on": (b.label, b.fields)})
    return None


def _label_attrs(label: str, f: dict[str, Any], pub: date | None) -> res.Attrs:
    if label == "date":
        return res.date_attrs(f, pub)
    if label == "weekday":
        return res.weekday_attrs(f, pub)
    if label == "relative":
        return res.relative_attrs(f, pub)
    if label == "duration":
        return res.duration_attrs(f)
    if label == "time":
        on = f.get("on")
        return res.time_attrs(f, _label_attrs(on[0], on[1], pub) if on else None)
    return res.frequency_attrs(f)


def _attributes(p: Parse, expression: str, pub: date | None) -> dict[str, Any]:
    out: dict[str, Any] = {"expression": expression}
    key = (p.label, pub, *p.fields.items())
    try:
        resolved = _RESOLVED.get(key)
    except TypeError:  # a field value that does not hash (a clock time's day): resolve it each time
        resolved = _resolve(p, pub)
    else:
        if resolved is None:
            resolved = _RESOLVED[key] = _resolve(p, pub)
            if len(_RESOLVED) > _RESOLVED_MAX:
                _RESOLVED.clear()
    out.update(resolved)
    return out


# The same expression recurs within an article and across articles of a day ("اليوم", "أمس", "عام
# 2015"): its attributes depend only on label, fields and publication date, so they are resolved once.
# Keys that compare equal resolve alike (2 and 2.0 both print "2"); cached dicts are only copied from.
_RESOLVED: dict[tuple[Any, ...], dict[str, Any]] = {}
_RESOLVED_MAX = 4096


def _resolve(p: Parse, pub: date | None) -> dict[str, Any]:
    """Attributes other than the expression (every value is immutable, so cached dicts can be shared)."""
    out: dict[str, Any] = _label_attrs(p.label, p.fields, pub)
    for key in _PASSTHROUGH.intersection(p.fields):
        out.setdefault(key, p.fields[key])
    on = p.fields.get("on")
    if on and "part_of_day" in on[1] and "part_of_day" not in out:
        out["part_of_day"] = on[1]["part_of_day"]
    return out
