"""Measure comment typing on real public data (evaluation only: nothing here is fitted to it).

    python bench/eval_comments.py                       # both sets, default paths
    python bench/eval_comments.py --data ../shared/data

- youtube-spam: precision, recall and F1 of `type == spam` against the gold `spam` label, and the
  per-video `conversation.spam_share` against the gold share;
- multiemotions-it: how the four types distribute over comments labelled unrelated vs related.

Only counts and rates are printed, never comment text. Comments are analysed by the full Analyzer
(normalization, language id, social tokenizer), as in production.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from authentic_nlp.analyzers.comments import COMMENT_TYPES  # noqa: E402
from authentic_nlp.pipeline import Analyzer  # noqa: E402
from authentic_nlp.schema import parse_post  # noqa: E402


def read_jsonl(path: Path):
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def scored(folder: Path, analyzer: Analyzer):
    gold = {g["id"]: g for g in read_jsonl(folder / "gold.jsonl")}
    for raw in read_jsonl(folder / "posts.jsonl"):
        yield raw, analyzer.analyze_post(parse_post(raw)), gold[raw["id"]]


def youtube_spam(folder: Path, analyzer: Analyzer) -> None:
    tp = fp = fn = tn = 0
    by_label: dict[int, Counter] = {0: Counter(), 1: Counter()}
    print(f"\n## youtube-spam ({folder})\n")
    print("| post | comments | gold spam share | spam_share |\n|---|---|---|---|")
    for raw, record, gold in scored(folder, analyzer):
        labels = gold["comments"]
        for out in record["comments"]:
            spam_gold = int(labels[out["id"]]["spam"])
            predicted = out["type"] == "spam"
            by_label[spam_gold][out["type"]] += 1
            tp += predicted and spam_gold
            fp += predicted and not spam_gold
            fn += (not predicted) and spam_gold
            tn += (not predicted) and not spam_gold
        share = sum(int(v["spam"]) for v in labels.values()) / max(1, len(labels))
        print(f"| {raw['id']} | {len(labels)} | {share:.3f} | {record['conversation']['spam_share']:.3f} |")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = (tp + tn) / max(1, tp + fp + fn + tn)
    print(f"\ntype == spam vs gold spam: precision {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f}, "
          f"accuracy {accuracy:.3f} (tp {tp}, fp {fp}, fn {fn}, tn {tn})")
    _distribution("gold spam = 1", by_label[1])
    _distribution("gold spam = 0", by_label[0])


def multiemotions(folder: Path, analyzer: Analyzer) -> None:
    by_label: dict[str, Counter] = {"unrelated": Counter(), "related": Counter()}
    for _raw, record, gold in scored(folder, analyzer):
        for out in record["comments"]:
            key = "unrelated" if int(gold["comments"][out["id"]]["unrelated"]) else "related"
            by_label[key][out["type"]] += 1
    print(f"\n## multiemotions-it ({folder})\n")
    print("| label | comments | " + " | ".join(COMMENT_TYPES) + " |")
    print("|---|---|" + "---|" * len(COMMENT_TYPES))
    for key, counts in by_label.items():
        total = sum(counts.values())
        cells = " | ".join(f"{counts[t] / max(1, total):.1%}" for t in COMMENT_TYPES)
        print(f"| {key} | {total} | {cells} |")
    u, r = by_label["unrelated"], by_label["related"]
    share = lambda c, ts: sum(c[t] for t in ts) / max(1, sum(c.values()))  # noqa: E731
    print(f"\nspam or generic: unrelated {share(u, ('spam', 'generic')):.1%}, related {share(r, ('spam', 'generic')):.1%}; "
          f"spam: unrelated {share(u, ('spam',)):.1%}, related {share(r, ('spam',)):.1%}")


def _distribution(label: str, counts: Counter) -> None:
    total = sum(counts.values())
    cells = ", ".join(f"{t} {counts[t] / max(1, total):.1%}" for t in COMMENT_TYPES)
    print(f"  types over {label} ({total}): {cells}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO / ".." / "shared" / "data",
                        help="folder holding youtube-spam/ and multiemotions-it/ (default ../shared/data)")
    parser.add_argument("--only", choices=("youtube-spam", "multiemotions-it"))
    args = parser.parse_args(argv)
    analyzer = Analyzer()
    start = time.perf_counter()
    if args.only in (None, "youtube-spam"):
        youtube_spam(args.data / "youtube-spam", analyzer)
    if args.only in (None, "multiemotions-it"):
        multiemotions(args.data / "multiemotions-it", analyzer)
    print(f"\n({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
