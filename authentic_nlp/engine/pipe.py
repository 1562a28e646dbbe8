"""`Analyzer.pipe`: score an iterable of contract records in order, in spaCy's `nlp.pipe` manner.

    for result in analyzer.pipe(records, batch_size=64, n_process=2):
        if isinstance(result, Quarantined):
            print(result.code, result.field, result.message)
        else:
            use(result)                       # the scored record, as `authentic-nlp score` writes it

This is the runner behind `authentic-nlp score` (`runner.score_items`: validation, the duplicate-id
check, the length limits, bounded work in flight, input order) fed from memory instead of files.
A record the runner rejects becomes a `Quarantined` value (`on_error="quarantine"`), is dropped
(`"skip"`), or raises `RecordRejected` (`"raise"`); the loop never stops on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping

from ..errors import SourcePosition
from ..io.base import ReadItem
from .runner import CHUNK_SIZE, Outcome, score_items

if TYPE_CHECKING:
    from ..pipeline import Analyzer

ON_ERROR = ("quarantine", "skip", "raise")
PIPE_SOURCE = "<pipe>"   # the `file` of a position: records given in memory are numbered by row


@dataclass(frozen=True, slots=True)
class Quarantined:
    """A record that could not be scored: where it was (`index`, 0-based), why, and the record."""

    index: int
    code: str | None
    field: str | None
    message: str | None
    raw: Any

    @property
    def ok(self) -> bool:
        return False

    def as_dict(self) -> dict[str, Any]:
        """The quarantine file's shape (`io.results.quarantine_entry`)."""
        from ..io.results import quarantine_entry

        return quarantine_entry(_position(self.index), self.code, self.field, self.message, self.raw)


class RecordRejected(ValueError):
    """`on_error="raise"` met a record that could not be scored; `.quarantined` says why."""

    def __init__(self, quarantined: Quarantined) -> None:
        self.quarantined = quarantined
        super().__init__(f"record {quarantined.index}: {quarantined.message}")


def _position(index: int) -> SourcePosition:
    return SourcePosition(PIPE_SOURCE, row=index + 1)


def _items(records: Iterable[Mapping[str, Any]]) -> Iterator[ReadItem]:
    for index, raw in enumerate(records):
        yield ReadItem(_position(index), raw=raw)


def quarantined_from(outcome: Outcome) -> Quarantined:
    row = outcome.position.row
    return Quarantined(index=(row or 1) - 1, code=outcome.error_code, field=outcome.field,
                       message=outcome.error, raw=outcome.raw)


def pipe(analyzer: "Analyzer", records: Iterable[Mapping[str, Any]], *, batch_size: int = CHUNK_SIZE,
         n_process: int = 1, on_error: str = "quarantine") -> Iterator[dict[str, Any] | Quarantined]:
    """One result per record, in input order (see the module docstring). `n_process > 1` scores in
    that many worker processes, each with its own analyzer built from `analyzer.options`."""
    check_on_error(on_error)
    if batch_size < 1 or n_process < 1:
        raise ValueError(f"batch_size and n_process must be at least 1, got {batch_size} and {n_process}")
    in_process = analyzer if n_process == 1 else None
    outcomes = score_items(_items(records), analyzer.options, workers=n_process, chunk_size=batch_size,
                           analyzer=in_process)
    yield from settle(outcomes, on_error)


def check_on_error(on_error: str) -> None:
    if on_error not in ON_ERROR:
        raise ValueError(f"on_error must be one of {', '.join(ON_ERROR)}, got {on_error!r}")


def settle(outcomes: Iterable[Outcome], on_error: str) -> Iterator[dict[str, Any] | Quarantined]:
    """Scored records as they are; rejected ones as `Quarantined` values, dropped, or raised."""
    for outcome in outcomes:
        if outcome.ok:
            yield outcome.record
            continue
        if on_error == "skip":
            continue
        rejected = quarantined_from(outcome)
        if on_error == "raise":
            raise RecordRejected(rejected)
        yield rejected
