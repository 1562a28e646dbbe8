"""Every rule of disclosure-rules.md, per market, on the hand-written case table (cases.yaml):
the verdict and the rule it cites, in Italian and English, with "", emoji-only and mixed captions."""

from __future__ import annotations

import pytest

from .conftest import cited_rule, load_cases

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_verdict_and_cited_rule(judge, case):
    out = judge(case)
    assert out["market"] == case["market"]
    assert out["verdict"] == case["verdict"], out["evidence"]
    assert cited_rule(out) == case["rule"], out["evidence"]


def test_case_table_covers_every_market_and_verdict():
    seen = {(c["market"], c["verdict"]) for c in CASES}
    assert seen == {(m, v) for m in ("it", "us", "uk") for v in ("disclosed", "weak_disclosure", "undisclosed", "organic")}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_evidence_offsets_point_into_the_caption(judge, case):
    out = judge(case)
    for item in out["evidence"]:
        assert item["rule"], item
        if item["start"] is None:
            assert item["end"] is None and item["text"] == "platform_paid_partnership"
        else:
            assert case["text"][item["start"]:item["end"]] == item["text"]
