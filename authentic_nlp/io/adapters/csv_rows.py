"""CSV rows for the adapters: the contract CSV reader's rows, with flattened column names unified.

Apify's CSV download flattens nested keys with "/" ("authorMeta/name", "latestComments/0/text");
other tools and spreadsheets use "." ("authorMeta.name"). Both become dotted names here, which
`values.get_path` reads exactly like the nested JSON key, so one mapping serves JSON and CSV.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..base import ReadItem
from ..csv_io import iter_csv_rows, read_header


def dotted(name: str) -> str:
    return name.replace("/", ".")


def csv_header(path: Path) -> list[str]:
    return [dotted(name) for name in read_header(path)]


def csv_items(path: Path) -> Iterator[ReadItem]:
    """Each row as {dotted column: non-empty cell}; read errors pass through as error items."""
    for item in iter_csv_rows(path, keep_empty=frozenset()):
        if isinstance(item.raw, dict):
            item.raw = {dotted(name): cell for name, cell in item.raw.items()}
        yield item
