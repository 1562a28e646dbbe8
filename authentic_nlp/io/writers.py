"""Writing scored records and quarantine records."""

from __future__ import annotations

from pathlib import Path

from ..errors import AuthenticNLPError
from .base import RecordWriter
from .formats import format_of
from .jsonl import JsonlWriter


def open_writer(path: Path, fmt: str | None = None) -> RecordWriter:
    kind = format_of(Path(path), fmt)
    if kind == "jsonl":
        return JsonlWriter(Path(path))
    raise AuthenticNLPError("E104", format=kind, allowed="jsonl")


def quarantine_path_for(output: Path) -> Path:
    """`results.jsonl` -> `results.quarantine.jsonl` (always JSON Lines, whatever the output format)."""
    output = Path(output)
    stem = output.name.split(".")[0] if output.name.split(".")[0] else output.name
    return output.with_name(f"{stem}.quarantine.jsonl")
