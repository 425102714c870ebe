"""Self-contained HTML report of an `isnad.comparison/1` dict: findings first, then the articles side by side.

Every string from the JSON and every article text is untrusted (scraped pages), so all of it goes through
`html.escape(quote=True)`; the file fetches nothing (inline CSS, no scripts, no URLs) so it can be opened
offline or attached to a ticket.
"""

from __future__ import annotations

import html
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from isnad.report.comparison_md import (
    SECTIONS,
    STATUSES,
    ComparisonIndex,
    Item,
    claim_value,
    conflict_sides,
    copy_sentence,
    items_of,
    plural,
    score_text,
    short,
    variant_pairs,
)

_AR_TITLES = {
    "conflicts": "تعارضات",
    "updates": "تحديثات",
    "corroborated": "مؤكَّد من مصادر مستقلة",
    "single-source": "من مصدر واحد",
    "quote-variants": "صيغ مختلفة للاقتباس",
    "copies": "نصوص منقولة",
    "entities": "أسماء ذكرها مصدر واحد",
    "digest": "الخلاصة",
}

_CSS = """
body{font-family:"Noto Naskh Arabic","Noto Sans Arabic","Segoe UI",Tahoma,Arial,sans-serif;margin:1.5rem;
line-height:1.75;color:#111;background:#fff}
h1,h2,h3{line-height:1.3}h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
h2 bdi{font-size:.7em;color:#555;font-weight:normal}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.25rem .5rem;
vertical-align:top;unicode-bidi:plaintext;text-align:start}
p,li,td,q{unicode-bidi:plaintext}.none{color:#777}.value{font-weight:bold}
.why{color:#333}.conflict{border-inline-start:4px solid #dc2626;padding-inline-start:.75rem;margin:1rem 0}
.columns{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(20rem,1fr);gap:1rem;overflow-x:auto}
.article{border:1px solid #ccc;border-radius:4px;padding:.75rem;max-height:85vh;overflow-y:auto}
.meta{color:#555;font-size:.9em}.text{white-space:pre-wrap;unicode-bidi:plaintext;font-size:1.05em}
.claim.st-conflict,.key .st-conflict{background:rgba(220,38,38,.25)}
.claim.st-corroborated,.key .st-corroborated{background:rgba(22,163,74,.22)}
.claim.st-single-source,.key .st-single-source{background:rgba(107,114,128,.22)}
.claim.st-update,.key .st-update{background:rgba(217,119,6,.3)}
.claim.st-unknown{background:rgba(147,51,234,.18)}
.quote{text-decoration:underline;text-decoration-thickness:2px;text-underline-offset:.3em}
.copy{background-image:repeating-linear-gradient(45deg,rgba(37,99,235,.22) 0 3px,transparent 3px 7px)}
.ev{font-weight:bold}:target{outline:2px solid #111;outline-offset:1px}
.key span{padding:0 .3rem;margin-inline-end:.5rem}.problems{color:#7c2d12}
@media print{.columns{grid-auto-flow:row;grid-auto-columns:auto}.article{max-height:none;overflow:visible}}
"""


def e(value: Any) -> str:
    """Escape for both text and attribute values: quotes too, because titles carry article text."""
    return html.escape("" if value is None else str(value), quote=True)


def _bdi(value: Any, limit: int = 200) -> str:
    # <bdi> keeps an outlet name or a Latin run from reordering the Arabic sentence around it.
    return f"<bdi>{e(short(str(value if value is not None else ''), limit))}</bdi>"


_UNSAFE_ID = re.compile(r"[^A-Za-z0-9-]")


def _safe(value: Any) -> str:
    # Injective: every character outside [A-Za-z0-9-] becomes _<hex>_, so ids never collide or break out.
    return _UNSAFE_ID.sub(lambda m: f"_{ord(m.group()):x}_", str(value))


def anchor(article_id: Any, local_id: Any) -> str:
    """Id of a highlighted span: `a<article>-<claim id>` (e.g. a3f2…-c7)."""
    return f"a{_safe(article_id)}-{_safe(local_id)}"


def column_id(article_id: Any) -> str:
    return f"art-{_safe(article_id)}"


@dataclass(frozen=True)
class Style:
    """How a highlighted span looks and where links land: CSS classes, hover title, optional id."""

    cls: str
    title: str
    anchor: str | None = None


@dataclass(frozen=True)
class Mark:
    """One highlighted range of an article's original text."""

    start: int
    end: int
    style: Style


def _status_class(status: Any) -> str:
    return f"st-{status}" if status in STATUSES else "st-unknown"


def _valid(item: Item, text: str, keys: tuple[str, str], check_text: bool) -> str | None:
    """Why a span cannot be highlighted, or None: offsets must lie inside the text and match `text`."""
    start, end = item.get(keys[0]), item.get(keys[1])
    if type(start) is not int or type(end) is not int:  # bool is an int subclass: reject it too
        return f"offsets {start!r}-{end!r} are not integers"
    if not 0 <= start < end <= len(text):
        return f"offsets {start}-{end} fall outside the text ({len(text)} characters)"
    if check_text and "text" in item and text[start:end] != item["text"]:
        return f"text at {start}-{end} differs from the span's text"
    return None


_OF = ("of_start", "of_end")


class Marks:
    """Every highlight per article, the anchors that exist, and why some spans could not be shown."""

    def __init__(self, ix: ComparisonIndex, texts: Mapping[str, str]) -> None:
        self.ix, self.texts = ix, texts
        self.by_article: dict[str, list[Mark]] = defaultdict(list)
        self.anchors: set[str] = set()
        self.problems: list[str] = []
        for add in (self._claims, self._quotes, self._copies):
            add()

    def add(self, what: str, article: Any, item: Item, style: Style, keys: tuple[str, str] = ("start", "end"),
            check_text: bool = True) -> None:  # fmt: skip
        aid = str(article)
        if aid not in self.texts:
            return  # the column says the text is missing; one note per article is enough
        why = _valid(item, self.texts[aid], keys, check_text)
        if why:
            self.problems.append(f"{what} in {self.ix.outlet(aid)} ({aid}) not highlighted: {why}")
            return
        self.by_article[aid].append(Mark(item[keys[0]], item[keys[1]], style))
        if style.anchor:
            self.anchors.add(style.anchor)

    def _claims(self) -> None:
        for claim in self.ix.items("claims"):
            aid, cid = claim.get("article"), claim.get("id")
            group = self.ix.groups.get(str(claim.get("group")), {})
            status = claim.get("status") or group.get("status")
            title = f"{status}: {short(str(group.get('label') or ''), 120)} ({claim.get('group')})"
            self.add(
                f"claim {cid}", aid, claim, Style(f"claim {_status_class(status)}", title, anchor(aid, cid))
            )
            evidence = claim.get("evidence")
            if isinstance(evidence, Mapping):
                self.add(
                    f"evidence of claim {cid}", aid, evidence, Style("ev", f"value: {claim_value(claim)}")
                )

    def _quotes(self) -> None:
        for quote in self.ix.items("quotes"):
            speaker = quote.get("speaker")
            who = speaker.get("text") if isinstance(speaker, Mapping) else None
            title = f"quote ({quote.get('kind')}, {quote.get('stance')}), speaker: {who or '?'}"
            qid, aid = quote.get("id"), quote.get("article")
            self.add(f"quote {qid}", aid, quote, Style("quote", title, anchor(aid, qid)))

    def _copies(self) -> None:
        for n, copy in enumerate(self.ix.items("copies"), 1):
            title = f"{copy_sentence(self.ix, copy)} ({copy.get('words')} words)"
            aid, src = copy.get("article"), copy.get("of_article")
            self.add(f"copied passage {n}", aid, copy, Style("copy", title, anchor(aid, f"k{n}")))
            # `text` is the copying article's passage; the source side may differ in spacing or diacritics.
            self.add(f"source passage {n}", src, copy, Style("copy", title, anchor(src, f"k{n}")), _OF, False)


def _open(mark: Mark, first: bool) -> str:
    style = mark.style
    ident = f' id="{style.anchor}"' if first and style.anchor else ""
    return f'<span class="{style.cls}" title="{e(style.title)}"{ident}>'


def markup(text: str, marks: Sequence[Mark]) -> str:
    """The text cut at every span boundary; each piece wrapped in the spans covering it, outermost first.

    Closing every wrapper at the end of each piece keeps nesting valid however the spans overlap; the
    id goes on the piece where its span starts so links land on the span's first character.
    """
    starts: dict[int, list[Mark]] = defaultdict(list)
    for m in marks:
        starts[m.start].append(m)
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    active: list[Mark] = []
    out: list[str] = []
    for a, b in itertools.pairwise(bounds):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        active.sort(key=lambda m: (m.start, -m.end))
        piece = e(text[a:b])
        if not active:
            out.append(piece)
            continue
        out.append("".join(_open(m, m.start == a) for m in active) + piece + "</span>" * len(active))
    return "".join(out)


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    if not body:
        return '<p class="none">—</p>'
    head = "".join(f"<th>{e(h)}</th>" for h in header)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


class _Html:
    """Section builders sharing the index and the set of anchors that really exist."""

    def __init__(self, ix: ComparisonIndex, anchors: set[str]) -> None:
        self.ix, self.anchors = ix, anchors

    def outlet(self, article_id: Any) -> str:
        return f'<a href="#{column_id(article_id)}">{_bdi(self.ix.outlet(article_id), 60)}</a>'

    def claim(self, claim: Item, limit: int = 300) -> str:
        quoted = f'<q dir="auto">{e(short(str(claim.get("text") or ""), limit))}</q>'
        target = anchor(claim.get("article"), claim.get("id"))
        return f'<a href="#{target}">{quoted}</a>' if target in self.anchors else quoted

    def conflicts(self) -> str:
        parts = []
        for conflict in self.ix.items("conflicts"):
            group = self.ix.groups.get(str(conflict.get("group")), {})
            sides = "".join(
                f'<li><span class="value">{_bdi(value, 80)}</span> — {self.outlet(c.get("article"))}: '
                f"{self.claim(c)}</li>"
                for value, c in conflict_sides(self.ix, conflict)
            )
            parts.append(
                f'<div class="conflict"><h3>{_bdi(group.get("label") or conflict.get("kind"), 160)}</h3>'
                f'<p class="why">{e(conflict.get("explanation") or group.get("explanation"))}</p>'
                f"<ul>{sides}</ul></div>"
            )
        return "".join(parts) or '<p class="none">—</p>'

    def updates(self) -> str:
        parts = []
        for group, whys in self.ix.revised():
            claims = sorted(self.ix.group_claims(group), key=lambda c: self.ix.published(c.get("article")))
            rows = [
                (_bdi(self.ix.published(c.get("article"))), _bdi(claim_value(c), 80))
                + (self.outlet(c.get("article")), self.claim(c))
                for c in claims
            ]
            parts.append(
                f"<h3>{_bdi(group.get('label') or group.get('id'), 160)}</h3>"
                + "".join(f'<p class="why">{e(why)}</p>' for why in whys)
                + _table(("published", "value", "outlet", "claim"), rows)
            )
        return "".join(parts) or '<p class="none">—</p>'

    def corroborated(self) -> str:
        rows = []
        for group in self.ix.groups_with("corroborated"):
            claims = self.ix.group_claims(group)
            articles = [c.get("article") for c in claims] or list(group.get("articles") or [])
            outlets = "، ".join(dict.fromkeys(self.outlet(a) for a in articles))
            quotes = [self.ix.quotes[str(q)] for q in group.get("quotes") or [] if str(q) in self.ix.quotes]
            shown = [self.claim(c, 200) for c in claims] or [_bdi(q.get("text"), 200) for q in quotes]
            rows.append(
                (_bdi(group.get("label") or group.get("id"), 160), e(group.get("independent_sources")))
                + (outlets, "<br>".join(shown))
            )
        return _table(("claim", "independent sources", "outlets", "as reported"), rows)

    def single(self) -> str:
        rows = [
            (self.claim(c), self.outlet(c.get("article")), e(c.get("kind")), e(c.get("assertion")))
            for g in self.ix.groups_with("single-source")
            for c in self.ix.group_claims(g)
        ]
        return _table(("claim", "outlet", "kind", "assertion"), rows)

    def _quote(self, quote: Item) -> str:
        target = anchor(quote.get("article"), quote.get("id"))
        text = f'<q dir="auto">{e(short(str(quote.get("text") or ""), 200))}</q>'
        linked = f'<a href="#{target}">{text}</a>' if target in self.anchors else text
        return f"{linked} — {self.outlet(quote.get('article'))}"

    def variants(self) -> str:
        rows = [
            (self._quote(q), self._quote(o), e(score_text(v.get("score"))))
            + (
                _bdi(" ".join(map(str, v.get("only_here") or []))),
                _bdi(" ".join(map(str, v.get("only_there") or []))),
            )
            for q, v, o in variant_pairs(self.ix)
        ]
        return _table(("quote", "variant", "score", "only in the first", "only in the variant"), rows)

    def copies(self) -> str:
        rows = []
        for n, copy in enumerate(self.ix.items("copies"), 1):
            target = anchor(copy.get("article"), f"k{n}")
            text = f'<q dir="auto">{e(short(str(copy.get("text") or ""), 240))}</q>'
            rows.append(
                (_bdi(copy_sentence(self.ix, copy), 120), e(copy.get("words")), e(copy.get("direction")))
                + (f'<a href="#{target}">{text}</a>' if target in self.anchors else text,)
            )
        return _table(("who", "words", "direction", "passage"), rows)

    def entities(self) -> str:
        rows = [
            (_bdi(ent.get("key")), e(ent.get("label")), _bdi(" / ".join(map(str, ent.get("names") or []))))
            + ("، ".join(self.outlet(a) for a in ent.get("articles") or []),)
            for ent in self.ix.items("entities")
            if ent.get("single_source")
        ]
        return _table(("entity", "label", "spellings", "named by"), rows)

    def digest(self) -> str:
        digest = self.ix.dict_value("digest")
        statuses = {str(g.get("id")): str(g.get("status")) for g in self.ix.items("groups")}
        summary = "".join(
            f"<li>{e(s.get('text'))} — {self.outlet(s.get('article'))} "
            f"<small>{e(', '.join(statuses.get(str(g), str(g)) for g in s.get('groups') or []))}</small></li>"
            for s in items_of(digest, "summary")
        )
        ents = "".join(
            f"<li>{_bdi(x.get('name') or x.get('key'))} ({e(x.get('label'))}, {e(x.get('sources'))})</li>"
            for x in items_of(digest, "entities")
        )
        rows = [
            (_bdi(t.get("date")), f'<q dir="auto">{e(t.get("text"))}</q>', self.outlet(t.get("article")))
            + (f'<span class="claim {_status_class(t.get("status"))}">{e(t.get("status"))}</span>',)
            for t in items_of(digest, "timeline")
        ]
        return (
            f"<h3>ملخص <bdi>Summary</bdi></h3><ul>{summary}</ul>"
            f"<h3>أبرز الأسماء <bdi>Key entities</bdi></h3><ul>{ents}</ul>"
            f"<h3>التسلسل الزمني <bdi>Timeline</bdi></h3>"
            + _table(("date", "what", "outlet", "status"), rows)
        )


def _header(ix: ComparisonIndex) -> str:
    counts = ix.status_counts()
    groups = " · ".join(
        f'<span class="claim {_status_class(s)}">{e(s)}: {n}</span>' for s, n in counts.items()
    )
    notes = "".join(f"<li>{e(n)}</li>" for n in ix.data.get("notes") or [])
    return (
        f'<header><h1>مقارنة التغطيات <bdi>isnad comparison</bdi></h1><p class="key">'
        f"<bdi>{plural(len(ix.items('articles')), 'article')} · "
        f"{plural(len(ix.items('stories')), 'story', 'stories')} · "
        f"{plural(ix.independent_sources(), 'independent source')}</bdi> — {groups}</p>"
        + (f"<ul>{notes}</ul>" if notes else "")
        + "</header>"
    )


def _column(ix: ComparisonIndex, article: Item, texts: Mapping[str, str], marks: Marks) -> str:
    aid = str(article.get("id"))
    meta = " · ".join(
        _bdi(article.get(k), 120) for k in ("title", "published", "story", "source") if article.get(k)
    )
    if aid in texts:
        body = f'<div class="text" lang="ar">{markup(texts[aid], marks.by_article.get(aid, []))}</div>'
    else:
        body = '<p class="none">original text not given: nothing to highlight</p>'
        marks.problems.append(f"no original text for article {ix.outlet(aid)} ({aid})")
    return (
        f'<section class="article" id="{column_id(aid)}"><h3>{_bdi(ix.outlet(aid), 80)}</h3>'
        f'<p class="meta">{meta} <bdi class="id">{e(aid)}</bdi></p>{body}</section>'
    )


_LEGEND = (
    '<p class="key"><span class="st-conflict">تعارض conflict</span><span class="st-corroborated">'
    'مؤكَّد corroborated</span><span class="st-single-source">مصدر واحد single-source</span>'
    '<span class="st-update">تحديث update</span><span class="quote">اقتباس quote</span>'
    '<span class="copy">نص منقول copied</span></p>'
)


def render_html(comparison: Mapping[str, Any], texts: Mapping[str, str]) -> str:
    """One offline HTML file: findings (conflicts first), then every article with its spans highlighted."""
    ix = ComparisonIndex.build(comparison)
    marks = Marks(ix, texts)
    b = _Html(ix, marks.anchors)
    builders = (b.conflicts, b.updates, b.corroborated, b.single, b.variants, b.copies, b.entities, b.digest)
    sections = "".join(
        f'<section id="{sid}"><h2>{_AR_TITLES[sid]} <bdi lang="en">{e(title)}</bdi></h2>{build()}</section>'
        for (sid, title), build in zip(SECTIONS, builders, strict=True)
    )
    columns = "".join(_column(ix, a, texts, marks) for a in ix.items("articles"))
    errors = [
        f"{x.get('code')} {x.get('source') or x.get('input')}: {x.get('detail')}" for x in ix.items("errors")
    ]
    problems = "".join(f"<li>{e(p)}</li>" for p in [*marks.problems, *errors])
    return (
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>isnad comparison</title><style>{_CSS}</style></head><body>{_header(ix)}{sections}"
        f'<section id="articles"><h2>المقالات جنباً إلى جنب <bdi lang="en">Articles side by side</bdi></h2>'
        f'{_LEGEND}<div class="columns">{columns}</div></section>'
        + (
            f'<section id="problems" class="problems"><h2>ملاحظات <bdi lang="en">Problems</bdi></h2>'
            f"<ul>{problems}</ul></section>"
            if problems
            else ""
        )
        + "</body></html>\n"
    )
