"""Throughput and peak memory of `authentic-nlp score` on generated posts with comments.

    python bench/bench_score.py                          # 10,000 posts, --workers 1 and 2
    python bench/bench_score.py --sizes 10000 100000     # adds the 100,000-post run (minutes)
    python bench/bench_score.py --format csv             # another output format
    python bench/bench_score.py --io-only --sizes 10000 100000   # the data path alone, analyzers swapped out
    python bench/bench_score.py --io-only --comments-file         # posts CSV + comments CSV (--comments)

Each run is a fresh `score` process on a file from bench/generate.py (seeded, cached under
bench/out/). Printed per run: wall seconds, texts/s (captions + comments), posts/s, CPU seconds
of the whole process tree and texts per CPU-second (less sensitive to a busy machine), the 1-minute
load average, and two peaks:
`rss main` is the largest resident set of any one process of the run (wait4's ru_maxrss: the main
process, or a worker if larger); `rss total` is the largest sum over the whole process tree, sampled
every 250 ms from /proc (Linux; blank elsewhere). The git commit and the machine are printed too,
since the analyzers change and the figures with them. Results also go to bench/out/bench_score.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import split_to_csv, write as generate_posts  # noqa: E402

SAMPLE_SECONDS = 0.25


def git_commit() -> str:
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return commit + (" (with uncommitted changes)" if dirty else "")


def _tree_rss_kib(root_pid: int) -> int | None:
    """Resident memory of a process and all its descendants, in KiB (Linux /proc)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return None
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        parents[int(entry.name)] = int(fields.get("PPid", "0").strip())
        rss[int(entry.name)] = int(fields.get("VmRSS", "0 kB").split()[0])
    tree, frontier = {root_pid}, [root_pid]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    return sum(rss.get(pid, 0) for pid in tree)


class TreeSampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self._halt = pid, 0, threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            value = _tree_rss_kib(self.pid)
            if value is None:
                return
            self.peak = max(self.peak, value)
            self._halt.wait(SAMPLE_SECONDS)

    def stop(self) -> int | None:
        self._halt.set()
        self.join()
        return self.peak or None


def run_score(data: Path, output: Path, workers: int, fmt: str, io_only: bool = False,
              comments: Path | None = None) -> dict:
    entry = [str(ROOT / "bench" / "io_only.py")] if io_only else ["-c", "from authentic_nlp.cli import run; run()"]
    command = [sys.executable, *entry, "score", str(data),
               "-o", str(output), "--format", fmt, "--workers", str(workers), "--force", "--quiet"]
    if comments is not None:
        command += ["--comments", str(comments)]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, env=env)
    sampler = TreeSampler(child.pid)
    sampler.start()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    tree_peak = sampler.stop()
    if child.returncode not in (0, 3):
        raise SystemExit(f"score failed with exit code {child.returncode}: {' '.join(command)}")
    return {"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime, "exit_code": child.returncode,
            "rss_main_mib": usage.ru_maxrss / 1024, "rss_total_mib": tree_peak / 1024 if tree_peak else None}


def _load() -> float:
    """The 1-minute load average when the run ended: above the cpu count, other work shared the
    machine and wall-clock rates understate; texts/cpu-s is less sensitive to that."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--format", default="jsonl", choices=["jsonl", "csv", "parquet"])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--comments-file", action="store_true",
                        help="read the posts as CSV with the comments in a second CSV file (--comments)")
    parser.add_argument("--io-only", action="store_true",
                        help="analyzers replaced by the empty record (bench/io_only.py): the data path alone")
    args = parser.parse_args(argv)

    print(f"commit {git_commit()} · python {platform.python_version()} · {os.cpu_count()} cpus · {platform.platform()}")
    if args.io_only:
        print("io-only: analyzers replaced by the empty record; these figures are the data path alone")
    if args.comments_file:
        print("input: posts CSV + comments CSV joined on post_id (--comments)")
    header = (f"{'posts':>8} {'texts':>9} {'workers':>7} {'seconds':>8} {'texts/s':>8} {'posts/s':>8} {'cpu s':>8}"
              f" {'texts/cpu-s':>11} {'rss main':>9} {'rss total':>10} {'load':>5}")
    print(header)
    results = []
    for size in args.sizes:
        data = args.out / f"posts_{size}_seed{args.seed}.jsonl"
        meta = data.with_suffix(".meta.json")
        if not (data.is_file() and meta.is_file()):
            meta.parent.mkdir(parents=True, exist_ok=True)
            meta.write_text(json.dumps(generate_posts(data, size, args.seed)))
        stats = json.loads(meta.read_text())
        source, comments = data, None
        if args.comments_file:
            source, comments = data.with_suffix(".posts.csv"), data.with_suffix(".comments.csv")
            if not (source.is_file() and comments.is_file()):
                split_to_csv(data, source, comments)
        for workers in args.workers:
            run = run_score(source, args.out / f"scored_{size}_w{workers}.{args.format}", workers, args.format,
                            args.io_only, comments)
            row = {"posts": stats["posts"], "texts": stats["texts"], "workers": workers, "format": args.format,
                   "io_only": args.io_only, "comments_file": args.comments_file,
                   **run, "texts_per_s": stats["texts"] / run["seconds"], "posts_per_s": stats["posts"] / run["seconds"],
                   "texts_per_cpu_s": stats["texts"] / run["cpu_seconds"], "load_1min": _load()}
            results.append(row)
            total = f"{row['rss_total_mib']:.0f} MiB" if row["rss_total_mib"] else "n/a"
            print(f"{row['posts']:>8} {row['texts']:>9} {workers:>7} {row['seconds']:>8.1f} {row['texts_per_s']:>8.0f}"
                  f" {row['posts_per_s']:>8.0f} {row['cpu_seconds']:>8.1f} {row['texts_per_cpu_s']:>11.0f}"
                  f" {row['rss_main_mib']:>5.0f} MiB {total:>10} {row['load_1min']:>5.1f}", flush=True)
    report = args.out / ("bench_score" + ("_io_only" if args.io_only else "")
                         + ("_comments_file" if args.comments_file else "") + ".json")
    report.write_text(json.dumps({"commit": git_commit(), "results": results}, indent=2))
    print(f"(also in {report}; seconds include start-up and model loading)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
