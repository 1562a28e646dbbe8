"""Where the shipped model lives, in a source checkout and after `pip install .`.

The artifact folder is models/<name>/ at the top of the repository (design.md: models/ holds only
artifacts). The wheel carries it as package data of `authentic_nlp._models` (pyproject.toml maps
that package to models/), so an installed copy finds it through importlib.resources; a source
checkout without an install finds it beside the package.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

DEFAULT_MODEL = "authentic-small"
CONFIG_FILE = "config.json"


def default_model_path(name: str = DEFAULT_MODEL) -> Path | None:
    """The shipped model folder, or None when this installation has none."""
    try:
        packaged = resources.files("authentic_nlp._models").joinpath(name)
        if packaged.joinpath(CONFIG_FILE).is_file():
            return Path(str(packaged))
    except ModuleNotFoundError:
        pass
    source = Path(__file__).resolve().parents[2] / "models" / name
    return source if (source / CONFIG_FILE).is_file() else None
