"""Training on a tiny hand-written corpus, scoring, and coded errors for bad corpora."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from isnad.cli import app
from isnad.errors import IsnadError
from isnad.extract.ner_corpus import entities, read_corpus
from isnad.extract.ner_features import Featurizer, Resources
from isnad.extract.ner_tagger import FastTagger, Weights, propagate
from isnad.extract.ner_train import Scores, TrainConfig, evaluate_model, learn_gazetteer, train_bundle
from isnad.extract.tokens import sentence_bounds, tokenize

runner = CliRunner()

# Invented sentences (tag:word; untagged words are O): a few towns, people and bodies, seen several times.
_SENTENCES = [
    "زار B-PER:سامر I-PER:الخطيب O:مدينة B-LOC:تلمسان O:أمس O:.",
    "وقالت B-ORG:هيئة I-ORG:المياه O:إن O:السدود O:ممتلئة O:.",
    "التقى B-PER:سامر I-PER:الخطيب O:ممثلي B-ORG:هيئة I-ORG:المياه O:في B-LOC:تلمسان O:.",
    "وصل B-PER:نادر I-PER:الفارس O:إلى B-LOC:وهران O:صباحا O:.",
    "أعلنت B-ORG:هيئة I-ORG:الموانئ O:افتتاح O:رصيف O:في B-LOC:وهران O:.",
    "وأكد B-PER:نادر I-PER:الفارس O:أن B-ORG:هيئة I-ORG:الموانئ O:جاهزة O:.",
    "غادر B-PER:سامر I-PER:الخطيب B-LOC:وهران O:إلى B-LOC:تلمسان O:.",
    "وشارك O:فريق O:من B-ORG:هيئة I-ORG:المياه O:في O:حملة B-MISC:الربيع O:.",
]


def _write_corpus(path: Path) -> Path:
    lines: list[str] = []
    for sentence in _SENTENCES:
        for item in sentence.split():
            tag, word = item.split(":", 1) if ":" in item else ("O", item)
            lines.append(f"{word} {tag}")
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_train_then_eval_round_trips(tmp_path: Path) -> None:
    corpus = read_corpus(_write_corpus(tmp_path / "tiny.txt"))
    assert len(corpus) == len(_SENTENCES)
    model = tmp_path / "tiny.model"
    train_bundle(corpus, TrainConfig(c1=0.0, c2=0.01, max_iterations=100), model, {"corpora": ["tiny"]})
    scores = evaluate_model(model, corpus)
    _, _, f, n = scores.prf()
    assert n == sum(len(entities(s.tags)) for s in corpus)
    assert f > 0.9  # a model must at least fit the sentences it was trained on


def test_scores_are_exact_match_per_type() -> None:
    scores = Scores()
    scores.add(["B-PER", "I-PER", "O", "B-LOC"], ["B-PER", "O", "O", "B-LOC"])
    assert scores.prf("LOC")[:3] == (1.0, 1.0, 1.0)
    assert scores.prf("PER")[:3] == (0.0, 0.0, 0.0)  # a partial match counts as both a miss and a false alarm
    assert scores.prf()[0] == 0.5


def test_nested_tags_are_flattened_to_our_types(tmp_path: Path) -> None:
    path = tmp_path / "nested.txt"
    nested = "رئيس B-OCC\nبلدية I-OCC B-ORG\nسطيف I-OCC I-ORG B-GPE\nتحدث O\n$#$ O\n"
    path.write_text(nested, encoding="utf-8")
    (sentence,) = read_corpus(path)
    assert sentence.tags == ["O", "B-ORG", "I-ORG", "O"]


def test_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("كلمة O\nكلمة\n", encoding="utf-8")
    with pytest.raises(IsnadError) as err:
        read_corpus(path)
    assert err.value.code == "ISN301"
    assert f"{path}:2" in err.value.message


def test_missing_corpus_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(IsnadError) as err:
        read_corpus(tmp_path / "absent.txt")
    assert err.value.code == "ISN100"


def test_cli_trains_and_evaluates_a_model(tmp_path: Path) -> None:
    corpus = _write_corpus(tmp_path / "tiny.txt")
    model = tmp_path / "cli.model"
    trained = runner.invoke(app, ["train", "ner", "--corpus", str(corpus), "--out", str(model)])
    assert trained.exit_code == 0, trained.output
    assert model.is_file()
    scored = runner.invoke(app, ["eval", "ner", "--corpus", str(corpus), "--model", str(model)])
    assert scored.exit_code == 0, scored.output
    assert "overall" in scored.output and "PER" in scored.output


def test_cli_rejects_a_malformed_corpus_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("كلمة O\n\nكلمة B-PER X\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "ner", "--corpus", str(path)])
    assert result.exit_code == 1
    assert "ISN301" in result.output and "bad.txt:3" in result.output


def test_fast_decoder_agrees_with_crfsuite(tmp_path: Path) -> None:
    import pycrfsuite  # type: ignore[import-untyped]

    corpus = read_corpus(_write_corpus(tmp_path / "tiny.txt"))
    feat = Featurizer(Resources(gazetteer=learn_gazetteer(corpus)))
    trainer = pycrfsuite.Trainer(verbose=False)
    for s in corpus:
        trainer.append(feat.sentence(s.words), s.tags)
    trainer.set_params({"c1": 0.0, "c2": 0.1, "max_iterations": 50})
    trainer.train(str(tmp_path / "m.crf"))
    crf_bytes = (tmp_path / "m.crf").read_bytes()
    reference = pycrfsuite.Tagger()
    reference.open_inmemory(crf_bytes)
    fast = FastTagger(Weights.from_crfsuite(crf_bytes), feat)
    text = "وصل سامر الخطيب إلى وهران . وقالت هيئة الموانئ إن الرصيف جاهز . . غادر نادر تلمسان"
    words = tokenize(text)[0]
    bounds = sentence_bounds(words)
    expected = [tag for a, b in bounds for tag in reference.tag(feat.sentence(words[a:b]))]
    assert fast.tag(words, bounds) == expected
    assert {"B-PER", "B-LOC"} <= set(expected)  # the comparison is not vacuous


def _emissions(rows: list[dict[str, float]], labels: list[str]) -> Any:
    import numpy as np

    return np.array([[row.get(x, 0.0) for x in labels] for row in rows])


_LABELS = ["O", "B-LOC", "B-PER", "I-LOC", "I-PER"]


def test_a_confident_name_lends_its_type_to_its_other_lone_occurrences() -> None:
    # "arrived in Tilimsan ... the people of Tilimsan said": the second mention was missed.
    stems = ["وصل", "الي", "تلمسان", ".", "وقال", "اهل", "تلمسان", "."]
    tags = ["O", "O", "B-LOC", "O", "O", "O", "O", "O"]
    e = _emissions([{}, {}, {"B-LOC": 5.0}, {}, {}, {}, {"O": 1.0}, {}], _LABELS)
    assert propagate(stems, tags, e, _LABELS, 2.0)[6] == "B-LOC"


def test_a_hesitant_or_conflicting_name_changes_nothing() -> None:
    stems = ["زار", "تلمسان", "ثم", "تلمسان", "و", "تلمسان"]
    tags = ["O", "B-LOC", "O", "O", "O", "O"]
    weak = _emissions([{}, {"B-LOC": 1.0}, {}, {}, {}, {}], _LABELS)
    assert propagate(stems, tags, weak, _LABELS, 2.0) == tags
    both = ["O", "B-LOC", "O", "B-PER", "O", "O"]
    strong = _emissions([{}, {"B-LOC": 5.0}, {}, {"B-PER": 5.0}, {}, {}], _LABELS)
    assert propagate(stems, both, strong, _LABELS, 2.0) == both  # the writer's own usage is ambiguous


def test_propagation_never_splits_or_extends_another_name() -> None:
    stems = ["زار", "تلمسان", ".", "سامر", "تلمسان"]
    tags = ["O", "B-LOC", "O", "B-PER", "I-PER"]
    e = _emissions([{}, {"B-LOC": 5.0}, {}, {}, {}], _LABELS)
    assert propagate(stems, tags, e, _LABELS, 2.0) == tags
