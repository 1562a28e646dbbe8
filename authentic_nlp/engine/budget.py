"""A time budget per record, and analysis that one bad record cannot take down.

`analyze_guarded(analyzer, posts, seconds)` analyses a chunk of posts under one budget of
`seconds x min(len(posts), CHUNK_BUDGET_POSTS)`. When the chunk runs over, or raises, it is redone post by post, each under
its own budget of `seconds`, so that only the bad post fails: over budget is a `Failure` with code
E019, an exception is a `Failure` with code `internal` and the exception's last line.

The budget is a real-time interval timer (`signal.setitimer` + SIGALRM) whose handler raises
`RecordTimeout` inside the analysis. It works in the main thread of the process that analyses (the
main process with --workers 1, each worker's main thread otherwise); elsewhere (a thread, a
platform without SIGALRM) the analysis runs without a budget. Python checks signals between
bytecodes, so a budget cannot stop one long C call (a catastrophic regex in `re`): user rules are
checked for those on load instead (`markets.regex_safety`), and runs without whitespace are capped
before tokenization (`text.normalize`).
"""

from __future__ import annotations

import logging
import signal
import threading
import traceback
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterator, Sequence

logger = logging.getLogger(__name__)

DEFAULT_RECORD_TIMEOUT = 30.0   # seconds per post; a post with a thousand comments takes about 3
# A chunk's budget is the per-post budget times at most this many posts: a chunk that hangs on one
# post is redone post by post after 4 x 30 s, not after 64 x 30 s; a chunk that is slow only because
# its posts are heavy is redone too, which costs time but never a record.
CHUNK_BUDGET_POSTS = 4


class RecordTimeout(BaseException):
    """Raised by the alarm inside an analysis that ran over its budget. A BaseException, so that
    no `except Exception` in the analysis swallows it."""


@dataclass(slots=True)
class Failure:
    code: str            # E019 (over budget) or "internal"
    detail: str


def can_time() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise RecordTimeout in this block once `seconds` of wall time have passed (None or 0: no budget)."""
    if not seconds or seconds <= 0 or not can_time():
        yield
        return

    def on_alarm(_signum: int, _frame: Any) -> None:
        raise RecordTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def analyze_batch(analyzer: Any, posts: Sequence[Any]) -> list[dict[str, Any]]:
    """The one call that analyses a chunk: `Analyzer.analyze_posts`, vectorised across its posts."""
    return analyzer.analyze_posts(list(posts))


def analyze_guarded(analyzer: Any, posts: Sequence[Any], seconds: float | None) -> list[dict[str, Any] | Failure]:
    """One record or one `Failure` per post, in order."""
    if not posts:
        return []
    try:
        with time_budget(seconds * min(len(posts), CHUNK_BUDGET_POSTS) if seconds else None):
            return list(analyze_batch(analyzer, posts))
    except (RecordTimeout, Exception) as err:
        if len(posts) == 1:
            return [_failure(err, seconds)]
        logger.warning("a chunk of %d posts failed (%s); analysing its posts one by one", len(posts), type(err).__name__)
    out: list[dict[str, Any] | Failure] = []
    for post in posts:
        try:
            with time_budget(seconds):
                out.append(analyze_batch(analyzer, [post])[0])
        except (RecordTimeout, Exception) as err:
            out.append(_failure(err, seconds))
    return out


def _failure(err: BaseException, seconds: float | None) -> Failure:
    if isinstance(err, RecordTimeout):
        return Failure("E019", f"{seconds:g}")
    logger.error("internal error: %s", err)
    try:
        detail = traceback.format_exception_only(type(err), err)[-1].strip()
    except Exception:  # an exception whose message cannot be formatted is still one quarantine line
        detail = type(err).__name__
    return Failure("internal", detail)
