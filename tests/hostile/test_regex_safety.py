"""User rules are checked on load for catastrophic backtracking; the shipped cue regexes all pass."""

from __future__ import annotations

import glob
import re
import time
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from authentic_nlp import cli
from authentic_nlp.markets.regex_safety import backtracking_risk

# fmt: off
BAD = ["(a+)+$", "(a|a)*", "(a|aa)+", r"(\w+\s?)*$", "(.*a){20}", "(x+x+)+y", r"^(\d+)*$", "(?:a*)*b", "((ab)*)+c",
       r"(?:sconto|codice)(\s*\w+\s*)+!"]
GOOD = [r"(\s+\w+)*", r"([a-z]+\.)+com", "(a+b)+", r"\bcodice\s+[A-Z0-9]{4,12}\b", r"https?://\S+", "(?:foo|bar)+",
        r"#\w+", "(?>a+)+", "a++", r"(?:\d{1,3}\.){3}\d{1,3}", r"@[\w.]+", "(ab|ac)*", r"(?:in\s+)?collaborazione\s+con",
        "", "😍+"]
# fmt: on


@pytest.mark.parametrize("pattern", BAD)
def test_catastrophic_patterns_are_refused(pattern):
    assert backtracking_risk(pattern, re.IGNORECASE)


@pytest.mark.parametrize("pattern", GOOD)
def test_linear_patterns_pass(pattern):
    assert backtracking_risk(pattern, re.IGNORECASE) is None


def test_every_shipped_regex_passes():
    root = Path(__file__).resolve().parents[2] / "authentic_nlp"
    checked = 0
    for path in glob.glob(str(root / "**" / "*.yaml"), recursive=True):
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        for entry in (data.get("cues") or []) if isinstance(data, dict) else []:
            if isinstance(entry, dict) and entry.get("regex"):
                checked += 1
                assert backtracking_risk(str(entry["regex"]), re.IGNORECASE) is None, (path, entry.get("id"))
    assert checked > 100


RULES = ("meta: {market: it, extends: true}\ncues:\n"
         "  - {id: it.label.ok, kind: accepted, pattern: '#werbung', weight: 1.0, source: analyst}\n"
         "  - {id: it.signal.trap, kind: accepted, regex: '(a+)+$', weight: 0.5, source: analyst}\n")


@pytest.mark.parametrize("command", [["explain", "a" * 50 + "!"], ["score", "IN", "-o", "OUT"]])
def test_a_catastrophic_user_rule_is_a_usage_error_naming_file_entry_and_line(tmp_path, command):
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES, encoding="utf-8")
    posts = tmp_path / "in.jsonl"
    posts.write_text('{"id": "p", "text": "' + "a" * 50 + '!"}\n', encoding="utf-8")
    args = [str(posts) if a == "IN" else str(tmp_path / "out.jsonl") if a == "OUT" else a for a in command]
    started = time.perf_counter()
    result = CliRunner().invoke(cli.app, [*args, "--rules", str(rules)])
    message = result.output + (result.stderr if result.stderr_bytes is not None else "")
    assert result.exit_code == 2, message
    assert "E201" in message and "rules.yaml" in message and "it.signal.trap (line 4)" in message
    assert time.perf_counter() - started < 30
