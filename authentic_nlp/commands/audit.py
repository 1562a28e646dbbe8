"""`authentic-nlp audit`: per-creator reports (HTML + JSON), an index page and a CSV of metrics.

Module-level imports: typer and the standard library only (the CLI must start instantly).
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from . import HELP_CREATOR

HELP_AUDIT = ("Audit creators: score the posts (or read output of `score`), then write per creator a JSON summary "
              "and an HTML report, an index page comparing them, index.json and creators.csv into DIR.")
HELP_INPUTS = ("Posts to audit (.jsonl, .csv, .parquet, or platform exports: files, folders, archives), "
               "or JSON Lines written by `authentic-nlp score` (detected).")
HELP_OUT = "Folder for the reports (created if missing)."
HELP_FORMAT = "html: HTML reports, JSON and CSV (default); json: JSON and CSV only, for a brand's own tools."
HELP_MIN_POSTS = "Leave out creators with fewer posts than this (after filters)."
HELP_SINCE = "Only posts published on or after this day (YYYY-MM-DD); posts without a date are left out."
HELP_UNTIL = "Only posts published on or before this day (YYYY-MM-DD); posts without a date are left out."
HELP_PLATFORM = "Only posts from this platform (repeat for several)."
HELP_POSTS = "With scored input: the original posts files, joined by id, for captions, dates and follower counts."
HELP_TIMESTAMP = "Write the generation time into the reports (off by default: same input, same bytes)."
HELP_FORCE = "Write into DIR even if it already holds an audit."
HELP_WORKERS = "Worker processes for scoring (1 = in this process)."
HELP_SOURCE = "The platform export or scraper format of the inputs (see `score --source`)."
HELP_MARKET = "Apply this market's disclosure rules to every post."


class AuditFormat(str, Enum):
    html = "html"
    json = "json"


class Platform(str, Enum):
    instagram = "instagram"
    tiktok = "tiktok"
    youtube = "youtube"
    other = "other"


class Market(str, Enum):
    it = "it"
    us = "us"
    uk = "uk"


def _day(value: Optional[str], option: str) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD", param_hint=option) from None


def audit(
    inputs: List[Path] = typer.Argument(..., help=HELP_INPUTS, exists=True, readable=True),
    out_dir: Path = typer.Option(..., "--output", "-o", help=HELP_OUT, file_okay=False),
    fmt: AuditFormat = typer.Option(AuditFormat.html, "--format", "-f", help=HELP_FORMAT),
    min_posts: int = typer.Option(1, "--min-posts", min=1, help=HELP_MIN_POSTS),
    since: Optional[str] = typer.Option(None, "--since", help=HELP_SINCE),
    until: Optional[str] = typer.Option(None, "--until", help=HELP_UNTIL),
    platform: Optional[List[Platform]] = typer.Option(None, "--platform", help=HELP_PLATFORM),
    posts: Optional[List[Path]] = typer.Option(None, "--posts", help=HELP_POSTS, exists=True, dir_okay=False),
    market: Optional[Market] = typer.Option(None, "--market", help=HELP_MARKET),
    source: Optional[str] = typer.Option(None, "--source", help=HELP_SOURCE),
    creator: Optional[str] = typer.Option(None, "--creator", help=HELP_CREATOR),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help=HELP_WORKERS),
    timestamp: bool = typer.Option(False, "--timestamp", help=HELP_TIMESTAMP),
    force: bool = typer.Option(False, "--force", help=HELP_FORCE),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary on stderr."),
) -> None:
    from ..audit.run import AuditFilters, now_iso, run_audit
    from ..errors import AuthenticNLPError
    from ..pipeline import AnalysisOptions

    filters = AuditFilters(platforms=tuple(p.value for p in platform or ()), since=_day(since, "--since"),
                           until=_day(until, "--until"), min_posts=min_posts)
    if (out_dir / "index.json").exists() and not force:
        typer.secho(f"error: [E103] output {out_dir / 'index.json'} exists; pass --force to overwrite it",
                    fg=typer.colors.RED, err=True)
        raise typer.Exit(2)
    try:
        result = run_audit(list(inputs), options=AnalysisOptions(market=market.value if market else None),
                           filters=filters, workers=workers, source=source, posts=list(posts or []) or None,
                           out_dir=out_dir, html=fmt is AuditFormat.html,
                           generated_at=now_iso() if timestamp else None, creator=creator)
    except AuthenticNLPError as err:
        typer.secho(f"error: {err}", fg=typer.colors.RED, err=True)
        raise typer.Exit(2)
    meta = result.meta
    if not quiet:
        typer.echo(f"creators     {meta['creators']}" + (f"  ({meta['left_out_creators']} under --min-posts)"
                                                         if meta["left_out_creators"] else ""), err=True)
        typer.echo(f"posts        {meta['posts']}  ({meta['posts_filtered_out']} filtered out, "
                   f"{meta['load']['rejected']} invalid)", err=True)
        typer.echo(f"output       {out_dir / ('index.html' if fmt is AuditFormat.html else 'index.json')}", err=True)
    raise typer.Exit(3 if meta["load"]["rejected"] else 0)


def register(app: typer.Typer) -> None:
    app.command(name="audit", help=HELP_AUDIT)(audit)
