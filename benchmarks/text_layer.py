"""Throughput of the text layer (ingest + clean + segment + numbers + dates) on SaudiNewsNet, one core.

Prints articles/s for the full pipeline and for a baseline measured in the same run (decode the JSON
records and split on whitespace), their ratio, a per-stage breakdown and peak memory (max RSS).
Target: >= 1,500 articles/s for the full pipeline.

    .venv/bin/python benchmarks/text_layer.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import resource
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from isnad.ingest import IngestOptions, articles_from_records
from isnad.model import Document
from isnad.pipeline import STAGES, prepare
from isnad.text.glue import default_lexicon

DATASET = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "saudinewsnet" / "dataset"


def raw_batches(limit: int | None) -> Iterator[tuple[str, bytes]]:
    """The zipped JSON arrays, as bytes: reading the zips is not part of what we time."""
    for path in sorted(DATASET.glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                yield f"{path.name}:{name}", z.read(name)


def timed(label: str, fn: Callable[[], int], totals: dict[str, float]) -> int:
    t = time.perf_counter()
    n = fn()
    totals[label] = totals.get(label, 0.0) + time.perf_counter() - t
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="stop after N articles")
    args = parser.parse_args()
    if not DATASET.is_dir():
        raise SystemExit(f"SaudiNewsNet not found at {DATASET}")
    batches = list(raw_batches(args.limit))
    options = IngestOptions()
    t = time.perf_counter()
    default_lexicon()  # one-time load, reported apart from per-article throughput
    lexicon_load = time.perf_counter() - t

    base = {}
    count = 0

    def baseline() -> int:
        n = 0
        for _, data in batches:
            for record in json.loads(data):
                n += len(str(record.get("content", "")).split()) > 0
                if args.limit and n >= args.limit:
                    return n
        return n

    timed("baseline", baseline, base)

    stage_time: dict[str, float] = {}
    t0 = time.perf_counter()
    for source, data in batches:
        records = json.loads(data)
        if args.limit:
            records = records[: max(0, args.limit - count)]
        t = time.perf_counter()
        articles, _ = articles_from_records(records, source, options)
        stage_time["ingest"] = stage_time.get("ingest", 0.0) + time.perf_counter() - t
        for article in articles:
            t = time.perf_counter()
            doc: Document = prepare(article)
            t2 = time.perf_counter()
            stage_time["clean+normalise"] = stage_time.get("clean+normalise", 0.0) + t2 - t
            for name in ("segment", "dates", "numbers"):
                t = time.perf_counter()
                doc = STAGES[name](doc)
                t2 = time.perf_counter()
                stage_time[name] = stage_time.get(name, 0.0) + t2 - t
        count += len(articles)
        if args.limit and count >= args.limit:
            break
    total = time.perf_counter() - t0
    rate = count / total
    base_rate = count / base["baseline"]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {count}")
    print(f"full text layer: {rate:,.0f} articles/s ({total:.1f} s)  target >= 1,500")
    print(f"baseline (json decode + whitespace split): {base_rate:,.0f} articles/s")
    print(f"ratio full/baseline: {rate / base_rate:.3f}")
    for name, secs in stage_time.items():
        print(f"  {name:16s} {secs / count * 1e6:8.1f} µs/article  ({secs / total:5.1%})")
    print(f"one-time word-frequency lexicon load: {lexicon_load:.2f} s")
    print(f"peak memory (max RSS): {peak_mb:,.0f} MiB")


if __name__ == "__main__":
    main()
