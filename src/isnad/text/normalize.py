"""The normalised matching view: one spelling per letter, Western digits, no marks; offsets kept.

Folds: diacritics and Quranic marks, tatweel, zero-width and direction marks (deleted, attached to the
letter before them); alef variants -> ا; alef maqsura -> ي; hamza seats ؤ/ئ -> و/ي; optionally taa marbuta
-> ه; Eastern (٠-٩) and Persian (۰-۹) digits -> 0-9; Arabic comma, semicolon, question mark, percent,
decimal and thousands separators -> ASCII; Persian kaf/yeh -> Arabic; presentation forms (ﻻ) -> letters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

import numpy as np

from isnad.text.offsets import DROP, MARK, Edit, OffsetMap, View, apply_edits

DIACRITICS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
TATWEEL = "\u0640"
INVISIBLE = "\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u061c\u00ad"
PRESENTATION = "\ufb50-\ufdff\ufe70-\ufefc"
# A character class for "Arabic word character" that, unlike \w, does not stop at diacritics.
ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06fa-\u06fc"
WORD_CHARS = ARABIC_LETTERS + DIACRITICS + TATWEEL

_FOLD = {
    **dict.fromkeys("أإآٱٲٳٵ", "ا"),
    "ى": "ي",
    "ی": "ي",
    "ې": "ي",
    "ک": "ك",
    "ؤ": "و",
    "ئ": "ي",
    "،": ",",
    "؛": ";",
    "؟": "?",
    "٪": "%",
    "٫": ".",
    "٬": ",",
    "\u00a0": " ",
    "\u202f": " ",
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
}
# str.translate takes a slow per-character path for non-Latin-1 text (~0.3 µs/char measured on
# SaudiNewsNet); a chain of C-level str.replace calls over the few characters present is ~30x faster.
_FOLDS = tuple(_FOLD.items())
_TAA = ("ة", "ه")
_IS_MARK = re.compile(f"[{DIACRITICS}{TATWEEL}]")
_IS_INVISIBLE = re.compile(f"[{INVISIBLE}]")


@lru_cache(maxsize=512)
def _presentation(ch: str) -> str:
    return _fold_chars(unicodedata.normalize("NFKC", ch), True)


def _fold_chars(text: str, fold_taa_marbuta: bool) -> str:
    for old, new in _FOLDS:
        if old in text:
            text = text.replace(old, new)
    if fold_taa_marbuta and _TAA[0] in text:
        text = text.replace(*_TAA)
    return text


def _class_table() -> np.ndarray[Any, np.dtype[np.uint8]]:
    """Removal class of every BMP code point (0 keep, MARK, DROP, or _LIGATURE)."""
    table = np.zeros(0x10000, dtype=np.uint8)
    bmp = "".join(map(chr, range(0x10000)))
    for cls, pattern in ((MARK, _IS_MARK), (DROP, _IS_INVISIBLE), (_LIGATURE, _IS_PRESENTATION)):
        for m in pattern.finditer(bmp):
            table[m.start()] = cls
    return table


_LIGATURE = 9  # presentation form: replaced by its letters, not deleted
_IS_PRESENTATION = re.compile(f"[{PRESENTATION}]")
_CLASS = _class_table()


def _removal_edits(folded: str) -> list[Edit]:
    """Deletions (marks attach to the letter before; invisibles to nothing) and ligature expansions."""
    # A regex character-class scan costs ~30 ns per character; one table lookup over the UTF-32 code
    # units finds the few removable characters of an article several times faster.
    codes = np.frombuffer(folded.encode("utf-32-le"), dtype=np.uint32)
    found = np.flatnonzero(_CLASS[np.minimum(codes, 0xFFFF)])
    if not len(found):
        return []
    classes = _CLASS[codes[found]].tolist()
    edits: list[Edit] = []
    for i, kind in zip(found.tolist(), classes, strict=True):
        if kind == _LIGATURE:
            edits.append(Edit(i, i + 1, _presentation(folded[i])))
            continue
        last = edits[-1] if edits else None
        if last is not None and last.end == i and last.kind == kind and not last.new:
            edits[-1] = Edit(last.start, i + 1, "", kind)
        else:
            edits.append(Edit(i, i + 1, "", kind))
    return edits


def normalize(text: str, *, fold_taa_marbuta: bool = True) -> View:
    """Return the matching view of `text` with a map back to it; `text` itself is untouched."""
    folded = _fold_chars(text, fold_taa_marbuta)
    edits = _removal_edits(folded)
    if not edits:
        return View(folded, OffsetMap.identity(len(text)), text)
    view, offsets = apply_edits(folded, edits)
    return View(view, offsets, text)


def normalize_view(view: View, *, fold_taa_marbuta: bool = True) -> View:
    """Normalise a derived view (e.g. the clean text); the result maps straight to the first original."""
    inner = normalize(view.text, fold_taa_marbuta=fold_taa_marbuta)
    if view.offsets.is_identity:
        return View(inner.text, inner.offsets, view.original)
    if inner.offsets.is_identity:
        return View(inner.text, view.offsets, view.original)
    return View(inner.text, inner.offsets.then(view.offsets), view.original)


def fold(text: str, *, fold_taa_marbuta: bool = True) -> str:
    """Just the normalised string (for dictionary keys and comparisons, where offsets are not needed)."""
    return normalize(text, fold_taa_marbuta=fold_taa_marbuta).text
