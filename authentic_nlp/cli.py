"""The `authentic-nlp` command: a thin typer shell over plain functions.

Exit codes (documented in the README):
  0  every record was scored
  1  unexpected internal error
  2  usage error: bad option, missing input, output exists without --force, invalid data file
  3  finished, but some records were quarantined or skipped
  4  stopped at the first bad record (--on-error fail)

Start-up stays instant: heavy modules (spaCy, torch) are imported inside the commands.
"""

from __future__ import annotations

import json
import logging
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__
from .commands import HELP_CREATOR

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_PARTIAL, EXIT_ABORTED = 0, 1, 2, 3, 4

HELP_APP = "Sincerity, sponsorship disclosure and two-way conversation in influencer posts (Italian and English)."
HELP_SCORE = "Score posts from JSON Lines, CSV or Parquet files and write one scored record per input record."
HELP_EXPLAIN = "Analyse one text and show every score with the evidence behind it."
HELP_INPUTS = "Input files (.jsonl, .csv, .parquet, or platform exports: files, folders, archives), read in order."
HELP_OUTPUT = "Output file; its suffix picks the format unless --format is given."
HELP_FORMAT = "Output format (default: from the output's suffix)."
HELP_INPUT_FORMAT = "Input format (default: from each input's suffix)."
HELP_COMMENTS = "A flat comments file (one comment a row, with a post_id column) joined to the posts."
HELP_SOURCE = "The platform export or scraper format of the inputs (see the README's adapters section)."
HELP_MAP = "Rename source columns to contract fields: FIELD=COLUMN[,FIELD=COLUMN...], e.g. text=Description,creator=Account."
HELP_ON_ERROR = "What to do with a bad record: quarantine it (default), skip it, or stop."
HELP_QUARANTINE = "Quarantine file (default: OUTPUT's name with .quarantine.jsonl)."
HELP_WORKERS = "Worker processes (1 = in this process)."
HELP_MARKET = ("Apply this market's disclosure rules to every post: it, us, uk, or a market a --rules file defines "
               "(default: the record's market, else inferred from the caption: currency, link domains, spelling, language).")
HELP_RULES = "Your own market rules file (YAML or JSON), validated on load."
HELP_NO_MODEL = "Cues only: do not use the learned model (the verdicts do not change; probabilities, sincerity and comment types may)."
HELP_MODEL = "A model folder to use instead of the shipped default."
HELP_NO_EVIDENCE = "Leave evidence lists out of the output (scores are unchanged)."
HELP_NO_TEXT = "Leave the caption and comment texts out of the output (evidence keeps its quoted spans)."
HELP_FORCE = "Overwrite OUTPUT and its quarantine file if they exist."
HELP_QUIET = "No progress bar and no summary."
HELP_LANG = "Language of the text as an ISO 639-1 code, e.g. it or en (default: identified)."
HELP_JSON = "Print the full record as JSON instead of the readable view."


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class OnError(str, Enum):
    quarantine = "quarantine"
    skip = "skip"
    fail = "fail"


app = typer.Typer(help=HELP_APP, no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"authentic-nlp {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what the library does to stderr."),
) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


def _fail(message: str, code: int) -> None:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


@app.command(help=HELP_SCORE)
def score(
    inputs: List[Path] = typer.Argument(..., help=HELP_INPUTS, exists=True, readable=True),
    output: Path = typer.Option(..., "--output", "-o", help=HELP_OUTPUT, dir_okay=False),
    fmt: Optional[OutputFormat] = typer.Option(None, "--format", "-f", help=HELP_FORMAT),
    input_format: Optional[OutputFormat] = typer.Option(None, "--input-format", help=HELP_INPUT_FORMAT),
    comments: Optional[Path] = typer.Option(None, "--comments", help=HELP_COMMENTS, exists=True, dir_okay=False),
    source: Optional[str] = typer.Option(None, "--source", help=HELP_SOURCE),
    column_map: Optional[str] = typer.Option(None, "--map", help=HELP_MAP),
    creator: Optional[str] = typer.Option(None, "--creator", help=HELP_CREATOR),
    on_error: OnError = typer.Option(OnError.quarantine, "--on-error", help=HELP_ON_ERROR),
    quarantine: Optional[Path] = typer.Option(None, "--quarantine", help=HELP_QUARANTINE, dir_okay=False),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help=HELP_WORKERS),
    market: Optional[str] = typer.Option(None, "--market", help=HELP_MARKET),
    rules: Optional[Path] = typer.Option(None, "--rules", help=HELP_RULES, exists=True, dir_okay=False),
    model: Optional[Path] = typer.Option(None, "--model", help=HELP_MODEL, exists=True, file_okay=False),
    no_model: bool = typer.Option(False, "--no-model", help=HELP_NO_MODEL),
    no_evidence: bool = typer.Option(False, "--no-evidence", help=HELP_NO_EVIDENCE),
    no_text: bool = typer.Option(False, "--no-text", help=HELP_NO_TEXT),
    force: bool = typer.Option(False, "--force", help=HELP_FORCE),
    quiet: bool = typer.Option(False, "--quiet", "-q", help=HELP_QUIET),
) -> None:
    from .engine.batch import RecordAbort, score_files
    from .errors import AuthenticNLPError
    from .io.formats import parse_column_map

    try:
        mapping = parse_column_map(column_map) if column_map is not None else None
    except AuthenticNLPError as err:
        _fail(str(err), EXIT_USAGE)
    options = _options(market, rules, model, no_model, evidence=not no_evidence, texts=not no_text)
    progress = _progress_bar() if _wants_progress(quiet) else None
    try:
        with progress if progress is not None else _nullcontext():
            task = progress.add_task("scoring", total=None) if progress is not None else None
            summary = score_files(
                list(inputs), output, options=options,
                input_format=input_format.value if input_format else None,
                output_format=fmt.value if fmt else None, comments_path=comments,
                source=source, column_map=mapping, creator=creator,
                on_error=on_error.value, quarantine=quarantine, workers=workers, force=force,
                on_outcome=(lambda _o: progress.advance(task)) if progress is not None else None,
            )
    except RecordAbort as abort:
        _fail(f"stopped at {abort} (--on-error fail)", EXIT_ABORTED)
    except AuthenticNLPError as err:
        _fail(str(err), EXIT_USAGE)
    if not quiet:
        _print_summary(summary)
    raise typer.Exit(EXIT_PARTIAL if summary.quarantined or summary.skipped else EXIT_OK)


@app.command(help=HELP_EXPLAIN)
def explain(
    text: str = typer.Argument(..., help="The text to analyse (a caption)."),
    lang: Optional[str] = typer.Option(None, "--lang", help=HELP_LANG),
    market: Optional[str] = typer.Option(None, "--market", help=HELP_MARKET),
    rules: Optional[Path] = typer.Option(None, "--rules", help=HELP_RULES, exists=True, dir_okay=False),
    model: Optional[Path] = typer.Option(None, "--model", help=HELP_MODEL, exists=True, file_okay=False),
    no_model: bool = typer.Option(False, "--no-model", help=HELP_NO_MODEL),
    as_json: bool = typer.Option(False, "--json", help=HELP_JSON),
) -> None:
    from . import load_analyzer
    from .explain import render_explanation
    from .schema import Post

    options = _options(market, rules, model, no_model)
    record = load_analyzer(options).analyze_post(Post(id="text", text=text), language=lang.lower() if lang else None)
    if as_json:
        typer.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    render_explanation(text, record)


def _options(market: str | None, rules: Path | None, model: Path | None, no_model: bool, evidence: bool = True,
             texts: bool = True):
    """The analysis options of a command, checked here so that a bad market or rules file is a usage
    error (exit 2) before any work starts, not a failure in every worker."""
    from .errors import AuthenticNLPError
    from .pipeline import AnalysisOptions

    if no_model and model is not None:
        _fail("--model and --no-model exclude each other", EXIT_USAGE)
    if no_model:
        from .learn.predictor import NO_MODEL

        model = NO_MODEL
    options = AnalysisOptions(market=market.lower() if market else None, evidence=evidence, texts=texts,
                              rules_path=rules, model_path=model)
    try:
        options.validate()
    except AuthenticNLPError as err:
        _fail(str(err), EXIT_USAGE)
    return options


def _wants_progress(quiet: bool) -> bool:
    """A progress bar only for a person watching a terminal: never with --quiet or when stderr is
    redirected (a file, a pipe, a CI log)."""
    return not quiet and sys.stderr.isatty()


def _progress_bar():
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(SpinnerColumn(), TextColumn("{task.description}"), MofNCompleteColumn(),
                    TextColumn("records"), TimeElapsedColumn(), transient=True)


class _nullcontext:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def _print_summary(summary) -> None:
    lines = [
        f"records in   {summary.records_in}",
        f"scored       {summary.scored}",
        f"quarantined  {summary.quarantined}" + (f"  -> {summary.quarantine}" if summary.quarantine else ""),
        f"skipped      {summary.skipped}",
        f"seconds      {summary.seconds:.2f}",
        f"texts/s      {summary.texts_per_second:.0f}",
        f"posts/s      {summary.posts_per_second:.0f}",
        f"output       {summary.output}",
    ]
    if summary.errors_by_code:
        lines.append("errors       " + ", ".join(f"{k}: {v}" for k, v in sorted(summary.errors_by_code.items())))
    typer.echo("\n".join(lines), err=True)


def run() -> None:
    app()


def _register_commands() -> None:
    from .commands import register_all

    register_all(app)


_register_commands()
