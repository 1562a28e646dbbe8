"""`authentic-nlp explain`: the verdict, the rule cited and the evidence spans highlighted."""

from __future__ import annotations

import pytest
from rich.console import Console

from authentic_nlp.explain import SPONSORSHIP_STYLES, highlighted_by_kind, render_explanation, sponsorship_summary


# fmt: off
@pytest.mark.parametrize("market, text, flag, verdict, rule", [
    ("it", "Sponsorizzato da @velobike! Codice VELO10 #estate #mare #sole #pubblicità", None, "disclosed",
     "it.label.sponsorizzato_da"),
    ("us", "Obsessed with this serum! Use code JESS20 for 20% off", None, "undisclosed", "signals.discount_code.code_token"),
    ("uk", "Cosy evening in 🕯️", True, "weak_disclosure", "uk.platform.paid_partnership"),
    ("us", "", None, "organic", None),
    ("it", "😍😍", None, "organic", None),
])
# fmt: on
def test_explain_shows_verdict_rule_and_spans(judge, market, text, flag, verdict, rule):
    section = judge({"id": "x", "text": text, "market": market, "flag": flag})
    record = {"language": {"code": market, "confidence": 1.0, "mixed": False}, "sponsorship": section,
              "sincerity": {"score": None, "evidence": []}, "interaction_quality": None}
    console = Console(record=True, width=240, color_system=None)
    render_explanation(text, record, console)
    shown = console.export_text()
    assert f"verdict {verdict} under market {market}" in shown
    assert (f"rule cited {rule}" in shown) if rule else ("rule cited" not in shown)
    styled = highlighted_by_kind(text, section["evidence"], SPONSORSHIP_STYLES)
    spans = {(s.start, s.end) for s in styled.spans}
    for item in section["evidence"]:
        if item["kind"] in SPONSORSHIP_STYLES and item["start"] is not None:
            assert (item["start"], item["end"]) in spans


def test_summary_without_a_cited_rule():
    line = sponsorship_summary({"verdict": "organic", "market": "us", "probability": 0.08, "evidence": []})
    assert line == "verdict [bold]organic[/bold] under market us; probability commercial 0.08"
