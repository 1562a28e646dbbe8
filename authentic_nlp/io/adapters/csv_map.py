"""Any tool's CSV export, read through a column map: `--map text=Description,creator=Account,...`.

Keys of the map are contract post fields, values the CSV's column names as written in its
header. Columns named like the contract field ("text", "id", "creator") need no entry. Values
are read the way such exports write them: counts as "1,234", "1.2K" or "3,4 mln"; flags as
true/false, yes/no, 1/0; times as ISO-8601 or epoch seconds. A cell that cannot be read as its
field (a date written "05/01/2024") is not guessed: the field is left out and the cell is kept
under `meta.unparsed`, and every other column under `meta`.

Without an `id` column the post's id is the file's name and the row number ("export-12"): the
export has no ids, and these are stable for the same file. A file without a text column (after
the map) is refused up front with the columns it does have.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from ...errors import AuthenticNLPError
from ..base import ReadItem
from ..csv_io import iter_csv_rows, read_header
from .base import Source, post_dict, quarantined
from .containers import inner_name
from .values import read_field, text_or_empty

NAME = "csv"

def _columns(header: list[str], column_map: dict[str, str] | None) -> dict[str, str]:
    """{contract field: CSV column} for the fields this file has."""
    from ...schema import POST_FIELDS

    present = set(header)
    columns = {field: field for field in POST_FIELDS if field in present}
    columns.update({field: column for field, column in (column_map or {}).items() if column in present})
    return columns


def read_csv(path: Path, column_map: dict[str, str] | None = None) -> Iterator[ReadItem]:
    header = [name.strip() for name in read_header(path)]
    columns = _columns(header, column_map)
    missing = [c for f, c in (column_map or {}).items() if c not in header]
    if missing or "text" not in columns:
        problem = f"no column {', '.join(repr(m) for m in missing)}" if missing else "no text column"
        raise AuthenticNLPError("E110", path=str(path), allowed=NAME,
                                detail=f"{problem}; its columns are {', '.join(header)}; map them with --map text=COLUMN,...")
    stem = inner_name(path).rsplit(".", 1)[0]
    taken = set(columns.values())
    for item in iter_csv_rows(path, keep_empty=frozenset({columns["text"]})):
        if item.error is not None:
            yield item
            continue
        row = item.raw
        fields: dict[str, Any] = {}
        unparsed: dict[str, Any] = {}
        for field, column in columns.items():
            if field in ("id", "text") or column not in row:
                continue
            value = read_field(field, row[column])
            if value is None:
                unparsed[column] = row[column]
            else:
                fields[field] = value
        text = text_or_empty(row.get(columns["text"]))
        meta = {name: value for name, value in row.items() if name not in taken}
        if unparsed:
            meta["unparsed"] = unparsed
        post_id = row.get(columns["id"]) if "id" in columns else None
        if "id" in columns and not post_id:
            yield quarantined(item.position, NAME, f"the id column {columns['id']!r} is empty", row)
            continue
        if post_id is None:
            post_id = f"{stem}-{item.position.row}"
            meta["id_from"] = "file name and row"
        raw = post_dict(NAME, id=post_id, text=text or "", platform=fields.pop("platform", "other"),
                        creator=fields.pop("creator", None), followers=fields.pop("followers", None),
                        created_at=fields.pop("created_at", None), likes=fields.pop("likes", None),
                        paid=fields.pop("platform_paid_partnership", None), meta=meta)
        raw.update(fields)          # market, comments (a JSON string), as given
        if "comments" not in fields:
            raw.pop("comments")
        yield ReadItem(item.position, raw=raw)


def sniff(value: Any, name: str) -> bool:
    return False     # any CSV could be "a CSV": chosen only by name, or as the CSV fallback with --map


SOURCES = (
    Source(NAME, "CSV export of any tool, with a column map (--map text=Description,creator=Account,...)",
           'authentic-nlp score export.csv --map text=Description,creator=Account,created_at="Post Created" -o scored.jsonl',
           sniff, read_csv, shapes=(
               ("any CSV with --map (no --source needed): counts read as numbers, other columns under meta",
                'authentic-nlp score export.csv --map text=Description,creator=Account,likes=Likes -o scored.jsonl'),
           )),
)
