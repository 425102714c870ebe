"""Topic signatures: what a clause is about, as light-stemmed content words that compare across outlets.

Two outlets rarely word a fact the same way ("المدنيين الذين لا يزالون داخل المدينة" / "شخص يعيشون في
الموصل"), so a signature is a set of normalised stems: clitics stripped (و ف ب ل ك ال لل), function words
dropped, the rest through the Snowball Arabic stemmer. Comparison code weighs the overlap of two sets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import Stemmer

from isnad.text.normalize import ARABIC_LETTERS, fold

_WORD = re.compile(f"[{ARABIC_LETTERS}]{{2,}}")
# Longest first, so "وال" is tried before "و". Only stripped when a word of 2+ letters remains.
_PROCLITICS = tuple(
    sorted(
        ["وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "ال", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب"],
        key=len,
        reverse=True,
    )
)
_FUNCTION_TEXT = """
        من في على إلى الى عن مع بين حتى منذ خلال عند لدى نحو حول ضد دون بعد قبل أمام وراء فوق تحت عبر
        أن إن أنه أنها إنه إنها أنهم كان كانت يكون تكون كانوا ليس لم لن لا ما ماذا لماذا كيف هل قد لقد
        سوف هذا هذه ذلك تلك هؤلاء أولئك هنا هناك الذي التي الذين اللذين اللتين اللواتي ما من و أو أم ثم
        بل لكن كما بينما حيث إذ إذا لو كل بعض أي غير سوى أيضا فقط جدا هو هي هم هن نحن أنا أنت أنتم
        له لها لهم به بها بهم فيه فيها فيهم عليه عليها عليهم منه منها منهم عنه عنها إليه إليها
        قال قالت وقال وقالت يقول تقول أضاف وأضاف أكد وأكد ذكر وذكر أشار وأشار أوضح تابع وتابع
        يزال تزال يزالون زال زالت مازال ومازال وما عدد عددهم نسبة بشأن حسب بحسب وفق وفقا لدى إطار
"""
_FUNCTION_WORDS = frozenset(map(fold, _FUNCTION_TEXT.split()))
_STEMMER = Stemmer.Stemmer("arabic")


@lru_cache(maxsize=65536)
def term(word: str) -> str | None:
    """The signature term of one folded word, or None for a function word."""
    if word in _FUNCTION_WORDS or any(word[len(c) :] in _FUNCTION_WORDS for c in _clitics_of(word)):
        return None  # "والذين" is "و" + a function word, not "وال" + "ذين"
    for clitic in _clitics_of(word):
        if len(word) - len(clitic) >= 2:
            word = word[len(clitic) :]
            break
    stem: str = _STEMMER.stemWord(word)
    return stem if len(stem) >= 2 else word


def _clitics_of(word: str) -> list[str]:
    return [c for c in _PROCLITICS if word.startswith(c)]


def signature(folded_text: str) -> list[str]:
    """Sorted distinct terms of a folded (matching-view) text."""
    return sorted({t for w in _WORD.findall(folded_text) if (t := term(w)) is not None})


def overlap(a: Iterable[str], b: Iterable[str]) -> float:
    """Jaccard overlap of two signatures (0 when either is empty)."""
    x, y = set(a), set(b)
    return len(x & y) / len(x | y) if x and y else 0.0
