"""`run_audit`: the job behind `authentic-nlp audit`, as a plain function.

inputs -> `load_items` (score raw posts with the engine, or read scored output) -> filters (platform,
date range) -> group by creator -> creator-level sincerity signals on freshly scored posts ->
`summarize_creator` -> `--min-posts` -> `write_audit`. Creators are ordered by index (highest first),
then by handle, so the same input gives the same files byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Iterable

from .. import __version__
from ..errors import AuthenticNLPError
from .aggregate import summarize_creator
from .load import AuditItem, LoadSummary, load_items

NO_CREATOR = "(no creator)"


@dataclass
class AuditFilters:
    platforms: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    min_posts: int = 1

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.platforms:
            out["platform"] = ",".join(self.platforms)
        if self.since:
            out["since"] = self.since.isoformat()
        if self.until:
            out["until"] = self.until.isoformat()
        if self.min_posts > 1:
            out["min_posts"] = self.min_posts
        return out


@dataclass
class AuditResult:
    summaries: list[dict[str, Any]]
    meta: dict[str, Any]
    written: dict[str, list[str]] = field(default_factory=dict)


def keep(item: AuditItem, filters: AuditFilters) -> bool:
    """The platform and date filters. With a date filter, posts without a known date are left out."""
    if filters.platforms and (item.record.get("platform") or "other") not in filters.platforms:
        return False
    if filters.since or filters.until:
        when = item.post.created_at if item.post is not None else None
        if when is None:
            return False
        day = when.astimezone(timezone.utc).date()
        if (filters.since and day < filters.since) or (filters.until and day > filters.until):
            return False
    return True


def group_by_creator(items: Iterable[AuditItem], filters: AuditFilters) -> tuple[dict[str, list[AuditItem]], int]:
    groups: dict[str, list[AuditItem]] = {}
    dropped = 0
    for item in items:
        if not keep(item, filters):
            dropped += 1
            continue
        groups.setdefault(item.record.get("creator") or NO_CREATOR, []).append(item)
    return groups, dropped


def apply_creator_signals(items: list[AuditItem], rescore=None) -> None:
    """The creator's posts with market evidence decide the market of those without
    (`market_creator`, when `rescore` is given); near-duplicate and templated captions across the
    creator's posts lower sincerity (the sincerity analyzer's creator-level pass), and the post's
    interaction quality is recomputed with the lead's own function so the two stay consistent."""
    from ..analyzers.market_creator import apply_creator_market
    from ..analyzers.quality import interaction_quality
    from ..analyzers.sincerity_creator import apply_creator_adjustments, creator_sincerity_adjustments

    fresh = [i for i in items if i.post is not None and i.fresh]
    if len(fresh) < 2:
        return
    posts, records = [i.post for i in fresh], [i.record for i in fresh]
    if rescore is not None:
        apply_creator_market(posts, records, rescore)
    before = [r["sincerity"].get("score") for r in records]
    apply_creator_adjustments(records, creator_sincerity_adjustments(posts, records))
    for record, old in zip(records, before):
        if record["sincerity"].get("score") != old:
            record["interaction_quality"], record["interaction_quality_basis"] = interaction_quality(record)


def run_audit(inputs: list[Path], *, options=None, filters: AuditFilters | None = None, workers: int = 1,
              source: str | None = None, posts: list[Path] | None = None, out_dir: Path | None = None,
              html: bool = True, generated_at: str | None = None, creator: str | None = None) -> AuditResult:
    filters = filters or AuditFilters()
    if filters.since and filters.until and filters.since > filters.until:
        raise AuthenticNLPError("E401", option="--since/--until", detail=f"{filters.since} is after {filters.until}")
    from ..analyzers.market_creator import SponsorshipRescorer
    from ..pipeline import AnalysisOptions

    load = LoadSummary()
    items = load_items(inputs, options=options, workers=workers, source=source, posts=posts, summary=load,
                       creator=creator)
    groups, dropped = group_by_creator(items, filters)
    summaries, left_out = [], 0
    rescore = SponsorshipRescorer(options=options or AnalysisOptions())   # built on first use only
    for creator in sorted(groups):
        group = groups[creator]
        if len(group) < filters.min_posts:
            left_out += 1
            continue
        apply_creator_signals(group, None if creator == NO_CREATOR else rescore)
        summaries.append(summarize_creator(creator, group))
    summaries.sort(key=lambda s: (s["index"]["value"] is None, -(s["index"]["value"] or 0), s["creator"]))
    meta = {"tool": f"authentic-nlp {__version__}", "creators": len(summaries),
            "posts": sum(s["posts"] for s in summaries), "posts_filtered_out": dropped,
            "left_out_creators": left_out, "min_posts": filters.min_posts, "filters": filters.as_dict(),
            "load": load.as_dict()}
    if generated_at:
        meta["generated_at"] = generated_at
    result = AuditResult(summaries, meta)
    if out_dir is not None:
        from .report import write_audit

        result.written = write_audit(Path(out_dir), summaries, meta, html=html)
    return result


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
