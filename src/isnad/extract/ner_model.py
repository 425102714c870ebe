"""The NER model bundle: one zip holding the CRF weights and the learned lookups they were trained with.

Keeping weights, gazetteer and clusters in one file means a model can never be paired with the wrong
lookups; a missing or damaged file is a coded error that says which file and what to do.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from isnad.errors import IsnadError
from isnad.extract.ner_features import Resources
from isnad.extract.ner_tagger import Weights

MODEL_ERROR = "ISN300"
MODEL_ADVICE = "reinstall isnad, or retrain with `isnad train ner --corpus FILE --out MODEL` and pass --model"
_STATE = "state.npy"
_TRANS = "transitions.npy"
_RES = "resources.json"
FORMAT = 1


@dataclass(frozen=True)
class NerModel:
    """A loaded model: CRF weights plus the resources its features need."""

    weights: Weights
    resources: Resources
    meta: dict[str, Any]


def _npy(array: Any) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return buffer.getvalue()


def save_bundle(path: Path, weights: Weights, resources: Resources, meta: dict[str, Any]) -> None:
    """Write weights and lookups into one zip (float32 weights: ample precision, half the size)."""
    attributes = sorted(weights.index, key=weights.index.__getitem__)
    payload = {
        "format": FORMAT,
        "meta": meta,
        "labels": weights.labels,
        "attributes": attributes,
        "gazetteer": dict(sorted(resources.gazetteer.items())),
        "clusters": dict(sorted(resources.clusters.items())),
        "places": dict(sorted(resources.places.items())),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr(_STATE, _npy(weights.state[: weights.none].astype(np.float32)))
        zf.writestr(_TRANS, _npy(weights.transitions.astype(np.float32)))
        zf.writestr(_RES, json.dumps(payload, ensure_ascii=False, separators=(",", ":")))


def load_bundle(path: Path) -> NerModel:
    """Open a bundle; anything wrong with it becomes ISN300 naming the file."""
    try:
        with zipfile.ZipFile(path) as zf:
            state = np.load(io.BytesIO(zf.read(_STATE)), allow_pickle=False).astype(np.float64)
            trans = np.load(io.BytesIO(zf.read(_TRANS)), allow_pickle=False).astype(np.float64)
            payload = json.loads(zf.read(_RES).decode("utf-8"))
    except FileNotFoundError:
        raise IsnadError(MODEL_ERROR, str(path), "the NER model file is missing", MODEL_ADVICE) from None
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile) as exc:
        raise IsnadError(MODEL_ERROR, str(path), f"the NER model is damaged: {exc}", MODEL_ADVICE) from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise IsnadError(MODEL_ERROR, str(path), "unknown NER model format", MODEL_ADVICE)
    labels, attributes = payload.get("labels") or [], payload.get("attributes")
    n_labels = len(labels)
    if (
        not isinstance(labels, list)
        or not isinstance(attributes, list)
        or state.shape != (len(attributes), n_labels)
        or trans.shape != (n_labels, n_labels)
    ):
        raise IsnadError(MODEL_ERROR, str(path), "the NER weights do not match their labels", MODEL_ADVICE)
    # "places" is optional: bundles written before the place lexicon existed still load.
    resources = Resources(payload["gazetteer"], payload["clusters"], payload.get("places") or {})
    return NerModel(Weights(list(labels), trans, attributes, state), resources, payload.get("meta", {}))
