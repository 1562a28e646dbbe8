"""Reading contract records from files, in input order, one at a time."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from ..errors import AuthenticNLPError
from .base import ReadItem
from .formats import format_of
from .jsonl import read_jsonl


def read_records(paths: Iterable[Path], fmt: str | None = None, comments_path: Path | None = None,
                 source: str | None = None, column_map: dict[str, str] | None = None) -> Iterator[ReadItem]:
    """Every record of every file, in order, as contract records.

    `comments_path` is a flat comments file joined on `post_id`. `source` names a platform export
    or scraper format (see `io.adapters`); `column_map` renames CSV columns to contract fields.
    """
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise AuthenticNLPError("E101", path=str(path))
        kind = format_of(path, fmt)
        if kind == "jsonl":
            yield from read_jsonl(path)
        else:
            raise AuthenticNLPError("E104", format=kind, allowed="jsonl")
