"""Platform exports and scraper outputs read as contract records.

`read_source(path, source=None, column_map=None)` yields one `ReadItem` per post, in file order:
`raw` is a contract post dict (validated later by `schema.parse_post`) with every key the source
had and the contract has not under `meta`; or `error` says why an item could not be mapped
(E015, quarantined by the runner). The source is named (`--source NAME`, see `SOURCES`) or told
from the file: its name and suffix, a CSV's header, or the keys of its first JSON value.

One small module per source; each exposes `SOURCES`, a tuple of `base.Source`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from ...errors import AuthenticNLPError
from ..base import ReadItem
from . import apify_instagram, apify_tiktok, csv_map, instagram_export, instaloader, youtube_api, youtube_downloader
from .base import Source
from .containers import inner_name, open_text
from .jsonstream import iter_json_values

# Order matters for detection: the most specific shapes first.
SOURCES: tuple[Source, ...] = (
    *instaloader.SOURCES, *instagram_export.SOURCES, *youtube_api.SOURCES, *youtube_downloader.SOURCES,
    *apify_tiktok.SOURCES[::-1], *apify_instagram.SOURCES[::-1], *csv_map.SOURCES,
)
BY_NAME = {source.name: source for source in SOURCES}
__all__ = ["SOURCES", "BY_NAME", "read_source", "detect", "claim"]
CONTRACT_ONLY_KEYS = frozenset({"creator", "platform"})   # scrapers never write these; contract files often do


def names() -> str:
    return ", ".join(BY_NAME)


def read_source(path: Path, source: str | None = None, column_map: dict[str, str] | None = None,
                creator: str | None = None) -> Iterator[ReadItem]:
    """Every post of `path` as a `ReadItem`; see the module docstring. `creator` (`--creator
    HANDLE`) is the account's handle for sources that cannot tell it (an Instagram export without
    its personal information); `io.readers` also gives it to every post that has none."""
    path = Path(path)
    chosen = _named(source) if source is not None else detect(path, column_map)
    if chosen.reads_creator:
        yield from chosen.read(path, column_map, creator=creator)
    else:
        yield from chosen.read(path, column_map)


def claim(path: Path) -> str | None:
    """The source that wrote `path` when it is recognisably a platform export or scraper output,
    even though it may have `id` and `text` (Apify's TikTok items, Instagram comment rows); None
    for anything else, contract files included. For `io.readers` to ask before reading a file as
    contract-shaped. A folder, an archive, a compressed or an HTML file is never contract-shaped:
    for those `detect` decides, and raises (E110, E111) when it cannot. Any other file that cannot
    be read or told gives None (the contract reader then reports it)."""
    path = Path(path)
    if path.is_dir() or path.suffix.lower() in (".zip", ".xz", ".gz", ".bz2", ".html", ".htm"):
        return detect(path).name
    try:
        if inner_name(path).lower().endswith(".csv"):
            first: Any = _csv_first(path)
        else:
            first = _first_value(path)
    except (AuthenticNLPError, OSError, UnicodeDecodeError):
        return None
    if not isinstance(first, dict) or CONTRACT_ONLY_KEYS & set(first):
        return None
    found = _sniffed(first, inner_name(path))
    return found.name if found is not None and found.name != csv_map.NAME else None


def _named(source: str) -> Source:
    key = source.strip().lower()
    if key not in BY_NAME:
        raise AuthenticNLPError("E109", source=source, allowed=names())
    return BY_NAME[key]


def detect(path: Path, column_map: dict[str, str] | None = None) -> Source:
    """Which source wrote `path`, from its name, suffix and first record; E110/E111 when unclear."""
    name = inner_name(path)
    suffix = Path(name).suffix.lower()
    if path.is_dir() and instaloader.is_profile_folder(path):
        return BY_NAME[instaloader.NAME]
    if path.is_dir() or path.suffix.lower() == ".zip":
        return BY_NAME[instagram_export.NAME]
    if suffix in (".html", ".htm"):
        raise _html_error(path, name)
    if suffix == ".csv":
        return _sniffed(_csv_first(path), name) or BY_NAME[csv_map.NAME]
    first = _first_value(path)
    if isinstance(first, str) and first.lstrip().startswith("<"):
        raise _html_error(path, name)
    found = _sniffed(first, name)
    if found is None:
        raise AuthenticNLPError("E110", path=str(path), allowed=names(), detail=_describe(first))
    return found


def _csv_first(path: Path) -> dict[str, Any]:
    """A CSV's header as an item of its source's shape (flattened columns nested again), to sniff."""
    from .csv_rows import csv_header, nested_row

    return nested_row({column: "" for column in csv_header(path)})


def _sniffed(value: Any, name: str) -> Source | None:
    for source in SOURCES:
        if source.sniff(value, name):
            return source
    return None


def _first_value(path: Path) -> Any:
    """The first JSON value (an array's first item), or the first characters when it is not JSON."""
    try:
        with open_text(path) as handle:
            head = handle.read(512)
        with open_text(path) as handle:
            for value in iter_json_values(handle):
                return head if value.error is not None else value.value
    except (UnicodeDecodeError, EOFError, OSError) as err:
        raise AuthenticNLPError("E107", path=str(path), detail=str(err)) from None
    return None


def _html_error(path: Path, name: str) -> AuthenticNLPError:
    if "instagram" in str(path).lower() or name.startswith(("posts_", "post_comments", "media")):
        return AuthenticNLPError("E111", path=str(path))
    return AuthenticNLPError("E110", path=str(path), allowed=names(), detail="an HTML page, not JSON or CSV")


def _describe(value: Any) -> str:
    if value is None:
        return "no JSON value in it"
    if isinstance(value, dict):
        keys = ", ".join(list(value)[:12])
        return f"its first record has the keys {keys}" if keys else "its first record is an empty object"
    return f"its first value is a {type(value).__name__}"
