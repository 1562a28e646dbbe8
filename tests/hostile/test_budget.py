"""The per-record time budget: a slow or failing record is quarantined alone and the run goes on."""

from __future__ import annotations

import time

import pytest

from authentic_nlp.engine import budget
from authentic_nlp.engine.budget import Failure, analyze_guarded, time_budget
from authentic_nlp.engine.runner import score_items
from authentic_nlp.errors import SourcePosition
from authentic_nlp.io import ReadItem
from authentic_nlp.pipeline import AnalysisOptions, Analyzer
from authentic_nlp.schema import Post


class FakeAnalyzer:
    """Sleeps on a post whose text is "slow", raises on "boom", else returns the post's id."""

    def __init__(self) -> None:
        self.calls = 0

    def analyze_post(self, post: Post) -> dict:
        self.calls += 1
        if post.text == "slow":
            time.sleep(5)
        if post.text == "boom":
            raise ValueError("kaputt")
        return {"id": post.id}

    def analyze_posts(self, posts: list[Post]) -> list[dict]:
        return [self.analyze_post(post) for post in posts]


# fmt: off
@pytest.mark.parametrize("texts,expected", [
    (["Ciao", "Hello", "😍"], ["a0", "a1", "a2"]),
    (["Ciao", "slow", "Hello"], ["a0", "E019", "a2"]),
    (["boom", "", "🔥🔥"], ["internal", "a1", "a2"]),
    (["slow"], ["E019"]),
    ([], []),
])
# fmt: on
def test_a_chunk_over_budget_is_redone_record_by_record(texts, expected):
    posts = [Post(id=f"a{i}", text=t) for i, t in enumerate(texts)]
    started = time.perf_counter()
    results = analyze_guarded(FakeAnalyzer(), posts, 0.2)
    assert [r.code if isinstance(r, Failure) else r["id"] for r in results] == expected
    assert time.perf_counter() - started < 0.2 * len(texts) * 2 + 1


def test_the_batch_call_is_the_one_seam(monkeypatch):
    seen = []
    monkeypatch.setattr(budget, "analyze_batch", lambda analyzer, posts: seen.append(len(posts)) or [{"id": p.id} for p in posts])
    analyze_guarded(FakeAnalyzer(), [Post(id="a", text="x"), Post(id="b", text="y")], 1.0)
    assert seen == [2]


def test_no_budget_means_no_alarm():
    with time_budget(None):
        time.sleep(0.05)
    with time_budget(0):
        time.sleep(0.05)


def test_score_items_quarantines_the_slow_record_with_e019(monkeypatch):
    original = Analyzer.analyze_text

    def slow_on_marker(self, text, context=None, language=None):
        if text == "lentissimo":
            time.sleep(5)
        return original(self, text, context=context, language=language)

    monkeypatch.setattr(Analyzer, "analyze_text", slow_on_marker)
    items = [ReadItem(SourcePosition("in.jsonl", line=n + 1), raw={"id": f"p{n}", "text": t})
             for n, t in enumerate(["Pici fatti a mano", "lentissimo", "Three weeks with these shoes"])]
    outcomes = list(score_items(items, AnalysisOptions(), record_timeout=0.5))
    assert [o.error_code for o in outcomes] == [None, "E019", None]
    assert "0.5 s" in outcomes[1].error and outcomes[1].raw["id"] == "p1"
