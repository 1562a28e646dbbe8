"""What readers yield and writers take."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from ..errors import RecordError, SourcePosition

FORMATS = ("jsonl", "csv", "parquet")


@dataclass(slots=True)
class ReadItem:
    """One input record as read: either `raw` (a dict to validate) or `error` (it could not be read).

    `raw_text` keeps the record as far as it could be read, for the quarantine file.
    """

    position: SourcePosition
    raw: Any = None
    error: RecordError | None = None
    raw_text: str | None = None
    warnings: list[dict[str, Any]] | None = None   # what was repaired in `raw` (lone surrogates)


class RecordWriter(Protocol):
    def write(self, record: dict[str, Any]) -> None: ...

    def close(self) -> None: ...
