"""Joining a flat comments file on post_id: order kept, nothing dropped, nothing held in memory."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from authentic_nlp.errors import AuthenticNLPError
from authentic_nlp.io import read_records
from authentic_nlp.io.comments_join import CommentIndex
from authentic_nlp.io.readers import comment_rows


def _comments_csv(path: Path, rows: list[list[str]], header=("post_id", "id", "text", "author")) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


POSTS = [{"id": "it1", "text": "Nuova ricetta: pici all'aglione"},
         {"id": "en1", "text": "New recipe, step by step"},
         {"id": "emoji1", "text": "😋😋"},
         {"id": "empty1", "text": ""}]

# Comment rows deliberately interleaved across posts (not grouped), with an orphan and a row
# without post_id in the middle.
ROWS = [
    ["it1", "a1", "Che buoni!", "marta"],
    ["en1", "b1", "Where do I get the flour?", "jo"],
    ["nobody", "z1", "orphan comment", "x"],
    ["it1", "a2", "@marta al mercato", "giulia"],
    ["", "z2", "senza post", "y"],
    ["emoji1", "e1", "🔥", "fan"],
    ["en1", "b2", "", "sam"],
]


def test_comments_join_in_file_order_and_report_the_rest(files, tmp_path):
    posts = files.csv("posts.csv", POSTS, ["id", "text"])
    comments = _comments_csv(tmp_path / "comments.csv", ROWS)
    items = list(read_records([posts], comments_path=comments))
    joined = {i.raw["id"]: [c["id"] for c in i.raw.get("comments", [])] for i in items if i.error is None}
    assert joined == {"it1": ["a1", "a2"], "en1": ["b1", "b2"], "emoji1": ["e1"], "empty1": []}
    leftovers = [(i.position.row, i.error.code, i.error.field) for i in items if i.error is not None]
    assert leftovers == [(3, "E106", "post_id"), (5, "E002", "post_id")]
    orphan = items[len(POSTS)]
    assert orphan.raw == {"post_id": "nobody", "id": "z1", "text": "orphan comment", "author": "x"}
    assert orphan.position.path == str(comments)
    assert len(items) == len(POSTS) + 2  # every post and every unjoined row accounted for


def test_joined_comments_follow_the_posts_own(files, tmp_path):
    posts = files.jsonl("posts.jsonl", [{"id": "it1", "text": "Ciao", "comments": [{"id": "a0", "text": "prima"}]},
                                        {"id": "en1", "text": "Hi", "comments": '[{"id": "b0", "text": "first"}]'}])
    comments = _comments_csv(tmp_path / "c.csv", [["it1", "a1", "dopo", ""], ["en1", "b1", "after", ""]])
    items = list(read_records([posts], comments_path=comments))
    assert [[c["id"] for c in i.raw["comments"]] for i in items] == [["a0", "a1"], ["b0", "b1"]]


def test_a_comments_file_without_post_id_is_refused(files, tmp_path):
    posts = files.csv("posts.csv", POSTS, ["id", "text"])
    comments = _comments_csv(tmp_path / "c.csv", [["a", "x"]], header=("id", "text"))
    with pytest.raises(AuthenticNLPError, match="E105"):
        list(read_records([posts], comments_path=comments))


def test_unreadable_comment_lines_are_reported_with_their_line(files, tmp_path):
    posts = files.jsonl("posts.jsonl", POSTS[:1])
    comments = tmp_path / "c.jsonl"
    comments.write_bytes(b'{"post_id": "it1", "id": "a1", "text": "ok"}\n{not json\n'
                         b'{"post_id": "it1", "id": "a2", "text": "caf\xe9"}\n["a", "list"]\n')
    items = list(read_records([posts], comments_path=comments))
    assert [c["id"] for c in items[0].raw["comments"]] == ["a1"]
    assert [(i.position.line, i.error.code) for i in items[1:]] == [(2, "E007"), (3, "E008"), (4, "E001")]
    assert items[1].raw_text == "{not json"


def test_the_index_lives_on_disk_and_is_removed(files, tmp_path):
    comments = _comments_csv(tmp_path / "c.csv", ROWS)
    index = CommentIndex(comments, comment_rows(comments))
    folder = Path(index._dir.name)
    assert index.rows == len(ROWS) and (folder / "comments.sqlite").is_file()
    assert [c["id"] for c in index.comments_for("en1")] == ["b1", "b2"]
    assert index.comments_for("absent") == []
    index.close()
    assert not folder.exists()


def test_the_index_is_removed_when_reading_stops_early(files, tmp_path, monkeypatch):
    import tempfile

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    posts = files.csv("posts.csv", POSTS, ["id", "text"])
    comments = _comments_csv(tmp_path / "c.csv", ROWS)
    stream = read_records([posts], comments_path=comments)
    next(stream)
    assert [p.name.startswith("authentic_nlp_comments_") for p in scratch.iterdir()] == [True]
    stream.close()
    assert list(scratch.iterdir()) == []
