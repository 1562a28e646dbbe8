"""`evaluate`: gold from a contract set and from the corpora, three modes, table and JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from authentic_nlp.learn.evaluate import evaluate_gold, gold_from_corpora, gold_from_set
from authentic_nlp.learn.report import binary_metrics

# fmt: off
SET_POSTS = [
    {"id": "s1", "text": "#ad Il mio nuovo siero preferito, codice ANNA10", "market": "it",
     "comments": [{"id": "c1", "text": "subscribe to my channel pls"}, {"id": "c2", "text": "che bello 😍"}]},
    {"id": "s2", "text": "Sunday hike, muddy boots and a thermos of tea", "market": "us",
     "comments": [{"id": "c1", "text": ""}, {"id": "c2", "text": "which trail is this?"}]},
    {"id": "s3", "text": "", "comments": []},
    {"id": "s4", "text": "🔥🔥🔥", "comments": [{"id": "c1", "text": "follow back? 🙏"}]},
]
SET_GOLD = [
    {"id": "s1", "sponsored": 1, "comments": {"c1": {"spam": 1}, "c2": {"spam": 0}}},
    {"id": "s2", "sponsored": 0, "comments": {"c1": {"spam": 0}, "c2": {"spam": 0}}},
    {"id": "s3", "sponsored": 0, "comments": {}},
    {"id": "s4", "sponsored": 0, "deceptive": 1, "comments": {"c1": {"spam": 1}}},
]
# fmt: on


@pytest.fixture()
def eval_set(tmp_path) -> Path:
    folder = tmp_path / "mini-set"
    folder.mkdir()
    (folder / "posts.jsonl").write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in SET_POSTS), encoding="utf-8")
    (folder / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in SET_GOLD), encoding="utf-8")
    return folder


def test_gold_from_set(eval_set):
    gold = gold_from_set(eval_set)
    assert len(gold.posts) == 4
    assert gold.post_labels["sponsored"] == [(0, 1), (1, 0), (2, 0), (3, 0)]
    assert gold.post_labels["sincere"] == [(3, 0)]   # deceptive 1 -> sincere 0
    assert gold.comment_labels["spam"] == [(0, 0, 1), (0, 1, 0), (1, 0, 0), (1, 1, 0), (3, 0, 1)]


def test_gold_from_corpora_reads_only_the_test_creators(tiny_corpus):
    gold = gold_from_corpora(tiny_corpus)
    assert {p["creator"] for p in gold.posts} == {"vale.ricette", "max.cooks"}
    assert len(gold.comment_labels["type"]) == 6


@dataclass(frozen=True)
class Options:
    model_path: Path | None


def test_model_mode_equals_direct_metrics(eval_set, tiny_model):
    from authentic_nlp.learn.predictor import load_predictor
    from authentic_nlp.text.normalize import normalize

    results = evaluate_gold(gold_from_set(eval_set), ("model",), tiny_model)
    predictor = load_predictor(Options(tiny_model))
    probs = [s.sponsored for s in predictor.predict_captions([normalize(p["text"]) for p in SET_POSTS])]
    assert results["model"]["sponsored"] == binary_metrics([1, 0, 0, 0], probs)
    assert results["model"]["spam"]["n"] == 5 and results["model"]["spam"]["auc"] is not None


def test_three_modes_and_cues_have_no_model_scores(eval_set, tiny_model):
    results = evaluate_gold(gold_from_set(eval_set), ("cues", "model", "combined"), tiny_model)
    assert set(results) == {"posts", "comments", "cues", "model", "combined"}
    assert "auc" not in results["cues"]["spam"] and "auc" not in results["combined"]["spam"]
    for mode in ("cues", "model", "combined"):
        assert set(results[mode]) == {"sponsored", "sincere", "spam"}
        assert 0 <= results[mode]["sponsored"]["f1"] <= 1


def test_evaluate_command_prints_table_and_writes_json(eval_set, tiny_model, tiny_corpus, tmp_path):
    from typer.testing import CliRunner

    from authentic_nlp.cli import app

    out = tmp_path / "results.json"
    args = ["evaluate", "--model", str(tiny_model), "--corpora", str(tiny_corpus), "--set", str(eval_set),
            "--mode", "model", "-o", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "| corpora-test | comment_type | macro_f1 |" in result.output and "| mini-set | spam | f1 |" in result.output
    assert set(json.loads(out.read_text())) == {"corpora-test", "mini-set"}
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 2 and "E103" in again.output
    bad = CliRunner().invoke(app, ["evaluate", "--mode", "oracle", "--no-corpora"])
    assert bad.exit_code == 2 and "E401" in bad.output


def test_strata_default_to_binary_gold_fields_and_match_direct_metrics(eval_set, tiny_model):
    from authentic_nlp.learn.predictor import load_predictor
    from authentic_nlp.text.normalize import normalize

    extra = {"s1": {"has_at_mention": 1, "polarity": "positive"}, "s2": {"has_at_mention": 0, "polarity": "positive"},
             "s3": {"has_at_mention": 0, "polarity": "negative"}, "s4": {"has_at_mention": 1}}
    gold_rows = [{**g, **extra[g["id"]], "batch": 1} for g in SET_GOLD]   # one value only: no stratum
    (eval_set / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold_rows), encoding="utf-8")
    gold = gold_from_set(eval_set)
    probs = [s.sponsored for s in load_predictor(Options(tiny_model)).predict_captions(
        [normalize(p["text"]) for p in SET_POSTS])]

    by_default = evaluate_gold(gold, ("model",), tiny_model)["model"]["sponsored"]["by"]
    assert set(by_default) == {"has_at_mention"}           # polarity is not 0/1 (only on request), batch is all 1
    assert by_default["has_at_mention"]["1"] == binary_metrics([1, 0], [probs[0], probs[3]])
    assert by_default["has_at_mention"]["0"] == binary_metrics([0, 0], [probs[1], probs[2]])

    by_polarity = evaluate_gold(gold, ("model",), tiny_model, by=["polarity"])["model"]["sponsored"]["by"]
    assert set(by_polarity["polarity"]) == {"positive", "negative"}   # s4 has no polarity: left out
    assert by_polarity["polarity"]["positive"]["n"] == 2 and by_polarity["polarity"]["negative"]["n"] == 1


def test_evaluate_command_prints_stratum_rows(eval_set, tiny_model, tmp_path):
    from typer.testing import CliRunner

    from authentic_nlp.cli import app

    gold_rows = [{**g, "has_at_mention": int(g["id"] in ("s1", "s4"))} for g in SET_GOLD]
    (eval_set / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold_rows), encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", "--model", str(tiny_model), "--no-corpora", "--set", str(eval_set),
                                      "--mode", "model"])
    assert result.exit_code == 0, result.output
    assert "| mini-set [has_at_mention=1, n=2] | sponsored | f1 |" in result.output
    assert "| mini-set [has_at_mention=0, n=2] | sponsored | auc |" not in result.output   # one class: no AUC
