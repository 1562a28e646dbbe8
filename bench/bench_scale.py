"""Throughput and memory of local `score` and `score --engine ray` on generated posts with comments.

    python bench/bench_scale.py --posts 10000                      # local -w 1 and 2, Ray --workers 1 and 2
    python bench/bench_scale.py --posts 100000 1000000 --runs ray:2 local:1

Each run is a fresh `authentic-nlp score` process on a file from bench/generate.py (seeded, cached
under bench/out/); Ray runs start their own local cluster (`ray.init` on this machine's CPUs, start-up
included in the seconds) and write sharded Parquet. Printed per run: wall seconds, texts/s
(captions + comments), the CPU seconds of the whole process tree (summed from /proc, Ray's own
processes included) and texts per CPU-second (less sensitive to a busy machine), the peak resident
memory of the largest single process (its VmHWM, with its name) and the peak of the whole tree,
and the 1-minute load average. Ray's workers run at nice 15 by default; the runs here set
RAY_worker_niceness=0 so that both engines compete for the CPUs on equal terms.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_score import git_commit  # noqa: E402
from generate import write as generate_posts  # noqa: E402

SAMPLE_SECONDS = 0.25
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _processes() -> dict[int, tuple[int, int, int, float, str]]:
    """pid -> (parent, rss KiB, peak rss KiB, cpu seconds, name), from /proc."""
    out = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        after = stat[stat.rindex(")") + 2:].split()
        cpu = (int(after[11]) + int(after[12])) / CLOCK_TICKS
        out[int(entry.name)] = (int(fields.get("PPid", "0")), int(fields.get("VmRSS", "0 kB").split()[0]),
                                int(fields.get("VmHWM", "0 kB").split()[0]), cpu, fields.get("Name", "?").strip())
    return out


class Sampler(threading.Thread):
    """Peaks per process and of the whole tree under `pid`, and each process's last CPU time."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self._halt = pid, threading.Event()
        self.tree_peak = 0
        self.peaks: dict[int, tuple[int, str]] = {}
        self.cpu: dict[int, float] = {}

    def run(self) -> None:
        while not self._halt.is_set():
            table = _processes()
            tree, frontier = {self.pid}, [self.pid]
            while frontier:
                parent = frontier.pop()
                for pid, row in table.items():
                    if row[0] == parent and pid not in tree:
                        tree.add(pid)
                        frontier.append(pid)
            self.tree_peak = max(self.tree_peak, sum(table[p][1] for p in tree if p in table))
            for pid in tree & table.keys():
                _, _, hwm, cpu, name = table[pid]
                self.peaks[pid] = max(self.peaks.get(pid, (0, name)), (hwm, name))
                self.cpu[pid] = max(self.cpu.get(pid, 0.0), cpu)
            self._halt.wait(SAMPLE_SECONDS)

    def stop(self) -> None:
        self._halt.set()
        self.join()


def run_score(data: Path, out: Path, engine: str, workers: int) -> dict:
    command = [sys.executable, "-c", "from authentic_nlp.cli import run; run()", "score", str(data), "-o", str(out),
               "--workers", str(workers), "--force", "--quiet"]
    if engine == "ray":
        command += ["--engine", "ray"]
    env = dict(os.environ, RAY_worker_niceness="0",
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, env=env)
    sampler = Sampler(child.pid)
    sampler.start()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    sampler.stop()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 3):
        raise SystemExit(f"score failed with exit code {code}: {' '.join(command)}")
    peak_kib, peak_name = max(sampler.peaks.values(), default=(usage.ru_maxrss, "score"))
    peak_kib = max(peak_kib, usage.ru_maxrss) if peak_name == "score" else peak_kib
    cpu = max(sum(sampler.cpu.values()), usage.ru_utime + usage.ru_stime)
    return {"seconds": seconds, "cpu_seconds": cpu, "peak_process_mib": peak_kib / 1024, "peak_process": peak_name,
            "tree_peak_mib": sampler.tree_peak / 1024, "processes": len(sampler.peaks)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[10_000], help="input sizes in posts")
    parser.add_argument("--runs", nargs="+", default=["local:1", "local:2", "ray:1", "ray:2"],
                        help="ENGINE:WORKERS pairs to run at each size")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args(argv)
    print(f"commit {git_commit()} · {os.cpu_count()} cpus")
    print(f"{'posts':>8} {'texts':>9} {'engine':>6} {'workers':>7} {'seconds':>8} {'texts/s':>8} {'cpu s':>8}"
          f" {'texts/cpu-s':>11} {'peak/process':>22} {'peak tree':>10} {'load':>5}")
    results = []
    for size in args.posts:
        data = args.out / f"posts_{size}_seed{args.seed}.jsonl"
        meta = data.with_suffix(".meta.json")
        if not (data.is_file() and meta.is_file()):
            meta.write_text(json.dumps(generate_posts(data, size, args.seed)))
        stats = json.loads(meta.read_text())
        for spec in args.runs:
            engine, workers = spec.split(":")
            out = args.out / (f"scaled_{size}_{engine}{workers}.jsonl" if engine == "local"
                              else f"scaled_{size}_{engine}{workers}.parquet")
            run = run_score(data, out, engine, int(workers))
            row = {"posts": stats["posts"], "texts": stats["texts"], "engine": engine, "workers": int(workers), **run,
                   "texts_per_s": stats["texts"] / run["seconds"], "texts_per_cpu_s": stats["texts"] / run["cpu_seconds"],
                   "load_1min": os.getloadavg()[0]}
            results.append(row)
            peak = f"{row['peak_process_mib']:.0f} MiB ({row['peak_process'][:10]})"
            print(f"{row['posts']:>8} {row['texts']:>9} {engine:>6} {workers:>7} {row['seconds']:>8.1f}"
                  f" {row['texts_per_s']:>8.0f} {row['cpu_seconds']:>8.1f} {row['texts_per_cpu_s']:>11.0f}"
                  f" {peak:>22} {row['tree_peak_mib']:>6.0f} MiB {row['load_1min']:>5.1f}", flush=True)
    report = args.out / "bench_scale.json"
    report.write_text(json.dumps({"commit": git_commit(), "results": results}, indent=2))
    print(f"(also in {report}; seconds include start-up, model loading and, for Ray, starting the cluster)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
