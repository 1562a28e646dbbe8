"""The duplicate post-id check, kept on disk so memory stays flat however many posts go by.

Post ids must be unique within the input; a later record with an id already seen is rejected
(E009, naming where the id was first seen). Only scored records register their id: the runner
calls `add` on each outcome in input order, so a rejected record's id is free for a later one. The ids seen so far live in a temporary SQLite table
(exact ids, no hashing, so no false duplicates), one uncommitted transaction, a bounded page cache.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from ..errors import RecordError, SourcePosition
from ..io.base import ReadItem

CACHE_KIB = 8 * 1024


class SeenIds:
    def __init__(self) -> None:
        self._dir: tempfile.TemporaryDirectory[str] | None = None
        self._db: sqlite3.Connection | None = None
        self._paths: dict[str, int] = {}   # input files, numbered (a handful)

    def _open(self) -> sqlite3.Connection:
        self._dir = tempfile.TemporaryDirectory(prefix="authentic_nlp_ids_")
        db = sqlite3.connect(Path(self._dir.name) / "ids.sqlite", isolation_level=None)
        for pragma in ("journal_mode=OFF", "synchronous=OFF", f"cache_size=-{CACHE_KIB}", "temp_store=FILE"):
            db.execute(f"PRAGMA {pragma}")
        db.execute("CREATE TABLE ids (id TEXT PRIMARY KEY, file INTEGER, line INTEGER, row INTEGER) WITHOUT ROWID")
        db.execute("BEGIN")
        return db

    def add(self, key: str, position: SourcePosition) -> SourcePosition | None:
        """Register `key` at `position`; returns where it was first seen when it was seen before."""
        if self._db is None:
            self._db = self._open()
        file = self._paths.setdefault(position.path, len(self._paths))
        inserted = self._db.execute("INSERT OR IGNORE INTO ids VALUES (?, ?, ?, ?)",
                                    (key, file, position.line, position.row)).rowcount
        if inserted:
            return None
        file, line, row = self._db.execute("SELECT file, line, row FROM ids WHERE id = ?", (key,)).fetchone()
        path = next(p for p, n in self._paths.items() if n == file)
        return SourcePosition(path, line=line, row=row)

    def check(self, item: ReadItem) -> ReadItem:
        """Check an id as its record is read (the Ray stages, which score out of order): the item
        unchanged, or with an E009 error when its id was read before. The id is held from its first
        readable record on; the local runner `add`s only scored records' ids, so the two differ only
        where a record rejected for another reason shares its id with a later one."""
        raw = item.raw
        value = raw.get("id") if item.error is None and isinstance(raw, dict) else None
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            return item  # validation names the problem
        first = self.add(str(value).strip(), item.position)
        if first is None:
            return item
        return ReadItem(item.position, raw=raw, error=RecordError("E009", field="id", value=value, first=str(first)))

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._dir is not None:
            self._dir.cleanup()
            self._dir = None
