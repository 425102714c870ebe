"""Tokens of the matching view, cut as ANERcorp cuts them: words keep clitics, punctuation stands alone.

Works on the normalised view (no diacritics or tatweel, Western digits), so one compiled regex finds every
token; offsets are view offsets, mapped to the original only for the few tokens that become entities.
"""

from __future__ import annotations

import re

from isnad.text.normalize import ARABIC_LETTERS

# Arabic letter runs, numbers with their separators, Latin words, then any other single visible character.
_TOKEN = re.compile(
    f"[{ARABIC_LETTERS}]+"
    r"|[0-9]+(?:[.,:/][0-9]+)*%?"
    r"|[A-Za-z]+(?:['’][A-Za-z]+)*"
    r"|[^\s" + ARABIC_LETTERS + r"0-9A-Za-z]"
)
# Tokens after which a new sentence starts: the CRF sees sentence-sized sequences, as in training.
SENTENCE_END = frozenset({".", "!", "?", "…"})
_MAX_SENTENCE = 120  # tokens; very long runs without a full stop are cut so tagging stays linear and local


def tokenize(text: str) -> tuple[list[str], list[int], list[int]]:
    """Token strings with their start and end offsets in `text` (the matching view)."""
    matches = list(_TOKEN.finditer(text))
    return [m.group() for m in matches], [m.start() for m in matches], [m.end() for m in matches]


def split_token(token: str) -> list[str]:
    """A corpus token re-cut by `tokenize` (none if it holds no visible character), as run time cuts it."""
    return _TOKEN.findall(token)


def sentence_bounds(words: list[str]) -> list[tuple[int, int]]:
    """Index ranges `[i, j)` of the sentences of a token list (end punctuation stays with its sentence)."""
    ends = [i + 1 for i, word in enumerate(words) if word in SENTENCE_END]
    if not ends or ends[-1] != len(words):
        ends.append(len(words))
    bounds: list[tuple[int, int]] = []
    start = 0
    for end in ends:
        while end - start > _MAX_SENTENCE:
            bounds.append((start, start + _MAX_SENTENCE))
            start += _MAX_SENTENCE
        if end > start:
            bounds.append((start, end))
        start = end
    return bounds
