"""Crash safety: a killed run leaves no process behind, SIGTERM stops like Ctrl-C, and --resume
continues a stopped run to the same bytes as an uninterrupted one."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest

from .clirun import alive, descendants, run, start

pytestmark = pytest.mark.slow

CAPTIONS = ["Pici all'aglione fatti a mano, che profumo", "Three weeks with these trail shoes: grip is great",
            "#adv Nuova crema di @marchio.esempio, codice LUMA10", "", "😍🔥", "Outfit del giorno, so comfy link in bio"]
POSTS = 150


def _write_posts(path: Path) -> None:
    lines = []
    for i in range(POSTS):
        post = {"id": f"p{i}", "text": CAPTIONS[i % len(CAPTIONS)],
                "comments": [{"id": "c1", "text": "Bellissima! dove l'hai presa?"}, {"id": "c2", "text": "wow"}]}
        if i % 37 == 5:
            post["likes"] = "molti"                 # quarantined (E003)
        if i == POSTS - 3:
            post["id"] = "p1"                       # a duplicate of an early post, after any kill point (E009)
        lines.append(json.dumps(post, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def _wait_for_progress(process, partial: Path, lines: int, limit: float = 300) -> None:
    deadline = time.monotonic() + limit
    while _lines(partial) < lines:
        assert process.poll() is None, process.stderr.read()
        assert time.monotonic() < deadline, "the run made no progress"
        time.sleep(0.05)


def _wait_gone(pids: set[int], limit: float = 20) -> set[int]:
    deadline = time.monotonic() + limit
    while alive(pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    return alive(pids)


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reference")
    posts = folder / "posts.jsonl"
    _write_posts(posts)
    out = folder / "out.jsonl"
    result = run("score", str(posts), "-o", str(out), "--quiet", "--no-model")
    assert result.returncode == 3, result.stderr
    return posts, out.read_bytes(), out.with_name("out.quarantine.jsonl").read_bytes()


@pytest.mark.parametrize("workers,how", [(1, signal.SIGKILL), (2, signal.SIGKILL), (2, signal.SIGTERM)])
def test_a_stopped_run_resumes_to_the_same_bytes_and_leaves_no_process(tmp_path, reference, workers, how):
    posts, want_out, want_quarantine = reference
    out = tmp_path / "out.jsonl"
    partial = tmp_path / ".out.jsonl.partial"
    args = ["score", str(posts), "-o", str(out), "--quiet", "--no-model", "--workers", str(workers)]
    process = start(*args, tmp=tmp_path / "tmp")
    _wait_for_progress(process, partial, 20)
    family = descendants(process.pid)
    assert workers == 1 or len(family) >= workers    # the workers (and the forkserver) are there to be killed
    os.kill(process.pid, how)
    code = process.wait(timeout=120)
    assert _wait_gone(family) == set(), "processes of the killed run are still alive"
    if how == signal.SIGTERM:
        assert code == 143
        assert not [p for p in (tmp_path / "tmp").iterdir() if p.name.startswith("authentic_nlp_ids_")]
    assert partial.exists() and not out.exists()
    assert 0 < _lines(partial) < POSTS
    result = run(*args, "--resume", tmp=tmp_path / "tmp")
    assert result.returncode == 3, result.stderr
    assert out.read_bytes() == want_out
    assert out.with_name("out.quarantine.jsonl").read_bytes() == want_quarantine
    assert not partial.exists()


def test_a_torn_last_line_is_done_again(tmp_path, reference, torn=b'{"id":"p'):
    posts, want_out, want_quarantine = reference
    out = tmp_path / "out.jsonl"
    partial = tmp_path / ".out.jsonl.partial"
    lines = want_out.splitlines(keepends=True)
    partial.write_bytes(b"".join(lines[:3]) + torn)
    result = run("score", str(posts), "-o", str(out), "--quiet", "--no-model", "--resume")
    assert result.returncode == 3, result.stderr
    assert out.read_bytes() == want_out
