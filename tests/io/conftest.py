"""Fixtures for the reader and writer tests: hand-written posts, and helpers that lay them out as files.

The posts are written for these tests (Italian, English, mixed, empty, emoji-only); no text comes
from ../shared/data.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

# fmt: off
POSTS: list[dict[str, Any]] = [
    {"id": "it1", "text": "Ho provato la crema per due settimane: pelle meno secca, ma il profumo è forte. #adv",
     "platform": "instagram", "creator": "giulia", "followers": 12000, "market": "it",
     "platform_paid_partnership": True,
     "comments": [{"id": "c1", "text": "Dove la trovo?", "author": "marta"},
                  {"id": "c2", "text": "@marta in farmacia", "author": "giulia", "reply_to": "c1"}]},
    {"id": "en1", "text": "Three weeks with these running shoes, honest review in the video",
     "platform": "youtube", "creator": "sam", "likes": 340,
     "comments": [{"id": "k1", "text": "nice pic 🔥", "author": "fan1", "likes": 2}]},
    {"id": "mix1", "text": "Outfit del giorno, so comfy 😍 link in bio", "platform": "tiktok", "creator": "ale"},
    {"id": "empty1", "text": "", "creator": "ale"},
    {"id": "emoji1", "text": "🔥🔥🔥 👩‍👩‍👧 🇮🇹", "creator": "sam", "comments": [{"id": "e1", "text": "😍"}]},
    {"id": "quote1", "text": 'Riga uno,\n"citazione", riga due', "creator": "giulia"},
]
# fmt: on

CSV_POST_COLUMNS = ["id", "text", "platform", "creator", "followers", "likes", "market",
                    "platform_paid_partnership", "comments"]


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write_posts_csv(path: Path, posts: list[dict[str, Any]], columns: list[str] = CSV_POST_COLUMNS) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for post in posts:
            writer.writerow([csv_cell(post.get(name)) for name in columns])
    return path


def write_jsonl(path: Path, records: list[Any]) -> Path:
    with open(path, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def write_posts_parquet(path: Path, posts: list[dict[str, Any]], comments_as_json: bool) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = []
    for post in posts:
        row = {name: post.get(name) for name in CSV_POST_COLUMNS}
        if comments_as_json:
            row["comments"] = json.dumps(post["comments"], ensure_ascii=False) if "comments" in post else None
        rows.append(row)
    comment = pa.struct([("id", pa.string()), ("text", pa.string()), ("author", pa.string()),
                         ("reply_to", pa.string()), ("likes", pa.int64())])
    schema = pa.schema([("id", pa.string()), ("text", pa.string()), ("platform", pa.string()),
                        ("creator", pa.string()), ("followers", pa.int64()), ("likes", pa.int64()),
                        ("market", pa.string()), ("platform_paid_partnership", pa.bool_()),
                        ("comments", pa.string() if comments_as_json else pa.list_(comment))])
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
    return path


@pytest.fixture
def posts() -> list[dict[str, Any]]:
    return json.loads(json.dumps(POSTS))


class Files:
    """Lays hand-written records out as input files under one temporary folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def csv(self, name: str, posts: list[dict[str, Any]], columns: list[str] = CSV_POST_COLUMNS) -> Path:
        return write_posts_csv(self.root / name, posts, columns)

    def jsonl(self, name: str, records: list[Any]) -> Path:
        return write_jsonl(self.root / name, records)

    def parquet(self, name: str, posts: list[dict[str, Any]], comments_as_json: bool = True) -> Path:
        return write_posts_parquet(self.root / name, posts, comments_as_json)


@pytest.fixture
def files(tmp_path: Path) -> Files:
    return Files(tmp_path)
