"""Texts per cpu-second of `Analyzer.analyze_posts` alone (start-up excluded), optionally with a profile.

    taskset -c 1 python bench/profile_posts.py 2000             # 2,000 invented posts (bench/fastpath_texts.py)
    taskset -c 1 python bench/profile_posts.py 2000 tottime     # ... and cProfile's top 45 by internal time

Posts go through in chunks of 64, as `authentic-nlp score` sends them (engine/runner.py); the first
chunk warms the caches and is not counted.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench")]
sys.path.append(str(ROOT))

from fastpath_texts import posts  # noqa: E402

CHUNK = 64


def main(argv: list[str]) -> int:
    from authentic_nlp.pipeline import Analyzer
    from authentic_nlp.schema import parse_post

    count = int(argv[0]) if argv else 2000
    records = [parse_post(p) for p in posts(count, 11)]
    analyzer = Analyzer()
    analyzer.analyze_posts(records[:CHUNK])
    profile = cProfile.Profile() if len(argv) > 1 else None
    started = time.process_time()
    if profile:
        profile.enable()
    for i in range(CHUNK, len(records), CHUNK):
        analyzer.analyze_posts(records[i:i + CHUNK])
    if profile:
        profile.disable()
    texts = sum(1 + len(p.comments) for p in records[CHUNK:])
    print(f"{texts} texts, {texts / (time.process_time() - started):,.0f} texts per cpu-second")
    if profile:
        pstats.Stats(profile).sort_stats(argv[1]).print_stats(45)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
