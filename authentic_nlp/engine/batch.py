"""`score_files`: the batch job behind `authentic-nlp score`, as a plain function.

Input files -> validated records -> scored records (output file, input order) or quarantine
records (a JSON Lines file beside the output). Output is written to a temporary file and moved
into place at the end, so an aborted run never leaves a half-written result under the real name.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from ..errors import AuthenticNLPError
from ..io import quarantine_path_for, read_records
from ..io.base import ReadItem
from ..io.formats import format_of
from ..io.results import ResultFiles, check_targets, quarantine_entry
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


def _started(items: Iterator[ReadItem]) -> Iterator[ReadItem]:
    """The reader, started: missing files and files of unknown shape fail here, as usage errors,
    before the analyzer loads its models (the first record is read, then handed on)."""
    first = next(items, None)
    return items if first is None else itertools.chain([first], items)


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
    creator: str | None = None,
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
    keeps_quarantine = on_error == "quarantine"
    check_targets(list(inputs) + ([comments_path] if comments_path else []), output,
                  quarantine if keeps_quarantine else None, force)
    options = options or AnalysisOptions()
    summary = ScoreSummary(output=str(output))
    started = time.perf_counter()
    results = ResultFiles(output, format_of(output, output_format), quarantine if keeps_quarantine else None)
    try:
        items = _started(read_records(inputs, fmt=input_format, comments_path=comments_path, source=source,
                                      column_map=column_map, creator=creator))
        for outcome in score_items(items, options, workers=workers):
            summary.records_in += 1
            if outcome.ok:
                results.write(outcome.record)
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
                    results.quarantine(quarantine_entry(outcome.position, outcome.error_code, outcome.field,
                                                        outcome.error, outcome.raw))
                    summary.quarantined += 1
            if on_outcome is not None:
                on_outcome(outcome)
        summary.quarantine = results.commit()
    except BaseException:
        results.abort()
        raise
    summary.seconds = time.perf_counter() - started
    return summary

