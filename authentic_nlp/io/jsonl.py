"""JSON Lines: one object a line, UTF-8. Blank lines are not records and are passed over."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any, Iterator

from ..errors import RecordError, SourcePosition
from .base import ReadItem


def read_jsonl(path: Path) -> Iterator[ReadItem]:
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            position = SourcePosition(str(path), line=number)
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError as err:
                yield ReadItem(position, error=RecordError("E008", detail=str(err)),
                               raw_text=line.decode("utf-8", "replace").rstrip("\r\n"))
                continue
            try:
                raw = json.loads(text)
            except json.JSONDecodeError as err:
                yield ReadItem(position, error=RecordError("E007", detail=str(err)), raw_text=text.rstrip("\r\n"))
                continue
            yield ReadItem(position, raw=raw)


def dumps(record: Any) -> str:
    """The one JSON encoding of output records: compact, UTF-8, key order as built."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


class JsonlWriter:
    def __init__(self, path: Path) -> None:
        self._handle: IO[str] = open(path, "w", encoding="utf-8", newline="\n")

    def write(self, record: dict[str, Any]) -> None:
        self._handle.write(dumps(record) + "\n")

    def close(self) -> None:
        self._handle.close()
