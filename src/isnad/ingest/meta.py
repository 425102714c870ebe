"""Metadata values as inputs give them (date strings, language tags) -> the types `Article` holds."""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime

# Arabic-Indic and Persian digits appear in hand-edited metadata; dates are parsed on ASCII digits.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Year-first dates fromisoformat refuses (unpadded or slash/dot separated); unambiguous, so accepted.
_YMD = re.compile(
    r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?",
)
_LANG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9-]*)?")


def parse_date(value: object) -> datetime | None:
    """ISO 8601, '2015-07-21 02:51:32', RFC 2822 (feeds) or a datetime; None when absent.

    Raises ValueError for a value that is present but not a date, so callers can say so.
    """
    if value is None or isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise ValueError(f"{type(value).__name__} {value!r} is not a date string")
    try:
        return datetime.fromisoformat(value)  # the common case, tried before any clean-up
    except ValueError:
        pass
    text = value.strip().translate(_DIGITS)
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    match = _YMD.fullmatch(text)
    if match:
        try:
            y, mo, d, h, mi, sec = (int(g or 0) for g in match.groups())
            return datetime(y, mo, d, h, mi, sec)
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a valid date ({exc})") from None
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        raise ValueError(f"{value!r} is not a date (use ISO 8601 such as 2016-11-03)") from None


def date_or_note(value: object, notes: list[str]) -> datetime | None:
    """Parse a date; a bad one becomes a note (and None) rather than losing the article."""
    try:
        return parse_date(value)
    except ValueError as exc:
        notes.append(f"published left empty: {exc}")
        return None


def language_tag(value: object) -> str | None:
    """Primary language subtag, lower case ('ar-SA' -> 'ar'); None when absent or not a tag."""
    if not isinstance(value, str):
        return None
    match = _LANG.fullmatch(value.strip())
    return match.group(1).lower() if match else None


def text_or_none(value: object) -> str | None:
    """A metadata string, stripped; numbers become strings; empty and non-scalars become None."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None
