"""`authentic-nlp score` through typer's CliRunner: exit codes, summary, --force, --map, --source."""

from __future__ import annotations

import csv
import json
import sys
import types

import pytest
from typer.testing import CliRunner

from authentic_nlp import cli
from authentic_nlp.errors import SourcePosition
from authentic_nlp.io import ReadItem, read_scored

# fmt: off
GOOD = [
    {"id": "it1", "text": "Ieri ho provato la crema: pelle meno secca #adv", "creator": "giulia",
     "comments": [{"id": "c1", "text": "Dove la trovo?", "author": "marta"}]},
    {"id": "en1", "text": "Honest review after three weeks of running", "creator": "sam"},
    {"id": "mix1", "text": "Outfit del giorno, so comfy 😍"},
    {"id": "empty1", "text": ""},
    {"id": "emoji1", "text": "🔥🔥🔥"},
]
# fmt: on
BAD_LINE = '{"id": "bad", "text": '


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _jsonl(path, records, extra_lines=()):
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _score(runner, *args):
    return runner.invoke(cli.app, ["score", *map(str, args)])


def _summary(stderr: str) -> dict[str, str]:
    return {line[:13].strip(): line[13:].strip() for line in stderr.splitlines() if line[:13].strip()}


def test_clean_run_exits_0_with_a_summary(runner, tmp_path):
    out = tmp_path / "out.jsonl"
    result = _score(runner, _jsonl(tmp_path / "in.jsonl", GOOD), "-o", out)
    assert result.exit_code == cli.EXIT_OK, result.output
    summary = _summary(result.stderr)
    assert summary["records in"] == "5" and summary["scored"] == "5" and summary["quarantined"] == "0"
    assert float(summary["seconds"]) >= 0 and float(summary["texts/s"]) > 0 and "posts/s" in summary
    assert [r["id"] for r in read_scored(out)] == [r["id"] for r in GOOD]
    assert result.stdout == ""   # stdout stays free for pipes; the summary goes to stderr


def test_quarantined_records_exit_3_and_are_counted(runner, tmp_path):
    out = tmp_path / "out.jsonl"
    result = _score(runner, _jsonl(tmp_path / "in.jsonl", GOOD, [BAD_LINE, '{"text": "senza id"}']), "-o", out)
    assert result.exit_code == cli.EXIT_PARTIAL, result.output
    summary = _summary(result.stderr)
    assert (summary["records in"], summary["scored"]) == ("7", "5")
    assert summary["quarantined"].startswith("2") and "out.quarantine.jsonl" in summary["quarantined"]
    assert summary["errors"] == "E002: 1, E007: 1"
    assert len((tmp_path / "out.quarantine.jsonl").read_text(encoding="utf-8").splitlines()) == 2


def test_skip_exits_3_without_a_quarantine_file(runner, tmp_path):
    result = _score(runner, _jsonl(tmp_path / "in.jsonl", GOOD, [BAD_LINE]), "-o", tmp_path / "o.jsonl",
                    "--on-error", "skip")
    assert result.exit_code == cli.EXIT_PARTIAL and _summary(result.stderr)["skipped"] == "1"
    assert not (tmp_path / "o.quarantine.jsonl").exists()


def test_fail_exits_4_naming_the_line(runner, tmp_path):
    result = _score(runner, _jsonl(tmp_path / "in.jsonl", GOOD, [BAD_LINE]), "-o", tmp_path / "o.jsonl",
                    "--on-error", "fail")
    assert result.exit_code == cli.EXIT_ABORTED
    assert "in.jsonl:line 6" in result.stderr and "E007" in result.stderr
    assert not (tmp_path / "o.jsonl").exists()


def test_refuses_to_overwrite_without_force(runner, tmp_path):
    source = _jsonl(tmp_path / "in.jsonl", GOOD)
    out = tmp_path / "out.csv"
    out.write_text("precious\n", encoding="utf-8")
    result = _score(runner, source, "-o", out)
    assert result.exit_code == cli.EXIT_USAGE and "E103" in result.stderr and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "precious\n"
    result = _score(runner, source, "-o", out, "--force")
    assert result.exit_code == cli.EXIT_OK
    with open(out, encoding="utf-8", newline="") as handle:
        assert [row["id"] for row in csv.DictReader(handle)] == [r["id"] for r in GOOD]


@pytest.mark.parametrize("fmt,suffix", [("jsonl", "jsonl"), ("csv", "csv"), ("parquet", "parquet"), ("csv", "txt")])
def test_output_formats(runner, tmp_path, fmt, suffix):
    out = tmp_path / f"out.{suffix}"
    result = _score(runner, _jsonl(tmp_path / "in.jsonl", GOOD), "-o", out, "--format", fmt, "-q")
    assert result.exit_code == cli.EXIT_OK and result.stderr == ""   # --quiet: no summary
    assert [r["id"] for r in read_scored(out, fmt)] == [r["id"] for r in GOOD]


def test_comments_file_joins_and_orphans_are_quarantined(runner, tmp_path):
    posts = _jsonl(tmp_path / "posts.jsonl", [{k: v for k, v in p.items() if k != "comments"} for p in GOOD])
    comments = tmp_path / "comments.csv"
    comments.write_text("post_id,id,text\nit1,c1,Dove la trovo?\nen1,k1,Where from?\nnope,z,😍\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = _score(runner, posts, "--comments", comments, "-o", out)
    assert result.exit_code == cli.EXIT_PARTIAL
    assert {r["id"]: len(r["comments"]) for r in read_scored(out)}["en1"] == 1
    (orphan,) = [json.loads(line) for line in (tmp_path / "out.quarantine.jsonl").read_text(encoding="utf-8").splitlines()]
    assert (orphan["code"], orphan["row"], orphan["file"]) == ("E106", 3, str(comments))


@pytest.mark.parametrize("mapping,problem", [
    ("text", "is not FIELD=COLUMN"),
    ("didascalia=Description", "unknown field 'didascalia'"),
    ("text=A,text=B", "mapped twice"),
])
def test_bad_map_is_a_usage_error(runner, tmp_path, mapping, problem):
    result = _score(runner, _jsonl(tmp_path / "in.jsonl", GOOD), "-o", tmp_path / "o.jsonl", "--map", mapping)
    assert result.exit_code == cli.EXIT_USAGE and "--map" in result.stderr and problem in result.stderr
    assert not (tmp_path / "o.jsonl").exists()


def test_map_renames_csv_columns(runner, tmp_path):
    source = tmp_path / "export.csv"
    source.write_text("Post,Description,Account\n1,Buongiorno a tutti!,luca\n2,Good morning 😍,sam\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    result = _score(runner, source, "-o", out, "--map", "id=Post,text=Description,creator=Account")
    assert result.exit_code == cli.EXIT_OK, result.output
    assert [(r["id"], r["creator"]) for r in read_scored(out)] == [("1", "luca"), ("2", "sam")]


def test_source_and_map_reach_the_adapters(runner, tmp_path, monkeypatch):
    seen = []

    def read_source(path, source=None, column_map=None):
        seen.append((source, column_map))
        yield ReadItem(SourcePosition(str(path), row=1), raw={"id": "a1", "text": "Ciao dal reader"})

    module = types.ModuleType("authentic_nlp.io.adapters")
    module.read_source = read_source
    monkeypatch.setitem(sys.modules, "authentic_nlp.io.adapters", module)
    source = tmp_path / "export.csv"
    source.write_text("Description\nCiao\n", encoding="utf-8")
    result = _score(runner, source, "-o", tmp_path / "o.jsonl", "--source", "tiktok", "--map", "text=Description")
    assert result.exit_code == cli.EXIT_OK, result.output
    assert seen == [("tiktok", {"text": "Description"})]


def test_a_file_no_reader_understands_is_a_usage_error(runner, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "authentic_nlp.io.adapters", types.ModuleType("authentic_nlp.io.adapters"))
    source = tmp_path / "export.csv"
    source.write_text("Description,Account\nCiao,luca\n", encoding="utf-8")
    result = _score(runner, source, "-o", tmp_path / "o.jsonl")
    assert result.exit_code == cli.EXIT_USAGE and "E108" in result.stderr and "export.csv" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.csv"]


def test_missing_input_is_a_usage_error(runner, tmp_path):
    result = _score(runner, tmp_path / "nope.jsonl", "-o", tmp_path / "o.jsonl")
    assert result.exit_code == cli.EXIT_USAGE


@pytest.mark.parametrize("quiet,tty,expected", [(False, True, True), (False, False, False), (True, True, False),
                                               (True, False, False)])
def test_progress_bar_only_on_a_terminal(monkeypatch, quiet, tty, expected):
    monkeypatch.setattr(sys, "stderr", types.SimpleNamespace(isatty=lambda: tty))
    assert cli._wants_progress(quiet) is expected


def test_no_progress_output_when_redirected(runner, tmp_path):
    result = _score(runner, _jsonl(tmp_path / "in.jsonl", GOOD * 1), "-o", tmp_path / "o.jsonl")
    assert "scoring" not in result.stderr and "\r" not in result.stderr
