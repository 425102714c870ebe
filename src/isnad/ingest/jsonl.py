"""JSON (one object, an array, or an object wrapping an array) and JSON Lines -> Articles."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from isnad.errors import InputError
from isnad.ingest.decode import decode_input
from isnad.ingest.options import IngestOptions, IngestResult
from isnad.ingest.records import articles_from_records, record_to_article


def read_json(
    data: bytes, source: str, options: IngestOptions, result: IngestResult, declared: str | None = None
) -> None:
    """A .json file: one record, or many (sources `path#item-N`); malformed JSON is ISN105 with position."""
    text, encoding = decode_input(data, source, declared)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError("ISN105", source, f"line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise InputError("ISN105", source, "nested too deeply to read") from None
    records = _records_in(value, options)
    if records is None:
        result.articles.append(record_to_article(value, source, options, encoding, result.notes))
        return
    if not records:
        raise InputError("ISN102", source, "the JSON array holds no records")
    articles, errors = articles_from_records(records, source, options, encoding=encoding, notes=result.notes)
    result.extend(articles, errors)
    result.note(source, f"{len(articles)} of {len(records)} records read")


def read_jsonl(
    data: bytes, source: str, options: IngestOptions, result: IngestResult, declared: str | None = None
) -> None:
    """One record per line (sources `path:LINE`); a broken line is ISN105 and the others are still read."""
    text, encoding = decode_input(data, source, declared)
    total = read = 0
    # split on "\n" only: str.splitlines would also break at U+2028, which JSON strings may hold raw
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        total += 1
        where = f"{source}:{lineno}"
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            result.errors.append(InputError("ISN105", where, f"column {exc.colno}: {exc.msg}"))
            continue
        except RecursionError:
            result.errors.append(InputError("ISN105", where, "nested too deeply to read"))
            continue
        try:
            result.articles.append(record_to_article(value, where, options, encoding, result.notes))
        except InputError as exc:
            result.errors.append(exc)
            continue
        read += 1
    result.note(source, f"{read} of {total} lines read")


def _records_in(value: Any, options: IngestOptions) -> list[Any] | None:
    """The records of a multi-record document; None when `value` is itself one record.

    An object without a body field whose only list of objects is e.g. {"articles": [...]} is a
    wrapper: exports from news APIs and scrapers commonly look like that.
    """
    if isinstance(value, list):
        return value
    if not isinstance(value, Mapping) or any(k in value for k in options.body_fields):
        return None
    lists = [v for v in value.values() if isinstance(v, list) and v and isinstance(v[0], Mapping)]
    return lists[0] if len(lists) == 1 else None
