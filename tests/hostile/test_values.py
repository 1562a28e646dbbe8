"""Hostile values in one record: screened into coded errors naming the field, or repaired and reported."""

from __future__ import annotations

import json

import pytest

from authentic_nlp.errors import RecordError
from authentic_nlp.jsonsafe import MAX_DEPTH, JsonTooDeep, json_safe, loads, screen
from authentic_nlp.schema import parse_post

LONG = "7" * 4_301


def _id(value) -> str:
    """A short test id (pytest's own cannot print an integer of 5,000 digits)."""
    if isinstance(value, int) and value.bit_length() > 1000:
        return "huge-int"
    return ascii(value)[:24]


def _nested(levels: int) -> str:
    return "[" * levels + "]" * levels


# fmt: off
@pytest.mark.parametrize("text,code,field", [
    ('{"id": "a", "text": "ciao", "likes": NaN}', "E017", "likes"),
    ('{"id": "a", "text": "hello", "x": {"y": [1, Infinity]}}', "E017", "x.y[1]"),
    ('{"id": "a", "text": "", "comments": [{"id": "c", "text": "😍", "s": -Infinity}]}', "E017", "comments[0].s"),
    ('{"id": "a", "text": "ciao", "followers": 1e400}', "E017", "followers"),
    ('{"id": "a", "text": "ciao", "likes": ' + LONG + "}", "E018", "likes"),
    ('{"id": ' + LONG + ', "text": "🔥"}', "E018", "id"),
    ('{"id": "a", "text": "ciao", "m": ' + _nested(MAX_DEPTH + 1) + "}", "E016", "m"),
], ids=_id)
# fmt: on
def test_screen_names_the_field_and_the_problem(text, code, field):
    with pytest.raises(RecordError) as caught:
        screen(loads(text))
    assert caught.value.code == code and caught.value.field.startswith(field)


@pytest.mark.parametrize("text,fields,clean_text", [
    ('{"id": "a", "text": "bello \\ud800 davvero"}', ["text"], "bello \ufffd davvero"),
    ('{"id": "x\\udfff", "text": "hello"}', ["id"], "hello"),
    ('{"id": "a", "text": "😍 \\ud83d\\ude0d"}', [], "😍 😍"),      # a valid pair is one emoji
    ('{"id": "a", "text": ""}', [], ""),
    ('{"id": "a", "text": "ok", "\\ud800k": ["\\udbff"]}', ["\ufffdk", "\ufffdk[0]"], "ok"),
])
def test_lone_surrogates_are_replaced_and_listed(text, fields, clean_text):
    value, replaced = screen(loads(text))
    assert replaced == fields and value["text"] == clean_text
    json.dumps(value, ensure_ascii=False).encode("utf-8")      # writable as UTF-8 now


@pytest.mark.parametrize("levels", [1_000, 5_000, 100_000])
def test_decoding_deep_json_is_a_value_error_not_a_recursion_error(levels):
    with pytest.raises(JsonTooDeep):
        loads(_nested(levels))


@pytest.mark.parametrize("value", [
    float("nan"), float("inf"), 10 ** 5000, "\ud800", {"\udc00": [float("-inf")]}, {(1, 2): b"x"},
    json.loads(_nested(900)), {"nested": json.loads(_nested(900))}, "", "😀",
], ids=_id)
def test_json_safe_always_writes(value):
    line = json.dumps(json_safe(value), ensure_ascii=False, allow_nan=False)
    line.encode("utf-8")


# fmt: off
@pytest.mark.parametrize("field,value,code", [
    ("likes", "²", "E003"), ("likes", "1²", "E003"), ("followers", "٣", "E003"), ("followers", "3", None),
    ("likes", "9" * 4_400, "E018"), ("likes", 10 ** 4_400, "E018"), ("created_at", "²", "E005"),
    ("created_at", "1700000000", None), ("created_at", "9" * 5_000, "E005"), ("created_at", 10 ** 5_000, "E005"),
    ("platform", 10 ** 5_000, "E003"), ("id", 10 ** 5_000, "E003"),
], ids=_id)
# fmt: on
def test_parse_post_refuses_what_int_cannot_convert(field, value, code):
    raw = {"id": "p", "text": "Ciao", field: value}
    if code is None:
        parse_post(raw)
        return
    with pytest.raises(RecordError) as caught:
        parse_post(raw)
    assert caught.value.code == code and caught.value.field == field
    str(caught.value)      # the message itself can be built
