"""Per-task metrics from gold labels and calibrated probabilities, in one JSON-ready shape.

    binary task (sponsored, sincere, spam ...): macro-F1 over both classes, F1/precision/recall of
        the positive class, AUC, confusion [[tn, fp], [fn, tp]], reliability bins and ECE, and the
        oracle F1 (the best F1 at any threshold, chosen on these very labels: a diagnostic of the
        ranking, never a decision rule)
    comment type (4 classes): macro-F1, per-class F1, confusion, and the spam-vs-rest binary view
"""

from __future__ import annotations

from typing import Sequence

from .metrics import (binary_report, best_threshold_f1, confusion, ece, f1_per_class, macro_f1, reliability, roc_auc,
                      rounded)

COMMENT_TYPES = ("substantive", "question", "generic", "spam")


def binary_metrics(gold: Sequence[int], probs: Sequence[float] | None, pred: Sequence[int] | None = None,
                   threshold: float = 0.5) -> dict:
    """`probs` may be None (a rule with no score): then AUC and calibration are left out."""
    if pred is None:
        if probs is None:
            raise ValueError("binary_metrics needs probs or pred")
        pred = [int(p >= threshold) for p in probs]
    out = {"n": len(gold), "positives": int(sum(gold)), "macro_f1": macro_f1(gold, pred, 2),
           **binary_report(gold, pred), "confusion": confusion(gold, pred, 2)}
    if probs is not None:
        oracle = best_threshold_f1(gold, probs)
        out.update({"auc": roc_auc(gold, probs), "ece": ece(gold, probs), "reliability": reliability(gold, probs),
                    "oracle_f1": oracle and oracle["f1"], "oracle_threshold": oracle and oracle["threshold"]})
    return rounded(out)


def multiclass_metrics(gold: Sequence[int], pred: Sequence[int], labels: Sequence[str] = COMMENT_TYPES,
                       probs: Sequence[Sequence[float]] | None = None) -> dict:
    table = confusion(gold, pred, len(labels))
    out = {"n": len(gold), "macro_f1": macro_f1(gold, pred, len(labels)), "accuracy":
           sum(1 for g, p in zip(gold, pred) if g == p) / len(gold) if gold else 0.0,
           "f1": dict(zip(labels, f1_per_class(table))), "labels": list(labels), "confusion": table}
    if "spam" in labels:
        k = list(labels).index("spam")
        spam_gold = [int(g == k) for g in gold]
        spam_probs = [row[k] for row in probs] if probs is not None else None
        out["spam"] = binary_metrics(spam_gold, spam_probs, [int(p == k) for p in pred])
    return rounded(out)


def argmax(row: Sequence[float]) -> int:
    return max(range(len(row)), key=lambda i: (row[i], -i))
