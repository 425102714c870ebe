"""`ingest`: paths, directories and URLs -> the right reader; every failure becomes a coded error."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from isnad.errors import InputError
from isnad.ingest.decode import decode_input
from isnad.ingest.feed import read_feed
from isnad.ingest.fetch import fetch
from isnad.ingest.html import html_language, meta_charset, read_html
from isnad.ingest.jsonl import read_json, read_jsonl
from isnad.ingest.options import IngestOptions, IngestResult
from isnad.ingest.textfile import SIDECAR_SUFFIX, read_text

_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
# Media types that name a kind; generic XML and anything unlisted is sniffed instead.
_BY_MEDIA_TYPE = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/feed+json": "json",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "text/plain": "text",
}
_NOT_TEXT_MEDIA = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip")
_URL = re.compile(r"https?://", re.I)
_OTHER_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_FEED_MARK = re.compile(r"<(?:rss|feed|rdf:rdf)\b", re.I)
_HTML_MARK = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p|h1|title)\b", re.I)
_SNIFF = 4096


def ingest(inputs: Sequence[str | Path], options: IngestOptions | None = None) -> IngestResult:
    """Read every input in order; a bad input becomes an InputError and the rest are still read."""
    opts = options or IngestOptions()
    result = IngestResult()
    for item in inputs:
        try:
            _ingest_one(item, opts, result)
        except InputError as exc:
            result.errors.append(exc)
        except Exception as exc:  # a bug must not cost the user the inputs already read
            detail = f"{type(exc).__name__}: {exc}"
            result.errors.append(InputError("ISN199", str(item), detail))
    return result


def _ingest_one(item: str | Path, options: IngestOptions, result: IngestResult) -> None:
    name = str(item)
    if isinstance(item, str) and _URL.match(item):
        _ingest_url(item, options, result)
    elif isinstance(item, str) and _OTHER_SCHEME.match(item):
        raise InputError("ISN110", name, "only http:// and https:// URLs are fetched")
    elif not name.strip():
        raise InputError("ISN100", repr(name), "an empty path was given")
    else:
        path = Path(item)
        if path.is_dir():
            _ingest_dir(path, options, result)
        elif path.exists():
            _ingest_file(path, options, result)
        else:
            raise InputError("ISN100", name, "no such file or directory")


def _ingest_dir(root: Path, options: IngestOptions, result: IngestResult) -> None:
    count = 0
    for path in _walk(root, result):
        count += 1
        try:
            _ingest_file(path, options, result)
        except InputError as exc:
            result.errors.append(exc)
    if count == 0:
        raise InputError("ISN102", str(root), "the directory holds no input files (hidden files skipped)")
    result.note(str(root), f"{count} files read")


def _walk(root: Path, result: IngestResult) -> Iterator[Path]:
    """Files under `root` in sorted order, skipping hidden entries and `.meta.json` sidecars."""

    def unreadable(exc: OSError) -> None:  # os.walk would otherwise skip these silently
        result.errors.append(InputError("ISN113", exc.filename or str(root), f"cannot list: {exc.strerror}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and not name.endswith(SIDECAR_SUFFIX):
                yield Path(dirpath, name)


def _ingest_file(path: Path, options: IngestOptions, result: IngestResult) -> None:
    source = str(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise InputError("ISN110", source, "not a regular file")
        if size > options.max_bytes:
            raise InputError("ISN104", source, f"{size} bytes, over the {options.max_bytes}-byte limit")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError("ISN113", source, f"cannot read it: {exc.strerror}") from None
    kind = _BY_SUFFIX.get(path.suffix.lower())
    _read(kind, data, source, options, result, path=path)


def _ingest_url(url: str, options: IngestOptions, result: IngestResult) -> None:
    fetched = fetch(url, options)
    media = fetched.media_type
    if media.startswith(_NOT_TEXT_MEDIA):
        raise InputError("ISN110", url, f"the server sent {media}, not a page, feed or text")
    result.note(url, f"fetched {len(fetched.data)} bytes of {media}")
    kind = _BY_MEDIA_TYPE.get(media)
    _read(kind, fetched.data, url, options, result, declared=fetched.charset, url=fetched.final_url)


def _read(
    kind: str | None,
    data: bytes,
    source: str,
    options: IngestOptions,
    result: IngestResult,
    *,
    path: Path | None = None,
    declared: str | None = None,
    url: str | None = None,
) -> None:
    """Hand the bytes to the reader for `kind` (sniffed from the content when unknown)."""
    kind = kind or sniff(data, source, declared)
    if kind == "text":
        read_text(data, source, options, result, path=path, declared=declared, url=url)
    elif kind == "json":
        read_json(data, source, options, result, declared)
    elif kind == "jsonl":
        read_jsonl(data, source, options, result, declared)
    elif kind == "feed":
        read_feed(data, source, options, result, declared)
    else:
        text, encoding = decode_input(data, source, declared or meta_charset(data))
        language = html_language(data)
        read_html(text, source, options, result, url=url, encoding=encoding, language=language)


def sniff(data: bytes, source: str, declared: str | None = None) -> str:
    """Kind of an input with no telling extension or media type: feed, html, json, jsonl or text."""
    text, _ = decode_input(data, source, declared)  # whole input: a cut could split a character
    head = text[:_SNIFF].lstrip()
    if head.startswith(("{", "[")):
        return _json_kind(head)
    if head.startswith("<"):
        if _FEED_MARK.search(head):
            return "feed"
        if _HTML_MARK.search(head):
            return "html"
        raise InputError("ISN110", source, "XML that is neither an RSS/Atom feed nor a web page")
    return "text"


def _json_kind(head: str) -> str:
    """JSON Lines when the first line is a complete JSON value and more lines follow."""
    first, _, rest = head.partition("\n")
    if not rest.strip():
        return "json"
    try:
        json.loads(first)
    except json.JSONDecodeError:
        return "json"
    return "jsonl"
