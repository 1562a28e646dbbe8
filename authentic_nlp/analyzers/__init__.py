"""Post-level analyzers. Each is a small module with a `build(options) -> stage` function; a stage
reads a `PostContext` and writes its own section of the output record.

The order is the data flow: later stages may read what earlier stages wrote, never the reverse.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..pipeline import AnalysisOptions, Stage

STAGE_ORDER = ("sponsorship", "sincerity", "comments", "conversation", "quality")


def build_stages(options: "AnalysisOptions") -> list[tuple[str, "Stage"]]:
    return [(name, import_module(f"{__name__}.{name}").build(options)) for name in STAGE_ORDER]
