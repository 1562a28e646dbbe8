"""The local batch runner: validate and score records in input order, with bounded memory.

Records are scored in chunks (`score_chunk`: one `Analyzer.analyze_posts` call per chunk, in this
process with one worker, in worker processes with more); at most `2 * workers` chunks are in
flight, so memory stays flat however large the input. Results come back in input order. Every record ends as exactly
one `Outcome`: scored, or rejected with its error (the caller quarantines, skips or stops).
Duplicate post ids are caught in the main process, in input order, against an on-disk table
(`seen_ids`), so that check does not grow memory either.
"""

from __future__ import annotations

import logging
import traceback
from collections import deque
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from ..errors import RecordError, SourcePosition
from ..io.base import ReadItem
from ..pipeline import AnalysisOptions, Analyzer
from ..schema import Post, parse_post
from .seen_ids import SeenIds

logger = logging.getLogger("authentic_nlp")

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


def _init_worker(options: AnalysisOptions) -> None:
    global _worker_analyzer
    _worker_analyzer = Analyzer(options)


def _read_error(item: ReadItem) -> Outcome:
    assert item.error is not None
    return Outcome(item.position, error=str(item.error), error_code=item.error.code,
                   field=item.error.field, raw=item.raw if item.raw is not None else item.raw_text)


def _parse(item: ReadItem | Outcome) -> Post | Outcome:
    """The item's validated post, or its settled outcome (unreadable, invalid, too long)."""
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


def _internal_error(item: ReadItem, err: Exception) -> Outcome:
    """A bug must not lose the record: it is quarantined with the error."""
    logger.error("internal error on %s: %s", item.position, err)
    detail = traceback.format_exception_only(type(err), err)[-1].strip()
    return Outcome(item.position, error=f"[internal] {detail}", error_code="internal", raw=item.raw)


def _score_one(analyzer: Analyzer, item: ReadItem | Outcome) -> Outcome:
    parsed = _parse(item)
    if isinstance(parsed, Outcome):
        return parsed
    try:
        record = analyzer.analyze_post(parsed)
    except Exception as err:
        return _internal_error(item, err)
    return Outcome(item.position, record=record, texts=1 + len(parsed.comments))


def score_chunk(analyzer: Analyzer, chunk: list[ReadItem | Outcome]) -> list[Outcome]:
    """One outcome per item, in order: the chunk's valid posts go through `Analyzer.analyze_posts`
    together; where that raises, they are redone one by one, so the bad record alone is quarantined."""
    parsed = [_parse(item) for item in chunk]
    valid = [(i, p) for i, p in enumerate(parsed) if isinstance(p, Post)]
    try:
        records = analyzer.analyze_posts([p for _, p in valid])
    except Exception as err:  # redo record by record: only the record that fails is quarantined
        logger.warning("chunk failed (%s); scoring its records one by one", err)
        return [_score_one(analyzer, item) for item in chunk]
    out: list[Outcome] = list(parsed)  # type: ignore[arg-type]   # the posts are replaced below
    for (i, post), record in zip(valid, records):
        out[i] = Outcome(chunk[i].position, record=record, texts=1 + len(post.comments))
    return out


def _check_lengths(post: Post) -> None:
    if len(post.text) > MAX_TEXT_CHARS:
        raise RecordError("E014", field="text", length=len(post.text), limit=MAX_TEXT_CHARS)
    for index, comment in enumerate(post.comments):
        if len(comment.text) > MAX_TEXT_CHARS:
            raise RecordError("E014", field=f"comments[{index}].text", length=len(comment.text), limit=MAX_TEXT_CHARS)


def _score_chunk(chunk: list[ReadItem | Outcome]) -> list[Outcome]:
    """A worker process's task: one chunk, scored by the worker's own Analyzer."""
    assert _worker_analyzer is not None
    return score_chunk(_worker_analyzer, chunk)


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
                chunk_size: int = CHUNK_SIZE) -> Iterator[Outcome]:
    """Score every item in order; yields one `Outcome` per item."""
    seen = SeenIds()
    try:
        yield from _score_checked(map(seen.check, items), options, workers, chunk_size)
    finally:
        seen.close()


def _score_checked(items: Iterable[ReadItem], options: AnalysisOptions, workers: int,
                   chunk_size: int) -> Iterator[Outcome]:
    if workers <= 1:
        analyzer = Analyzer(options)
        for chunk in _chunks(items, chunk_size):
            yield from score_chunk(analyzer, chunk)
        return
    # forkserver, not fork: a process that already ran torch (its OpenMP pool started) deadlocks
    # children it forks; each worker builds its own Analyzer in `_init_worker` anyway.
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker,
                             initargs=(options,)) as pool:
        pending: deque[Future[list[Outcome]]] = deque()
        for chunk in _chunks(items, chunk_size):
            pending.append(pool.submit(_score_chunk, chunk))
            while len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
