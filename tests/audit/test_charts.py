"""Inline SVG charts: well-formed, non-empty, no markup from the data, byte-stable."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from authentic_nlp.audit import charts

EVIL = '"><script>window.__pwned=1</script>'
TIMELINE = [{"month": "2026-01", "posts": 2, "verdicts": {"disclosed": 1, "weak_disclosure": 0, "undisclosed": 1, "organic": 0},
             "creator_reply_rate": 0.5},
            {"month": "2026-02", "posts": 1, "verdicts": {"disclosed": 0, "weak_disclosure": 1, "undisclosed": 0, "organic": 0},
             "creator_reply_rate": None},
            {"month": "2026-03", "posts": 3, "verdicts": {"disclosed": 0, "weak_disclosure": 0, "undisclosed": 0, "organic": 3},
             "creator_reply_rate": 0.9}]
POINTS = [{"label": EVIL, "followers": 850, "value": 0.75, "low": 0.5, "high": 1.0, "reply_rate": 0.7},
          {"label": "glowwithmaya", "followers": 45000, "value": 0.15, "low": 0.0, "high": 0.4, "reply_rate": 0.0},
          {"label": "🔥emoji🔥", "followers": 3_400_000, "value": 0.23, "low": 0.0, "high": 0.47, "reply_rate": None}]

CASES = {
    "histogram": lambda: charts.histogram_chart([0, 1, 3, 0, 2, 0, 0, 1, 0, 0], EVIL, EVIL),
    "verdicts": lambda: charts.verdict_timeline_chart(TIMELINE, EVIL),
    "reply_rate": lambda: charts.rate_timeline_chart(TIMELINE, "creator_reply_rate", EVIL),
    "shares": lambda: charts.share_bar({"substantive": 0.5, "question": 0.2, "generic": 0.25, "spam": 0.05}, EVIL),
    "engagement": lambda: charts.engagement_chart(0.031, 0.0228, "5k-20k", EVIL),
    "scatter": lambda: charts.index_vs_followers_chart(POINTS, EVIL),
    "interval": lambda: charts.interval_chart(0.6, 0.3, 0.9, EVIL),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_chart_is_wellformed_svg_with_escaped_text(name):
    svg = str(CASES[name]())
    root = ET.fromstring(svg)             # parses: no stray markup
    assert root.tag.endswith("svg")
    assert not root.findall(".//{http://www.w3.org/2000/svg}script") and "<script" not in svg
    shapes = [el for el in root.iter() if el.tag.split("}")[-1] in ("rect", "circle", "line", "polyline")]
    assert shapes
    assert EVIL in "".join(root.itertext())   # the title shows as text, literally


@pytest.mark.parametrize("name", sorted(CASES))
def test_chart_is_byte_stable(name):
    assert str(CASES[name]()) == str(CASES[name]())


@pytest.mark.parametrize("make", [
    lambda: charts.histogram_chart([0] * 10, "t", "x"),
    lambda: charts.verdict_timeline_chart([], "t"),
    lambda: charts.rate_timeline_chart([{"month": "2026-01", "creator_reply_rate": None}], "creator_reply_rate", "t"),
    lambda: charts.index_vs_followers_chart([{"label": "a", "followers": None, "value": 0.5}], "t"),
])
def test_empty_data_gives_a_readable_placeholder(make):
    root = ET.fromstring(str(make()))
    assert "no " in "".join(root.itertext())


def test_scatter_uses_a_log_axis():
    svg = str(charts.index_vs_followers_chart(POINTS, "t"))
    for tick in ("100", "1k", "10k", "100k", "1M", "10M"):
        assert f">{tick}</text>" in svg
