"""`authentic-nlp convert`: platform exports and scraper outputs -> contract JSON Lines.

Module-level imports: typer and the standard library only (the CLI must start instantly).
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from . import HELP_CREATOR

EXIT_OK, EXIT_USAGE, EXIT_PARTIAL = 0, 2, 3

HELP_CONVERT = ("Convert platform exports and scraper outputs (Apify Instagram/TikTok, YouTube API, "
                "youtube-comment-downloader, instaloader, Instagram's own export, any CSV with --map) into "
                "contract JSON Lines: one post a line, unknown fields under `meta`, unmappable records quarantined.")
HELP_INPUTS = "Input files (JSON, JSON Lines, CSV, .json.xz, an Instagram export .zip) or an unzipped Instagram export folder."
HELP_OUTPUT = "Output JSON Lines file."
HELP_SOURCE = "The export or scraper format (default: detected per file). --list-sources shows them."
HELP_MAP = "Source columns or keys for contract fields: FIELD=COLUMN[,FIELD=COLUMN...], e.g. text=Description,creator=Account."
HELP_QUARANTINE = "Quarantine file (default: OUTPUT's name with .quarantine.jsonl)."
HELP_FORCE = "Overwrite OUTPUT and its quarantine file if they exist."
HELP_QUIET = "No summary."
HELP_LIST = "List the supported sources with an example each, and exit."


def _list_sources(value: bool) -> None:
    if not value:
        return
    from ..io.adapters import SOURCES

    for source in SOURCES:
        typer.echo(f"{source.name}: {source.summary}")
        for shape, command in source.examples():
            typer.echo(f"  - {shape}\n      {command}")
    raise typer.Exit(EXIT_OK)


def convert(
    inputs: List[Path] = typer.Argument(..., help=HELP_INPUTS, exists=True, readable=True),
    output: Path = typer.Option(..., "--output", "-o", help=HELP_OUTPUT, dir_okay=False),
    source: Optional[str] = typer.Option(None, "--source", help=HELP_SOURCE),
    column_map: Optional[str] = typer.Option(None, "--map", help=HELP_MAP),
    creator: Optional[str] = typer.Option(None, "--creator", help=HELP_CREATOR),
    quarantine: Optional[Path] = typer.Option(None, "--quarantine", help=HELP_QUARANTINE, dir_okay=False),
    force: bool = typer.Option(False, "--force", help=HELP_FORCE),
    quiet: bool = typer.Option(False, "--quiet", "-q", help=HELP_QUIET),
    list_sources: bool = typer.Option(False, "--list-sources", callback=_list_sources, is_eager=True, help=HELP_LIST),
) -> None:
    from ..errors import AuthenticNLPError
    from ..io.adapters.convert import convert_files
    from ..io.formats import parse_column_map

    try:
        mapping = parse_column_map(column_map) if column_map is not None else None
        summary = convert_files(list(inputs), output, source=source, column_map=mapping, creator=creator,
                                quarantine=quarantine, force=force)
    except AuthenticNLPError as err:
        typer.secho(f"error: {err}", fg=typer.colors.RED, err=True)
        raise typer.Exit(EXIT_USAGE)
    if not quiet:
        lines = [
            f"records in   {summary.records_in}",
            f"converted    {summary.converted} posts, {summary.comments} comments",
            f"quarantined  {summary.quarantined}" + (f"  -> {summary.quarantine}" if summary.quarantine else ""),
            f"output       {summary.output}",
        ]
        if summary.sources:
            lines.append("sources      " + ", ".join(f"{k}: {v}" for k, v in sorted(summary.sources.items())))
        if summary.errors_by_code:
            lines.append("errors       " + ", ".join(f"{k}: {v}" for k, v in sorted(summary.errors_by_code.items())))
        typer.echo("\n".join(lines), err=True)
    raise typer.Exit(EXIT_PARTIAL if summary.quarantined else EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command(name="convert", help=HELP_CONVERT)(convert)
