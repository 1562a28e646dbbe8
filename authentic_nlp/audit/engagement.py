"""Engagement rate against follower-tier benchmarks (shown in the report, never part of the index).

    engagement rate of a post = (likes + comments) / followers          (HypeAuditor's definition)

A creator's rate is the mean over the posts where followers (> 0) and likes are both known; the tier
comes from the creator's latest known follower count. Benchmarks are data (`benchmarks.yaml`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

import yaml

from ..errors import DataFileError


@dataclass(frozen=True)
class Tier:
    id: str
    label: str
    min: int
    max: int | None
    engagement_rate: float


@lru_cache(maxsize=1)
def benchmarks() -> tuple[str, tuple[Tier, ...]]:
    path = resources.files("authentic_nlp.audit") / "benchmarks.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    try:
        tiers = tuple(Tier(t["id"], t["label"], int(t["min"]), None if t["max"] is None else int(t["max"]),
                           float(t["engagement_rate"])) for t in data["tiers"])
        source = str(data["source"]).strip()
    except (KeyError, TypeError, ValueError) as err:
        raise DataFileError("E201", path=str(path), entry="tiers", detail=str(err)) from None
    return source, tiers


def tier_for(followers: int | None) -> Tier | None:
    if followers is None or followers < 0:
        return None
    for tier in benchmarks()[1]:
        if followers >= tier.min and (tier.max is None or followers < tier.max):
            return tier
    return None


def engagement(posts: Iterable[tuple[int | None, int | None, int]]) -> dict[str, Any] | None:
    """`posts`: (followers, likes, comments) in date order. None when no post has followers and likes."""
    rates: list[float] = []
    latest_followers: int | None = None
    for followers, likes, comments in posts:
        if followers is not None:
            latest_followers = followers
        if followers and followers > 0 and likes is not None:
            rates.append((likes + comments) / followers)
    if not rates:
        return None if latest_followers is None else {"followers": latest_followers, "rate": None,
                                                       "posts": 0, "tier": _tier_dict(tier_for(latest_followers))}
    rate = sum(rates) / len(rates)
    tier = tier_for(latest_followers)
    out = {"followers": latest_followers, "rate": round(rate, 5), "posts": len(rates), "tier": _tier_dict(tier)}
    if tier is not None:
        out["ratio_to_benchmark"] = round(rate / tier.engagement_rate, 3)
    return out


def _tier_dict(tier: Tier | None) -> dict[str, Any] | None:
    if tier is None:
        return None
    return {"id": tier.id, "label": tier.label, "benchmark_rate": tier.engagement_rate,
            "source": benchmarks()[0]}
