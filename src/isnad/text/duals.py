"""Counts written as a dual noun: "لقي شخصان مصرعهما" is two people, "إصابة امرأتين" two women.

Arabic counts two of a thing with the dual ending (-ان, -ين; -تان, -تين for a feminine noun) and no
numeral at all, so a report of two dead ("مقتل شخصين") and another of three ("مقتل 3 أشخاص") carry
different figures that a digit scan would never see. Only nouns whose plural is broken are read: for them
-ين can only be the dual ("شخصين", plural "أشخاص"), whereas "مدنيين" or "مصابين" are plurals as often as
duals and "طالبان" is also a name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from isnad.text.normalize import ARABIC_LETTERS, fold
from isnad.text.offsets import View

__all__ = ["Dual", "find_duals"]

# Singular nouns of news counts whose plural is broken (أشخاص، أطفال، جنود، قتلى، نساء، حالات).
_NOUNS = "شخص طفل رجل جندي عنصر شاب قتيل جريح شهيد امرأة سيدة فتاة طفلة حالة"
_L = ARABIC_LETTERS


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """The dual forms of the listed nouns in the matching view, and each form's singular."""
    singular: dict[str, str] = {}
    for noun in fold(_NOUNS).split():
        base = noun[:-1] + "ت" if noun.endswith("ه") else noun  # امرأة -> امرأتين
        for ending in ("ان", "ين"):
            singular[base + ending] = noun
    forms = "|".join(sorted(singular, key=len, reverse=True))
    return re.compile(rf"(?<![{_L}])(?:[وفبل]{{0,2}})(?P<word>(?:ال)?(?:{forms}))(?![{_L}])"), singular


class Dual(NamedTuple):
    """One dual count in view coordinates: where its clitics start, the noun's span, and its singular."""

    cs: int
    start: int
    end: int
    word: str
    noun: str


def find_duals(view: View) -> list[Dual]:
    """Every dual count of a listed noun in the matching view, in order."""
    pattern, singular = _pattern()
    out = []
    for m in pattern.finditer(view.text):
        word = m.group("word")
        noun = singular[word[2:] if word.startswith("ال") else word]
        out.append(Dual(m.start(), m.start("word"), m.end("word"), word, noun))
    return out
