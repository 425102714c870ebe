"""Quotes with their speaker, stance and attribution chain (outlet -> agency/medium -> channel -> speaker).

A quote is anchored on a reporting verb from the lexicon (`speech.VERBS`). Its clause is the first of:
a colon, an opening quote mark, a complementiser (إن/أن/بأن), or for calls إلى/بـ/لـ, found within a
short window after the verb; a quote mark right before the verb (`«…»، قال الوزير`) also counts. The
words between verb and clause name the speaker, addressee and channel (`attribution`); the sentence's
"according to" phrases name the cited media. A verb without a subject reuses the last speaker
(continuations such as وأضاف are marked as such). Speakers get entity keys (`keys`).

Everything runs on the tokens of the matching view and maps back to the original; each verb looks
at a bounded window and verbs inside an already-found quote are skipped, so time stays linear.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from isnad.extract import attribution as at
from isnad.extract import speech as sp
from isnad.extract.keys import Mention, assign_keys, find_aliases, words_of
from isnad.model import Document, Span
from isnad.text.segment import sentences

WINDOW = 30  # tokens between a reporting verb and the start of its clause
_PER = frozenset({"PER", "PERS", "PERSON"})
_ORG = frozenset({"ORG", "ORGANIZATION", "NORP"})
_Range = tuple[int, int]


@dataclass(slots=True)
class _Hit:
    """A verb with its clause: complement token, form and content (view chars)."""

    v: int
    c: int
    form: str
    a: int
    b: int
    claim: int


@dataclass(slots=True)
class _Quote:
    """A quote before keys are assigned; ranges are ORIGINAL offsets."""

    hit: _Hit
    verb: sp.Verb
    content: _Range
    verb_span: _Range
    speaker: _Range | None
    speaker_kind: str
    title: _Range | None = None
    alias: _Range | None = None
    addressee: _Range | None = None
    links: list[tuple[str, int, int]] = field(default_factory=list)
    antecedent: int | None = None


def find_quotes(doc: Document, entities: Sequence[Span] = ()) -> list[Span]:
    """Direct, indirect and continued quotes of `doc`, each with verb, stance, speaker and chain."""
    t = _tokens(doc)
    ents = _entity_ranges(doc, entities)
    opens = {c: o for o, c in t.close_of.items()}
    sources: dict[int, list[tuple[str, int, int]]] = {}
    found: list[_Quote] = []
    claimed = 0
    verbs = sp.VERBS
    for v in [i for i, w in enumerate(t.words) if w in verbs]:
        verb = verbs[t.words[v]]
        if v < claimed:
            continue
        hit = _locate(t, v, verb, claimed, opens)
        if hit is None:
            continue
        claimed = hit.claim
        found.append(_describe(doc, t, hit, verb, ents, found, sources))
    return _to_spans(doc, found, entities)


def _tokens(doc: Document) -> at.Toks:
    sents = doc.sentences or tuple(sentences(doc.clean))
    to_view = doc.matching.offsets.to_view
    return at.tokenize(doc.matching.text, sorted(to_view(s.start) for s in sents) or [0])


def _entity_ranges(doc: Document, entities: Sequence[Span]) -> list[tuple[int, int, Span]]:
    to_view = doc.matching.offsets.to_view
    out = [(to_view(e.start), to_view(e.end), e) for e in entities if e.label in _PER | _ORG]
    return sorted(out, key=lambda x: x[0])


def _locate(t: at.Toks, v: int, verb: sp.Verb, claimed: int, opens: dict[int, int]) -> _Hit | None:
    if verb.initial_only and not (v == t.bounds[t.sent_of[v]][0] or t.words[v][0] in "وف"):
        return None
    if _cites(t, v):
        return None
    comp = _complement(t, v, verb)
    if comp is None:
        return _postposed(t, v, claimed, opens)
    return _content(t, v, *comp)


def _cites(t: at.Toks, v: int) -> bool:
    """ "حسب ما نقلت وكالة …": the verb names a cited medium, not a new quote."""
    k = v - 1
    if k >= 0 and t.words[k] == "ما":
        k -= 1
    return k >= 0 and t.words[k] in sp.SOURCE_PREPS


def _complement(t: at.Toks, v: int, verb: sp.Verb) -> tuple[str, int] | None:
    """The token where the reported words begin, and how ("colon", "quote", "that", "to", "prep")."""
    words = t.words
    limit = min(t.bounds[t.sent_of[v]][1], v + WINDOW)
    call = verb.stance == "call"
    j = v + 1
    while j < limit:
        w = words[j]
        if w == ":":
            return "colon", j
        if w in sp.OPEN_QUOTES and w != "»":
            if _real_quote(t, v, j):
                return "quote", j
            j = t.close_of.get(j, j) + 1
            continue
        if w in sp.THAT or (verb.role == "about" and w in sp.ABOUT) or (call and w in sp.TO):
            return ("that" if w in sp.THAT else "to"), j
        if call and j > v + 1 and _prep_complement(w):
            return "prep", j
        if w in sp.TERMINATORS or (j > v + 1 and w[0] in "وف" and w in sp.VERBS and w[1:] in sp.VERBS):
            return None  # the sentence ends, or a new reporting clause starts, before any complement
        j += 1
    return None


def _real_quote(t: at.Toks, v: int, j: int) -> bool:
    """A quote mark opens reported words (not scare quotes around a name) when it follows the verb
    directly, is unbalanced, holds three or more words, or ends the sentence."""
    close = t.close_of.get(j)
    if j == v + 1 or close is None or close - j > 3:
        return True
    after = t.words[close + 1] if close + 1 < len(t.words) else "."
    return after in sp.TERMINATORS or t.sent_of[min(close + 1, len(t.words) - 1)] != t.sent_of[j]


def _prep_complement(w: str) -> bool:
    """بـ/لـ + verbal noun after a call verb ("طالب بالإفراج", "دعا لغزو")."""
    if len(w) < 4:
        return False
    return (w[0] == "ب" and w not in sp.B_WORDS and w not in sp.PREPOSITIONS) or at.l_word(w)


def _content(t: at.Toks, v: int, kind: str, j: int) -> _Hit | None:
    b = t.bounds[t.sent_of[j]][1]
    if kind == "colon":
        if j + 1 < len(t.words) and t.words[j + 1] in sp.OPEN_QUOTES and j + 1 in t.close_of:
            kind, j = "quote", j + 1
        else:
            return _clause(t, v, j, j + 1, b, "direct")
    if kind == "quote":
        close = t.close_of.get(j)
        if close is not None:
            return _trimmed(t, _Hit(v, j, "direct", t.ends[j], t.starts[close], close + 1))
        return _clause(t, v, j, j + 1, b, "direct")  # unbalanced: up to the end of the sentence
    if kind == "that":
        return _clause(t, v, j, j if t.words[j] not in sp.THAT_BARE else j + 1, b, "indirect")
    if kind == "prep":
        return _clause(t, v, j, j, b, "indirect", skip=1)
    return _clause(t, v, j, j + 1, b, "indirect")


def _clause(t: at.Toks, v: int, c: int, first: int, b: int, form: str, skip: int = 0) -> _Hit | None:
    end = _clause_end(t, first, b)
    while end > first and (t.words[end - 1] in sp.TERMINATORS or t.words[end - 1] in ",;"):
        end -= 1
    if end <= first:
        return None
    return _trimmed(t, _Hit(v, c, form, t.starts[first] + skip, t.ends[end - 1], end))


def _clause_end(t: at.Toks, i: int, b: int) -> int:
    """A reported clause runs to the sentence end, or to ", وأضاف …" / ", بحسب …" before it."""
    words = t.words
    j = i
    while j < b:
        w = words[j]
        close = t.close_of.get(j)
        if close is not None:
            b = max(b, t.bounds[t.sent_of[close]][1])  # a quotation may run over a full stop
            j = close + 1
            continue
        if j > i and w in sp.VERBS and (words[j - 1] == "," or (w[0] in "وف" and w[1:] in sp.VERBS)):
            return j - 1 if words[j - 1] == "," else j
        if j > i and w in sp.SOURCE_PREPS and words[j - 1] == ",":
            return j - 1
        j += 1
    return b


def _trimmed(t: at.Toks, hit: _Hit) -> _Hit | None:
    text = t.text
    a, b = hit.a, hit.b
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a >= b:
        return None
    hit.a, hit.b = a, b
    return hit


def _postposed(t: at.Toks, v: int, claimed: int, opens: dict[int, int]) -> _Hit | None:
    """«…»، قال الوزير: the quotation before the verb."""
    k = v - 1
    if k >= 0 and t.words[k] == ",":
        k -= 1
    o = opens.get(k) if k >= 0 else None
    if o is None or o < claimed:
        return None
    end = t.bounds[t.sent_of[v]][1]
    return _trimmed(t, _Hit(v, end, "direct", t.ends[o], t.starts[k], v + 1))


def _describe(
    doc: Document,
    t: at.Toks,
    hit: _Hit,
    verb: sp.Verb,
    ents: list[tuple[int, int, Span]],
    found: list[_Quote],
    sources: dict[int, list[tuple[str, int, int]]],
) -> _Quote:
    """Speaker, title, alias, addressee and chain links of one located quote."""
    who = at.parse_middle(t, hit.v, hit.c, verb)
    subject, alias = who.subject, who.alias
    sa = t.bounds[t.sent_of[hit.v]][0]
    w = t.words[hit.v]
    if subject is None and not who.implicit and not (w[0] in "وف" and w[1:] in sp.VERBS):
        subject, pre_alias = at.preverb_subject(t, hit.v, sa)
        alias = alias or pre_alias
    q = _Quote(
        hit, verb, _orig(doc, hit.a, hit.b), _orig(doc, t.starts[hit.v], t.ends[hit.v]), None, "implicit"
    )
    if subject is not None:
        _set_speaker(doc, t, q, subject, ents)
    if who.appositive is not None and q.title is None:
        q.title = _tok_orig(doc, t, who.appositive)
    q.alias = _tok_orig(doc, t, alias) if alias else None
    if who.addressee is not None:
        skip = 1 if at.l_word(t.words[who.addressee[0]]) else 0
        q.addressee = _tok_orig(doc, t, who.addressee, skip)
    if q.speaker is None or q.speaker_kind == "pronoun":
        q.antecedent = _antecedent(found)
    q.links = _links(doc, t, q, who, sources)
    if q.antecedent is not None and not q.links:
        q.links = list(found[q.antecedent].links)  # the same recording or report goes on
    return q


def _orig(doc: Document, a: int, b: int) -> _Range:
    return doc.matching.original_span(a, b)


def _tok_orig(doc: Document, t: at.Toks, r: _Range, skip: int = 0) -> _Range:
    return _orig(doc, t.starts[r[0]] + skip, t.ends[r[1] - 1])


def _set_speaker(doc: Document, t: at.Toks, q: _Quote, r: _Range, ents: list[tuple[int, int, Span]]) -> None:
    """Prefer an NER entity inside the subject phrase (a person over an organisation: in "زعيم التنظيم
    أبو بكر …" or "المتحدث باسم الوزارة فلان" the organisation belongs to the title); else split the
    phrase into title and name."""
    a, b = t.starts[r[0]], t.ends[r[1] - 1]
    k = bisect_left(ents, a, key=lambda e: e[1] - 1)
    inside = []
    while k < len(ents) and ents[k][0] < b:
        inside.append(ents[k])
        k += 1
    if inside:
        start, _, e = next((x for x in inside if x[2].label in _PER), inside[0])
        q.speaker, q.speaker_kind = (e.start, e.end), ("named" if e.label in _PER else "organisation")
        if start > a:
            q.title = _orig(doc, a, start - 1)
        return
    kind = at.classify(t, *r)
    if kind == "title" and t.words[r[0]] in sp.TITLES:
        title, name = at.split_title(t, *r)
        if name is not None and title is not None:
            q.speaker, q.speaker_kind, q.title = _tok_orig(doc, t, name), "named", _tok_orig(doc, t, title)
            return
    q.speaker, q.speaker_kind = _tok_orig(doc, t, r), kind


def _antecedent(found: list[_Quote]) -> int | None:
    """The quote whose speaker an unnamed verb continues: the last one with a speaker."""
    if not found:
        return None
    last = found[-1]
    if last.antecedent is not None:
        return last.antecedent
    return len(found) - 1 if last.speaker is not None else None


def _links(
    doc: Document, t: at.Toks, q: _Quote, who: at.Who, sources: dict[int, list[tuple[str, int, int]]]
) -> list[tuple[str, int, int]]:
    """Cited media of the sentence (outside the quote itself), the relaying medium, then the channel."""
    s = t.sent_of[q.hit.v]
    if s not in sources:
        sources[s] = [
            (role, *_tok_orig(doc, t, (p, e), skip)) for role, p, skip, e in at.source_links(t, *t.bounds[s])
        ]
    a, b = q.content
    links = [link for link in sources[s] if not a <= link[1] < b]
    if who.relay is not None:
        role, p, skip, e = who.relay
        links.append((role, *_tok_orig(doc, t, (p, e), skip)))
    if who.channel is not None:
        links.append(("channel", *_tok_orig(doc, t, who.channel)))
    return links


def _to_spans(doc: Document, found: list[_Quote], entities: Sequence[Span]) -> list[Span]:
    keys = _speaker_keys(doc, found, entities)
    text = doc.text
    outlet = doc.article.outlet
    spans = []
    for q in found:
        root = q if q.speaker is not None and q.speaker_kind != "pronoun" else None
        if root is None and q.antecedent is not None:
            root = found[q.antecedent]
        speaker = _speaker_json(text, q, root, keys.get(id(root)) if root else None)
        chain: list[dict[str, Any]] = []
        if outlet:
            chain.append({"role": "outlet", "start": None, "end": None, "text": outlet})
        chain += [_part(text, (s, e)) | {"role": role} for role, s, e in q.links]
        if speaker["start"] is not None:
            chain.append({"role": "speaker"} | {k: speaker[k] for k in ("start", "end", "text")})
        a, b = q.content
        attrs = {
            "kind": "continuation" if q.verb.role == "continue" else q.hit.form,
            "form": q.hit.form,
            "verb": _part(text, q.verb_span) | {"lemma": q.verb.lemma},
            "stance": q.verb.stance,
            "speaker": speaker,
            "addressee": _part(text, q.addressee) if q.addressee else None,
            "chain": chain,
        }
        spans.append(Span(a, b, text[a:b], "quote", attrs))
    return spans


def _part(text: str, r: _Range) -> dict[str, Any]:
    return {"start": r[0], "end": r[1], "text": text[r[0] : r[1]]}


def _speaker_json(text: str, q: _Quote, root: _Quote | None, key: str | None) -> dict[str, Any]:
    if root is None or root.speaker is None:
        return {"start": None, "end": None, "text": None, "kind": "implicit", "key": None, "title": None}
    kind = root.speaker_kind if root is q else ("pronoun" if q.speaker_kind == "pronoun" else "implicit")
    if kind == "title" and key and _joined_to_name(text[slice(*root.speaker)], key):
        kind = "named"  # a bare family name ("الدباغ") that keys joined to a full name
    out = _part(text, root.speaker) | {"kind": kind, "key": key}
    out["title"] = _part(text, root.title) if root.title else None
    return out


def _joined_to_name(text: str, key: str) -> bool:
    form = words_of(text, False)
    return len(form) == 1 and form[0] not in sp.TITLES and key.partition(":")[2] != form[0]


def _speaker_keys(doc: Document, found: list[_Quote], entities: Sequence[Span]) -> dict[int, str]:
    """Entity key of every quote's own speaker (by quote identity), using entities and alias sentences."""
    text, ident = doc.text, doc.article.id
    mentions: list[Mention] = []
    owner: dict[int, int] = {}
    pairs: list[tuple[int, int]] = []
    for q in found:
        if q.speaker is None or q.speaker_kind == "pronoun":
            continue
        label = "ORG" if q.speaker_kind == "organisation" else "PER"
        title = text[q.title[0] : q.title[1]] if q.title else ""
        named = q.speaker_kind in ("named", "organisation")
        s, e = q.speaker
        owner[id(q)] = len(mentions)
        mentions.append(Mention(text[s:e], label, ident, s, title if named else text[s:e], named))
        if q.alias:
            pairs.append((owner[id(q)], len(mentions)))
            mentions.append(Mention(text[q.alias[0] : q.alias[1]], label, ident, q.alias[0], alias=True))
    for ent in entities:
        if ent.label in _PER | _ORG:
            mentions.append(Mention(ent.text, "PER" if ent.label in _PER else "ORG", ident, ent.start))
    for who, alias in find_aliases(doc, mentions):
        pairs.append((who, len(mentions)))
        mentions.append(alias)
    keys = assign_keys(mentions, pairs)
    return {qid: keys[i] for qid, i in owner.items()}
