"""The local batch runner: validate and score records in input order, with bounded memory.

Records are scored in chunks (`score_chunk`: one `Analyzer.analyze_posts` call per chunk, in this
process with one worker, in worker processes with more); at most `2 * workers` chunks are in
flight, so memory stays flat however large the input. Results come back in input order. Every record ends as exactly
one `Outcome`: scored, or rejected with its error (the caller quarantines, skips or stops).
Duplicate post ids are caught in the main process, in input order, against an on-disk table
(`seen_ids`), so that check does not grow memory either; only scored records hold their id.
Each record is screened first (`jsonsafe.screen`), analysed under a time budget
(`budget.analyze_guarded`), and an internal error on one record is that record's quarantine line.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from ..errors import Errors, RecordError, SourcePosition
from ..io.base import ReadItem
from ..io.screening import screen_item
from ..jsonsafe import json_safe
from ..pipeline import AnalysisOptions, Analyzer
from ..schema import Comment, Post, parse_post
from ..text.normalize import MAX_RUN, longest_capped_run
from .budget import DEFAULT_RECORD_TIMEOUT, Failure, analyze_guarded
from .lifecycle import die_with_parent, stop_pool
from .seen_ids import SeenIds

if TYPE_CHECKING:
    from .resume import ResumePoint

logger = logging.getLogger(__name__)

CHUNK_SIZE = 64
# Longest caption or comment scored. The platforms cap captions at 2,200 (Instagram), 4,000 (TikTok)
# and 5,000 (YouTube descriptions) characters and comments at 10,000 (YouTube); a longer text is a
# broken export, and scoring it would only cost memory (spaCy refuses 1,000,000 by default).
MAX_TEXT_CHARS = 100_000


@dataclass(slots=True)
class Outcome:
    position: SourcePosition
    record: dict[str, Any] | None = None      # the scored record
    error: str | None = None                  # why it was rejected
    error_code: str | None = None
    field: str | None = None
    raw: Any = None                           # the raw record as far as it could be read
    texts: int = 0                            # texts analysed (caption + comments)

    @property
    def ok(self) -> bool:
        return self.record is not None


_worker_analyzer: Analyzer | None = None
_worker_budget: float | None = None


def _init_worker(options: AnalysisOptions, record_timeout: float | None = None, parent: int | None = None) -> None:
    global _worker_analyzer, _worker_budget
    if parent is not None:
        die_with_parent(parent)
    _worker_analyzer = warm_analyzer(options)
    _worker_budget = record_timeout


# Texts analysed once before any budget starts: the models load lazily, on first use, and that
# one-time cost (seconds) must not count against the first record's budget.
WARM_UP = ("Ciao a tutti, la ricetta di oggi", "Hello everyone, three weeks with these shoes")


def warm_analyzer(options: AnalysisOptions) -> Analyzer:
    analyzer = Analyzer(options)
    analyzer.analyze_post(Post(id="warm-up", text=WARM_UP[0], comments=[Comment(id="c", text=WARM_UP[1])]))
    analyzer.analyze_post(Post(id="warm-up", text=WARM_UP[1]))
    return analyzer


def _read_error(item: ReadItem) -> Outcome:
    assert item.error is not None
    raw = item.raw if item.raw is not None else item.raw_text
    return Outcome(item.position, error=str(item.error), error_code=item.error.code,
                   field=item.error.field, raw=json_safe(raw))


def _prepare(item: ReadItem | Outcome) -> Outcome | Post:
    """A post ready to analyse, or the record's settled outcome."""
    if isinstance(item, Outcome):
        return item
    if item.error is not None:
        return _read_error(item)
    try:
        post = parse_post(item.raw)
        _check_lengths(post)
    except RecordError as err:
        return Outcome(item.position, error=str(err), error_code=err.code, field=err.field, raw=item.raw)
    return post


def _check_lengths(post: Post) -> None:
    if len(post.text) > MAX_TEXT_CHARS:
        raise RecordError("E014", field="text", length=len(post.text), limit=MAX_TEXT_CHARS)
    for index, comment in enumerate(post.comments):
        if len(comment.text) > MAX_TEXT_CHARS:
            raise RecordError("E014", field=f"comments[{index}].text", length=len(comment.text), limit=MAX_TEXT_CHARS)


def _capped_texts(post: Post) -> list[dict[str, Any]]:
    """W002 warnings: the texts whose runs without whitespace `normalize` cut."""
    out = []
    texts = [("text", post.text)] + [(f"comments[{i}].text", c.text) for i, c in enumerate(post.comments)]
    for name, text in texts:
        length = longest_capped_run(text)
        if length:
            out.append({"code": "W002", "field": name,
                        "message": Errors.W002.format(field=name, length=length, limit=MAX_RUN)})
    return out


def score_chunk(analyzer: Analyzer, chunk: list[ReadItem | Outcome], budget: float | None = None) -> list[Outcome]:
    """Validate and analyse a chunk; one Outcome per item, in order (see `budget.analyze_guarded`)."""
    prepared = [_prepare(item) for item in chunk]
    posts = [p for p in prepared if isinstance(p, Post)]
    results = iter(analyze_guarded(analyzer, posts, budget))
    outcomes = []
    for item, ready in zip(chunk, prepared):
        if isinstance(ready, Outcome):
            outcomes.append(ready)
            continue
        result = next(results)
        if isinstance(result, Failure):
            error = (str(RecordError("E019", seconds=float(result.detail))) if result.code == "E019"
                     else f"[internal] {result.detail}")
            outcomes.append(Outcome(item.position, error=error, error_code=result.code, raw=item.raw))
            continue
        warnings = (item.warnings or []) + _capped_texts(ready)
        if warnings:
            result["input_warnings"] = warnings
        outcomes.append(Outcome(item.position, record=result, texts=1 + len(ready.comments)))
    return outcomes


def _score_chunk(chunk: list[ReadItem | Outcome]) -> list[Outcome]:
    """A worker process's task: one chunk, scored by the worker's own Analyzer."""
    assert _worker_analyzer is not None
    return score_chunk(_worker_analyzer, chunk, _worker_budget)


def _chunks(items: Iterable[ReadItem], size: int) -> Iterator[list[ReadItem | Outcome]]:
    """Chunks for the workers. Items that could not be read are settled here: their outcome is
    already known, and it is plain data that travels between processes (exceptions do not)."""
    chunk: list[ReadItem | Outcome] = []
    for item in items:
        chunk.append(_read_error(item) if item.error is not None else item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def score_items(items: Iterable[ReadItem], options: AnalysisOptions, workers: int = 1,
                chunk_size: int = CHUNK_SIZE, record_timeout: float | None = DEFAULT_RECORD_TIMEOUT,
                resume: "ResumePoint | None" = None, analyzer: Analyzer | None = None) -> Iterator[Outcome]:
    """Score every item in order; yields one `Outcome` per item.

    Duplicate ids are checked on the outcomes, in input order: a record rejected for any reason
    does not hold its id. `resume` skips the records an earlier run already wrote (nothing is
    yielded for them) while still registering the ids of those it scored. `analyzer`, when given,
    scores in this process with `workers=1` (else one is built from `options`, once per worker)."""
    seen = SeenIds()
    items = map(screen_item, items)
    if resume is not None:
        items = resume.skip(items, seen)
    try:
        for chunk, outcomes in _score_screened(items, options, workers, chunk_size, record_timeout, analyzer):
            for item, outcome in zip(chunk, outcomes):
                yield _unique(seen, item, outcome)
    finally:
        seen.close()


def _unique(seen: SeenIds, item: ReadItem | Outcome, outcome: Outcome) -> Outcome:
    """The outcome, or E009 when a scored record's id was already scored earlier in the input."""
    if not outcome.ok:
        return outcome
    first = seen.add(str(outcome.record["id"]), outcome.position)
    if first is None:
        return outcome
    raw = item.raw if isinstance(item, ReadItem) else None
    value = raw.get("id") if isinstance(raw, dict) else outcome.record["id"]
    err = RecordError("E009", field="id", value=value, first=str(first))
    return Outcome(outcome.position, error=str(err), error_code=err.code, field=err.field, raw=raw)


def _score_screened(items: Iterable[ReadItem], options: AnalysisOptions, workers: int, chunk_size: int,
                    budget: float | None, analyzer: Analyzer | None = None) -> Iterator[tuple[list[ReadItem | Outcome], list[Outcome]]]:
    if workers <= 1:
        analyzer = analyzer or warm_analyzer(options)
        for chunk in _chunks(items, chunk_size):
            yield chunk, score_chunk(analyzer, chunk, budget)
        return
    # forkserver, not fork: a process that already ran torch (its OpenMP pool started) deadlocks
    # children it forks; each worker builds its own Analyzer in `_init_worker` anyway.
    context = multiprocessing.get_context("forkserver")
    logger.info("scoring in %d worker processes, %d records a chunk", workers, chunk_size)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker,
                               initargs=(options, budget, os.getpid()))
    try:
        pending: deque[tuple[list[ReadItem | Outcome], Future[list[Outcome]]]] = deque()
        for chunk in _chunks(items, chunk_size):
            pending.append((chunk, pool.submit(_score_chunk, chunk)))
            while len(pending) >= 2 * workers:
                chunk, future = pending.popleft()
                yield chunk, future.result()
        while pending:
            chunk, future = pending.popleft()
            yield chunk, future.result()
    except BaseException:   # stopped (Ctrl-C, SIGTERM, the consumer closed us) or failed: no waiting
        stop_pool(pool)
        raise
    pool.shutdown(wait=True)
