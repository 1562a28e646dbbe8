"""`score_files`: the batch job behind `authentic-nlp score`, as a plain function.

Input files -> validated records -> scored records (output file, input order) or quarantine
records (a JSON Lines file beside the output). Output is written to a temporary file and moved
into place at the end, so an aborted run never leaves a half-written result under the real name.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from ..errors import AuthenticNLPError
from ..io import open_writer, quarantine_path_for, read_records
from ..io.formats import format_of
from ..io.jsonl import JsonlWriter
from ..pipeline import AnalysisOptions
from .runner import Outcome, score_items

ON_ERROR = ("quarantine", "skip", "fail")


class RecordAbort(Exception):
    """--on-error fail met a bad record."""

    def __init__(self, outcome: Outcome) -> None:
        self.outcome = outcome
        super().__init__(f"{outcome.position}: {outcome.error}")


@dataclass
class ScoreSummary:
    records_in: int = 0
    scored: int = 0
    quarantined: int = 0
    skipped: int = 0
    texts: int = 0
    seconds: float = 0.0
    output: str | None = None
    quarantine: str | None = None
    errors_by_code: dict[str, int] = field(default_factory=dict)

    @property
    def texts_per_second(self) -> float:
        return self.texts / self.seconds if self.seconds > 0 else 0.0

    @property
    def posts_per_second(self) -> float:
        return self.scored / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "records_in": self.records_in, "scored": self.scored, "quarantined": self.quarantined,
            "skipped": self.skipped, "texts": self.texts, "seconds": round(self.seconds, 3),
            "texts_per_second": round(self.texts_per_second, 1),
            "posts_per_second": round(self.posts_per_second, 1), "output": self.output,
            "quarantine": self.quarantine, "errors_by_code": dict(sorted(self.errors_by_code.items())),
        }


def quarantine_record(outcome: Outcome) -> dict[str, Any]:
    out: dict[str, Any] = outcome.position.as_dict()
    out.update({"code": outcome.error_code, "field": outcome.field, "error": outcome.error, "record": outcome.raw})
    return out


def check_writable(paths: Iterable[Path], force: bool) -> None:
    for path in paths:
        if path.exists() and not force:
            raise AuthenticNLPError("E103", path=str(path))


def check_distinct(inputs: Iterable[Path], comments_path: Path | None, output: Path, quarantine: Path) -> None:
    """--force must never let a run replace one of its own inputs."""
    sources = {Path(p).resolve() for p in inputs} | ({Path(comments_path).resolve()} if comments_path else set())
    for option, path in (("--output", output), ("--quarantine", quarantine)):
        if path.resolve() in sources:
            raise AuthenticNLPError("E401", option=option, detail=f"{path} is also an input")


def score_files(
    inputs: list[Path],
    output: Path,
    *,
    options: AnalysisOptions | None = None,
    input_format: str | None = None,
    output_format: str | None = None,
    comments_path: Path | None = None,
    source: str | None = None,
    column_map: dict[str, str] | None = None,
    on_error: str = "quarantine",
    quarantine: Path | None = None,
    workers: int = 1,
    force: bool = False,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> ScoreSummary:
    if on_error not in ON_ERROR:
        raise AuthenticNLPError("E401", option="--on-error", detail=f"expected one of {', '.join(ON_ERROR)}, got {on_error!r}")
    output = Path(output)
    quarantine = Path(quarantine) if quarantine else quarantine_path_for(output)
    check_distinct(inputs, comments_path, output, quarantine)
    check_writable([output] + ([quarantine] if on_error == "quarantine" else []), force)
    options = options or AnalysisOptions()
    summary = ScoreSummary(output=str(output))
    partial = output.with_name(f".{output.name}.partial")
    q_partial = quarantine.with_name(f".{quarantine.name}.partial")
    q_writer: JsonlWriter | None = None
    started = time.perf_counter()
    writer = open_writer(partial, format_of(output, output_format))
    try:
        items = read_records(inputs, fmt=input_format, comments_path=comments_path, source=source,
                             column_map=column_map)
        for outcome in score_items(items, options, workers=workers):
            summary.records_in += 1
            if outcome.ok:
                writer.write(outcome.record)
                summary.scored += 1
                summary.texts += outcome.texts
            else:
                code = outcome.error_code or "unknown"
                summary.errors_by_code[code] = summary.errors_by_code.get(code, 0) + 1
                if on_error == "fail":
                    raise RecordAbort(outcome)
                if on_error == "skip":
                    summary.skipped += 1
                else:
                    if q_writer is None:
                        q_writer = JsonlWriter(q_partial)
                    q_writer.write(quarantine_record(outcome))
                    summary.quarantined += 1
            if on_outcome is not None:
                on_outcome(outcome)
        writer.close()
        os.replace(partial, output)
        if q_writer is not None:
            q_writer.close()
            os.replace(q_partial, quarantine)
            summary.quarantine = str(quarantine)
        elif on_error == "quarantine" and quarantine.exists():
            quarantine.unlink()  # a stale file from an earlier run (we were allowed to overwrite)
    except BaseException:
        writer.close()
        partial.unlink(missing_ok=True)
        if q_writer is not None:
            q_writer.close()
            q_partial.unlink(missing_ok=True)
        raise
    summary.seconds = time.perf_counter() - started
    return summary

