"""Conversation metrics and `conversation.score` on threads computed by hand."""

from __future__ import annotations

import pytest

from authentic_nlp.analyzers.scoring import conversation_score

T = "2026-03-01T12:0{}:00Z".format

# Instagram-style flat list, Italian, timestamps: inference by @handle.
FLAT_IT = [
    ("c1", "anna", "dove l'hai preso?", None, T(0)),
    ("c2", "crea", "@anna da Zara, in saldo", None, T(1)),
    ("c3", "anna", "@crea grazie mille ❤️", None, T(2)),
    ("c4", "bob", "🔥🔥🔥", None, T(3)),
    ("c5", "carla", "bellissima", None, T(4)),
    ("c6", "dario", "check my page", None, T(5)),
    ("c7", "crea", "@bob @carla grazie ❤️", None, T(6)),
    ("c8", "ele", "quanto costa?", None, T(7)),
    ("c9", "fra", "la giacca verde con i jeans chiari sta benissimo", None, T(8)),
]
# By hand: audience c1 c3 c4 c5 c6 c8 c9 (7), top-level c1 c4 c5 c6 c8 c9 (6); creator replies c2 (real,
# to c1) and c7 (token, to c4 and c5): reply rate 3/6, real 1/6; questions c1 c8, answered c1;
# anna -> creator -> anna in thread c1: 1 exchange; chain c3 -> c2 -> c1: depth 3.
# reply = (1/2 + 1/6) / 2 = 1/3; answers 1/2; reciprocity 1/2 (2 answered threads)
# creator = 0.4/3 + 0.35/2 + 0.25/2 = 0.43333; audience = 1/7 + 2/7 + 0.25 * 3/7 = 0.53571
FLAT_IT_EXPECTED = {
    "comments": 9, "audience_comments": 6, "creator_replies": 2, "creator_reply_rate": 0.5,
    "questions": 2, "questions_answered": 1, "reciprocal_exchanges": 1, "max_depth": 3,
    "substantive_share": 0.1429, "generic_share": 0.4286, "spam_share": 0.1429, "question_share": 0.2857,
    "audience_all": 7, "token_replies": 1, "creator_real_reply_rate": 0.1667, "threads_answered": 2,
    "score": pytest.approx(0.5 * 0.43333 + 0.5 * 0.53571, abs=2e-4),
}

# YouTube-style nesting, English, reply_to given, no timestamps.
NESTED_EN = [
    ("t1", "sam", "which shade is this?"),
    ("r1", "crea", "@sam it's Rosewood from the spring line", "t1"),
    ("r2", "sam", "@crea got it, ordering now", "t1"),
    ("t2", "kim", "where did you get the earrings?"),
    ("t3", "lee", "love it"),
]
# audience t1 r2 t2 t3 (4), top-level 3; one real reply; questions t1 t2, answered t1; sam came back: 1.
# creator = 0.4/3 + 0.35/2 + 0.25 = 0.55833; audience = 1/4 + 2/4 + 0.25/4 = 0.8125
NESTED_EN_EXPECTED = {
    "comments": 5, "audience_comments": 3, "creator_replies": 1, "creator_reply_rate": 0.3333,
    "questions": 2, "questions_answered": 1, "reciprocal_exchanges": 1, "max_depth": 2,
    "substantive_share": 0.25, "generic_share": 0.25, "spam_share": 0.0, "question_share": 0.5,
    "score": pytest.approx(0.5 * 0.55833 + 0.5 * 0.8125, abs=2e-4),
}

CASES = {
    "flat_it": (FLAT_IT, "crea", FLAT_IT_EXPECTED),
    "nested_en": (NESTED_EN, "crea", NESTED_EN_EXPECTED),
    "no_comments": ([], "crea", {
        "comments": 0, "audience_comments": 0, "creator_replies": 0, "creator_reply_rate": None,
        "questions": 0, "questions_answered": 0, "reciprocal_exchanges": 0, "max_depth": 0,
        "substantive_share": None, "generic_share": None, "spam_share": None, "question_share": None,
        "score": None}),
    "creator_unknown": ([("c1", "anna", "bellissima"), ("c2", "bob", "dove l'hai preso?")], None, {
        "audience_comments": 2, "creator_replies": None, "creator_reply_rate": None, "questions": 1,
        "questions_answered": None, "reciprocal_exchanges": None, "generic_share": 0.5,
        "question_share": 0.5, "score": 0.625}),          # audience part alone: 0.5 + 0.25 * 0.5
    "only_creator_comments": ([("c1", "crea", "link in bio 🔗")], "crea", {
        "comments": 1, "audience_comments": 0, "creator_replies": 0, "creator_reply_rate": None,
        "substantive_share": None, "score": None}),
    "creator_silent": ([("c1", "a", "wow"), ("c2", "b", "😍"), ("c3", "c", "the second recipe worked for me")], "crea", {
        "creator_reply_rate": 0.0, "questions": 0, "substantive_share": 0.3333,
        "score": pytest.approx(0.5 * 0.0 + 0.5 * (1 / 3 + 0.25 * 2 / 3), abs=2e-4)}),
    "question_to_another_commenter": ([("c1", "anna", "bellissima"), ("c2", "bob", "@anna dove l'hai vista?")], "crea", {
        "questions": 0, "question_share": 0.5, "audience_comments": 1}),
    "token_reply_does_not_answer": ([("c1", "anna", "prezzo?"), ("c2", "crea", "@anna ❤️")], "crea", {
        "questions": 1, "questions_answered": 0, "creator_reply_rate": 1.0, "creator_real_reply_rate": 0.0,
        "token_replies": 1, "creator_replies": 1}),
    "mention_anywhere_answers": ([("c1", "anna", "ricetta?"), ("c2", "crea", "la ricetta è sul blog, grazie @anna")], "crea", {
        "questions": 1, "questions_answered": 1, "creator_replies": 1, "creator_reply_rate": 1.0}),
    "flat_follow_up_is_reciprocal": ([("c1", "anna", "ricetta?"), ("c2", "crea", "@anna sul blog, sezione dolci"),
                                      ("c3", "anna", "trovata, la provo domenica")], "crea", {
        "reciprocal_exchanges": 1, "questions_answered": 1}),
    "emoji_and_empty_only": ([("c1", "a", ""), ("c2", "b", "🔥")], "crea", {
        "generic_share": 1.0, "score": pytest.approx(0.5 * 0.0 + 0.5 * 0.25)}),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_conversation_metrics(analyse_post, post_of, name):
    rows, creator, expected = CASES[name]
    conversation = analyse_post(post_of(rows, creator=creator))["conversation"]
    for key, value in expected.items():
        assert conversation[key] == value, (key, conversation[key], value)


def test_reply_to_and_also_answers_in_the_comment_records(analyse_post, post_of):
    comments = analyse_post(post_of(FLAT_IT))["comments"]
    by_id = {c["id"]: c for c in comments}
    assert by_id["c2"]["reply_to"] == "c1" and by_id["c2"]["reply_inferred"] is True
    assert by_id["c7"]["reply_to"] == "c4" and by_id["c7"]["also_answers"] == ["c5"]
    assert by_id["c7"]["token_reply"] is True and by_id["c2"]["token_reply"] is False
    assert by_id["c1"]["by_creator"] is False and by_id["c2"]["by_creator"] is True
    assert by_id["c9"]["reply_to"] is None and by_id["c9"]["token_reply"] is None


def test_structure_warnings_reach_the_record(analyse_post, post_of):
    rows = [("c1", "anna", "ciao", "c1"), ("c2", "bob", "wow", "missing")]
    conversation = analyse_post(post_of(rows))["conversation"]
    assert [w["kind"] for w in conversation["structure_warnings"]] == ["self_reply", "dangling_parent"]
    assert conversation["audience_comments"] == 2


# fmt: off
SCORE_ROWS = [
    # metrics (only what the score reads), expected score, basis
    ({"creator_reply_rate": 1.0, "creator_real_reply_rate": 1.0, "questions": 2, "questions_answered": 2,
      "reciprocal_exchanges": 3, "threads_answered": 3, "audience_all": 4, "substantive_share": 0.5,
      "question_share": 0.5, "generic_share": 0.0}, 1.0, "creator_and_audience"),
    ({"creator_reply_rate": 0.0, "creator_real_reply_rate": 0.0, "questions": 0, "questions_answered": 0,
      "reciprocal_exchanges": 0, "threads_answered": 0, "audience_all": 4, "substantive_share": 0.0,
      "question_share": 0.0, "generic_share": 0.0}, 0.0, "creator_and_audience"),      # all spam, no replies
    ({"creator_reply_rate": 0.5, "creator_real_reply_rate": 0.0, "questions": 0, "questions_answered": 0,
      "reciprocal_exchanges": 0, "threads_answered": 1, "audience_all": 2, "substantive_share": 0.0,
      "question_share": 0.0, "generic_share": 1.0}, 0.5 * (0.4 * 0.25 / 0.65) + 0.5 * 0.25, "creator_and_audience"),
    ({"creator_reply_rate": None, "creator_real_reply_rate": None, "questions": 1, "questions_answered": None,
      "reciprocal_exchanges": None, "threads_answered": None, "audience_all": 2, "substantive_share": 0.5,
      "question_share": 0.5, "generic_share": 0.0}, 1.0, "audience_only"),
    ({"audience_all": 0}, None, "no_audience"),
]
# fmt: on


@pytest.mark.parametrize("metrics, expected, basis", SCORE_ROWS)
def test_score_formula(metrics, expected, basis):
    score, parts = conversation_score(metrics)
    assert parts["basis"] == basis
    if expected is None:
        assert score is None
    else:
        assert score == pytest.approx(expected, abs=1e-4)
        assert 0.0 <= score <= 1.0
