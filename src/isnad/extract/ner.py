"""Named entities (PER, LOC, ORG, MISC) in the matching view, as spans into the original text.

The CRF tags whole tokens the way its corpus does ("وبغداد" is one LOC token); the span then drops the
attached conjunction/preposition so it covers the name alone ("بغداد"), and maps through the view's offsets
so diacritics and tatweel inside the name stay inside the span. The whole article is tagged as one document:
a one-word name tagged confidently somewhere is tagged the same at its other lone occurrences, and a city the
place lexicon learned from unlabelled news (ner_places) is read as LOC when the CRF leaves it "O" by a hair.
"""

from __future__ import annotations

import threading
from importlib import resources
from pathlib import Path

from isnad.extract.clitics import strip_proclitics
from isnad.extract.ner_features import Featurizer
from isnad.extract.ner_model import NerModel, load_bundle
from isnad.extract.ner_tagger import FastTagger
from isnad.extract.tokens import sentence_bounds, tokenize
from isnad.model import Span
from isnad.text.offsets import View

MODEL_FILE = "ner.model"
_models: dict[str, tuple[NerModel, FastTagger]] = {}
_lock = threading.Lock()


def default_model_path() -> Path:
    """Where the shipped model lives (package data)."""
    return Path(str(resources.files("isnad.extract").joinpath("data", MODEL_FILE)))


def _loaded(path: Path | None) -> tuple[NerModel, FastTagger]:
    """The model at `path` (default: shipped), loaded once per process."""
    key = str(path or default_model_path())
    hit = _models.get(key)
    if hit is None:
        with _lock:
            hit = _models.get(key)
            if hit is None:
                model = load_bundle(Path(key))
                hit = _models[key] = (model, FastTagger(model.weights, Featurizer(model.resources)))
    return hit


def find_entities(view: View, model: Path | None = None) -> list[Span]:
    """Entities of a matching view (from `normalize`/`normalize_view`), each a span of the original."""
    words, starts, ends = tokenize(view.text)
    if not words:
        return []
    _, tagger = _loaded(model)
    tags = tagger.tag_document(words, sentence_bounds(words))
    feat = tagger.feat
    spans: list[Span] = []
    i, n = 0, len(tags)
    while i < n:
        tag = tags[i]
        if tag == "O":
            i += 1
            continue
        kind = tag[2:]
        j = i + 1
        while j < n and tags[j] == "I-" + kind:
            j += 1
        spans.append(_span(view, feat, starts[i], ends[j - 1], words[i], kind))
        i = j
    return spans


def _span(view: View, feat: Featurizer, start: int, end: int, first: str, kind: str) -> Span:
    """One entity span, its first token's clitics left outside.

    "normalized" is the folded name without clitics, with an elided article restored ("للامم" -> "الامم"),
    which the span itself cannot do: the original has no alef there.
    """
    n = feat.clitic_length(first)
    a, b = view.original_span(start + n, end)
    name = strip_proclitics(first, feat.freqs)[1] + view.text[start + len(first) : end]
    return Span(a, b, view.original[a:b], kind, {"normalized": name})
