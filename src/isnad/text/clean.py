"""The clean view: scraping damage repaired, every repair reported, the original never touched.

Each repair is a `Span` into the original (label = kind; attributes["replacement"] = what the clean view
shows instead, plus kind-specific details):
  percent_encoded  URL-encoded tokens ("%d8%a7...") -> removed; attributes["decoded"] holds the text
  boilerplate      read-more/share/follow/rights lines, link lists, outlet signatures -> removed
                   (attributes["reason"] says which)
  html_entity      leftover entities (&amp; &quot; &nbsp; &#1575;) -> the character
  glued_words      "الولاياتالمتحدة" -> "الولايات المتحدة": a space is inserted, both halves keep
                   their one-to-one map (attributes "parts", "reason", "score")
  whitespace       space/tab runs -> " ", trailing blanks -> "", 3+ line breaks -> a blank line,
                   zero-width spaces between words -> " ", blanks left by a removed line -> ""
Removed text wins over any repair inside or overlapping it; the other kinds never overlap.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from isnad.model import Span
from isnad.text.boilerplate import find_boilerplate
from isnad.text.glue import Lexicon, find_glued
from isnad.text.normalize import ARABIC_LETTERS
from isnad.text.offsets import DROP, REPLACE, Edit, OffsetMap, View, apply_edits

KINDS = ("percent_encoded", "boilerplate", "html_entity", "glued_words", "whitespace")

_PERCENT_SEED = re.compile(r"%[0-9A-Fa-f]{2}%[0-9A-Fa-f]{2}%[0-9A-Fa-f]{2}")
_PERCENT = re.compile(r"(?<!\S)\S*?(?:%[0-9A-Fa-f]{2}){3}\S*")
_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SPACELIKE = frozenset("\u00a0\u2002\u2003\u2009\u202f")
_BLANK = " \t\u00a0"
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
_RUN_CHARS = frozenset(_BLANK + _INVISIBLE)
# Every run worth reporting holds one of these (or ends the text): str.find on them is far cheaper
# than a regex scan of the whole article.
_SEEDS = ("  ", "\t", "\u00a0", *_INVISIBLE)  # and a blank before a line break
_PARAGRAPH = re.compile(r"\n(?:[ \t\u00a0]*\r?\n){2,}")
_LETTER = re.compile(f"[{ARABIC_LETTERS}A-Za-z]")

# (span, edits): one reported repair and the view edits that carry it out.
_Repair = tuple[Span, tuple[Edit, ...]]


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The clean view (mapped to the original) and the repairs that produced it."""

    view: View
    repairs: tuple[Span, ...]


def clean(text: str, *, lexicon: Lexicon | None = None, glue: bool = True) -> Cleaned:
    """Repair scraping damage in `text`; the result maps every clean character back to `text`."""
    if not isinstance(text, str):
        raise TypeError(f"clean() needs str, got {type(text).__name__}")
    junk = _junk(text)
    rest = _entities(text) + _whitespace(text)
    if glue:
        rest += _glued(text, lexicon)
    kept = sorted(junk + _outside(rest, junk), key=lambda r: (r[0].start, r[0].end))
    if not kept:
        return Cleaned(View(text, OffsetMap.identity(len(text)), text), ())
    edits = sorted((e for _, es in kept for e in es), key=lambda e: (e.start, e.end))
    view_text, offsets = apply_edits(text, edits)
    return Cleaned(View(view_text, offsets, text), tuple(span for span, _ in kept))


def _repair(text: str, start: int, end: int, kind: str, new: str, **info: Any) -> _Repair:
    span = Span(start, end, text[start:end], kind, {"replacement": new, **info})
    return span, (Edit(start, end, new, REPLACE if new else DROP),)  # removed text belongs to nothing


def _outside(repairs: list[_Repair], junk: list[_Repair]) -> list[_Repair]:
    """Repairs that overlap no removed text."""
    if not junk:
        return repairs
    starts = [s.start for s, _ in junk]
    ends = [s.end for s, _ in junk]
    out = []
    for r in repairs:
        a, b = r[0].start, r[0].end
        k = bisect_right(starts, a) - 1  # the junk starting at or before a, then the one after it
        if (k >= 0 and a < ends[k]) or (k + 1 < len(starts) and starts[k + 1] < b):
            continue
        out.append(r)
    return out


def _junk(text: str) -> list[_Repair]:
    """Boilerplate lines and percent-encoded tokens, plus the blanks that go with what is removed."""
    hits = _percent(text) if "%" in text and _PERCENT_SEED.search(text) else []
    hits += [(a, b, "boilerplate", {"reason": r}) for a, b, r in find_boilerplate(text)]
    if not hits:
        return []
    hits.sort(key=lambda h: (h[0], -h[1]))  # stable: an encoded URL line reports as percent_encoded
    out: list[_Repair] = []
    spans: list[tuple[int, int]] = []
    for a, b, kind, info in hits:
        if spans and a < spans[-1][1]:  # inside something already removed
            continue
        out.append(_repair(text, a, b, kind, "", **info))
        spans.append((a, b))
    for x, y in _union(_junk_blanks(text, spans)):
        out.append(_repair(text, x, y, "whitespace", "", reason="around removed text"))
    return sorted(out, key=lambda r: r[0].start)


def _union(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-empty ranges merged where they overlap (two removals may claim the same blank)."""
    out: list[tuple[int, int]] = []
    for x, y in sorted(r for r in ranges if r[0] < r[1]):
        if out and x <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], y))
        else:
            out.append((x, y))
    return out


def _percent(text: str) -> list[tuple[int, int, str, dict[str, Any]]]:
    """Tokens that are mostly %XX escapes (URL-encoded text pasted as is), with their decoding."""
    out: list[tuple[int, int, str, dict[str, Any]]] = []
    for m in _PERCENT.finditer(text):
        token = m.group()
        if 6 * len(_ESCAPE.findall(token)) < len(token):
            continue  # a few escapes in an ordinary token
        out.append((m.start(), m.end(), "percent_encoded", {"decoded": unquote(token, errors="replace")}))
    return out


def _junk_blanks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Blank ranges to drop with removed text, so no empty line or double space is left behind."""
    out: list[tuple[int, int]] = []
    n = len(text)
    k = 0
    while k < len(spans):
        a, b = spans[k]
        if not _whole_line(text, a, b):
            out.append(_beside(text, a, b))
            k += 1
            continue
        first = a  # a block: whole removed lines with only blanks between them
        while (
            k + 1 < len(spans) and _whole_line(text, *spans[k + 1]) and not text[b : spans[k + 1][0]].strip()
        ):
            out.append((b, spans[k + 1][0]))
            k += 1
            b = spans[k][1]
        after = n - len(text[b:].lstrip())
        if after < n:  # drop the block's own line breaks; the break before it stays
            out += [(len(text[:first].rstrip(_BLANK)), first), (b, after)]
        else:  # nothing follows: the break before the block goes instead
            out += [(len(text[:first].rstrip()), first), (b, n)]
        k += 1
    return out


def _whole_line(text: str, a: int, b: int) -> bool:
    start = text.rfind("\n", 0, a) + 1
    end = text.find("\n", b)
    return not text[start:a].strip() and not text[b : len(text) if end < 0 else end].strip()


def _beside(text: str, a: int, b: int) -> tuple[int, int]:
    """Blanks to drop beside text removed inside a line: after it, or before it at the line's end."""
    after = len(text) - len(text[b:].lstrip(_BLANK))
    if after < len(text) and text[after] not in "\r\n":
        return b, after
    return len(text[:a].rstrip(_BLANK)), a


def _entities(text: str) -> list[_Repair]:
    """HTML entities the extractor left behind, decoded (unknown names stay as they are)."""
    if "&" not in text:
        return []
    out = []
    for m in _ENTITY.finditer(text):
        new = html.unescape(m.group())
        if new != m.group():
            out.append(_repair(text, m.start(), m.end(), "html_entity", " " if new in _SPACELIKE else new))
    return out


def _whitespace(text: str) -> list[_Repair]:
    """Blank runs: 3+ line breaks -> one blank line, trailing blanks -> "", other runs -> one space."""
    out = []
    paragraphs = []
    if "\n\n" in text or "\n " in text or "\n\r" in text or "\n\t" in text:
        for m in _PARAGRAPH.finditer(text):
            a, b = m.span()
            a -= a > 0 and text[a - 1] == "\r"
            paragraphs.append((a, b))
            out.append(_repair(text, a, b, "whitespace", "\n\n", reason="blank lines"))
    for a, b in sorted(_runs(text)):
        if any(x <= a < y or x < b <= y for x, y in paragraphs):
            continue
        kind = _run_kind(text, a, b)
        if kind:
            out.append(
                _repair(text, a, b, "whitespace", "" if kind == "trailing blanks" else " ", reason=kind)
            )
    return out


def _runs(text: str) -> set[tuple[int, int]]:
    """Maximal runs of blanks and invisible marks around every seed (and at the end of the text)."""
    n = len(text)
    ends = [i - 1 - (i > 1 and text[i - 1] == "\r") for i in _find_all(text, "\n")]  # before \n or \r\n
    seeds = [i for i in ends if i >= 0 and text[i] in _RUN_CHARS]
    seeds += [i for s in _SEEDS if s in text for i in _find_all(text, s)]
    if n and text[-1] in _RUN_CHARS:
        seeds.append(n - 1)
    found = set()
    for i in seeds:
        a, b = i, i + 1
        while a > 0 and text[a - 1] in _RUN_CHARS:
            a -= 1
        while b < n and text[b] in _RUN_CHARS:
            b += 1
        found.add((a, b))
    return found


def _find_all(text: str, needle: str) -> list[int]:
    out = []
    i = text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + len(needle))
    return out


def _run_kind(text: str, a: int, b: int) -> str:
    """What a blank run is; "" when it stays (one space or NBSP, marks the normaliser will drop)."""
    run = text[a:b]
    if any(c in _BLANK for c in run):
        if b == len(text) or text[b] in "\r\n":
            return "trailing blanks"
        return "" if run in (" ", "\u00a0") else "repeated blanks"
    between_letters = a > 0 and b < len(text) and _LETTER.match(text, a - 1) and _LETTER.match(text, b)
    if between_letters and any(c in "\u200b\u2060\ufeff" for c in run):
        return "zero-width space between words"
    return ""


def _glued(text: str, lexicon: Lexicon | None) -> list[_Repair]:
    out = []
    for g in find_glued(text, lexicon):
        token = text[g.start : g.end]
        parts = g.split.parts(token)
        info = {
            "replacement": " ".join(parts),
            "parts": parts,
            "reason": g.split.reason,
            "score": g.split.score,
        }
        edits = tuple(Edit(g.start + p, g.start + p, " ", REPLACE) for p in g.split.points)
        out.append((Span(g.start, g.end, token, "glued_words", info), edits))
    return out
