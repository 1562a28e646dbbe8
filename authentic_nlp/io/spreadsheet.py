"""CSV cells that a spreadsheet cannot run as formulas (CSV injection, OWASP's recommendation).

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel,
LibreOffice and Google Sheets (`=HYPERLINK(...)` in a caption or a handle runs when the file is
opened). Every CSV the tool writes passes its text cells through `neutralize`, which prefixes such
a cell with a single quote `'` (shown as text, not evaluated); a cell that already starts with `'`
gets one too, so `restore` (used when the tool reads its own CSV back) is exact. Plain numbers
(`-0.25`, `-3`) are left alone: they are not formulas.
"""

from __future__ import annotations

import re

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "'")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def neutralize(cell: str) -> str:
    if cell and cell[0] in TRIGGERS and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def restore(cell: str) -> str:
    """The inverse of `neutralize` for the cells it wrote."""
    return cell[1:] if cell.startswith("'") else cell
