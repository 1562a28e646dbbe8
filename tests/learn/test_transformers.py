"""The transformers backend end to end, offline: a tiny BERT built here, fine-tuned, saved, loaded, scored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("transformers")

from authentic_nlp.errors import ModelError  # noqa: E402
from authentic_nlp.learn.predictor import load_model_dir  # noqa: E402

WORDS = ("ciao grazie bella ricetta codice sconto link bio seguimi collab dove quanto costa provato "
         "love check my page follow review honest great nice pic the a is it was but and di la il per "
         "che con non ho un una to of for in on you this").split()


@pytest.fixture(scope="module")
def tiny_bert(tmp_path_factory) -> Path:
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizerFast

    folder = tmp_path_factory.mktemp("tiny-bert")
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *"!?,.@#", *WORDS]
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tokenizer = BertTokenizerFast(vocab_file=str(folder / "vocab.txt"), do_lower_case=True)
    config = BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=32, max_position_embeddings=128, num_labels=2)
    import torch

    torch.manual_seed(0)
    BertForSequenceClassification(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def fine_tuned(tiny_bert, tiny_corpus, tmp_path_factory) -> Path:
    from authentic_nlp.learn.transformers_backend import FineTuneConfig, fine_tune

    out = tmp_path_factory.mktemp("ft") / "tiny-ft"
    fine_tune(tiny_bert, tiny_corpus, out, config=FineTuneConfig(epochs=1, batch_size=4, max_steps=4, max_length=64, threads=1))
    return out


def test_fine_tune_saves_model_tokenizer_and_config(fine_tuned):
    config = json.loads((fine_tuned / "config.json").read_text())
    assert config["authentic_nlp"]["backend"] == "transformers" and len(config["id2label"]) == 6
    assert config["authentic_nlp"]["steps"] == 4
    assert (fine_tuned / "tokenizer_config.json").is_file() and (fine_tuned / "metrics.json").is_file()


@pytest.mark.parametrize("text", ["", "😍😍", "Che bella ricetta, dove la trovo?", "check my page, follow back", "nice ma costa"])
def test_load_and_score(fine_tuned, text):
    predictor = load_model_dir(fine_tuned)
    assert type(predictor.backend).__name__ == "TransformersBackend"
    caption = predictor.predict_captions([text])[0]
    assert 0 <= caption.sponsored <= 1 and 0 <= caption.sincere <= 1
    assert sum(predictor.predict_comments([text])[0]) == pytest.approx(1.0)


def test_score_command_with_the_fine_tuned_model(fine_tuned, tmp_path):
    from typer.testing import CliRunner

    from authentic_nlp.cli import app

    posts = tmp_path / "posts.jsonl"
    posts.write_text(json.dumps({"id": "p1", "creator": "anna", "text": "Ricetta provata, buona ma salata #adv",
                                 "comments": [{"id": "c1", "text": "dove la trovo?", "author": "bea"},
                                              {"id": "c2", "text": "check my page", "author": "spammer"}]}) + "\n")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["score", str(posts), "-o", str(out), "--model", str(fine_tuned), "-q"])
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text())
    assert [c["type"] in ("substantive", "question", "generic", "spam") for c in record["comments"]] == [True, True]


def test_missing_checkpoint_says_how_to_get_it(tiny_corpus, tmp_path):
    from authentic_nlp.learn.transformers_backend import fine_tune

    with pytest.raises(ModelError, match=r"E301.*hf download"):
        fine_tune("no-such-org/no-such-model", tiny_corpus, tmp_path / "x")
    assert not (tmp_path / "x").exists()
