"""Where a batch job's results go: the output file and the quarantine file beside it.

Both are written to temporary files and moved into place only when the job ends well, so an
aborted run never leaves a half-written result under the real name. The quarantine file is
created at its first record. Used by `score` and `convert`, which share the quarantine shape:
`{"file", "line" | "row", "code", "field", "error", "record"}`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable

from ..errors import AuthenticNLPError, SourcePosition
from .base import RecordWriter
from .jsonl import JsonlWriter
from .writers import open_writer


def quarantine_entry(position: SourcePosition, code: str | None, field: str | None, error: str | None,
                     raw: Any) -> dict[str, Any]:
    """One quarantine line: where the record was, what is wrong with it, and the record as read."""
    out: dict[str, Any] = position.as_dict()
    out.update({"code": code, "field": field, "error": error, "record": raw})
    return out


def check_targets(inputs: Iterable[Path], output: Path, quarantine: Path | None, force: bool) -> None:
    """Refuse to replace an input (even with --force), to write the output and the quarantine records
    into one file, or to replace an existing file without --force."""
    sources = {Path(p).resolve() for p in inputs}
    targets = [("--output", output)] + ([("--quarantine", quarantine)] if quarantine is not None else [])
    if quarantine is not None and Path(quarantine).resolve() == Path(output).resolve():
        raise AuthenticNLPError("E401", option="--quarantine", detail=f"{quarantine} is also the output")
    for option, path in targets:
        if path.resolve() in sources:
            raise AuthenticNLPError("E401", option=option, detail=f"{path} is also an input")
    for _, path in targets:
        if path.exists() and not force:
            raise AuthenticNLPError("E103", path=str(path))


class ResultFiles:
    """The output writer and a lazily opened quarantine writer, committed or aborted together.

    `quarantine=None` means the job quarantines nothing (`--on-error skip|fail`): an existing
    quarantine file is then left alone. Otherwise a stale one from an earlier run is removed on a
    clean commit (the caller was allowed to overwrite it).
    """

    def __init__(self, output: Path, fmt: str, quarantine: Path | None) -> None:
        self.output, self.quarantine_path = output, quarantine
        self._partial = output.with_name(f".{output.name}.partial")
        self._q_partial = quarantine.with_name(f".{quarantine.name}.partial") if quarantine else None
        self._writer: RecordWriter = open_writer(self._partial, fmt)
        self._q_writer: JsonlWriter | None = None

    def write(self, record: dict[str, Any]) -> None:
        self._writer.write(record)

    def quarantine(self, entry: dict[str, Any]) -> None:
        if self._q_partial is None:
            raise ValueError("this job keeps no quarantine file")
        if self._q_writer is None:
            self._q_writer = JsonlWriter(self._q_partial)
        self._q_writer.write(entry)

    def commit(self) -> str | None:
        """Move the results into place; returns the quarantine file's path when one was written."""
        self._writer.close()
        os.replace(self._partial, self.output)
        if self._q_writer is not None:
            self._q_writer.close()
            os.replace(self._q_partial, self.quarantine_path)
            return str(self.quarantine_path)
        if self.quarantine_path is not None and self.quarantine_path.exists():
            self.quarantine_path.unlink()
        return None

    def abort(self) -> None:
        self._writer.close()
        self._partial.unlink(missing_ok=True)
        if self._q_writer is not None:
            self._q_writer.close()
            self._q_partial.unlink(missing_ok=True)
