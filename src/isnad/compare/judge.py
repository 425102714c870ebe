"""The same-fact judge: a logistic model over `align.pair_features`, fitted by `eval/fit_judge.py`.

Rules tie two claims together easily when both give the same figure. When one outlet gives another
figure, that tie is gone, and only the words, entities, counted noun and figures around the two claims
say whether they report one fact. The judge weighs those, having learnt from claims whose figure was
changed in memory (see `eval/fit_judge.py`); the package ships only its weights.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from isnad.errors import IsnadError

MODEL_FILE = "data/judge.json"


@dataclass(frozen=True, slots=True)
class Judge:
    """Standardisation and weights of the fitted model, feature by feature."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float

    def probability(self, row: Sequence[float]) -> float:
        """How likely the two claims described by `row` report one fact, 0-1."""
        z = self.bias + sum(
            w * (v - m) / s for v, m, s, w in zip(row, self.mean, self.scale, self.weights, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


@cache
def judge(expected: tuple[str, ...]) -> Judge:
    """The shipped judge, checked against the features the running code computes."""
    try:
        raw = resources.files("isnad.compare").joinpath(MODEL_FILE).read_text(encoding="utf-8")
        blob = json.loads(raw)
        model = Judge(
            tuple(blob["features"]),
            tuple(float(v) for v in blob["mean"]),
            tuple(float(v) for v in blob["scale"]),
            tuple(float(v) for v in blob["weights"]),
            float(blob["bias"]),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IsnadError("ISN201", MODEL_FILE, f"the same-fact judge cannot be read: {exc}", _REFIT) from exc
    if model.features != expected or not len(model.mean) == len(model.scale) == len(model.weights) == len(
        expected
    ):
        detail = "the same-fact judge was fitted on other features than isnad computes"
        raise IsnadError("ISN201", MODEL_FILE, detail, _REFIT)
    return model


_REFIT = "reinstall isnad, or refit the judge: python eval/fit_judge.py --write"
