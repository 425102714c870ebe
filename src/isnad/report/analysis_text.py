"""Human-readable `isnad analyze` output for a terminal (rich)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from isnad.errors import IsnadError
from isnad.model import Document, Span


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _visible(text: str, limit: int = 40) -> str:
    """Whitespace repairs are invisible unless shown: ⏎ for line breaks, · for spaces."""
    if text.strip():
        return _short(text, limit)
    return text.replace("\n", "⏎").replace("\r", "").replace(" ", "·").replace("\t", "→")[:limit]


def _attrs(span: Span, keys: Sequence[str]) -> str:
    parts = [f"{k}={span.attributes[k]}" for k in keys if span.attributes.get(k) not in (None, "", [])]
    return ", ".join(parts)


_NUMBER_KEYS = ("value", "kind", "hedge", "unit", "unit_class", "low", "high", "currency")
_DATE_KEYS = ("value", "granularity", "resolved", "reason", "calendar", "hedge")


def _quote_details(span: Span) -> str:
    a = span.attributes
    speaker = a.get("speaker") or {}
    parts = [f"{a.get('kind')}, {a.get('stance')}", f"speaker={_short(str(speaker.get('text') or '?'), 30)}"]
    links = [f"{link['role']}: {_short(str(link.get('text') or ''), 24)}" for link in a.get("chain") or []]
    if links:
        parts.append("chain=" + " > ".join(links))
    addressee = a.get("addressee") or {}
    if addressee.get("text"):
        parts.append(f"to={_short(str(addressee['text']), 24)}")
    return ", ".join(parts)


def _claim_details(span: Span) -> str:
    a = span.attributes
    who = a.get("attributed_to") or {}
    parts = [str(a.get("kind")), f"status={a.get('status')}"]
    if a.get("value") is not None:
        parts.append(f"value={a['value']}" + (f" {a['unit']}" if a.get("unit") else ""))
    if a.get("hedge"):
        parts.append(f"hedge={a['hedge']}")
    if isinstance(who, dict) and who.get("text"):
        parts.append(f"by={_short(str(who.get('key') or who['text']), 30)}")
    places = [e["key"] for e in a.get("entities") or []]
    if places:
        parts.append("about=" + ", ".join(places[:4]))
    return ", ".join(parts)


def _span_table(title: str, spans: Sequence[Span], keys: Sequence[str]) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False, expand=False)
    table.add_column("span", justify="right", no_wrap=True)
    table.add_column("text")
    table.add_column("label", no_wrap=True)
    table.add_column("details")
    for s in spans:
        table.add_row(f"{s.start}-{s.end}", _short(s.text), s.label, _attrs(s, keys))
    return table


def render_document(console: Console, doc: Document) -> None:
    a = doc.article
    console.rule(f"[bold]{_short(a.title or a.source, 80)}")
    meta: list[tuple[str, Any]] = [
        ("id", a.id),
        ("source", a.source),
        ("outlet", a.outlet),
        ("published", a.published.isoformat() if a.published else None),
        ("language", a.language),
        ("encoding", a.encoding),
    ]
    console.print("  ".join(f"[dim]{k}:[/dim] {v}" for k, v in meta if v))
    for note in doc.notes:
        console.print(f"[yellow]note:[/yellow] {note}")
    console.print(f"{len(doc.sentences)} sentences, {len(doc.text)} characters")
    if doc.repairs:
        table = Table(title="repairs", title_justify="left")
        for col in ("span", "kind", "original", "replacement"):
            table.add_column(col)
        for r in doc.repairs:
            shown = r.attributes.get("decoded") or r.attributes.get("replacement", "")
            table.add_row(f"{r.start}-{r.end}", r.label, _visible(r.text), _visible(str(shown)))
        console.print(table)
    if doc.layer("numbers"):
        console.print(_span_table("numbers", doc.layer("numbers"), _NUMBER_KEYS))
    if doc.layer("dates"):
        console.print(_span_table("dates", doc.layer("dates"), _DATE_KEYS))
    if doc.layer("entities"):
        console.print(_span_table("entities", doc.layer("entities"), ("key", "source")))
    for name, heading, details in (
        ("quotes", "who, according to whom", _quote_details),
        ("claims", "claim", _claim_details),
    ):
        if doc.layer(name):
            table = Table(title=name, title_justify="left")
            for col in ("span", "text", heading):
                table.add_column(col)
            for span in doc.layer(name):
                table.add_row(f"{span.start}-{span.end}", _short(span.text), details(span))
            console.print(table)


def render_errors(console: Console, errors: Sequence[IsnadError]) -> None:
    for e in errors:
        console.print(f"[red]{e.code}[/red] {e.source}: {e.summary}" + (f": {e.detail}" if e.detail else ""))
        if e.advice:
            console.print(f"       [dim]what to do: {e.advice}[/dim]")


def render_analysis(console: Console, docs: Sequence[Document], errors: Sequence[IsnadError]) -> None:
    for doc in docs:
        render_document(console, doc)
    if errors:
        console.rule("[red]rejected inputs")
        render_errors(console, errors)
    console.print(f"[bold]{len(docs)} article(s) analysed, {len(errors)} input(s) rejected")
