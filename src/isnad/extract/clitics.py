"""Attached proclitics (و ف ب ل ك, ال, لل): where a word's own letters begin, judged by word frequency.

A leading و/ب/ل is often part of the word ("وزير", "بغداد", "لبنان"), so a prefix is stripped only when the
rest is clearly the commoner word in the wordfreq Arabic list ("وبغداد" -> "بغداد", "لوزاره" -> "وزاره").
"""

from __future__ import annotations

import threading
from collections.abc import Mapping

_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_STRIP_RATIO = 2.0  # the rest must be at least this much commoner than the whole word
_MIN_CORE = 2

_freqs: dict[str, float] | None = None
_lock = threading.Lock()


def frequencies() -> Mapping[str, float]:
    """wordfreq's Arabic list keyed by folded spelling (commonest variant kept), loaded once."""
    global _freqs
    if _freqs is None:
        with _lock:
            if _freqs is None:
                _freqs = _load_frequencies()
    return _freqs


def _load_frequencies() -> dict[str, float]:
    # The glue lexicon already holds wordfreq's list in folded spelling (commonest variant kept):
    # sharing it saves a second 620k-word table and its ~1 s load.
    from isnad.text.glue import default_lexicon

    return default_lexicon().folded


def set_frequencies(table: Mapping[str, float] | None) -> None:
    """Swap the frequency list (tests, other word lists); None reloads wordfreq on next use."""
    global _freqs
    with _lock:
        _freqs = dict(table) if table is not None else None


def _candidates(word: str) -> list[tuple[int, str]]:
    """(letters stripped, remaining core) for every conjunction + preposition reading of `word`."""
    out: list[tuple[int, str]] = []
    for conj in ("", *_CONJ):
        if conj and not word.startswith(conj):
            continue
        rest = word[len(conj) :]
        for prep in _PREP:
            if rest.startswith(prep) and len(rest) - 1 >= _MIN_CORE:
                core = rest[1:]
                if prep == "ل" and core.startswith("ل"):  # لل = ل + ال with the alef elided
                    out.append((len(conj) + 1, "ا" + core))
                else:
                    out.append((len(conj) + 1, core))
        if conj and len(rest) >= _MIN_CORE:
            out.append((len(conj), rest))
    return out


def strip_proclitics(word: str, freqs: Mapping[str, float]) -> tuple[int, str]:
    """How many leading letters of `word` are clitics, and the word without them (لل -> ال restored)."""
    if len(word) <= _MIN_CORE or word[0] not in "وفبلك":
        return 0, word
    whole = freqs.get(word, 0.0)
    best_n, best_core, best_f = 0, word, whole * _STRIP_RATIO
    for n, core in _candidates(word):
        f = freqs.get(core, 0.0)
        if f > best_f:
            best_n, best_core, best_f = n, core, f
    if best_n == 0 and whole == 0.0 and word[0] in _CONJ and len(word) > 3:
        # An unknown word after "و"/"ف" (a rare name): the conjunction is still not part of it.
        return 1, word[1:]
    return best_n, best_core


def bare(core: str) -> str:
    """The core without its definite article, for features that should not care about "ال"."""
    if core.startswith("ال") and len(core) > 4:
        return core[2:]
    return core
