"""Words glued together by scraping ("الولاياتالمتحدة"): where the lost space belongs, precision first.

Finds standalone tokens in running text (not hashtags, URLs, numbers or Latin) and asks glue_model
where, if anywhere, a space was lost; results are cached per token, so each distinct word is judged once.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from itertools import compress

from isnad.text.glue_model import (
    COMMON,
    FEATURES,
    MARKS,
    MAX_TOKEN,
    MIN_SIDE,
    MODEL,
    THRESHOLD,
    GlueSplit,
    Lexicon,
    analyse_letters,
    fold_letters,
    is_letters,
)
from isnad.text.normalize import TATWEEL, WORD_CHARS

__all__ = [
    "COMMON",
    "FEATURES",
    "MAX_TOKEN",
    "MIN_SIDE",
    "MIN_TOKEN",
    "MODEL",
    "THRESHOLD",
    "TOKEN",
    "GlueSplit",
    "GluedWord",
    "Lexicon",
    "best_split",
    "default_lexicon",
    "find_glued",
    "fold_letters",
    "set_default_lexicon",
    "split_glued",
]

# Arabic runs not touching digits, Latin, hashtags, handles, URL paths or identifiers, where gluing is
# intended or not ours to fix.
_NEAR = r"0-9A-Za-z\u0660-\u0669\u06f0-\u06f9#@_/\\=&%+~"
MIN_TOKEN = 6  # characters; shorter glues are rare, mostly ambiguous, and checking every word costs
_TOKEN_BODY = f"[{WORD_CHARS}]{{{MIN_TOKEN},}}"
# Punctuation that may touch a word without changing what it is (not in _NEAR).
_EDGE_PUNCT = ".,;:!?()[]{}<>«»\"'“”‘’…-–—*،؛؟٪"
_STUCK = re.compile(f"[{WORD_CHARS}{_NEAR}]")  # what a standalone token may not touch
TOKEN = re.compile(f"(?<![{WORD_CHARS}{_NEAR}]){_TOKEN_BODY}(?![{WORD_CHARS}{_NEAR}])")

_default: Lexicon | None = None
_lock = threading.Lock()


def default_lexicon() -> Lexicon:
    """The shared wordfreq lexicon and pair table, loaded on first use."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = Lexicon.from_wordfreq()
    return _default


def set_default_lexicon(lexicon: Lexicon | None) -> None:
    """Swap the shared lexicon (tests, custom word lists); None reloads wordfreq on next use."""
    global _default
    with _lock:
        _default = lexicon


@dataclass(frozen=True, slots=True)
class GluedWord:
    """A glued token found in running text (offsets into that text)."""

    start: int
    end: int
    split: GlueSplit

    def replacement(self, text: str) -> str:
        """The token with its missing spaces restored."""
        return " ".join(self.split.parts(text[self.start : self.end]))


def best_split(token: str, lexicon: Lexicon | None = None) -> GlueSplit | None:
    """Where to put spaces in one token; marks and tatweel stay with the letter before them."""
    lex = lexicon or default_lexicon()
    cache = lex._cache
    if token in cache:
        return cache[token]
    result = _split_token(lex, token)
    if len(cache) > 100_000:
        cache.clear()
    cache[token] = result
    return result


def _split_token(lex: Lexicon, token: str) -> GlueSplit | None:
    plain = token.isalpha() and TATWEEL not in token
    raw = token if plain else MARKS.sub("", token)
    if not is_letters(raw) or raw in lex.common:
        return None
    found = analyse_letters(lex, raw)
    if found is None:
        return None
    points, s, reason = found
    if not plain:  # letter indices -> token indices, past the marks of the letter before
        letters = [k for k, c in enumerate(token) if not MARKS.match(c)]
        points = tuple(letters[p] for p in points)
    return GlueSplit(points, round(s, 3), reason)


def split_glued(token: str, lexicon: Lexicon | None = None) -> list[str] | None:
    """The words of a glued token ("العراقوسوريا" -> ["العراق", "وسوريا"]), or None if it is one word."""
    found = best_split(token, lexicon)
    return found.parts(token) if found else None


def find_glued(text: str, lexicon: Lexicon | None = None) -> list[GluedWord]:
    """Glued tokens in running text, in order."""
    lex = lexicon or default_lexicon()
    common = lex.common
    words = text.split()
    long = set(compress(words, map((MIN_TOKEN - 1).__lt__, map(len, words))))  # filtered in C
    tokens: set[str] = set()
    for chunk in long.difference(common):
        word = chunk.strip(_EDGE_PUNCT)
        if word.isalpha():
            if len(word) >= MIN_TOKEN:
                tokens.add(word)
        else:  # marks, digits, Latin or symbols inside: let the token pattern judge the context
            tokens.update(TOKEN.findall(chunk))
    splits = {t: s for t in tokens.difference(common) if (s := best_split(t, lex)) is not None}
    found = [GluedWord(i, i + len(t), split) for t, split in splits.items() for i in _occurrences(text, t)]
    return sorted(found, key=lambda g: g.start)


def _occurrences(text: str, token: str) -> list[int]:
    """Starts of `token` where it stands alone (not inside a longer word, number, tag or URL)."""
    out = []
    n, k = len(text), len(token)
    i = text.find(token)
    while i >= 0:
        if (i == 0 or not _STUCK.match(text, i - 1)) and (i + k == n or not _STUCK.match(text, i + k)):
            out.append(i)
        i = text.find(token, i + k)
    return out
