"""Score isnad's headline-pair stance model on the ANS corpus (agree / disagree / other).

Reads ../shared/datasets/ans_arabic_news_stance/stance/train.csv (s1, s2, stance). Prints stratified 5-fold
cross-validation (grouped by s1, so one source headline never sits in both training and test folds) with
per-class P/R/F1 and macro-F1, and a held-out figure (train on 80%, score 20%; fixed seed, also grouped).
`--ablate` adds a table of macro-F1 with each feature family left out. The BERT baseline of the ANS paper
reached 0.767 macro-F1 on its test split.

    .venv/bin/python eval/ans_stance.py [--ablate] [--ungrouped] [--c 1.0]
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
import warnings
from pathlib import Path

# One core: BLAS/OpenMP threads fighting other processes on a shared machine cost 10x.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from sklearn.metrics import f1_score, precision_recall_fscore_support  # noqa: E402
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold  # noqa: E402

from isnad.compare.stance import ALL_FAMILIES, FAMILIES, LABELS, StanceModel  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "datasets" / "ans_arabic_news_stance" / "stance" / "train.csv"
SEED = 13

Pairs = list[tuple[str, str]]


def load(path: Path) -> tuple[Pairs, list[str]]:
    """Pairs and labels of one ANS stance file."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return [(r["s1"], r["s2"]) for r in rows], [r["stance"] for r in rows]


def splits(pairs: Pairs, labels: list[str], k: int, grouped: bool) -> list[tuple[list[int], list[int]]]:
    """Stratified folds; grouped by s1 unless told otherwise (one source headline, one side)."""
    idx = list(range(len(pairs)))
    if grouped:
        groups = [a for a, _ in pairs]
        sgk = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=SEED)
        return [(list(tr), list(te)) for tr, te in sgk.split(idx, labels, groups)]
    skf = StratifiedKFold(n_splits=k, shuffle=True, random_state=SEED)
    return [(list(tr), list(te)) for tr, te in skf.split(idx, labels)]


def cross_validate(
    pairs: Pairs,
    labels: list[str],
    folds: list[tuple[list[int], list[int]]],
    families: tuple[str, ...],
    c: float,
) -> tuple[list[str], list[str]]:
    """Gold and predicted labels over all test folds, each predicted by a model that never saw it."""
    gold: list[str] = []
    pred: list[str] = []
    for train, test in folds:
        model = StanceModel(families, c=c, seed=SEED).fit(
            [pairs[i] for i in train], [labels[i] for i in train]
        )
        pred += model.predict([pairs[i] for i in test])
        gold += [labels[i] for i in test]
    return gold, pred


def report(title: str, gold: list[str], pred: list[str]) -> float:
    """Print per-class P/R/F1 and return macro-F1."""
    p, r, f, n = precision_recall_fscore_support(gold, pred, labels=list(LABELS), zero_division=0)
    print(f"\n{title}")
    print(f"  {'class':<9} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}")
    for i, label in enumerate(LABELS):
        print(f"  {label:<9} {p[i]:6.3f} {r[i]:6.3f} {f[i]:6.3f} {n[i]:5d}")
    macro = float(f1_score(gold, pred, labels=list(LABELS), average="macro"))
    print(f"  macro-F1 {macro:.3f}")
    return macro


def ablate(
    pairs: Pairs, labels: list[str], folds: list[tuple[list[int], list[int]]], full: float, c: float
) -> None:
    """Print dev-CV macro-F1 with each feature family left out, and with it alone."""
    print("\nablation (dev-CV macro-F1)")
    print(f"  {'all families':<22} {full:.3f}")
    for family in FAMILIES:
        rest = tuple(f for f in FAMILIES if f != family)
        without = f1_score(*cross_validate(pairs, labels, folds, rest, c), average="macro")
        alone = f1_score(*cross_validate(pairs, labels, folds, (family,), c), average="macro")
        print(f"  {family:<12} without {without:.3f} ({without - full:+.3f})  alone {alone:.3f}")
    for family in (f for f in ALL_FAMILIES if f not in FAMILIES):
        added = f1_score(*cross_validate(pairs, labels, folds, (*FAMILIES, family), c), average="macro")
        print(f"  {family:<12} added   {added:.3f} ({added - full:+.3f})  (optional family)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--ablate", action="store_true", help="also score with each feature family left out")
    parser.add_argument("--ungrouped", action="store_true", help="plain stratified folds (s1 may leak)")
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    args = parser.parse_args()
    # Single-family ablation runs can stop short of saga's tolerance; the figures are still comparable.
    warnings.filterwarnings("ignore", message="The max_iter was reached")
    if not args.data.is_file():
        print(f"ANS stance data not found at {args.data}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    pairs, labels = load(args.data)
    grouped = not args.ungrouped
    kind = "grouped by s1" if grouped else "ungrouped"
    # The held-out 20% is set aside first; features, C and the sibling-pair augmentation (pairs are built
    # inside each training fold only) were tuned on CV over the other 80% only.
    dev, held = splits(pairs, labels, 5, grouped)[0]
    dev_pairs, dev_labels = [pairs[i] for i in dev], [labels[i] for i in dev]
    dev_folds = splits(dev_pairs, dev_labels, 5, grouped)
    tune = report(
        f"5-fold CV on the 80% dev part ({kind}, seed {SEED}), {len(dev)} pairs",
        *cross_validate(dev_pairs, dev_labels, dev_folds, FAMILIES, args.c),
    )
    cv = report(
        f"5-fold CV on all of train.csv ({kind}, seed {SEED}), {len(pairs)} pairs",
        *cross_validate(pairs, labels, splits(pairs, labels, 5, grouped), FAMILIES, args.c),
    )
    unseen = report(
        f"held-out 20% ({len(held)} pairs, trained on the {len(dev)} dev pairs)",
        *cross_validate(pairs, labels, [(dev, held)], FAMILIES, args.c),
    )
    if args.ablate:
        ablate(dev_pairs, dev_labels, dev_folds, tune, args.c)
    print(
        f"\ndev-CV {tune:.3f}; full CV {cv:.3f}; held-out {unseen:.3f} macro-F1;",
        f"{time.perf_counter() - t0:.1f} s",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
