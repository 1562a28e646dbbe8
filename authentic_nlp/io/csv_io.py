"""CSV: contract posts in (one post a row, `comments` as a JSON string column), flat scored records out.

Reading:
- positions are 1-based data rows (the header is not a row; blank lines are not rows);
- cells are strings; `schema.parse_post` accepts digit strings and boolean strings;
- an empty cell means the field is absent, except `text`, whose empty cell is the empty caption
  (the contract's `text` is required and may be "");
- a row that is not valid UTF-8, or has more cells than the header, is a read error for that row
  only (E008, E013): the rows after it are read as usual.
- quotes are read strictly: a quoted cell that never closes, or text after a closing quote, is a
  read error (E020) naming the line where the row starts; reading goes on at the next line, so an
  unterminated quote can never swallow the rows after it into one caption. A quoted cell may
  span at most MAX_ROW_LINES lines.
- a UTF-8 byte-order mark (Excel) is dropped.
"""

from __future__ import annotations

import csv
from collections import deque
from pathlib import Path
from typing import IO, Any, Iterator, Sequence

from ..errors import AuthenticNLPError, RecordError, SourcePosition
from .base import ReadItem
from .columns import cell_to_text, flatten_record, output_columns, text_to_cell
from .spreadsheet import CsvRows, restore

FIELD_SIZE_LIMIT = 1 << 28          # 256 MiB a cell: large captions are data, not a reason to stop
KEEP_EMPTY = frozenset({"text"})    # required fields whose empty cell is the empty string
MAX_ROW_LINES = 1000                # lines one row may span (captions with line breaks: a few dozen)


class _RowTooLong(csv.Error):
    pass


class _Lines:
    """The file's physical lines for `csv.reader`, numbered; the lines a row took can be pushed back
    so that reading restarts on the line after a broken row's first."""

    def __init__(self, handle: IO[str]) -> None:
        self._handle = handle
        self._back: deque[tuple[int, str]] = deque()
        self.number = 0
        self.taken: list[tuple[int, str]] = []

    def __iter__(self) -> "_Lines":
        return self

    def __next__(self) -> str:
        if len(self.taken) >= MAX_ROW_LINES:
            raise _RowTooLong(f"a quoted cell runs past {MAX_ROW_LINES} lines")
        if self._back:
            number, line = self._back.popleft()
        else:
            line = next(self._handle)
            self.number += 1
            number = self.number
        self.taken.append((number, line))
        return line

    def start_row(self) -> None:
        self.taken = []

    def reread_after_first(self) -> tuple[int, str]:
        """The broken row's first line (number, text); its other lines will be read again."""
        first = self.taken[0] if self.taken else (self.number, "")
        self._back.extendleft(reversed(self.taken[1:]))
        self.taken = []
        return first


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
        lines = _Lines(handle)
        reader = csv.reader(lines, strict=True)
        try:
            header = rename_header(path, next(reader, []), column_map)
        except csv.Error as err:
            raise AuthenticNLPError("E107", path=str(path), detail=f"header: {err}") from None
        row = 0
        while True:
            lines.start_row()
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as err:
                row += 1
                number, text = lines.reread_after_first()
                detail = f"a quote is not closed where it should be ({err}); the row is not read"
                yield ReadItem(SourcePosition(str(path), line=number, row=row),
                               error=RecordError("E020", line=number, detail=detail), raw_text=_readable([text]))
                reader = csv.reader(lines, strict=True)
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
    """Scored records as flat CSV rows; the header (fixed columns) is written on open. Cells that a
    spreadsheet would run as formulas are neutralized (`spreadsheet.neutralize`)."""

    def __init__(self, path: Path, append: bool = False) -> None:
        self._columns = output_columns()
        continuing = append and path.exists() and path.stat().st_size > 0
        self._handle = open(path, "a" if continuing else "w", encoding="utf-8", newline="")
        self._writer = CsvRows(self._handle)
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
                yield {name: text_to_cell(name, restore(cell)) for name, cell in zip(header, cells)}
