"""The `--corpora DIR --split train|dev|test` options the fit scripts share, and the split they name.

The fit scripts choose constants on a corpora split (dev by default), never on ../shared/data.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from authentic_nlp.learn.evaluate import Gold, gold_from_corpora


def read_split(doc: str) -> tuple[str, Gold]:
    """Parse the command line (the description is the first paragraph of `doc`) and read the split."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=Path("corpora"))
    parser.add_argument("--split", default="dev", choices=("train", "dev", "test"))
    args = parser.parse_args()
    return args.split, gold_from_corpora(args.corpora, args.split)
