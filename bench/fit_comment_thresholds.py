"""The two thresholds that combine the comment-type head with the cue cascade
(`authentic_nlp/learn/wiring.py`: SPAM_THRESHOLD, MODEL_CONFIDENT), measured on a corpora split
(dev by default; never on ../shared/data).

Every comment of the split is analysed once with the shipped model, recording the cue answer and
the model's probabilities; the combination is then replayed for each pair of thresholds and scored
by macro-F1 over the four types (and F1 of spam).

    python bench/fit_comment_thresholds.py
    python bench/fit_comment_thresholds.py --split train
"""

from __future__ import annotations

from authentic_nlp.learn import wiring
from authentic_nlp.learn.evaluate import analyzer_outputs
from authentic_nlp.learn.report import multiclass_metrics
from corpora_split import read_split

SPAM = (0.3, 0.4, 0.5, 0.6, 0.7)
CONFIDENT = (0.4, 0.5, 0.6, 0.7, 0.8)


def record_combinations(posts: list[dict]) -> list[tuple]:
    """(cue typing, model probabilities, text) of every comment, in the order the analyzers see them."""
    seen, original = [], wiring.combine_comment

    def recorder(cue, probs, text, model_name):
        seen.append((cue, probs, text, model_name))
        return original(cue, probs, text, model_name)

    wiring.combine_comment = recorder
    try:
        analyzer_outputs(posts, None)
    finally:
        wiring.combine_comment = original
    return seen


def main() -> None:
    split, gold = read_split(__doc__)
    seen = record_combinations(gold.posts)
    flat = {}
    i = 0
    for p, post in enumerate(gold.posts):
        for c in range(len(post.get("comments") or [])):
            flat[(p, c)] = seen[i]
            i += 1
    assert i == len(seen), "every comment is combined exactly once"
    labels = gold.comment_labels["type"]
    print(f"{split}: {len(labels)} comments  (shipped: SPAM_THRESHOLD {wiring.SPAM_THRESHOLD}, "
          f"MODEL_CONFIDENT {wiring.MODEL_CONFIDENT})")
    print("| spam threshold | model confident | macro-F1 | spam F1 |\n|---|---|---|---|")
    shipped = (wiring.SPAM_THRESHOLD, wiring.MODEL_CONFIDENT)
    try:
        for spam in SPAM:
            for confident in CONFIDENT:
                wiring.SPAM_THRESHOLD, wiring.MODEL_CONFIDENT = spam, confident
                predicted = [wiring.COMMENT_TYPES.index(wiring.combine_comment(*flat[(p, c)]).type)
                             for p, c, _ in labels]
                m = multiclass_metrics([y for _, _, y in labels], predicted, list(wiring.COMMENT_TYPES))
                print(f"| {spam:.1f} | {confident:.1f} | {m['macro_f1']:.4f} | {m['f1']['spam']:.4f} |")
    finally:
        wiring.SPAM_THRESHOLD, wiring.MODEL_CONFIDENT = shipped


if __name__ == "__main__":
    main()
