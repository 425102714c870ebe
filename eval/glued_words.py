"""How well clean() repairs glued words, measured on real SaudiNewsNet text.

(a) Recall: in sampled articles, adjacent pairs of Arabic words are glued (the space between them
    removed); recall is the share that clean() splits back exactly at the right point.
(b) Split rate: clean() on untouched articles; every glued_words repair counts, reported per 10,000
    words. Scraped text has real glues too ("وزارةالتعليم"), so not every split there is false; splits
    made on ة/ى evidence (a letter that only ends words) are counted separately as near-certain.

The glue model and its word-pair table were built from the first seven days of the corpus
(2015-07-21..27, "tune"); figures for the later days ("report") are the honest ones (tune recall is
flattered: the glued pairs there are in the pair table). Deterministic for a given --seed.

    .venv/bin/python eval/glued_words.py [--articles N] [--pairs N] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

from isnad.text.clean import clean
from isnad.text.glue import COMMON, THRESHOLD, default_lexicon, fold_letters
from isnad.text.normalize import ARABIC_LETTERS

ROOT = Path(__file__).resolve().parents[1]
DATASET = ROOT.parent / "shared" / "datasets" / "saudinewsnet" / "dataset"
TUNE_DAYS = 7  # zips (sorted by date) the model was fitted on
HIGHER_THRESHOLDS = (THRESHOLD, 2.0, 3.0, 4.0)  # what a stricter glue.THRESHOLD would give
_WORD = re.compile(f"[{ARABIC_LETTERS}]+")
_TOKEN = re.compile(r"\S+")


def load_articles(split: str) -> list[str]:
    """Article bodies of the tune days or the report days, in file order."""
    if not DATASET.is_dir():
        raise SystemExit(f"SaudiNewsNet not found at {DATASET}")
    zips = sorted(DATASET.glob("*.zip"))
    chosen = zips[:TUNE_DAYS] if split == "tune" else zips[TUNE_DAYS:]
    out: list[str] = []
    for path in chosen:
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                out.extend(str(r.get("content") or "") for r in json.loads(z.read(name)))
    return [t for t in out if t.strip()]


def glue_pairs(text: str, rng: random.Random, limit: int) -> tuple[str, list[tuple[int, int, int, str, str]]]:
    """Remove the space inside up to `limit` random adjacent Arabic word pairs.

    Returns the new text and, per glued pair, (start, end, split point) in the new text plus both words.
    """
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    ok = [
        k
        for k in range(len(tokens) - 1)
        if _WORD.fullmatch(tokens[k][2]) and _WORD.fullmatch(tokens[k + 1][2])
    ]
    rng.shuffle(ok)
    chosen: list[int] = []
    for k in ok:
        if len(chosen) == limit:
            break
        if all(abs(k - c) > 2 for c in chosen):  # pairs never touch, so each is judged on its own
            chosen.append(k)
    pieces, pairs, last, shift = [], [], 0, 0
    for k in sorted(chosen):
        (a, b, left), (c, d, right) = tokens[k], tokens[k + 1]
        pieces += [text[last:b]]
        last = c
        start = a - shift
        shift += c - b
        pairs.append((start, d - shift, start + len(left), left, right))
    pieces.append(text[last:])
    return "".join(pieces), pairs


def recall(articles: list[str], n_pairs: int, rng: random.Random) -> dict[str, Any]:
    """Share of artificially glued pairs that clean() splits back at the right point."""
    per_article = max(1, -(-n_pairs // max(len(articles), 1)))
    lex = default_lexicon()
    total = hit = known_whole = 0
    scores: list[float] = []
    misses: list[str] = []
    for text in articles:
        if total >= n_pairs:
            break
        glued, pairs = glue_pairs(text, rng, min(per_article, n_pairs - total))
        repairs = {(r.start, r.end): r for r in clean(glued).repairs if r.label == "glued_words"}
        for start, end, _point, left, right in pairs:
            total += 1
            known_whole += lex.folded.get(fold_letters(left + right), 0.0) >= COMMON
            got = repairs.get((start, end))
            if got is not None and list(got.attributes["parts"]) == [left, right]:
                hit += 1
                scores.append(float(got.attributes["score"]))
            elif len(misses) < 12:
                misses.append(f"{left}|{right} -> {got.attributes['replacement'] if got else '(not split)'}")
    return {
        "pairs": total,
        "recall": hit / total if total else 0.0,
        "recall_unknown_whole": hit / (total - known_whole) if total > known_whole else 0.0,
        "glued_form_is_a_word": known_whole,
        "recall_at": {t: sum(s > t for s in scores) / total if total else 0.0 for t in HIGHER_THRESHOLDS},
        "misses": misses,
    }


def split_rate(articles: list[str]) -> dict[str, Any]:
    """glued_words repairs per 10,000 words of untouched text, with examples."""
    words = splits = certain = 0
    scores: list[float] = []
    examples: list[str] = []
    started = time.perf_counter()
    for text in articles:
        words += len(text.split())
        for r in clean(text).repairs:
            if r.label != "glued_words":
                continue
            splits += 1
            scores.append(float(r.attributes["score"]))
            certain += str(r.attributes["reason"]).startswith("ة/ى")
            if len(examples) < 15:
                ctx = text[max(0, r.start - 25) : r.end + 25].replace("\n", " ")
                examples.append(
                    f"{r.text} -> {r.attributes['replacement']}  [{r.attributes['score']}]  …{ctx}…"
                )
    seconds = time.perf_counter() - started
    return {
        "articles": len(articles),
        "words": words,
        "splits": splits,
        "splits_per_10k": 1e4 * splits / words if words else 0.0,
        "uncertain_per_10k": 1e4 * (splits - certain) / words if words else 0.0,
        "splits_per_10k_at": {t: 1e4 * sum(s > t for s in scores) / max(words, 1) for t in HIGHER_THRESHOLDS},
        "us_per_article": 1e6 * seconds / max(len(articles), 1),
        "examples": examples,
    }


def run(n_articles: int = 3000, n_pairs: int = 4000, seed: int = 13) -> dict[str, dict[str, Any]]:
    """Recall and split rate on `n_articles` sampled articles of each part (tune, report)."""
    default_lexicon()  # load outside the timings
    out: dict[str, dict[str, Any]] = {}
    for split in ("tune", "report"):
        rng = random.Random(f"{seed}-{split}")
        articles = load_articles(split)
        sample = rng.sample(articles, min(n_articles, len(articles)))
        half = len(sample) // 2  # different articles for the two measures
        out[split] = {**recall(sample[:half], n_pairs, rng), **split_rate(sample[half:])}
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000, help="articles sampled per part")
    parser.add_argument("--pairs", type=int, default=4000, help="word pairs glued per part")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    results = run(args.articles, args.pairs, args.seed)
    for split, r in results.items():
        print(f"== {split} ({'fitted on' if split == 'tune' else 'held out'}) ==")
        print(f"  recall            {r['recall']:.3f}  ({r['pairs']} glued pairs; target >= 0.85)")
        print(f"  recall, glued form not itself a word  {r['recall_unknown_whole']:.3f}")
        counts = f"{r['splits']} in {r['words']} words; target <= 1"
        print(f"  splits per 10k words  {r['splits_per_10k']:.2f}  ({counts})")
        print(f"  without ة/ى evidence  {r['uncertain_per_10k']:.2f} per 10k words")
        print(f"  clean() cost      {r['us_per_article']:.0f} us/article")
        for t in HIGHER_THRESHOLDS:
            rate = r["splits_per_10k_at"][t]
            print(f"  at score > {t:.1f}: recall {r['recall_at'][t]:.3f}, splits per 10k words {rate:.2f}")
        print("  misses:", *r["misses"][:8], sep="\n    ")
        print("  splits in untouched text:", *r["examples"][:10], sep="\n    ")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
