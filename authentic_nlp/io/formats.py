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
