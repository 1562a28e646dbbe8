"""Telling a file's format from its name."""

from __future__ import annotations

from pathlib import Path

from ..errors import AuthenticNLPError
from .base import FORMATS

SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}


def format_of(path: Path, explicit: str | None = None) -> str:
    if explicit:
        if explicit not in FORMATS:
            raise AuthenticNLPError("E104", format=explicit, allowed=", ".join(FORMATS))
        return explicit
    suffixes = [s.lower() for s in path.suffixes]
    for suffix in reversed(suffixes):
        if suffix in SUFFIXES:
            return SUFFIXES[suffix]
    raise AuthenticNLPError("E102", path=str(path))


def parse_column_map(text: str) -> dict[str, str]:
    """`--map "text=Description,creator=Account"` -> {"text": "Description", "creator": "Account"}.

    Keys are contract post fields; values are the source's column (or key) names, taken as written.
    Raises E401 naming the bad entry: no `=`, an empty side, an unknown field, a field or a column
    given twice.
    """
    from ..schema import POST_FIELDS

    mapping: dict[str, str] = {}
    for entry in text.split(","):
        if not entry.strip():
            continue
        field, sep, column = entry.partition("=")
        field, column = field.strip(), column.strip()
        if not sep or not field or not column:
            raise AuthenticNLPError("E401", option="--map", detail=f"{entry.strip()!r} is not FIELD=COLUMN")
        if field not in POST_FIELDS:
            raise AuthenticNLPError("E401", option="--map",
                                    detail=f"unknown field {field!r}; expected one of {', '.join(POST_FIELDS)}")
        if field in mapping:
            raise AuthenticNLPError("E401", option="--map", detail=f"field {field!r} is mapped twice")
        if column in mapping.values():
            raise AuthenticNLPError("E401", option="--map", detail=f"column {column!r} is mapped twice")
        mapping[field] = column
    if not mapping:
        raise AuthenticNLPError("E401", option="--map", detail="empty; expected FIELD=COLUMN[,FIELD=COLUMN...]")
    return mapping
