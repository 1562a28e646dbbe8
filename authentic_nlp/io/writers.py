"""Writing scored records and quarantine records; reading scored records back.

JSON Lines and Parquet keep the nested record (Parquet with the typed Arrow schema of
`parquet_schema.py`); CSV writes the flat shape of `columns.py` (dotted column names, fixed order,
lists as JSON strings). All three stream: one record in, one row out
(Parquet: one row group per batch). Quarantine files are always JSON Lines.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

from ..errors import AuthenticNLPError
from .base import FORMATS, RecordWriter
from .formats import format_of
from .jsonl import JsonlWriter


def open_writer(path: Path, fmt: str | None = None) -> RecordWriter:
    kind = format_of(Path(path), fmt)
    if kind == "jsonl":
        return JsonlWriter(Path(path))
    if kind == "csv":
        from .csv_io import CsvWriter

        return CsvWriter(Path(path))
    if kind == "parquet":
        from .parquet_io import ParquetRecordWriter

        return ParquetRecordWriter(Path(path))
    raise AuthenticNLPError("E104", format=kind, allowed=", ".join(FORMATS))


def read_scored(path: Path, fmt: str | None = None) -> Iterator[dict[str, Any]]:
    """Scored records from an output file of any format, as nested records (flat files unflattened)."""
    kind = format_of(Path(path), fmt)
    if kind == "jsonl":
        with open(path, "r", encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield json.loads(line)
        return
    if kind == "parquet":
        from .parquet_io import read_scored_parquet

        yield from read_scored_parquet(Path(path))
        return
    from .columns import unflatten_record
    from .csv_io import read_scored_csv

    for flat in read_scored_csv(Path(path)):
        yield unflatten_record(flat)


def quarantine_path_for(output: Path) -> Path:
    """`results.jsonl` -> `results.quarantine.jsonl`, `run.v1.jsonl` -> `run.v1.quarantine.jsonl`:
    the whole name less its last suffix, so runs whose names differ only before it never share a
    quarantine file (always JSON Lines, whatever the output format)."""
    output = Path(output)
    return output.with_name(f"{output.stem}.quarantine.jsonl")
