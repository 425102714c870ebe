"""JSON-like records (dicts) -> Articles; the hot path of the benchmark, so it does little per record."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any

from isnad.errors import InputError
from isnad.ingest.meta import language_tag, parse_date, text_or_none
from isnad.ingest.options import IngestOptions
from isnad.model import EMPTY, Article, article_id

_DEFAULT = IngestOptions()
_MAX_KEYS_SHOWN = 8


def articles_from_records(
    records: Iterable[Mapping[str, Any]],
    source: str,
    options: IngestOptions | None = None,
    *,
    encoding: str | None = None,
    notes: dict[str, list[str]] | None = None,
) -> tuple[list[Article], list[InputError]]:
    """One Article per record (source `SOURCE#item-N`, N from 1); a bad record is an error, not a stop.

    Bad dates become notes in `notes` (when given) and `extra["published_raw"]`.
    """
    opts = options or _DEFAULT
    articles: list[Article] = []
    errors: list[InputError] = []
    for n, record in enumerate(records, 1):
        item = f"{source}#item-{n}"
        try:
            articles.append(record_to_article(record, item, opts, encoding, notes))
        except InputError as exc:
            errors.append(exc)
    return articles, errors


def record_to_article(
    record: object,
    source: str,
    options: IngestOptions,
    encoding: str | None = None,
    notes: dict[str, list[str]] | None = None,
) -> Article:
    """Map one record's fields onto an Article; raise ISN106 (no body) or ISN102 (empty body)."""
    if not isinstance(record, dict | Mapping):  # dict first: the ABC check is slow
        raise InputError("ISN106", source, f"item is a JSON {type(record).__name__}, not an object")
    body_key = _body_key(record, source, options)
    outlet_key = _first_present(record, options.outlet_fields)
    date_key = _first_present(record, options.date_fields)
    o = options
    used = (body_key, outlet_key, date_key, o.title_field, o.url_field, o.author_field, o.language_field)
    extra = {k: v for k, v in record.items() if k not in used}
    published = _published(record[date_key], source, extra, notes) if date_key else None
    author = text_or_none(record.get(options.author_field))
    if author is not None:
        extra["author"] = author
    text: str = record[body_key]
    outlet = (text_or_none(record[outlet_key]) if outlet_key else None) or options.outlet
    title = text_or_none(record.get(options.title_field))
    # Built directly rather than via Article.create (same id): this is the benchmark's hot path.
    return Article(
        id=article_id(text, outlet, title),
        text=text,
        source=source,
        outlet=outlet,
        url=text_or_none(record.get(options.url_field)),
        title=title,
        published=published or options.published,
        language=language_tag(record.get(options.language_field)),
        encoding=encoding,
        extra=MappingProxyType(extra) if extra else EMPTY,
    )


def _body_key(record: Mapping[str, Any], source: str, options: IngestOptions) -> str:
    """First body candidate holding non-blank text; the error says which fields exist instead."""
    empty = None
    for key in options.body_fields:
        value = record.get(key)
        if isinstance(value, str):
            if value and not value.isspace():
                return key
            empty = key
    if empty is not None:
        raise InputError("ISN102", source, f"the record's {empty!r} field is blank")
    keys = ", ".join(repr(k) for k in list(record)[:_MAX_KEYS_SHOWN]) or "none"
    wanted = "/".join(options.body_fields)
    raise InputError("ISN106", source, f"no text in field {wanted}; the record has: {keys}")


def _published(
    value: object, source: str, extra: dict[str, Any], notes: dict[str, list[str]] | None
) -> datetime | None:
    """A bad date keeps the article: published stays None, the raw value and a note say why."""
    try:
        return parse_date(value)
    except ValueError as exc:
        extra["published_raw"] = value
        if notes is not None:
            notes.setdefault(source, []).append(f"published left empty: {exc}")
        return None


def _first_present(record: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if record.get(key) not in (None, ""):
            return key
    return None
