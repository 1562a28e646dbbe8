"""Comment-only sources: gathering flat comment rows into one post record per post.

Comment scrapers (Apify's Instagram and TikTok comment scrapers, youtube-comment-downloader, the
YouTube API's commentThreads) write one comment (or one thread) a row, each naming its post. The
contract wants one post a record, so rows are gathered per post **as they come**: a post is
complete when a row for another post arrives, and is then yielded. The scrapers write a post's
comments together, so this keeps memory to one post's comments. If a post's rows are split
across the file, each run becomes its own record and the later ones are quarantined by the
runner as duplicate post ids (E009): reported, never merged silently.

These posts have no caption (the scrapers do not write it): `text` is "" and `meta.caption`
is "missing", so sponsorship and sincerity scores of such records describe an empty caption.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Union

from ...errors import SourcePosition
from ..base import ReadItem
from .base import MAPPING_ERRORS, quarantined, source_items, why

# What a comment-row source makes of one row: (post key, the row's comments), or why it cannot.
RowResult = Union[tuple[str, list[dict[str, Any]]], str]


@dataclass
class _Group:
    key: str
    position: SourcePosition
    post: dict[str, Any]
    comments: list[dict[str, Any]] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    duplicates: int = 0


class PostGrouper:
    """Feed it (position, post key, comments of one row); it yields finished posts."""

    def __init__(self, source: str, make_post: Callable[[str, SourcePosition], dict[str, Any]]) -> None:
        self._source = source
        self._make_post = make_post
        self._group: _Group | None = None
        self._held: list[ReadItem] = []

    def hold(self, item: ReadItem) -> Iterator[ReadItem]:
        """An error item met while a post is open comes after that post (file order of first lines)."""
        if self._group is None:
            yield item
        else:
            self._held.append(item)

    def reject(self, position: SourcePosition, reason: str, item: Any) -> Iterator[ReadItem]:
        """A row that cannot be mapped: quarantined (E015), in its place in the file order."""
        return self.hold(quarantined(position, self._source, reason, item))

    def add(self, position: SourcePosition, key: str, comments: list[dict[str, Any]]) -> Iterator[ReadItem]:
        if self._group is not None and self._group.key != key:
            yield from self._finish()
        if self._group is None:
            self._group = _Group(key, position, self._make_post(key, position))
        for comment in comments:
            # the same comment scraped twice (overlapping pages) is one comment; the count is kept
            if comment["id"] in self._group.seen:
                self._group.duplicates += 1
                continue
            self._group.seen.add(comment["id"])
            self._group.comments.append(comment)

    def close(self) -> Iterator[ReadItem]:
        if self._group is not None:
            yield from self._finish()

    def _finish(self) -> Iterator[ReadItem]:
        group, self._group = self._group, None
        held, self._held = self._held, []
        assert group is not None
        group.post["comments"] = group.comments
        if group.duplicates:
            group.post["meta"]["duplicate_comments"] = group.duplicates
        yield ReadItem(group.position, raw=group.post)
        yield from held


def grouped_rows(path: Path, source: str, platform: str,
                 map_row: Callable[[Mapping[str, Any]], RowResult]) -> Iterator[ReadItem]:
    """The posts of a comment-row file: each JSON object (or CSV row) mapped by `map_row`, the
    comments gathered per post key into a captionless post. A row that is not an object, that
    `map_row` rejects (a reason string) or that breaks it (MAPPING_ERRORS) is quarantined (E015)
    in its place in the file order; unreadable items keep theirs."""
    grouper = PostGrouper(source, lambda key, _pos: captionless_post(source, platform, key))
    for position, value, error in source_items(path):
        if error is not None:
            yield from grouper.hold(error)
            continue
        if not isinstance(value, Mapping):
            yield from grouper.reject(position, f"expected a JSON object, got {type(value).__name__}", value)
            continue
        try:
            mapped = map_row(value)
        except MAPPING_ERRORS as err:
            mapped = why(err)
        if isinstance(mapped, str):
            yield from grouper.reject(position, mapped, value)
            continue
        yield from grouper.add(position, *mapped)
    yield from grouper.close()


def captionless_post(source: str, platform: str, key: str, **fields: Any) -> dict[str, Any]:
    """The post record of a comment-only source: no caption, `meta.caption` says so."""
    raw: dict[str, Any] = {"id": key, "text": "", "platform": platform}
    raw.update({name: value for name, value in fields.items() if value is not None})
    raw["comments"] = []
    raw["meta"] = {"source": source, "caption": "missing"}
    return raw
