"""Writers: the three formats round-trip scored records; flat files keep a fixed column set and order."""

from __future__ import annotations

import csv
import json

import pytest

from authentic_nlp.io import open_writer, read_scored
from authentic_nlp.io.columns import EXTRA_COLUMN, flatten_record, output_columns
from authentic_nlp.record import RECORD_SCHEMA, empty_record
from authentic_nlp.schema import parse_post

FORMATS = ["jsonl", "csv", "parquet"]


def _scored(raw: dict, **sections) -> dict:
    record = empty_record(parse_post(raw))
    for key, value in sections.items():
        if isinstance(value, dict):
            record[key].update(value)
        else:
            record[key] = value
    return record


# Scored records written by hand for these tests: every column type, nulls, unicode in evidence.
RECORDS = [
    _scored({"id": "it1", "text": "Crema provata #adv", "creator": "giulia", "platform": "instagram",
             "comments": [{"id": "c1", "text": "Dove la trovo?"}]},
            language={"code": "it", "confidence": 0.9876, "mixed": False},
            sponsorship={"verdict": "disclosed", "probability": 0.91, "market": "it",
                         "evidence": [{"kind": "label", "text": "#adv", "start": 14, "end": 18, "rule": "it.iap.1"}]},
            interaction_quality=0.1 + 0.2),
    _scored({"id": "en1", "text": "Honest review", "creator": "sam"},
            language={"code": "en", "confidence": 1.0, "mixed": True},
            sincerity={"score": 0.5, "evidence": [{"kind": "first_hand", "text": "I tried", "start": 0, "end": 7,
                                                   "weight": 0.25}]},
            conversation={"comments": 0, "max_depth": 0, "creator_reply_rate": None}),
    _scored({"id": "mix1", "text": "Outfit del giorno, so comfy 😍"},
            language={"code": "it", "confidence": 0.51, "mixed": True}),
    _scored({"id": "empty1", "text": ""}, language={"code": "und", "confidence": 0.0, "mixed": False}),
    _scored({"id": "emoji1", "text": "🔥🔥🔥", "comments": [{"id": "e1", "text": "😍"}]},
            sincerity={"evidence": [{"kind": "emoji", "text": "🔥", "start": 0, "end": 1, "weight": 0.0}]}),
]


def _declared(value, spec=RECORD_SCHEMA):
    """What a Parquet file gives back: every declared field present, null where the record lacked it."""
    if isinstance(spec, dict) and isinstance(value, dict):
        out = {key: _declared(value.get(key), inner) for key, inner in spec.items()}
        return {**out, **{key: inner for key, inner in value.items() if key not in spec}}
    if isinstance(spec, list) and isinstance(value, list):
        return [_declared(item, spec[0]) for item in value]
    return value


def _expected(records, fmt):
    return [_declared(r) for r in records] if fmt == "parquet" else records


def _write(path, records, fmt=None):
    writer = open_writer(path, fmt)
    for record in records:
        writer.write(record)
    writer.close()
    return path


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip(tmp_path, fmt):
    path = _write(tmp_path / f"out.{fmt}", RECORDS)
    assert list(read_scored(path)) == _expected(RECORDS, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_undeclared_fields_survive_in_the_extra_column(tmp_path, fmt):
    record = json.loads(json.dumps(RECORDS[0]))
    record["review"] = {"analyst": "ab", "flag": True}
    record["sponsorship"]["labels"] = ["#adv", "#ad"]
    path = _write(tmp_path / f"out.{fmt}", [record, RECORDS[1]])
    assert list(read_scored(path)) == _expected([record, RECORDS[1]], fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_records_give_the_same_bytes(tmp_path, fmt):
    first = _write(tmp_path / f"a.{fmt}", RECORDS)
    second = _write(tmp_path / f"b.{fmt}", RECORDS)
    assert first.read_bytes() == second.read_bytes()


def test_csv_header_is_fixed_and_dotted(tmp_path):
    path = _write(tmp_path / "out.csv", [])
    with open(path, encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == list(output_columns())
    assert header[:9] == ["id", "creator", "platform", "text", "created_at", "likes", "followers", "url",
                          "language.code"]
    assert {"sponsorship.verdict", "sponsorship.evidence", "conversation.creator_reply_rate", "comments",
            "interaction_quality"} <= set(header)
    assert header[-1] == EXTRA_COLUMN


def test_csv_cells(tmp_path):
    path = _write(tmp_path / "out.csv", RECORDS[:1])
    with open(path, encoding="utf-8", newline="") as handle:
        row = list(csv.DictReader(handle))[0]
    assert row["language.mixed"] == "false" and row["language.confidence"] == "0.9876"
    assert row["interaction_quality"] == repr(0.1 + 0.2)          # floats exact
    assert row["sincerity.score"] == "" and row[EXTRA_COLUMN] == ""  # null = empty cell
    assert json.loads(row["sponsorship.evidence"])[0]["rule"] == "it.iap.1"
    assert json.loads(row["comments"])[0]["id"] == "c1"


def test_parquet_rows_come_in_groups_of_one_schema(tmp_path):
    import pyarrow.parquet as pq

    from authentic_nlp.io import parquet_io

    many = [dict(RECORDS[n % len(RECORDS)], id=f"p{n}") for n in range(parquet_io.BATCH_ROWS + 5)]
    path = _write(tmp_path / "out.parquet", many)
    handle = pq.ParquetFile(path)
    assert handle.metadata.num_row_groups == 2 and handle.metadata.num_rows == len(many)
    assert handle.read_row_group(0).schema == handle.read_row_group(1).schema == handle.schema_arrow


def test_a_format_can_be_named_whatever_the_suffix(tmp_path):
    path = _write(tmp_path / "out.txt", RECORDS[:2], fmt="csv")
    assert list(read_scored(path, fmt="csv")) == RECORDS[:2]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r["id"])
def test_flatten_gives_every_column(record):
    flat = flatten_record(record)
    assert tuple(flat) == output_columns()
    assert flat["id"] == record["id"] and flat["language.code"] == record["language"]["code"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_value_its_column_cannot_hold_is_kept_in_extra(tmp_path, fmt):
    record = json.loads(json.dumps(RECORDS[1]))
    record["conversation"]["max_depth"] = "deep"          # an int column given text
    record["language"]["confidence"] = 1                  # an int where a float is expected: fits
    path = _write(tmp_path / f"out.{fmt}", [record])
    (back,) = read_scored(path)
    assert back["conversation"]["max_depth"] == "deep" and back["language"]["confidence"] == 1.0
