"""Running `authentic-nlp` as a real process (signals, workers, exit codes), and its process tree."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-c", "from authentic_nlp.cli import run; run()"]


def env(tmp: Path | None = None) -> dict[str, str]:
    out = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    if tmp is not None:
        tmp.mkdir(parents=True, exist_ok=True)
        out["TMPDIR"] = str(tmp)
    return out


def run(*args: str, tmp: Path | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], env=env(tmp), capture_output=True, text=True, timeout=timeout)


def start(*args: str, tmp: Path | None = None) -> subprocess.Popen:
    return subprocess.Popen([*CLI, *args], env=env(tmp), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _stat(pid: int) -> tuple[int, str] | None:
    """(parent pid, state) of a live process, None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    return int(fields[1]), fields[0]


def descendants(pid: int) -> set[int]:
    """Every live process under `pid` (children, their children...)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            info = _stat(int(entry))
            if info is not None:
                parents.setdefault(info[0], []).append(int(entry))
    found, todo = set(), [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pids: set[int]) -> set[int]:
    """The pids still running (a zombie waiting to be reaped has ended)."""
    return {pid for pid in pids if (info := _stat(pid)) is not None and info[1] != "Z"}
