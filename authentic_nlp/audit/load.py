"""What the audit reads: posts to score, or output already scored by `authentic-nlp score`.

Raw input goes through the same engine as `authentic-nlp score` (`read_records` -> `score_items`,
workers, duplicate-id checks and validation included): the audit never runs a second pipeline. The
engine's outcomes carry only the scored record, so the raw record of each item is kept beside it
until its outcome comes back (at most the items in flight), and the validated `Post` is rebuilt
from it: the audit needs the caption, the dates, the follower and like counts and the comment
authors that the output record does not repeat.

Scored input is detected per file: a JSON Lines file whose first record has the output sections
(`sponsorship` and `sincerity` objects and an `interaction_quality` key) is read as it is. Output
records do not carry captions or dates; `posts` (the original input files) joins them back by id.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import AuthenticNLPError, RecordError
from ..schema import Post, parse_post

logger = logging.getLogger("authentic_nlp")

SCORED_KEYS = ("sponsorship", "sincerity", "conversation")


@dataclass(slots=True)
class AuditItem:
    """One post as the audit sees it: its output record and, where known, the validated input post."""

    record: dict[str, Any]
    post: Post | None = None
    fresh: bool = False           # scored by this run (not read from scored output)


@dataclass
class LoadSummary:
    scored_here: int = 0          # posts scored by this run
    read_scored: int = 0          # records read from already-scored files
    rejected: int = 0             # records that failed validation (left out of the audit)
    errors_by_code: dict[str, int] = field(default_factory=dict)
    rejected_positions: list[str] = field(default_factory=list)

    def reject(self, code: str | None, position: str) -> None:
        self.rejected += 1
        key = code or "unknown"
        self.errors_by_code[key] = self.errors_by_code.get(key, 0) + 1
        if len(self.rejected_positions) < 20:
            self.rejected_positions.append(position)

    def as_dict(self) -> dict[str, Any]:
        return {"scored_here": self.scored_here, "read_scored": self.read_scored, "rejected": self.rejected,
                "errors_by_code": dict(sorted(self.errors_by_code.items())),
                "rejected_positions": list(self.rejected_positions)}


def is_scored_record(raw: Any) -> bool:
    return (isinstance(raw, dict) and "interaction_quality" in raw
            and all(isinstance(raw.get(key), dict) for key in SCORED_KEYS))


def is_scored_file(path: Path) -> bool:
    """True when the file is JSON Lines output of `authentic-nlp score` (judged by its first record)."""
    if Path(path).suffix.lower() not in (".jsonl", ".ndjson", ".json"):
        return False
    with open(path, "rb") as handle:
        for line in handle:
            if line.strip():
                try:
                    return is_scored_record(json.loads(line.decode("utf-8")))
                except (UnicodeDecodeError, json.JSONDecodeError):
                    return False
    return False


def _scored_records(path: Path, summary: LoadSummary) -> Iterator[dict[str, Any]]:
    from ..io.jsonl import read_jsonl

    for item in read_jsonl(path):
        if item.error is not None or not is_scored_record(item.raw):
            summary.reject(item.error.code if item.error else "E108", str(item.position))
            continue
        summary.read_scored += 1
        yield item.raw


def _post_index(paths: Iterable[Path]) -> dict[str, Post]:
    """The original posts of scored records, by id (read fully: the audit groups by creator anyway)."""
    from ..io import read_records

    out: dict[str, Post] = {}
    for item in read_records(list(paths)):
        if item.error is not None:
            continue
        try:
            post = parse_post(item.raw)
        except RecordError:
            continue
        out.setdefault(post.id, post)
    return out


def _score_raw(paths: list[Path], options, workers: int, source: str | None,
               summary: LoadSummary, creator: str | None = None) -> Iterator[AuditItem]:
    from ..engine.runner import score_items
    from ..io import read_records

    pending: dict[str, Any] = {}

    def remember(items):
        for item in items:
            pending[str(item.position)] = item.raw
            yield item

    for outcome in score_items(remember(read_records(paths, source=source, creator=creator)), options, workers=workers):
        raw = pending.pop(str(outcome.position), None)
        if not outcome.ok:
            summary.reject(outcome.error_code, str(outcome.position))
            continue
        summary.scored_here += 1
        yield AuditItem(record=outcome.record, post=parse_post(raw), fresh=True)


def load_items(inputs: list[Path], *, options=None, workers: int = 1, source: str | None = None,
               posts: list[Path] | None = None, summary: LoadSummary | None = None,
               creator: str | None = None) -> Iterator[AuditItem]:
    """Every post of the inputs as an `AuditItem`, in input order: raw files are scored, scored files read."""
    from ..pipeline import AnalysisOptions

    summary = summary if summary is not None else LoadSummary()
    options = options or AnalysisOptions()
    inputs = [Path(p) for p in inputs]
    for path in inputs:
        if not path.exists():          # a folder is an export or a profile folder (the adapters read it)
            raise AuthenticNLPError("E101", path=str(path))
    scored = [p for p in inputs if source is None and p.is_file() and is_scored_file(p)]
    raw = [p for p in inputs if p not in scored]
    if raw:
        yield from _score_raw(raw, options, workers, source, summary, creator)
    if scored:
        index = _post_index(posts) if posts else {}
        if not posts:
            logger.info("scored input without --posts: captions, dates and follower counts are not known")
        for path in scored:
            for record in _scored_records(path, summary):
                yield AuditItem(record=record, post=index.get(str(record.get("id"))))
