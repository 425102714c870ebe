"""Fast CRF decoding: per-word score vectors cached once, Viterbi batched over an article's sentences.

crfsuite looks up every attribute string of every token (~40 per token, ~17 µs); but all attributes except
the two word-pair conjunctions depend on one word only, so their summed label scores are cached per
distinct word and per neighbour offset, and a token costs a few array gathers instead.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from isnad.extract.ner_features import BOS, CUES, EOS, Featurizer
from isnad.text.normalize import fold

Array = np.ndarray[Any, np.dtype[np.float64]]
_GROW = 4096
_PAIR = 1 << 24  # packs two row numbers into one int key
_PAIR_CACHE = 2_000_000  # word pairs remembered before the cache is reset (bounds memory)
MARGIN = 2.0  # how much a name's own score for its type must beat "O" before it sets the document's reading
PLACE_MARGIN = 1.0  # how far below "O" a known place's LOC score may be and still be read as a place
PLACE_BAND = 3  # lowest place-lexicon band that rule trusts (tuned by 5-fold CV over 25-sentence documents)


class Weights:
    """Label set, transition matrix and per-attribute label weights of a trained linear-chain CRF."""

    def __init__(self, labels: list[str], transitions: Array, attributes: list[str], state: Array) -> None:
        self.labels = labels
        self.transitions = transitions
        self.index = {a: i for i, a in enumerate(attributes)}
        # One extra zero row: unknown attributes and out-of-sentence neighbours point at it.
        self.state = np.vstack([state, np.zeros((1, len(labels)))])
        self.none = len(attributes)

    @classmethod
    def from_crfsuite(cls, crf_bytes: bytes) -> Weights:
        """Read the weights out of a crfsuite model (done once, at training time)."""
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open_inmemory(crf_bytes)
        info = tagger.info()
        labels = sorted(info.labels, key=lambda x: (x != "O", x))
        lab = {x: i for i, x in enumerate(labels)}
        trans = np.zeros((len(labels), len(labels)))
        for (a, b), w in info.transitions.items():
            trans[lab[a], lab[b]] = w
        attributes = sorted({a for a, _ in info.state_features})
        att = {a: i for i, a in enumerate(attributes)}
        state = np.zeros((len(attributes), len(labels)))
        for (a, label), w in info.state_features.items():
            state[att[a], lab[label]] = w
        return cls(labels, trans, attributes, state)

    def score(self, attrs: list[str]) -> Array:
        """Summed label scores of a list of attributes (unknown ones score nothing)."""
        rows = [self.index.get(a, self.none) for a in attrs]
        return np.asarray(self.state[rows].sum(axis=0))


class FastTagger:
    """Tags token lists exactly as the CRF would, caching each word's score vectors."""

    def __init__(self, weights: Weights, featurizer: Featurizer) -> None:
        self.w = weights
        self.feat = featurizer
        self.rows: dict[str, int] = {}
        self.keys: list[str] = []
        n_labels = len(weights.labels)
        # Slot 0 is the "no word" row (outside the sentence): all zeros.
        self.table = np.zeros((5, _GROW, n_labels))
        self.keys.append("")
        self.places = np.zeros(_GROW, dtype=np.int8)  # place-lexicon band per row
        self.pair_cache: dict[int, int] = {}
        self.bos = weights.score(BOS)
        self.eos = weights.score(EOS)

    def _row(self, word: str) -> int:
        row = self.rows.get(word)
        if row is None:
            row = self.rows[word] = len(self.keys)
            if row >= self.table.shape[1]:
                self.table = np.concatenate([self.table, np.zeros_like(self.table)], axis=1)
                self.places = np.concatenate([self.places, np.zeros_like(self.places)])
            own, left, right, left2, right2, key = self.feat.word(word)
            for k, attrs in enumerate((own, left, right, left2, right2)):
                self.table[k, row] = self.w.score(attrs)
            self.keys.append(key)
            self.places[row] = self.feat.place(word)
        return row

    def emissions(self, words: list[str], bounds: list[tuple[int, int]]) -> Array:
        """Label scores of every token, neighbours limited to their own sentence."""
        rows = self.rows
        known = [rows.get(w, -1) for w in words]  # most words repeat: one dict lookup each
        if -1 in known:
            known = [r if r >= 0 else self._row(w) for r, w in zip(known, words, strict=True)]
        ids = np.array(known, dtype=np.int64)
        n = len(words)
        sent = np.repeat(np.arange(len(bounds)), [b - a for a, b in bounds])
        pos = np.arange(n)
        t = self.table
        e: Array = t[0, ids].copy()
        for k, off in ((1, -1), (2, 1), (3, -2), (4, 2)):
            j = np.clip(pos + off, 0, n - 1)
            ok = (pos + off >= 0) & (pos + off < n) & (sent[j] == sent)
            e += t[k, np.where(ok, ids[j], 0)]
        starts = [a for a, _ in bounds]
        ends = [b - 1 for _, b in bounds]
        e[starts] += self.bos
        e[ends] += self.eos
        lw, wr = self._pairs(ids, starts, ends)
        e += self.w.state[lw]
        e += self.w.state[wr]
        return e

    def _pairs(self, ids: Any, starts: list[int], ends: list[int]) -> tuple[Any, Any]:
        """Attribute rows of the left|word and word|right conjunctions of every token.

        The pair (a, b) gives b its "lw=a|b" and a its "wr=a|b", so one cached lookup per adjacent pair
        serves both; sentence edges get the "^"/"$" forms instead.
        """
        index, none, keys, cache = self.w.index, self.w.none, self.keys, self.pair_cache
        codes = (ids[:-1] * _PAIR + ids[1:]).tolist()
        packed = [cache.get(c, -1) for c in codes]
        if -1 in packed:
            if len(cache) > _PAIR_CACHE:
                cache.clear()
            for k, c in enumerate(codes):
                if packed[k] < 0:
                    a, b = keys[c // _PAIR], keys[c % _PAIR]
                    left = index.get("lw=" + a + "|" + b, none)
                    right = index.get("wr=" + a + "|" + b, none)
                    packed[k] = cache[c] = left * _PAIR + right
        pairs = np.asarray(packed, dtype=np.int64)
        lw = np.full(len(ids), none, dtype=np.int64)
        wr = np.full(len(ids), none, dtype=np.int64)
        lw[1:] = pairs // _PAIR
        wr[:-1] = pairs % _PAIR
        for a in starts:
            lw[a] = index.get("lw=^|" + keys[ids[a]], none)
        for b in ends:
            wr[b] = index.get("wr=" + keys[ids[b]] + "|$", none)
        return lw, wr

    def tag(self, words: list[str], bounds: list[tuple[int, int]]) -> list[str]:
        """Viterbi labels for every token, all sentences decoded side by side."""
        if not words:
            return []
        e = self.emissions(words, bounds)
        return viterbi_batch(e, bounds, self.w.transitions, self.w.labels)

    def tag_document(
        self,
        words: list[str],
        bounds: list[tuple[int, int]],
        margin: float = MARGIN,
        place_margin: float = PLACE_MARGIN,
        place_band: int = PLACE_BAND,
    ) -> list[str]:
        """Viterbi labels, then a name tagged confidently once is tagged so wherever it stands alone, and
        known places the CRF leaves "O" by a small margin are read as places."""
        if not words:
            return []
        e = self.emissions(words, bounds)
        tags = viterbi_batch(e, bounds, self.w.transitions, self.w.labels)
        rows = [self.rows[w] for w in words]
        stems = [self.keys[r] for r in rows]
        tags = propagate(stems, tags, e, self.w.labels, margin)
        if place_band <= 3 and "B-LOC" in self.w.labels:
            known = np.flatnonzero(self.places[rows] >= place_band).tolist()
            if known:
                tags = known_places(known, tags, e, self.w.labels, place_margin)
            tags = introduced_places(stems, tags, [int(self.places[r]) for r in rows])
        return tags


def propagate(stems: list[str], tags: list[str], e: Array, labels: list[str], margin: float) -> list[str]:
    """One-token names whose own evidence for their type beats "O" by `margin` lend that type to the
    document's other lone occurrences of the same stem (a writer does not switch "الموصل" from a city to
    a common noun mid-article; the CRF, judging each context alone, sometimes does)."""
    col = {x: i for i, x in enumerate(labels)}
    out_col = col["O"]
    kinds: dict[str, set[str]] = {}
    n = len(tags)
    for i, tag in enumerate(tags):
        if tag.startswith("B-") and (i + 1 == n or not tags[i + 1].startswith("I-")):
            stem = stems[i]
            if len(stem) >= 3 and stem not in CUES and e[i, col[tag]] - e[i, out_col] >= margin:
                kinds.setdefault(stem, set()).add(tag[2:])
    sure = {stem: next(iter(k)) for stem, k in kinds.items() if len(k) == 1}
    if not sure:
        return tags
    out = list(tags)
    for i, stem in enumerate(stems):
        kind = sure.get(stem)
        if kind and out[i] == "O" and (i == 0 or out[i - 1] == "O") and (i + 1 == n or out[i + 1] == "O"):
            out[i] = "B-" + kind
    return out


def known_places(known: list[int], tags: list[str], e: Array, labels: list[str], margin: float) -> list[str]:
    """Lone "O" tokens at `known` (in the place lexicon) whose own LOC score is at most `margin` below "O"
    become LOC: the labelled corpus leaves many city names untagged, and the CRF learns that too well."""
    loc, out_col = labels.index("B-LOC"), labels.index("O")
    out = list(tags)
    n = len(tags)
    for i in known:
        if out[i] != "O" or e[i, loc] - e[i, out_col] < -margin:
            continue
        if (i == 0 or out[i - 1] == "O") and (i + 1 == n or tags[i + 1] == "O"):
            out[i] = "B-LOC"
    return out


# Administrative nouns that introduce a place by name ("مدينة الموصل", "بمحافظة نينوى"), folded cores.
_ADMIN_TEXT = "مدينة محافظة بلدة قرية عاصمة ولاية إقليم مخيم إمارة مدينتي بلدتي"
ADMIN_NOUNS = frozenset(fold(w) for w in _ADMIN_TEXT.split())
_RANK_TEXT = "آخر أخر ثاني ثالث أكبر كبرى أهم أقدم"
_RANKS = frozenset(fold(w) for w in _RANK_TEXT.split())


def introduced_places(stems: list[str], tags: list[str], bands: list[int]) -> list[str]:
    """A word the article itself introduces as a place ("مدينة الموصل") and that the place lexicon knows
    is a place at its other lone mentions in the article too ("الثبات في الموصل"): the article's own
    words outweigh a labelled corpus that left the name untagged."""
    n = len(tags)
    named = {stems[i + 1] for i in range(n - 1) if stems[i] in ADMIN_NOUNS and bands[i + 1] >= 1}
    # ... or described as one right after its name: "الموصل آخر مدينة كبيرة", "حلب ثاني أكبر مدينة".
    named |= {
        stems[i]
        for i in range(n - 2)
        if bands[i] >= 1
        and stems[i + 1] in _RANKS
        and (stems[i + 2] in ADMIN_NOUNS or stems[i + 2] in _RANKS)
    }
    if not named:
        return tags
    out = list(tags)
    for i, stem in enumerate(stems):
        lone = (i == 0 or out[i - 1] == "O") and (i + 1 == n or tags[i + 1] == "O")
        if stem in named and out[i] == "O" and lone:
            out[i] = "B-LOC"
    return out


def viterbi_batch(e: Array, bounds: list[tuple[int, int]], trans: Array, labels: list[str]) -> list[str]:
    """Best label path of each sentence (rows `bounds` of `e`), stepping all sentences together."""
    lengths = [b - a for a, b in bounds]
    n_sent, n_lab, longest = len(bounds), trans.shape[0], max(lengths)
    padded = np.zeros((longest, n_sent, n_lab))
    for k, (a, b) in enumerate(bounds):
        padded[: b - a, k] = e[a:b]
    ending: dict[int, list[int]] = {}
    for k, length in enumerate(lengths):
        ending.setdefault(length - 1, []).append(k)
    # Sentences past their end keep stepping (cheaper than masking every step); each one's best final
    # state is taken at its own last token, and its backtrack starts there.
    final = np.zeros(n_sent, dtype=np.int64)
    back = np.zeros((longest, n_sent, n_lab), dtype=np.int64)
    # Laid out (sentence, to, from) so reductions run over contiguous memory; the max is gathered
    # through the argmax (a second reduction costs twice as much at these sizes).
    into = np.ascontiguousarray(trans.T)
    flat = np.arange(n_sent * n_lab)
    delta = padded[0]
    if 0 in ending:
        final[ending[0]] = delta[ending[0]].argmax(axis=1)
    for t in range(1, longest):
        scores = delta[:, None, :] + into
        best = scores.argmax(axis=2)
        back[t] = best
        delta = scores.reshape(-1, n_lab)[flat, best.ravel()].reshape(n_sent, n_lab) + padded[t]
        done = ending.get(t)
        if done:
            final[done] = delta[done].argmax(axis=1)
    path = np.zeros((longest, n_sent), dtype=np.int64)
    rows = np.arange(n_sent)
    state = final.copy()
    for t in range(longest - 1, -1, -1):
        done = ending.get(t)
        if done:
            state[done] = final[done]  # this sentence's backtrack starts at its own last token
        path[t] = state
        if t:
            state = back[t, rows, state]
    out: list[str] = []
    for k, row in enumerate(path.T.tolist()):
        out.extend(labels[i] for i in row[: lengths[k]])
    return out
