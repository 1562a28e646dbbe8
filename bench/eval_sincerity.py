"""Measure `sincerity.score` on two real public sets it was never fitted to.

    python bench/eval_sincerity.py [--data ../shared/data] [--full] [--limit N]

- op-spam (Ott et al. 2011/2013, hotel reviews; a cross-domain probe): the AUC of the score for
  truthful (label 1) against deceptive (label 0) reviews, overall and within each polarity, with
  the mean score and confidence per class.
- ironita (IronITA 2018, Italian tweets): how the score distributes over ironic and non-ironic
  tweets (mean, quartiles), overall and per topic, and the AUC of the score for "not ironic"
  against "ironic" (0.5 = the two distributions cannot be told apart; irony is not insincerity).

Texts go through the real text path (normalize -> language -> spaCy Doc, `Analyzer.analyze_text`)
and `score_sincerity`; `--full` runs whole posts through `Analyzer.analyze_post` instead (every
stage, slower). The data is read for measurement only: no text is printed or kept, and nothing here
feeds back into the cue files (rules in docs/notes/sincerity.md).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def auc(positives: list[float], negatives: list[float]) -> float:
    """P(score of a positive > score of a negative), ties counting one half (Mann-Whitney U)."""
    if not positives or not negatives:
        return float("nan")
    pooled = sorted([(s, 1) for s in positives] + [(s, 0) for s in negatives])
    rank_sum, i = 0.0, 0
    while i < len(pooled):
        j = i
        while j < len(pooled) and pooled[j][0] == pooled[i][0]:
            j += 1
        average_rank = (i + 1 + j) / 2.0
        rank_sum += average_rank * sum(1 for k in range(i, j) if pooled[k][1] == 1)
        i = j
    n_pos, n_neg = len(positives), len(negatives)
    return (rank_sum - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg)


def quartiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) < 2:
        v = values[0] if values else float("nan")
        return v, v, v
    q = statistics.quantiles(values, n=4, method="inclusive")
    return q[0], q[1], q[2]


def scorer(full: bool):
    from authentic_nlp.analyzers.sincerity import score_sincerity
    from authentic_nlp.pipeline import Analyzer
    from authentic_nlp.schema import parse_post

    analyzer = Analyzer()

    def score(raw: dict) -> tuple[float, float, int]:
        if full:
            section = analyzer.analyze_post(parse_post(raw))["sincerity"]
            return section["score"], section["confidence"], len(raw.get("text", "").split())
        result = score_sincerity(analyzer.analyze_text(raw.get("text", "")))
        return result.score, result.confidence, result.words

    return score


def run(folder: Path, score, limit: int | None) -> tuple[list[tuple[float, float, int]], list[dict], float]:
    posts = read_jsonl(folder / "posts.jsonl")[:limit]
    gold = {g["id"]: g for g in read_jsonl(folder / "gold.jsonl")}
    started = time.perf_counter()
    scores = [score(p) for p in posts]
    return scores, [gold[p["id"]] for p in posts], time.perf_counter() - started


def summary(values: list[float]) -> str:
    q1, q2, q3 = quartiles(values)
    return f"{statistics.fmean(values):.3f}  {q1:.3f}  {q2:.3f}  {q3:.3f}" if values else "-"


def op_spam(folder: Path, score, limit: int | None) -> None:
    scores, gold, seconds = run(folder, score, limit)
    print(f"\n## op-spam ({len(scores)} reviews, {seconds:.1f} s): AUC of the score, truthful vs deceptive\n")
    print("| subset | n | AUC | AUC of word count alone (baseline) | mean score truthful | mean score deceptive "
          "| mean confidence |")
    print("|---|---|---|---|---|---|---|")
    for polarity in (None, "positive", "negative"):
        rows = [(s, g) for s, g in zip(scores, gold) if polarity is None or g["polarity"] == polarity]
        truthful = [s for (s, _, _), g in rows if g["deceptive"] == 0]
        deceptive = [s for (s, _, _), g in rows if g["deceptive"] == 1]
        length_auc = auc([w for (_, _, w), g in rows if g["deceptive"] == 0],
                         [w for (_, _, w), g in rows if g["deceptive"] == 1])
        confidence = statistics.fmean(c for (_, c, _), _ in rows)
        print(f"| {polarity or 'all'} | {len(rows)} | {auc(truthful, deceptive):.3f} | {length_auc:.3f} | "
              f"{statistics.fmean(truthful):.3f} | {statistics.fmean(deceptive):.3f} | {confidence:.3f} |")


def ironita(folder: Path, score, limit: int | None) -> None:
    scores, gold, seconds = run(folder, score, limit)
    print(f"\n## ironita ({len(scores)} tweets, {seconds:.1f} s): score by irony (mean, Q1, median, Q3)\n")
    print("| subset | n not ironic | not ironic | n ironic | ironic | AUC not-ironic > ironic |")
    print("|---|---|---|---|---|---|")
    groups: dict[str, list[tuple[float, dict]]] = defaultdict(list)
    for (s, _, _), g in zip(scores, gold):
        groups["all"].append((s, g))
        groups[f"topic {g['topic']}"].append((s, g))
    for name in ["all"] + sorted(k for k in groups if k != "all"):
        plain = [s for s, g in groups[name] if g["irony"] == 0]
        ironic = [s for s, g in groups[name] if g["irony"] == 1]
        print(f"| {name} | {len(plain)} | {summary(plain)} | {len(ironic)} | {summary(ironic)} | "
              f"{auc(plain, ironic):.3f} |")
    sarcastic = [s for (s, _, _), g in zip(scores, gold) if g["sarcasm"] == 1]
    ironic_only = [s for (s, _, _), g in zip(scores, gold) if g["irony"] == 1 and g["sarcasm"] == 0]
    print(f"| sarcastic vs ironic-not-sarcastic | {len(ironic_only)} | {summary(ironic_only)} | {len(sarcastic)} | "
          f"{summary(sarcastic)} | {auc(ironic_only, sarcastic):.3f} |")
    neutral = sum(1 for s, _, _ in scores if s == 0.5)
    confidence = statistics.fmean(c for _, c, _ in scores)
    print(f"\nexactly neutral (0.5, no cue fired): {neutral / len(scores):.1%}; mean confidence {confidence:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / ".." / "shared" / "data",
                        help="folder holding op-spam/ and ironita/ (default ../shared/data from the repo root)")
    parser.add_argument("--full", action="store_true", help="run whole posts through Analyzer.analyze_post")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N texts of each set")
    args = parser.parse_args()
    score = scorer(args.full)
    print(f"sincerity evaluation ({'analyze_post' if args.full else 'analyze_text + score_sincerity'})")
    op_spam(args.data / "op-spam", score, args.limit)
    ironita(args.data / "ironita", score, args.limit)


if __name__ == "__main__":
    main()
