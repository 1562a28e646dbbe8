"""Fixtures for the audit tests: the sample corpus scored once per session, and audits over it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .audit_corpus import corpus_files


@pytest.fixture(scope="session")
def scored_corpus(tmp_path_factory) -> Path:
    """corpora/audit scored by the engine (`authentic-nlp score`), once per session."""
    from authentic_nlp.engine.batch import score_files

    out = tmp_path_factory.mktemp("scored") / "scored.jsonl"
    summary = score_files(corpus_files(), out)
    assert summary.quarantined == 0
    return out


@pytest.fixture(scope="session")
def corpus_audit(scored_corpus, tmp_path_factory):
    """A full audit (HTML, JSON, CSV) of the scored sample corpus, joined to its posts."""
    from authentic_nlp.audit.run import run_audit

    out = tmp_path_factory.mktemp("audit")
    result = run_audit([scored_corpus], posts=corpus_files(), out_dir=out)
    return out, result


@pytest.fixture(scope="session")
def raw_posts() -> list[dict]:
    return [json.loads(line) for path in corpus_files() for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="session")
def edge_audits(tmp_path_factory) -> dict:
    """Each case of `edge_cases.CASES` audited once (HTML, JSON, CSV): name -> (case, folder, result)."""
    from authentic_nlp.audit.run import run_audit

    from .edge_cases import CASES

    inputs = tmp_path_factory.mktemp("edge_inputs")
    out = {}
    for case in CASES:
        folder = tmp_path_factory.mktemp("edge_audit") / case.name
        out[case.name] = (case, folder, run_audit([case.write(inputs)], out_dir=folder))
    return out
