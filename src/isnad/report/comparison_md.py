"""Markdown form of an `isnad.comparison/1` dict (docs/comparison-json.md), for a terminal or a ticket.

Conflicts come first because they are what a reader must check; every string from the JSON is article
text or derived from it, so it is escaped wherever Markdown would read it as syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from isnad.errors import IsnadError

SCHEMA = "isnad.comparison/1"
STATUSES = ("conflict", "update", "corroborated", "single-source")
# (section id, title): both renderers emit the sections in this order.
SECTIONS = (
    ("conflicts", "Conflicts"),
    ("updates", "Updates"),
    ("corroborated", "Corroborated"),
    ("single-source", "Single-source"),
    ("quote-variants", "Quote variants"),
    ("copies", "Copies"),
    ("entities", "Entities named by one source only"),
    ("digest", "Digest"),
)

Item = Mapping[str, Any]
_ADVICE = "pass the JSON printed by `isnad compare --format json`"


def _bad(detail: str) -> IsnadError:
    return IsnadError("ISN401", "comparison", detail, advice=_ADVICE)


def items_of(data: Item, key: str) -> list[Item]:
    """`data[key]` as a list of objects; a missing key is an empty list, anything else is an error."""
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise _bad(f"'{key}' must be a list of objects")
    return value


@dataclass(frozen=True)
class ComparisonIndex:
    """Lookups by id so each section can resolve the claims, groups and articles it names."""

    data: Item
    articles: dict[str, Item]
    claims: dict[str, Item]
    groups: dict[str, Item]
    quotes: dict[str, Item]

    @classmethod
    def build(cls, comparison: Mapping[str, Any]) -> ComparisonIndex:
        if not isinstance(comparison, Mapping):
            raise _bad(f"expected a JSON object, got {type(comparison).__name__}")
        if comparison.get("schema") != SCHEMA:
            raise _bad(f"schema is {comparison.get('schema')!r}, expected {SCHEMA!r}")
        by_id = {k: {str(i.get("id")): i for i in items_of(comparison, k)} for k in ("articles", "claims")}
        groups = {str(g.get("id")): g for g in items_of(comparison, "groups")}
        quotes = {str(q.get("id")): q for q in items_of(comparison, "quotes")}
        return cls(comparison, by_id["articles"], by_id["claims"], groups, quotes)

    def items(self, key: str) -> list[Item]:
        return items_of(self.data, key)

    def revised(self) -> list[tuple[Item, list[str]]]:
        """Groups a later report revised, each with the revisions' explanations (a group in conflict can
        hold revisions too; a group whose status is "update" always has them)."""
        revisions: dict[str, list[str]] = {}
        for item in self.items("updates"):
            revisions.setdefault(str(item.get("group")), []).append(str(item.get("explanation") or ""))
        wanted = {str(g.get("id")) for g in self.groups_with("update")} | set(revisions)
        return [
            (g, revisions.get(str(g.get("id"))) or [str(g.get("explanation") or "")])
            for g in self.items("groups")
            if str(g.get("id")) in wanted
        ]

    def groups_with(self, status: str) -> list[Item]:
        return [g for g in self.items("groups") if g.get("status") == status]

    def outlet(self, article_id: Any) -> str:
        """The outlet name, else the title, else the id: a reader recognises outlets, not hashes."""
        art = self.articles.get(str(article_id), {})
        return str(art.get("outlet") or art.get("title") or article_id or "?")

    def article_label(self, article_id: Any) -> str:
        art = self.articles.get(str(article_id), {})
        title = short(str(art.get("title") or ""), 50)
        return (
            f"{self.outlet(article_id)} — {title}" if title and art.get("outlet") else self.outlet(article_id)
        )

    def published(self, article_id: Any) -> str:
        return str(self.articles.get(str(article_id), {}).get("published") or "")

    def group_claims(self, group: Item) -> list[Item]:
        return [self.claims[str(c)] for c in group.get("claims") or [] if str(c) in self.claims]

    def status_counts(self) -> dict[str, int]:
        return {s: len(self.groups_with(s)) for s in STATUSES}

    def independent_sources(self) -> int:
        return len({str(a.get("source") or a.get("id")) for a in self.items("articles")})

    def dict_value(self, key: str) -> Item:
        value = self.data.get(key)
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            raise _bad(f"'{key}' must be an object")
        return value


def short(text: str, limit: int = 200) -> str:
    """One line, at most `limit` characters, so tables stay readable."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else words or word + 's'}"


def counts_line(ix: ComparisonIndex) -> str:
    stories = plural(len(ix.items("stories")), "story", "stories")
    sources = plural(ix.independent_sources(), "independent source")
    return f"{plural(len(ix.items('articles')), 'article')}, {stories}, {sources}"


def claim_value(claim: Item) -> str:
    """What the claim says the value is: the expression as written, else value/range and unit."""
    evidence = claim.get("evidence")
    if isinstance(evidence, Mapping) and evidence.get("text"):
        return str(evidence["text"])
    low, high, value = claim.get("low"), claim.get("high"), claim.get("value")
    shown = f"{low}–{high}" if low is not None and high is not None and low != high else value
    if shown is None:
        return "?"
    unit = claim.get("unit")
    return f"{shown} {unit}" if unit else str(shown)


def conflict_sides(index: ComparisonIndex, conflict: Item) -> list[tuple[str, Item]]:
    """(value, claim) per side; `values` pairs with `claims` when both have the same length."""
    ids = [str(c) for c in conflict.get("claims") or []]
    values = [str(v) for v in conflict.get("values") or []]
    claims = [index.claims.get(c, {"id": c, "text": f"(claim {c} missing from the comparison)"}) for c in ids]
    if len(values) != len(claims):
        return [(claim_value(c), c) for c in claims]
    return list(zip(values, claims, strict=True))


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md(text: Any, limit: int = 200) -> str:
    """Inline-safe text: one line, Markdown syntax characters (pipes included) backslash-escaped."""
    return _MD_SPECIAL.sub(r"\\\1", short(str(text if text is not None else ""), limit))


def _table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines if len(lines) > 2 else ["_none_"]


def _quoted(claim: Item) -> str:
    return f"«{md(claim.get('text'))}»"


def _header(ix: ComparisonIndex) -> list[str]:
    counts = ix.status_counts()
    lines = [
        "# isnad comparison",
        "",
        f"{counts_line(ix)}; groups: " + ", ".join(f"{n} {s}" for s, n in counts.items()),
        "",
    ]
    notes = [f"> {md(n, 400)}" for n in ix.data.get("notes") or []]
    lines += [*notes, ""] if notes else []
    rows = [
        (md(a.get("outlet") or "?", 40), md(a.get("title") or "", 60), md(a.get("published") or "", 25))
        + (md(a.get("story"), 10), md(a.get("source"), 12), md(a.get("id"), 20))
        for a in ix.items("articles")
    ]
    return [*lines, *_table(("outlet", "title", "published", "story", "source", "id"), rows)]


def _conflicts(ix: ComparisonIndex) -> list[str]:
    lines: list[str] = []
    for n, conflict in enumerate(ix.items("conflicts"), 1):
        group = ix.groups.get(str(conflict.get("group")), {})
        title = md(group.get("label") or conflict.get("kind") or "conflict", 120)
        lines += [
            *(lines and [""]),
            f"### {n}. {title} ({md(conflict.get('group'))}, {md(conflict.get('kind'))})",
        ]
        lines += [""]
        lines += [md(conflict.get("explanation") or group.get("explanation") or "", 400), ""]
        rows = [
            (md(value, 60), md(ix.article_label(c.get("article")), 80), _quoted(c))
            for value, c in conflict_sides(ix, conflict)
        ]
        lines += _table(("value", "outlet / article", "claim"), rows)
    return lines or ["_none_"]


def _updates(ix: ComparisonIndex) -> list[str]:
    """Groups whose figure a later report revised, with each revision and the timeline of values."""
    lines: list[str] = []
    for group, whys in ix.revised():
        lines += [
            *(lines and [""]),
            f"### {md(group.get('label') or group.get('id'), 120)} ({md(group.get('id'))})",
        ]
        lines += [""]
        for why in whys:
            lines += [md(why, 400), ""]
        claims = sorted(ix.group_claims(group), key=lambda c: ix.published(c.get("article")))
        rows = [
            (
                md(ix.published(c.get("article")), 25),
                md(claim_value(c), 60),
                md(ix.outlet(c.get("article")), 40),
            )
            + (_quoted(c),)
            for c in claims
        ]
        lines += _table(("published", "value", "outlet", "claim"), rows)
    return lines or ["_none_"]


def _corroborated(ix: ComparisonIndex) -> list[str]:
    rows = []
    for group in ix.groups_with("corroborated"):
        claims = ix.group_claims(group)
        articles = [c.get("article") for c in claims] or list(group.get("articles") or [])
        outlets = sorted({ix.outlet(a) for a in articles})
        quotes = [ix.quotes[str(q)] for q in group.get("quotes") or [] if str(q) in ix.quotes]
        example = _quoted(claims[0]) if claims else _quoted(quotes[0]) if quotes else ""
        rows.append(
            (md(group.get("label") or group.get("id"), 80), md(group.get("independent_sources")))
            + (md(", ".join(outlets), 80), example)
        )
    return _table(("claim", "independent sources", "outlets", "example"), rows)


def _single(ix: ComparisonIndex) -> list[str]:
    rows = [
        (_quoted(c), md(ix.outlet(c.get("article")), 40), md(c.get("kind")), md(c.get("assertion")))
        for g in ix.groups_with("single-source")
        for c in ix.group_claims(g)
    ]
    return _table(("claim", "outlet", "kind", "assertion"), rows)


def variant_pairs(ix: ComparisonIndex) -> list[tuple[Item, Item, Item]]:
    """(quote, variant entry, other quote) once per unordered pair; the JSON lists each pair twice."""
    seen: set[frozenset[str]] = set()
    out = []
    for quote in ix.items("quotes"):
        for variant in quote.get("variants") or []:
            key = frozenset((str(quote.get("id")), str(variant.get("quote"))))
            if key in seen:
                continue
            seen.add(key)
            other = ix.quotes.get(str(variant.get("quote")), {"text": "?", "article": variant.get("article")})
            out.append((quote, variant, other))
    return out


def score_text(value: Any) -> str:
    """Similarity scores as two decimals; anything that is not a number is shown as given."""
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    return f"{value:.2f}" if is_number else str(value if value is not None else "")


def _words(words: Any) -> str:
    return md(" ".join(map(str, words or [])), 80)


def _variants(ix: ComparisonIndex) -> list[str]:
    rows = [
        (f"«{md(q.get('text'), 120)}» ({md(ix.outlet(q.get('article')), 30)})",)
        + (
            f"«{md(o.get('text'), 120)}» ({md(ix.outlet(o.get('article')), 30)})",
            md(score_text(v.get("score"))),
        )
        + (_words(v.get("only_here")), _words(v.get("only_there")))
        for q, v, o in variant_pairs(ix)
    ]
    return _table(("quote", "variant", "score", "only in the first", "only in the variant"), rows)


def copy_sentence(ix: ComparisonIndex, copy: Item) -> str:
    """Who copies whom, in words; 'shared' when no publication order says who came first."""
    later, earlier = ix.outlet(copy.get("article")), ix.outlet(copy.get("of_article"))
    if copy.get("direction") == "shared":
        return f"{later} and {earlier} share a passage"
    return f"{later} copies {earlier}"


def _copies(ix: ComparisonIndex) -> list[str]:
    rows = [
        (
            md(copy_sentence(ix, c), 80),
            md(c.get("words")),
            md(c.get("direction")),
            f"«{md(c.get('text'), 160)}»",
        )
        for c in ix.items("copies")
    ]
    return _table(("who", "words", "direction", "passage"), rows)


def _entities(ix: ComparisonIndex) -> list[str]:
    rows = [
        (md(e.get("key"), 40), md(e.get("label")), md(" / ".join(map(str, e.get("names") or [])), 80))
        + (md(", ".join(ix.outlet(a) for a in e.get("articles") or []), 60),)
        for e in ix.items("entities")
        if e.get("single_source")
    ]
    return _table(("entity", "label", "spellings", "named by"), rows)


def _digest(ix: ComparisonIndex) -> list[str]:
    digest = ix.dict_value("digest")
    statuses = {str(g.get("id")): str(g.get("status")) for g in ix.items("groups")}
    summary = [
        f"- {md(s.get('text'), 400)} ({md(ix.outlet(s.get('article')), 40)}; "
        + md(", ".join(statuses.get(str(g), str(g)) for g in s.get("groups") or []) or "no claim group")
        + ")"
        for s in items_of(digest, "summary")
    ]
    entities = [
        f"- {md(e.get('name') or e.get('key'), 60)} ({md(e.get('label'))}, {md(e.get('sources'))} sources)"
        for e in items_of(digest, "entities")
    ]
    timeline = _table(
        ("date", "what", "outlet", "status"),
        [
            (md(t.get("date"), 25), f"«{md(t.get('text'), 160)}»", md(ix.outlet(t.get("article")), 40))
            + (md(t.get("status")),)
            for t in items_of(digest, "timeline")
        ],
    )
    return [
        "### Summary",
        "",
        *(summary or ["_none_"]),
        "",
        "### Key entities",
        "",
        *(entities or ["_none_"]),
    ] + [
        "",
        "### Timeline",
        "",
        *timeline,
    ]


def _errors(ix: ComparisonIndex) -> list[str]:
    errors = ix.items("errors")
    if not errors:
        return []
    rows = [
        (md(e.get("code")), md(e.get("source") or e.get("input")), md(e.get("detail"), 200)) for e in errors
    ]
    return ["", "## Errors", "", *_table(("code", "input", "detail"), rows)]


_BUILDERS = (_conflicts, _updates, _corroborated, _single, _variants, _copies, _entities, _digest)


def render_markdown(comparison: Mapping[str, Any]) -> str:
    """The whole comparison as Markdown, conflicts first, every section present even when empty."""
    ix = ComparisonIndex.build(comparison)
    lines = _header(ix)
    for (_, title), build in zip(SECTIONS, _BUILDERS, strict=True):
        lines += ["", f"## {title}", "", *build(ix)]
    lines += _errors(ix)
    return "\n".join(lines).strip("\n") + "\n"
