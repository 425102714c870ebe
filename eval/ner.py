"""Entity-level (CoNLL exact match) P/R/F1 of the NER CRF by k-fold cross-validation on ANERcorp train.

    .venv/bin/python eval/ner.py [--folds 5] [--c1 0.1] [--c2 0.05] [--iterations 200]
                                 [--clusters-from src/isnad/extract/data/ner.model]
                                 [--places-from src/isnad/extract/data/ner.model] [--wojood]

Folds are contiguous sentence blocks (deterministic; an article's repeated names stay in one fold). Every
fold learns its own gazetteer from its training blocks only. Clusters come from unlabelled SaudiNewsNet
text (no labels), so reusing the shipped model's clusters does not leak test labels; nor does the place
lexicon (isnad.extract.ner_places), reused from the shipped model or learned from a folder of articles.
--wojood adds the Wojood sample's PER/LOC/ORG as extra training data in every fold (never as test data).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from isnad.extract.ner_corpus import read_corpus
from isnad.extract.ner_train import TrainConfig, clusters_from, cross_validate, places_from

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"
ANERCORP = SHARED / "anercorp_camel" / "ANERCorp_CamelLab_train.txt"
WOJOOD = [SHARED / "wojood_sample" / "train.txt", SHARED / "wojood_sample" / "val.txt"]
SHIPPED = Path(__file__).resolve().parents[1] / "src" / "isnad" / "extract" / "data" / "ner.model"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c1", type=float, default=0.1)
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--clusters-from", type=Path, default=SHIPPED)
    parser.add_argument("--places-from", type=Path, default=SHIPPED, help="'' to train without places")
    parser.add_argument("--min-count", type=int, default=TrainConfig.min_count)
    parser.add_argument("--wojood", action="store_true")
    parser.add_argument(
        "--doc-size", type=int, default=0, help="tag runs of N sentences as one article, as at run time"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    sentences = read_corpus(ANERCORP)
    extra = [s for p in WOJOOD for s in read_corpus(p)] if args.wojood else []
    clusters = clusters_from(args.clusters_from) if args.clusters_from else {}
    places = places_from(args.places_from) if args.places_from else {}
    config = TrainConfig(
        c1=args.c1,
        c2=args.c2,
        max_iterations=args.iterations,
        min_count=args.min_count,
        clusters=clusters,
        places=places,
    )
    print(f"ANERcorp train: {len(sentences)} sentences; extra: {len(extra)}", end="")
    print(f"; clusters: {len(clusters)}; places: {len(places)}")
    print(f"{args.folds}-fold CV, c1={args.c1} c2={args.c2} iterations={args.iterations}", end="")
    print(f" min-count={args.min_count}")
    print(cross_validate(sentences, args.folds, config, extra, args.doc_size).table())
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
