"""CSV rows for the adapters: the contract CSV reader's rows, rebuilt into the nested JSON item.

Apify's CSV download flattens nested keys with "/" ("authorMeta/name", "latestComments/0/text",
"latestComments/0/replies/1/id"); other tools and spreadsheets use "." ("latestComments.0.text");
some write a whole list or object as a JSON string in one cell ("latestComments" holding
'[{"id": ...}]'). All three become the item the JSON download has ({"latestComments": [{"text":
...}]}), so one mapping serves JSON and CSV, and `meta` has the same shape from both.

A dotted column whose head is also a column of its own ("a" and "a.b") is left flat rather than
guessed; a cell is read as JSON only when it holds a list or an object and its column is not a
text column (a caption that starts with "[" stays text).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

from ..base import ReadItem
from ..csv_io import iter_csv_rows, read_header

TEXT_COLUMNS = frozenset({"text", "caption", "title", "description", "desc", "comment", "alt"})


def dotted(name: str) -> str:
    return name.replace("/", ".")


def csv_header(path: Path) -> list[str]:
    return [dotted(name) for name in read_header(path)]


def csv_items(path: Path) -> Iterator[ReadItem]:
    """Each row as the nested item it was flattened from; read errors pass through as error items."""
    for item in iter_csv_rows(path, keep_empty=frozenset()):
        if isinstance(item.raw, dict):
            item.raw = nested_row({dotted(name): cell for name, cell in item.raw.items()})
        yield item


def nested_row(row: dict[str, Any]) -> dict[str, Any]:
    """{"a.0.b": x} -> {"a": [{"b": x}]}; JSON-string cells decoded (see the module docstring)."""
    out: dict[str, Any] = {}
    flat_heads = {name for name in row if "." not in name}
    for name, cell in row.items():
        value = _json_cell(name, cell)
        parts = name.split(".")
        if len(parts) == 1 or parts[0] in flat_heads or any(not part for part in parts):
            out[name] = value
            continue
        node = out.setdefault(parts[0], {})
        if not isinstance(node, dict):
            out[name] = value
            continue
        for part in parts[1:-1]:
            child = node.setdefault(part, {})
            if not isinstance(child, dict):
                break
            node = child
        else:
            node[parts[-1]] = value
            continue
        out[name] = value
    return {name: _lists(value) for name, value in out.items()}


def _json_cell(name: str, cell: Any) -> Any:
    if not isinstance(cell, str) or name.rsplit(".", 1)[-1].lower() in TEXT_COLUMNS:
        return cell
    stripped = cell.strip()
    if not (stripped.startswith("[") and stripped.endswith("]") or stripped.startswith("{") and stripped.endswith("}")):
        return cell
    try:
        value = json.loads(stripped)
    except json.JSONDecodeError:
        return cell
    return value if isinstance(value, (list, dict)) else cell


def _lists(value: Any) -> Any:
    """Objects whose keys are all indexes ("0", "1", ...) become lists, in index order."""
    if not isinstance(value, dict):
        return value
    value = {key: _lists(item) for key, item in value.items()}
    if value and all(key.isdigit() for key in value):
        return [value[key] for key in sorted(value, key=int)]
    return value
