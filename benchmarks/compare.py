"""Time to compare a 20-article story on one core (target: under 1 second), analysis excluded.

A story of 20 articles is built from the example corpus's flood reports (so copies, conflicts, updates
and plenty of claims are in play, and all 20 fall into one story). Prints the comparison time against a
baseline measured in the same run (building every document's topic signature, the cheapest thing a
comparison must at least do).

    .venv/bin/python benchmarks/compare.py [--articles 20] [--repeat 3]
"""

from __future__ import annotations

import argparse
import time

from isnad.compare import compare_documents
from isnad.examples import corpus_path
from isnad.extract.topic import signature
from isnad.ingest import IngestOptions, ingest
from isnad.model import Article, Document
from isnad.pipeline import analyze_all


def story(n: int) -> list[Document]:
    """n articles of ONE story: the example corpus's five flood reports, re-issued with a distinct closing
    line each (so every copy is a distinct article: copies, conflicts and updates all in play)."""
    flood = [a for a in ingest([str(corpus_path())], IngestOptions()).articles if "المرجانة" in a.text]
    articles = []
    for k in range(n):
        base = flood[k % len(flood)]
        text = f"{base.text}\n\nتحديث رقم {k + 1} من غرفة الأخبار."
        articles.append(
            Article.create(text, f"{base.source}#{k}", outlet=base.outlet, published=base.published)
        )
    docs, _ = analyze_all(articles)
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
    stories = len(compare_documents(docs)["stories"])
    print(f"{len(docs)} articles in {stories} story(ies), {claims} claims")
    print(f"compare: {took:.3f} s  (target < 1 s)")
    print(f"baseline (topic signatures of every article): {base:.3f} s; ratio {took / base:.1f}x")


if __name__ == "__main__":
    main()
