"""The hostile corpus scored end to end: records in = out + quarantined, exit 3, byte-identical runs
with --workers 1 and 2, every record within its budget."""

from __future__ import annotations

import json
import time
from collections import defaultdict

import pytest

from .clirun import run
from .corpus import write_corpus

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    expected = write_corpus(folder / "corpus")
    inputs = [str(folder / "corpus" / name) for name in expected]
    runs = {}
    for name, workers in (("w1", 1), ("w1-again", 1), ("w2", 2)):
        out = folder / name / "out.jsonl"
        out.parent.mkdir()
        started = time.perf_counter()
        result = run("score", *inputs, "-o", str(out), "--workers", str(workers), "--record-timeout", "20", "--quiet",
                     tmp=folder / name / "tmp")
        runs[name] = (result, out, out.with_name("out.quarantine.jsonl"), time.perf_counter() - started)
    return expected, runs


@pytest.mark.parametrize("name", ["w1", "w1-again", "w2"])
def test_every_record_is_accounted_for_with_its_code(scored, name):
    expected, runs = scored
    result, out, quarantine, _seconds = runs[name]
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    lines = [json.loads(line) for line in quarantine.read_text(encoding="utf-8").splitlines()]
    total = sum(len(codes) for codes in expected.values())
    assert len(records) + len(lines) == total
    assert len(records) == sum(code is None for codes in expected.values() for code in codes)
    by_file = defaultdict(list)
    for line in lines:
        by_file[line["file"].rsplit("/", 1)[-1]].append(line["code"])
        assert line["error"] and line["code"] and "record" in line
    for file, codes in expected.items():
        assert by_file[file] == [c for c in codes if c is not None], file
    assert not [r for r in records if "E019" in json.dumps(r)]


def test_runs_are_byte_identical_across_runs_and_workers(scored):
    _expected, runs = scored
    outputs = {name: (out.read_bytes(), quarantine.read_bytes()) for name, (_r, out, quarantine, _s) in runs.items()}
    assert outputs["w1"] == outputs["w1-again"] == outputs["w2"]


def test_repairs_are_reported_on_the_scored_record(scored):
    _expected, runs = scored
    _result, out, _quarantine, _seconds = runs["w1"]
    records = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert [w["code"] for w in records["sur-text"]["input_warnings"]] == ["W001"]
    assert records["sur-\ufffd-id"]["input_warnings"][0]["field"] == "id"
    assert records["flood-emoji"]["input_warnings"][0]["code"] == "W002"
    assert "reused" in records and "input_warnings" not in records["ok-it"]


def test_no_record_takes_longer_than_its_budget(scored):
    _expected, runs = scored
    for _result, _out, _quarantine, seconds in runs.values():
        assert seconds < 20 * 5     # the budget is 20 s a record; the whole corpus takes a fraction of one
