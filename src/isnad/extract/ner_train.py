"""Training and scoring the NER CRF: gazetteer learned from the training sentences, crfsuite fit,
CoNLL exact-match P/R/F1, and deterministic k-fold cross-validation over contiguous sentence blocks.

Contiguous blocks (not shuffled sentences) keep one article's repeated names inside one fold, so the
cross-validation figure is closer to what an unseen test split will show.
"""

from __future__ import annotations

import tempfile
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sklearn_crfsuite

from isnad.extract.clitics import bare, frequencies, strip_proclitics
from isnad.extract.ner_corpus import LABELS, Sentence, entities
from isnad.extract.ner_features import Featurizer, Resources
from isnad.extract.ner_model import save_bundle
from isnad.extract.ner_tagger import FastTagger, Weights

GAZ_MIN_COUNT = 2  # a stem seen once as a name is too often a one-off
GAZ_MIN_SHARE = 0.5  # ... and it must be a name in at least this share of its occurrences


@dataclass(frozen=True)
class TrainConfig:
    """CRF regularisation (c1 = L1 prunes features, keeping the model small) and iterations."""

    c1: float = 0.1
    c2: float = 0.05
    max_iterations: int = 200
    min_count: int = 1  # word identities seen fewer times in training are not features
    clusters: Mapping[str, str] = field(default_factory=dict)
    places: Mapping[str, str] = field(default_factory=dict)  # from unlabelled text: same in every half/fold


@dataclass
class Scores:
    """Entity-level counts per type; P/R/F1 derived."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def add(self, gold: list[str], pred: list[str]) -> None:
        g, p = entities(gold), entities(pred)
        for _, _, kind in g & p:
            self.tp[kind] += 1
        for _, _, kind in p - g:
            self.fp[kind] += 1
        for _, _, kind in g - p:
            self.fn[kind] += 1

    def merge(self, other: Scores) -> None:
        self.tp.update(other.tp)
        self.fp.update(other.fp)
        self.fn.update(other.fn)

    def prf(self, kind: str | None = None) -> tuple[float, float, float, int]:
        """Precision, recall, F1 and gold support for one type (None = all types, micro-averaged)."""
        tp = sum(self.tp.values()) if kind is None else self.tp[kind]
        fp = sum(self.fp.values()) if kind is None else self.fp[kind]
        fn = sum(self.fn.values()) if kind is None else self.fn[kind]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f, tp + fn

    def table(self) -> str:
        """Per-type and overall rows, as printed by the CLI and the eval script."""
        rows = [f"{'type':<8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}"]
        for kind in [*LABELS, None]:
            p, r, f, n = self.prf(kind)
            rows.append(f"{kind or 'overall':<8}{p:8.3f}{r:8.3f}{f:8.3f}{n:8d}")
        return "\n".join(rows)


def learn_gazetteer(sentences: Sequence[Sentence]) -> dict[str, str]:
    """Clitic-free stems that are mostly names in the training data, with the types they take."""
    freqs = frequencies()
    stems: dict[str, str] = {}
    total: Counter[str] = Counter()
    named: dict[str, Counter[str]] = defaultdict(Counter)
    for s in sentences:
        for word, tag in zip(s.words, s.tags, strict=True):
            stem = stems.get(word)
            if stem is None:
                stem = stems[word] = bare(strip_proclitics(word, freqs)[1])
            total[stem] += 1
            if tag != "O":
                named[stem][tag[2:]] += 1
                named[stem][tag[0]] += 1  # "B"/"I": whether the stem starts names or continues them
    gazetteer: dict[str, str] = {}
    for stem, kinds in named.items():
        n = kinds["B"] + kinds["I"]
        if n >= GAZ_MIN_COUNT and n >= GAZ_MIN_SHARE * total[stem]:
            keep = sorted(k for k, c in kinds.items() if len(k) > 1 and c >= 0.2 * n)
            begins = kinds["B"] / n
            where = "B" if begins >= 0.8 else "I" if begins <= 0.2 else "BI"
            gazetteer[stem] = "|".join(keep) + "/" + where
    return gazetteer


def fit(sentences: Sequence[Sentence], config: TrainConfig) -> tuple[Weights, Resources]:
    """Train a CRF; returns its weights and the resources its features used."""
    resources = Resources(learn_gazetteer(sentences), config.clusters, config.places)
    known = known_identities(sentences, config.min_count)
    x = jackknife_features(sentences, config.clusters, known, config.places)
    y = [s.tags for s in sentences]
    with tempfile.TemporaryDirectory() as tmp:
        model_file = str(Path(tmp) / "crf.bin")
        crf = sklearn_crfsuite.CRF(
            algorithm="lbfgs",
            c1=config.c1,
            c2=config.c2,
            max_iterations=config.max_iterations,
            all_possible_transitions=True,
            model_filename=model_file,
        )
        crf.fit(x, y)
        return Weights.from_crfsuite(Path(model_file).read_bytes()), resources


def known_identities(sentences: Sequence[Sentence], min_count: int) -> set[str] | None:
    """The "w=/c=/b=" identity features seen at least `min_count` times (None: keep every identity)."""
    if min_count <= 1:
        return None
    freqs = frequencies()
    counts: Counter[str] = Counter(w for s in sentences for w in s.words)
    seen: Counter[str] = Counter()
    for word, n in counts.items():
        core = strip_proclitics(word, freqs)[1]
        seen["w=" + word] += n
        seen["c=" + core] += n
        seen["b=" + bare(core)] += n
    return {a for a, n in seen.items() if n >= min_count}


def jackknife_features(
    sentences: Sequence[Sentence],
    clusters: Mapping[str, str],
    known: set[str] | None = None,
    places: Mapping[str, str] | None = None,
) -> list[list[list[str]]]:
    """Features where each half's gazetteer hits come from the other half, as unseen text will see them.

    With a gazetteer learned from the same sentences, every training name is a hit and the CRF learns to
    trust the gazetteer blindly; at run time half the names are new, and recall collapses.
    """
    mid = len(sentences) // 2
    halves = (sentences[:mid], sentences[mid:])
    x: list[list[list[str]]] = []
    for i, part in enumerate(halves):
        res = Resources(learn_gazetteer(halves[1 - i]), clusters, places or {})
        feat = Featurizer(res, known=known)
        x.extend(feat.sentence(s.words) for s in part)
    return x


def score(weights: Weights, resources: Resources, sentences: Sequence[Sentence]) -> Scores:
    """Entity-level scores of a model on gold sentences, decoded exactly as at run time."""
    return score_with(FastTagger(weights, Featurizer(resources)), sentences)


def score_with(tagger: FastTagger, sentences: Sequence[Sentence], doc_size: int = 0) -> Scores:
    """Scores sentence by sentence, or (doc_size > 0) over runs of that many sentences tagged as one
    document, so document-level consistency is measured as run time applies it."""
    scores = Scores()
    if doc_size <= 0:
        for s in sentences:
            scores.add(s.tags, tagger.tag(s.words, [(0, len(s.words))]))
        return scores
    for a in range(0, len(sentences), doc_size):
        doc = sentences[a : a + doc_size]
        words = [w for s in doc for w in s.words]
        bounds, at = [], 0
        for s in doc:
            bounds.append((at, at + len(s.words)))
            at += len(s.words)
        tags = tagger.tag_document(words, bounds)
        for s, (i, j) in zip(doc, bounds, strict=True):
            scores.add(s.tags, tags[i:j])
    return scores


def folds(n: int, k: int) -> list[tuple[int, int]]:
    """k contiguous, near-equal index blocks covering range(n)."""
    return [(n * i // k, n * (i + 1) // k) for i in range(k)]


def cross_validate(
    sentences: Sequence[Sentence],
    k: int,
    config: TrainConfig,
    extra: Sequence[Sentence] = (),
    doc_size: int = 0,
) -> Scores:
    """Train on k-1 blocks (plus `extra`, never tested on) and score the held-out block, k times;
    `doc_size` > 0 tags runs of that many sentences as one article (see `score_with`)."""
    total = Scores()
    for a, b in folds(len(sentences), k):
        train = [*sentences[:a], *sentences[b:], *extra]
        crf, res = fit(train, config)
        total.merge(score_with(FastTagger(crf, Featurizer(res)), sentences[a:b], doc_size))
    return total


def train_bundle(sentences: Sequence[Sentence], config: TrainConfig, out: Path, meta: dict[str, Any]) -> None:
    """Fit on all sentences and write the model bundle."""
    crf, res = fit(sentences, config)
    save_bundle(out, crf, res, {**meta, "c1": config.c1, "c2": config.c2})


def clusters_from(path: Path) -> dict[str, str]:
    """Clusters for training: reused from an existing model bundle, or learned from a folder of articles."""
    if path.is_file() and path.suffix == ".model":
        from isnad.extract.ner_model import load_bundle

        return dict(load_bundle(path).resources.clusters)
    from isnad.extract.ner_clusters import build_clusters, read_texts

    return build_clusters(read_texts(path))


def places_from(path: Path) -> dict[str, str]:
    """Place lexicon for training: reused from a model bundle, or learned from a folder of articles."""
    if path.is_file() and path.suffix == ".model":
        from isnad.extract.ner_model import load_bundle

        return dict(load_bundle(path).resources.places)
    from isnad.extract.ner_clusters import read_texts
    from isnad.extract.ner_places import learn_places

    return learn_places(read_texts(path))


def evaluate_model(model: Path | None, sentences: Sequence[Sentence]) -> Scores:
    """Scores of a saved bundle (default: the shipped one) on gold sentences."""
    from isnad.extract.ner import _loaded

    return score_with(_loaded(model)[1], sentences)
