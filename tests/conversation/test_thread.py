"""Reply inference, nesting, and the repair of broken structures (never a crash)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from authentic_nlp.analyzers.thread import build_thread, leading_handles
from authentic_nlp.schema import Comment

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)


def comments(rows, timed=True):
    """rows: (id, author, text[, reply_to]); timestamps one minute apart in row order unless timed=False."""
    out = []
    for i, row in enumerate(rows):
        reply = row[3] if len(row) > 3 else None
        out.append(Comment(id=row[0], author=row[1], text=row[2], reply_to=reply,
                           created_at=T0 + timedelta(minutes=i) if timed else None))
    return out


def thread_of(rows, creator="crea", timed=True):
    cs = comments(rows, timed)
    return build_thread(cs, [c.text for c in cs], creator)


# fmt: off
HANDLE_ROWS = [
    ("@anna @marco grazie!",       ["anna", "marco"]),
    ("@Anna, @marco: thanks",      ["anna", "marco"]),
    ("@giulia.cucina al mercato",  ["giulia.cucina"]),
    ("grazie @anna",               []),
    ("",                           []),
    ("🔥 @anna",                   []),
    ("@anna.",                     ["anna"]),
]
# fmt: on


@pytest.mark.parametrize("text, expected", HANDLE_ROWS)
def test_leading_handles(text, expected):
    assert leading_handles(text) == expected


# (rows, timed, expected parent per id, expected also_answers per id)
INFERENCE_CASES = {
    "it_flat_answer": (
        [("c1", "anna", "dove l'hai preso?"), ("c2", "crea", "@anna da Zara")],
        True, {"c1": None, "c2": "c1"}, {}),
    "en_latest_earlier_by_handle": (
        [("c1", "sam", "which shade?"), ("c2", "sam", "also, the brush?"), ("c3", "crea", "@sam Rosewood")],
        True, {"c3": "c2"}, {}),
    "several_handles": (
        [("c1", "anna", "bellissima"), ("c2", "marco", "wow"), ("c3", "crea", "@anna @marco grazie!")],
        True, {"c3": "c1"}, {"c3": ["c2"]}),
    "handle_without_comment_is_a_tag": (
        [("c1", "anna", "@marco guarda"), ("c2", "marco", "😍")],
        True, {"c1": None, "c2": None}, {}),
    "later_comment_is_not_a_target": (
        [("c1", "crea", "@anna ciao"), ("c2", "anna", "ciao!")],
        True, {"c1": None}, {}),
    "self_mention_is_not_a_reply": (
        [("c1", "anna", "prima"), ("c2", "anna", "@anna io")],
        True, {"c2": None}, {}),
    "timed_chain_reaches_a_reply": (
        [("c1", "anna", "ricetta?"), ("c2", "crea", "@anna nel blog"), ("c3", "anna", "@crea grazie")],
        True, {"c2": "c1", "c3": "c2"}, {}),
    "file_order_only_top_level_targets": (
        [("c1", "anna", "ricetta?"), ("c2", "crea", "@anna nel blog"), ("c3", "anna", "@crea grazie")],
        False, {"c2": "c1", "c3": None}, {}),
    "file_order_top_level_creator_comment": (
        [("c0", "crea", "domande?"), ("c1", "anna", "ricetta?"), ("c2", "crea", "@anna nel blog"),
         ("c3", "anna", "@crea grazie")],
        False, {"c2": "c1", "c3": "c0"}, {}),
    "given_reply_to_wins": (
        [("c1", "anna", "q?"), ("c2", "marco", "q2?"), ("c3", "crea", "@marco sì", "c1")],
        True, {"c3": "c1"}, {}),
    "emoji_and_empty_texts": (
        [("c1", "anna", ""), ("c2", "crea", "@anna ❤️"), ("c3", "bob", "🔥")],
        True, {"c2": "c1", "c3": None}, {}),
    "handles_match_case_insensitively": (
        [("c1", "Anna_B", "info?"), ("c2", "crea", "@anna_b in bio")],
        True, {"c2": "c1"}, {}),
}


@pytest.mark.parametrize("name", sorted(INFERENCE_CASES))
def test_reply_inference(name):
    rows, timed, parents, also = INFERENCE_CASES[name]
    thread = thread_of(rows, timed=timed)
    for cid, parent in parents.items():
        node = thread.by_id[cid]
        assert node.parent == parent, cid
        assert node.inferred is (parent is not None and node.given_parent is None)
    for cid, others in also.items():
        assert thread.by_id[cid].also_answers == others
    assert thread.warnings == []


def test_timestamps_out_of_file_order():
    cs = [Comment("c2", "@anna sì", "crea", created_at=T0 + timedelta(minutes=5)),
          Comment("c1", "vegano?", "anna", created_at=T0)]
    thread = build_thread(cs, [c.text for c in cs], "crea")
    assert thread.by_id["c2"].parent == "c1"


# fmt: off
BROKEN_CASES = [
    # rows, expected warnings (kind, comment), expected max_depth
    ([("c1", "anna", "ciao", "c1")],                                       [("self_reply", "c1")],      1),
    ([("c1", "anna", "ciao", "zz")],                                       [("dangling_parent", "c1")], 1),
    ([("c1", "anna", "a", "c2"), ("c2", "bob", "b", "c1")],                [("cycle", "c2")],           2),
    # walking from c1 (input order): c1 -> c3 -> c2 -> c1 again, so c2's edge is the one cut
    ([("c1", "a", "x", "c3"), ("c2", "b", "y", "c1"), ("c3", "c", "z", "c2")], [("cycle", "c2")],       3),
    ([("c1", "anna", "", None), ("c2", "bob", "🔥", "c1"), ("c3", "crea", "ok", "c2")], [],             3),
    ([],                                                                   [],                          0),
]
# fmt: on


@pytest.mark.parametrize("rows, warnings, depth", BROKEN_CASES)
def test_broken_structures_are_repaired_and_reported(rows, warnings, depth):
    thread = thread_of(rows)
    assert [(w.kind, w.comment_id) for w in thread.warnings] == warnings
    assert thread.max_depth == depth
    for node in thread.nodes:   # every node reaches a root: no loop survives
        seen, cur = set(), node
        while cur.parent is not None:
            assert cur.id not in seen
            seen.add(cur.id)
            cur = thread.by_id[cur.parent]
        assert node.root == cur.id


def test_youtube_nesting_depth_and_roots():
    rows = [("t1", "anna", "domanda?"), ("r1", "crea", "@anna risposta", "t1"),
            ("r2", "anna", "@crea grazie", "t1"), ("t2", "bob", "wow")]
    thread = thread_of(rows)
    assert [thread.by_id[i].root for i in ("t1", "r1", "r2", "t2")] == ["t1", "t1", "t1", "t2"]
    assert thread.max_depth == 2


def test_deep_chain_is_not_recursive():
    rows = [("c0", "a", "start")] + [(f"c{i}", f"u{i % 7}", "x", f"c{i - 1}") for i in range(1, 5000)]
    thread = thread_of(rows, timed=False)
    assert thread.max_depth == 5000
