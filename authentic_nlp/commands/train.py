"""`authentic-nlp train`: the shipped torch model, or a transformers fine-tune with --backbone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

HELP = ("Train the multi-task model (sponsored, sincere, comment type) from the annotated corpora, "
        "deterministically; splits by creator, calibration on dev, metrics on test.")
HELP_CORPORA = "Corpora folder (reads every <lang>/batch_*.jsonl) or one .jsonl file."
HELP_OUTPUT = "Model folder to write (model weights, config.json, metrics.json)."
HELP_BACKBONE = ("Fine-tune this transformers checkpoint instead (a local folder or a model id already in the "
                 "local Hugging Face cache; nothing is downloaded).")
HELP_EPOCHS = "Training epochs (default: 40 for the torch model with early stopping, 3 with --backbone)."
HELP_MAX_STEPS = "Stop a --backbone fine-tune after this many optimiser steps."
HELP_SEED = "Random seed."


def register(app: typer.Typer) -> None:
    @app.command("train", help=HELP)
    def train(
        output: Path = typer.Option(..., "--output", "-o", help=HELP_OUTPUT, file_okay=False),
        corpora: Path = typer.Option(Path("corpora"), "--corpora", help=HELP_CORPORA, exists=True),
        backbone: Optional[str] = typer.Option(None, "--backbone", help=HELP_BACKBONE),
        epochs: Optional[int] = typer.Option(None, "--epochs", min=1, help=HELP_EPOCHS),
        max_steps: Optional[int] = typer.Option(None, "--max-steps", min=1, help=HELP_MAX_STEPS),
        seed: int = typer.Option(13, "--seed", help=HELP_SEED),
        force: bool = typer.Option(False, "--force", help="Overwrite an existing model folder."),
    ) -> None:
        from ..errors import AuthenticNLPError

        try:
            if backbone is None:
                from ..learn.train import TrainConfig, train_model

                config = TrainConfig(seed=seed, **({"epochs": epochs} if epochs else {}))
                metrics = train_model(corpora, output, config=config, force=force)
            else:
                from ..learn.transformers_backend import FineTuneConfig, fine_tune

                config = FineTuneConfig(seed=seed, max_steps=max_steps, **({"epochs": epochs} if epochs else {}))
                metrics = fine_tune(backbone, corpora, output, config=config, force=force)
        except AuthenticNLPError as err:
            typer.secho(f"error: {err}", fg=typer.colors.RED, err=True)
            raise typer.Exit(2)
        test = metrics["test"]
        typer.echo(json.dumps({task: {k: test[task].get(k) for k in ("macro_f1", "auc", "ece") if k in test[task]}
                               for task in test}, indent=2))
        typer.echo(f"model written to {output}", err=True)
