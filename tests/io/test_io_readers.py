"""Readers: every format gives the same contract records, in order, with 1-based positions."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from authentic_nlp.errors import AuthenticNLPError
from authentic_nlp.io import read_records
from authentic_nlp.io.csv_io import iter_csv_rows
from authentic_nlp.schema import parse_post


def _posts_of(path: Path, **kwargs):
    return [parse_post(item.raw) for item in read_records([path], **kwargs)]


def _comment_rows(posts):
    rows = []
    for post in posts:
        for comment in post.get("comments", []):
            rows.append({"post_id": post["id"], **comment})
    return rows


@pytest.mark.parametrize("layout", ["csv_json_column", "csv_comments_file", "parquet_json_column",
                                    "parquet_struct_list", "jsonl_comments_file"])
def test_every_layout_reads_the_same_posts_as_jsonl(files, tmp_path, posts, layout):
    expected = _posts_of(files.jsonl("posts.jsonl", posts))
    kwargs = {}
    if layout == "csv_json_column":
        path = files.csv("posts.csv", posts)
    elif layout == "parquet_json_column":
        path = files.parquet("posts.parquet", posts, comments_as_json=True)
    elif layout == "parquet_struct_list":
        path = files.parquet("posts.parquet", posts, comments_as_json=False)
    else:
        bare = [{k: v for k, v in p.items() if k != "comments"} for p in posts]
        rows = _comment_rows(posts)
        if layout == "csv_comments_file":
            path = files.csv("posts.csv", bare)
            comments = tmp_path / "comments.csv"
            with open(comments, "w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, ["post_id", "id", "text", "author", "reply_to", "likes"])
                writer.writeheader()
                writer.writerows(rows)
        else:
            path = files.jsonl("bare.jsonl", bare)
            comments = files.jsonl("comments.jsonl", rows)
        kwargs["comments_path"] = comments
    assert _posts_of(path, **kwargs) == expected


@pytest.mark.parametrize("caption", [
    "Ho provato la crema: pelle meno secca #adv",
    "Honest review, three weeks in",
    "Outfit del giorno, so comfy",
    "",
    "🔥🔥🔥 👩‍👩‍👧",
    'virgole, "virgolette"\ne a capo',
])
def test_csv_caption_survives_quoting(files, tmp_path, caption):
    path = files.csv("p.csv", [{"id": "a", "text": caption}], ["id", "text"])
    (item,) = read_records([path])
    assert item.raw == {"id": "a", "text": caption}


def test_csv_positions_are_data_rows_without_header_or_blank_lines(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text('id,text\na,"uno\ndue"\n\nb,two\nc,tre\n', encoding="utf-8")
    items = list(read_records([path]))
    assert [(i.raw["id"], i.position.row) for i in items] == [("a", 1), ("b", 2), ("c", 3)]
    assert str(items[1].position) == f"{path}:row 2"


@pytest.mark.parametrize("cells,expected", [
    (["p1", "Ciao", "", ""], {"id": "p1", "text": "Ciao"}),                       # empty = absent
    (["p2", "", "", ""], {"id": "p2", "text": ""}),                               # empty text stays ""
    (["p3", "Hi", "1200", "true"], {"id": "p3", "text": "Hi", "followers": "1200",
                                    "platform_paid_partnership": "true"}),
    (["p4", "😍", "0", "no"], {"id": "p4", "text": "😍", "followers": "0", "platform_paid_partnership": "no"}),
])
def test_csv_cells_are_strings_and_empty_means_absent(tmp_path, cells, expected):
    path = tmp_path / "p.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["id", "text", "followers", "platform_paid_partnership"], cells])
    (item,) = read_records([path])
    assert item.raw == expected
    post = parse_post(item.raw)
    assert post.followers == (int(expected["followers"]) if "followers" in expected else None)


def test_csv_bad_rows_are_reported_one_by_one(tmp_path):
    path = tmp_path / "p.csv"
    path.write_bytes(b"id,text\nok1,Ciao\nbad,caf\xe9 latte\nwide,a,b\nok2,Bye\n")
    items = list(read_records([path]))
    assert [(i.position.row, i.error.code if i.error else None) for i in items] == [
        (1, None), (2, "E008"), (3, "E013"), (4, None)]
    assert "caf\ufffd latte" in items[1].raw_text
    assert items[3].raw == {"id": "ok2", "text": "Bye"}


def test_csv_byte_order_mark_and_a_2mb_caption(tmp_path):
    caption = "parola " * 300_000
    path = tmp_path / "p.csv"
    path.write_bytes("\ufeffid,text\n".encode() + f"big,{caption}\n".encode())
    (item,) = read_records([path])
    assert item.raw == {"id": "big", "text": caption}


def test_csv_column_map_renames_source_columns(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("Post ID,Description,Account\n9,Nuovo video!,luca\n", encoding="utf-8")
    (item,) = read_records([path], column_map={"id": "Post ID", "text": "Description", "creator": "Account"})
    assert parse_post(item.raw).creator == "luca" and item.raw["text"] == "Nuovo video!"


def test_csv_duplicate_columns_are_a_file_error(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("id,text,text\na,b,c\n", encoding="utf-8")
    with pytest.raises(AuthenticNLPError, match=r"E107.*duplicate column\(s\) text"):
        list(read_records([path]))


def test_parquet_positions_continue_across_batches(files, tmp_path):
    posts = [{"id": f"p{n}", "text": "ciao" if n % 2 else "hello"} for n in range(1300)]
    path = files.parquet("p.parquet", posts, comments_as_json=True)
    items = list(read_records([path]))
    assert [i.position.row for i in items] == list(range(1, 1301))
    assert items[-1].raw == {"id": "p1299", "text": "ciao"}  # null cells are absent fields


def test_parquet_timestamps_become_iso_strings(tmp_path):
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    when = dt.datetime(2026, 3, 2, 18, 20, tzinfo=dt.timezone.utc)
    pq.write_table(pa.table({"id": ["a"], "text": ["Bella foto"], "created_at": [when]}), tmp_path / "t.parquet")
    (item,) = read_records([tmp_path / "t.parquet"])
    assert parse_post(item.raw).created_at == when


def test_a_damaged_parquet_file_is_named(tmp_path):
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"PAR1 not really")
    with pytest.raises(AuthenticNLPError, match="E107"):
        list(read_records([path]))


def test_files_are_read_in_the_order_given(files, tmp_path, posts):
    first = files.jsonl("a.jsonl", posts[:2])
    second = files.csv("b.csv", posts[2:])
    ids = [item.raw["id"] for item in read_records([first, second])]
    assert ids == [p["id"] for p in posts]


def test_jsonl_positions_count_blank_lines(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text('{"id": "a", "text": "ciao"}\n\n   \n{"id": "b", "text": "hi"}\n', encoding="utf-8")
    assert [i.position.line for i in read_records([path])] == [1, 4]


def test_missing_input_is_named(tmp_path):
    with pytest.raises(AuthenticNLPError, match="E101"):
        list(read_records([tmp_path / "nope.jsonl"]))


def test_csv_rows_keep_empty_only_where_asked(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("post_id,id,text,author\np1,c1,,\n", encoding="utf-8")
    (item,) = iter_csv_rows(path)
    assert item.raw == {"post_id": "p1", "id": "c1", "text": ""}
    json.dumps(item.raw)  # plain JSON, ready for the quarantine file
