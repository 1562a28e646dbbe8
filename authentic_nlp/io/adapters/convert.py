"""`convert_files`: exports and scraper outputs -> contract JSON Lines, as a plain function.

Every input record ends as exactly one line of the output (a valid contract post, unknown fields
under `meta`) or one line of the quarantine file beside it (`posts.jsonl` ->
`posts.quarantine.jsonl`), in the same shape as `score`'s quarantine records. Posts are validated
with `schema.parse_post` and checked for duplicate ids, so the output scores without surprises.
Output goes to a temporary file first and is moved into place at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ...errors import RecordError
from ..base import ReadItem
from ..results import ResultFiles, check_targets, quarantine_entry
from ..writers import quarantine_path_for


@dataclass
class ConvertSummary:
    records_in: int = 0
    converted: int = 0
    quarantined: int = 0
    comments: int = 0
    output: str | None = None
    quarantine: str | None = None
    sources: dict[str, int] = field(default_factory=dict)
    errors_by_code: dict[str, int] = field(default_factory=dict)


def read_inputs(inputs: list[Path], source: str | None, column_map: dict[str, str] | None,
                creator: str | None = None) -> Iterator[ReadItem]:
    """Every record of the inputs as `score` reads them (`read_records`: contract files pass through;
    scraper files, export folders and archives go to their adapter)."""
    from .. import read_records

    yield from read_records(inputs, source=source, column_map=column_map, creator=creator)


def _checked(item: ReadItem, seen) -> ReadItem:
    from ...schema import parse_post

    item = seen.check(item)
    if item.error is None:
        try:
            parse_post(item.raw)
        except RecordError as err:
            item.error = err
    return item


def convert_files(inputs: list[Path], output: Path, *, source: str | None = None,
                  column_map: dict[str, str] | None = None, quarantine: Path | None = None,
                  force: bool = False, creator: str | None = None) -> ConvertSummary:
    from ...engine.seen_ids import SeenIds

    inputs = [Path(p) for p in inputs]
    output = Path(output)
    quarantine = Path(quarantine) if quarantine else quarantine_path_for(output)
    check_targets(inputs, output, quarantine, force)
    summary = ConvertSummary(output=str(output))
    results, seen = ResultFiles(output, "jsonl", quarantine), SeenIds()
    try:
        for item in read_inputs(inputs, source, column_map, creator):
            item = _checked(item, seen)
            summary.records_in += 1
            if item.error is None:
                results.write(item.raw)
                summary.converted += 1
                summary.comments += len(item.raw.get("comments") or [])
                meta = item.raw.get("meta")
                name = meta.get("source", "contract") if isinstance(meta, dict) else "contract"
                summary.sources[name] = summary.sources.get(name, 0) + 1
                continue
            error = item.error
            summary.quarantined += 1
            summary.errors_by_code[error.code] = summary.errors_by_code.get(error.code, 0) + 1
            results.quarantine(quarantine_entry(item.position, error.code, getattr(error, "field", None), str(error),
                                                item.raw if item.raw is not None else item.raw_text))
        summary.quarantine = results.commit()
    except BaseException:
        results.abort()
        raise
    finally:
        seen.close()
    return summary
