"""Engagement rate against follower-tier benchmarks (shown in the report, never part of the index).

    engagement rate of a post = (likes + comments) / followers          (HypeAuditor's definition)

A creator's rate is the mean over the posts where followers (> 0) and likes are both known; the tier
comes from the creator's latest known follower count. Benchmarks are data (`benchmarks.yaml`).

Counts are Python integers of any size (scrapers write like counts beyond a float's range): rates
are computed exactly (`Fraction`) and a post whose rate is too large for a float is counted in
`out_of_range`, never a crash and never `inf` in the JSON. What is known is said plainly:
`followers_posts` and `likes_posts` count the posts with each count, so the report can say "likes
known, followers not" and show the likes it has.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
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


def _finite(value: Fraction) -> float | None:
    """`value` as a float, or None when it does not fit one."""
    try:
        out = float(value)
    except OverflowError:
        return None
    return out if math.isfinite(out) else None


def engagement(posts: Iterable[tuple[int | None, int | None, int]]) -> dict[str, Any] | None:
    """`posts`: (followers, likes, comments) in date order. None when no post has a follower or a like count."""
    rates: list[Fraction] = []
    latest_followers: int | None = None
    followers_posts = likes_posts = out_of_range = 0
    likes_total = 0
    for followers, likes, comments in posts:
        if followers is not None:
            latest_followers = followers
            followers_posts += 1
        if likes is not None:
            likes_posts += 1
            likes_total += likes
        if followers and followers > 0 and likes is not None:
            rate = Fraction(likes + comments, followers)
            if _finite(rate) is None:
                out_of_range += 1
            else:
                rates.append(rate)
    if not followers_posts and not likes_posts:
        return None
    out: dict[str, Any] = {"followers": latest_followers, "rate": None, "posts": len(rates),
                           "followers_posts": followers_posts, "likes_posts": likes_posts,
                           "likes_total": likes_total if likes_posts else None,
                           "likes_mean": (likes_total + likes_posts // 2) // likes_posts if likes_posts else None,
                           "out_of_range": out_of_range, "tier": _tier_dict(tier_for(latest_followers))}
    if rates:
        rate = _finite(sum(rates, Fraction(0)) / len(rates))
        out["rate"] = None if rate is None else round(rate, 5)
        tier = tier_for(latest_followers)
        if out["rate"] is not None and tier is not None:
            out["ratio_to_benchmark"] = round(rate / tier.engagement_rate, 3)
    return out


def count_text(n: int) -> str:
    """A count for people: 12,345; past 10**15 in scientific form (1.23e400), so a like count beyond
    a float's range stays one short cell."""
    if abs(n) < 10 ** 15:
        return f"{n:,}"
    digits = str(abs(n))
    return f"{'-' if n < 0 else ''}{digits[0]}.{digits[1:3]}e{len(digits) - 1}"


def _posts(n: int) -> str:
    return f"{n} post" if n == 1 else f"{n} posts"


def engagement_note(e: dict[str, Any] | None) -> str:
    """What the engagement panel can say when it cannot show a rate: which counts are known and which not."""
    if not e or (not e.get("followers_posts") and not e.get("likes_posts")):
        return "Follower and like counts are not known for this creator's posts."
    parts = []
    if e.get("followers_posts"):
        tier = e.get("tier") or {}
        parts.append(f"{count_text(e['followers'])} followers" + (f" (tier {tier['label']})" if tier else "") + ".")
    if e.get("likes_posts"):
        parts.append(f"{count_text(e['likes_total'])} likes over {_posts(e['likes_posts'])} "
                     f"({count_text(e['likes_mean'])} a post).")
    if not e.get("likes_posts"):
        parts.append("Like counts are not known, so no engagement rate can be computed.")
    elif not e.get("followers_posts"):
        parts.append("Follower counts are not known, so no engagement rate can be computed.")
    elif e.get("out_of_range"):
        parts.append(f"The engagement rate of {_posts(e['out_of_range'])} is too large to compute "
                     "(like counts far beyond the follower count); it is left out of the rate.")
    elif e.get("rate") is None:
        parts.append("No post has both a follower count above zero and a like count, so no engagement rate.")
    else:
        parts.append("No benchmark tier matches the follower count.")
    return " ".join(parts)


def _tier_dict(tier: Tier | None) -> dict[str, Any] | None:
    if tier is None:
        return None
    return {"id": tier.id, "label": tier.label, "benchmark_rate": tier.engagement_rate,
            "source": benchmarks()[0]}
