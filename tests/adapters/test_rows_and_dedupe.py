"""The small pieces behind the real-file shapes: CSV rows nested again, duplicate comments, --map first."""

from __future__ import annotations

import pytest

from authentic_nlp.io.adapters.base import comment_dict, dedupe_comments, user_values
from authentic_nlp.io.adapters.csv_rows import nested_row

# fmt: off
NESTED = [
    ({"caption": "Ciao", "latestComments.0.text": "bella!", "latestComments.0.id": "1"},
     {"caption": "Ciao", "latestComments": [{"text": "bella!", "id": "1"}]}),
    ({"latestComments.1.text": "second", "latestComments.0.text": "first"},
     {"latestComments": [{"text": "first"}, {"text": "second"}]}),
    ({"latestComments.0.replies.0.text": "@a grazie", "latestComments.0.text": "Q?"},
     {"latestComments": [{"replies": [{"text": "@a grazie"}], "text": "Q?"}]}),
    ({"hashtags.0": "adv", "hashtags.1": "moda"}, {"hashtags": ["adv", "moda"]}),
    ({"authorMeta.name": "nico", "authorMeta.fans": "10"}, {"authorMeta": {"name": "nico", "fans": "10"}}),
    ({"latestComments": '[{"id": "7", "text": "😍"}]'}, {"latestComments": [{"id": "7", "text": "😍"}]}),
    ({"caption": "[ADV] nuova crema"}, {"caption": "[ADV] nuova crema"}),          # text stays text
    ({"caption": '["not", "a", "list"]'}, {"caption": '["not", "a", "list"]'}),   # a caption is never decoded
    ({"meta": "[broken json"}, {"meta": "[broken json"}),
    ({"a": "x", "a.b": "y"}, {"a": "x", "a.b": "y"}),                             # a head that is a column: flat
    ({"text": ""}, {"text": ""}),
    ({"text": "🔥🔥"}, {"text": "🔥🔥"}),
]
# fmt: on


@pytest.mark.parametrize("row,expected", NESTED)
def test_csv_rows_are_nested_like_the_json_item(row, expected):
    assert nested_row(row) == expected


def c(cid: str, text: str, reply_to: str | None = None) -> dict:
    return comment_dict(id=cid, text=text, author="x", reply_to=reply_to)


# fmt: off
DEDUPE = [
    ([c("1", "Q?"), c("2", "@a sì", "1"), c("2", "@a sì")], ["1", "2"], [None, "1"], 1),   # the reply placement wins
    ([c("2", "@a sì"), c("1", "Q?"), c("2", "@a sì", "1")], ["1", "2"], [None, "1"], 1),   # ... whichever comes first
    ([c("1", "Hello"), c("1", "Hello")], ["1"], [None], 1),                                 # a page scraped twice
    ([c("1", ""), c("2", "😍")], ["1", "2"], [None, None], 0),
    ([], [], [], 0),
]
# fmt: on


@pytest.mark.parametrize("comments,ids,reply_to,removed", DEDUPE)
def test_duplicate_comments_are_kept_once(comments, ids, reply_to, removed):
    kept, count = dedupe_comments(comments)
    assert ([k["id"] for k in kept], [k.get("reply_to") for k in kept], count) == (ids, reply_to, removed)


@pytest.mark.parametrize("text,expected", [
    ("grazie!\ufeff", "grazie!"), ("\ufeffthanks", "thanks"), ("a\ufeffb", "ab"), ("", ""), ("😍\ufeff", "😍"),
])
def test_comment_text_loses_the_bom(text, expected):
    assert comment_dict(id="1", text=text)["text"] == expected


# fmt: off
USER_VALUES = [
    ({"url": "https://www.instagram.com/p/X1/"}, {"id": "url"}, {"id": "https://www.instagram.com/p/X1/"}),
    ({"stats": {"likes": "1.2K"}}, {"likes": "stats.likes"}, {"likes": 1200}),
    ({"stats.likes": "3 mila"}, {"likes": "stats/likes"}, {"likes": 3000}),              # a CSV column as written
    ({"likes": "molti"}, {"likes": "likes"}, {}),                                         # not a count: not given
    ({"caption": ""}, {"text": "caption"}, {"text": ""}),
    ({}, {"id": "url"}, {}),
]
# fmt: on


@pytest.mark.parametrize("item,column_map,expected", USER_VALUES)
def test_user_map_is_read_from_the_item_first(item, column_map, expected):
    assert user_values(item, column_map) == expected
