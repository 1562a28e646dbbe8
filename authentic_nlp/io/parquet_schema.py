"""The nested Parquet shape of scored records: one fixed Arrow schema built from `record.RECORD_SCHEMA`.

Nested records are `struct` columns and lists are `list<...>` columns (`comments` is
`list<struct<id, author, text, ..., evidence: list<struct<kind, text, start, end, ...>>>>`), so
pandas, DuckDB and Spark read them without JSON parsing (`SELECT sponsorship.verdict`,
`UNNEST(comments)`). Every field is nullable; a field a record lacks reads back as null. The
schema is the same for every row group whatever the records hold.

Values the schema does not declare (a field an analyzer added without declaring it in `record.py`,
or a value its field's type cannot hold, such as a count beyond 64 bits) are never dropped: they go,
as one JSON object keyed by path (`review`, `sponsorship.labels`, `comments[3].note`), into the
last column, `extra`, a warning names them once per run, and `restore_extra` puts them back.
"""

from __future__ import annotations

import json
import logging
import re
from functools import lru_cache
from typing import Any, Mapping

from .columns import EXTRA_COLUMN
from .jsonl import dumps

logger = logging.getLogger("authentic_nlp")
INT64 = (-(1 << 63), (1 << 63) - 1)
_MISFIT = object()
_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def arrow_type(spec: Any):
    import pyarrow as pa

    if isinstance(spec, Mapping):
        return pa.struct([pa.field(name, arrow_type(inner)) for name, inner in spec.items()])
    if isinstance(spec, list):
        return pa.list_(arrow_type(spec[0]))
    return {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}[spec]


@lru_cache(maxsize=1)
def output_arrow_schema():
    """The Arrow schema of every scored Parquet file: the record's fields, then `extra` (JSON text)."""
    import pyarrow as pa

    from ..record import RECORD_SCHEMA

    fields = [pa.field(name, arrow_type(spec)) for name, spec in RECORD_SCHEMA.items()]
    return pa.schema(fields + [pa.field(EXTRA_COLUMN, pa.string())])


def fit_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record as one row of `output_arrow_schema()`: declared values in their types, the rest in `extra`."""
    from ..record import RECORD_SCHEMA

    extra: dict[str, Any] = {}
    row = _fit(record, RECORD_SCHEMA, "", extra)
    if extra:
        _warn_extra(tuple(extra))
        row[EXTRA_COLUMN] = dumps(extra)
    return row


def _fit(value: Any, spec: Any, path: str, extra: dict[str, Any]) -> Any:
    if value is None:
        return None
    if isinstance(spec, Mapping):
        if not isinstance(value, Mapping):
            extra[path] = value
            return None
        out = {}
        for key, inner in value.items():
            name = f"{path}.{key}" if path else key
            if key in spec:
                out[key] = _fit(inner, spec[key], name, extra)
            else:
                extra[name] = inner
        return out
    if isinstance(spec, list):
        if not isinstance(value, (list, tuple)):
            extra[path] = value
            return None
        return [_fit(item, spec[0], f"{path}[{index}]", extra) for index, item in enumerate(value)]
    fitted = _scalar(value, spec)
    if fitted is _MISFIT:
        extra[path] = value
        return None
    return fitted


def _scalar(value: Any, kind: str) -> Any:
    if kind == "str":
        return value if isinstance(value, str) else _MISFIT
    if isinstance(value, bool):
        return value if kind == "bool" else _MISFIT
    if kind == "float" and isinstance(value, (int, float)):
        return float(value)
    if kind == "int" and isinstance(value, float) and value.is_integer():
        value = int(value)
    if kind == "int" and isinstance(value, int) and INT64[0] <= value <= INT64[1]:
        return value
    return _MISFIT


@lru_cache(maxsize=256)
def _warn_extra(paths: tuple[str, ...]) -> None:
    logger.warning("values not declared in record.py (or not of their declared type) went to the '%s' "
                   "column: %s", EXTRA_COLUMN, ", ".join(paths))


def restore_extra(row: dict[str, Any]) -> dict[str, Any]:
    """A Parquet row back as a record: the `extra` column's values put back where they came from."""
    extra = row.pop(EXTRA_COLUMN, None)
    if extra:
        for path, value in json.loads(extra).items():
            _put(row, path, value)
    return row


def _put(node: Any, path: str, value: Any) -> None:
    parts = [int(index) if index else key for key, index in _PATH_PART.findall(path)]
    for part, following in zip(parts, parts[1:]):
        if isinstance(part, int):
            node = node[part]
        else:
            if node.get(part) is None:
                node[part] = [] if isinstance(following, int) else {}
            node = node[part]
    node[parts[-1]] = value
