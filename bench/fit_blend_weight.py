"""How much weight the learned model deserves in sponsorship.probability, measured on the corpora
dev split (never on ../shared/data).

The sponsorship stage mixes the cue logit and the model's logit:
p = sigmoid((1 - w) * logit(p_cues) + w * logit(p_model)), with w = `model_weight` in
authentic_nlp/markets/probability.yaml. This prints log-loss, F1, precision and recall at 0.5 for
a grid of w on the chosen split's captions, and the threshold that would maximise F1 on that split
(with that F1): on the dev split a fair fit, on the test split only a diagnostic.

    python bench/fit_blend_weight.py            # dev split
    python bench/fit_blend_weight.py --split train
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

from authentic_nlp.analyzers.sponsorship_probability import logit, sigmoid
from authentic_nlp.learn.evaluate import analyzer_outputs, gold_from_corpora, model_outputs
from authentic_nlp.learn.metrics import best_threshold_f1
from authentic_nlp.learn.predictor import NO_MODEL, load_predictor
from authentic_nlp.pipeline import AnalysisOptions

GRID = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=Path("corpora"))
    parser.add_argument("--split", default="dev", choices=("train", "dev", "test"))
    args = parser.parse_args()
    gold = gold_from_corpora(args.corpora, args.split)
    cues = analyzer_outputs(gold.posts, NO_MODEL).captions
    model = model_outputs(gold.posts, load_predictor(AnalysisOptions())).captions
    labels = gold.post_labels["sponsored"]
    print(f"{args.split}: {len(labels)} captions")
    print("| w | log-loss | F1 | precision | recall | best threshold | F1 there |\n|---|---|---|---|---|---|---|")
    for w in GRID:
        loss, tp, fp, fn, probs = 0.0, 0, 0, 0, []
        for index, y in labels:
            p = sigmoid((1 - w) * logit(cues[index][0]) + w * logit(model[index][0]))
            p = min(max(p, 1e-6), 1 - 1e-6)
            probs.append(p)
            loss -= y * math.log(p) + (1 - y) * math.log(1 - p)
            called = p >= 0.5
            tp, fp, fn = tp + (called and y == 1), fp + (called and y == 0), fn + (not called and y == 1)
        f1 = 2 * tp / max(1, 2 * tp + fp + fn)
        best = best_threshold_f1([y for _index, y in labels], probs)
        print(f"| {w:.1f} | {loss / len(labels):.4f} | {f1:.3f} | {tp / max(1, tp + fp):.3f} | {tp / max(1, tp + fn):.3f} "
              f"| {best['threshold']:.2f} | {best['f1']:.3f} |")


if __name__ == "__main__":
    main()
