"""Joining a flat comments file (one comment a row, with `post_id`) to the posts, without holding either.

The approach: one pass over the comments file loads every row into an on-disk SQLite index
(a temporary file, keyed by `post_id`, in file order). Posts then stream past as usual; each post
looks up its comments with one indexed query and they are appended, in comments-file order, to any
comments the post already carries. Memory stays flat: neither the posts nor the comments are held
in Python, only SQLite's bounded page cache. The temporary index is deleted when reading ends.

Nothing is dropped silently. After the last post, `leftovers()` yields one error item per comment
row that matched no post (E106), lacked a `post_id` (E002) or could not be read at all, each with
its own position in the comments file, so the quarantine file accounts for every row.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import RecordError, SourcePosition
from .base import ReadItem

INSERT_BATCH = 5000
CACHE_KIB = 16 * 1024  # SQLite page cache: 16 MiB, whatever the file size


def _key(value: Any) -> str | None:
    if value is None or isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    text = str(value).strip()
    return text or None


class CommentIndex:
    """The comments of one flat comments file, findable by post id."""

    def __init__(self, path: Path, rows: Iterable[ReadItem]) -> None:
        self.path = Path(path)
        self._dir = tempfile.TemporaryDirectory(prefix="authentic_nlp_comments_")
        self._db = sqlite3.connect(Path(self._dir.name) / "comments.sqlite", isolation_level=None)
        for pragma in ("journal_mode=OFF", "synchronous=OFF", f"cache_size=-{CACHE_KIB}", "temp_store=FILE"):
            self._db.execute(f"PRAGMA {pragma}")
        self._db.execute(
            "CREATE TABLE rows (seq INTEGER PRIMARY KEY, post_id TEXT, line INTEGER, row INTEGER,"
            " raw TEXT, error TEXT, used INTEGER NOT NULL DEFAULT 0)"
        )
        try:
            self._load(rows)
        except BaseException:
            self.close()
            raise
        self.rows = self._db.execute("SELECT count(*) FROM rows").fetchone()[0]

    def _load(self, rows: Iterable[ReadItem]) -> None:
        batch: list[tuple[Any, ...]] = []
        self._db.execute("BEGIN")
        for item in rows:
            batch.append(self._row(item))
            if len(batch) >= INSERT_BATCH:
                self._db.executemany("INSERT INTO rows (post_id, line, row, raw, error) VALUES (?,?,?,?,?)", batch)
                batch = []
        if batch:
            self._db.executemany("INSERT INTO rows (post_id, line, row, raw, error) VALUES (?,?,?,?,?)", batch)
        self._db.execute("CREATE INDEX rows_post ON rows (post_id, seq)")
        self._db.execute("COMMIT")

    @staticmethod
    def _row(item: ReadItem) -> tuple[Any, ...]:
        position = item.position
        if item.error is not None:
            error = json.dumps({"code": item.error.code, "details": item.error.details}, default=str)
            return (None, position.line, position.row, item.raw_text, error)
        raw = item.raw
        if not isinstance(raw, dict):
            error = json.dumps({"code": "E001", "details": {"type": type(raw).__name__}})
            return (None, position.line, position.row, json.dumps(raw, ensure_ascii=False), error)
        comment = {k: v for k, v in raw.items() if k != "post_id"}
        key = _key(raw.get("post_id"))
        error = None if key else json.dumps({"code": "E002", "details": {"field": "post_id"}})
        return (key, position.line, position.row, json.dumps(comment, ensure_ascii=False), error)

    def comments_for(self, post_id: str) -> list[dict[str, Any]]:
        found = self._db.execute("SELECT raw FROM rows WHERE post_id = ? ORDER BY seq", (post_id,)).fetchall()
        if found:
            self._db.execute("UPDATE rows SET used = 1 WHERE post_id = ?", (post_id,))
        return [json.loads(raw) for (raw,) in found]

    def attach(self, items: Iterable[ReadItem]) -> Iterator[ReadItem]:
        """The posts, each with its comments from the file appended to those it already has."""
        for item in items:
            raw = item.raw
            key = _key(raw.get("id")) if item.error is None and isinstance(raw, dict) else None
            if key is not None:
                joined = self.comments_for(key)
                if joined:
                    _merge(raw, joined)
            yield item

    def leftovers(self) -> Iterator[ReadItem]:
        """One error item per comment row that was not joined to a post, in file order."""
        cursor = self._db.execute(
            "SELECT post_id, line, row, raw, error FROM rows WHERE used = 0 ORDER BY seq")
        for post_id, line, row, raw, error in cursor:
            position = SourcePosition(str(self.path), line=line, row=row)
            if error is not None:
                info = json.loads(error)
                err = RecordError(info["code"], **info["details"])
                record = _loads_or_text(raw)
            else:
                err = RecordError("E106", field="post_id", path=str(self.path), row=line or row, value=post_id)
                record = json.loads(raw)
                record = {"post_id": post_id, **record}
            yield ReadItem(position, raw=record if isinstance(record, dict) else None, error=err,
                           raw_text=record if isinstance(record, str) else None)

    def close(self) -> None:
        self._db.close()
        self._dir.cleanup()


def _loads_or_text(raw: str | None) -> Any:
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return raw


def _merge(post: dict[str, Any], joined: list[dict[str, Any]]) -> None:
    """Append the joined comments; a post whose own `comments` cannot be read keeps it as is,
    so validation reports that field (and the quarantine record shows what was there)."""
    own = post.get("comments")
    if isinstance(own, str):
        if not own.strip():
            own = None
        else:
            try:
                own = json.loads(own)
            except json.JSONDecodeError:
                return
    if own is None:
        post["comments"] = joined
    elif isinstance(own, list):
        post["comments"] = own + joined
