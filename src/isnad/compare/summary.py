"""The story at a glance: who is named by whom, the corroborated core in a few sentences, and a timeline.

The digest is extractive (sentences as written, with their spans): one sentence per corroborated claim
group, taken from the earliest report, skipping sentences that repeat one already chosen. The timeline
lists each dated claim group once, in calendar order where the dates allow.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from isnad.compare.align import ClaimRef
from isnad.extract.topic import overlap, signature
from isnad.model import Document, Span

MAX_SUMMARY = 6
MAX_ENTITIES = 8
_REPEAT = 0.6  # signature overlap above which a sentence says again what a chosen one said


def entity_table(docs: Sequence[Document], source_of: Mapping[int, str]) -> list[dict[str, Any]]:
    """One row per story-wide entity key: spellings, articles, independent sources, alias merges."""
    rows: dict[str, dict[str, Any]] = {}
    normalized: dict[str, set[str]] = defaultdict(set)
    srcs: dict[str, set[str]] = defaultdict(set)
    for i, doc in enumerate(docs):
        for e in doc.layer("entities"):
            key = str(e.attributes.get("key"))
            row = rows.setdefault(key, {"key": key, "label": e.label, "names": [], "articles": []})
            if e.text not in row["names"]:
                row["names"].append(e.text)
            if doc.article.id not in row["articles"]:
                row["articles"].append(doc.article.id)
            normalized[key].add(str(e.attributes.get("normalized") or e.text))
            srcs[key].add(source_of[i])
    story_sources = len(set(source_of.values()))
    out = []
    for key, row in rows.items():
        spellings = sorted(normalized[key], key=len, reverse=True)
        n = len(srcs[key])
        out.append(
            row
            | {
                "sources": n,
                "single_source": n == 1 and story_sources > 1,
                "aliases": spellings[1:] if len(spellings) > 1 else [],
            }
        )
    return out


def digest(
    docs: Sequence[Document],
    refs: Sequence[ClaimRef],
    group_of: Mapping[int, str],
    statuses: Mapping[int, str],
    source_of: Mapping[int, str],
) -> dict[str, Any]:
    """Summary sentences of the corroborated core, key entities and the dated events."""
    return {
        "summary": _summary(docs, refs, group_of, statuses),
        "entities": _key_entities(docs, source_of),
        "timeline": _timeline(docs, refs, group_of, statuses),
    }


def _summary(
    docs: Sequence[Document],
    refs: Sequence[ClaimRef],
    group_of: Mapping[int, str],
    statuses: Mapping[int, str],
) -> list[dict[str, Any]]:
    order = sorted(range(len(docs)), key=lambda i: (_when(docs[i]), i))
    rank = {doc_index: r for r, doc_index in enumerate(order)}
    chosen: dict[tuple[int, int], dict[str, Any]] = {}
    signatures: list[list[str]] = []
    by_group: dict[str, list[int]] = defaultdict(list)
    for i in range(len(refs)):
        if statuses[i] == "corroborated":
            by_group[group_of[i]].append(i)
    for gid, members in by_group.items():
        best = min(members, key=lambda i: (rank[refs[i].doc], refs[i].span.start))
        doc = docs[refs[best].doc]
        sentence = _sentence(doc, refs[best].span)
        key = (refs[best].doc, sentence.start)
        if key in chosen:
            chosen[key]["groups"].append(gid)
            continue
        sig = signature(doc.matching.text[_view(doc, sentence.start) : _view(doc, sentence.end)])
        if any(overlap(sig, s) >= _REPEAT for s in signatures):
            continue
        signatures.append(sig)
        chosen[key] = {
            "article": doc.article.id,
            "start": sentence.start,
            "end": sentence.end,
            "text": sentence.text,
            "groups": [gid],
        }
    picked = sorted(chosen.items(), key=lambda kv: (rank[kv[0][0]], kv[0][1]))
    return [row for _, row in picked[:MAX_SUMMARY]]


def _sentence(doc: Document, span: Span) -> Span:
    for s in doc.sentences:
        if s.start <= span.start < s.end:
            return s
    return span


def _view(doc: Document, pos: int) -> int:
    return doc.matching.offsets.to_view(pos)


def _when(doc: Document) -> float:
    p = doc.article.published
    return p.timestamp() if p is not None else float("inf")


def _key_entities(docs: Sequence[Document], source_of: Mapping[int, str]) -> list[dict[str, Any]]:
    """Most widely named people, places and organisations, each under its commonest spelling."""
    counts: Counter[str] = Counter()
    sources: dict[str, set[str]] = defaultdict(set)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    labels: dict[str, str] = {}
    for i, doc in enumerate(docs):
        for e in doc.layer("entities"):
            key = str(e.attributes.get("key"))
            if e.label == "MISC":
                continue
            counts[key] += 1
            sources[key].add(source_of[i])
            spellings[key][e.text] += 1
            labels[key] = e.label
    ranked = sorted(counts, key=lambda k: (-len(sources[k]), -counts[k], k))
    return [
        {"key": k, "label": labels[k], "name": spellings[k].most_common(1)[0][0], "sources": len(sources[k])}
        for k in ranked[:MAX_ENTITIES]
    ]


def _timeline(
    docs: Sequence[Document],
    refs: Sequence[ClaimRef],
    group_of: Mapping[int, str],
    statuses: Mapping[int, str],
) -> list[dict[str, Any]]:
    seen: set[str] = set()
    rows = []
    for i, ref in enumerate(refs):
        if ref.kind not in ("date", "weekday") or group_of[i] in seen:
            continue
        date = _date_label(ref.attrs)
        if date is None:
            continue
        seen.add(group_of[i])
        rows.append(
            {
                "date": date,
                "text": ref.span.text,
                "article": docs[ref.doc].article.id,
                "start": ref.span.start,
                "end": ref.span.end,
                "group": group_of[i],
                "status": statuses[i],
            }
        )
    return sorted(rows, key=lambda r: _sortable(r["date"]))


def _date_label(attrs: Mapping[str, Any]) -> str | None:
    value = attrs.get("value")
    if isinstance(value, str) and not value.startswith("P"):
        return value
    weekday = attrs.get("weekday")
    return f"weekday:{weekday}" if isinstance(weekday, int) else None


def _sortable(date: str) -> tuple[int, str]:
    if date.startswith("weekday:"):
        return (2, date)
    if date.startswith("--"):
        return (1, date)
    return (0, date)
