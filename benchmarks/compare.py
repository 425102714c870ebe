"""Time to compare a 20-article story on one core (target: under 1 second), analysis excluded.

A story of 20 articles is built from the example corpus's flood and fuel stories plus SaudiNewsNet
articles of one day and one outlet family when the dataset is present (so copies, conflicts and plenty
of claims are in play). Prints the comparison time against a baseline measured in the same run
(building every document's topic signature, the cheapest thing a comparison must at least do).

    .venv/bin/python benchmarks/compare.py [--articles 20] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import time
import zipfile
from pathlib import Path

from isnad.compare import compare_documents
from isnad.examples import corpus_path
from isnad.extract.topic import signature
from isnad.ingest import IngestOptions, ingest
from isnad.model import Article, Document
from isnad.pipeline import analyze_all

DATASET = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "saudinewsnet" / "dataset"


def story(n: int) -> list[Document]:
    articles = list(ingest([str(corpus_path())], IngestOptions()).articles)
    for path in sorted(DATASET.glob("*.zip"))[:1]:
        with zipfile.ZipFile(path) as zf:
            records = json.loads(zf.read(zf.namelist()[0]))
        for record in records[: max(0, n - len(articles))]:
            articles.append(
                Article.create(record.get("content") or "", f"{path.name}", outlet=record.get("source"))
            )
    docs, _ = analyze_all(articles[:n])
    # One story: the comparison of a single group is what the target is about.
    return docs


def best(fn: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    docs = story(args.articles)
    compare_documents(docs[:2])  # warm caches (word frequencies, stemmer)
    claims = sum(len(d.layer("claims")) for d in docs)
    took = best(lambda: compare_documents(docs), args.repeat)
    base = best(lambda: [signature(d.matching.text) for d in docs], args.repeat)
    print(f"{len(docs)} articles, {claims} claims")
    print(f"compare: {took:.3f} s  (target < 1 s)")
    print(f"baseline (topic signatures of every article): {base:.3f} s; ratio {took / base:.1f}x")


if __name__ == "__main__":
    main()
