"""Web pages -> one Article: trafilatura finds the article body and its metadata."""

from __future__ import annotations

import re
import warnings
from datetime import datetime
from typing import Any

from isnad.errors import InputError
from isnad.ingest.meta import date_or_note, language_tag, parse_date, text_or_none
from isnad.ingest.options import IngestOptions, IngestResult
from isnad.model import Article

_HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.I)
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_HEAD = 4096
# trafilatura's XML body -> text: line breaks, list items and table rows end lines; cells are separated.
_LINE_END = ("lb", "item", "row")
_SPACES_AT_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_BLANK_LINES = re.compile(r"\n{3,}")
# An extraction whose longest line is shorter than this is a menu, not an article.
_MIN_PROSE_LINE = 50


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in a `<meta>` tag (looked for in its first 4 KB)."""
    match = _META_CHARSET.search(data[:_HEAD])
    return match.group(1).decode("ascii") if match else None


def html_language(data: bytes) -> str | None:
    """The `<html lang>` the page declares, reduced to the primary subtag."""
    match = _HTML_LANG.search(data[:_HEAD])
    return language_tag(match.group(1).decode("ascii")) if match else None


def read_html(html: str, source: str, options: IngestOptions, result: IngestResult, **meta: Any) -> None:
    """Extract the article; raise ISN107 when the page holds none. `meta`: url, encoding, language."""
    doc = _extract(html, source, meta.get("url"))
    text = _body_text(doc.body) if doc.body is not None else ""
    text = text or doc.text.strip()
    notes: list[str] = []
    published = _page_timestamp(html) or date_or_note(doc.date, notes) or options.published
    for message in notes:
        result.note(source, message)
    author = text_or_none(doc.author)
    result.articles.append(
        Article.create(
            text,
            source,
            outlet=text_or_none(doc.sitename) or options.outlet,
            url=meta.get("url") or text_or_none(doc.url),
            title=text_or_none(doc.title),
            published=published,
            language=meta.get("language"),
            encoding=meta.get("encoding"),
            extra={"author": author} if author else {},
        )
    )


# Where pages state the full publication time; trafilatura keeps only the day, and the time of day
# decides which of two same-day reports came first.
_TIMESTAMP_SELECTORS = (
    ('meta[property="article:published_time"]', "content"),
    ('meta[property="og:published_time"]', "content"),
    ('meta[itemprop="datePublished"]', "content"),
    ('meta[name="pubdate"]', "content"),
    ("time[datetime]", "datetime"),
)


def _page_timestamp(html: str) -> datetime | None:
    """The page's own publication timestamp when it gives a time of day, else None (use the day)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    for selector, attribute in _TIMESTAMP_SELECTORS:
        node = tree.css_first(selector)
        value = node.attributes.get(attribute) if node is not None else None
        if value and ("T" in value or ":" in value):
            try:
                return parse_date(value.strip())
            except ValueError:
                continue
    return None


def _extract(html: str, source: str, url: str | None) -> Any:
    """trafilatura's balanced extraction, refused when all it found is menus or link lists."""
    doc = _run_trafilatura(html, source, url)
    if doc is None or not (doc.text or "").strip():
        raise InputError("ISN107", source, "the page has no extractable article")
    longest = max(len(line) for line in doc.text.splitlines())
    if longest < _MIN_PROSE_LINE:
        raise InputError("ISN107", source, f"only short fragments (menus, links); longest is {longest} chars")
    return doc


def _run_trafilatura(html: str, source: str, url: str | None) -> Any:
    import trafilatura  # imported lazily: loading it costs ~0.4 s and most runs read no HTML

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # lxml FutureWarnings from inside trafilatura
            return trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:  # the extractor stack (lxml, justext, htmldate) fails on odd pages
        raise InputError("ISN107", source, f"the extractor failed: {type(exc).__name__}: {exc}") from None


def _body_text(body: Any) -> str:
    """Paragraphs separated by a blank line; <br>, list items and table rows by a newline."""
    for el in body.iter(*_LINE_END):
        el.tail = "\n" + (el.tail or "")
    for row in body.iter("row"):
        for cell in list(row.iter("cell"))[:-1]:
            cell.tail = " | " + (cell.tail or "")
    blocks = []
    for child in body:
        block = _SPACES_AT_BREAK.sub("\n", "".join(child.itertext())).strip()
        if block:
            blocks.append(_BLANK_LINES.sub("\n\n", block))
    return "\n\n".join(blocks)
