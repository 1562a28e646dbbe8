"""JSON Lines: one object a line, UTF-8. Blank lines are not records and are passed over."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any, Iterator

from ..errors import RecordError, SourcePosition
from ..jsonsafe import MAX_DEPTH, WHOLE, JsonTooDeep, loads
from .base import ReadItem

BOM = b"\xef\xbb\xbf"


def read_jsonl(path: Path) -> Iterator[ReadItem]:
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, start=1):
            if number == 1 and line.startswith(BOM):   # a byte-order mark (Notepad, Excel) is not data
                line = line[len(BOM):]
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
                raw = loads(text)
            except JsonTooDeep:
                yield ReadItem(position, error=RecordError("E016", field=WHOLE, limit=MAX_DEPTH),
                               raw_text=text.rstrip("\r\n"))
                continue
            except json.JSONDecodeError as err:
                yield ReadItem(position, error=RecordError("E007", detail=str(err)), raw_text=text.rstrip("\r\n"))
                continue
            yield ReadItem(position, raw=raw)


def dumps(record: Any) -> str:
    """The one JSON encoding of output records: compact, UTF-8, key order as built."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


class JsonlWriter:
    """`append=True` continues an existing file (`score --resume`)."""

    def __init__(self, path: Path, append: bool = False) -> None:
        self._handle: IO[str] = open(path, "a" if append else "w", encoding="utf-8", newline="\n")

    def write(self, record: dict[str, Any]) -> None:
        self._handle.write(dumps(record) + "\n")

    def flush(self) -> None:
        self._handle.flush()

    def close(self) -> None:
        self._handle.close()
