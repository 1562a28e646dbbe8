"""corpora/agreement: the sample carries no labels, and kappa.py computes Cohen's kappa correctly."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

AGREEMENT = Path(__file__).resolve().parents[2] / "corpora" / "agreement"
_spec = importlib.util.spec_from_file_location("agreement_kappa", AGREEMENT / "kappa.py")
kappa = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(kappa)


@pytest.mark.parametrize("first, second, expected", [
    ([1, 1, 0, 0], [1, 1, 0, 0], 1.0),                                      # perfect
    ([1, 0, 1, 0], [1, 1, 0, 0], 0.0),                                      # chance level
    ([1, 1, 1, 0, 0, 0, 1, 0, 1, 1], [1, 1, 0, 0, 0, 1, 1, 0, 1, 1], 0.5833),  # 80% vs 52% by chance
    ([1, 0], [0, 1], -1.0),                                                 # systematic disagreement
    (["organic", "disclosed"], ["organic", "disclosed"], 1.0),             # more than two labels
])
def test_cohen_kappa(first, second, expected):
    assert kappa.cohen_kappa(first, second) == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize("first, second", [([], []), ([1, 1], [1, 1]), ([1], [1, 0])])
def test_cohen_kappa_undefined(first, second):
    assert kappa.cohen_kappa(first, second) is None


def test_sample_has_ids_and_texts_only():
    rows = [json.loads(line) for line in (AGREEMENT / "sample.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 220
    assert all(set(row) == {"id", "text"} for row in rows)
    assert len({row["id"] for row in rows}) == len(rows)
    assert {row["id"][:2] for row in rows} == {"en", "it"}
    assert any(row["id"][3] == "8" for row in rows) and any(row["id"][3] != "8" for row in rows)


@pytest.mark.parametrize("line, problem", [
    ('{"id": "nope", "sincere": 1}', "not in the sample"),
    ('{"id": "SAMPLE", "sincere": 2}', "not allowed"),
])
def test_bad_annotation_rows_are_reported(tmp_path, line, problem):
    first_id = json.loads((AGREEMENT / "sample.jsonl").read_text(encoding="utf-8").splitlines()[0])["id"]
    path = tmp_path / "a.jsonl"
    path.write_text(line.replace("SAMPLE", first_id) + "\n", encoding="utf-8")
    problems: list[str] = []
    rows = kappa.read_annotation(path, {first_id}, problems)
    assert any(problem in p for p in problems)
    assert all("sincere" not in row for row in rows.values())
