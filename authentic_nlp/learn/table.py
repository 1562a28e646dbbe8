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


STRATUM_METRICS = ("f1", "auc")   # the rows shown for each stratum (the JSON has every metric)


def rows(results: dict[str, dict[str, Any]], modes: tuple[str, ...]) -> list[list[str]]:
    out = []
    for set_name, result in results.items():
        per_mode = [result.get(mode) or {} for mode in modes]
        tasks = sorted({t for m in per_mode for t in m if isinstance(m.get(t), dict)})
        for task in tasks:
            found = [m.get(task, {}) for m in per_mode]
            out += _metric_rows(set_name, task, HEADLINES.get(task, ("macro_f1",)), found)
            strata = next((f["by"] for f in found if f.get("by")), {})
            shown = tuple(m for m in STRATUM_METRICS if m in HEADLINES.get(task, ()))
            for name, values in strata.items():
                for value in values:
                    inside = [f.get("by", {}).get(name, {}).get(value, {}) for f in found]
                    n = next((i["n"] for i in inside if "n" in i), 0)
                    out += _metric_rows(f"{set_name} [{name}={value}, n={n}]", task, shown, inside)
    return out


def _metric_rows(label: str, task: str, metrics: tuple[str, ...], found: list[dict]) -> list[list[str]]:
    out = []
    for metric in metrics:
        cells = [_cell(f.get(metric)) for f in found]
        if any(c != "–" for c in cells):
            out.append([label, task, metric, *cells])
    return out


def _cell(value: Any) -> str:
    return "–" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def markdown(results: dict[str, dict[str, Any]], modes: tuple[str, ...]) -> str:
    header = ["set", "task", "metric", *modes]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows(results, modes)]
    return "\n".join(lines)
