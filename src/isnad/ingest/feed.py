"""RSS / Atom feeds -> one Article per item, body converted from HTML to text."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from isnad.errors import InputError
from isnad.ingest.decode import decode_input, display_name
from isnad.ingest.htmltext import html_to_text
from isnad.ingest.meta import date_or_note, language_tag, text_or_none
from isnad.ingest.options import IngestOptions, IngestResult
from isnad.model import Article

_NO_BODY_ADVICE = "the item has only a title: pass its link as a URL to read the full page"


def read_feed(
    data: bytes, source: str, options: IngestOptions, result: IngestResult, declared: str | None = None
) -> None:
    """Parse the feed bytes (feedparser honours the XML encoding); ISN108 when no item can be read.

    `declared` is the charset from the HTTP header, which outranks the XML prolog.
    """
    decode_input(data, source, declared)  # same empty/binary/undecodable checks as every input
    parsed = _parse(data, source, declared)
    entries = parsed.entries
    if not entries:
        why = f"not a well-formed feed ({parsed.get('bozo_exception')})" if parsed.bozo else "no items"
        raise InputError("ISN108", source, why)
    feed = parsed.feed
    defaults = {
        "outlet": text_or_none(feed.get("title")) or options.outlet,
        "language": language_tag(feed.get("language")),
        "encoding": display_name(parsed.encoding) if parsed.get("encoding") else None,
    }
    articles: list[Article] = []
    errors: list[InputError] = []
    for n, entry in enumerate(entries, 1):
        try:
            articles.append(_entry_article(entry, f"{source}#item-{n}", defaults, options, result))
        except InputError as exc:
            errors.append(exc)
    if parsed.bozo and not articles:  # the broken XML, not its debris, is what the user must fix
        raise InputError("ISN108", source, f"not a well-formed feed ({parsed.get('bozo_exception')})")
    result.extend(articles, errors)
    result.note(source, f"{len(articles)} of {len(entries)} items read from the feed")
    if parsed.bozo:
        result.note(source, f"the feed is not well-formed ({parsed.get('bozo_exception')}); read anyway")


def _parse(data: bytes, source: str, declared: str | None) -> Any:
    import feedparser  # imported lazily: most runs read no feed

    headers = {"content-type": f"application/xml; charset={declared}"} if declared else None
    try:
        return feedparser.parse(data, response_headers=headers)
    except Exception as exc:  # feedparser's SGML fallback can fail on hostile markup
        raise InputError("ISN108", source, f"the feed parser failed: {type(exc).__name__}: {exc}") from None


def _entry_article(
    entry: Any,
    source: str,
    defaults: dict[str, str | None],
    options: IngestOptions,
    result: IngestResult,
) -> Article:
    text = _entry_body(entry)
    if not text:
        raise InputError("ISN106", source, "the feed item has no content or summary", _NO_BODY_ADVICE)
    author = text_or_none(entry.get("author"))
    return Article.create(
        text,
        source,
        outlet=defaults["outlet"],
        url=text_or_none(entry.get("link")),
        title=text_or_none(entry.get("title")),
        published=_entry_date(entry, source, result) or options.published,
        language=language_tag(entry.get("language")) or defaults["language"],
        encoding=defaults["encoding"],
        extra={"author": author} if author else {},
    )


def _entry_body(entry: Any) -> str:
    """Full content when the feed carries it, else the summary; HTML becomes text."""
    for detail in [*entry.get("content", []), entry.get("summary_detail")]:
        if not detail or not detail.get("value"):
            continue
        value: str = detail["value"]
        text = html_to_text(value) if "html" in (detail.get("type") or "html") else value.strip()
        if text:
            return text
    return ""


def _entry_date(entry: Any, source: str, result: IngestResult) -> datetime | None:
    """The item's own date string (keeps its UTC offset), else feedparser's reading of it (in UTC)."""
    notes: list[str] = []
    found = date_or_note(entry.get("published") or entry.get("updated"), notes)
    if found is not None:
        return found
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        year, month, day, hour, minute, second = parsed[:6]
        return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    for message in notes:
        result.note(source, message)
    return None
