"""Contract validation (schema.parse_post): what is accepted, how, and how a bad record is named."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from authentic_nlp.errors import RecordError
from authentic_nlp.schema import parse_post

# (raw record, attribute, expected value) for records that must be accepted. Italian and English
# captions, empty, emoji-only and mixed, and the lenient forms CSV and spreadsheets produce.
# fmt: off
ACCEPTED = [
    ({"id": "it1", "text": "Ho provato la crema #adv"},              "text", "Ho provato la crema #adv"),
    ({"id": "en1", "text": "Honest review, three weeks in"},         "text", "Honest review, three weeks in"),
    ({"id": "mix", "text": "Outfit del giorno, so comfy"},           "text", "Outfit del giorno, so comfy"),
    ({"id": "e", "text": ""},                                        "text", ""),
    ({"id": "emo", "text": "🔥😍🇮🇹"},                                  "text", "🔥😍🇮🇹"),
    ({"id": 42, "text": "ciao"},                                     "id", "42"),
    ({"id": "  p1 ", "text": "ciao"},                                "id", "p1"),
    ({"id": "p", "text": "hi"},                                      "platform", "other"),
    ({"id": "p", "text": "hi", "platform": "Instagram"},             "platform", "instagram"),
    ({"id": "p", "text": "hi", "market": "UK"},                      "market", "uk"),
    ({"id": "p", "text": "hi", "creator": "@giulia"},                "creator", "giulia"),
    ({"id": "p", "text": "hi", "creator": ""},                       "creator", None),
    ({"id": "p", "text": "hi", "followers": "1200"},                 "followers", 1200),
    ({"id": "p", "text": "hi", "followers": "12,000"},               "followers", 12000),
    ({"id": "p", "text": "hi", "followers": 3.0},                    "followers", 3),
    ({"id": "p", "text": "hi", "likes": ""},                         "likes", None),
    ({"id": "p", "text": "hi", "platform_paid_partnership": "true"}, "platform_paid_partnership", True),
    ({"id": "p", "text": "hi", "platform_paid_partnership": "no"},   "platform_paid_partnership", False),
    ({"id": "p", "text": "hi", "platform_paid_partnership": 1},      "platform_paid_partnership", True),
    ({"id": "p", "text": "hi", "created_at": "2026-03-02T18:20:00Z"}, "created_at",
     datetime(2026, 3, 2, 18, 20, tzinfo=timezone.utc)),
    ({"id": "p", "text": "hi", "created_at": 0},                     "created_at", datetime(1970, 1, 1, tzinfo=timezone.utc)),
    ({"id": "p", "text": "hi", "created_at": "86400"},               "created_at", datetime(1970, 1, 2, tzinfo=timezone.utc)),
    ({"id": "p", "text": "hi", "source_url": "https://example.org"}, "meta", {"source_url": "https://example.org"}),
]
# fmt: on


@pytest.mark.parametrize("raw,attribute,expected", ACCEPTED)
def test_accepted(raw, attribute, expected):
    assert getattr(parse_post(raw), attribute) == expected


# fmt: off
COMMENTS_ACCEPTED = [
    ([{"id": "c1", "text": "Dove la trovo?", "author": "@marta"}],       [("c1", "marta", None)]),
    ('[{"id": "c1", "text": "where from?"}, {"id": 2, "text": "😍", "reply_to": "c1"}]',
                                                                          [("c1", None, None), ("2", None, "c1")]),
    ([{"id": "c1", "text": "", "reply_to": 7}],                           [("c1", None, "7")]),
    ("",                                                                  []),
    ([],                                                                  []),
    (None,                                                                []),
]
# fmt: on


@pytest.mark.parametrize("comments,expected", COMMENTS_ACCEPTED)
def test_comments_accepted(comments, expected):
    post = parse_post({"id": "p", "text": "Ciao", "comments": comments})
    assert [(c.id, c.author, c.reply_to) for c in post.comments] == expected


# (raw record, error code, field) for records that must be rejected, naming the field.
# fmt: off
REJECTED = [
    ("not a dict",                                                  "E001", None),
    (["id", "text"],                                                "E001", None),
    ({"text": "senza id"},                                          "E002", "id"),
    ({"id": None, "text": "no id"},                                 "E002", "id"),
    ({"id": "p"},                                                   "E002", "text"),
    ({"id": "", "text": "vuoto"},                                   "E003", "id"),
    ({"id": "   ", "text": "blank"},                                "E003", "id"),
    ({"id": True, "text": "bool id"},                               "E003", "id"),
    ({"id": 1.5, "text": "float id"},                               "E003", "id"),
    ({"id": "p", "text": None},                                     "E003", "text"),
    ({"id": "p", "text": 7},                                        "E003", "text"),
    ({"id": "p", "text": ["a"]},                                    "E003", "text"),
    ({"id": "p", "text": "hi", "followers": "tanti"},               "E003", "followers"),
    ({"id": "p", "text": "hi", "followers": 2.5},                   "E003", "followers"),
    ({"id": "p", "text": "hi", "likes": True},                      "E003", "likes"),
    ({"id": "p", "text": "hi", "likes": -3},                        "E010", "likes"),
    ({"id": "p", "text": "hi", "creator": 12},                      "E003", "creator"),
    ({"id": "p", "text": "hi", "platform": "myspace"},              "E004", "platform"),
    ({"id": "p", "text": "hi", "market": "fr"},                     "E004", "market"),
    ({"id": "p", "text": "hi", "platform_paid_partnership": "forse"}, "E003", "platform_paid_partnership"),
    ({"id": "p", "text": "hi", "created_at": "ieri"},               "E005", "created_at"),
    ({"id": "p", "text": "hi", "created_at": True},                 "E005", "created_at"),
    ({"id": "p", "text": "hi", "comments": "{not json"},            "E012", "comments"),
    ({"id": "p", "text": "hi", "comments": {"id": "c"}},            "E003", "comments"),
    ({"id": "p", "text": "hi", "comments": [{"id": "c1"}]},         "E011", "comments[0].text"),
    ({"id": "p", "text": "hi", "comments": ["😍"]},                  "E011", "comments[0]"),
    ({"id": "p", "text": "hi", "comments": [{"id": "c", "text": "a"}, {"id": "c", "text": "b"}]},
                                                                    "E006", "comments[1].id"),
    ({"id": "p", "text": "hi", "comments": [{"id": "c", "text": "a", "reply_to": ["x"]}]},
                                                                    "E011", "comments[0].reply_to"),
]
# fmt: on


@pytest.mark.parametrize("raw,code,field", REJECTED)
def test_rejected_with_code_and_field(raw, code, field):
    with pytest.raises(RecordError) as caught:
        parse_post(raw)
    assert (caught.value.code, caught.value.field) == (code, field)
    assert str(caught.value).startswith(f"[{code}]")
    if field and "[" not in field:
        assert field in str(caught.value)   # the message names the field


def test_a_long_value_is_shortened_in_the_message():
    with pytest.raises(RecordError) as caught:
        parse_post({"id": "p", "text": "hi", "followers": "molti " * 100})
    assert len(str(caught.value)) < 200 and "..." in str(caught.value)
