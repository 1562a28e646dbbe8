"""Further CLI commands, one module each, each with `register(app)`.

Every module here is imported when the CLI starts, so it must import only typer and the standard
library at module level; heavy imports go inside the command function.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module

import typer

# an option several commands share (score, convert, audit)
HELP_CREATOR = ("The account's handle, for inputs that do not name it (an Instagram export without its "
                "personal information, comment files): given to every post without a creator.")


def register_all(app: typer.Typer) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        import_module(f"{__name__}.{info.name}").register(app)
