"""One key per entity: "أبو بكر البغدادي", "البغدادي" and "للبغدادي" are the same person.

Mentions are compared in a folded form (matching-view spelling, clitics and leading titles removed,
"أبو بكر"/"أبوبكر" joined). A shorter mention joins a longer one of the same label when its words
occur in it (a family name, or the head of an organisation's name), preferring the nearest earlier
mention of the same document, so keys hold within an article and across the articles of a story.
Explicit alias sentences ("واسمه الحقيقي …", "المعروف باسم …") join two names outright, and a bare
title ("زعيم التنظيم") joins the last name introduced with the same title word.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from isnad.extract import speech as sp
from isnad.model import Document
from isnad.text.normalize import ARABIC_LETTERS, fold


@dataclass(frozen=True, slots=True)
class Mention:
    """A mention to key: its text, entity label, document, original offset and accompanying title."""

    text: str
    label: str = "PER"
    doc: str = ""
    start: int = -1
    title: str = ""  # the title said with it ("زعيم التنظيم" before "أبو بكر البغدادي")
    named: bool = True  # False when the mention is only a description/title
    alias: bool = False  # another name for a mention (never the canonical form when that is known)


_WORD = re.compile(f"[{ARABIC_LETTERS}]+|[0-9A-Za-z]+")
_JOIN_NEXT = frozenset({"ابو", "ابي", "ابا", "عبد", "ام"})
_CLITIC_AL = ("وال", "فال", "بال", "كال")
_PROCLITICS = frozenset("لوبف")
_ALIAS = re.compile(
    r"(?:و?اسم(?:ه|ها) الحقيقي|(?:المعروف|الملقب|المكني|الشهير|الملقبه|المعروفه|الشهيره)\s+(?:باسم\s+|ب\s*)"
    r"|ويدعي\s+|المدعو\s+)\s*"
)


def words_of(text: str, strip_titles: bool = True) -> tuple[str, ...]:
    """Folded comparison words: clitic ال kept, leading titles dropped, kunya joined (ابو بكر -> ابوبكر)."""
    raw = [_strip_clitic(w) for w in _WORD.findall(fold(text))]
    while strip_titles and len(raw) > 1 and raw[0] in sp.TITLES:
        raw.pop(0)
    out: list[str] = []
    i = 0
    while i < len(raw):
        if raw[i] in _JOIN_NEXT and i + 1 < len(raw):
            out.append(raw[i] + raw[i + 1])
            i += 2
        else:
            out.append(raw[i])
            i += 1
    return tuple(out)


def _strip_clitic(w: str) -> str:
    if w[:1] in _PROCLITICS and w[1:] in _JOIN_NEXT:
        return w[1:]  # "لأبو بكر" -> "ابو بكر"
    if w.startswith(_CLITIC_AL) and len(w) > 5:
        return w[1:]
    if w.startswith("لل") and len(w) > 4:
        return "ا" + w[1:]
    return w


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def assign_keys(mentions: Sequence[Mention], aliases: Sequence[tuple[int, int]] = ()) -> list[str]:
    """A key per mention ("PER:ابوبكر البغدادي"); `aliases` are index pairs known to co-refer."""
    plain = [frozenset(words_of(m.text)) for m in mentions]
    said: Counter[str] = Counter(w for words in plain for w in words)
    forms = [_strip_prefix_clitic(words_of(m.text, m.named), said, plain[i]) for i, m in enumerate(mentions)]
    uf = _Union(len(mentions))
    by_form: dict[tuple[str, tuple[str, ...]], int] = {}
    for i, m in enumerate(mentions):
        if forms[i]:
            uf.join(by_form.setdefault((m.label, forms[i]), i), i)
    for a, b in aliases:
        uf.join(a, b)
    _link_shorter(mentions, forms, uf)
    _link_titles(mentions, uf)
    return _keys(mentions, forms, uf)


def _strip_prefix_clitic(form: tuple[str, ...], said: Counter[str], own: frozenset[str]) -> tuple[str, ...]:
    """ "لابوبكر" -> "ابوبكر" only when the unprefixed word is what other mentions say (`said` counts the
    mentions using each word; `own` is this mention's words, so it does not count itself)."""
    if not form or form[0][:1] not in ("ل", "و", "ب", "ف") or len(form[0]) < 4:
        return form
    rest = form[0][1:]
    if said[rest] - (rest in own) > 0:
        return (rest, *form[1:])
    return form


def _link_shorter(mentions: Sequence[Mention], forms: list[tuple[str, ...]], uf: _Union) -> None:
    """Join each mention to the nearest longer mention of its label that contains its words."""
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, f in enumerate(forms):
        for w in set(f):
            index[(mentions[i].label, w)].append(i)
    for i, f in enumerate(forms):
        if not f:
            continue
        label, named = mentions[i].label, mentions[i].named
        cands = [
            j
            for j in index[(label, f[0])]
            if len(forms[j]) > len(f) and (named or mentions[j].named) and _contains(forms[j], f, label)
        ]
        if cands:
            uf.join(_nearest(mentions, i, cands), i)


def _contains(long: tuple[str, ...], short: tuple[str, ...], label: str) -> bool:
    """Person: the words occur in order (البغدادي in ابوبكر البغدادي); others: a leading run of 2+."""
    n = len(short)
    if label != "PER":
        return n >= 2 and long[:n] == short
    return any(long[k : k + n] == short for k in range(len(long) - n + 1))


def _nearest(mentions: Sequence[Mention], i: int, cands: list[int]) -> int:
    """Prefer the latest earlier mention of the same document, else the first mention anywhere."""
    me = mentions[i]
    same = [j for j in cands if mentions[j].doc == me.doc and mentions[j].start <= me.start]
    if same:
        return max(same, key=lambda j: mentions[j].start)
    return min(cands)


def _head(title: str) -> str:
    words = _WORD.findall(fold(title))
    return words[0].removeprefix("ال") if words else ""


def _link_titles(mentions: Sequence[Mention], uf: _Union) -> None:
    """A bare title ("زعيم التنظيم") joins the last name of its document said with that title word."""
    for i, m in enumerate(mentions):
        if m.named:
            continue
        head = _head(m.title or m.text)
        titled = [
            j
            for j, o in enumerate(mentions)
            if o.named and o.title and o.doc == m.doc and o.start <= m.start and _head(o.title) == head
        ]
        if head and titled:
            uf.join(max(titled, key=lambda j: mentions[j].start), i)


def _keys(mentions: Sequence[Mention], forms: list[tuple[str, ...]], uf: _Union) -> list[str]:
    best: dict[int, int] = {}
    for i in range(len(mentions)):
        r = uf.find(i)
        cur = best.get(r)
        if cur is None or _rank(mentions, forms, i) > _rank(mentions, forms, cur):
            best[r] = i
    out = []
    for i in range(len(mentions)):
        j = best[uf.find(i)]
        out.append(f"{mentions[j].label}:{' '.join(forms[j]) or fold(mentions[j].text)}")
    return out


def _rank(mentions: Sequence[Mention], forms: list[tuple[str, ...]], i: int) -> tuple[int, int, int, int]:
    """Canonical mention of a group: a name over a title or alias, then the longest, then the earliest."""
    m = mentions[i]
    return (int(m.named), int(not m.alias), len(forms[i]), -i)


def find_aliases(doc: Document, mentions: Sequence[Mention]) -> list[tuple[int, Mention]]:
    """Alias sentences: (index of the named mention, the alias) for "X … واسمه الحقيقي Y" and kin."""
    view = doc.matching
    out: list[tuple[int, Mention]] = []
    for m in _ALIAS.finditer(view.text):
        words = _alias_words(view.text, m.end())
        if words is None:
            continue
        a, b = view.original_span(*words)
        cue = view.original_span(m.start(), m.end())[0]
        owner = _owner(mentions, doc.article.id, cue)
        if owner is not None:
            alias = Mention(doc.text[a:b], mentions[owner].label, mentions[owner].doc, a, alias=True)
            out.append((owner, alias))
    return out


_NAME_WORD = re.compile(f"[{ARABIC_LETTERS}]+")


def _alias_words(text: str, pos: int) -> tuple[int, int] | None:
    """Up to three words of a name at `pos`, ending at its first definite word (a family name)."""
    end = pos
    count = 0
    for m in _NAME_WORD.finditer(text, pos, min(len(text), pos + 80)):
        gap = text[end : m.start()]
        if count and gap.strip():
            break
        w = m.group()
        if w in sp.PREPOSITIONS or w in sp.RELATIVES:
            break
        end, count = m.end(), count + 1
        if count == 3 or (count > 1 and w.startswith("ال")):
            break
    return (pos, end) if count else None


def _owner(mentions: Sequence[Mention], doc: str, cue: int) -> int | None:
    """The mention closest before an alias cue, within a short distance in the same document."""
    best = None
    for i, m in enumerate(mentions):
        near = m.doc == doc and m.named and 0 <= cue - (m.start + len(m.text)) <= 40
        if near and (best is None or m.start > mentions[best].start):
            best = i
    return best
