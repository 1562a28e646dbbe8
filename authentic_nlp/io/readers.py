"""Reading contract records from files, in input order, one at a time.

A file in the contract shape (JSON Lines, CSV or Parquet with at least `id` and `text`, after
`column_map`) is read here. Everything else goes to the platform adapters
(`io.adapters.read_source`), which turn exports and scraper output into contract records: every
file when a `source` is named, a file the adapters claim (`io.adapters.claim`: folders, archives,
exports recognisable by their keys even when they have `id` and `text`), and a file without the
contract's columns. A CSV read with a column map always goes to the adapters (the `csv` source
or the scraper its header shows): they read counts, flags and times as such and keep the other
columns under `meta`. Either way every record comes out as one `ReadItem`, in file order.

`creator` (`--creator HANDLE`) names the account when the input cannot: it is given to every
post without a creator (and to the adapters that look for the handle, see `io.adapters`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import AuthenticNLPError
from .base import ReadItem
from .formats import format_of
from .jsonl import read_jsonl

REQUIRED_COLUMNS = ("id", "text")
SNIFF_LINES = 50  # JSON Lines: how many leading records decide whether a file is contract-shaped


def read_records(paths: Iterable[Path], fmt: str | None = None, comments_path: Path | None = None,
                 source: str | None = None, column_map: dict[str, str] | None = None,
                 creator: str | None = None) -> Iterator[ReadItem]:
    """Every record of every file, in order, as contract records.

    `comments_path` is a flat comments file joined on `post_id` (see `comments_join`); rows that
    match no post come last, as error items. `source` names a platform export or scraper format
    (see `io.adapters`); `column_map` ({contract field: source column}) renames columns or keys.
    """
    paths = [Path(p) for p in paths]
    for path in paths:
        if not path.exists():   # folders are allowed: some exports are folders (adapters read them)
            raise AuthenticNLPError("E101", path=str(path))
    index = None
    if comments_path is not None:
        from .comments_join import CommentIndex

        comments_path = Path(comments_path)
        if not comments_path.is_file():
            raise AuthenticNLPError("E101", path=str(comments_path))
        index = CommentIndex(comments_path, comment_rows(comments_path))
    creator = _handle(creator)
    try:
        readers = [_read_one(path, fmt, source, column_map, creator) for path in paths]  # every file's shape, first
        for items in readers:
            if creator is not None:
                items = _with_creator(items, creator)
            yield from index.attach(items) if index is not None else items
        if index is not None:
            yield from index.leftovers()
    finally:
        if index is not None:
            index.close()


def _read_one(path: Path, fmt: str | None, source: str | None, column_map: dict[str, str] | None,
              creator: str | None = None) -> Iterator[ReadItem]:
    if source is not None:
        return _delegate(path, source, column_map, f"--source {source}", creator)
    claimed = _claimed(path) if fmt is None else None
    if claimed is not None:
        return _delegate(path, claimed, column_map, f"recognised as {claimed}", creator)
    kind = format_of(path, fmt)
    if kind == "csv" and column_map and fmt is None:
        return _delegate(path, None, column_map, "a CSV with --map", creator)
    missing = contract_gap(path, kind, column_map)
    if missing:
        return _delegate(path, None, column_map, missing, creator)
    return contract_rows(path, kind, column_map)


def _handle(value: str | None) -> str | None:
    text = value.strip().lstrip("@").strip() if isinstance(value, str) else ""
    return text or None


def _with_creator(items: Iterable[ReadItem], creator: str) -> Iterator[ReadItem]:
    """`--creator HANDLE` for every post that names no creator of its own."""
    for item in items:
        if item.error is None and isinstance(item.raw, dict) and not item.raw.get("creator"):
            item.raw["creator"] = creator
        yield item


def contract_rows(path: Path, kind: str, column_map: dict[str, str] | None = None) -> Iterator[ReadItem]:
    """The rows of a contract-shaped file as raw dicts, whatever its format."""
    if kind == "csv":
        from .csv_io import iter_csv_rows

        return iter_csv_rows(path, column_map)
    if kind == "parquet":
        from .parquet_io import iter_parquet_rows

        return iter_parquet_rows(path, column_map)
    items = read_jsonl(path)
    return _renamed(items, column_map) if column_map else items


def comment_rows(path: Path) -> Iterator[ReadItem]:
    """A flat comments file's rows; its format comes from its suffix."""
    kind = format_of(path)
    if kind == "csv":
        from .csv_io import read_header

        header = read_header(path)
    elif kind == "parquet":
        from .parquet_io import read_columns

        header = read_columns(path)
    else:
        header = None
    if header is not None and "post_id" not in header:
        raise AuthenticNLPError("E105", path=str(path))
    return contract_rows(path, kind)


def _renamed(items: Iterable[ReadItem], column_map: dict[str, str]) -> Iterator[ReadItem]:
    renames = {source: target for target, source in column_map.items()}
    for item in items:
        if isinstance(item.raw, dict):
            item.raw = {renames.get(k, k): v for k, v in item.raw.items()}
        yield item


def contract_gap(path: Path, kind: str, column_map: dict[str, str] | None = None) -> str | None:
    """Why the file is not in the contract shape, or None when it is."""
    if kind == "csv":
        from .csv_io import read_header

        columns = read_header(path, column_map)
    elif kind == "parquet":
        from .parquet_io import read_columns

        columns = read_columns(path, column_map)
    else:
        return _jsonl_gap(path, column_map)
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    return f"no {' or '.join(repr(m) for m in missing)} column" if missing else None


def _jsonl_gap(path: Path, column_map: dict[str, str] | None) -> str | None:
    """JSON Lines is contract-shaped unless it is one JSON document (an array or a pretty-printed
    object) or none of its first records has both `id` and `text`. Unparseable lines do not count:
    they are the records' problem, reported one by one."""
    renames = {source: target for target, source in (column_map or {}).items()}
    objects = 0
    first = True
    with open(path, "rb") as handle:
        for number, line in enumerate(handle):
            stripped = line.strip()
            if not stripped:
                continue
            if first and (stripped in (b"[", b"{") or stripped.startswith(b"[{")):
                return "one JSON document, not one object a line"
            first = False
            try:
                raw: Any = json.loads(stripped)
            except (json.JSONDecodeError, UnicodeDecodeError):
                raw = None
            if isinstance(raw, dict):
                objects += 1
                keys = {renames.get(k, k) for k in raw}
                if all(name in keys for name in REQUIRED_COLUMNS):
                    return None
            if number >= SNIFF_LINES:
                break
    return None if objects == 0 else f"none of the first {objects} records has both 'id' and 'text'"


def _claimed(path: Path) -> str | None:
    """The platform source the adapters recognise in `path` (a folder, an archive, an export that
    happens to have `id` and `text`), or None: then the file is read here if contract-shaped."""
    try:
        from .adapters import claim
    except ImportError:
        return None
    return claim(path)


def _delegate(path: Path, source: str | None, column_map: dict[str, str] | None, reason: str,
              creator: str | None = None) -> Iterator[ReadItem]:
    try:
        from .adapters import read_source
    except ImportError as err:
        raise AuthenticNLPError("E108", path=str(path), reason=reason,
                                detail=f"no platform adapters are installed ({err})") from None
    extra = {"creator": creator} if creator is not None else {}
    return read_source(path, source=source, column_map=column_map, **extra)
