"""The creator index and its interval: the interval reflects how many posts and comments it rests on."""

from __future__ import annotations

import pytest

from authentic_nlp.audit.index import creator_index, post_weight


@pytest.mark.parametrize("posts, comments_each, widest", [
    (3, 3, 0.40),      # 3 posts, ~10 comments: a wide interval
    (10, 10, 0.15),
    (50, 30, 0.05),
])
def test_half_width_shrinks_with_evidence(posts, comments_each, widest):
    values = [(0.6 + 0.05 * ((i % 3) - 1), comments_each) for i in range(posts)]
    result = creator_index(values)
    assert result.low <= result.value <= result.high
    assert result.half_width <= widest
    assert result.posts == posts and result.comments == posts * comments_each


def test_three_posts_ten_comments_is_flagged_low_evidence():
    result = creator_index([(0.7, 3), (0.72, 3), (0.69, 4)])
    assert result.low_evidence
    assert result.half_width > 0.25      # three agreeing posts prove little: the prior keeps it wide


@pytest.mark.parametrize("smaller, larger", [
    ([(0.5, 2)] * 3, [(0.5, 2)] * 12),     # more posts
    ([(0.5, 1)] * 5, [(0.5, 40)] * 5),     # more comments under the same posts
])
def test_more_evidence_never_widens(smaller, larger):
    assert creator_index(larger).half_width < creator_index(smaller).half_width


def test_spread_between_posts_widens():
    steady = creator_index([(0.5, 10)] * 10)
    mixed = creator_index([(0.1, 10), (0.9, 10)] * 5)
    assert mixed.value == pytest.approx(steady.value)
    assert mixed.half_width > steady.half_width


@pytest.mark.parametrize("posts", [[], [(None, 5)], [(None, 0), (None, 3)]])
def test_no_scored_post_gives_no_index(posts):
    result = creator_index(posts)
    assert result.value is None and result.low is None and result.low_evidence


def test_interval_stays_in_unit_range():
    for quality in (0.0, 0.02, 0.98, 1.0):
        result = creator_index([(quality, 1)])
        assert 0.0 <= result.low <= result.value <= result.high <= 1.0


def test_posts_with_more_comments_weigh_more():
    assert post_weight(0) < post_weight(5) < post_weight(50) < 1.0
    result = creator_index([(0.2, 0), (0.8, 50)])
    assert result.value > 0.5


def test_deterministic():
    posts = [(0.3 + 0.01 * i, i) for i in range(20)]
    assert creator_index(posts) == creator_index(list(posts))
