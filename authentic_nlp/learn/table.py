"""The ablation table: one row per (set, task, metric), one column per mode, as Markdown."""

from __future__ import annotations

from typing import Any

HEADLINES = {
    "sponsored": ("f1", "precision", "recall", "macro_f1", "auc", "oracle_f1", "ece"),
    "sincere": ("f1", "macro_f1", "auc", "ece"),
    "spam": ("f1", "precision", "recall", "auc", "oracle_f1"),
    "unrelated": ("f1", "precision", "recall", "auc"),
    "comment_type": ("macro_f1", "accuracy"),
    "irony_probe": ("auc_sincerity_vs_irony", "mean_sincerity_ironic", "mean_sincerity_not_ironic"),
}


def rows(results: dict[str, dict[str, Any]], modes: tuple[str, ...]) -> list[list[str]]:
    out = []
    for set_name, result in results.items():
        tasks = sorted({t for m in modes for t in (result.get(m) or {}) if isinstance(result.get(m, {}).get(t), dict)})
        for task in tasks:
            for metric in HEADLINES.get(task, ("macro_f1",)):
                cells = [_cell((result.get(mode) or {}).get(task, {}).get(metric)) for mode in modes]
                if any(c != "–" for c in cells):
                    out.append([set_name, task, metric, *cells])
    return out


def _cell(value: Any) -> str:
    return "–" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def markdown(results: dict[str, dict[str, Any]], modes: tuple[str, ...]) -> str:
    header = ["set", "task", "metric", *modes]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows(results, modes)]
    return "\n".join(lines)
