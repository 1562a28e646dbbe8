"""The flat (CSV) shape of scored records: dotted column names, fixed order, fixed types.

Nested keys are joined with dots (`sponsorship.verdict`); lists (evidence lists, the per-comment
list) are stored as one JSON string per cell. The column set, its order and its types come from
`record.RECORD_SCHEMA`, so the writer knows its columns before the first record arrives and can
stream. (Parquet keeps the nested shape instead: `parquet_schema.py`.) Keys outside that set (a field an analyzer
added without declaring it in `record.py`) are never dropped: they go, as one JSON object keyed by
dotted name, into the last column, `extra`, and a warning names them once per run.
"""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from typing import Any, Iterator, Mapping

from .jsonl import dumps

logger = logging.getLogger("authentic_nlp")

EXTRA_COLUMN = "extra"


def _leaves(spec: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(dotted name, type) of every column: nested records are spread out, lists stay one column."""
    for key, inner in spec.items():
        name = f"{prefix}{key}"
        if isinstance(inner, Mapping):
            yield from _leaves(inner, name + ".")
        else:
            yield name, inner


@lru_cache(maxsize=1)
def _column_types() -> dict[str, Any]:
    from ..record import RECORD_SCHEMA

    return dict(_leaves(RECORD_SCHEMA))


def output_columns() -> tuple[str, ...]:
    """Every column of the flat output, in order, from `record.RECORD_SCHEMA`."""
    return tuple(_column_types()) + (EXTRA_COLUMN,)


def column_kind(name: str) -> str:
    """The column's type: float, int, bool or str (text, and lists as JSON text)."""
    kind = _column_types().get(name, "str")
    return kind if isinstance(kind, str) else "str"


def flatten_record(record: Mapping[str, Any], columns: tuple[str, ...] | None = None) -> dict[str, Any]:
    """One scored record -> {column: scalar or None}, every column present, lists as JSON strings.

    Undeclared keys go into the `extra` column (a JSON object keyed by dotted name, values as is).
    """
    columns = columns or output_columns()
    declared = _column_set(columns)
    flat: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    _flatten_into(record, "", flat, extra, declared)
    if extra:
        _warn_undeclared(tuple(extra))
        flat[EXTRA_COLUMN] = dumps(extra)
    return {name: flat.get(name) for name in columns}


@lru_cache(maxsize=4)
def _column_set(columns: tuple[str, ...]) -> frozenset[str]:
    return frozenset(columns)


@lru_cache(maxsize=256)
def _warn_undeclared(names: tuple[str, ...]) -> None:
    logger.warning("fields not declared in record.py went to the '%s' column: %s", EXTRA_COLUMN, ", ".join(names))


def _flatten_into(value: Mapping[str, Any], prefix: str, out: dict[str, Any], extra: dict[str, Any],
                  declared: frozenset[str]) -> None:
    for key, inner in value.items():
        name = f"{prefix}{key}"
        if isinstance(inner, Mapping) and inner and name not in declared:
            _flatten_into(inner, name + ".", out, extra, declared)
        elif name not in declared:
            extra[name] = inner
        else:
            fitted = _fit(name, inner)
            if fitted is _MISFIT:
                _warn_misfit(name, type(inner).__name__)
                extra[name] = inner
            else:
                out[name] = fitted


_MISFIT = object()


def _fit(name: str, value: Any) -> Any:
    """A value in its column's type, or _MISFIT. Lists and dicts become JSON text in text columns,
    and so do numbers and booleans in a text column (a typed column not yet in the tables above)."""
    if value is None:
        return None
    kind = column_kind(name)
    if kind == "str":
        return value if isinstance(value, str) else dumps(list(value) if isinstance(value, tuple) else value)
    if isinstance(value, bool):
        return value if kind == "bool" else _MISFIT
    if kind == "float" and isinstance(value, (int, float)):
        return float(value)
    if kind == "int" and isinstance(value, int):
        return value
    if kind == "int" and isinstance(value, float) and value.is_integer():
        return int(value)
    return _MISFIT


@lru_cache(maxsize=256)
def _warn_misfit(name: str, type_name: str) -> None:
    logger.warning("column '%s' got a %s, which its type cannot hold; such values went to the '%s' column",
                   name, type_name, EXTRA_COLUMN)


def unflatten_record(flat: Mapping[str, Any]) -> dict[str, Any]:
    """The inverse of `flatten_record` for typed values (list columns and `extra` parsed back)."""
    record: dict[str, Any] = {}
    for name, value in flat.items():
        if name == EXTRA_COLUMN:
            continue
        if isinstance(value, str) and _is_list_column(name):
            value = json.loads(value)
        _put(record, name, value)
    extra = flat.get(EXTRA_COLUMN)
    if extra:
        for name, value in json.loads(extra).items():
            _put(record, name, value)
    return record


def _put(record: dict[str, Any], name: str, value: Any) -> None:
    parts = name.split(".")
    node = record
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value


def _is_list_column(name: str) -> bool:
    """Columns that hold a list in the nested record (evidence lists, the comments list)."""
    return isinstance(_column_types().get(name), list)


def cell_to_text(value: Any) -> str:
    """A flat value as a CSV cell: null -> empty, booleans lower-case, floats exact (repr)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (dict, list)):
        return dumps(value)
    return str(value)


def text_to_cell(name: str, text: str) -> Any:
    """A CSV cell back to its typed value (the inverse of `cell_to_text` for output columns). An
    empty cell is null, except in `text`, where it is the empty caption (as in the input contract)."""
    if text == "":
        return "" if name == "text" else None
    kind = column_kind(name)
    if kind == "float":
        return float(text)
    if kind == "int":
        return int(text)
    if kind == "bool":
        return text == "true"
    return text
