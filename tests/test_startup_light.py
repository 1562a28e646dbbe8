"""Usage errors come before anything heavy is imported: no spaCy, torch, lingua or wordfreq."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("spacy", "torch", "lingua", "wordfreq", "thinc")
PROBE = ("import atexit, sys\n"
         "heavy = sys.argv[1].split(',')\n"
         "atexit.register(lambda: sys.stderr.write('HEAVY=' + ','.join(m for m in heavy if m in sys.modules)))\n"
         "sys.argv = ['authentic-nlp'] + sys.argv[2:]\n"
         "from authentic_nlp.cli import run\nrun()\n")


@pytest.mark.parametrize("args", [
    ["score", "{posts}", "-o", "{exists}"],                              # output exists, no --force
    ["score", "{posts}", "-o", "{out}", "--on-error", "explode"],        # bad option value
    ["score", "{posts}", "-o", "{out}", "--model", "{tmp}", "--no-model"],
    ["score", "{tmp}/missing.jsonl", "-o", "{out}"],                     # missing input
    ["explain", "ciao 😍", "--model", "{tmp}", "--no-model"],
    ["--help"],
])
def test_usage_errors_load_nothing_heavy(tmp_path: Path, args: list[str]) -> None:
    posts, exists = tmp_path / "posts.jsonl", tmp_path / "exists.jsonl"
    posts.write_text('{"id": "p1", "text": "ciao"}\n', encoding="utf-8")
    exists.write_text("", encoding="utf-8")
    values = {"posts": posts, "exists": exists, "out": tmp_path / "out.jsonl", "tmp": tmp_path}
    argv = [a.format(**values) for a in args]
    done = subprocess.run([sys.executable, "-c", PROBE, ",".join(HEAVY), *argv], capture_output=True, text=True,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert done.returncode == (0 if args == ["--help"] else 2), done.stderr
    assert done.stderr.rsplit("HEAVY=", 1)[-1].strip() == ""
