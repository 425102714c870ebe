"""What `ingest` accepts (options) and what it hands back (articles, coded errors, notes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from isnad import __version__
from isnad.errors import InputError
from isnad.model import Article

DEFAULT_MAX_BYTES = 20_000_000
# Honest: says who we are and where to complain, so site operators can reach a person.
USER_AGENT = f"isnad/{__version__} (+news verification; contact via project README)"


@dataclass(frozen=True)
class IngestOptions:
    """Limits, metadata overrides for .txt inputs, and the JSON field names to read."""

    max_bytes: int = DEFAULT_MAX_BYTES
    # .txt metadata: these win over a sidecar; for other formats they only fill what the input lacks.
    outlet: str | None = None
    published: datetime | None = None
    url: str | None = None
    title: str | None = None
    # JSON / JSONL field names; tuples are candidates tried in order.
    title_field: str = "title"
    body_fields: tuple[str, ...] = ("content", "body", "text")
    outlet_fields: tuple[str, ...] = ("outlet", "source")
    url_field: str = "url"
    date_fields: tuple[str, ...] = ("published", "date", "date_extracted")
    author_field: str = "author"
    language_field: str = "language"
    # URL fetching.
    fetch_timeout: float = 10.0
    fetch_max_bytes: int = DEFAULT_MAX_BYTES
    user_agent: str = USER_AGENT

    @classmethod
    def from_cli(
        cls,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        outlet: str | None = None,
        published: datetime | None = None,
        body_field: str | None = None,
        title_field: str | None = None,
        outlet_field: str | None = None,
        url_field: str | None = None,
        date_field: str | None = None,
        timeout: float | None = None,
    ) -> IngestOptions:
        """Map the command-line flags (single field names, one size cap) onto options."""
        base = cls()
        return cls(
            max_bytes=max_bytes,
            fetch_max_bytes=max_bytes,
            outlet=outlet,
            published=published,
            body_fields=(body_field,) if body_field else base.body_fields,
            title_field=title_field or base.title_field,
            outlet_fields=(outlet_field,) if outlet_field else base.outlet_fields,
            url_field=url_field or base.url_field,
            date_fields=(date_field,) if date_field else base.date_fields,
            fetch_timeout=base.fetch_timeout if timeout is None else timeout,
        )


@dataclass
class IngestResult:
    """Everything read: articles in input order, rejected inputs, and per-input notes."""

    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    # input (path, URL or item source) -> human-readable notes such as the detected encoding
    notes: dict[str, list[str]] = field(default_factory=dict)

    def note(self, source: str, message: str) -> None:
        """Record something a user may want to know about an input that was still read."""
        self.notes.setdefault(source, []).append(message)

    def extend(self, articles: list[Article], errors: list[InputError]) -> None:
        """Add the outcome of one multi-record input."""
        self.articles.extend(articles)
        self.errors.extend(errors)
