"""The interaction-quality stage: one number per post from what the earlier stages found.

    interaction_quality = disclosure_factor x weighted mean of the available voice and conversation scores

- conversation.score (weight 0.6): the heart of the tool, a real two-way conversation;
- sincerity.score (weight 0.4): a first-hand, specific voice;
- disclosure_factor: 1.0 for `organic` and `disclosed`, 0.85 for `weak_disclosure`, 0.6 for `undisclosed`:
  hiding a commercial relationship breaks the audience's trust whatever else the post does, so it scales
  the whole index down instead of being one more term to average away.

A post without comments has no conversation score; its quality then rests on sincerity alone, and
`interaction_quality_basis` says so. Nothing here reads follower or like counts.
"""

from __future__ import annotations

from typing import Any

# fmt: off
WEIGHTS = {"conversation": 0.6, "sincerity": 0.4}
DISCLOSURE_FACTOR = {"organic": 1.0, "disclosed": 1.0, "weak_disclosure": 0.85, "undisclosed": 0.6}
# fmt: on


def interaction_quality(record: dict[str, Any]) -> tuple[float | None, dict[str, Any]]:
    parts = {
        "conversation": record["conversation"].get("score"),
        "sincerity": record["sincerity"].get("score"),
    }
    used = {name: value for name, value in parts.items() if value is not None}
    verdict = record["sponsorship"].get("verdict")
    factor = DISCLOSURE_FACTOR.get(verdict, 1.0)
    basis: dict[str, Any] = {**parts, "disclosure_factor": factor, "verdict": verdict}
    if not used:
        return None, basis
    total = sum(WEIGHTS[name] for name in used)
    mean = sum(WEIGHTS[name] * value for name, value in used.items()) / total
    return round(min(1.0, max(0.0, mean * factor)), 4), basis


def build(options):
    def stage(ctx) -> None:
        value, basis = interaction_quality(ctx.record)
        ctx.record["interaction_quality"] = value
        ctx.record["interaction_quality_basis"] = basis

    return stage
