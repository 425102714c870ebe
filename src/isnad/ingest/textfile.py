"""Plain-text articles: the decoded file is the text; metadata comes from a sidecar or the options."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from isnad.errors import InputError
from isnad.ingest.decode import decode_bytes, decode_input
from isnad.ingest.meta import date_or_note, language_tag, text_or_none
from isnad.ingest.options import IngestOptions, IngestResult
from isnad.model import Article

SIDECAR_SUFFIX = ".meta.json"
_KNOWN = ("outlet", "title", "published", "url", "language")


def sidecar_path(path: Path) -> Path:
    """NAME.txt -> NAME.meta.json, next to it."""
    return path.with_name(path.name.removesuffix(path.suffix) + SIDECAR_SUFFIX)


def read_text(
    data: bytes,
    source: str,
    options: IngestOptions,
    result: IngestResult,
    *,
    path: Path | None = None,
    declared: str | None = None,
    url: str | None = None,
) -> None:
    """One Article whose text is the whole decoded input, BOM stripped and nothing else changed."""
    text, encoding = decode_input(data, source, declared)
    extra = _sidecar(path, options, result) if path is not None else {}
    meta = {key: extra.pop(key, None) for key in _KNOWN}
    notes: list[str] = []
    published = options.published or date_or_note(meta["published"], notes)
    for message in notes:
        result.note(source, f"sidecar: {message}")
    if encoding != "utf-8":
        result.note(source, f"decoded as {encoding}")
    result.articles.append(
        Article.create(
            text,
            source,
            outlet=options.outlet or text_or_none(meta["outlet"]),
            url=options.url or text_or_none(meta["url"]) or url,
            title=options.title or text_or_none(meta["title"]),
            published=published,
            language=language_tag(meta["language"]),
            encoding=encoding,
            extra=extra,
        )
    )


def _sidecar(path: Path, options: IngestOptions, result: IngestResult) -> dict[str, Any]:
    """The sidecar's fields; a broken sidecar is reported (ISN111) but the text is still read."""
    side = sidecar_path(path)
    try:
        if not side.is_file():
            return {}
        size = side.stat().st_size
        if size > options.max_bytes:
            raise InputError("ISN111", str(side), f"{size} bytes, over the {options.max_bytes}-byte limit")
        value = json.loads(decode_bytes(side.read_bytes(), str(side))[0])
        if not isinstance(value, dict):
            raise InputError("ISN111", str(side), f"holds a JSON {type(value).__name__}, not an object")
        return value
    except InputError as exc:
        bad = exc if exc.code == "ISN111" else _as_sidecar_error(exc)
    except OSError as exc:
        bad = InputError("ISN111", str(side), f"cannot read it: {exc.strerror}")
    except (json.JSONDecodeError, RecursionError) as exc:
        bad = InputError("ISN111", str(side), str(exc))
    result.errors.append(bad)
    result.note(str(path), f"metadata from {side.name} ignored (ISN111); the text was still read")
    return {}


def _as_sidecar_error(exc: InputError) -> InputError:
    """An undecodable or binary sidecar is still a sidecar problem (ISN111), described as such."""
    return InputError("ISN111", exc.source, f"{exc.summary}: {exc.detail}")
