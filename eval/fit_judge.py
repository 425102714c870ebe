"""Fit the same-fact judge (src/isnad/compare/data/judge.json) from SaudiNewsNet pairs of the tune days.

    .venv/bin/python eval/fit_judge.py [--write] [--C 0.03]        (about two minutes)

The judge answers: are two claims of different articles about one fact, whatever their values? Rules
link two claims giving the same figure easily, but once an outlet changes a figure, the figure no longer
ties the two together; that is when the judge is asked.

Training rows come from article pairs mined as `eval/planted_conflicts.py` mines them, but only from the
tune days (2015-07-21..27, also used by the glue model), each article in every pair it makes. The
planted-conflict eval samples from the other days, so the judge is scored on stories it never saw.
  positives  two claims the rules link with the same figure (a corroborated quantity or date), one of
             them with its figure changed in memory (x1.5, x0.6, x1.3, x0.75; a day moved by 5, -4, 3,
             -8), when the rules no longer link the two: the cases the judge exists for;
  negatives  every other pair the judge would be asked about then (`align.open_conflicts`: unlinked,
             conflicting values) involving the changed claim, and every such pair of the articles as
             published (no planted fact there; a few may be real disagreements the rules miss).
Features are `align.FEATURES` computed by `align.pair_features` itself, so training and run time cannot
drift. An L2 logistic regression (scikit-learn) is fitted on standardised features; the shipped file holds
only the means, scales, weights and bias (plain numbers, no text from the corpus). `align.JUDGE_AT` was
chosen from the 5-fold figures this prints (0.6: where precision among the judge's questions jumps).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from datetime import date, timedelta
from itertools import product
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))
import planted_conflicts as pc
from isnad.compare import align
from isnad.compare.comparison import _story_keys
from isnad.compare.slots import Slot
from isnad.model import Span
from isnad.pipeline import analyze

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "isnad" / "compare" / "data" / "judge.json"
TUNE_DAYS = pc.TUNE_DAYS
PLANTABLE = ("quantity", "date", "weekday")
C = 0.03  # L2 strength (inverse); --C overrides


CHANGES = ((1.5, 5), (0.6, -4), (1.3, 3), (0.75, -8))  # (factor for a quantity, days for a date)


def changed(ref: align.ClaimRef, factor: float, days: int) -> align.ClaimRef | None:
    """The claim with its figure changed as an outlet's different figure would be, or None."""
    attrs: dict[str, Any] = dict(ref.attrs)
    value = attrs.get("value")
    if ref.kind == "quantity" and isinstance(value, int | float) and not isinstance(value, bool):
        attrs["value"] = value * factor
        for k in ("low", "high"):
            if isinstance(attrs.get(k), int | float):
                attrs[k] = attrs[k] * factor
    elif ref.kind in ("date", "weekday") and isinstance(value, str) and len(value) == 10:
        try:
            day = date.fromisoformat(value) + timedelta(days=days)
        except ValueError:
            return None
        attrs["value"] = day.isoformat()
        if attrs.get("weekday") is not None:
            attrs["weekday"] = day.weekday()
    else:
        return None
    span = Span(ref.span.start, ref.span.end, ref.span.text, ref.span.label, attrs)
    row = list(ref.row)
    if row:
        old = row[ref.pos]
        row[ref.pos] = Slot(old.kind, attrs, old.unit)
    return replace(ref, span=span, row=tuple(row))


def rows_of_pair(docs: list[Any]) -> tuple[list[list[float]], list[int]]:
    """Feature rows and labels of one article pair (see the module docstring)."""
    keys = [_story_keys(d) for d in docs]
    refs = align.claim_refs(docs, keys)
    links = align.link_claims(refs, {}, judged=False)
    x_rows: list[list[float]] = []
    labels: list[int] = []
    for i, j, _ in align.open_conflicts(refs, align.candidate_pairs(refs), _partners(refs, links)):
        x_rows.append(align.pair_features(refs[i], refs[j]))  # as published: no planted fact to find
        labels.append(0)
    for link in links:
        a, b = refs[link.a], refs[link.b]
        if link.verdict.outcome != "agree" or a.kind not in PLANTABLE or b.kind not in PLANTABLE:
            continue
        for (edited, partner), (factor, days) in product(((link.a, link.b), (link.b, link.a)), CHANGES):
            x = changed(refs[edited], factor, days)
            if x is None:
                continue
            now = list(refs)
            now[edited] = x
            relinked = align.link_claims(now, {}, judged=False)
            if any({k.a, k.b} == {edited, partner} and k.verdict.outcome != "unknown" for k in relinked):
                continue  # the rules still find it: nothing for the judge to learn
            opened = align.open_conflicts(now, align.candidate_pairs(now), _partners(now, relinked))
            for i, j, _ in opened:
                if edited in (i, j):
                    x_rows.append(align.pair_features(now[i], now[j]))
                    labels.append(int({i, j} == {edited, partner}))
    return x_rows, labels


def _partners(refs: list[align.ClaimRef], links: list[align.Link]) -> set[tuple[int, int]]:
    """(claim, other article) pairs the links already fill, as `align.link_claims` counts them for the
    judge (a link of values it could not compare fills nothing)."""
    known = [k for k in links if k.verdict.outcome != "unknown"]
    return {(k.a, refs[k.b].doc) for k in known} | {(k.b, refs[k.a].doc) for k in known}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true", help=f"write {OUT.relative_to(ROOT)}")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--C", type=float, default=C, help="inverse L2 strength of the logistic regression")
    args = ap.parse_args(argv)
    records = pc.read_records(limit=args.limit)
    pairs, _ = pc.mine_pairs(records, distinct=False)
    tune = [p for p in pairs if pc.tune_day(records[p.a].day)]
    xs: list[list[float]] = []
    ys: list[int] = []
    groups: list[int] = []
    for k, pair in enumerate(tune):
        docs = [analyze(pc.to_article(records[i])) for i in (pair.a, pair.b)]
        rows, labels = rows_of_pair(docs)
        xs += rows
        ys += labels
        groups += [k] * len(rows)
    x, y = np.asarray(xs, dtype=float), np.asarray(ys)
    print(f"{len(tune)} tune-day pairs, {len(y)} rows, {int(y.sum())} positives")
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    scores = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=5).split(z, y, groups):
        model = LogisticRegression(C=args.C, max_iter=2000, class_weight="balanced").fit(z[train], y[train])
        scores[test] = model.predict_proba(z[test])[:, 1]
    print(f"5-fold (by pair) AUC {roc_auc_score(y, scores):.3f}")
    for t in (0.5, 0.6, 0.7, 0.8, 0.9):
        hit = scores >= t
        prec = (y[hit] == 1).mean() if hit.any() else float("nan")
        print(f"  p >= {t}: recall {(hit & (y == 1)).sum() / y.sum():.3f}, precision {prec:.3f}")
    model = LogisticRegression(C=args.C, max_iter=2000, class_weight="balanced").fit(z, y)
    for name, w in sorted(zip(align.FEATURES, model.coef_[0], strict=True), key=lambda t: -abs(t[1])):
        print(f"  {name:>14} {w:+.3f}")
    if args.write:
        OUT.parent.mkdir(parents=True, exist_ok=True)
        blob = {
            "features": list(align.FEATURES),
            "mean": [round(float(v), 6) for v in mean],
            "scale": [round(float(v), 6) for v in scale],
            "weights": [round(float(v), 6) for v in model.coef_[0]],
            "bias": round(float(model.intercept_[0]), 6),
            "trained_on": f"SaudiNewsNet pairs of {TUNE_DAYS[0]}..{TUNE_DAYS[1]}: {len(tune)} pairs, "
            f"{len(y)} rows, {int(y.sum())} positives",
        }
        OUT.write_text(json.dumps(blob, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
