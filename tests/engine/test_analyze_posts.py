"""`Analyzer.analyze_posts` (a chunk at a time) gives the records `analyze_post` gives one by one,
and the runner's chunk falls back to one record at a time when the chunk fails."""

from __future__ import annotations

import json

import pytest

from authentic_nlp.engine.runner import Outcome, score_chunk
from authentic_nlp.errors import SourcePosition
from authentic_nlp.io.base import ReadItem
from authentic_nlp.pipeline import Analyzer
from authentic_nlp.schema import parse_post

# fmt: off
COMMENTS = ["🔥🔥", "bellissima", "first", "", "🔥🔥", "dove l'hai preso?", "where is this from?", "bellissima",
            "follow me back!! check my page", "😍😍😍", "first"]
POSTS = [
    {"id": "a", "creator": "giulia", "text": "Collaborazione retribuita con @marca #adv: codice GIULIA15 🛍️",
     "comments": [{"id": f"c{i}", "text": t, "author": f"u{i % 3}"} for i, t in enumerate(COMMENTS)]},
    {"id": "b", "creator": "tom", "text": "Tested the grinder for three weeks: even grind, but loud at 6am #ad",
     "comments": [{"id": "c1", "text": "🔥🔥"}, {"id": "c2", "text": "@u1 thanks!", "author": "tom"}]},
    {"id": "c", "text": "", "comments": [{"id": "c1", "text": "bellissima"}]},
    {"id": "d", "text": "🔥🔥"},
    {"id": "e", "creator": "giulia", "text": "Collaborazione retribuita con @marca #adv: codice GIULIA15 🛍️",
     "comments": [{"id": "x", "text": "bellissima"}, {"id": "y", "text": "first", "reply_to": "x"}]},
    {"id": "f", "text": "Ieri sera i pici a mano: 40 minuti di impasto, poi meno sale la prossima volta. Love it!",
     "market": "uk", "comments": [{"id": "c1", "text": "🔥🔥"}, {"id": "c2", "text": "first"}]},
]
# fmt: on


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _dump(records: list[dict]) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for r in records]


@pytest.mark.parametrize("order", [[0, 1, 2, 3, 4, 5], [5, 4, 3, 2, 1, 0], [0, 4, 0 + 2], [3], [2, 2], []])
def test_a_chunk_gives_the_records_of_one_post_at_a_time(analyzer: Analyzer, order: list[int]) -> None:
    posts = [parse_post(POSTS[i]) for i in order]
    one_by_one = [analyzer.analyze_post(p) for p in posts]
    assert _dump(analyzer.analyze_posts(posts)) == _dump(one_by_one)


def test_repeated_texts_in_a_chunk_are_analysed_once(analyzer: Analyzer, monkeypatch) -> None:
    seen: list[str] = []
    original = analyzer.analyze_text

    def counting(text, context=None, language=None):
        seen.append(text)
        return original(text, context=context, language=language)

    monkeypatch.setattr(analyzer, "analyze_text", counting)
    analyzer.analyze_posts([parse_post(POSTS[0]), parse_post(POSTS[4])])
    assert seen.count("bellissima") == 1 and seen.count("🔥🔥") == 1 and seen.count("first") == 1
    assert seen.count(POSTS[0]["text"]) == 1


def test_the_chunk_falls_back_to_one_record_at_a_time(analyzer: Analyzer, monkeypatch) -> None:
    items = [ReadItem(SourcePosition("in.jsonl", line=n + 1), raw=raw) for n, raw in enumerate(POSTS[:4])]
    items.insert(2, ReadItem(SourcePosition("in.jsonl", line=9), raw={"id": "bad", "text": 3}))
    expected = score_chunk(analyzer, items)
    original = analyzer.analyze_post

    def fails_on_b(post, language=None):
        if post.id == "b":
            raise RuntimeError("boom")
        return original(post, language)

    monkeypatch.setattr(analyzer, "analyze_posts", lambda posts: (_ for _ in ()).throw(RuntimeError("chunk")))
    monkeypatch.setattr(analyzer, "analyze_post", fails_on_b)
    got = score_chunk(analyzer, items)
    assert expected[2].error_code is not None                  # the invalid record: rejected either way
    assert [o.error_code for o in got] == [None, "internal", expected[2].error_code, None, None]
    assert [o.record for o in got if o.ok] == [o.record for o in expected if o.ok and o.record["id"] != "b"]
    assert all(isinstance(o, Outcome) for o in got) and got[1].error.startswith("[internal]")
