"""Throughput and peak memory of `convert` on a large Apify Instagram JSON array (one document),
or on Apify TikTok comment rows of many videos interleaved (`--shape tiktok-comments`).

Writes a seeded synthetic dataset (N post items, each with comments and replies; or the comment
rows of N videos, round-robin across 50 videos at a time) to a temporary folder, converts it in a
child process per size and prints posts/s, MB/s and the child's peak RSS. Flat peak memory across
sizes shows the input is streamed (the comment rows through the on-disk index), not loaded.

    python bench/bench_adapters.py                 # sizes 5000 and 20000
    python bench/bench_adapters.py --sizes 1000 50000
    python bench/bench_adapters.py --shape tiktok-comments --sizes 2000 20000
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

WORDS = ("crema", "pelle", "settimana", "profumo", "shoes", "grip", "review", "honest", "link", "bio", "code",
         "giorno", "outfit", "comfy", "😍", "🔥", "#adv", "#ad", "grazie", "thanks")

CHILD = """
import json, resource, sys, time
from pathlib import Path
from authentic_nlp.io.adapters.convert import convert_files
src, out = Path(sys.argv[1]), Path(sys.argv[2])
start = time.perf_counter()
summary = convert_files([src], out, force=True)
seconds = time.perf_counter() - start
print(json.dumps({"posts": summary.converted, "comments": summary.comments, "seconds": seconds,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def write_dataset(path: Path, size: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("[\n")
        for number in range(size):
            comments = [{"id": f"c{number}-{k}", "text": sentence(rng, rng.randint(1, 12)), "ownerUsername": f"fan{k}",
                         "timestamp": "2024-05-01T11:00:00.000Z", "likesCount": rng.randint(0, 50),
                         "replies": [{"id": f"r{number}-{k}", "text": "@fan grazie!", "ownerUsername": f"creator{number % 300}",
                                      "timestamp": "2024-05-01T12:00:00.000Z"}] if k % 3 == 0 else []}
                        for k in range(rng.randint(0, 12))]
            item = {"id": str(10**18 + number), "shortCode": f"S{number:09d}", "caption": sentence(rng, rng.randint(0, 120)),
                    "hashtags": ["adv"], "ownerUsername": f"creator{number % 300}", "likesCount": f"{rng.randint(1, 99)}.{rng.randint(0, 9)}K",
                    "commentsCount": len(comments), "timestamp": "2024-05-01T10:00:00.000Z", "latestComments": comments,
                    "displayUrl": "https://example.invalid/x.jpg", "isSponsored": False}
            handle.write(("," if number else "") + json.dumps(item, ensure_ascii=False, indent=2) + "\n")
        handle.write("]\n")


def write_tiktok_comments(path: Path, size: int, seed: int = 7) -> None:
    """The comment rows of `size` videos, 50 videos at a time interleaved row by row."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("[\n")
        first = True
        for block in range(0, size, 50):
            videos = range(block, min(block + 50, size))
            rows = {v: [{"cid": f"{v}-{k}", "text": sentence(rng, rng.randint(1, 12)), "uniqueId": f"fan{k}",
                         "createTimeISO": "2024-05-01T11:00:00.000Z", "diggCount": rng.randint(0, 50),
                         "videoWebUrl": f"https://www.tiktok.com/@creator{v % 300}/video/{10**18 + v}"}
                        for k in range(rng.randint(1, 12))] for v in videos}
            for k in range(12):
                for v in videos:
                    if k < len(rows[v]):
                        handle.write(("" if first else ",") + json.dumps(rows[v][k], ensure_ascii=False) + "\n")
                        first = False
        handle.write("]\n")


WRITERS = {"instagram": write_dataset, "tiktok-comments": write_tiktok_comments}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000])
    parser.add_argument("--shape", choices=sorted(WRITERS), default="instagram")
    args = parser.parse_args()
    print(f"{'posts':>8} {'comments':>9} {'MB in':>7} {'seconds':>8} {'posts/s':>8} {'MB/s':>6} {'peak RSS MB':>12}")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            src, out = Path(folder) / f"dataset_{size}.json", Path(folder) / f"out_{size}.jsonl"
            WRITERS[args.shape](src, size)
            megabytes = src.stat().st_size / 1e6
            result = subprocess.run([sys.executable, "-c", CHILD, str(src), str(out)], capture_output=True, text=True, check=True)
            figures = json.loads(result.stdout.strip().splitlines()[-1])
            print(f"{figures['posts']:>8} {figures['comments']:>9} {megabytes:>7.1f} {figures['seconds']:>8.2f} "
                  f"{figures['posts'] / figures['seconds']:>8.0f} {megabytes / figures['seconds']:>6.1f} {figures['peak_rss_mb']:>12.1f}")


if __name__ == "__main__":
    main()
