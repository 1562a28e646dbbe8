"""Cost of the sincerity stage per caption, and of the creator-level pass.

    python bench/bench_sincerity.py [--posts 2000] [--seed 7] [--repeat 3]

Captions come from bench/generate.py (seeded, hand-written fragments; load, not labelled data).
Each caption is analysed first (normalize -> language -> spaCy Doc, not timed); then the stage's
own work is timed: `score_sincerity` + `as_record` per caption (the best of `--repeat` passes).
Times are CPU time of this process (`time.process_time`), so other load on a shared machine does
not inflate them; wall time on an idle core is about the same.
Printed: ms per caption (mean, median, p95), captions/s, the text path for comparison (ms per
`analyze_text`), and the creator-level pass (`creator_sincerity_adjustments`) at growing sizes,
to show its near-linear cost.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing
sys.path.insert(0, str(ROOT / "bench"))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def stage_cost(analyses, repeat: int) -> list[float]:
    from authentic_nlp.analyzers.sincerity import score_sincerity

    best = None
    for _ in range(repeat):
        times = []
        for analysis in analyses:
            started = time.process_time()
            score_sincerity(analysis).as_record()
            times.append((time.process_time() - started) * 1000.0)
        if best is None or sum(times) < sum(best):
            best = times
    return best or []


def creator_cost(posts, sizes: list[int]) -> list[tuple[int, float]]:
    from authentic_nlp.analyzers.sincerity_creator import creator_sincerity_adjustments

    out = []
    for size in sizes:
        group = posts[:size]
        started = time.process_time()
        creator_sincerity_adjustments(group)
        out.append((len(group), time.process_time() - started))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from generate import generate

    from authentic_nlp.analyzers.sincerity import build
    from authentic_nlp.pipeline import AnalysisOptions, Analyzer
    from authentic_nlp.schema import parse_post

    raws = list(generate(args.posts, seed=args.seed))
    posts = [parse_post(r) for r in raws]
    analyzer = Analyzer()
    build(AnalysisOptions())  # loads the cue data once, as the pipeline does
    started = time.process_time()
    analyses = [analyzer.analyze_text(p.text) for p in posts]
    text_ms = (time.process_time() - started) * 1000.0 / len(posts)

    times = stage_cost(analyses, args.repeat)
    chars = statistics.fmean(len(a.text) for a in analyses)
    print(f"sincerity stage on {len(times)} generated captions (mean {chars:.0f} characters), best of {args.repeat}\n")
    print("| measure | value |")
    print("|---|---|")
    print(f"| CPU ms per caption, mean | {statistics.fmean(times):.3f} |")
    print(f"| CPU ms per caption, median | {statistics.median(times):.3f} |")
    print(f"| CPU ms per caption, p95 | {percentile(times, 0.95):.3f} |")
    print(f"| captions per second (stage only, one core) | {1000.0 / statistics.fmean(times):,.0f} |")
    print(f"| CPU ms per caption for the text path (normalize, language, spaCy), for comparison | {text_ms:.3f} |")

    sizes = [n for n in (250, 500, 1000, 2000, 4000) if n <= len(posts)]
    print("\ncreator-level pass (all generated posts treated as one creator's: the worst case)\n")
    print("| posts | CPU seconds | CPU ms per post |")
    print("|---|---|---|")
    for n, seconds in creator_cost(posts, sizes):
        print(f"| {n} | {seconds:.3f} | {seconds * 1000.0 / n:.3f} |")


if __name__ == "__main__":
    main()
