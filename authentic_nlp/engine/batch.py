"""`score_files`: the batch job behind `authentic-nlp score`, as a plain function.

Input files -> validated records -> scored records (output file, input order) or quarantine
records (a JSON Lines file beside the output). Output is written to a temporary file and moved
into place at the end, so an aborted run never leaves a half-written result under the real name.
"""

from __future__ import annotations

import itertools
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..errors import AuthenticNLPError
from ..io import quarantine_path_for, read_records
from ..io.base import ReadItem
from ..io.formats import format_of
from ..io.results import ResultFiles, check_targets, partial_path, quarantine_entry
from ..pipeline import AnalysisOptions
from .budget import DEFAULT_RECORD_TIMEOUT
from .lifecycle import Terminated
from .resume import RESUMABLE, ResumePoint, resume_point
from .runner import Outcome, score_items

logger = logging.getLogger(__name__)

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
    resumed: int = 0            # records an earlier, stopped run had written (--resume)
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
            "skipped": self.skipped, "resumed": self.resumed, "texts": self.texts, "seconds": round(self.seconds, 3),
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
    record_timeout: float | None = DEFAULT_RECORD_TIMEOUT,
    resume: bool = False,
) -> ScoreSummary:
    """Score `inputs` into `output`. Stopped by Ctrl-C or SIGTERM, the run keeps its partial files;
    `resume=True` continues from them (see `engine.resume`). Any other failure removes them."""
    if on_error not in ON_ERROR:
        raise AuthenticNLPError("E401", option="--on-error", detail=f"expected one of {', '.join(ON_ERROR)}, got {on_error!r}")
    output = Path(output)
    fmt = format_of(output, output_format)
    if resume and (on_error != "quarantine" or fmt not in RESUMABLE):
        raise AuthenticNLPError("E401", option="--resume", detail="needs --on-error quarantine and a JSON Lines or CSV output")
    quarantine = Path(quarantine) if quarantine else quarantine_path_for(output)
    keeps_quarantine = on_error == "quarantine"
    check_targets(list(inputs) + ([comments_path] if comments_path else []), output,
                  quarantine if keeps_quarantine else None, force)
    options = options or AnalysisOptions()
    summary = ScoreSummary(output=str(output))
    started = time.perf_counter()
    point: ResumePoint | None = None
    if resume:
        point = resume_point(partial_path(output), fmt, partial_path(quarantine))
        summary.resumed = point.done
    results = ResultFiles(output, fmt, quarantine if keeps_quarantine else None, resume=point is not None)
    logger.info("scoring %s -> %s (%d worker(s), on error: %s)", ", ".join(map(str, inputs)), output, workers, on_error)
    outcomes = None
    try:
        items = _started(read_records(inputs, fmt=input_format, comments_path=comments_path, source=source,
                                      column_map=column_map, creator=creator))
        outcomes = score_items(items, options, workers=workers, record_timeout=record_timeout, resume=point)
        write_outcomes(outcomes, results, on_error, summary, on_outcome)
        outcomes.close()
        summary.quarantine = results.commit()
    except BaseException as err:
        if outcomes is not None:
            outcomes.close()    # workers stopped, the id table removed
        results.abort(keep=isinstance(err, (KeyboardInterrupt, Terminated)))
        raise
    summary.seconds = time.perf_counter() - started
    logger.info("scored %d of %d records in %.1f s", summary.scored, summary.records_in, summary.seconds)
    return summary



def write_outcomes(outcomes: Iterable[Outcome], results: ResultFiles, on_error: str, summary: ScoreSummary,
                   on_outcome: Callable[[Outcome], None] | None = None) -> None:
    """Each outcome to the output or the quarantine file (or skipped, or stop), counted in `summary`."""
    for outcome in outcomes:
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
