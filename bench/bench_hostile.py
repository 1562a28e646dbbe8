"""Whole-run time of `score` on the hostile corpus (tests/hostile/corpus.py), --workers 1 and 2.

Writes the corpus to a temporary folder, scores it with the CLI in a child process (as a user would
run it: start-up, model loading, workers and all) and prints, per worker count, the wall time, the
records in / scored / quarantined and the exit code (3 expected: some records are quarantined).

    python bench/bench_hostile.py
    python bench/bench_hostile.py --workers 1 --record-timeout 10
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile.corpus import write_corpus  # noqa: E402

CLI = [sys.executable, "-c", "from authentic_nlp.cli import run; run()"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--record-timeout", default="30")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench_hostile_") as tmp:
        folder = Path(tmp)
        expected = write_corpus(folder / "corpus")
        inputs = [str(folder / "corpus" / name) for name in expected]
        total = sum(len(codes) for codes in expected.values())
        print(f"hostile corpus: {total} records in {len(inputs)} files "
              f"({sum(p.stat().st_size for p in (folder / 'corpus').iterdir()) / 1e6:.2f} MB)")
        for workers in args.workers:
            out = folder / f"w{workers}" / "out.jsonl"
            out.parent.mkdir()
            started = time.perf_counter()
            result = subprocess.run([*CLI, "score", *inputs, "-o", str(out), "--workers", str(workers),
                                     "--record-timeout", args.record_timeout, "--quiet"],
                                    cwd=ROOT, capture_output=True, text=True)
            seconds = time.perf_counter() - started
            scored = len(out.read_text(encoding="utf-8").splitlines()) if out.exists() else 0
            quarantine = out.with_name("out.quarantine.jsonl")
            lines = [json.loads(x) for x in quarantine.read_text(encoding="utf-8").splitlines()] if quarantine.exists() else []
            timeouts = sum(1 for x in lines if x["code"] == "E019")
            print(f"workers {workers}: {seconds:6.1f} s wall  in {total}  scored {scored}  quarantined {len(lines)}"
                  f"  (E019 over budget: {timeouts})  exit {result.returncode}")
            if result.returncode not in (0, 3):
                print(result.stderr[-2000:], file=sys.stderr)


if __name__ == "__main__":
    main()
