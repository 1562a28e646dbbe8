"""youtube-comment-downloader output: one comment a line, one file per video.

    {"cid": "UgxAbc", "text": "...", "time": "2 years ago", "author": "@sam", "channel": "UC...",
     "votes": "1.2K", "replies": "3", "photo": "https://...", "heart": false, "reply": false,
     "time_parsed": 1690000000.0}

A reply's cid is its parent's cid, a dot, and its own part ("UgxAbc.8xYz"), so `reply_to` is the
part before the dot. `votes` is the number as YouTube shows it ("1.2K", "3 mila"); `time_parsed`
(epoch seconds, computed by the tool from the relative `time`) becomes `created_at` and `time`
stays in `meta`. The tool does not write the video's id, title, description or channel owner: the
post's id is the file's name without suffixes (the tool is run once per video, `--output
VIDEO_ID.json`), its text is "" and `meta.caption` is "missing". The creator is unknown too, so
the creator's replies cannot be told apart from the audience's. `heart` (the creator hearted the
comment) stays in `meta`. With `--creator HANDLE` the post's creator is known, and the comments
whose `author` is "@HANDLE" are the creator's.

With `--pretty` the tool writes one object instead, `{"comments": [...]}`, the same rows inside.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator, Mapping

from ..base import ReadItem
from .base import Source, comment_dict
from .containers import inner_name
from .grouping import RowResult, grouped_rows
from .values import Fields, handle, to_count, to_time

NAME = "youtube-comment-downloader"


def post_id_of(path: Path) -> str:
    name = inner_name(path)
    for suffix in (".jsonl", ".json", ".ndjson", ".txt"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def map_row(row: Mapping[str, Any]) -> dict[str, Any] | str:
    fields = Fields(row)
    cid, text = fields.take("cid"), fields.text("text")
    if not isinstance(cid, str) or text is None:
        return "no cid, or a text that is not a string"
    fields.consume("reply")            # told by the cid itself
    return comment_dict(id=cid, text=text, author=fields.take("author", handle),
                        reply_to=cid.rsplit(".", 1)[0] if "." in cid else None,
                        created_at=fields.take("time_parsed", to_time), likes=fields.take("votes", to_count),
                        meta=fields.rest())


def read_rows(path: Path, column_map: dict[str, str] | None = None) -> Iterator[ReadItem]:
    key = post_id_of(path)

    def one_row(value: Mapping[str, Any]) -> RowResult:
        mapped = map_row(value)
        return mapped if isinstance(mapped, str) else (key, [mapped])

    return grouped_rows(path, NAME, "youtube", one_row, rows_of=pretty_rows)


def pretty_rows(value: Any) -> list[Any] | None:
    """The rows of a `--pretty` file ({"comments": [...]}); None for a plain row."""
    if isinstance(value, Mapping) and "cid" not in value and isinstance(value.get("comments"), list):
        return value["comments"]
    return None


def sniff(value: Any, name: str) -> bool:
    rows = pretty_rows(value)
    if rows:
        value = rows[0]
    return isinstance(value, Mapping) and "cid" in value and "votes" in value and (
        "time_parsed" in value or "heart" in value or "time" in value)


SOURCES = (
    Source(NAME, "youtube-comment-downloader JSON lines (cid, text, author, votes, time_parsed), one post per file",
           "authentic-nlp score VIDEO_ID.json --source youtube-comment-downloader -o scored.jsonl", sniff, read_rows,
           shapes=(
               ("JSON lines, one file per video (the post's id is the file name)",
                "authentic-nlp score VIDEO_ID.json -o scored.jsonl"),
               ('--pretty output: {"comments": [...]}; --creator names the channel, so its replies count',
                "authentic-nlp score VIDEO_ID.json --creator CHANNEL_HANDLE -o scored.jsonl"),
           )),
)
