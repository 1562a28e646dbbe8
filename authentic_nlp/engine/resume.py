"""`score --resume`: continue a stopped run from its `.partial` output and quarantine files.

Records are written in input order, each as one output line (row) or one quarantine line, and
both files are flushed after every record; so the records an earlier run finished are the first
`rows in the partial output + lines in the partial quarantine` records of the input. A torn last
line or row (the run was killed while writing it) is cut off and that record is done again.
The records already written are read past, not analysed; the ids of those that were scored are
registered for the duplicate check, so the resumed run writes the same bytes as one that was
never stopped. JSON Lines and CSV outputs can be resumed (Parquet cannot be appended to).
"""

from __future__ import annotations

import csv
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from ..io.base import ReadItem
from ..schema import parse_post
from .seen_ids import SeenIds

logger = logging.getLogger(__name__)

RESUMABLE = ("jsonl", "csv")
BLOCK = 1 << 20


@dataclass
class ResumePoint:
    scored: int = 0                 # complete records in the partial output
    quarantined: int = 0            # complete lines in the partial quarantine
    rejected: set[tuple[str, int | None, int | None]] = field(default_factory=set)   # their positions

    @property
    def done(self) -> int:
        return self.scored + self.quarantined

    def skip(self, items: Iterable[ReadItem], seen: SeenIds) -> Iterator[ReadItem]:
        """The items after the first `done`; the ids of the skipped items that were scored are registered."""
        iterator = iter(items)
        for _ in range(self.done):
            item = next(iterator, None)
            if item is None:
                return
            position = item.position
            if item.error is not None or (position.path, position.line, position.row) in self.rejected:
                continue
            try:
                post = parse_post(item.raw)
            except Exception:  # it was scored before, so it parses; if not, it holds no id
                continue
            seen.add(post.id, position)
        yield from iterator


def _cut_jsonl(path: Path) -> int:
    """Truncate `path` after its last newline; returns the number of complete lines."""
    lines = 0
    end = 0
    with open(path, "rb") as handle:
        offset = 0
        while block := handle.read(BLOCK):
            count = block.count(b"\n")
            if count:
                lines += count
                end = offset + block.rfind(b"\n") + 1
            offset += len(block)
    os.truncate(path, end)
    return lines


def _cut_csv(path: Path) -> int:
    """Truncate a partial CSV output after its last complete row; returns its data rows (the header
    is not one). A file without a complete header is emptied (the header is rewritten)."""
    ends: list[int] = []
    offset, newline = 0, False

    def lines(handle):
        nonlocal offset, newline
        for line in handle:
            offset += len(line.encode("utf-8"))
            newline = line.endswith("\n")
            yield line

    with open(path, "r", encoding="utf-8", newline="") as handle:
        try:
            for _row in csv.reader(lines(handle), strict=True):
                if newline:
                    ends.append(offset)
        except csv.Error:   # a torn quoted cell at the end
            pass
    os.truncate(path, ends[-1] if ends else 0)
    return max(0, len(ends) - 1)


def _rejected_positions(path: Path) -> set[tuple[str, int | None, int | None]]:
    out = set()
    with open(path, "r", encoding="utf-8") as handle:
        for line in handle:
            entry = json.loads(line)
            out.add((entry.get("file"), entry.get("line"), entry.get("row")))
    return out


def resume_point(partial: Path, fmt: str, q_partial: Path | None) -> ResumePoint:
    """What an earlier run left in its partial files (cut back to whole records)."""
    point = ResumePoint()
    if partial.exists():
        point.scored = _cut_csv(partial) if fmt == "csv" else _cut_jsonl(partial)
    if q_partial is not None and q_partial.exists():
        point.quarantined = _cut_jsonl(q_partial)
        point.rejected = _rejected_positions(q_partial)
    logger.info("resuming after %d records (%d scored, %d quarantined)", point.done, point.scored, point.quarantined)
    return point
