"""Plain-Python metrics: F1 (binary and macro), ROC AUC, the oracle threshold, confusion tables,
reliability bins, ECE.

No numpy or scikit-learn: the inputs are lists of at most a few thousand items, and these few
functions are easier to check by hand (tests/learn/test_metrics.py does) than a dependency.
"""

from __future__ import annotations

import math
from typing import Sequence


def confusion(gold: Sequence[int], pred: Sequence[int], n_classes: int) -> list[list[int]]:
    """table[g][p] = how many items of gold class g were predicted as p."""
    table = [[0] * n_classes for _ in range(n_classes)]
    for g, p in zip(gold, pred):
        table[g][p] += 1
    return table


def f1_per_class(table: list[list[int]]) -> list[float]:
    out = []
    for k in range(len(table)):
        tp = table[k][k]
        fp = sum(table[g][k] for g in range(len(table))) - tp
        fn = sum(table[k]) - tp
        out.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return out


def macro_f1(gold: Sequence[int], pred: Sequence[int], n_classes: int) -> float:
    """Mean F1 over the classes present in gold or pred (an absent class is not counted)."""
    table = confusion(gold, pred, n_classes)
    present = [k for k in range(n_classes) if sum(table[k]) or any(table[g][k] for g in range(n_classes))]
    scores = f1_per_class(table)
    return sum(scores[k] for k in present) / len(present) if present else 0.0


def binary_report(gold: Sequence[int], pred: Sequence[int]) -> dict[str, float | int]:
    """Precision, recall and F1 of the positive class, accuracy and the four counts."""
    tp = sum(1 for g, p in zip(gold, pred) if g == 1 and p == 1)
    fp = sum(1 for g, p in zip(gold, pred) if g == 0 and p == 1)
    fn = sum(1 for g, p in zip(gold, pred) if g == 1 and p == 0)
    tn = len(gold) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "accuracy": (tp + tn) / len(gold) if gold else 0.0,
            "tp": tp, "fp": fp, "fn": fn, "tn": tn}


def roc_auc(gold: Sequence[int], scores: Sequence[float]) -> float | None:
    """P(score of a random positive > score of a random negative), ties counted half. None if one class."""
    pairs = sorted(zip(scores, gold))
    n_pos = sum(gold)
    n_neg = len(gold) - n_pos
    if not n_pos or not n_neg:
        return None
    rank_sum, i = 0.0, 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        mean_rank = (i + j + 1) / 2  # ranks are 1-based: items i..j-1 share the mean rank
        rank_sum += mean_rank * sum(g for _s, g in pairs[i:j])
        i = j
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def best_threshold_f1(gold: Sequence[int], scores: Sequence[float]) -> dict[str, float] | None:
    """The largest positive-class F1 over every threshold, and that threshold (predict 1 at score >= it).

    An oracle: the threshold is chosen on the very labels it is scored against. It is a diagnostic
    of the ranking (can any cut-off reach a target?), never a decision rule. None without positives.
    """
    n_pos = sum(gold)
    if not n_pos:
        return None
    pairs = sorted(zip(scores, gold), reverse=True)
    best = {"f1": 0.0, "threshold": pairs[0][0]}
    tp = fp = i = 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:   # equal scores fall on one side together
            tp += pairs[j][1]
            fp += 1 - pairs[j][1]
            j += 1
        f1 = 2 * tp / (tp + fp + n_pos)
        if f1 > best["f1"]:
            best = {"f1": f1, "threshold": pairs[i][0]}
        i = j
    return best


def reliability(gold: Sequence[int], probs: Sequence[float], bins: int = 10) -> list[dict[str, float | int]]:
    """Equal-width bins of predicted probability: count, mean prediction and observed rate per bin."""
    out = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        members = [(p, g) for p, g in zip(probs, gold) if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if members:
            out.append({"bin": f"{lo:.1f}-{hi:.1f}", "count": len(members),
                        "mean_p": sum(p for p, _ in members) / len(members),
                        "rate": sum(g for _, g in members) / len(members)})
    return out


def ece(gold: Sequence[int], probs: Sequence[float], bins: int = 10) -> float:
    """Expected calibration error: the count-weighted mean |mean prediction - observed rate|."""
    table = reliability(gold, probs, bins)
    total = sum(row["count"] for row in table)
    return sum(row["count"] * abs(row["mean_p"] - row["rate"]) for row in table) / total if total else 0.0


def log_loss(gold: Sequence[int], probs: Sequence[float], eps: float = 1e-7) -> float:
    return -sum(math.log(max(eps, p if g else 1 - p)) for g, p in zip(gold, probs)) / max(1, len(gold))


def rounded(value):
    """Metrics rounded to 4 digits, recursively, for stable JSON."""
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [rounded(v) for v in value]
    return value
