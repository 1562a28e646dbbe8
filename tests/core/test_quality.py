"""interaction_quality: hand-computed cases of the documented formula."""

from __future__ import annotations

import pytest

from authentic_nlp.analyzers.quality import interaction_quality


def record(conversation=None, sincerity=None, verdict=None, followers=None):
    return {
        "conversation": {"score": conversation},
        "sincerity": {"score": sincerity},
        "sponsorship": {"verdict": verdict},
        "followers": followers,
    }


# fmt: off
@pytest.mark.parametrize("conversation, sincerity, verdict, expected", [
    (None, None, None,              None),
    (None, None, "organic",         None),
    (0.8,  0.5,  "organic",         0.68),          # (0.6*0.8 + 0.4*0.5) / 1.0
    (0.8,  0.5,  "disclosed",       0.68),
    (0.8,  0.5,  "weak_disclosure", 0.578),         # 0.68 * 0.85
    (0.8,  0.5,  "undisclosed",     0.408),         # 0.68 * 0.6
    (None, 0.9,  "organic",         0.9),           # no comments: sincerity alone
    (0.3,  None, "organic",         0.3),           # no caption score: conversation alone
    (1.0,  1.0,  None,              1.0),           # verdict not known: no penalty
    (0.0,  0.0,  "undisclosed",     0.0),
])
# fmt: on
def test_formula(conversation, sincerity, verdict, expected):
    value, basis = interaction_quality(record(conversation, sincerity, verdict))
    assert value == (None if expected is None else pytest.approx(expected, abs=1e-4))
    assert basis["verdict"] == verdict


def test_follower_counts_never_enter():
    small, _ = interaction_quality(record(0.7, 0.6, "organic", followers=300))
    huge, _ = interaction_quality(record(0.7, 0.6, "organic", followers=3_000_000))
    assert small == huge
