"""Comment-only sources: gathering flat comment rows into one post record per post.

Comment scrapers (Apify's Instagram and TikTok comment scrapers, youtube-comment-downloader) write
one comment a row, each naming its post. The contract wants one post a record, so rows are
gathered per post **whatever their order**: a multi-video run of Apify's TikTok comment scraper
interleaves the rows of several videos. One pass puts every mapped comment into the on-disk
index of `io.comments_join.CommentIndex` (keyed by post, in file order); then each post is
yielded, at the place of its first row, with all its comments. Memory holds one post's comments,
the post keys and the rows that could not be mapped, never the whole file.

A comment listed twice (overlapping pages of a scraper run, a reply also listed as a top-level
comment) is kept once, as the reply where it is one; `meta.duplicate_comments_removed` counts them.

These posts have no caption (the scrapers do not write it): `text` is "" and
`meta.caption_missing` is true, so sponsorship and sincerity scores of such records describe an
empty caption. What a row tells about its post (its URL, the creator's handle in a TikTok video
URL) is kept from the first row that tells it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping

from ...errors import SourcePosition
from ..base import ReadItem
from ..comments_join import CommentIndex
from .base import MAPPING_ERRORS, dedupe_comments, note_duplicates, quarantined, source_items, why

# What a comment-row source makes of one row: (post key, the row's comments), or with a third
# element the post's fields the row tells ({"url": ..., "creator": ...}), or why it cannot.
RowResult = tuple[str, list[dict[str, Any]]] | tuple[str, list[dict[str, Any]], dict[str, Any]] | str
POST_KEY = "post_id"


class _Spool:
    """Feeds a CommentIndex with one row per comment and remembers, in file order, where each post
    first appears and which rows failed."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.events: list[tuple[str, Any, Any]] = []        # ("post", key, position) | ("error", item, None)
        self.post_fields: dict[str, dict[str, Any]] = {}

    def comment_rows(self, rows: Iterable[tuple[SourcePosition, RowResult | ReadItem, Any]]) -> Iterator[ReadItem]:
        for position, mapped, value in rows:
            if isinstance(mapped, ReadItem):
                self.events.append(("error", mapped, None))
                continue
            if isinstance(mapped, str):
                self.events.append(("error", quarantined(position, self.source, mapped, value), None))
                continue
            key, comments, fields = mapped[0], mapped[1], (mapped[2] if len(mapped) > 2 else {})
            if key not in self.post_fields:
                self.post_fields[key] = {}
                self.events.append(("post", key, position))
            known = self.post_fields[key]
            for name, field_value in fields.items():
                if field_value is not None and known.get(name) is None:
                    known[name] = field_value
            for comment in comments:
                yield ReadItem(position, raw={POST_KEY: key, **comment})


def grouped_rows(path: Path, source: str, platform: str, map_row: Callable[[Mapping[str, Any]], RowResult],
                 rows_of: Callable[[Any], list[Any] | None] | None = None) -> Iterator[ReadItem]:
    """The posts of a comment-row file: each JSON object (or CSV row) mapped by `map_row`, the
    comments gathered per post key into a captionless post. A row that is not an object, that
    `map_row` rejects (a reason string) or that breaks it (MAPPING_ERRORS) is quarantined (E015)
    in its place in the file order; unreadable items keep theirs. `rows_of` unwraps a value that
    holds the rows (youtube-comment-downloader's `--pretty` `{"comments": [...]}`)."""
    spool = _Spool(source)
    index = CommentIndex(path, spool.comment_rows(_mapped_rows(path, map_row, rows_of)))
    try:
        for kind, first, position in spool.events:
            if kind == "error":
                yield first
                continue
            raw = captionless_post(source, platform, first, **spool.post_fields[first])
            comments, removed = dedupe_comments(index.comments_for(first))
            raw["comments"] = comments
            yield ReadItem(position, raw=note_duplicates(raw, removed))
    finally:
        index.close()


def _mapped_rows(path: Path, map_row: Callable[[Mapping[str, Any]], RowResult],
                 rows_of: Callable[[Any], list[Any] | None] | None) -> Iterator[tuple[SourcePosition, Any, Any]]:
    """(position, RowResult or error item, the row) for each row of the file."""
    for position, value, error in source_items(path):
        if error is not None:
            yield position, error, None
            continue
        inner = rows_of(value) if rows_of is not None else None
        for row in inner if inner is not None else [value]:
            if not isinstance(row, Mapping):
                yield position, f"expected a JSON object, got {type(row).__name__}", row
                continue
            try:
                mapped = map_row(row)
            except MAPPING_ERRORS as err:
                mapped = why(err)
            yield position, mapped, row


def captionless_post(source: str, platform: str, key: str, **fields: Any) -> dict[str, Any]:
    """The post record of a comment-only source: no caption, `meta.caption_missing` says so."""
    raw: dict[str, Any] = {"id": key, "text": "", "platform": platform}
    raw.update({name: value for name, value in fields.items() if value is not None})
    raw["comments"] = []
    raw["meta"] = {"source": source, "caption_missing": True}
    return raw
