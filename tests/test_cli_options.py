"""Analysis options on the command line: a market a rules file defines, unknown markets as usage
errors before any worker starts, --no-model, and `explain` with the same options."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from authentic_nlp import cli

# fmt: off
POSTS = [
    {"id": "de1", "text": "Neue Creme von @lumaskin, Code LUMA10 #werbung"},
    {"id": "it1", "text": "Usa il codice GIULIA20 per il 20% di sconto! @brandx"},
    {"id": "empty", "text": ""},
    {"id": "emoji", "text": "😍🔥"},
]
GERMAN = """meta:
  market: de
  extends: false
  description: an analyst's market
  placement:
    preview: {id: de.placement.preview, chars: 125, lines: 3, source: analyst}
    trailing_cluster: {id: de.placement.trailing_cluster, min_hashtags: 3, source: analyst}
  platform_flag: {id: de.platform.paid_partnership, counts_as: ambiguous, source: analyst}
cues:
  - {id: de.label.werbung, kind: accepted, pattern: '#werbung', weight: 1.0, source: analyst}
"""
# fmt: on


@pytest.fixture
def posts(tmp_path):
    path = tmp_path / "posts.jsonl"
    path.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in POSTS) + "\n", encoding="utf-8")
    return path


def score(tmp_path, posts, *args):
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli.app, ["score", str(posts), "-o", str(out), "--quiet", "--force", *args])
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
    return result, records


def test_a_market_defined_by_a_rules_file_can_be_chosen(tmp_path, posts):
    rules = tmp_path / "de.yaml"
    rules.write_text(GERMAN, encoding="utf-8")
    result, records = score(tmp_path, posts, "--rules", str(rules), "--market", "de")
    assert result.exit_code == 0, result.output
    assert {r["sponsorship"]["market"] for r in records} == {"de"}
    assert records[0]["sponsorship"]["verdict"] == "disclosed"


@pytest.mark.parametrize("workers", ["1", "2"])
def test_an_unknown_market_is_a_usage_error_before_any_work(tmp_path, posts, workers):
    result, records = score(tmp_path, posts, "--market", "fr", "--workers", workers)
    assert result.exit_code == cli.EXIT_USAGE
    assert "E204" in result.output and "fr" in result.output
    assert records == []


def test_no_model_keeps_verdicts_and_may_change_probabilities(tmp_path, posts):
    _, combined = score(tmp_path, posts)
    result, cues_only = score(tmp_path, posts, "--no-model")
    assert result.exit_code == 0, result.output
    assert [r["sponsorship"]["verdict"] for r in cues_only] == [r["sponsorship"]["verdict"] for r in combined]
    assert all(0.0 <= r["sponsorship"]["probability"] <= 1.0 for r in cues_only)


def test_model_and_no_model_exclude_each_other(tmp_path, posts):
    result, _ = score(tmp_path, posts, "--no-model", "--model", str(tmp_path))
    assert result.exit_code == cli.EXIT_USAGE and "exclude each other" in result.output


def test_explain_takes_rules_and_market(tmp_path):
    rules = tmp_path / "de.yaml"
    rules.write_text(GERMAN, encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["explain", "Neue Creme von @lumaskin #werbung", "--rules", str(rules),
                                          "--market", "de", "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["sponsorship"]["market"] == "de" and record["sponsorship"]["verdict"] == "disclosed"


# fmt: off
@pytest.mark.parametrize("text, lang, expected_code, expected_market", [
    ("Ciao",                                   "en", "en", "us"),    # forced: the market follows it
    ("Ciao",                                   None, None, None),    # identified
    ("Use code MIA20 for 20% off #ad",         "it", "it", "it"),
    ("",                                       "it", "it", "it"),
    ("😍🔥",                                   "en", "en", "us"),
])
# fmt: on
def test_explain_lang_forces_the_language(text, lang, expected_code, expected_market):
    args = ["explain", text, "--json"] + (["--lang", lang] if lang else [])
    result = CliRunner().invoke(cli.app, args)
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    if expected_code is None:
        assert record["language"]["code"] in {"it", "und"}
    else:
        assert record["language"] == {"code": expected_code, "confidence": 1.0, "mixed": False}
        assert record["sponsorship"]["market"] == expected_market
