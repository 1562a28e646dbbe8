"""A scored record stands alone: it carries the input's text, created_at, likes, followers and url,
and per comment author, text and created_at; `--no-text` (texts=False) leaves the texts out."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from authentic_nlp import analyze_posts, cli
from authentic_nlp.errors import RecordError
from authentic_nlp.record import RECORD_SCHEMA, empty_record, offset_errors
from authentic_nlp.schema import parse_post

# fmt: off
POSTS = [
    {"id": "it", "text": "Ieri ho provato la crema di @brand: pelle meno secca. Codice GIULIA20 #adv",
     "creator": "giulia", "platform": "instagram", "created_at": "2024-05-01T10:00:00Z", "likes": 310,
     "followers": 2300, "url": "https://www.instagram.com/p/Cabc123/",
     "comments": [{"id": "c1", "text": "Dove la trovo?", "author": "marta", "created_at": "2024-05-01T10:05:00Z"},
                  {"id": "c2", "text": "@marta sul sito!", "author": "giulia", "created_at": 1714558200}]},
    {"id": "en", "text": "Three weeks with these shoes: comfy, but the sole wears fast. #ad @shoeco",
     "creator": "sam", "platform": "youtube", "created_at": 1714557600, "likes": "1,200",
     "url": "https://www.youtube.com/watch?v=abc123XYZ00",
     "comments": [{"id": "y1", "text": "How many km so far?", "author": "@runner"}]},
    {"id": "mojibake", "text": "PerchÃ¨ l'ho scelta? #a\u200bdv", "comments": [{"id": "m1", "text": "cosi\u0300 bella"}]},
    {"id": "empty", "text": ""},
    {"id": "emoji", "text": "😍🔥🔥", "platform": "tiktok", "comments": [{"id": "e1", "text": "🔥"}]},
]
EXPECTED = {
    "it": {"text": POSTS[0]["text"], "created_at": "2024-05-01T10:00:00+00:00", "likes": 310, "followers": 2300,
           "url": "https://www.instagram.com/p/Cabc123/"},
    "en": {"text": POSTS[1]["text"], "created_at": "2024-05-01T10:00:00+00:00", "likes": 1200, "followers": None,
           "url": "https://www.youtube.com/watch?v=abc123XYZ00"},
    "mojibake": {"text": "Perchè l'ho scelta? #adv", "created_at": None, "likes": None, "followers": None, "url": None},
    "empty": {"text": "", "created_at": None, "likes": None, "followers": None, "url": None},
    "emoji": {"text": "😍🔥🔥", "created_at": None, "likes": None, "followers": None, "url": None},
}
COMMENTS = {
    "it": [("c1", "marta", "Dove la trovo?", "2024-05-01T10:05:00+00:00"),
           ("c2", "giulia", "@marta sul sito!", "2024-05-01T10:10:00+00:00")],
    "en": [("y1", "runner", "How many km so far?", None)],
    "mojibake": [("m1", None, "così bella", None)],
    "empty": [],
    "emoji": [("e1", None, "🔥", None)],
}
# fmt: on


@pytest.fixture(scope="module")
def records() -> dict[str, dict]:
    return {r["id"]: r for r in analyze_posts(POSTS, creator_signals=False)}


@pytest.fixture(scope="module")
def bare() -> dict[str, dict]:
    return {r["id"]: r for r in analyze_posts(POSTS, creator_signals=False, texts=False)}


@pytest.mark.parametrize("post_id", list(EXPECTED))
def test_input_fields_are_copied(records, post_id):
    record = records[post_id]
    assert {k: record[k] for k in EXPECTED[post_id]} == EXPECTED[post_id]
    assert [(c["id"], c["author"], c["text"], c["created_at"]) for c in record["comments"]] == COMMENTS[post_id]
    assert offset_errors(record) == []


def test_key_order_puts_the_input_first(records):
    assert list(records["it"])[:9] == ["id", "creator", "platform", "text", "created_at", "likes", "followers",
                                       "url", "language"]
    assert list(records["it"]["comments"][0])[:5] == ["id", "author", "text", "created_at", "language"]


@pytest.mark.parametrize("post_id", list(EXPECTED))
def test_no_text_leaves_texts_out_and_changes_no_score(records, bare, post_id):
    full, lean = records[post_id], bare[post_id]
    assert "text" not in lean and all("text" not in c for c in lean["comments"])
    assert lean["url"] == full["url"] and lean["likes"] == full["likes"]
    for section in ("sponsorship", "sincerity", "conversation", "language"):
        assert lean[section] == full[section]
    assert [c["type"] for c in lean["comments"]] == [c["type"] for c in full["comments"]]
    assert lean["interaction_quality"] == full["interaction_quality"]


def test_empty_record_declares_what_the_schema_declares():
    record = empty_record(parse_post(POSTS[0]))
    assert list(record) == list(RECORD_SCHEMA)
    for section in ("language", "sponsorship", "sincerity", "conversation", "interaction_quality_basis"):
        assert list(record[section]) == list(RECORD_SCHEMA[section])
    declared = set(RECORD_SCHEMA["comments"][0])
    assert all(set(c) <= declared for c in record["comments"])


@pytest.mark.parametrize("post_id", list(EXPECTED))
def test_scored_records_hold_only_declared_fields(records, post_id):
    def undeclared(value, spec, path=""):
        if isinstance(spec, dict) and isinstance(value, dict):
            return [p for k, v in value.items()
                    for p in (undeclared(v, spec[k], f"{path}.{k}") if k in spec else [f"{path}.{k}"])]
        if isinstance(spec, list) and isinstance(value, list):
            return [p for item in value for p in undeclared(item, spec[0], path + "[]")]
        return []

    assert undeclared(records[post_id], RECORD_SCHEMA) == []


# fmt: off
URLS = [
    ({"url": "https://www.tiktok.com/@sam/video/7301"}, "https://www.tiktok.com/@sam/video/7301"),
    ({"url": "  https://youtu.be/abc  "}, "https://youtu.be/abc"),
    ({"url": ""}, None),
    ({}, None),
]
# fmt: on


@pytest.mark.parametrize("extra,expected", URLS)
def test_url_is_a_contract_field(extra, expected):
    post = parse_post({"id": "1", "text": "Ciao", **extra})
    assert post.url == expected and "url" not in post.meta


@pytest.mark.parametrize("bad", [42, ["https://x"], {"href": "https://x"}])
def test_a_url_that_is_not_text_is_an_error(bad):
    with pytest.raises(RecordError) as err:
        parse_post({"id": "1", "text": "Hi", "url": bad})
    assert err.value.code == "E003" and err.value.field == "url"


@pytest.mark.parametrize("flag,has_text", [([], True), (["--no-text"], False)])
def test_cli_no_text(tmp_path, flag, has_text):
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in POSTS[:2]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli.app, ["score", str(source), "-o", str(out), "-q", *flag])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [("text" in r) for r in lines] == [has_text, has_text]
    assert all(("text" in c) == has_text for r in lines for c in r["comments"])
    assert lines[0]["url"] == POSTS[0]["url"] and lines[0]["sponsorship"]["evidence"]
