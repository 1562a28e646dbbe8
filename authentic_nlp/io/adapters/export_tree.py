"""Where an Instagram export's files are: a folder (in Meta's layout or repacked) or a `.zip`.

`tree_for(path)` gives the export's files as an `ExportTree` (names relative, with "/"; opened
as text, inside `containers.SafeZip`'s limits for a zip) and the posts files to read:
`posts_N.json` in the known folders of each export generation (see `instagram_export`), else
`posts_N.json` wherever it is (an export whose files were moved side by side), else the old
`media.json`. A `posts_N.json` given on its own reads the files beside it.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import IO, Any, Callable, Iterator

from ...errors import AuthenticNLPError
from ..base import ReadItem
from .base import json_items
from .containers import SafeZip, open_text
from .values import fix_meta_mojibake

NAME = "instagram-export"
POSTS_DIRS = ("your_instagram_activity/media", "your_instagram_activity/content", "content")
OLD_MEDIA = "media.json"
POSTS_RE = re.compile(r"(?:^|/)posts_(\d+)\.json$")


class ExportTree:
    """The files of an export, wherever it lives: a folder or a zip (names relative, with "/")."""

    def __init__(self, names: list[str], opener: Callable[[str], IO[str]], label: Callable[[str], str],
                 close: Callable[[], None] = lambda: None) -> None:
        self.names, self.open, self.label, self.close = names, opener, label, close

    def find(self, relative: str) -> str | None:
        """The member whose path ends with `relative` (exports may sit under a top folder)."""
        hits = [n for n in self.names if n == relative or n.endswith("/" + relative)]
        return min(hits, key=len) if hits else None

    def matching(self, folders: tuple[str, ...], pattern: re.Pattern[str]) -> list[str]:
        """The files matching `pattern` in the first of `folders` that has any; else wherever they
        are (an export whose files were moved side by side)."""
        for folder in folders:
            found = [n for n in self.names if pattern.search(n) and PurePosixPath(n).parent.as_posix().endswith(folder)]
            if found:
                return _numbered(found, pattern)
        return _numbered([n for n in self.names if pattern.search(n)], pattern)


def _numbered(names: list[str], pattern: re.Pattern[str]) -> list[str]:
    return sorted(names, key=lambda n: (int(pattern.search(n).group(1) or 0), n))


def tree_for(path: Path) -> tuple[ExportTree, list[str]]:
    """The export around `path` and the posts files to read (all of them for a zip or folder)."""
    if path.suffix.lower() == ".zip":
        archive = SafeZip(path)
        tree = ExportTree(archive.names(), archive.open_text, lambda n: f"{path}!{n}", archive.close)
        try:
            return tree, _posts_files(tree, path)
        except AuthenticNLPError:
            archive.close()
            raise
    path = path.resolve()
    root = path if path.is_dir() else _root_of(path)
    if root is not None:
        names = [p.relative_to(root).as_posix() for p in root.rglob("*.json")]
    else:      # posts_1.json outside Meta's layout: the export's other files are beside it
        names = sorted(p.name for p in path.parent.glob("*.json"))
    base = root if root is not None else path.parent
    tree = ExportTree(names, lambda n: open_text(base / n), lambda n: str(base / n))
    if path.is_dir():
        return tree, _posts_files(tree, path)
    return tree, [path.relative_to(base).as_posix()]


def _root_of(path: Path) -> Path | None:
    posix = path.as_posix()
    for folder in POSTS_DIRS:
        marker = f"/{folder}/"
        if marker in posix:
            return Path(posix[: posix.rindex(marker)] or "/")
    return path.parent if path.name == OLD_MEDIA else None


def _posts_files(tree: ExportTree, path: Path) -> list[str]:
    files = tree.matching(POSTS_DIRS, POSTS_RE)
    if not files and tree.find(OLD_MEDIA):
        files = [tree.find(OLD_MEDIA)]
    if not files:
        if any(n.endswith("posts_1.html") or n.endswith(".html") for n in _all_names(tree, path)):
            raise AuthenticNLPError("E111", path=str(path))
        raise AuthenticNLPError("E110", path=str(path), allowed=NAME,
                                detail="no posts_1.json (your_instagram_activity/media/, content/) and no media.json")
    return files


def _all_names(tree: ExportTree, path: Path) -> list[str]:
    if path.is_dir():
        return [p.as_posix() for p in path.rglob("*.htm*")]
    return tree.names


def tree_values(tree: ExportTree, name: str) -> Iterator[tuple[Any, Any, ReadItem | None]]:
    for position, value, error in json_items(Path(name), label=tree.label(name), handle=tree.open(name)):
        yield position, (fix_meta_mojibake(value) if error is None else None), error
