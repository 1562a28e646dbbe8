"""Metrics and calibration checked against hand-computed values."""

from __future__ import annotations

import pytest

from authentic_nlp.learn.calibration import fit_temperature, sigmoid, softmax
from authentic_nlp.learn.metrics import (best_threshold_f1, binary_report, confusion, ece, macro_f1, reliability,
                                        roc_auc)


def test_binary_report_by_hand():
    # tp=2 fp=1 fn=1 tn=2 -> precision 2/3, recall 2/3, f1 2/3
    r = binary_report([1, 1, 1, 0, 0, 0], [1, 1, 0, 1, 0, 0])
    assert (r["tp"], r["fp"], r["fn"], r["tn"]) == (2, 1, 1, 2)
    assert r["precision"] == pytest.approx(2 / 3) and r["f1"] == pytest.approx(2 / 3)


def test_macro_f1_and_confusion():
    gold, pred = [0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 2, 0]
    assert confusion(gold, pred, 3) == [[1, 1, 0], [0, 1, 0], [1, 0, 2]]
    # class f1: 0 -> 2*1/(2+1+1)=0.5, 1 -> 2/(2+1)=2/3, 2 -> 4/(4+1)=0.8
    assert macro_f1(gold, pred, 3) == pytest.approx((0.5 + 2 / 3 + 0.8) / 3)
    assert macro_f1([0, 0], [0, 0], 4) == 1.0  # absent classes are not counted


@pytest.mark.parametrize("gold, scores, expected", [
    ([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9], 1.0),
    ([0, 0, 1, 1], [0.9, 0.8, 0.2, 0.1], 0.0),
    ([0, 1], [0.5, 0.5], 0.5),                      # a tie counts half
    ([0, 0, 1, 1], [0.1, 0.6, 0.6, 0.9], 0.875),    # 3.5 of 4 pairs
    ([1, 1], [0.2, 0.3], None),                     # one class: undefined
])
def test_roc_auc(gold, scores, expected):
    assert roc_auc(gold, scores) == (pytest.approx(expected) if expected is not None else None)


def test_reliability_and_ece_by_hand():
    gold, probs = [1, 0, 1, 1], [0.05, 0.05, 0.95, 0.95]
    bins = reliability(gold, probs)
    assert [(b["count"], b["rate"]) for b in bins] == [(2, 0.5), (2, 1.0)]
    assert ece(gold, probs) == pytest.approx((2 * 0.45 + 2 * 0.05) / 4)


def test_temperature_softens_an_overconfident_head():
    # right 70% of the time at logit +-6: a temperature above 1 fits better
    logits = [6.0] * 10 + [-6.0] * 10
    gold = [1] * 7 + [0] * 3 + [0] * 7 + [1] * 3
    assert fit_temperature(logits, gold) > 2.0
    assert fit_temperature([], []) == 1.0


def test_temperature_multiclass_keeps_argmax():
    rows = [[4.0, 0.0, 0.0, 0.0], [0.0, 4.0, 0.0, 0.0], [0.0, 0.0, 4.0, 0.0], [4.0, 0.0, 0.0, 0.0]]
    t = fit_temperature(rows, [0, 1, 2, 3], multiclass=True)
    assert t > 1.0
    assert [max(range(4), key=lambda k: softmax(r, t)[k]) for r in rows] == [0, 1, 2, 0]
    assert sigmoid(0.0) == 0.5


@pytest.mark.parametrize("gold, scores, f1, threshold", [
    ([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9], 1.0, 0.8),
    # cut at 0.9: 2/3; at 0.8: 1/2; at 0.7: tp 2, fp 1 -> 4/5; at 0.1: 2/3
    ([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.1], 0.8, 0.7),
    ([1, 0], [0.5, 0.5], 2 / 3, 0.5),               # tied scores fall on one side together
])
def test_best_threshold_f1_by_hand(gold, scores, f1, threshold):
    best = best_threshold_f1(gold, scores)
    assert best["f1"] == pytest.approx(f1) and best["threshold"] == threshold
    # the reported threshold gives exactly the reported F1
    assert binary_report(gold, [int(s >= threshold) for s in scores])["f1"] == pytest.approx(f1)


def test_best_threshold_f1_without_positives():
    assert best_threshold_f1([0, 0], [0.3, 0.7]) is None
