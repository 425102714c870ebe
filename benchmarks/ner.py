"""Throughput of find_entities (tokenize + features + CRF tagging + spans) on SaudiNewsNet, one core.

Prints tokens/s for find_entities and for a baseline measured in the same run (plain whitespace split of
the same matching views), and their ratio. Target: >= 100,000 tokens/s. The model is loaded and warmed
up before timing (loading is a once-per-process cost).

    .venv/bin/python benchmarks/ner.py [--limit 2000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from isnad.extract.ner import find_entities
from isnad.extract.tokens import tokenize
from isnad.text.normalize import normalize
from isnad.text.offsets import View

DATASET = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "saudinewsnet" / "dataset"


def load_views(limit: int) -> list[View]:
    views: list[View] = []
    for path in sorted(DATASET.glob("*.zip")):
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                for record in json.loads(zf.read(name)):
                    views.append(normalize(record.get("content") or ""))
                    if len(views) >= limit:
                        return views
    return views


def best_time(fn: Callable[[View], object], views: list[View], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for view in views:
            fn(view)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    views = load_views(args.limit)
    tokens = sum(len(tokenize(v.text)[0]) for v in views)
    find_entities(views[0])  # load the model
    best_time(find_entities, views[:200], 1)  # warm the per-word feature cache like a long-running process
    ner = best_time(find_entities, views, args.repeat)
    base = best_time(lambda v: v.text.split(), views, args.repeat)
    found = sum(len(find_entities(v)) for v in views)
    print(f"{len(views)} articles, {tokens:,} tokens, {found:,} entities")
    print(f"find_entities : {tokens / ner:12,.0f} tokens/s ({ner / len(views) * 1e6:,.0f} µs/article)")
    print(f"baseline split: {tokens / base:12,.0f} tokens/s")
    print(f"ratio         : find_entities takes {ner / base:.1f}x the whitespace split")


if __name__ == "__main__":
    main()
