"""Parquet: contract posts in, nested scored records out, both streamed in batches with pyarrow.

Reading goes batch by batch (`iter_batches`), so only one batch of rows is in memory. Positions are
1-based data rows across the whole file. A null cell means the field is absent. `comments` may be a
JSON string column (the flat form) or a list of structs. Timestamps become ISO-8601 strings and
binary cells are decoded as UTF-8 (E008 when they are not), so every record is plain JSON.

Writing uses one `ParquetWriter` with the fixed nested schema of `parquet_schema.output_arrow_schema()`
(structs and lists as native Arrow types); records are buffered and written one row group per
`BATCH_ROWS` records.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator

from ..errors import AuthenticNLPError, RecordError, SourcePosition
from .base import ReadItem
from .parquet_schema import fit_record, output_arrow_schema, restore_extra

READ_BATCH_ROWS = 512
BATCH_ROWS = 1024


def _parquet_file(path: Path):
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path)
    except Exception as err:  # pyarrow raises several types for a damaged or foreign file
        raise AuthenticNLPError("E107", path=str(path), detail=str(err)) from None


def read_columns(path: Path, column_map: dict[str, str] | None = None) -> list[str]:
    renames = {source: target for target, source in (column_map or {}).items()}
    return [renames.get(name, name) for name in _parquet_file(path).schema_arrow.names]


class _Undecodable(Exception):
    pass


def _plain(value: Any) -> Any:
    """A pyarrow Python value as a plain JSON value; None in dicts means absent and is dropped."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError as err:
            raise _Undecodable(str(err)) from None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    return value


def iter_parquet_rows(path: Path, column_map: dict[str, str] | None = None) -> Iterator[ReadItem]:
    """Each row as a dict of its non-null cells (column names renamed by `column_map`)."""
    handle = _parquet_file(path)
    names = read_columns(path, column_map)
    row = 0
    try:
        for batch in handle.iter_batches(batch_size=READ_BATCH_ROWS):
            columns = [column.to_pylist() for column in batch.columns]
            for values in zip(*columns):
                row += 1
                position = SourcePosition(str(path), row=row)
                raw = {name: value for name, value in zip(names, values) if value is not None}
                try:
                    plain = _plain(raw)
                except _Undecodable as err:
                    yield ReadItem(position, error=RecordError("E008", detail=str(err)),
                                   raw_text=repr(raw)[:10_000])
                    continue
                yield ReadItem(position, raw=plain)
    finally:
        handle.close()


class ParquetRecordWriter:
    """Scored records as nested Parquet rows with a fixed schema, written in row groups."""

    def __init__(self, path: Path) -> None:
        import pyarrow.parquet as pq

        self._schema = output_arrow_schema()
        self._writer = pq.ParquetWriter(path, self._schema)
        self._buffer: list[dict[str, Any]] = []

    def write(self, record: dict[str, Any]) -> None:
        self._buffer.append(fit_record(record))
        if len(self._buffer) >= BATCH_ROWS:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self._buffer:
            self._writer.write_table(pa.Table.from_pylist(self._buffer, schema=self._schema))
            self._buffer = []

    def close(self) -> None:
        try:
            self._flush()
        finally:
            self._writer.close()


def read_scored_parquet(path: Path) -> Iterator[dict[str, Any]]:
    """Scored records back, batch by batch: nested rows as they are, with their `extra` values put
    back; flat rows (dotted columns, as earlier versions wrote) unflattened."""
    from .columns import unflatten_record

    handle = _parquet_file(path)
    flat = any("." in name for name in handle.schema_arrow.names)
    try:
        for batch in handle.iter_batches(batch_size=READ_BATCH_ROWS):
            for row in batch.to_pylist():
                yield unflatten_record(row) if flat else restore_extra(row)
    finally:
        handle.close()
