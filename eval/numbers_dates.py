"""Span-level P/R/F1 of find_numbers and find_dates against the public Wojood nested-NER sample.

    .venv/bin/python eval/numbers_dates.py [--show N] [--no-dates] [--time]

Data: ../shared/datasets/wojood_sample/{train,val}.txt beside the repo ("token TAG1 [TAG2 ...]", blank line
= sentence break, "$#$" = segment marker, dropped). Each sentence is rebuilt by joining its tokens with
single spaces, keeping every token's offsets, so gold spans are character ranges of that text. One
exception: the tokeniser split digit groups ("1 , 787"), so a comma between two digit tokens is glued
back as it was written ("1,787"); the sample also shows "2 , 0" where the source presumably had 2,000.

Type mapping: CARDINAL, MONEY, PERCENT, QUANTITY -> our "number" spans; DATE, TIME -> our date spans
(labels date, time, weekday, relative, duration). ORDINAL is not mapped (Wojood keeps it apart), so our
ordinals are left out of the predictions too.

Nesting: Wojood lists several tags per token, one per nesting level, but the column order is not a
reliable level (B-UNIT B-QUANTITY). We read each mapped type's mentions from whichever column holds them
and keep the outermost ones: a mention inside another mapped mention is dropped. In this sample the mapped
types nest only inside unmapped ones (DATE inside EVENT), so every DATE/CARDINAL mention counts. On our
side, number spans inside date/time spans are dropped, exactly as the pipeline does.

Reported, per group and pooled: "exact" (same characters), "exact-token" (our span widened to whole tokens
first: Wojood annotates tokens, so "و3" or "بثماني" is gold as a whole while we start after the clitic),
"token+unit" (also widened over the counted noun when it is a currency or a measure, because Wojood's MONEY
and QUANTITY mentions include it, "60 مليون دولار", while CARDINAL mentions do not, "140 [شخصاً]"), and
"overlap" (a prediction is right if it overlaps a gold mention; a mention is found if any prediction
overlaps it).
Known convention gaps (not tuned away): Wojood sometimes puts the hedge inside the mention ("بحوالي
ستة"), splits compounds word by word ("ستة وثلاثين" + "مليون" as separate CARDINALs), and tags dialect
"نص" (half) as a number.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from isnad.model import Span
from isnad.text.normalize import normalize
from isnad.text.numbers import find_numbers

ROOT = Path(__file__).resolve().parents[1]
WOJOOD = ROOT.parent / "shared" / "datasets" / "wojood_sample"
NUMBER_TYPES = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
DATE_TYPES = frozenset({"DATE", "TIME"})
DATES_OWN = frozenset({"date", "time"})  # as in the pipeline: these swallow the numbers inside them
MEASURES = frozenset({"money", "distance", "weight", "area"})

Sentence = tuple[str, list[tuple[int, int, str]]]  # text, gold (start, end, group)


def read_sentences(path: Path) -> Iterator[Sentence]:
    """Rebuild each sentence's text and its outermost gold mentions of the mapped types."""
    tokens: list[tuple[str, list[str]]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.split()
        if parts and parts[0] != "$#$":
            tokens.append((parts[0], parts[1:]))
        elif not parts and tokens:
            yield _sentence(tokens)
            tokens = []


def _sentence(tokens: list[tuple[str, list[str]]]) -> Sentence:
    offsets, pieces, pos = [], [], 0
    for k, (tok, _) in enumerate(tokens):
        if k and not _glued(tokens, k):
            pieces.append(" ")
            pos += 1
        offsets.append((pos, pos + len(tok)))
        pieces.append(tok)
        pos += len(tok)
    text = "".join(pieces)
    mentions: list[tuple[int, int, str]] = []
    for etype in NUMBER_TYPES | DATE_TYPES:
        group = "numbers" if etype in NUMBER_TYPES else "dates"
        mentions += [(offsets[a][0], offsets[b][1], group) for a, b in _runs(tokens, etype)]
    outer = [m for m in mentions if not any(_inside(m, o) and m != o for o in mentions)]
    return text, sorted(set(outer))


def _glued(tokens: list[tuple[str, list[str]]], k: int) -> bool:
    """Undo the tokeniser's split of digit groups: "1 , 787" was written "1,787"."""
    prev, tok = tokens[k - 1][0], tokens[k][0]
    if tok == "," and prev.isdigit():
        return k + 1 < len(tokens) and tokens[k + 1][0].isdigit()
    return prev == "," and tok.isdigit() and k >= 2 and tokens[k - 2][0].isdigit()


def _runs(tokens: list[tuple[str, list[str]]], etype: str) -> Iterator[tuple[int, int]]:
    """(first, last) token index of each B-/I- run of one entity type."""
    start = None
    for i, (_, tags) in enumerate(tokens):
        if f"B-{etype}" in tags:
            if start is not None:
                yield start, i - 1
            start = i
        elif f"I-{etype}" not in tags and start is not None:
            yield start, i - 1
            start = None
    if start is not None:
        yield start, len(tokens) - 1


def _inside(a: tuple[int, int, Any], b: tuple[int, int, Any]) -> bool:
    return b[0] <= a[0] and a[1] <= b[1]


def predict(text: str, with_dates: bool) -> tuple[list[Span], list[Span]]:
    """(numbers, dates) as the pipeline would keep them."""
    view = normalize(text)
    numbers = [s for s in find_numbers(view) if s.attributes.get("kind") != "ordinal"]
    dates: list[Span] = []
    if with_dates:
        from isnad.text.dates import find_dates

        dates = list(find_dates(view, None))
        owners = [d for d in dates if d.label in DATES_OWN]
        numbers = [n for n in numbers if not any(o.start <= n.start and n.end <= o.end for o in owners)]
    return numbers, dates


def _with_unit(s: Span) -> tuple[int, int]:
    end = s.attributes.get("unit_end")
    if s.attributes.get("unit_class") in MEASURES and isinstance(end, int):
        return s.start, end
    return s.start, s.end


def _snap(text: str, a: int, b: int) -> tuple[int, int]:
    """Widen a span to whole tokens: Wojood cannot split "و3" or "بثماني" into clitic and number."""
    return text.rfind(" ", 0, a) + 1, (text.find(" ", b) if text.find(" ", b) >= 0 else len(text))


Items = list[tuple[int, int, int]]  # (sentence, start, end)


def _prf(pred: Items, gold: Items) -> dict[str, Any]:
    """Exact scores of (sentence, start, end) items."""
    tp = len(set(gold) & set(pred))
    return _scores(tp, tp, len(set(pred)), len(set(gold)))


def _overlap(pred: Items, gold: Items) -> dict[str, Any]:
    """A prediction is right if it overlaps a gold mention; a mention is found if a prediction overlaps it."""

    def hits(xs: Items, ys: Items) -> int:
        return sum(any(x[0] == y[0] and x[1] < y[2] and y[1] < x[2] for y in ys) for x in xs)

    return _scores(hits(pred, gold), hits(gold, pred), len(pred), len(gold))


def _scores(tp_pred: int, tp_gold: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "p": round(p, 3),
        "r": round(r, 3),
        "f1": round(f, 3),
        "tp": tp_gold,
        "pred": n_pred,
        "gold": n_gold,
    }


def run(with_dates: bool = True, show: int = 0) -> dict[str, Any]:
    """Score both groups on train+val; raises FileNotFoundError when the sample is not beside the repo."""
    paths = [WOJOOD / "train.txt", WOJOOD / "val.txt"]
    for path in paths:
        if not path.is_file():
            raise FileNotFoundError(f"Wojood sample not found: {path}")
    sentences = [s for path in paths for s in read_sentences(path)]
    pred: dict[str, Items] = {k: [] for k in ("numbers", "dates", "numbers_tok", "dates_tok", "numbers_unit")}
    gold: dict[str, Items] = {"numbers": [], "dates": []}
    examples: list[str] = []
    for k, (text, mentions) in enumerate(sentences):
        numbers, dates = predict(text, with_dates)
        for name, spans in (("numbers", numbers), ("dates", dates)):
            pred[name] += [(k, s.start, s.end) for s in spans]
            pred[name + "_tok"] += [(k, *_snap(text, s.start, s.end)) for s in spans]
        pred["numbers_unit"] += [(k, *_snap(text, *_with_unit(s))) for s in numbers]
        for a, b, group in mentions:
            gold[group].append((k, a, b))
        if show and len(examples) < show:
            examples += _mismatches(text, mentions, numbers, dates)
    result: dict[str, Any] = {
        "sentences": len(sentences),
        "dates_available": with_dates,
        "examples": examples[:show],
    }
    for group in ("numbers", "dates"):
        result[group] = {
            "exact": _prf(pred[group], gold[group]),
            "exact-token": _prf(pred[group + "_tok"], gold[group]),
            "overlap": _overlap(pred[group], gold[group]),
        }
    result["numbers"]["token+unit"] = _prf(pred["numbers_unit"], gold["numbers"])
    both_pred = {"numbers": pred["numbers_tok"], "dates": pred["dates_tok"]}
    result["overall"] = {
        "exact-token": _prf(_pooled(both_pred), _pooled(gold)),
        "overlap": _overlap(_pooled(pred), _pooled(gold)),
    }
    return result


def _pooled(items: dict[str, list[tuple[int, int, int]]]) -> list[tuple[int, int, int]]:
    """Both groups together; a number never matches a date (the group is folded into the key)."""
    return [(2 * k + g, a, b) for g, name in enumerate(("numbers", "dates")) for k, a, b in items[name]]


def _mismatches(
    text: str, mentions: list[tuple[int, int, str]], numbers: list[Span], dates: list[Span]
) -> list[str]:
    """Readable gold/predicted differences for one sentence (for --show)."""
    predicted = {(s.start, s.end, "numbers") for s in numbers} | {(s.start, s.end, "dates") for s in dates}
    golds = set(mentions)
    out = [f"  missed  {g:<7} «{text[a:b]}»" for a, b, g in sorted(golds - predicted)]
    out += [f"  extra   {g:<7} «{text[a:b]}»" for a, b, g in sorted(predicted - golds)]
    return [f"{text[:120]}\n" + "\n".join(out)] if out else []


def time_numbers(limit: int = 500, rounds: int = 15) -> dict[str, float]:
    """find_numbers cost per 1,700 characters of SaudiNewsNet, beside a str.split baseline timed in turn.

    The baseline makes the figure comparable across machines and under load (other processes share the
    core): report both the absolute minimum and the median ratio.
    """
    import json
    import statistics
    import time
    import zipfile

    texts: list[str] = []
    for path in sorted((ROOT.parent / "shared" / "datasets" / "saudinewsnet" / "dataset").glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                texts += [r.get("content") or "" for r in json.loads(z.read(name))]
        if len(texts) >= limit:
            break
    if not texts:
        raise FileNotFoundError("SaudiNewsNet archives not found beside the repo")
    views = [normalize(t) for t in texts[:limit]]
    scale = 1700 / sum(len(v.original) for v in views)
    numbers, ratios = [], []
    for _ in range(rounds):
        t0 = time.process_time()
        for v in views:
            v.text.split()
        t1 = time.process_time()
        for v in views:
            find_numbers(v)
        t2 = time.process_time()
        numbers.append((t2 - t1) * scale * 1e6)
        ratios.append((t2 - t1) / max(t1 - t0, 1e-9))
    return {
        "us_per_1700_chars_min": round(min(numbers), 1),
        "x_str_split_median": round(statistics.median(ratios), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print N sentences with mismatches")
    parser.add_argument("--no-dates", action="store_true", help="score numbers only")
    parser.add_argument("--time", action="store_true", help="also time find_numbers on SaudiNewsNet")
    args = parser.parse_args()
    if args.time:
        print("find_numbers speed:", time_numbers())
    try:
        result = run(with_dates=not args.no_dates, show=args.show)
    except FileNotFoundError as exc:
        raise SystemExit(str(exc)) from exc
    for example in result.pop("examples"):
        print(example)
    print(f"Wojood sample (train+val): {result['sentences']} sentences")
    print(f"{'group':<9}{'match':<12}{'P':>7}{'R':>7}{'F1':>7}   tp/pred/gold")
    for group in ("numbers", "dates", "overall"):
        for match, s in result[group].items():
            scores = f"{s['p']:>7.3f}{s['r']:>7.3f}{s['f1']:>7.3f}"
            print(f"{group:<9}{match:<12}{scores}   {s['tp']}/{s['pred']}/{s['gold']}")


if __name__ == "__main__":
    main()
