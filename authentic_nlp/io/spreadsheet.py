"""CSV cells that a spreadsheet cannot run as formulas (CSV injection, OWASP's recommendation).

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel,
LibreOffice and Google Sheets (`=HYPERLINK(...)` in a caption or a handle runs when the file is
opened). Every CSV the tool writes passes its text cells through `neutralize`, which prefixes such
a cell with a single quote `'` (shown as text, not evaluated); a cell that already starts with `'`
gets one too, so `restore` (used when the tool reads its own CSV back) is exact. Plain numbers
(`-0.25`, `-3`) are left alone: they are not formulas.

`CsvRows` is the one writer of the tool's CSV files: text cells neutralized, and a row holding a
bare carriage return written fully quoted (Python's csv quotes only the line terminator's
characters, so an unquoted `\r` would split the row when read back).
"""

from __future__ import annotations

import csv
import re
from typing import IO, Any, Sequence

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "'")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def neutralize(cell: str) -> str:
    if cell and cell[0] in TRIGGERS and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def restore(cell: str) -> str:
    """The inverse of `neutralize` for the cells it wrote."""
    return cell[1:] if cell.startswith("'") else cell


class CsvRows:
    """Rows to a text handle, "\n"-terminated, with `neutralize`d text cells."""

    def __init__(self, handle: IO[str]) -> None:
        self._minimal = csv.writer(handle, lineterminator="\n")
        self._quoted = csv.writer(handle, lineterminator="\n", quoting=csv.QUOTE_ALL)

    def writerow(self, cells: Sequence[Any]) -> None:
        row = [neutralize(c) if isinstance(c, str) else c for c in cells]
        carriage = any(isinstance(c, str) and "\r" in c for c in row)
        (self._quoted if carriage else self._minimal).writerow(row)
