"""Documents -> the `isnad.comparison/1` report: stories, sources, claim groups, conflicts, quote variants.

The steps, per story: key entities across its articles; find shared passages and so the independent
sources; align claims and judge each group; link quote variants. Everything in the result points into
the articles' original texts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from isnad import __version__
from isnad.compare import align, status
from isnad.compare.copies import SharedPassage, shared_passages, sources
from isnad.compare.names import share_places
from isnad.compare.summary import digest, entity_table
from isnad.compare.variants import QuoteRef, find_variants, quote_ref
from isnad.extract.entities import key_story
from isnad.model import Document
from isnad.stories import group_stories

SCHEMA = "isnad.comparison/1"


def compare_documents(docs: Sequence[Document]) -> dict[str, Any]:
    """Compare analysed documents (see `isnad.pipeline.analyze`); split into stories when they are several."""
    unique, notes = _unique(docs)
    stories = group_stories(unique) if unique else []
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "isnad_version": __version__,
        "grouped": len(stories) > 1,
        "notes": notes,
        "stories": [],
        "articles": [],
        "claims": [],
        "groups": [],
        "conflicts": [],
        "updates": [],
        "quotes": [],
        "copies": [],
        "entities": [],
        "repairs": [],
        "digest": {"summary": [], "entities": [], "timeline": []},
        "errors": [],
    }
    if len(unique) < 2:
        out["notes"].append("fewer than two distinct articles: nothing to compare across sources")
    if len(stories) > 1:
        sizes = ", ".join(str(len(s)) for s in stories)
        out["notes"].append(
            f"the {len(unique)} articles are not one story: grouped into {len(stories)} stories "
            f"({sizes} articles) and compared within each"
        )
    for number, members in enumerate(stories, 1):
        _compare_story(f"s{number}", key_story(share_places([unique[i] for i in members])), out)
    return out


def _unique(docs: Sequence[Document]) -> tuple[list[Document], list[str]]:
    seen: set[str] = set()
    out: list[Document] = []
    notes: list[str] = []
    for doc in docs:
        if doc.article.id in seen:
            notes.append(
                f"{doc.article.source}: same text as an earlier input (article {doc.article.id}); read once"
            )
            continue
        seen.add(doc.article.id)
        out.append(doc)
    return out, notes


def _compare_story(story: str, docs: list[Document], out: dict[str, Any]) -> None:
    """Add one story's articles, claims, groups, conflicts, quotes, copies and entities to `out`."""
    passages = shared_passages(docs)
    source_ids = sources(docs, passages)
    source_of = {i: f"{story}-{source_ids[d.article.id]}" for i, d in enumerate(docs)}
    keys = [_story_keys(d) for d in docs]
    refs = align.claim_refs(docs, keys)
    claim_ids = _number(refs, "c", len(out["claims"]))
    links = align.link_claims(refs, {})
    grouped = align.groups_of(refs, links)
    first_group = len(out["groups"])
    group_of: dict[int, str] = {}
    statuses: dict[int, str] = {}
    for k, members in enumerate(grouped):
        gid = f"g{first_group + k + 1}"
        within = set(members)
        inside = [link for link in links if link.a in within and link.b in within]
        verdict = status.judge(members, inside, refs, docs, source_of)
        for i in members:
            group_of[i], statuses[i] = gid, verdict.status
        out["groups"].append(_group_json(gid, story, members, refs, claim_ids, docs, verdict))
        for finding in verdict.findings:
            kind = "conflicts" if finding.kind == "conflict" else "updates"
            out[kind].append(_conflict_json(gid, finding, refs, claim_ids))
    out["stories"].append({"id": story, "articles": [d.article.id for d in docs], "label": _label(docs)})
    for i, doc in enumerate(docs):
        out["articles"].append(_article_json(doc, story, source_of[i]))
        out["repairs"].extend(_repair_json(doc))
    for i, ref in enumerate(refs):
        out["claims"].append(_claim_json(ref, claim_ids[i], docs, story, group_of[i], statuses[i]))
    quotes = _quotes(docs, keys, story, len(out["quotes"]))
    out["quotes"].extend(quotes)
    out["groups"].extend(_statement_groups(quotes, story, source_of, docs, len(out["groups"])))
    out["copies"].extend(_copy_json(p) for p in passages)
    out["entities"].extend(entity_table(docs, source_of))
    _merge_digest(out["digest"], digest(docs, refs, group_of, statuses, source_of))


def _number(refs: Sequence[align.ClaimRef], prefix: str, offset: int) -> list[str]:
    return [f"{prefix}{offset + i + 1}" for i in range(len(refs))]


def _story_keys(doc: Document) -> dict[tuple[int, int], str]:
    """(start, end) of each entity -> its story-wide key."""
    return {(e.start, e.end): str(e.attributes.get("key")) for e in doc.layer("entities")}


def _label(docs: Sequence[Document]) -> str:
    titles = [d.article.title for d in docs if d.article.title]
    if titles:
        return min(titles, key=len)
    first = docs[0].clean.text.strip().split("\n", 1)[0]
    return first[:100]


def _article_json(doc: Document, story: str, source: str) -> dict[str, Any]:
    a = doc.article
    return {
        "id": a.id,
        "outlet": a.outlet,
        "title": a.title,
        "published": status.published_iso(a.published),
        "path": a.source,
        "url": a.url,
        "language": a.language,
        "story": story,
        "source": source,
    }


def _claim_json(
    ref: align.ClaimRef, cid: str, docs: Sequence[Document], story: str, group: str, state: str
) -> dict[str, Any]:
    attrs = ref.attrs
    evidence = attrs.get("evidence")
    attributed = attrs.get("attributed_to")
    return {
        "id": cid,
        "article": docs[ref.doc].article.id,
        "story": story,
        "kind": ref.kind,
        "text": ref.span.text,
        "start": ref.span.start,
        "end": ref.span.end,
        "evidence": dict(evidence) if isinstance(evidence, Mapping) else None,
        "value": attrs.get("value"),
        "low": attrs.get("low"),
        "high": attrs.get("high"),
        "unit": attrs.get("unit"),
        "hedge": attrs.get("hedge"),
        "weekday": attrs.get("weekday"),
        "assertion": attrs.get("status"),
        "attributed_to": dict(attributed) if isinstance(attributed, Mapping) else None,
        "group": group,
        "status": state,
    }


def _group_json(
    gid: str,
    story: str,
    members: Sequence[int],
    refs: Sequence[align.ClaimRef],
    claim_ids: Sequence[str],
    docs: Sequence[Document],
    verdict: status.GroupStatus,
) -> dict[str, Any]:
    first = refs[members[0]]
    articles = list(dict.fromkeys(docs[refs[i].doc].article.id for i in members))
    return {
        "id": gid,
        "story": story,
        "kind": first.kind,
        "status": verdict.status,
        "label": _claim_label(first),
        "claims": [claim_ids[i] for i in members],
        "articles": articles,
        "independent_sources": verdict.independent_sources,
        "explanation": verdict.explanation,
    }


def _claim_label(ref: align.ClaimRef) -> str:
    text = " ".join(ref.span.text.split())
    return text if len(text) <= 90 else text[:89] + "…"


def _conflict_json(
    gid: str, finding: status.Finding, refs: Sequence[align.ClaimRef], claim_ids: Sequence[str]
) -> dict[str, Any]:
    x, y = refs[finding.link.a], refs[finding.link.b]
    return {
        "group": gid,
        "kind": x.kind,
        "claims": [claim_ids[finding.link.a], claim_ids[finding.link.b]],
        "values": [_evidence_text(x), _evidence_text(y)],
        "explanation": finding.explanation,
    }


def _evidence_text(ref: align.ClaimRef) -> str:
    evidence = ref.attrs.get("evidence")
    if isinstance(evidence, Mapping):
        return str(evidence.get("text"))
    return ref.span.text


def _quotes(
    docs: Sequence[Document], keys: Sequence[Mapping[tuple[int, int], str]], story: str, offset: int
) -> list[dict[str, Any]]:
    refs: list[QuoteRef] = []
    for i, doc in enumerate(docs):
        for span in doc.layer("quotes"):
            refs.append(
                quote_ref(f"q{offset + len(refs) + 1}", i, doc, span, _speaker_key(span.attributes, keys[i]))
            )
    records = [_quote_json(q, docs, story) for q in refs]
    for v in find_variants(refs, align.rarity(docs)):
        x, y = refs[v.a], refs[v.b]
        records[v.a]["variants"].append(_variant(y, docs, v.score, v.only_a, v.only_b))
        records[v.b]["variants"].append(_variant(x, docs, v.score, v.only_b, v.only_a))
    return records


def _statement_groups(
    quotes: Sequence[dict[str, Any]],
    story: str,
    source_of: Mapping[int, str],
    docs: Sequence[Document],
    offset: int,
) -> list[dict[str, Any]]:
    """One group per set of linked quote renderings: a statement several sources carry is corroborated."""
    index = {d.article.id: i for i, d in enumerate(docs)}
    by_id = {q["id"]: q for q in quotes}
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    for quote in quotes:
        if quote["id"] in seen or not quote["variants"]:
            continue
        members: list[str] = []
        todo = [quote["id"]]
        while todo:
            qid = todo.pop()
            if qid in seen:
                continue
            seen.add(qid)
            members.append(qid)
            todo += [v["quote"] for v in by_id[qid]["variants"]]
        members.sort(key=lambda q: int(q[1:]))
        articles = list(dict.fromkeys(by_id[q]["article"] for q in members))
        n = len({source_of[index[a]] for a in articles})
        first = by_id[members[0]]
        speaker = (first["speaker"] or {}).get("text")
        text = " ".join(first["text"].split())
        label = (f"{speaker}: " if speaker else "") + (text if len(text) <= 80 else text[:79] + "…")
        status_, why = (
            ("corroborated", f"{n} independent sources carry this statement")
            if n >= 2
            else (
                "single-source",
                "carried only by one source and its copies",
            )
        )
        out.append(
            {
                "id": f"g{offset + len(out) + 1}",
                "story": story,
                "kind": "statement",
                "status": status_,
                "label": label,
                "claims": [],
                "quotes": members,
                "articles": articles,
                "independent_sources": n,
                "explanation": why,
            }
        )
    return out


def _speaker_key(attrs: Mapping[str, Any], keys: Mapping[tuple[int, int], str]) -> str | None:
    speaker = attrs.get("speaker")
    if not isinstance(speaker, Mapping):
        return None
    key = keys.get((speaker.get("start"), speaker.get("end")))  # type: ignore[arg-type]
    found = key or speaker.get("key")
    return str(found) if found else None


def _quote_json(q: QuoteRef, docs: Sequence[Document], story: str) -> dict[str, Any]:
    attrs = q.span.attributes
    speaker = attrs.get("speaker")
    who = None
    if isinstance(speaker, Mapping) and speaker.get("text"):
        who = {k: speaker.get(k) for k in ("text", "start", "end")} | {"key": q.speaker_key}
    return {
        "id": q.id,
        "article": docs[q.doc].article.id,
        "story": story,
        "kind": attrs.get("kind"),
        "text": q.span.text,
        "start": q.span.start,
        "end": q.span.end,
        "speaker": who,
        "stance": attrs.get("stance"),
        "chain": [dict(link) for link in attrs.get("chain") or []],
        "variants": [],
    }


def _variant(
    other: QuoteRef, docs: Sequence[Document], score: float, here: Sequence[str], there: Sequence[str]
) -> dict[str, Any]:
    return {
        "quote": other.id,
        "article": docs[other.doc].article.id,
        "score": score,
        "only_here": list(here),
        "only_there": list(there),
    }


def _copy_json(p: SharedPassage) -> dict[str, Any]:
    return p.to_json()


def _repair_json(doc: Document) -> list[dict[str, Any]]:
    return [
        {
            "article": doc.article.id,
            "start": r.start,
            "end": r.end,
            "text": r.text,
            "kind": r.label,
            "replacement": r.attributes.get("replacement"),
        }
        for r in doc.repairs
    ]


def _merge_digest(into: dict[str, Any], part: Mapping[str, Any]) -> None:
    for key in ("summary", "entities", "timeline"):
        into[key].extend(part[key])
