#!/usr/bin/env python3
"""Does the creator index separate creators who talk with their audience from those who do not,
whatever their follower counts? Prints a Markdown table.

    python scripts/audit_separation.py INPUT.jsonl... [--scored SCORED.jsonl] [--min-posts 3]

Ground truth comes from the raw input alone, never from an analyzer: a creator "talks" when at least
half of the audience comments under their posts are followed by a comment of the creator's own in
the same post, and is "silent" when none are. Reported: the index of each group (mean, range),
AUC (the chance that a random talker scores above a random silent creator), the same within
follower tiers, and the rank correlation of the index with the follower count.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # run from a source checkout

from authentic_nlp.learn.metrics import roc_auc  # noqa: E402

TIERS = ((0, 10_000, "<10k"), (10_000, 100_000, "10k-100k"), (100_000, 1_000_000, "100k-1M"), (1_000_000, None, ">1M"))


def talk_share(paths: list[Path]) -> tuple[dict[str, float], dict[str, int]]:
    counts: dict[str, list[int]] = {}
    followers: dict[str, int] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            post = json.loads(line)
            creator = post.get("creator")
            if not creator:
                continue
            if post.get("followers") is not None:
                followers[creator] = post["followers"]
            comments = post.get("comments") or []
            mine = [c.get("created_at") or "" for c in comments if c.get("author") == creator]
            audience = [c for c in comments if c.get("author") != creator]
            hit = sum(1 for c in audience if any(m > (c.get("created_at") or "") for m in mine))
            pair = counts.setdefault(creator, [0, 0])
            pair[0] += hit
            pair[1] += len(audience)
    return {k: a / n for k, (a, n) in counts.items() if n}, followers


def auc(pos: list[float], neg: list[float]) -> float | None:
    """P(a creator of `pos` scores above one of `neg`), ties half; None if a group is empty."""
    return roc_auc([1] * len(pos) + [0] * len(neg), pos + neg)


def spearman(xs: list[float], ys: list[float]) -> float | None:
    def ranks(v: list[float]) -> list[float]:
        order = sorted(range(len(v)), key=lambda i: v[i])
        out = [0.0] * len(v)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
                j += 1
            for k in range(i, j + 1):
                out[order[k]] = (i + j) / 2
            i = j + 1
        return out

    if len(xs) < 3:
        return None
    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    sx = math.sqrt(sum((a - mx) ** 2 for a in rx))
    sy = math.sqrt(sum((b - my) ** 2 for b in ry))
    return cov / (sx * sy) if sx and sy else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("--scored", type=Path, help="output of `authentic-nlp score` for the inputs (saves scoring again)")
    parser.add_argument("--min-posts", type=int, default=3)
    args = parser.parse_args()
    from authentic_nlp.audit.run import AuditFilters, run_audit

    if args.scored:
        result = run_audit([args.scored], posts=args.inputs, filters=AuditFilters(min_posts=args.min_posts))
    else:
        result = run_audit(args.inputs, filters=AuditFilters(min_posts=args.min_posts))
    share, followers = talk_share(args.inputs)
    index = {s["creator"]: s["index"]["value"] for s in result.summaries if s["index"]["value"] is not None}
    talk = [c for c in index if share.get(c, 0) >= 0.5]
    silent = [c for c in index if c in share and share[c] == 0.0]
    print(f"creators audited: {len(index)} (min {args.min_posts} posts); talk: {len(talk)}; silent: {len(silent)}; "
          f"in between: {len(index) - len(talk) - len(silent)}\n")
    print("| group | creators | index mean | index min | index max |")
    print("|---|---|---|---|---|")
    for name, group in (("talk (≥50% of audience comments followed by the creator)", talk), ("silent (never replies)", silent)):
        vals = [index[c] for c in group]
        if vals:
            print(f"| {name} | {len(vals)} | {sum(vals) / len(vals):.3f} | {min(vals):.3f} | {max(vals):.3f} |")
    print("\n| follower tier | talk | silent | AUC (talk above silent) |")
    print("|---|---|---|---|")
    overall = auc([index[c] for c in talk], [index[c] for c in silent])
    print(f"| all | {len(talk)} | {len(silent)} | {overall:.3f} |" if overall is not None else "| all | - | - | - |")
    for lo, hi, label in TIERS:
        def in_tier(c: str) -> bool:
            f = followers.get(c)
            return f is not None and f >= lo and (hi is None or f < hi)
        t, s = [index[c] for c in talk if in_tier(c)], [index[c] for c in silent if in_tier(c)]
        a = auc(t, s)
        print(f"| {label} | {len(t)} | {len(s)} | {'n/a' if a is None else f'{a:.3f}'} |")
    known = [c for c in index if c in followers]
    rho_f = spearman([math.log10(max(1, followers[c])) for c in known], [index[c] for c in known])
    rho_t = spearman([share.get(c, 0.0) for c in index], [index[c] for c in index])
    print(f"\nSpearman rank correlation of the index with follower count: {rho_f:.3f} ({len(known)} creators); "
          f"with the share of audience comments the creator followed up: {rho_t:.3f}")


if __name__ == "__main__":
    main()
