"""`authentic-nlp evaluate`: the ablation table (cues only, model only, combined) as Markdown and JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

HELP = ("Measure each task (sponsored, sincere, comment type, spam) in three modes: cues only, model only and "
        "combined, on the corpora test split and on evaluation sets with a gold file.")
HELP_MODEL = "Model folder (default: the shipped model)."
HELP_CORPORA = "Corpora folder whose test split (by creator) is evaluated; --no-corpora to skip it."
HELP_SET = "An evaluation set folder with posts.jsonl and gold.jsonl (repeatable)."
HELP_DATA = "A folder of evaluation sets: every subfolder with posts.jsonl and gold.jsonl is evaluated."
HELP_MODE = "Modes to run (repeatable; default: all three)."
HELP_JSON = "Write the full results (confusion tables, reliability bins) to this JSON file."
HELP_LIMIT = "Read at most this many posts of each set (a quick look)."
HELP_BY = ("Also measure each post task within each value of this gold field (repeatable). Default: every "
           "0/1 gold field that is not a task, e.g. has_at_mention in instasynth-synthetic, hard in the corpora.")


def register(app: typer.Typer) -> None:
    @app.command("evaluate", help=HELP)
    def evaluate(
        model: Optional[Path] = typer.Option(None, "--model", help=HELP_MODEL, exists=True, file_okay=False),
        corpora: Path = typer.Option(Path("corpora"), "--corpora", help=HELP_CORPORA),
        no_corpora: bool = typer.Option(False, "--no-corpora", help="Skip the corpora test split."),
        sets: List[Path] = typer.Option([], "--set", help=HELP_SET, exists=True, file_okay=False),
        data: Optional[Path] = typer.Option(None, "--data", help=HELP_DATA, exists=True, file_okay=False),
        modes: List[str] = typer.Option(["cues", "model", "combined"], "--mode", help=HELP_MODE),
        output: Optional[Path] = typer.Option(None, "--output", "-o", help=HELP_JSON, dir_okay=False),
        limit: Optional[int] = typer.Option(None, "--limit", min=1, help=HELP_LIMIT),
        by: Optional[List[str]] = typer.Option(None, "--by", help=HELP_BY),
        force: bool = typer.Option(False, "--force", help="Overwrite the JSON output."),
    ) -> None:
        from ..errors import AuthenticNLPError
        from ..learn.evaluate import MODES, evaluate_gold, evaluation_sets, gold_from_corpora, gold_from_set
        from ..learn.table import markdown

        bad = [m for m in modes if m not in MODES]
        if bad:
            typer.secho(f"error: [E401] option --mode: unknown {bad}; expected {list(MODES)}", fg="red", err=True)
            raise typer.Exit(2)
        if output is not None and output.exists() and not force:
            typer.secho(f"error: [E103] output {output} exists; pass --force to overwrite it", fg="red", err=True)
            raise typer.Exit(2)
        ordered = tuple(m for m in MODES if m in modes)
        folders = list(sets) + (evaluation_sets(data) if data is not None else [])
        results = {}
        try:
            if not no_corpora:
                results["corpora-test"] = evaluate_gold(gold_from_corpora(corpora), ordered, model, by or None)
            for folder in folders:
                results[folder.name] = evaluate_gold(gold_from_set(folder, limit), ordered, model, by or None)
        except AuthenticNLPError as err:
            typer.secho(f"error: {err}", fg="red", err=True)
            raise typer.Exit(2)
        typer.echo(markdown(results, ordered))
        if output is not None:
            output.write_text(json.dumps(results, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
            typer.echo(f"results written to {output}", err=True)
