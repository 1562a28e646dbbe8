"""`authentic-nlp evaluate`: per-task metrics in three modes, for the ablation table.

    cues      the analyzers with no learned model (AnalysisOptions(model_path=NO_MODEL))
    model     the learned model alone, on the normalized texts
    combined  the analyzers with the model wired in: what `authentic-nlp score` writes

on the corpora test split (labels inside the posts, see corpora/GUIDELINES.md) and on any set in
contract format with a gold file (posts.jsonl + gold.jsonl, as in ../shared/data). Gold fields
recognised (per post, or per comment under the post's `comments` map):

    post     sponsored -> sponsored          sincere -> sincere      deceptive -> sincere, inverted
             irony -> irony probe (sincerity should NOT separate ironic texts: AUC near 0.5 is good)
    comment  type -> comment type (4 classes)    spam -> spam vs rest
             unrelated -> off-topic: predicted as spam or generic

Scores compared: sponsorship.probability, sincerity.score, comments[].type (the model's own
probabilities in model mode). Binary decisions at 0.5.

Strata: each post task except the irony probe is also measured within each value of a post's
other gold fields (`--by FIELD`). By default, the fields that are not tasks and hold both 0 and 1
(nothing else) are used: `has_at_mention` in instasynth-synthetic, whose README asks for exactly
that split, and `hard` (the adversarial subset) in the corpora.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from .corpus import COMMENT_TYPES, batch_files, read_posts
from .report import argmax, binary_metrics, multiclass_metrics
from .splits import split_of

MODES = ("cues", "model", "combined")
POST_TASKS = {"sponsored": ("sponsored", False), "sincere": ("sincere", False), "deceptive": ("sincere", True),
              "irony": ("irony_probe", False)}
COMMENT_TASKS = ("type", "spam", "unrelated")


@dataclass
class Gold:
    """Gold labels gathered from a set: per post (task -> [(post index, value)]) and per comment."""

    posts: list[dict] = field(default_factory=list)
    post_labels: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    post_fields: list[dict[str, Any]] = field(default_factory=list)   # every other gold field, per post
    comment_labels: dict[str, list[tuple[int, int, int]]] = field(default_factory=dict)  # (post, comment, value)


def read_jsonl(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def gold_from_set(folder: Path, limit: int | None = None) -> Gold:
    """posts.jsonl + gold.jsonl of an evaluation set (gold keyed by post id)."""
    gold_rows = {row["id"]: row for row in read_jsonl(folder / "gold.jsonl")}
    out = Gold()
    for raw in read_jsonl(folder / "posts.jsonl"):
        if limit is not None and len(out.posts) >= limit:
            break
        row = gold_rows.get(raw["id"])
        if row is not None:
            _add(out, raw, {k: v for k, v in row.items() if k != "comments"}, row.get("comments") or {})
    return out


def gold_from_corpora(root: Path, split: str = "test") -> Gold:
    """The corpora posts of one split (by creator), labels read from the posts themselves."""
    out = Gold()
    for raw in read_posts(batch_files(root)):
        if split_of(raw.get("creator"), str(raw.get("id", ""))) != split:
            continue
        labels = raw.get("labels") or {}
        comments = {c["id"]: (c.get("labels") or {}) for c in raw.get("comments") or []}
        _add(out, raw, {k: v for k, v in labels.items() if k != "note"}, comments)
    return out


def _add(out: Gold, raw: dict, post_gold: dict, comment_gold: dict) -> None:
    index = len(out.posts)
    out.posts.append(raw)
    out.post_fields.append({k: v for k, v in post_gold.items() if k not in POST_TASKS and k != "id"})
    for key, value in post_gold.items():
        if key in POST_TASKS and value in (0, 1):
            task, inverted = POST_TASKS[key]
            out.post_labels.setdefault(task, []).append((index, 1 - value if inverted else value))
    for j, comment in enumerate(raw.get("comments") or []):
        labels = comment_gold.get(comment.get("id")) or {}
        for key in COMMENT_TASKS:
            value = labels.get(key)
            if key == "type" and value in COMMENT_TYPES:
                out.comment_labels.setdefault(key, []).append((index, j, COMMENT_TYPES.index(value)))
            elif key != "type" and value in (0, 1):
                out.comment_labels.setdefault(key, []).append((index, j, int(value)))


@dataclass
class Outputs:
    """What one mode says: per post (sponsored p, sincere p), per comment (type index, probs or None)."""

    captions: list[tuple[float, float]]
    comments: list[list[tuple[int, list[float] | None]]]


def model_outputs(posts: list[dict], predictor) -> Outputs:
    from ..text.normalize import normalize

    captions = predictor.predict_captions([normalize(p.get("text") or "") for p in posts])
    comments = []
    for post in posts:
        probs = predictor.predict_comments([normalize(c.get("text") or "") for c in post.get("comments") or []])
        comments.append([(argmax(p), p) for p in probs])
    return Outputs([(c.sponsored, c.sincere) for c in captions], comments)


def analyzer_outputs(posts: list[dict], model_path: Path | None) -> Outputs:
    from ..pipeline import AnalysisOptions, Analyzer
    from ..schema import parse_post

    analyzer = Analyzer(AnalysisOptions(evidence=False, model_path=model_path))
    captions, comments = [], []
    for raw in posts:
        record = analyzer.analyze_post(parse_post(_contract_only(raw)))
        captions.append((record["sponsorship"]["probability"], record["sincerity"]["score"]))
        comments.append([(COMMENT_TYPES.index(c["type"]), None) for c in record["comments"]])
    return Outputs(captions, comments)


def _contract_only(raw: dict) -> dict:
    """Drop label fields so that nothing but the contract input reaches the analyzers."""
    post = {k: v for k, v in raw.items() if k not in ("labels", "niche")}
    post["comments"] = [{k: v for k, v in c.items() if k != "labels"} for c in raw.get("comments") or []]
    return post


def binary_fields(gold: Gold) -> list[str]:
    """The post gold fields that are not tasks and hold 0 and 1 (or booleans), both: the default strata."""
    values: dict[str, set] = {}
    for fields in gold.post_fields:
        for key, value in fields.items():
            values.setdefault(key, set()).add(value if isinstance(value, (bool, int, float)) else None)
    return sorted(key for key, seen in values.items() if seen == {0, 1})


def task_metrics(gold: Gold, outputs: Outputs, by: Iterable[str] = ()) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for task, rows in sorted(gold.post_labels.items()):
        y = [v for _i, v in rows]
        col = 0 if task == "sponsored" else 1
        scores = [outputs.captions[i][col] for i, _v in rows]
        out[task] = binary_metrics(y, scores)
        if task == "irony_probe":
            out[task] = {"n": len(y), "auc_sincerity_vs_irony": out[task]["auc"],
                         "mean_sincerity_ironic": _mean([s for s, g in zip(scores, y) if g]),
                         "mean_sincerity_not_ironic": _mean([s for s, g in zip(scores, y) if not g])}
        strata = _strata(gold, rows, scores, by) if task != "irony_probe" else {}
        if strata:
            out[task]["by"] = strata
    for task, rows in sorted(gold.comment_labels.items()):
        y = [v for _i, _j, v in rows]
        pred = [outputs.comments[i][j] for i, j, _v in rows]
        probs = [p for _t, p in pred]
        has_probs = all(p is not None for p in probs)
        if task == "type":
            out["comment_type"] = multiclass_metrics(y, [t for t, _p in pred], COMMENT_TYPES, probs if has_probs else None)
        elif task == "spam":
            out["spam"] = binary_metrics(y, [p[3] for p in probs] if has_probs else None, [int(t == 3) for t, _p in pred])
        else:
            out["unrelated"] = binary_metrics(y, [p[2] + p[3] for p in probs] if has_probs else None,
                                              [int(t in (2, 3)) for t, _p in pred])
    return out


def _strata(gold: Gold, rows: list[tuple[int, int]], scores: list[float], by: Iterable[str]) -> dict[str, Any]:
    """binary_metrics within each value of each field in `by` (posts without the field are left out)."""
    out: dict[str, Any] = {}
    for name in by:
        groups: dict[str, tuple[list[int], list[float]]] = {}
        for (index, value), score in zip(rows, scores):
            if name in gold.post_fields[index]:
                key = _stratum_key(gold.post_fields[index][name])
                groups.setdefault(key, ([], []))[0].append(value)
                groups[key][1].append(score)
        if groups:
            out[name] = {key: binary_metrics(y, s) for key, (y, s) in sorted(groups.items())}
    return out


def _stratum_key(value: Any) -> str:
    return str(int(value)) if isinstance(value, bool) else str(value)


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def evaluate_gold(gold: Gold, modes: Iterable[str], model_path: Path | None,
                  by: Iterable[str] | None = None) -> dict[str, Any]:
    """Metrics per mode; `by` names the strata (None: the binary non-task gold fields)."""
    from .predictor import NO_MODEL, load_predictor

    by = binary_fields(gold) if by is None else list(by)
    results: dict[str, Any] = {"posts": len(gold.posts), "comments": sum(len(p.get("comments") or []) for p in gold.posts)}
    for mode in modes:
        if mode == "cues":
            outputs = analyzer_outputs(gold.posts, NO_MODEL)
        else:
            predictor = load_predictor(_Options(model_path))
            if predictor is None:
                results[mode] = {"skipped": "no model: train one or pass --model"}
                continue
            outputs = model_outputs(gold.posts, predictor) if mode == "model" else analyzer_outputs(gold.posts, model_path)
        results[mode] = task_metrics(gold, outputs, by)
    return results


@dataclass(frozen=True)
class _Options:
    model_path: Path | None


def evaluation_sets(data: Path) -> list[Path]:
    """Every folder under data that holds posts.jsonl and gold.jsonl, sorted by name."""
    return sorted(p for p in Path(data).iterdir() if (p / "posts.jsonl").is_file() and (p / "gold.jsonl").is_file())
