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

from authentic_nlp.analyzers.sponsorship_probability import logit, sigmoid
from authentic_nlp.learn.evaluate import analyzer_outputs, model_outputs
from authentic_nlp.learn.metrics import best_threshold_f1, binary_report, log_loss
from authentic_nlp.learn.predictor import NO_MODEL, load_predictor
from authentic_nlp.pipeline import AnalysisOptions
from corpora_split import read_split

GRID = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0)


def main() -> None:
    split, gold = read_split(__doc__)
    cues = analyzer_outputs(gold.posts, NO_MODEL).captions
    model = model_outputs(gold.posts, load_predictor(AnalysisOptions())).captions
    labels = gold.post_labels["sponsored"]
    y = [value for _index, value in labels]
    print(f"{split}: {len(labels)} captions")
    print("| w | log-loss | F1 | precision | recall | best threshold | F1 there |\n|---|---|---|---|---|---|---|")
    for w in GRID:
        probs = [sigmoid((1 - w) * logit(cues[index][0]) + w * logit(model[index][0])) for index, _value in labels]
        at_half = binary_report(y, [int(p >= 0.5) for p in probs])
        best = best_threshold_f1(y, probs)
        print(f"| {w:.1f} | {log_loss(y, probs, eps=1e-6):.4f} | {at_half['f1']:.3f} | {at_half['precision']:.3f} "
              f"| {at_half['recall']:.3f} | {best['threshold']:.2f} | {best['f1']:.3f} |")


if __name__ == "__main__":
    main()
