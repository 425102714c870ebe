"""Stance of one headline towards another (agree / disagree / other) from isnad's own comparison cues.

A contradicting rewrite of a headline usually keeps most of its words and changes one thing: a number, a
place, a negation, or a word for its opposite (ارتفاع -> انخفاض). So a pair is described by what the two
sides share (topic-signature overlap, character n-grams), what each side has alone (terms, numbers and
their hedges, negation and denial cues), and crosses of a word only in one side with a word only in the
other, from which the classifier learns antonym-like substitutions. An unrelated pair ("other") shares
almost nothing. A swapped name (a person, a small town) is a contradiction no training pair may have shown, so
words wordfreq barely knows (mostly names) are tracked apart. Opposites no training pair showed come from a
general lexicon (`opposites`), and swapped roles ("X يهدد Y" / "Y يهدد X") from the order of shared words.
`stance_features` only describes a pair; `StanceModel` learns the weights, and also learns from pairs of
rewrites of one headline (two paraphrases agree; a paraphrase and a contradiction disagree).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from isnad.compare.opposites import opposed, pole_key, poles_of
from isnad.errors import IsnadError
from isnad.extract.clitics import frequencies, strip_proclitics
from isnad.extract.topic import term
from isnad.text.normalize import ARABIC_LETTERS, normalize
from isnad.text.numbers import find_numbers

__all__ = ["ALL_FAMILIES", "FAMILIES", "LABELS", "StanceModel", "stance_features"]

LABELS = ("agree", "disagree", "other")
_WORD = re.compile(f"[{ARABIC_LETTERS}]+|[0-9]+(?:[.,][0-9]+)?|[A-Za-z]+")
# Negation and denial cues (matching view, so أ/إ are already ا and ى is ي), with their clitic forms.
_NEGATION_TEXT = """
    لم لن لا ليس ليست ليسوا غير عدم دون بدون بلا ما نفي ينفي تنفي نفت نفى ينفون رفض يرفض ترفض رفضت
    ينكر انكر تنكر كذب يكذب تكذيب نفي نفيا ولا ولم ولن وليس وغير وعدم ودون فلا فلم
    """
_NEGATIONS = frozenset(normalize(_NEGATION_TEXT).text.split())
_BINS = 10
_RARE = 1e-8
_NAME_RARITY = 5.0  # -log10 frequency: rarer than 1 in 100,000 words is most likely a name (tuned on dev CV)
# yes/no features: a bin would only repeat them
_FLAGS = ("num_", "neg_", "hedge_", "no_", "pole_", "order_none")
_MAX_CROSSES = 64  # a long unrelated pair would otherwise add hundreds of meaningless crosses


@dataclass(frozen=True)
class _Side:
    """What one headline offers to a comparison, computed once per distinct text."""

    text: str
    words: tuple[str, ...]
    terms: frozenset[str]
    skeletons: frozenset[str]
    grams: frozenset[str]
    numbers: frozenset[tuple[float, str]]
    negations: frozenset[str]
    order: tuple[str, ...]  # skeletons in reading order, first occurrence each
    poles: frozenset[str]  # words as the opposites lexicon looks them up
    bound: frozenset[tuple[str, int, str]]  # (relation, pole, skeleton of a word beside the pole word)


@lru_cache(maxsize=16384)
def _side(text: str) -> _Side:
    view = normalize(text)
    words = tuple(_WORD.findall(view.text))
    kept = [w for w in words if _term(w) is not None]
    terms = frozenset(t for w in kept if (t := _term(w)) is not None)
    skeletons = frozenset(skeleton(w) for w in kept)
    squeezed = " ".join(words)
    grams = frozenset(squeezed[i : i + 4] for i in range(max(len(squeezed) - 3, 0)))
    numbers = frozenset(_number_key(s.attributes) for s in find_numbers(view))
    negations = frozenset(w for w in words if w in _NEGATIONS)
    order = tuple(dict.fromkeys(skeleton(w) for w in kept))
    keys = [pole_key(w) if not w.isascii() else w for w in kept]
    poles = frozenset(keys)
    bound = frozenset(_bindings(kept, keys))
    return _Side(text, words, terms, skeletons, grams, numbers, negations, order, poles, bound)


_REACH = 2  # words either side of a pole word that it is said of ("الإسترليني يهبط", "هبوط للدولار")


def _bindings(kept: Sequence[str], keys: Sequence[str]) -> list[tuple[str, int, str]]:
    """Which pole each content word stands beside: "الإسترليني يهبط والدولار يصعد" binds the pound to
    down and the dollar to up, so the same words with the poles swapped are a contradiction."""
    out = []
    for i, key in enumerate(keys):
        for relation, pole in poles_of(key):
            for j in range(max(i - _REACH, 0), min(i + _REACH + 1, len(kept))):
                if j != i and not poles_of(keys[j]) and len(kept[j]) >= 3:
                    out.append((relation, pole, skeleton(kept[j])))
    return out


def _term(word: str) -> str | None:
    if word[0].isdigit():
        return None  # numbers are compared by value, not as words
    if word.isascii():
        return word.lower()
    return term(word) if len(word) >= 2 else None


_DEFINITE = ("وال", "فال", "بال", "كال", "ولل", "لل", "ال")
_SUFFIXES = ("ات", "ون", "ين", "ان", "ها", "هم", "يه", "ه", "ي", "ا")
_PREFIXES = "يتنا"
_LONG_VOWELS = str.maketrans("", "", "اوي")


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """A consonant skeleton of a folded word, so يرتفع / ارتفاع / ارتفاعا and ايران / الايرانيه meet."""
    if word.isascii():
        return word.lower()
    for clitic in _DEFINITE:
        if word.startswith(clitic) and len(word) - len(clitic) >= 2:
            word = word[len(clitic) :]
            break
    else:
        if word[0] in "وف" and len(word) >= 5:
            word = word[1:]
    for _ in range(2):  # derivational and plural endings stack: ايرانيه -> ايران
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
    for _ in range(2):  # imperfect-verb and form-VIII prefixes: يتراجع / تراجع -> راجع
        if word[0] in _PREFIXES and len(word) >= 4:
            word = word[1:]
    return word[0] + word[1:].translate(_LONG_VOWELS)


def _number_key(attrs: Mapping[str, Any]) -> tuple[float, str]:
    value = attrs.get("value")
    return (float(value) if isinstance(value, int | float) else math.nan, str(attrs.get("hedge") or ""))


def _ratio(n: int, d: int) -> float:
    return n / d if d else 0.0


def _overlap_features(a: _Side, b: _Side) -> dict[str, float]:
    shared = len(a.terms & b.terms)
    grams = len(a.grams & b.grams)
    soft = len(a.skeletons & b.skeletons)
    return {
        "terms_jaccard": _ratio(shared, len(a.terms | b.terms)),
        "terms_in_a": _ratio(shared, len(a.terms)),
        "terms_in_b": _ratio(shared, len(b.terms)),
        "terms_shared": math.log1p(shared),
        "a_only": math.log1p(len(a.terms - b.terms)),
        "b_only": math.log1p(len(b.terms - a.terms)),
        "grams_jaccard": _ratio(grams, len(a.grams | b.grams)),
        "grams_in_a": _ratio(grams, len(a.grams)),
        "grams_in_b": _ratio(grams, len(b.grams)),
        "no_overlap": float(shared == 0),
        "soft_jaccard": _ratio(soft, len(a.skeletons | b.skeletons)),
        "soft_in_a": _ratio(soft, len(a.skeletons)),
        "soft_in_b": _ratio(soft, len(b.skeletons)),
        "soft_a_only": float(len(a.skeletons - b.skeletons)),
        "soft_b_only": float(len(b.skeletons - a.skeletons)),
        "length_ratio": _ratio(min(len(a.words), len(b.words)), max(len(a.words), len(b.words))),
    }


def _number_features(a: _Side, b: _Side) -> dict[str, float]:
    va, vb = {v for v, _ in a.numbers}, {v for v, _ in b.numbers}
    hedged_a = {(v, h) for v, h in a.numbers if v in vb}
    hedged_b = {(v, h) for v, h in b.numbers if v in va}
    return {
        "num_a": float(bool(va)),
        "num_b": float(bool(vb)),
        "num_same": float(bool(va & vb)),
        "num_changed": float(bool(va) and bool(vb) and va != vb),
        "num_dropped": float(bool(va - vb)),
        "num_added": float(bool(vb - va)),
        "hedge_changed": float(hedged_a != hedged_b),
    }


def _negation_features(a: _Side, b: _Side) -> dict[str, float]:
    out = {
        "neg_a": float(bool(a.negations)),
        "neg_b": float(bool(b.negations)),
        "neg_only_a": float(bool(a.negations - b.negations)),
        "neg_only_b": float(bool(b.negations - a.negations)),
        # Two different cues on both sides ("تقول إنه ليس لديها" / "تنفي وجود") keep the polarity: only
        # one side negated flips it.
        "neg_parity_differs": float(bool(a.negations) != bool(b.negations)),
    }
    for cue in b.negations ^ a.negations:
        out[f"neg:{cue}"] = 1.0
    return out


def _lexical_features(a: _Side, b: _Side) -> dict[str, float]:
    only_a, only_b = sorted(a.skeletons - b.skeletons), sorted(b.skeletons - a.skeletons)
    out: dict[str, float] = {}
    for t in only_a:
        out[f"a:{t}"] = 1.0
    for t in only_b:
        out[f"b:{t}"] = 1.0
    # Unordered, so "rise" replaced by "fall" and "fall" replaced by "rise" teach the same weight.
    crosses = [f"x:{min(x, y)}|{max(x, y)}" for x in only_a for y in only_b]
    for key in crosses[:_MAX_CROSSES]:
        out[key] = 1.0
    return out


@lru_cache(maxsize=16384)
def _rarity(text: str) -> dict[str, float]:
    """Skeleton -> -log10 word frequency; a word wordfreq does not know is most likely a name."""
    freqs, ceiling = frequencies(), -math.log10(_RARE)
    out: dict[str, float] = {}
    for w in _side(text).words:
        if _term(w) is not None:
            k = skeleton(w)
            out[k] = max(out.get(k, 0.0), min(-math.log10(freqs.get(w, _RARE)), ceiling))
    return out


def _rarity_features(a: _Side, b: _Side) -> dict[str, float]:
    ra, rb = _rarity(a.text), _rarity(b.text)
    shared = sum(ra[k] for k in a.skeletons & b.skeletons)
    total = sum(ra.values()) + sum(rb[k] for k in b.skeletons - a.skeletons)
    only_a = [ra[k] for k in a.skeletons - b.skeletons]
    only_b = [rb[k] for k in b.skeletons - a.skeletons]
    scale = -math.log10(_RARE)
    return {
        "rare_jaccard": _ratio_f(shared, total),
        "rare_shared": shared / scale,
        "rare_max_shared": max((ra[k] for k in a.skeletons & b.skeletons), default=0.0) / scale,
        "rare_max_a_only": max(only_a, default=0.0) / scale,
        "rare_max_b_only": max(only_b, default=0.0) / scale,
    }


@lru_cache(maxsize=16384)
def _names(text: str) -> frozenset[str]:
    """Skeletons of words rare even without their clitics (بسوريا -> سوريا): a headline's likely names."""
    freqs = frequencies()
    out: set[str] = set()
    for w in _side(text).words:
        if _term(w) is not None:
            core = strip_proclitics(w, freqs)[1]
            if -math.log10(max(freqs.get(w, _RARE), freqs.get(core, _RARE))) >= _NAME_RARITY:
                out.add(skeleton(w))
    return frozenset(out)


def _name_features(a: _Side, b: _Side) -> dict[str, float]:
    only_a = _names(a.text) - b.skeletons
    only_b = _names(b.text) - a.skeletons
    return {
        "name_only_a": float(bool(only_a)),
        "name_only_b": float(bool(only_b)),
        "name_swapped": float(bool(only_a) and bool(only_b)),  # one name put in place of another
    }


def _polarity_features(a: _Side, b: _Side) -> dict[str, float]:
    swapped, touched = opposed(a.poles - b.poles, b.poles - a.poles)
    out = {f"pole_swap:{r}": 1.0 for r in swapped} | {f"pole_one:{r}": 1.0 for r in touched}
    out["pole_swapped"] = float(bool(swapped))
    flipped = {(r, 1 - p, w) for r, p, w in a.bound} & b.bound
    out["pole_rebound"] = float(bool(flipped))  # one word beside opposite poles in the two headlines
    return out


def _order_features(a: _Side, b: _Side) -> dict[str, float]:
    """How far the words both sides share are reordered: "X يهدد Y" against "Y يهدد X" swaps the roles."""
    in_b = {k: i for i, k in enumerate(b.order)}
    shared = [in_b[k] for k in a.order if k in in_b]  # b's positions, in a's reading order
    pairs = len(shared) * (len(shared) - 1) // 2
    inverted = sum(1 for i, x in enumerate(shared) for y in shared[i + 1 :] if y < x)
    return {"order_inverted": _ratio(inverted, pairs), "order_none": float(pairs == 0)}


def _ratio_f(n: float, d: float) -> float:
    return n / d if d else 0.0


# "rarity" (wordfreq-weighted overlap) is optional: neutral on dev CV.
FAMILIES = ("overlap", "numbers", "negation", "lexical", "names", "polarity", "order")
ALL_FAMILIES = (*FAMILIES, "rarity")
_EXTRACTORS = {
    "rarity": _rarity_features,
    "overlap": _overlap_features,
    "numbers": _number_features,
    "negation": _negation_features,
    "lexical": _lexical_features,
    "names": _name_features,
    "polarity": _polarity_features,
    "order": _order_features,
}


def stance_features(a: str, b: str, families: Sequence[str] = FAMILIES) -> dict[str, float]:
    """Named features of headline `b` against headline `a` (dense cues plus sparse word and cross keys)."""
    unknown = [f for f in families if f not in _EXTRACTORS]
    if unknown:
        raise IsnadError("ISN400", "stance", f"unknown feature families {unknown}; use {list(ALL_FAMILIES)}")
    sa, sb = _side(a), _side(b)
    out: dict[str, float] = {}
    for family in families:
        out.update(_EXTRACTORS[family](sa, sb))
    return out


class StanceModel:
    """A linear classifier over `stance_features`, trained and applied by isnad's own code."""

    def __init__(
        self, families: Sequence[str] = FAMILIES, c: float = 1.0, seed: int = 0, transitive: bool = True
    ) -> None:
        self.families = tuple(families)
        self.c = c
        self.seed = seed
        self.transitive = transitive
        self._vectorizer: Any = None
        self._classifier: Any = None

    def fit(self, pairs: Sequence[tuple[str, str]], labels: Sequence[str]) -> StanceModel:
        """Learn weights (antonym crosses included) from labelled headline pairs; returns self."""
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        if len(pairs) != len(labels) or not pairs:
            raise IsnadError("ISN400", "stance", f"{len(pairs)} pairs but {len(labels)} labels")
        if len(set(labels)) < 2:
            raise IsnadError("ISN400", "stance", "training needs at least two different labels")
        if self.transitive:
            pairs, labels = _with_sibling_pairs(pairs, labels)
        self._vectorizer = DictVectorizer()
        x = _indexed(self._vectorizer.fit_transform([self._features(a, b) for a, b in pairs]))
        # saga: lbfgs needs 10x longer on these sparse crosses; "balanced" lifts the rare "other" class.
        self._classifier = LogisticRegression(
            C=self.c, solver="saga", class_weight="balanced", max_iter=3000, random_state=self.seed
        )
        self._classifier.fit(x, list(labels))
        return self

    def _features(self, a: str, b: str) -> dict[str, float]:
        features = stance_features(a, b, self.families)
        return _binned(features)

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[str]:
        """The stance label of each pair's second headline towards its first."""
        if self._classifier is None:
            raise IsnadError("ISN400", "stance", "the model is not trained: call fit() first")
        if not pairs:
            return []
        x = _indexed(self._vectorizer.transform([self._features(a, b) for a, b in pairs]))
        return [str(y) for y in self._classifier.predict(x)]


def _with_sibling_pairs(
    pairs: Sequence[tuple[str, str]], labels: Sequence[str]
) -> tuple[list[tuple[str, str]], list[str]]:
    """Pair up rewrites of one headline: a paraphrase agrees with a paraphrase, not with a contradiction."""
    rewrites: defaultdict[str, list[tuple[str, str]]] = defaultdict(list)
    for (a, b), label in zip(pairs, labels, strict=True):
        rewrites[a].append((b, label))
    out_pairs, out_labels = list(pairs), list(labels)
    for siblings in rewrites.values():
        for i, (first, first_label) in enumerate(siblings):
            if first_label != "agree":
                continue  # two contradictions of one headline may agree or not: no label to give
            for j, (second, second_label) in enumerate(siblings):
                if j != i and second_label in ("agree", "disagree") and second != first:
                    out_pairs.append((first, second))
                    out_labels.append(second_label)
    return out_pairs, out_labels


def _binned(features: dict[str, float]) -> dict[str, float]:
    """Add a one-hot bin beside every graded feature, so a linear model can draw thresholds (other: ~0)."""
    out = dict(features)
    for key, value in features.items():
        if ":" not in key and not key.startswith(_FLAGS):
            out[f"bin:{key}:{min(int(value * _BINS), _BINS - 1) if value <= 1.0 else int(value)}"] = 1.0
    return out


def _indexed(x: Any) -> Any:
    """saga wants 32-bit sparse indices; DictVectorizer may hand back 64-bit ones."""
    x = x.tocsr()
    x.indices = x.indices.astype("int32")
    x.indptr = x.indptr.astype("int32")
    return x
