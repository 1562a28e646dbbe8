"""Training on the tiny corpus, saving, loading with weights_only, predicting; determinism."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from authentic_nlp.errors import ModelError
from authentic_nlp.learn.predictor import NO_MODEL, load_model_dir, load_predictor

TEXTS = ["", "🔥🔥🔥", "Collaborazione retribuita con @marca, codice SCONTO10", "Honest review: loud, but the grind is even",
         "bellissimo post, love it 😍"]


@dataclass(frozen=True)
class Options:
    model_path: Path | None


def test_model_folder_holds_weights_config_and_metrics(tiny_model):
    config = json.loads((tiny_model / "config.json").read_text())
    metrics = json.loads((tiny_model / "metrics.json").read_text())
    assert config["backend"] == "torch" and config["labels"]["comment"] == ["substantive", "question", "generic", "spam"]
    assert set(config["temperature"]) == {"sponsored", "sincere", "comment"}
    assert len(config["data"]["hash"]) == 64 and config["data"]["sizes"]["test"]["captions"] == 2
    assert set(metrics["test"]) == {"sponsored", "sincere", "comment_type"}
    assert (tiny_model / "model.pt").stat().st_size < 25 * 2 ** 20


@pytest.mark.parametrize("text", TEXTS)
def test_caption_probabilities(tiny_model, text):
    scores = load_predictor(Options(tiny_model)).predict_captions([text])[0]
    assert 0.0 <= scores.sponsored <= 1.0 and 0.0 <= scores.sincere <= 1.0


@pytest.mark.parametrize("text", TEXTS)
def test_comment_probabilities_sum_to_one(tiny_model, text):
    probs = load_predictor(Options(tiny_model)).predict_comments([text])[0]
    assert len(probs) == 4 and sum(probs) == pytest.approx(1.0)


def test_batch_equals_one_by_one(tiny_model):
    predictor = load_predictor(Options(tiny_model))
    batch = predictor.predict_comments(TEXTS)
    for text, row in zip(TEXTS, batch):
        assert predictor.predict_comments([text])[0] == pytest.approx(row, abs=1e-6)
    assert predictor.predict_comments([]) == [] and predictor.predict_captions([]) == []


def test_caption_is_scored_once_per_text(tiny_model):
    predictor = load_model_dir(tiny_model)
    calls = []
    original = predictor.backend.predict_captions
    predictor.backend.predict_captions = lambda texts: calls.append(list(texts)) or original(texts)
    first = predictor.caption("Ho provato il nuovo tostapane")
    assert predictor.caption("Ho provato il nuovo tostapane") == first
    assert calls == [["Ho provato il nuovo tostapane"]]


def test_predictor_is_cached_per_folder_and_can_be_turned_off(tiny_model):
    assert load_predictor(Options(tiny_model)) is load_predictor(Options(tiny_model))
    assert load_predictor(Options(NO_MODEL)) is None


def test_missing_or_broken_folders_raise_coded_errors(tmp_path):
    with pytest.raises(ModelError, match="E301"):
        load_model_dir(tmp_path / "nowhere")
    (tmp_path / "config.json").write_text('{"backend": "abacus"}')
    with pytest.raises(ModelError, match="E303"):
        load_model_dir(tmp_path)


def test_training_is_deterministic(tiny_corpus, tiny_model, tmp_path):
    import torch

    from authentic_nlp.learn.features import FeatureConfig
    from authentic_nlp.learn.model import NetConfig
    from authentic_nlp.learn.train import TrainConfig, train_model

    train_model(tiny_corpus, tmp_path / "again", features=FeatureConfig(buckets=4096),
                net=NetConfig(buckets=4096, dim=8, hidden=8), config=TrainConfig(epochs=4, patience=4, batch_size=4, lr=0.05))
    a = torch.load(tiny_model / "model.pt", weights_only=True)
    b = torch.load(tmp_path / "again" / "model.pt", weights_only=True)
    assert a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)
    assert (tiny_model / "metrics.json").read_bytes() == (tmp_path / "again" / "metrics.json").read_bytes()
    assert (tiny_model / "config.json").read_bytes() == (tmp_path / "again" / "config.json").read_bytes()


def test_existing_model_is_not_overwritten_without_force(tiny_corpus, tiny_model):
    from authentic_nlp.errors import AuthenticNLPError
    from authentic_nlp.learn.train import train_model

    with pytest.raises(AuthenticNLPError, match="E103"):
        train_model(tiny_corpus, tiny_model)
