"""Quality floors of the comparison evals (planted conflicts on SaudiNewsNet, ANS headline stance), pinned
a little below what was measured so they cannot drop silently. The scripts in eval/ print the figures."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from types import ModuleType

import pytest

Loader = Callable[[str], ModuleType]


def test_planted_conflicts_floor(eval_module: Loader) -> None:
    pc = eval_module("planted_conflicts")
    if not pc.DATASET.is_dir():
        pytest.skip("SaudiNewsNet not present")
    records = pc.read_records(pc.DATASET, None)
    pairs, _ = pc.mine_pairs(records)
    unseen = [p for p in pairs if not pc.tune_day(records[p.a].day)]  # the judge was fitted on the rest
    chosen = pc.sample_pairs(unseen, 120, 0)
    runs = [pc.run_pair(k, pair, records, pc.plant_rng(0, pair), 3) for k, pair in enumerate(chosen)]
    plants = [t for r in runs for t in r.trials if t.edit.conflicting]
    compatible = [t for r in runs for t in r.trials if not t.edit.conflicting]
    recall = sum(bool(t.involved) for t in plants) / len(plants)
    new = sum(t.new for t in plants)
    precision = sum(t.new_involved for t in plants) / new if new else 1.0
    false_per_pair = sum(len(r.baseline) for r in runs) / len(runs)
    assert len(plants) >= 50
    assert recall >= 0.87, recall  # measured 0.897 here; 0.909-0.953 on 200 test-day pairs (seeds 0-4)
    assert precision >= 0.95, precision  # measured 0.972 (the target is 0.95)
    assert false_per_pair <= 0.17, false_per_pair  # measured 0.133 here; 0.100-0.200 on 200 pairs
    assert sum(t.involved for t in compatible) == 0  # a hedge or a digit script never makes a conflict


def test_ans_stance_floor(eval_module: Loader) -> None:
    stance = eval_module("ans_stance")
    if not stance.DATA.is_file():
        pytest.skip("ANS stance data not present")
    warnings.filterwarnings("ignore", message="The max_iter was reached")
    pairs, labels = stance.load(stance.DATA)
    dev, held = stance.splits(pairs, labels, 5, True)[0]
    gold, pred = stance.cross_validate(pairs, labels, [(dev, held)], stance.FAMILIES, 1.0)
    from sklearn.metrics import f1_score

    assert f1_score(gold, pred, average="macro") >= 0.70  # measured 0.745 on the held-out 20%
