"""Worker processes that never outlive the run: stopped on an interrupt, dead with their parent.

- `stop_pool(pool)`: on Ctrl-C, SIGTERM or any failure the runner does not wait for the chunks in
  flight: pending work is cancelled and the workers are terminated (then killed if they linger).
- `die_with_parent(pid)`, run in each worker as it starts: on Linux the kernel sends the worker
  SIGKILL when the process that forked it dies (`prctl(PR_SET_PDEATHSIG)`; with the forkserver
  start method that parent is the forkserver); and a daemon thread checks every
  POLL_SECONDS that the run's main process `pid` is still alive, exiting the worker when it is not.
  So even a SIGKILL of `score` (which no handler can catch) leaves no worker behind; the forkserver
  and the resource tracker end on their own once no process of the run holds their pipes.
- `terminate_on_sigterm()`: makes SIGTERM (what `timeout`, systemd and Docker send) raise
  `Terminated` in the main thread, so `score` stops exactly as on Ctrl-C.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time
from typing import Any

logger = logging.getLogger(__name__)

POLL_SECONDS = 1.0
PR_SET_PDEATHSIG = 1


class Terminated(BaseException):
    """SIGTERM arrived: stop like on KeyboardInterrupt."""


def terminate_on_sigterm() -> Any:
    """Install the SIGTERM handler (main thread only); returns the previous handler."""

    def on_term(_signum: int, _frame: Any) -> None:
        raise Terminated()

    return signal.signal(signal.SIGTERM, on_term)


def die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError) as err:  # no prctl: the watcher thread still works
            logger.debug("prctl(PR_SET_PDEATHSIG) unavailable: %s", err)
    watcher = threading.Thread(target=_watch, args=(parent, os.getppid()), name="parent-watch", daemon=True)
    watcher.start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _watch(parent: int, forked_by: int) -> None:
    while _alive(parent) and os.getppid() == forked_by:
        time.sleep(POLL_SECONDS)
    os._exit(1)


def stop_pool(pool: Any) -> None:
    """Cancel what is queued and end the workers now (terminate, then kill after 5 s)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        if process.is_alive():
            process.terminate()
    # chunks still queued for dead workers must not keep the queue's feeder thread (and so the
    # pool's manager thread, joined at interpreter exit) waiting on a full pipe forever
    call_queue = getattr(pool, "_call_queue", None)
    if call_queue is not None:
        call_queue.cancel_join_thread()
    pool.shutdown(wait=False, cancel_futures=True)
    deadline = time.monotonic() + 5
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join(1)
