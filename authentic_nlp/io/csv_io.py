"""CSV: contract posts in (one post a row, `comments` as a JSON string column), flat scored records out.

Reading:
- positions are 1-based data rows (the header is not a row; blank lines are not rows);
- cells are strings; `schema.parse_post` accepts digit strings and boolean strings;
- an empty cell means the field is absent, except `text`, whose empty cell is the empty caption
  (the contract's `text` is required and may be "");
- a row that is not valid UTF-8, or has more cells than the header, is a read error for that row
  only (E008, E013): the rows after it are read as usual.
- a UTF-8 byte-order mark (Excel) is dropped.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import IO, Any, Iterator, Sequence

from ..errors import AuthenticNLPError, RecordError, SourcePosition
from .base import ReadItem
from .columns import cell_to_text, flatten_record, output_columns, text_to_cell

FIELD_SIZE_LIMIT = 1 << 28          # 256 MiB a cell: large captions are data, not a reason to stop
KEEP_EMPTY = frozenset({"text"})    # required fields whose empty cell is the empty string


def _raise_field_limit() -> None:
    if csv.field_size_limit() < FIELD_SIZE_LIMIT:
        csv.field_size_limit(FIELD_SIZE_LIMIT)


def _open_text(path: Path) -> IO[str]:
    # surrogateescape: undecodable bytes survive as lone surrogates, so one bad row is reported
    # as that row's error instead of ending the whole file.
    return open(path, "r", encoding="utf-8-sig", errors="surrogateescape", newline="")


def _has_surrogates(cells: Sequence[str]) -> bool:
    for cell in cells:
        try:
            cell.encode("utf-8")
        except UnicodeEncodeError:
            return True
    return False


def _readable(cells: Sequence[str]) -> str:
    """A row as far as it can be read, undecodable bytes replaced (for the quarantine file)."""
    return ",".join(c.encode("utf-8", "surrogateescape").decode("utf-8", "replace") for c in cells)


def read_header(path: Path, column_map: dict[str, str] | None = None) -> list[str]:
    """The header row, renamed by `column_map` ({contract field: source column})."""
    _raise_field_limit()
    with _open_text(path) as handle:
        try:
            header = next(csv.reader(handle), [])
        except csv.Error as err:
            raise AuthenticNLPError("E107", path=str(path), detail=f"header: {err}") from None
    return rename_header(path, header, column_map)


def rename_header(path: Path, header: list[str], column_map: dict[str, str] | None) -> list[str]:
    renames = {source: target for target, source in (column_map or {}).items()}
    names = [renames.get(cell.strip(), cell.strip()) for cell in header]
    named = [n for n in names if n]
    duplicates = sorted({n for n in named if named.count(n) > 1})
    if duplicates:
        raise AuthenticNLPError("E107", path=str(path), detail=f"duplicate column(s) {', '.join(duplicates)}")
    return names


def iter_csv_rows(path: Path, column_map: dict[str, str] | None = None,
                  keep_empty: frozenset[str] = KEEP_EMPTY) -> Iterator[ReadItem]:
    """Each data row as a dict of its non-empty cells (column names renamed by `column_map`)."""
    _raise_field_limit()
    with _open_text(path) as handle:
        reader = csv.reader(handle)
        try:
            header = rename_header(path, next(reader, []), column_map)
        except csv.Error as err:
            raise AuthenticNLPError("E107", path=str(path), detail=f"header: {err}") from None
        row = 0
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as err:
                row += 1
                yield ReadItem(SourcePosition(str(path), row=row), error=RecordError("E013", detail=str(err)))
                continue
            if not cells:
                continue
            row += 1
            position = SourcePosition(str(path), row=row)
            if _has_surrogates(cells):
                yield ReadItem(position, error=RecordError("E008", detail="undecodable bytes in the row"),
                               raw_text=_readable(cells))
                continue
            if len(cells) > len(header):
                detail = f"{len(cells)} cells but the header has {len(header)} columns"
                yield ReadItem(position, error=RecordError("E013", detail=detail), raw_text=_readable(cells))
                continue
            raw = {name: cell for name, cell in zip(header, cells) if name and (cell != "" or name in keep_empty)}
            yield ReadItem(position, raw=raw)


class CsvWriter:
    """Scored records as flat CSV rows; the header (fixed columns) is written on open."""

    def __init__(self, path: Path, append: bool = False) -> None:
        self._columns = output_columns()
        continuing = append and path.exists() and path.stat().st_size > 0
        self._handle = open(path, "a" if continuing else "w", encoding="utf-8", newline="")
        self._writer = csv.writer(self._handle, lineterminator="\n")
        if not continuing:
            self._writer.writerow(self._columns)

    def write(self, record: dict[str, Any]) -> None:
        flat = flatten_record(record, self._columns)
        self._writer.writerow([cell_to_text(flat[name]) for name in self._columns])

    def flush(self) -> None:
        self._handle.flush()

    def close(self) -> None:
        self._handle.close()


def read_scored_csv(path: Path) -> Iterator[dict[str, Any]]:
    """Flat scored rows back as typed {column: value} dicts (see `columns.unflatten_record`)."""
    _raise_field_limit()
    with open(path, "r", encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        for cells in reader:
            if cells:
                yield {name: text_to_cell(name, cell) for name, cell in zip(header, cells)}
