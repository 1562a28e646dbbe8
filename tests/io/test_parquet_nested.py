"""Parquet keeps the record's types: structs and lists of structs as native Arrow columns that pyarrow,
pandas and DuckDB read without JSON parsing, with the values of the JSON Lines output."""

from __future__ import annotations

import json

import pytest

from authentic_nlp.engine.batch import score_files
from authentic_nlp.io import read_scored
from authentic_nlp.record import RECORD_SCHEMA

# fmt: off
POSTS = [
    {"id": "it", "text": "Ieri ho provato la crema di @brand: pelle meno secca. Codice GIULIA20 #adv",
     "creator": "giulia", "platform": "instagram", "created_at": "2024-05-01T10:00:00Z", "likes": 310,
     "followers": 2300, "url": "https://www.instagram.com/p/Cabc123/",
     "comments": [{"id": "c1", "text": "Dove la trovo? 😍", "author": "marta"},
                  {"id": "c2", "text": "@marta sul sito!", "author": "giulia", "reply_to": "c1"}]},
    {"id": "en", "text": "Honestly, three weeks with these shoes: comfy, but the sole wears fast. #ad",
     "creator": "sam", "comments": [{"id": "y1", "text": "How many km so far?", "author": "jo"}]},
    {"id": "hostile", "text": "PerchÃ¨ #a\u200bdv perche\u0301 👨‍👩‍👧", "comments": [{"id": "h1", "text": "a\u200bmazing"}]},
    {"id": "empty", "text": ""},
    {"id": "emoji", "text": "😍🔥🔥", "likes": 10**20},       # a count beyond 64 bits goes to `extra`
]
TYPES = {
    "id": "string", "text": "string", "likes": "int64", "followers": "int64", "url": "string",
    "language": "struct<code: string, confidence: double, mixed: bool>",
    "interaction_quality": "double", "extra": "string",
}
# fmt: on


def _declared(value, spec=RECORD_SCHEMA):
    """The JSON Lines record as Parquet gives it back: every declared field present (null where absent)."""
    if isinstance(spec, dict) and isinstance(value, dict):
        return {**{k: _declared(value.get(k), inner) for k, inner in spec.items()},
                **{k: v for k, v in value.items() if k not in spec}}
    if isinstance(spec, list) and isinstance(value, list):
        return [_declared(item, spec[0]) for item in value]
    return value


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    root = tmp_path_factory.mktemp("parquet")
    source = root / "in.jsonl"
    source.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in POSTS) + "\n", encoding="utf-8")
    paths = {}
    for name, kwargs in (("jsonl", {}), ("parquet", {})):
        paths[name] = root / f"out.{name}"
        score_files([source], paths[name], **kwargs)
    return paths


def test_columns_are_native_arrow_types(scored):
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pq.ParquetFile(scored["parquet"]).schema_arrow
    assert schema.names == list(RECORD_SCHEMA) + ["extra"]
    for name, expected in TYPES.items():
        assert str(schema.field(name).type) == expected, name
    comments = schema.field("comments").type
    assert pa.types.is_list(comments) and pa.types.is_struct(comments.value_type)
    comment = comments.value_type
    assert [comment.field(i).name for i in range(comment.num_fields)] == list(RECORD_SCHEMA["comments"][0])
    evidence = comment.field("evidence").type
    assert pa.types.is_list(evidence) and str(evidence.value_type.field("start").type) == "int64"
    assert str(comment.field("also_answers").type) == "list<element: string>"
    for section in ("sponsorship", "sincerity"):
        items = schema.field(section).type.field("evidence").type
        assert pa.types.is_list(items) and pa.types.is_struct(items.value_type)
    pods = schema.field("conversation").type.field("pod_evidence").type
    assert str(pods.value_type.field("comment").type) == "string"


def test_values_equal_the_json_lines_output(scored):
    jsonl = [json.loads(line) for line in scored["jsonl"].read_text(encoding="utf-8").splitlines()]
    back = list(read_scored(scored["parquet"]))
    assert back == [_declared(r) for r in jsonl]
    assert back[4]["likes"] == 10**20 and back[2]["text"] == "Perchè #adv perché 👨‍👩‍👧"


def test_pyarrow_reads_nested_values_without_json(scored):
    import pyarrow.parquet as pq

    rows = pq.read_table(scored["parquet"]).to_pylist()
    first = rows[0]
    assert first["language"]["code"] == "it" and isinstance(first["language"]["confidence"], float)
    assert first["comments"][1]["reply_to"] == "c1" and first["comments"][0]["author"] == "marta"
    label = next(e for e in first["sponsorship"]["evidence"] if e["text"] == "#adv")
    assert first["text"][label["start"]:label["end"]] == "#adv"
    assert rows[4]["likes"] is None and json.loads(rows[4]["extra"]) == {"likes": 10**20}


@pytest.mark.parametrize("row,column,expected", [
    (0, "creator", "giulia"), (1, "creator", "sam"), (3, "text", ""), (4, "text", "😍🔥🔥"),
])
def test_pandas_reads_it(scored, row, column, expected):
    import pandas as pd

    frame = pd.read_parquet(scored["parquet"])
    assert frame.loc[row, column] == expected
    assert frame.loc[0, "language"]["code"] == "it"
    assert [c["id"] for c in frame.loc[0, "comments"]] == ["c1", "c2"]


@pytest.mark.parametrize("query,expected", [
    ("SELECT id, language.code FROM t ORDER BY id", [("emoji", "und"), ("empty", "und"), ("en", "en"),
                                                     ("hostile", "it"), ("it", "it")]),
    ("SELECT c.author, c.type FROM (SELECT unnest(comments) AS c FROM t WHERE id = 'it')",
     [("marta", "question"), ("giulia", "substantive")]),
    ("SELECT e.text FROM (SELECT unnest(sponsorship.evidence) AS e FROM t WHERE id = 'it') "
     "WHERE e.kind = 'label'", [("#adv",)]),
    ("SELECT sum(len(comments)) FROM t", [(4,)]),
])
def test_duckdb_queries_it(scored, query, expected):
    import duckdb

    connection = duckdb.connect()
    connection.execute(f"CREATE VIEW t AS SELECT * FROM read_parquet('{scored['parquet']}')")
    assert connection.execute(query).fetchall() == expected
