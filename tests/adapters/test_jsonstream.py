"""JSON values streamed one at a time: arrays, JSON Lines, concatenated documents, broken input."""

from __future__ import annotations

import io

import pytest

from authentic_nlp.io.adapters import jsonstream
from authentic_nlp.io.adapters.jsonstream import iter_json_values


def values(text: str):
    return [(v.line, v.value, v.error is not None) for v in iter_json_values(io.StringIO(text))]


# fmt: off
SHAPES = [
    ('[{"text": "Ciao a tutti"}, {"text": "Hello"}]', [(1, {"text": "Ciao a tutti"}, False), (1, {"text": "Hello"}, False)]),
    ('[\n  {"text": ""},\n  {"text": "🔥🔥"}\n]\n', [(2, {"text": ""}, False), (3, {"text": "🔥🔥"}, False)]),
    ('{"text": "so comfy, bellissimo"}\n{"text": "b"}\n', [(1, {"text": "so comfy, bellissimo"}, False), (2, {"text": "b"}, False)]),
    ('{\n "a": 1\n}\n{\n "b": 2\n}', [(1, {"a": 1}, False), (4, {"b": 2}, False)]),
    ('\ufeff[{"text": "bom"}]', [(1, {"text": "bom"}, False)]),
    ('[]', []), ('', []), ('  \n ', []),
    ('{"a": 1}\n[{"b": 2}, {"c": 3}]', [(1, {"a": 1}, False), (2, {"b": 2}, False), (2, {"c": 3}, False)]),
]
# fmt: on


@pytest.mark.parametrize("text,expected", SHAPES)
def test_shapes(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64])
def test_items_split_across_chunks_are_read_whole(monkeypatch, chunk):
    monkeypatch.setattr(jsonstream, "CHUNK_CHARS", chunk)
    text = '[{"text": "Perché no? 😍", "n": 1234567}, 98765, {"text": "long ' + "x" * 300 + '"}]'
    got = values(text)
    assert [v for _, v, _ in got] == [{"text": "Perché no? 😍", "n": 1234567}, 98765, {"text": "long " + "x" * 300}]


def test_a_broken_json_line_is_one_error_and_the_next_line_is_read():
    got = values('{"text": "uno"}\n{not json\n{"text": "three"}\n')
    assert got == [(1, {"text": "uno"}, False), (2, None, True), (3, {"text": "three"}, False)]


@pytest.mark.parametrize("text,message", [
    ('[{"a": 1}, {"b": ', "Expecting value"),
    ('[{"a": 1} {"b": 2}]', "expected ',' or ']'"),
    ('[{"a": 1},', "not closed"),
    ('[1, 2', "not closed"),
])
def test_a_broken_array_ends_with_one_error(text, message):
    got = list(iter_json_values(io.StringIO(text)))
    assert got[0].value in ({"a": 1}, 1) and got[-1].error is not None and message in got[-1].error
    assert sum(v.error is not None for v in got) == 1
