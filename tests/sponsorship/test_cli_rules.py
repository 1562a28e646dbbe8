"""`authentic-nlp score --rules/--market`: the analyst's rules file reaches the stage; a bad one stops
the run with exit code 2 and an error naming the file, the entry and the problem."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from authentic_nlp import cli

# fmt: off
POSTS = [
    {"id": "it1", "text": "#werbung Nuova crema di @lumaskin, codice LUMA10", "market": "it"},
    {"id": "it2", "text": "#pubblicità Nuova crema di @lumaskin", "market": "it"},
    {"id": "us1", "text": "Sponsored by @fitfuel. Three snacks I take hiking"},
    {"id": "empty", "text": ""},
    {"id": "emoji", "text": "🔥🔥"},
]
RULES = ("meta: {market: it, extends: true}\ncues:\n"
         "  - {id: it.label.werbung, kind: accepted, pattern: '#werbung', weight: 1.0, source: 'analyst'}\n")
# fmt: on


def _run(tmp_path, *args):
    posts = tmp_path / "posts.jsonl"
    posts.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in POSTS) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli.app, ["score", str(posts), "-o", str(out), "--quiet", *args])
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
    return result, {r["id"]: r["sponsorship"] for r in records}


@pytest.mark.parametrize("market, expected", [
    (None, {"it1": "disclosed", "it2": "disclosed", "us1": "disclosed", "empty": "organic", "emoji": "organic"}),
    ("uk", {"it1": "undisclosed", "it2": "organic", "us1": "weak_disclosure", "empty": "organic", "emoji": "organic"}),
])
def test_score_with_rules_and_market(tmp_path, market, expected):
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES, encoding="utf-8")
    args = ["--rules", str(rules)] + (["--market", market] if market else [])
    result, out = _run(tmp_path, *args)
    assert result.exit_code == 0, result.output
    assert {k: v["verdict"] for k, v in out.items()} == expected
    if market is None:
        assert out["it1"]["market"] == "it" and any(e["rule"] == "it.label.werbung" for e in out["it1"]["evidence"])


def test_score_with_a_bad_rules_file_exits_2_naming_file_and_entry(tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES.replace("weight: 1.0", "weight: 3"), encoding="utf-8")
    result, out = _run(tmp_path, "--rules", str(rules))
    assert result.exit_code == 2 and out == {}
    message = result.output + (result.stderr if result.stderr_bytes is not None else "")
    assert "E201" in message and "rules.yaml" in message and "it.label.werbung (line 3)" in message
