"""Clock times: "الساعة 10:30 صباحا", "العاشرة والنصف مساء", "1100 بتوقيت غرينتش", "الثالثة إلا ربعا"."""

from __future__ import annotations

import re
from typing import Any

from isnad.text import date_lexicon as lx
from isnad.text.date_patterns import R_ORDHOUR, R_TIME_DIGITS, R_TIME_WORD, Parse, begin

_FRACTIONS = {"النصف": 30, "الربع": 15, "الثلث": 20}
# Minutes said in words after an hour ("الثالثة وعشر دقائق"), in the matching view's spelling.
_WORD_MINUTES = {"خمس": 5, "عشر": 10, "عشرين": 20, "خمس وعشرين": 25}


def _words(s: str) -> str:
    return " ".join(s.split())


def _clock(m: re.Match[str], hour: int, minute: int) -> Parse | None:
    """Apply fractions ("والنصف", "إلا ربعا") and the part-of-day adverb to a clock reading."""
    g = m.groupdict()
    if g.get("fr"):
        words = g.get("fw") or g.get("fw1")
        minute = _WORD_MINUTES[_words(words)] if words else _FRACTIONS.get(g["fr"]) or int(g.get("fm") or 0)
    elif g.get("ng"):
        neg = g["ng"]
        back = 15 if neg.startswith("ربع") else 20 if neg.startswith("ثلث") else int(g.get("nm") or 0)
        hour, minute = hour - 1, 60 - back
    f: dict[str, Any] = {}
    adv = g.get("adv") or g.get("adv2")
    if adv:
        part, add = lx.CLOCK_ADVERBS[_words(adv)]
        f["part_of_day"] = part
        if add and hour < 12 and not (adv == "ليلا" and hour <= 4):
            hour += add
    if hour == 24 and minute == 0:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    f.update(hour=hour, minute=minute)
    if g.get("tz"):
        f["timezone"] = _words(g["tz"])
    return Parse(begin(m), m.end(), "time", f)


def _reading(m: re.Match[str]) -> tuple[int, int]:
    g = m.groupdict()
    if g.get("hm"):
        return int(g["hm"][:2]), int(g["hm"][2:])
    if g.get("oh"):
        return lx.ORDINAL_HOURS[_words(g["oh"])], 0
    return int(g.get("h") or g.get("h2") or 0), int(g.get("mi") or 0)


def p_time_digits(text: str, pos: int) -> Parse | None:
    """10:30, "10 صباحا", "1100 بتوقيت غرينتش"."""
    m = R_TIME_DIGITS.match(text, pos)
    return _clock(m, *_reading(m)) if m else None


def p_time_word(text: str, pos: int) -> Parse | None:
    """الساعة + digits or an ordinal hour, with optional fraction, adverb and time zone."""
    m = R_TIME_WORD.match(text, pos)
    return _clock(m, *_reading(m)) if m else None


def p_ordhour(text: str, pos: int) -> Parse | None:
    """An ordinal hour without الساعة needs an adverb: "العاشرة صباحا", "الخامسة من مساء أمس"."""
    m = R_ORDHOUR.match(text, pos)
    return _clock(m, *_reading(m)) if m else None
