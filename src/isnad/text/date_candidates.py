"""Where a lead can start: one C pass over the article for every way a lead word can begin.

The lead regex is a trie, and `re` pays for each branch it tries at every word of the article. An
Aho-Corasick automaton (pyahocorasick) finds, in one C pass, the few dozen places where some lead word
begins; the same regex then runs anchored there only. Its keys are derived from the words the trie is
built from, so they cover every place the regex can match (extra places are harmless: the anchored
regex rejects them).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Protocol

import ahocorasick

_DIGITS = "0123456789"


class Finder(Protocol):
    """The part of `ahocorasick.Automaton` used here: (index of the last character, value) per hit."""

    def iter(self, text: str) -> Iterator[tuple[int, int]]: ...


def own_words(ends: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Every word takes its و/ف clitic possessively (so no word is run through the trie twice); the few
    leads that themselves start with و/ف (في، فجر، فبراير) are then matched on their rest, with a
    look-behind that the clitic taken was theirs."""
    out = dict(ends)
    behind: dict[str, str] = {}
    for word, end in ends.items():
        rest = word[1:]
        if word[0] not in "وف" or ends.get(rest) == end:  # واحد reads the same as و + احد
            continue
        head, space, tail = rest.partition(" ")
        if rest in ends or behind.setdefault(head, f" {word[0]}{head}") != f" {word[0]}{head}":
            raise ValueError(f"lead {word!r} is ambiguous with a clitic reading")  # a lexicon edit broke this
        out[f"{head}\0{space}{tail}"] = end
    return out, behind


def _openings(word: str, behind: dict[str, str], clitics: str, follow: Mapping[str, list[str]]) -> list[str]:
    """What the text reads where the lead regex (" " + optional clitic + trie) matches `word`: up to the
    end of its second word (the trie's blank is 1 to 4 spaces in the scanned copy) or its first digit
    ("#" in a trie word), then what must follow it (see `lead_finder`)."""
    head, mark, rest = word.partition("\0")
    spelling = behind[head][1:] + rest if mark else word
    out = []
    for start in [f" {spelling}"] if mark else [f" {c}{word}" for c in ("", *clitics)]:
        literal, digit, _ = start.partition("#")
        parts = literal.split(" ")
        if len(parts) < 3:
            tails = list(_DIGITS) if digit else follow.get(spelling, [""])
            out += [literal + t for t in tails]
        else:
            tails = list(_DIGITS) if digit and len(parts) == 3 else [""]
            out += [f"{parts[0]} {parts[1]}{' ' * k}{parts[2]}{t}" for k in range(1, 5) for t in tails]
    return out


def lead_finder(
    words: dict[str, str], behind: dict[str, str], clitics: str, follow: Mapping[str, list[str]]
) -> Finder:
    """An automaton reporting every position where one of `words` (the trie's, as from `own_words`) can
    start a lead match. `follow` lists, for a word whose guard starts with a short literal text, every
    text that guard accepts first (so a frequent word like في reports only where a year follows it)."""
    keys = {k for w in words for k in _openings(w, behind, clitics, follow)}
    # Keys with a proper prefix among them add nothing (the shorter key reports that position).
    keys = {k for k in keys if not any(k[:i] in keys for i in range(1, len(k)))}
    automaton = ahocorasick.Automaton()
    for k in keys:
        automaton.add_word(k, len(k) - 1)  # value: from the hit's last character back to its start
    automaton.make_automaton()
    finder: Finder = automaton
    return finder


def starts(finder: Finder, text: str) -> list[int]:
    """Where a lead can start in `text`, in increasing order (hits of multi-word keys may overlap)."""
    return sorted({end - back for end, back in finder.iter(text)})
