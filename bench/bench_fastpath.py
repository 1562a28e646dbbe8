"""The fast path (issue 19): `score` end to end against spaCy's bare tokenize-and-match, memory, start-up.

    taskset -c 1 python bench/bench_fastpath.py                    # 10,000 posts (40,000 texts)
    taskset -c 0,1 python bench/bench_fastpath.py --posts 40000    # the issue's size; --workers 2 needs 2 cpus

Input: invented real-like posts (bench/fastpath_texts.py: a caption and three comments each, Italian
and English, emoji, hashtags, mentions), written once to bench/out/. Printed, in one run:

- spaCy's bare baseline: `spacy.blank("it")`'s own tokenizer plus a PhraseMatcher of 200 phrases over
  the same texts, texts/s, in this process on the first cpu;
- `authentic-nlp score --workers 1` on the first cpu, and `--workers 2` on the first two cpus
  (subprocesses, start-up included), texts/s and the ratio to the baseline;
- peak resident memory of each process of the run (main and each worker), and the sum over the tree
  sampled at 25%, 50% and 100% of the run's time (flat memory: these stay close);
- start-up: wall seconds of `--help`, `explain TEXT` and `score` of 10 posts (the median of 3);
- CPU seconds beside wall seconds (texts per cpu-second for the score runs): on a busy machine the
  wall figures mostly measure the other work, the CPU figures much less;
- the load average before and after, since other work on the machine slows every figure.

The targets (issue 19): >= 5,000 texts/s on one core, >= 0.15 of the baseline, workers 2 >= 1.8 x
workers 1, <= 400 MB per worker, explain < 1.5 s, score of 10 posts < 3 s, --help < 0.3 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from fastpath_texts import EN_TAIL, HASHTAGS, IT_TAIL, REPEATED, posts  # noqa: E402

CLI = ["-c", "from authentic_nlp.cli import run; run()"]
EXPLAIN_TEXT = "Usa il codice GIULIA20 per il 20% di sconto! #adv @brand"
SAMPLE_SECONDS = 0.2


def write_posts(path: Path, count: int, seed: int) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    texts = 0
    with open(path, "w", encoding="utf-8") as handle:
        for post in posts(count, seed):
            texts += 1 + len(post["comments"])
            handle.write(json.dumps(post, ensure_ascii=False) + "\n")
    return texts


def all_texts(path: Path) -> list[str]:
    out = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            post = json.loads(line)
            out.append(post["text"])
            out.extend(c["text"] for c in post["comments"])
    return out


def spacy_baseline(texts: list[str]) -> float:
    """texts/s of spacy.blank("it")'s tokenizer plus a PhraseMatcher (lower-case) of 200 phrases."""
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("it")
    phrases = sorted(set(IT_TAIL + EN_TAIL + HASHTAGS + REPEATED + [f"phrase number {i}" for i in range(200)]))[:200]
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("CUES", [nlp.make_doc(p) for p in phrases])
    tokenizer = nlp.tokenizer
    for text in texts[:2000]:
        matcher(tokenizer(text))
    started = time.perf_counter()
    found = 0
    for text in texts:
        found += len(matcher(tokenizer(text)))
    return len(texts) / (time.perf_counter() - started)


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu_ticks(pid: int) -> int:
    """utime + stime of one process, in clock ticks (/proc/PID/stat fields 14 and 15)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, IndexError, ValueError):
        return 0


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


class Sampler(threading.Thread):
    """Every SAMPLE_SECONDS: the resident memory of the process and of each descendant."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.samples, self.peaks, self._halt = pid, [], {}, threading.Event()
        self.ticks: dict[int, int] = {}   # the last CPU ticks seen per process (workers are not our children)

    def run(self) -> None:
        while not self._halt.is_set():
            tree, frontier = [], [self.pid]
            while frontier:
                pid = frontier.pop()
                tree.append(pid)
                frontier.extend(_children(pid))
            values = {pid: _rss_kib(pid) for pid in tree}
            for pid, value in values.items():
                self.peaks[pid] = max(self.peaks.get(pid, 0), value)
                self.ticks[pid] = max(self.ticks.get(pid, 0), _cpu_ticks(pid))
            self.samples.append((time.perf_counter(), sum(values.values())))
            self._halt.wait(SAMPLE_SECONDS)

    def stop(self) -> None:
        self._halt.set()
        self.join()


def run_cli(args: list[str], cpus: set[int] | None = None, sample: bool = False) -> dict:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, *CLI, *args], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                             preexec_fn=(lambda: os.sched_setaffinity(0, cpus)) if cpus else None)
    sampler = Sampler(child.pid) if sample else None
    if sampler:
        sampler.start()
    _, status, usage = os.wait4(child.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if sampler:
        sampler.stop()
    if code not in (0, 3):
        raise SystemExit(f"exit code {code}: {' '.join(args)}")
    out = {"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime}   # the process tree's CPU time
    if sampler and sampler.samples:
        alive = [s for s in sampler.samples if s[1] > 0] or sampler.samples
        sampler.samples = alive
        t0, t1 = started, alive[-1][0]
        at = lambda share: min(sampler.samples, key=lambda s: abs(s[0] - (t0 + share * (t1 - t0))))[1] / 1024  # noqa: E731
        out["rss_tree_mib"] = {"25%": at(0.25), "50%": at(0.5), "100%": at(1.0)}
        # CPU: the main process from wait4; the pool's workers (children of the forkserver, not of the
        # main process, so wait4 leaves them out) from their last /proc sample (up to SAMPLE_SECONDS short)
        others = sum(t for pid, t in sampler.ticks.items() if pid != child.pid) / os.sysconf("SC_CLK_TCK")
        if workers_run(args):
            out["cpu_seconds"] += others
        peaks = dict(sampler.peaks)
        out["rss_main_mib"] = peaks.pop(child.pid, 0) / 1024
        # the worker processes (the pool's forkserver and resource tracker, a few MiB, are left out)
        out["rss_workers_mib"] = [v / 1024 for v in sorted(peaks.values(), reverse=True) if v > 50 * 1024]
    return out


def workers_run(args: list[str]) -> bool:
    return "--workers" in args and args[args.index("--workers") + 1] != "1"


def startup(cpus: set[int], posts10: Path, out: Path, repeat: int) -> dict[str, float]:
    runs = {"--help": ["--help"], "explain": ["explain", EXPLAIN_TEXT],
            "score 10 posts": ["score", str(posts10), "-o", str(out), "--force", "--quiet"]}
    out = {}
    for name, args in runs.items():
        runs_ = [run_cli(args, cpus) for _ in range(repeat)]
        out[name] = {"seconds": statistics.median(r["seconds"] for r in runs_),
                     "cpu_seconds": statistics.median(r["cpu_seconds"] for r in runs_)}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--repeat", type=int, default=3, help="start-up runs per command (the median is printed)")
    parser.add_argument("--skip-workers2", action="store_true")
    args = parser.parse_args(argv)

    cpus = sorted(os.sched_getaffinity(0))
    first, two = {cpus[0]}, set(cpus[:2])
    load_before = os.getloadavg()
    data = args.out / f"fastpath_{args.posts}_seed{args.seed}.jsonl"
    texts = write_posts(data, args.posts, args.seed)
    posts10 = args.out / "fastpath_10.jsonl"
    write_posts(posts10, 10, args.seed)
    print(f"{args.posts} posts, {texts} texts ({data.name}); cpus allowed {cpus}; load average before "
          + " ".join(f"{x:.2f}" for x in load_before))

    os.sched_setaffinity(0, first)
    baseline = spacy_baseline(all_texts(data))
    os.sched_setaffinity(0, set(cpus))
    print(f"spaCy blank tokenizer + PhraseMatcher (cpu {cpus[0]}): {baseline:,.0f} texts/s")

    results = {"posts": args.posts, "texts": texts, "baseline_texts_per_s": baseline, "load_before": load_before}
    for workers, allowed in ((1, first), (2, two)):
        if workers == 2 and (args.skip_workers2 or len(two) < 2):
            print("workers 2: skipped (needs two cpus: run under taskset -c 0,1)" if not args.skip_workers2 else "")
            continue
        run = run_cli(["score", str(data), "-o", str(args.out / f"fastpath_scored_w{workers}.jsonl"), "--workers",
                       str(workers), "--force", "--quiet"], allowed, sample=True)
        rate = texts / run["seconds"]
        results[f"workers_{workers}"] = {**run, "texts_per_s": rate}
        tree = run.get("rss_tree_mib", {})
        print(f"score --workers {workers} (cpus {sorted(allowed)}): {run['seconds']:.1f} s, {rate:,.0f} texts/s "
              f"({texts / run['cpu_seconds']:,.0f} texts per cpu-second), "
              f"{rate / baseline:.3f} of the baseline; peak RSS main {run.get('rss_main_mib', 0):.0f} MiB, workers "
              f"{', '.join(f'{v:.0f}' for v in run.get('rss_workers_mib', [])) or '-'} MiB; tree at 25/50/100%: "
              + " / ".join(f"{v:.0f}" for v in tree.values()) + " MiB")
    if "workers_1" in results and "workers_2" in results:
        speedup = results["workers_2"]["texts_per_s"] / results["workers_1"]["texts_per_s"]
        results["workers_2_speedup"] = speedup
        print(f"workers 2 / workers 1: {speedup:.2f}x")

    timings = startup(first, posts10, args.out / "fastpath_10_scored.jsonl", args.repeat)
    results["startup_s"] = timings
    print("start-up (cpu %d, median of %d): " % (cpus[0], args.repeat)
          + ", ".join(f"{name} {t['seconds']:.2f} s ({t['cpu_seconds']:.2f} s cpu)" for name, t in timings.items()))
    results["load_after"] = os.getloadavg()
    print("load average after " + " ".join(f"{x:.2f}" for x in results["load_after"]))
    (args.out / "bench_fastpath.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
