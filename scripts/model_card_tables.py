#!/usr/bin/env python3
"""Print the data-dependent tables of a model card: held-out metrics from the model's metrics.json
and the cues / model / combined ablation from an `authentic-nlp evaluate -o eval.json` file.

    python scripts/model_card_tables.py models/authentic-small eval.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from authentic_nlp.learn.evaluate import MODES
from authentic_nlp.learn.table import markdown


def fmt(value) -> str:
    return "–" if value is None else f"{value:.3f}"


def held_out(metrics: dict) -> list[str]:
    out = ["| split | task | n | macro-F1 | F1 (positive) | precision | recall | AUC | ECE |",
           "|---|---|---|---|---|---|---|---|---|"]
    for split in ("dev", "test"):
        for task in ("sponsored", "sincere"):
            m = metrics[split][task]
            out.append(f"| {split} | {task} | {m['n']} | {fmt(m['macro_f1'])} | {fmt(m['f1'])} | {fmt(m['precision'])} "
                       f"| {fmt(m['recall'])} | {fmt(m.get('auc'))} | {fmt(m.get('ece'))} |")
        c = metrics[split]["comment_type"]
        s = c["spam"]
        out.append(f"| {split} | comment type (4) | {c['n']} | {fmt(c['macro_f1'])} | spam {fmt(s['f1'])} "
                   f"| spam {fmt(s['precision'])} | spam {fmt(s['recall'])} | – | – |")
    return out


def ablation(evaluation: dict) -> list[str]:
    """The same table `authentic-nlp evaluate` prints (strata rows included)."""
    return markdown(evaluation, MODES).splitlines()


def main() -> None:
    model_dir, eval_path = Path(sys.argv[1]), Path(sys.argv[2])
    metrics = json.loads((model_dir / "metrics.json").read_text(encoding="utf-8"))
    print("\n".join(held_out(metrics)))
    print()
    print("\n".join(ablation(json.loads(eval_path.read_text(encoding="utf-8")))))


if __name__ == "__main__":
    main()
