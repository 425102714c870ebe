"""Arabic paragraph and sentence segmentation, returned as spans into the original text.

Sentences end after . ! ? ؟ … (and runs such as "!?" or ".."), and at paragraph breaks; ":" and "،"
never end one. A terminator inside a balanced quotation («…», "…", “…”, (…)) does not end the
sentence, so a quoted passage that contains full stops stays whole inside the sentence that
introduces it (`وأضاف "لا تفروا. إذ إن ... للنصر."` is one sentence). A terminator right before the
closing mark ends the sentence after that mark. Quotes that do not close within their paragraph or
within MAX_QUOTE characters are ignored, so a stray « never swallows an article.

No split after: a lone letter or dotted initials (د. م. أ.د. ق.م. U.S. J.), common Latin
abbreviations (Dr. Mr. e.g.), a list number opening a sentence or after a colon ("1."), decimals
and URLs (no space after the dot), spelled-out initials glued by dots ("إل.جي"), or an ellipsis
followed by punctuation, lower-case Latin or directly by a letter. Exceptions, from news usage:
م/هـ right after a number is the era of a year ("عام 2015 م.") and does end a sentence; so does a
full stop glued to the next word ("المخيم.وبدأ"), a common scraping artefact.

Paragraphs are separated by line breaks; when the text is hard-wrapped (lines of similar width that
stop mid-sentence) only blank lines separate them.

Everything runs on the given view's text with str.find and character sets (regex character-class
scans cost ~10x more per character); marks and Eastern digits are handled in place, so no
normalised copy is needed. Spans are mapped to the original and trimmed of whitespace.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from isnad.model import Span
from isnad.text.normalize import ARABIC_LETTERS, DIACRITICS, INVISIBLE, TATWEEL
from isnad.text.offsets import View

MAX_QUOTE = 600  # longest quotation (chars) protected from splitting; longer ones are likely unbalanced
_WINDOW = 40  # how far back to look for the word before a full stop
_TERMS = ".!?؟…"
_QUOTES = '«»()"“”'
_CLOSERS = frozenset('"”’»)]}')
_TERM_SET = frozenset(_TERMS + "۔‼⁇⁈⁉")
_RUN_OR_CLOSE = _TERM_SET | _CLOSERS
_SPACES = frozenset(" \n\t\r\xa0")


def _expand(char_class: str, lo: int = 0x0600, hi: int = 0x0700) -> frozenset[str]:
    return frozenset(c for c in map(chr, range(lo, hi)) if re.match(f"[{char_class}]", c))


_LETTERS = _expand(ARABIC_LETTERS)
_MARKS = _expand(DIACRITICS + TATWEEL)
_WORDISH = _LETTERS | _MARKS
# Paragraph and sentence edges skip direction and zero-width marks as well as whitespace.
_BLANK = "".join(
    sorted(
        {c for c in map(chr, range(0x3001)) if c.isspace()} | _expand(INVISIBLE, 0x00A0, 0x2070) | {"\ufeff"}
    )
)
_BLANK_SET = frozenset(_BLANK)
_DIGITS = frozenset("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")
_AFTER_OK = frozenset("«“(")  # besides whitespace and letters, what may follow a sentence end
_ABBREV_WORDS = (
    "dr mr mrs ms prof st sr jr gen col lt capt sgt rev hon gov sen rep pres no nos vs cf eg ie approx "
    "dept est fig inc ltd co corp mt jan feb mar apr jun jul aug sep sept oct nov dec"
)
_LATIN_ABBREV = frozenset(_ABBREV_WORDS.split())
_ERA = frozenset("مه")
_OPEN_CONTEXT = frozenset("([{«:،,;؛—–-/")
_CLOSE_CONTEXT = frozenset(".,،;؛:!?؟…)]}»")
_NO_SPLIT_AFTER_ELLIPSIS = frozenset(",،;؛:)]}»")
_PAIRS = {"«": ("g", True), "»": ("g", False), "(": ("p", True), ")": ("p", False)}
_RARE_BREAKS = ("\r", "\u2028", "\u2029", "\x85")
_STRIP_MARKS = re.compile(f"[{DIACRITICS}{TATWEEL}]+")

Range = tuple[int, int]


def paragraphs(view: View) -> list[Span]:
    """Paragraph spans (label "paragraph", attribute "index") in original coordinates."""
    out: list[Span] = []
    for index, (a, b) in enumerate(_paragraph_ranges(view.text)):
        span = _to_span(view, a, b, "paragraph", MappingProxyType({"index": index}))
        if span is not None:
            out.append(span)
    return out


def sentences(view: View) -> list[Span]:
    """Sentence spans (label "sentence", attribute "paragraph") in original coordinates, sorted."""
    text = view.text
    paras = _paragraph_ranges(text)
    if not paras:
        return []
    terms = _positions(text, _TERMS)
    quotes = _positions(text, _QUOTES)
    original = view.original
    offsets = None if view.offsets.is_identity else view.offsets
    out: list[Span] = []
    last_end = ti = 0
    for index, (ps, pe) in enumerate(paras):
        tj = bisect_left(terms, pe, ti)
        attrs = MappingProxyType({"paragraph": index})
        ranges = _split_paragraph(text, ps, pe, terms[ti:tj], quotes) if tj > ti else ((ps, pe),)
        ti = tj
        for a, b in ranges:
            if offsets is not None:  # inlined _to_span: this loop runs once per sentence
                a, b = offsets.span(a, b)
                a = max(a, last_end)
                if a < b and (original[a].isspace() or original[b - 1].isspace()):
                    a, b = _trim(original, a, b)
                if a >= b:
                    continue
                last_end = b
            out.append(Span(a, b, original[a:b], "sentence", attrs))
    return out


def _trim(original: str, a: int, b: int) -> tuple[int, int]:
    """Original range without leading and trailing whitespace (it may come back through the map)."""
    while a < b and original[a].isspace():
        a += 1
    while b > a and original[b - 1].isspace():
        b -= 1
    return a, b


def _positions(text: str, chars: str) -> list[int]:
    """Sorted positions of any of `chars` (one fast str.find scan per character)."""
    out: list[int] = []
    for c in chars:
        i = text.find(c)
        while i >= 0:
            out.append(i)
            i = text.find(c, i + 1)
    out.sort()
    return out


def _to_span(view: View, a: int, b: int, label: str, attrs: Mapping[str, Any], floor: int = 0) -> Span | None:
    """Map a view range to a whitespace-trimmed original span (None if nothing is left)."""
    original = view.original
    if not view.offsets.is_identity:
        a, b = view.original_span(a, b)
        a = max(a, floor)
        while a < b and original[a].isspace():
            a += 1
        while b > a and original[b - 1].isspace():
            b -= 1
    if a >= b:
        return None
    return Span(a, b, original[a:b], label, attrs)


# ---- paragraphs -------------------------------------------------------------------------------


def _paragraph_ranges(text: str) -> list[Range]:
    """Non-blank paragraphs as stripped view ranges: one per line, or per block if hard-wrapped."""
    rare = any(c in text for c in _RARE_BREAKS)
    lines = text.splitlines(keepends=True) if rare else text.split("\n")
    sep = 0 if rare else 1  # splitlines keeps the break in the line, split drops the "\n"
    blocks: list[list[Range]] = []
    pos = 0
    joined = False
    for line in lines:
        body = line.lstrip(_BLANK)
        if body:
            a = pos + len(line) - len(body)
            r = (a, a + len(body.rstrip(_BLANK)))
            if joined:
                blocks[-1].append(r)
            else:
                blocks.append([r])
        joined = bool(body)
        pos += len(line) + sep
    if _looks_wrapped(text, blocks):
        return [(b[0][0], b[-1][1]) for b in blocks]
    return [r for b in blocks for r in b]


def _looks_wrapped(text: str, blocks: list[list[Range]]) -> bool:
    """Hard-wrapped prose: lines inside blocks mostly stop mid-sentence and have similar widths."""
    inner = [r for b in blocks for r in b[:-1]]
    if len(inner) < 3:
        return False
    open_ended = sum(1 for a, b in inner if text[b - 1] not in _TERM_SET and text[b - 1] not in ':»"”')
    if open_ended < 0.75 * len(inner):
        return False
    widths = sorted(b - a for a, b in inner)
    median = widths[len(widths) // 2]
    similar = sum(1 for w in widths if 0.7 * median <= w <= 1.3 * median)
    return median <= 200 and similar >= 0.75 * len(inner)


# ---- quotations -------------------------------------------------------------------------------


def _quote_regions(text: str, ps: int, pe: int, quotes: list[int]) -> list[Range]:
    """Top-level balanced quotations (open index, close index) in one paragraph, at most MAX_QUOTE long."""
    stack: list[tuple[str, int]] = []
    open_count = {"g": 0, "p": 0, "s": 0}  # so unmatched marks never cost a scan of the stack
    found: list[Range] = []
    for qi in range(bisect_left(quotes, ps), bisect_left(quotes, pe)):
        pos = quotes[qi]
        pair = _PAIRS.get(text[pos])
        if pair is not None:
            kind, opening = pair
        else:
            judged = _symmetric_opens(text, pos, ps, pe, open_count["s"] > 0)
            if judged is None:
                continue
            kind, opening = "s", judged
            if opening and open_count["s"]:
                _pop_to(stack, open_count, "s")  # a fresh opening quote: the older one was never closed
        if opening:
            stack.append((kind, pos))
            open_count[kind] += 1
            continue
        start = _pop_to(stack, open_count, kind)
        if start is not None and pos - start <= MAX_QUOTE:
            found.append((start, pos))
    found.sort()
    top: list[Range] = []
    for r in found:
        if not top or r[0] > top[-1][1]:
            top.append(r)
    return top


def _pop_to(stack: list[tuple[str, int]], open_count: dict[str, int], kind: str) -> int | None:
    """Pop the innermost open mark of `kind` (and the unclosed ones above it); its position or None."""
    if not open_count[kind]:
        return None
    i = len(stack) - 1
    while stack[i][0] != kind:
        i -= 1
    pos = stack[i][1]
    for k, _ in stack[i:]:
        open_count[k] -= 1
    del stack[i:]
    return pos


def _symmetric_opens(text: str, pos: int, ps: int, pe: int, is_open: bool) -> bool | None:
    """Whether a " “ ” mark opens (True), closes (False) or is noise (None), judged by its neighbours."""
    before = text[pos - 1] if pos > ps else " "
    after = text[pos + 1] if pos + 1 < pe else " "
    open_before = before.isspace() or before in _OPEN_CONTEXT
    close_after = after.isspace() or after in _CLOSE_CONTEXT
    if open_before and not close_after:
        return True
    if close_after and not open_before:
        return False if is_open else None
    return not is_open  # spaced or glued on both sides: alternate


# ---- sentences --------------------------------------------------------------------------------


def _split_paragraph(text: str, ps: int, pe: int, terms: list[int], quotes: list[int]) -> list[Range]:
    """Sentence ranges of one paragraph, each starting and ending on a non-space character."""
    out: list[Range] = []
    cur = done = ps
    regions: list[Range] | None = None
    qi = bisect_left(quotes, ps)
    first_quote = quotes[qi] if qi < len(quotes) else pe
    for t in terms:
        if t < done:
            continue  # inside a run already judged
        e = t + 1
        if e >= pe:
            break  # the paragraph end closes this sentence anyway
        nxt = text[e]
        if nxt in _RUN_OR_CLOSE:
            while e < pe and text[e] in _TERM_SET:
                e += 1
            while e < pe and text[e] in _CLOSERS:
                e += 1
            if e >= pe:
                break
            nxt = text[e]
        done = e
        if t <= cur:
            continue  # a sentence cannot open with its own end (".. ويطمئن")
        if nxt in _SPACES:
            # the common case, a full stop after an Arabic word, needs no closer look
            plain = e == t + 1 and text[t] == "." and t - 2 >= cur
            if not (plain and text[t - 1] in _LETTERS and text[t - 2] in _LETTERS) and not _ends_sentence(
                text, cur, t, e
            ):
                continue
        elif not (nxt.isspace() or nxt in _LETTERS or nxt in _AFTER_OK) or not _ends_sentence(
            text, cur, t, e
        ):
            continue  # 1.5, example.com, "..،" or a glued abbreviation
        if first_quote < t:
            if regions is None:
                regions = _quote_regions(text, ps, pe, quotes)
            inside = _enclosing(regions, t)
            if inside is not None and (e <= inside[1] or _one_word(text, *inside)):
                continue  # inside the quotation, or a one-word title such as «لماذا؟»
        out.append((cur, e))
        cur = e
        while cur < pe and text[cur] in _BLANK_SET:
            cur += 1
    if cur < pe:
        out.append((cur, pe))
    return out


def _one_word(text: str, o: int, c: int) -> bool:
    return len(text[o + 1 : c].split(maxsplit=1)) < 2


def _enclosing(regions: list[Range], t: int) -> Range | None:
    """The quotation strictly around position t (regions are sorted and disjoint)."""
    i = bisect_left(regions, (t,)) - 1
    return regions[i] if i >= 0 and t < regions[i][1] else None


def _ends_sentence(text: str, start: int, t: int, e: int) -> bool:
    """Whether the terminator run at t (ending, with closers, at e) ends the sentence begun at start."""
    glued = not text[e].isspace()
    prev = text[t - 1]
    if text[t] == "." and text[t + 1] not in _TERM_SET:
        if not glued and prev in _LETTERS and t - 2 >= start and text[t - 2] in _LETTERS:
            return True  # after an Arabic word
        return _full_stop_ends(text, start, t, e, glued)
    if "…" in text[t:e] or ".." in text[t:e]:
        if glued:
            return False
        follower = _next_visible(text, e)
        return follower not in _NO_SPLIT_AFTER_ELLIPSIS and not ("a" <= follower <= "z")
    return not glued or prev in _WORDISH


def _full_stop_ends(text: str, start: int, t: int, e: int, glued: bool) -> bool:
    """A single full stop: not after initials, Latin titles or a list number opening the sentence."""
    before = text[max(start, t - _WINDOW) : t]
    if not before or before[-1].isspace():
        return not glued
    token = before.split()[-1]
    if _is_abbreviation(token, before):
        return False
    if glued:  # "المقبل.كما" lacks a space; "إل.جي" and "آر.تي.إل" are spelled-out initials
        ahead = text[e : e + 3]
        return (
            "." not in token
            and sum(1 for ch in token if ch in _LETTERS) >= 3
            and len(ahead) == 3
            and all(ch in _WORDISH for ch in ahead)
        )
    if (
        len(token) <= 3
        and all(ch in _DIGITS for ch in token)
        and _opens_list(before[: -len(token)], start, t)
    ):
        return False  # "2. البند الثاني", "الشروط: 1. الإقامة"
    latin = any("a" <= ch.lower() <= "z" for ch in token)
    return not (latin and _latin_lower_follows(text, e))  # "approx. five"


def _opens_list(head: str, start: int, t: int) -> bool:
    """Whether a number before a full stop is a list marker: first in its sentence or after a colon."""
    head = head.rstrip()
    if not head:
        return t - _WINDOW <= start  # the window reached the sentence start
    return head[-1] in ":;؛"


def _is_abbreviation(token: str, before: str) -> bool:
    """Initials (د  أ.د  ق.م  U.S) or a known Latin title, not counting the year era after a number."""
    core = _STRIP_MARKS.sub("", token).lstrip("([{«\"“'-–—/")
    if not core:
        return False
    parts = core.split(".")
    if all(len(p) == 1 and p.isalpha() for p in parts):
        return not (len(parts) == 1 and core in _ERA and _follows_number(before, len(token)))
    return core.lower().replace(".", "") in _LATIN_ABBREV


def _follows_number(before: str, token_len: int) -> bool:
    head = before[:-token_len].rstrip()
    return bool(head) and head[-1] in _DIGITS


def _next_visible(text: str, pos: int) -> str:
    """First non-space character at or after `pos` (within a short window), or ''."""
    head = text[pos : pos + _WINDOW].lstrip()
    return head[0] if head else ""


def _latin_lower_follows(text: str, e: int) -> bool:
    return "a" <= _next_visible(text, e) <= "z"
