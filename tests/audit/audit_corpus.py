"""Shared data for the audit tests: the sample corpus, the injection strings, and ground truth
computed from the raw input alone."""

from __future__ import annotations

from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "corpora" / "audit"
INJECTIONS = ("<script>window.__pwned=1</script>", '"><img src=x onerror="window.__pwned=1">',
              "<svg onload=window.__pwned=1>")


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.jsonl"))


def talks_with_audience(posts: list[dict]) -> dict[str, float]:
    """Ground truth from the raw input alone (no analyzer): per creator, the share of audience
    comments that the creator followed with a comment of their own in the same post."""
    answered: dict[str, list[int]] = {}
    for post in posts:
        creator = post["creator"]
        audience = [c for c in post["comments"] if c["author"] != creator]
        mine = [c for c in post["comments"] if c["author"] == creator]
        hits = sum(1 for c in audience if any(m["created_at"] > c["created_at"] for m in mine))
        pair = answered.setdefault(creator, [0, 0])
        pair[0] += hits
        pair[1] += len(audience)
    return {k: (a / n if n else 0.0) for k, (a, n) in answered.items()}
