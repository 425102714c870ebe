"""Rebuild the glued-word pair table and refit glue_model.py's MODEL and BIAS from SaudiNewsNet.

Deterministic; regenerates src/isnad/text/data/glue_pairs.bin and the MODEL/BIAS block in place:

    .venv/bin/python eval/fit_glue_model.py --write        (about 3 minutes; numpy only)

Pair table: adjacent Arabic words (marks dropped, folded) of the tune days 2015-07-21..27, kept when
seen >= MIN_PAIR times, stored as crc32 key -> round(16 * log10 count): derived counts, no text.
Training rows are built with glue_model's own candidate and feature functions, so training and run time
cannot drift:
  positives  adjacent Arabic word pairs of the tune days glued at random (fixed seed); one row per
             candidate split point of the glued token, label 1 at the true point, 0 (half weight) elsewhere;
             each day is judged with a pair table built from the other tune days (new stories, as later);
  negatives  untouched tokens of the tune days that glue would examine, every candidate point labelled
             0 and weighted by the token's count. Tokens with ة/ى inside are left out of training: many of
             them are real glues in scraped text ("وزارةالتعليم"), so calling them negatives would be wrong.
Positives are reweighted to POS_SHARE of the negatives' total weight, features standardised, and an
L2-regularised weighted logistic regression fitted by full-batch gradient descent.

By default tokens count as known words (never split) from frequency FIT_COMMON = 1e-7 and tokens of 4+
letters are used, as for the shipped weights; --runtime-filters trains on exactly the tokens glue
examines (glue.COMMON, MIN_TOKEN). The held-out days always use the run-time filters and the full table.
They are scored the way glue_model._best_two scores a token; three-way splits are not modelled, so
eval/glued_words.py, which runs the whole of clean(), gives slightly different absolute figures.

    .venv/bin/python eval/fit_glue_model.py [--write] [--runtime-filters] [--seed 7] [--rate 0.02]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import time
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from isnad.text import glue, glue_model
from isnad.text.glue import COMMON, FEATURES, MAX_TOKEN, MIN_SIDE, MIN_TOKEN, Lexicon, fold_letters
from isnad.text.glue_model import MARKS, PAIR_SCALE, encode_pairs, pair_key
from isnad.text.normalize import ARABIC_LETTERS

ROOT = Path(__file__).resolve().parents[1]
DATASET = ROOT.parent / "shared" / "datasets" / "saudinewsnet" / "dataset"
TUNE_DAYS = 7  # zips (sorted by date) the model is fitted on; the rest are held out
POS_SHARE = 0.2  # positives' total weight as a share of the negatives'
OTHER_POINT = 0.5  # weight of a wrong candidate point inside a glued token
FIT_COMMON = 1e-7  # the known-word frequency the shipped weights were fitted with (see the docstring)
THRESHOLDS = (0.0, 1.0, glue.THRESHOLD, 2.0, 3.0, 4.0)
_WORD = re.compile(f"[{ARABIC_LETTERS}]+")
MIN_PAIR = 2  # word pairs seen fewer times are left out of the shipped table
PAIRS_PATH = ROOT / "src" / "isnad" / "text" / glue_model.PAIRS_FILE
MODEL_PATH = ROOT / "src" / "isnad" / "text" / "glue_model.py"


def article_pairs(text: str) -> Counter[int]:
    """Keys of the adjacent pairs of Arabic words (folded, marks dropped) in one text."""
    out: Counter[int] = Counter()
    prev = ""
    for tok in text.split():
        word = MARKS.sub("", tok)
        if _WORD.fullmatch(word):
            word = fold_letters(word)
            if prev:
                out[pair_key(prev, word)] += 1
            prev = word
        else:
            prev = ""
    return out


def quantise(count: int) -> int:
    """A pair count as stored in the table (0: left out)."""
    return min(255, max(1, round(PAIR_SCALE * math.log10(count)))) if count >= MIN_PAIR else 0


def pair_table(counts: Counter[int]) -> dict[int, int]:
    """The shipped table: quantised counts of the pairs seen at least MIN_PAIR times."""
    return {k: q for k, c in counts.items() if (q := quantise(c))}


Point = tuple[int, tuple[float, ...]]


@dataclass(frozen=True)
class Filters:
    """Which tokens glue.py examines: rarer than `common` as a whole, at least `min_length` letters."""

    common: float
    known: frozenset[str]  # spellings at least `common` frequent, as in Lexicon.common
    min_length: int

    @property
    def token(self) -> re.Pattern[str]:
        """glue.TOKEN (standalone word runs) with this minimum length."""
        body = f"{{{MIN_TOKEN},}}"
        assert body in glue.TOKEN.pattern, "glue.TOKEN changed shape; update fit_glue_model.py"
        return re.compile(glue.TOKEN.pattern.replace(body, f"{{{self.min_length},}}"))


@dataclass
class Rows:
    """Candidate points of glued pairs and of untouched tokens, from one set of days."""

    positives: list[tuple[int, list[Point]]]  # (true point, candidates); glued forms glue.py skips omitted
    n_pairs: int  # all glued pairs, the recall denominator
    negatives: list[tuple[str, int, list[Point]]]  # (token, count, candidates)
    words: int  # whitespace tokens, the split-rate denominator


def load_days(split: str, limit: int = 0) -> list[str]:
    """Article bodies of the tune days or the held-out days (the first `limit` of them), in file order."""
    return [text for day in load_day_groups(split, limit) for text in day]


def load_day_groups(split: str, limit: int = 0) -> list[list[str]]:
    """Article bodies per day (zip) of the tune or held-out days."""
    if not DATASET.is_dir():
        raise SystemExit(f"SaudiNewsNet not found at {DATASET}")
    zips = sorted(DATASET.glob("*.zip"))
    out: list[list[str]] = []
    chosen = zips[:TUNE_DAYS] if split == "tune" else zips[TUNE_DAYS:]
    for path in chosen[:limit] if limit else chosen:
        with zipfile.ZipFile(path) as z:
            out.append([str(r.get("content") or "") for n in z.namelist() for r in json.loads(z.read(n))])
    return out


def candidates(lex: Lexicon, raw: str, filters: Filters) -> list[Point] | None:
    """Every split point glue._best_two would score for `raw`, with its features; None if never examined."""
    folded = fold_letters(raw)
    if len(raw) < max(2 * MIN_SIDE, filters.min_length) or len(raw) > MAX_TOKEN or raw in filters.known:
        return None
    whole_freq = lex.folded.get(folded, 0.0)
    if whole_freq >= filters.common:
        return None
    sides = glue_model._known_sides(lex, raw, folded)
    if not sides:
        return []
    whole = (glue_model._log(whole_freq), *glue_model.whole_plausibility(lex, raw, folded))
    return [(i, glue_model.features(lex, raw, i, (left, right), whole)) for i, left, right in sides]


def build_rows(lex: Lexicon, texts: list[str], filters: Filters, seed: int, rate: float) -> Rows:
    """Glue a `rate` share of adjacent Arabic word pairs; count the untouched tokens glue.py would examine."""
    rng = random.Random(seed)
    positives: list[tuple[int, list[Point]]] = []
    tokens: Counter[str] = Counter()
    pattern = filters.token
    n_pairs = words = 0
    for text in texts:
        toks = text.split()
        words += len(toks)
        tokens.update(pattern.findall(text))
        for k in range(len(toks) - 1):
            if rng.random() < rate and _WORD.fullmatch(toks[k]) and _WORD.fullmatch(toks[k + 1]):
                n_pairs += 1
                points = candidates(lex, toks[k] + toks[k + 1], filters)
                if points:
                    positives.append((len(toks[k]), points))
    negatives = []
    for token, count in tokens.items():
        raw = MARKS.sub("", token)
        if _WORD.fullmatch(raw) and token not in filters.known and (points := candidates(lex, raw, filters)):
            negatives.append((raw, count, points))
    return Rows(positives, n_pairs, negatives, words)


def tune_rows(lex: Lexicon, days: list[list[str]], filters: Filters, seed: int, rate: float) -> Rows:
    """Rows of each tune day judged with a pair table built from the other days only.

    A day's own pairs would make its glued pairs look familiar; held-out text brings new stories, so
    each day is scored as unseen text. The shipped table (all tune days) is left in `lex.pairs`.
    """
    per_day = [Counter(k for text in texts for k in article_pairs(text).elements()) for texts in days]
    total: Counter[int] = Counter()
    for counts in per_day:
        total.update(counts)
    merged = Rows([], 0, [], 0)
    for d, (texts, counts) in enumerate(zip(days, per_day, strict=True)):
        lex.pairs = pair_table(total - counts)
        rows = build_rows(lex, texts, filters, seed + d, rate)
        merged.positives += rows.positives
        merged.negatives += rows.negatives
        merged.n_pairs += rows.n_pairs
        merged.words += rows.words
    lex.pairs = pair_table(total)
    return merged


def _inner_final(raw: str) -> bool:
    return any(c in "ةى" for c in raw[:-1])


def training_matrix(rows: Rows) -> tuple[Any, Any, Any]:
    """Features, labels and weights of every candidate point (positives first)."""
    import numpy as np

    feats: list[tuple[float, ...]] = []
    labels: list[float] = []
    weights: list[float] = []
    for true, points in rows.positives:
        for i, f in points:
            feats.append(f)
            labels.append(float(i == true))
            weights.append(1.0 if i == true else OTHER_POINT)
    for raw, count, points in rows.negatives:
        if not _inner_final(raw):
            feats.extend(f for _, f in points)
            labels.extend([0.0] * len(points))
            weights.extend([float(count)] * len(points))
    x, y, w = np.array(feats, dtype=float), np.array(labels), np.array(weights)
    return x, y, w


def fit(x: Any, y: Any, w: Any, pos_share: float, l2: float, steps: int, lr: float) -> tuple[Any, float]:
    """Weighted L2 logistic regression, gradient descent on standardised features; raw-scale (coef, bias)."""
    import numpy as np

    w = w.copy()
    w[y == 1] *= w[y == 0].sum() / w[y == 1].sum() * pos_share
    mu, sd = x.mean(0), x.std(0) + 1e-9
    xs = np.c_[(x - mu) / sd, np.ones(len(x))]
    theta = np.zeros(xs.shape[1])
    total = w.sum()
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(xs @ theta)))
        theta -= lr * (xs.T @ ((p - y) * w) / total + l2 * theta)
    coef = theta[:-1] / sd
    return coef, float(theta[-1] - (theta[:-1] * mu / sd).sum())


def _best_scores(groups: list[list[Point]], coef: Any, bias: float) -> tuple[Any, Any, Any]:
    """Per token: best score, its split point, and the flat scores (for looking up a given point)."""
    import numpy as np

    sizes = np.array([len(g) for g in groups])
    starts = np.r_[0, np.cumsum(sizes)[:-1]]
    scores = np.array([f for g in groups for _, f in g], dtype=float) @ coef + bias
    points = np.array([i for g in groups for i, _ in g])
    best = np.maximum.reduceat(scores, starts)
    # On a tie the later point wins, as max() over (score, point) does in glue._best_two.
    is_best = scores == np.repeat(best, sizes)
    last = np.maximum.reduceat(np.where(is_best, np.arange(len(scores)), -1), starts)
    return best, points[last], scores


def trade_off(rows: Rows, coef: Any, bias: float) -> list[tuple[float, float, float]]:
    """(threshold, recall, splits per 10k words) of a model on one set of days."""
    import numpy as np

    best, point, _ = _best_scores([p for _, p in rows.positives], coef, bias)
    right = point == np.array([t for t, _ in rows.positives])
    neg_best, _, _ = _best_scores([p for _, _, p in rows.negatives], coef, bias)
    counts = np.array([c for _, c, _ in rows.negatives], dtype=float)
    return [
        (
            t,
            float((right & (best > t)).sum()) / max(rows.n_pairs, 1),
            1e4 * float(counts[neg_best > t].sum()) / max(rows.words, 1),
        )
        for t in THRESHOLDS
    ]


def model_literal(coef: Any, bias: float) -> str:
    """The fitted weights as the MODEL/BIAS block of glue.py."""
    items = [f'"{name}": {float(c)}' for name, c in zip(FEATURES, coef, strict=True)]
    lines = ["    " + ", ".join(items[k : k + 4]) + "," for k in range(0, len(items), 4)]
    return "\n".join(["# fmt: off", "MODEL = {", *lines, "}", "# fmt: on", f"BIAS = {bias}"])


def write_model(literal: str) -> None:
    """Replace the MODEL/BIAS block of glue_model.py with freshly fitted weights."""
    source = MODEL_PATH.read_text(encoding="utf-8")
    block = re.compile(r"# fmt: off\nMODEL = \{.*?\n\}\n# fmt: on\nBIAS = [-0-9.e]+", re.DOTALL)
    if len(block.findall(source)) != 1:
        raise SystemExit("glue_model.py's MODEL block changed shape; paste the weights by hand")
    MODEL_PATH.write_text(block.sub(lambda _: literal, source), encoding="utf-8")


def lexicon() -> tuple[Lexicon, Filters, Filters]:
    """glue.py's lexicon, with the run-time token filters and those the shipped weights were fitted with."""
    import wordfreq

    freqs = wordfreq.get_frequency_dict("ar", wordlist="best")
    lex = Lexicon(freqs)
    legacy = frozenset(w for w, f in freqs.items() if f >= FIT_COMMON)
    return lex, Filters(COMMON, lex.common, MIN_TOKEN), Filters(FIT_COMMON, legacy, 2 * MIN_SIDE)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runtime-filters",
        action="store_true",
        help="train with glue.COMMON and MIN_TOKEN (not the shipped fit's)",
    )
    parser.add_argument("--seed", type=int, default=7, help="seed of the artificial glues")
    parser.add_argument("--rate", type=float, default=0.02, help="share of adjacent pairs glued")
    parser.add_argument("--pos-share", type=float, default=POS_SHARE)
    parser.add_argument("--l2", type=float, default=1e-4, help="L2 penalty on standardised weights")
    parser.add_argument("--steps", type=int, default=4000, help="gradient-descent steps")
    parser.add_argument("--lr", type=float, default=1.0)
    parser.add_argument("--heldout-days", type=int, default=0, help="held-out zips to score (0: all)")
    parser.add_argument("--write", action="store_true", help="write the pair table and MODEL/BIAS in place")
    args = parser.parse_args(argv)
    try:
        import numpy as np
    except ImportError:
        raise SystemExit("numpy is needed to fit the model: .venv/bin/python -m pip install numpy") from None
    started = time.perf_counter()
    lex, runtime, legacy = lexicon()
    train_filters = runtime if args.runtime_filters else legacy
    tune = tune_rows(lex, load_day_groups("tune"), train_filters, args.seed, args.rate)
    blob = encode_pairs(lex.pairs)
    print(
        f"pair table: {len(lex.pairs)} pairs seen >= {MIN_PAIR} times, {len(blob) / 1e6:.1f} MB", flush=True
    )
    if args.write:
        PAIRS_PATH.parent.mkdir(exist_ok=True)
        PAIRS_PATH.write_bytes(blob)
    x, y, w = training_matrix(tune)
    print(f"tune: {tune.n_pairs} glued pairs, {len(tune.negatives)} token types, {len(x)} rows", flush=True)
    coef, bias = fit(x, y, w, args.pos_share, args.l2, args.steps, args.lr)
    coef, bias = np.round(coef, 2), round(bias, 2)  # as pasted into glue.py, so the figures below hold
    print(f"fitted in {time.perf_counter() - started:.0f} s\n\n{'feature':<14} {'fitted':>7} {'shipped':>8}")
    for name, c in zip(FEATURES, coef, strict=True):
        print(f"{name:<14} {c:7.2f} {glue_model.MODEL[name]:8.2f}")
    print(f"{'BIAS':<14} {bias:7.2f} {glue_model.BIAS:8.2f}\n")
    report = build_rows(lex, load_days("report", args.heldout_days), runtime, args.seed, args.rate)
    shipped = trade_off(report, np.array(glue_model.WEIGHTS), glue_model.BIAS)
    fitted = trade_off(report, coef, bias)
    print(f"held out: {report.n_pairs} glued pairs, {report.words} words")
    print(f"{'threshold':>9}  {'recall fit/shipped':>18}  {'splits/10k fit/shipped':>22}")
    for (t, r, s), (_, r0, s0) in zip(fitted, shipped, strict=True):
        print(f"{t:9.1f}  {r:8.3f} / {r0:.3f}  {s:11.2f} / {s0:.2f}")
    literal = model_literal(coef, bias)
    print(f"\n{literal}\n\ntotal {time.perf_counter() - started:.0f} s")
    if args.write:
        write_model(literal)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
