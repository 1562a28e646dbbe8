"""Evaluate (and calibrate) the sponsorship stage.

    python bench/eval_sponsorship.py            # instasynth-synthetic + the verdict confusion table
    python bench/eval_sponsorship.py --fit      # refit markets/probability.yaml on the hand-written captions
    python bench/eval_sponsorship.py --corpus   # verdict agreement on corpora/it, corpora/en (train+dev splits)
    python bench/eval_sponsorship.py --corpus --split test        # the held-out split (figures only)
    python bench/eval_sponsorship.py --corpus --show 40           # list train/dev disagreements

--fit uses only tests/sponsorship/cases.yaml and calibration.yaml (hand-written for this project) and
prints a 5-fold cross-validated reliability table. The default run reads ../shared/data (evaluation
only: nothing is fitted on it) and prints precision, recall and F1 of probability >= 0.5 against
`sponsored`, AUC, the breakdown by `has_at_mention` (see that folder's README: the @mention
artefact), the verdicts by label, and the confusion table of verdicts on the hand-written cases.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from authentic_nlp.analyzers.sponsorship import assess  # noqa: E402
from authentic_nlp.analyzers.sponsorship_probability import FEATURES, fit, sigmoid  # noqa: E402
from authentic_nlp.learn.metrics import roc_auc  # noqa: E402
from authentic_nlp.markets.loader import load_signals  # noqa: E402
from authentic_nlp.markets.rules import load_markets  # noqa: E402
from authentic_nlp.schema import parse_post  # noqa: E402
from authentic_nlp.text.normalize import normalize  # noqa: E402

CASES = ROOT / "tests" / "sponsorship" / "cases.yaml"
CALIBRATION = ROOT / "tests" / "sponsorship" / "calibration.yaml"
PROBABILITY = ROOT / "authentic_nlp" / "markets" / "probability.yaml"
VERDICTS = ("disclosed", "weak_disclosure", "undisclosed", "organic")


def hand_written(with_cases: bool = False) -> list[dict]:
    """Calibration captions; with the case table too (commercial = verdict is not organic)."""
    rows = []
    if with_cases:
        for case in yaml.safe_load(CASES.read_text(encoding="utf-8"))["cases"]:
            rows.append({**case, "commercial": int(case["verdict"] != "organic")})
    for case in yaml.safe_load(CALIBRATION.read_text(encoding="utf-8"))["cases"]:
        rows.append({**case, "market": case.get("market") or ("it" if case["id"].startswith("cal-it") else "us")})
    return rows


def features_of(rows: list[dict]) -> list[tuple[str, dict]]:
    markets = load_markets()
    signals = load_signals()
    out = []
    for row in rows:
        post = parse_post({"id": row["id"], "text": row["text"], "creator": row.get("creator"),
                           "platform_paid_partnership": row.get("flag"), "market": row["market"]})
        verdict, _evidence, features = assess(normalize(post.text), post, markets[row["market"]], signals)
        out.append((verdict, features))
    return out


def reliability(probs: list[float], labels: list[int], bins: int = 5) -> list[tuple[str, int, float, float]]:
    table = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, p in enumerate(probs) if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if idx:
            table.append((f"{lo:.1f}-{hi:.1f}", len(idx), sum(probs[i] for i in idx) / len(idx),
                          sum(labels[i] for i in idx) / len(idx)))
    return table


def run_fit() -> None:
    rows = hand_written(with_cases=True)
    feats = [f for _v, f in features_of(rows)]
    labels = [r["commercial"] for r in rows]
    # 5-fold cross-validated probabilities (folds by position, deterministic), class-balanced
    balance = [0.5 / sum(labels) if y else 0.5 / (len(labels) - sum(labels)) for y in labels]
    cv = [0.0] * len(rows)
    for k in range(5):
        train = [i for i in range(len(rows)) if i % 5 != k]
        bias, coef = fit([feats[i] for i in train], [labels[i] for i in train])
        for i in range(k, len(rows), 5):
            cv[i] = sigmoid(bias + sum(coef[f] * feats[i][f] for f in FEATURES))
    bias, coef = fit(feats, labels)
    lines = ["# Coefficients of the cue logit behind sponsorship.probability (analyzers/sponsorship_probability.py).",
             "# Written by `python bench/eval_sponsorship.py --fit`: non-negative, class-balanced logistic regression",
             f"# (L2 0.002) on {len(rows)} hand-written captions (tests/sponsorship/cases.yaml + calibration.yaml); never on ../shared/data.",
             'source: "fitted on the hand-written captions in tests/sponsorship (cases.yaml, calibration.yaml)"',
             f"bias: {bias:.4f}", "model_weight: 0.5", "coefficients:"]
    lines += [f"  {name}: {coef[name]:.4f}" for name in FEATURES]
    PROBABILITY.write_text("\n".join(lines) + "\n", encoding="utf-8")
    brier = sum(w * (p - y) ** 2 for p, y, w in zip(cv, labels, balance))
    print(f"fitted on {len(rows)} hand-written captions ({sum(labels)} commercial); wrote {PROBABILITY.relative_to(ROOT)}")
    print(f"bias {bias:.3f}; " + ", ".join(f"{k} {v:.2f}" for k, v in coef.items()))
    print(f"5-fold cross-validated, class-balanced Brier score {brier:.3f}; reliability (bin, n, mean predicted, observed rate):")
    for row in reliability(cv, labels):
        print("  %-8s n=%-4d predicted %.2f  observed %.2f" % row)
    print(f"5-fold cross-validated AUC {auc(cv, labels):.3f}")


def auc(scores: list[float], labels: list[int]) -> float:
    """Probability that a random positive outscores a random negative (ties count half); nan with one class."""
    value = roc_auc(labels, scores)
    return float("nan") if value is None else value


def prf(preds: list[int], labels: list[int]) -> tuple[float, float, float]:
    tp = sum(p and y for p, y in zip(preds, labels))
    fp = sum(p and not y for p, y in zip(preds, labels))
    fn = sum(y and not p for p, y in zip(preds, labels))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def run_eval(data: Path) -> None:
    from authentic_nlp import load_analyzer

    gold = {g["id"]: g for g in map(json.loads, (data / "gold.jsonl").read_text(encoding="utf-8").splitlines())}
    analyzer = load_analyzer()
    scores, labels, mention, verdicts = [], [], [], []
    with (data / "posts.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            post = parse_post(json.loads(line))
            out = analyzer.analyze_post(post)["sponsorship"]
            g = gold[post.id]
            scores.append(out["probability"])
            labels.append(int(g["sponsored"]))
            mention.append(int(g["has_at_mention"]))
            verdicts.append(out["verdict"])
    print(f"instasynth-synthetic ({data}): {len(scores)} posts, {sum(labels)} sponsored")
    print("| subset | n | sponsored | precision | recall | F1 | AUC |")
    print("|---|---|---|---|---|---|---|")
    for name, keep in (("all", lambda i: True), ("has_at_mention = 1", lambda i: mention[i] == 1),
                       ("has_at_mention = 0", lambda i: mention[i] == 0)):
        idx = [i for i in range(len(scores)) if keep(i)]
        s, y = [scores[i] for i in idx], [labels[i] for i in idx]
        p, r, f = prf([int(x >= 0.5) for x in s], y)
        print(f"| {name} | {len(idx)} | {sum(y)} | {p:.3f} | {r:.3f} | {f:.3f} | {auc(s, y):.3f} |")
    print("\nverdicts by gold label (rows: sponsored 1/0)")
    for y in (1, 0):
        counts = Counter(v for v, lab in zip(verdicts, labels) if lab == y)
        print(f"  sponsored={y}: " + ", ".join(f"{v} {counts.get(v, 0)}" for v in VERDICTS))
    p, r, f = prf([int(v != "organic") for v in verdicts], labels)
    print(f"  verdict != organic as a sponsored prediction: precision {p:.3f}, recall {r:.3f}, F1 {f:.3f}")


def run_confusion() -> None:
    rows = yaml.safe_load(CASES.read_text(encoding="utf-8"))["cases"]
    got = [v for v, _f in features_of(rows)]
    print(f"\nverdict confusion on the hand-written case table ({len(rows)} cases; rows expected, columns predicted)")
    print("| expected \\ predicted | " + " | ".join(VERDICTS) + " |")
    print("|---" * (len(VERDICTS) + 1) + "|")
    for exp in VERDICTS:
        counts = Counter(g for g, r in zip(got, rows) if r["verdict"] == exp)
        print(f"| {exp} | " + " | ".join(str(counts.get(v, 0)) for v in VERDICTS) + " |")
    agree = sum(g == r["verdict"] for g, r in zip(got, rows))
    print(f"agreement {agree}/{len(rows)}")


def corpus_rows(root: Path, splits: set[str]) -> list[dict]:
    """Annotated posts of corpora/it and corpora/en in the given by-creator splits."""
    from authentic_nlp.learn.splits import split_of

    rows = []
    for lang in ("it", "en"):
        for path in sorted((root / lang).glob("batch_*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                raw = json.loads(line) if line.strip() else None
                if raw and "labels" in raw and split_of(raw.get("creator"), raw["id"]) in splits:
                    rows.append(raw)
    return rows


def run_corpus(root: Path, splits: set[str], show: int) -> None:
    markets, signals = load_markets(), load_signals()
    got = []
    rows = corpus_rows(root, splits)
    for raw in rows:
        post = parse_post({k: v for k, v in raw.items() if k not in ("labels", "comments")})
        verdict, _evidence, _f = assess(normalize(post.text), post, markets[post.market or "us"], signals)
        got.append(verdict)
    print(f"corpora ({root}), splits {'+'.join(sorted(splits))}: {len(rows)} annotated posts")
    for market in ("it", "us", "uk"):
        idx = [i for i, r in enumerate(rows) if r.get("market") == market]
        agree = sum(got[i] == rows[i]["labels"]["verdict"] for i in idx)
        print(f"\nmarket {market}: verdict agreement {agree}/{len(idx)} ({agree / max(len(idx), 1):.3f})")
        print("| expected \\ predicted | " + " | ".join(VERDICTS) + " |")
        print("|---" * (len(VERDICTS) + 1) + "|")
        for exp in VERDICTS:
            counts = Counter(got[i] for i in idx if rows[i]["labels"]["verdict"] == exp)
            print(f"| {exp} | " + " | ".join(str(counts.get(v, 0)) for v in VERDICTS) + " |")
    agree = sum(g == r["labels"]["verdict"] for g, r in zip(got, rows))
    print(f"\nall markets: verdict agreement {agree}/{len(rows)} ({agree / max(len(rows), 1):.3f})")
    if show and "test" in splits:
        print("(disagreements on the test split are not listed)")
        return
    wrong = [(r, g) for r, g in zip(rows, got) if g != r["labels"]["verdict"]]
    for r, g in wrong[:show]:
        print(f"\n{r['id']} [{r['market']}] expected {r['labels']['verdict']}, got {g}: {r['labels'].get('note', '')}")
        print("   " + r["text"][:300].replace("\n", " / "))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="refit the probability coefficients on the hand-written captions")
    parser.add_argument("--data", type=Path, default=ROOT / ".." / "shared" / "data" / "instasynth-synthetic",
                        help="instasynth-synthetic folder (posts.jsonl, gold.jsonl)")
    parser.add_argument("--corpus", action="store_true", help="verdict agreement on the annotated corpora")
    parser.add_argument("--corpora", type=Path, default=ROOT / "corpora", help="folder with it/ and en/ batch_*.jsonl")
    parser.add_argument("--split", default="train,dev", help="by-creator splits to read (train,dev or test)")
    parser.add_argument("--show", type=int, default=0, help="list this many disagreements (never on the test split)")
    args = parser.parse_args()
    if args.corpus:
        run_corpus(args.corpora, set(args.split.split(",")), args.show)
        return
    if args.fit:
        run_fit()
        return
    run_eval(args.data.resolve())
    run_confusion()


if __name__ == "__main__":
    main()
