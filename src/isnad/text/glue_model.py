"""Where a lost space belongs inside one glued token: lexicon, word-pair table, features and model.

Only tokens rare or unknown as a whole are considered. Each split point whose two sides are known words
is scored by a logistic regression over: the sides' word frequencies (wordfreq's Arabic list, folded
spelling, clitic back-off), how often the two sides occur as adjacent words in news text (a hashed
word-pair table, `PAIRS_FILE`), how plausible the whole token is as prefix + known stem + suffix (so
"يرددانها" stays one word), letter statistics at the junction, token length, and orthography (ة/ى only
end a word; a hamza-alef usually starts one). eval/fit_glue_model.py builds the pair table and fits
MODEL/BIAS on SaudiNewsNet 2015-07-21..27; eval/glued_words.py reports on later days.
"""

from __future__ import annotations

import math
import re
import sys
import zlib
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from itertools import pairwise
from operator import mul, neg

from isnad.errors import IsnadError
from isnad.text.normalize import ARABIC_LETTERS, DIACRITICS, TATWEEL, fold

MIN_SIDE = 2  # letters; a one-letter "word" is a clitic, never a side
MAX_TOKEN = 40  # longer runs are junk (base64, repeated letters), not glued words
COMMON = 2e-8  # a token at least this frequent as a whole is a word: never split (wordfreq floor is 1e-8)
SIDE_MIN = 1e-7  # each side must be at least this frequent (after clitic back-off)
JUNCTION_MIN = 1e-6  # words this frequent feed the junction letter statistics
FLOOR = 1e-9
THRESHOLD = 1.5  # score a split must exceed (see eval/glued_words.py for the trade-off)
_BACKOFF = 0.1  # weight of a side known only without its clitic prefix
PAIRS_FILE = "data/glue_pairs.bin"  # hashed word-pair counts, written by eval/fit_glue_model.py
PAIRS_MAGIC = b"GLP1"
_REINSTALL = "reinstall isnad, or rebuild the table: .venv/bin/python eval/fit_glue_model.py --write"
PAIR_SCALE = 16  # a stored pair value is round(PAIR_SCALE * log10(count)); 0 = not seen

PREFIXES = frozenset(
    ("و", "ف", "ب", "ل", "ك", "س", "ال", "لل", "وال", "فال", "بال", "كال", "ولل", "فلل", "وب", "ول")
    + ("وك", "وس", "فب", "فل", "فك", "فس", "وبال", "وكال", "اللا", "واللا", "باللا")
)
_PRONOUNS = ("ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "ني", "نا", "ي")
_STEM_ENDINGS = ("ان", "ين", "ون", "و", "ات", "ت", "تا", "تمو", "نا", "ا", "ي")
# Inflection and pronoun suffixes, with the spelling changes they force ("حكومة" + "ه" -> "حكومته").
SUFFIXES = frozenset(
    _PRONOUNS
    + ("ان", "ين", "ون", "ات", "وا", "تم", "تما", "تن", "ت", "تا", "ية", "يه", "ة", "يا", "ا")
    + tuple(e + p for e in _STEM_ENDINGS for p in _PRONOUNS)
)
_MAX_PREFIX = max(map(len, PREFIXES))
_PREFIX_LENGTHS = {c: sorted({len(p) for p in PREFIXES if p[0] == c}) for c in {p[0] for p in PREFIXES}}
_MAX_SUFFIX = max(map(len, SUFFIXES))
# Folded, a stem cut before a suffix ends in ت/ي/و/ا where the dictionary has ه (ة), ء, ء, ي (ى).
_STEM_END = {"ت": "ه", "ي": "ء", "و": "ء", "ا": "ي"}

_ONLY_FINAL = "ةى"
_HAMZA_ALEF = "أإآ"
_LETTER_RUN = re.compile(f"[{ARABIC_LETTERS}]+")
MARKS = re.compile(f"[{DIACRITICS}{TATWEEL}]")
# Letters with a one-letter folded form, taken from the normaliser so lookups agree with it.
_FOLD_PAIRS = tuple(
    (c, fold(c)) for c in map(chr, range(0x0621, 0x06FF)) if len(fold(c)) == 1 and fold(c) != c
)
_LETTER_FOLDS = tuple((a, b) for a, b in _FOLD_PAIRS if _LETTER_RUN.fullmatch(a))


# Logistic-regression weights per feature (see `features`), fitted on the tune days.
# fmt: off
MODEL = {
    "left_freq": 1.27, "right_freq": 1.16, "whole_freq": -2.17, "whole_prefix": -0.56,
    "whole_suffix": -0.75, "whole_both": -0.08, "junction2": 0.27, "junction1": 1.23,
    "left_two": -0.55, "right_two": -0.15, "final_letter": 4.88, "right_hamza": 0.63,
    "right_article": -0.26, "long_sides": 0.98, "length": 0.53, "min_side": -0.18,
    "pair": 1.87, "pair_seen": 1.59,
}
# fmt: on
BIAS = -25.75
FEATURES = tuple(MODEL)
WEIGHTS = tuple(MODEL.values())
_W = MODEL


class Lexicon:
    """Word frequencies in folded spelling plus junction letter statistics, built once."""

    # fmt: off
    __slots__ = ("_cache", "common", "end1", "end2", "folded", "inner2", "inner4", "junction_best",
                 "n_words", "pairs", "start1", "start2")
    # fmt: on

    def __init__(self, freqs: Mapping[str, float], pairs: dict[int, int] | None = None) -> None:
        self.pairs = pairs if pairs is not None else {}  # pair_key -> quantised log10 count
        words, values = list(freqs), list(freqs.values())
        if any(a < b for a, b in pairwise(values)):
            order = sorted(range(len(words)), key=values.__getitem__, reverse=True)
            words, values = [words[k] for k in order], [values[k] for k in order]
        blob = "\n".join(words)
        for src, dst in _FOLD_PAIRS:
            blob = blob.replace(src, dst)
        folded = blob.split("\n")
        if len(folded) != len(words):  # a key held a newline: fold one by one
            folded = [fold_letters(w) for w in words]
        # Rarest first, so the commonest spelling of a folded form is the one kept (a max, built in C).
        self.folded: dict[str, float] = dict(zip(reversed(folded), reversed(values), strict=True))
        self.common = frozenset(words[: bisect_right(values, -COMMON, key=neg)])
        top = words[: bisect_right(values, -JUNCTION_MIN, key=neg)]
        self._junction_stats([w for w in top if _LETTER_RUN.fullmatch(w) and len(w) >= MIN_SIDE])
        self._cache: dict[str, GlueSplit | None] = {}

    def _junction_stats(self, words: list[str]) -> None:
        self.n_words = max(len(words), 1)
        self.end1 = dict(Counter(w[-1] for w in words))
        self.start1 = dict(Counter(w[0] for w in words))
        self.end2 = dict(Counter(w[-2:] for w in words))
        self.start2 = dict(Counter(w[:2] for w in words))
        self.inner2 = dict(Counter(w[i : i + 2] for w in words for i in range(len(w) - 1)))
        self.inner4 = dict(Counter(w[i : i + 4] for w in words for i in range(len(w) - 3)))
        self.junction_best = self._junction_bound()

    def _junction_bound(self) -> float:
        """The most the junction features can add to a score, so hopeless points can skip them."""
        total = 0.0
        for feature, ends, starts, inner in (
            ("junction1", self.end1, self.start1, self.inner2),
            ("junction2", self.end2, self.start2, self.inner4),
        ):
            top = (max(ends.values(), default=0) + 1) * (max(starts.values(), default=0) + 1) / self.n_words
            low = 1 / (self.n_words * (max(inner.values(), default=0) + 1))
            total += max(_W[feature] * math.log10(top), _W[feature] * math.log10(low))
        return total

    @classmethod
    def from_wordfreq(cls) -> Lexicon:
        """Wordfreq's Arabic 'best' list (about a second to load; do it once)."""
        import wordfreq

        return cls(wordfreq.get_frequency_dict("ar", wordlist="best"), load_pairs())

    def freq(self, word: str) -> float:
        """Frequency of a word in any spelling variant, marks ignored (0.0 when unknown)."""
        return self.folded.get(fold_letters(MARKS.sub("", word)), 0.0)


def pair_key(left: str, right: str) -> int:
    """Hash of a folded word pair, as stored in the pair table (stable across runs and platforms)."""
    return zlib.crc32(f"{left} {right}".encode())


def encode_pairs(pairs: Mapping[int, int]) -> bytes:
    """The pair table file: magic, count, sorted uint32 keys, then uint8 values."""
    keys = sorted(pairs)
    head = array("I", [len(keys)])
    body = array("I", keys)
    if sys.byteorder == "big":
        head.byteswap()
        body.byteswap()
    return PAIRS_MAGIC + head.tobytes() + body.tobytes() + bytes(pairs[k] for k in keys)


def decode_pairs(blob: bytes) -> dict[int, int]:
    """Inverse of `encode_pairs`."""
    head = array("I", blob[4:8])
    if sys.byteorder == "big":
        head.byteswap()
    n = head[0] if blob[:4] == PAIRS_MAGIC and len(blob) >= 8 else -1
    if n < 0 or len(blob) != 8 + 5 * n:
        raise IsnadError("ISN201", PAIRS_FILE, "the glued-word pair table is damaged", _REINSTALL)
    keys = array("I", blob[8 : 8 + 4 * n])
    if sys.byteorder == "big":
        keys.byteswap()
    return dict(zip(keys, blob[8 + 4 * n :], strict=True))


def load_pairs() -> dict[int, int]:
    """The shipped word-pair table (a few hundred thousand pairs, well under a second)."""
    try:
        blob = resources.files("isnad.text").joinpath(PAIRS_FILE).read_bytes()
    except OSError as exc:
        raise IsnadError(
            "ISN201", PAIRS_FILE, f"the glued-word pair table is missing: {exc}", _REINSTALL
        ) from exc
    return decode_pairs(blob)


def is_letters(word: str) -> bool:
    """Whether `word` is a run of Arabic letters only."""
    return _LETTER_RUN.fullmatch(word) is not None


def fold_letters(word: str) -> str:
    """Fold letter variants of a mark-free word (same length; cheaper than normalize for short words)."""
    for src, dst in _LETTER_FOLDS:
        if src in word:
            word = word.replace(src, dst)
    return word


@dataclass(frozen=True, slots=True)
class GlueSplit:
    """Where spaces belong inside one token: `points` index the token string (marks included)."""

    points: tuple[int, ...]
    score: float
    reason: str

    def parts(self, token: str) -> list[str]:
        """The words of `token`."""
        return [token[a:b] for a, b in pairwise((0, *self.points, len(token)))]


def _log(x: float) -> float:
    return math.log10(max(x, FLOOR))


def _side(lex: Lexicon, raw: str, folded: str) -> float:
    """Frequency of a side, backing off to the word without its clitic prefix."""
    get = lex.folded.get
    best = get(folded, 0.0)
    for k in _PREFIX_LENGTHS.get(raw[0], ()):
        if len(raw) - k >= MIN_SIDE and raw[:k] in PREFIXES:
            alt = _BACKOFF * get(folded[k:], 0.0)
            if alt > best:
                best = alt
    return best


def _stem(get: Callable[[str, float], float], stem: str) -> float:
    """Frequency of a stem cut before a suffix, undoing the spelling change the suffix forced."""
    alt = _STEM_END.get(stem[-1])
    return max(get(stem, 0.0), get(stem[:-1] + alt, 0.0)) if alt else get(stem, 0.0)


def whole_plausibility(lex: Lexicon, raw: str, folded: str) -> tuple[float, float, float]:
    """log10 frequency of the token as prefix+stem, stem+suffix and prefix+stem+suffix."""
    get = lex.folded.get
    n = len(raw)
    pre = [k for k in range(1, min(_MAX_PREFIX, n - MIN_SIDE) + 1) if raw[:k] in PREFIXES]
    suf = [n - k for k in range(1, min(_MAX_SUFFIX, n - MIN_SIDE) + 1) if raw[n - k :] in SUFFIXES]
    p = max([get(folded[k:], 0.0) for k in pre], default=0.0)
    s = max([_stem(get, folded[:e]) for e in suf], default=0.0)
    b = max([_stem(get, folded[a:e]) for a in pre for e in suf if e - a >= MIN_SIDE], default=0.0)
    return _log(p), _log(s), _log(b)


def junction(lex: Lexicon, raw: str, i: int) -> tuple[float, float]:
    """log10 odds of a word boundary before `i` against a word-internal letter run (2 and 1 letters)."""
    n = lex.n_words
    a1, b1 = raw[i - 1], raw[i]
    a2, b2 = raw[i - 2 : i], raw[i : i + 2]
    end1, start1, inner2 = lex.end1.get(a1, 0), lex.start1.get(b1, 0), lex.inner2.get(a1 + b1, 0)
    end2, start2, inner4 = lex.end2.get(a2, 0), lex.start2.get(b2, 0), lex.inner4.get(a2 + b2, 0)
    j1 = math.log10((end1 + 1) * (start1 + 1) / (n * (inner2 + 1)))
    j2 = math.log10((end2 + 1) * (start2 + 1) / (n * (inner4 + 1)))
    return j2, j1


def features(
    lex: Lexicon, raw: str, i: int, sides: tuple[float, float], whole: tuple[float, ...]
) -> tuple[float, ...]:
    """Feature vector (named in FEATURES) for splitting `raw` before index `i`."""
    right = raw[i:]
    lf, rf = _log(sides[0]), _log(sides[1])
    pair = pair_log(lex, fold_letters(raw), i)
    return (
        lf,
        rf,
        *whole,
        *junction(lex, raw, i),
        float(i == 2),
        float(len(right) == 2),
        float(raw[i - 1] in _ONLY_FINAL),
        float(right[0] in _HAMZA_ALEF),
        float(right.startswith("ال")),
        float(min(i, len(right)) >= 4),
        float(min(len(raw), 14)),
        min(lf, rf),
        pair,
        float(pair > 0.0),
    )


def score(values: tuple[float, ...]) -> float:
    """Linear model score of a feature vector (positive: a boundary is likelier than not)."""
    return BIAS + math.fsum(map(mul, WEIGHTS, values))


# The most the prefix/stem/suffix analysis of the whole token can add (no analysis found: log = FLOOR).
_WHOLE_BEST = sum(max(_W[f] * math.log10(FLOOR), 0.0) for f in ("whole_prefix", "whole_suffix", "whole_both"))


def _known_sides(lex: Lexicon, raw: str, folded: str) -> list[tuple[int, float, float]]:
    """(point, left freq, right freq) where both sides are known and no ة/ى sits inside a side."""
    n = len(raw)
    inner = [k for k in (raw.find("ة", 0, n - 1), raw.find("ى", 0, n - 1)) if k >= 0]
    if len(inner) > 1 or (inner and raw.find(raw[inner[0]], inner[0] + 1, n - 1) >= 0):
        return []  # two ة/ى inside: not two words
    get = lex.folded.get
    out = []
    for i in (inner[0] + 1,) if inner else range(MIN_SIDE, n - MIN_SIDE + 1):
        if MIN_SIDE <= i <= n - MIN_SIDE and (left := get(folded[:i], 0.0)) >= SIDE_MIN:
            right = _side(lex, raw[i:], folded[i:])
            if right >= SIDE_MIN:
                out.append((i, left, right))
    return out


def pair_log(lex: Lexicon, folded: str, i: int) -> float:
    """log10 of how often the two sides were seen as adjacent words (0.0 when never, or once)."""
    return lex.pairs.get(pair_key(folded[:i], folded[i:]), 0) / PAIR_SCALE


def _quick(lex: Lexicon, raw: str, folded: str, i: int, left: float, right: float) -> float:
    """Score contribution of the side, pair and shape features of split point `i`."""
    lf, rf = _log(left), _log(right)
    r = len(raw) - i
    pair = pair_log(lex, folded, i)
    return (
        _W["pair"] * pair
        + (_W["pair_seen"] if pair else 0.0)
        + _W["left_freq"] * lf
        + _W["right_freq"] * rf
        + _W["min_side"] * min(lf, rf)
        + (_W["left_two"] if i == 2 else 0.0)
        + (_W["right_two"] if r == 2 else 0.0)
        + (_W["final_letter"] if raw[i - 1] in _ONLY_FINAL else 0.0)
        + (_W["right_hamza"] if raw[i] in _HAMZA_ALEF else 0.0)
        + (_W["right_article"] if raw.startswith("ال", i) else 0.0)
        + (_W["long_sides"] if min(i, r) >= 4 else 0.0)
    )


def _best_two(lex: Lexicon, raw: str, folded: str) -> tuple[int, float, tuple[float, ...]] | None:
    """Highest-scoring two-way split that passes THRESHOLD: (point, score, features), else None.

    Scored in stages so a point stops as soon as it cannot pass even if the rest were ideal: sides and
    shape first, then the junction; the whole token's prefix/stem/suffix analysis (the costliest part)
    is made once, only for tokens that still have a chance.
    """
    sides = _known_sides(lex, raw, folded)
    if not sides:
        return None
    whole_freq = _log(lex.folded.get(folded, 0.0))
    base = BIAS + _W["whole_freq"] * whole_freq + _W["length"] * min(len(raw), 14) - THRESHOLD
    alive = []
    for i, left, right in sides:
        partial = base + _quick(lex, raw, folded, i, left, right)
        if partial + _WHOLE_BEST + lex.junction_best <= 0.0:
            continue
        j2, j1 = junction(lex, raw, i)
        partial += _W["junction2"] * j2 + _W["junction1"] * j1
        if partial + _WHOLE_BEST > 0.0:
            alive.append((partial, i, left, right))
    if not alive:
        return None
    whole = whole_plausibility(lex, raw, folded)
    analysed = _W["whole_prefix"] * whole[0] + _W["whole_suffix"] * whole[1] + _W["whole_both"] * whole[2]
    partial, i, left, right = max(alive)
    if partial + analysed <= 0.0:
        return None
    values = features(lex, raw, i, (left, right), (whole_freq, *whole))
    return i, score(values), values


def _reason(values: tuple[float, ...]) -> str:
    """The strongest kind of evidence behind a split, for the repair report."""
    if values[FEATURES.index("final_letter")]:
        return "ة/ى can only end a word"
    if values[FEATURES.index("right_hamza")]:
        return "hamza-alef starts the second word"
    if values[FEATURES.index("junction1")] + values[FEATURES.index("junction2")] > 1.0:
        return "these letters rarely meet inside a word"
    return "two common words, unknown together"


def analyse_letters(lex: Lexicon, raw: str) -> tuple[tuple[int, ...], float, str] | None:
    """Split points (indices into `raw`, letters only) of a glued token, or None if it is one word."""
    folded = fold_letters(raw)
    if len(raw) < 2 * MIN_SIDE or len(raw) > MAX_TOKEN or lex.folded.get(folded, 0.0) >= COMMON:
        return None
    best = _best_two(lex, raw, folded)
    if best is not None:
        return (best[0],), best[1], _reason(best[2])
    return _best_three(lex, raw, folded)


def _best_three(lex: Lexicon, raw: str, folded: str) -> tuple[tuple[int, ...], float, str] | None:
    """Three glued words, tried only where ة/ى inside the token fixes one boundary (cheap and safe)."""
    n = len(raw)
    k = max(raw.find("ة", 0, n - 1), raw.find("ى", 0, n - 1)) + 1
    if k < MIN_SIDE or n - k < MIN_SIDE:
        return None
    get = lex.folded.get
    head, tail = (raw[:k], folded[:k]), (raw[k:], folded[k:])
    for (part, fpart), (other, fother), offset in ((head, tail, 0), (tail, head, k)):
        if get(fother, 0.0) < SIDE_MIN and _side(lex, other, fother) < SIDE_MIN:
            continue
        best = _best_two(lex, part, fpart)
        if best is not None and get(fpart, 0.0) < COMMON:
            return tuple(sorted((k, offset + best[0]))), best[1], "ة/ى can only end a word"
    return None
