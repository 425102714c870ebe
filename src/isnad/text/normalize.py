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
_TABLE = str.maketrans(_FOLD)
_TABLE_TAA = str.maketrans({**_FOLD, "ة": "ه"})
_REMOVABLE = re.compile(f"([{DIACRITICS}{TATWEEL}]+)|([{INVISIBLE}]+)|([{PRESENTATION}])")


@lru_cache(maxsize=512)
def _presentation(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    return folded.translate(_TABLE)


def normalize(text: str, *, fold_taa_marbuta: bool = True) -> View:
    """Return the matching view of `text` with a map back to it; `text` itself is untouched."""
    folded = text.translate(_TABLE_TAA if fold_taa_marbuta else _TABLE)
    edits: list[Edit] = []
    for m in _REMOVABLE.finditer(folded):
        if m.group(1):
            edits.append(Edit(m.start(), m.end(), "", MARK))
        elif m.group(2):
            edits.append(Edit(m.start(), m.end(), "", DROP))
        else:
            edits.append(Edit(m.start(), m.end(), _presentation(m.group(3))))
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
