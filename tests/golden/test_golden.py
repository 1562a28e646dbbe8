"""The outputs do not change unless on purpose: the sample data and the corpora test split against
`golden.json` (strings, integers, booleans and keys byte for byte; floats within the tolerance that
bench/golden.py documents). After a change that alters outputs on purpose (new fields, a retrained
model), refresh the file with `python bench/golden.py --write` and review its diff."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "golden.py"


def _golden_module():
    spec = importlib.util.spec_from_file_location("bench_golden", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


golden = _golden_module()


@pytest.fixture(scope="module")
def recorded() -> dict:
    return json.loads(golden.GOLDEN.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def current() -> dict:
    return golden.build()


def test_sample_records_unchanged(recorded: dict, current: dict) -> None:
    assert list(golden._differences("sample", recorded["sample"], current["sample"])) == []


def test_test_split_records_unchanged(recorded: dict, current: dict) -> None:
    assert golden.compare({"sample": [], "test_split": recorded["test_split"]},
                          {"sample": [], "test_split": current["test_split"]}) == []


@pytest.mark.parametrize("old, new, differs", [
    ({"a": 0.5}, {"a": 0.5001}, False),            # one unit in the 4th decimal: tolerated
    ({"a": 0.5}, {"a": 0.5003}, True),
    ({"a": "ciao"}, {"a": "ciao "}, True),
    ({"a": "🔥🔥"}, {"a": "🔥"}, True),
    ({"a": ""}, {"a": None}, True),
    ({"a": 1}, {"a": 1.0}, True),                   # an int turned float is a change
    ({"a": 1, "b": 2}, {"b": 2, "a": 1}, True),     # key order is part of the bytes
    ({"a": [1, 2]}, {"a": [1, 2, 3]}, True),
])
def test_comparison_catches_changes(old: dict, new: dict, differs: bool) -> None:
    assert bool(list(golden._differences("r", old, new))) is differs
    a, b = golden.fingerprint(old), golden.fingerprint(new)
    assert golden.compare({"sample": [], "test_split": [a]}, {"sample": [], "test_split": [b]} ) != [] or not differs
