"""Every output record carries every contract field, with values of the contract's types (or null)."""

from __future__ import annotations

import json

import pytest

from authentic_nlp import analyze_posts, analyze_text
from authentic_nlp.record import CONVERSATION_FIELDS

COMMENT_TYPES = {"substantive", "question", "generic", "spam", None}
VERDICTS = {"disclosed", "weak_disclosure", "undisclosed", "organic", None}


def unit_or_null(value):
    return value is None or (isinstance(value, float) and 0.0 <= value <= 1.0) or value in (0, 1)


def assert_contract_shape(record, post):
    assert record["id"] == post["id"]
    assert record["creator"] == post.get("creator")
    assert record["platform"] == post.get("platform", "other")
    lang = record["language"]
    assert set(lang) == {"code", "confidence", "mixed"}
    assert isinstance(lang["code"], str) and unit_or_null(lang["confidence"]) and isinstance(lang["mixed"], bool)
    sponsorship = record["sponsorship"]
    assert {"verdict", "probability", "market", "evidence"} <= set(sponsorship)
    assert sponsorship["verdict"] in VERDICTS and unit_or_null(sponsorship["probability"])
    assert sponsorship["market"] in {"it", "us", "uk", None}
    for item in sponsorship["evidence"]:
        assert {"kind", "text", "start", "end", "rule"} <= set(item)
    assert {"score", "evidence"} <= set(record["sincerity"]) and unit_or_null(record["sincerity"]["score"])
    for item in record["sincerity"]["evidence"]:
        assert {"kind", "text", "start", "end", "weight"} <= set(item)
    assert set(CONVERSATION_FIELDS) <= set(record["conversation"])
    assert len(record["comments"]) == len(post.get("comments", []))
    for out, given in zip(record["comments"], post.get("comments", [])):
        assert out["id"] == given["id"]
        assert {"id", "language", "type", "by_creator", "reply_to", "evidence"} <= set(out)
        assert out["type"] in COMMENT_TYPES
    assert unit_or_null(record["interaction_quality"])


# fmt: off
POSTS = [
    {"id": "empty", "text": ""},
    {"id": "blank", "text": "   \n  "},
    {"id": "emoji", "text": "😍😍🔥", "platform": "tiktok"},
    {"id": "it", "text": "Ieri ho provato la nuova pizzeria sotto casa: impasto leggero, ma servizio lentissimo.",
     "creator": "anna.mangia", "platform": "instagram", "market": "it",
     "comments": [{"id": "a", "text": "Dove si trova?", "author": "luca"},
                  {"id": "b", "text": "@luca in via Roma 12!", "author": "anna.mangia"}]},
    {"id": "en", "text": "Three weeks with these running shoes: comfy, but the sole wears fast. #ad @shoeco",
     "creator": "run.jo", "platform": "youtube", "market": "uk", "platform_paid_partnership": True,
     "comments": [{"id": "1", "text": "🔥🔥🔥"}, {"id": "2", "text": "check my page!!", "author": "x"}]},
    {"id": "mixed", "text": "Outfit of the day, ma fa troppo caldo oggi 🥵 what do you think?", "platform": "other"},
]
# fmt: on


@pytest.mark.parametrize("post", POSTS, ids=[p["id"] for p in POSTS])
def test_every_contract_field_is_present(post):
    (record,) = list(analyze_posts([post]))
    assert_contract_shape(record, post)
    json.dumps(record, allow_nan=False)  # serializable, no NaN


def test_same_input_same_output():
    first = [json.dumps(r, ensure_ascii=False) for r in analyze_posts(POSTS)]
    second = [json.dumps(r, ensure_ascii=False) for r in analyze_posts(POSTS)]
    assert first == second


def test_no_evidence_drops_lists_but_keeps_scores():
    full = analyze_text("Use code GIULIA20 for 20% off! #ad")
    bare = analyze_text("Use code GIULIA20 for 20% off! #ad", evidence=False)
    assert "evidence" not in bare["sponsorship"] and "evidence" not in bare["sincerity"]
    assert bare["sponsorship"]["verdict"] == full["sponsorship"]["verdict"]
    assert bare["sincerity"]["score"] == full["sincerity"]["score"]


# fmt: off
@pytest.mark.parametrize("raw, expected", [
    ({"id": "1", "text": ""},                                              {}),
    ({"id": "1", "text": "", "shortCode": "Cx1"},                          {"shortCode": "Cx1"}),
    ({"id": "1", "text": "", "meta": {"shortCode": "Cx1", "views": 10}},   {"shortCode": "Cx1", "views": 10}),
    ({"id": "1", "text": "", "meta": {"a": 1}, "b": 2},                    {"a": 1, "b": 2}),
    ({"id": "1", "text": "", "meta": "not a dict"},                        {"meta": "not a dict"}),
])
# fmt: on
def test_unknown_fields_are_kept_flat_in_meta(raw, expected):
    from authentic_nlp.schema import parse_comment, parse_post

    assert parse_post(raw).meta == expected
    assert parse_comment(raw).meta == expected
