"""What every adapter shares: the `Source` description, building contract dicts, quarantining.

An adapter turns one source item (a scraper's JSON object, an API resource, a CSV row) into a
contract post dict. Fields the contract has are filled from the source's own names; every other
key of the item is kept, as it was, under the post's (or comment's) `meta` key, so nothing is
dropped. An item that cannot be mapped (no id, an error item from the scraper, a caption that is
not text) becomes an error `ReadItem` with code E015 and the item itself as the raw record.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

from ...errors import RecordError, SourcePosition
from ..base import ReadItem
from .containers import inner_name, open_text
from .jsonstream import iter_json_values
from .values import get_path, read_field


@dataclass(frozen=True)
class Source:
    """One supported export or scraper format."""

    name: str
    summary: str                                   # one line for the README and `--help`
    example: str                                   # one command line
    sniff: Callable[[Any, str], bool]              # (first JSON value or CSV row, file name) -> ours?
    read: Callable[..., Iterator[ReadItem]]        # (path, column_map[, creator]) -> items
    reads_creator: bool = False                    # read() takes `creator` (`--creator HANDLE`)
    shapes: tuple[tuple[str, str], ...] = ()       # (a shape of file it reads, a command for it)

    def examples(self) -> tuple[tuple[str, str], ...]:
        """What `convert --list-sources` and the README show: each shape with its command."""
        return self.shapes or ((self.summary, self.example),)


def post_dict(source: str, *, id: Any, text: str, platform: str, creator: str | None = None,
              followers: int | None = None, created_at: Any = None, likes: int | None = None,
              paid: bool | None = None, comments: list[dict[str, Any]] | None = None,
              url: str | None = None, meta: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A contract post dict; None fields are left out; `meta` always names the source."""
    raw: dict[str, Any] = {"id": id, "text": text, "platform": platform}
    for name, value in (("creator", creator), ("followers", followers), ("created_at", created_at),
                        ("likes", likes), ("platform_paid_partnership", paid), ("url", url)):
        if value is not None:
            raw[name] = value
    raw["comments"] = comments or []
    raw["meta"] = {"source": source, **(meta or {})}
    return raw


BOM = "\ufeff"     # some clients append it to every comment; it is never part of what was written


def comment_dict(*, id: Any, text: str, author: str | None = None, reply_to: Any = None,
                 created_at: Any = None, likes: int | None = None,
                 meta: Mapping[str, Any] | None = None) -> dict[str, Any]:
    raw: dict[str, Any] = {"id": str(id), "text": text.replace(BOM, "")}
    for name, value in (("author", author), ("reply_to", None if reply_to is None else str(reply_to)),
                        ("created_at", created_at), ("likes", likes)):
        if value is not None:
            raw[name] = value
    if meta:
        raw["meta"] = dict(meta)
    return raw


def dedupe_comments(comments: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """One comment per id: a reply that the source also lists as a top-level comment (Apify's
    Instagram items do) is kept where it is a reply; otherwise the first one is kept. Returns the
    comments, in their order, and how many were removed."""
    keep: dict[str, int] = {}
    for index, comment in enumerate(comments):
        seen = keep.get(comment["id"])
        if seen is None or (comments[seen].get("reply_to") is None and comment.get("reply_to") is not None):
            keep[comment["id"]] = index
    kept = sorted(keep.values())
    return [comments[index] for index in kept], len(comments) - len(kept)


def note_duplicates(raw: dict[str, Any], removed: int) -> dict[str, Any]:
    """Say in the post's `meta` how many duplicate comments were removed (nothing when none)."""
    if removed:
        raw["meta"]["duplicate_comments_removed"] = raw["meta"].get("duplicate_comments_removed", 0) + removed
    return raw


class Unmappable(Exception):
    """Raised by a mapping function: the item cannot become a contract record (the reason)."""


# What a mapping function may raise on an item of an unexpected shape (a list where the source
# documents an object, a number where it documents text): the item is quarantined with the
# error named, and the file goes on; it never ends the run.
MAPPING_ERRORS = (Unmappable, AttributeError, TypeError, KeyError, ValueError, IndexError)


def why(err: Exception) -> str:
    return str(err) if isinstance(err, Unmappable) else f"unexpected shape ({type(err).__name__}: {err})"


def quarantined(position: SourcePosition, source: str, reason: str, item: Any) -> ReadItem:
    return ReadItem(position, raw=item, error=RecordError("E015", source=source, detail=reason))


def user_values(item: Mapping[str, Any] | None, column_map: dict[str, str] | None) -> dict[str, Any]:
    """`--map FIELD=KEY` read out of a source item before the adapter maps it: {field: value} for
    each named key (dotted for nested; a CSV column as written, "a/b" or "a.b") the item has and
    that reads as its field ("1.2K" is a count). The adapter takes these first, so `--map id=url`
    names a post whose item has no id of its own."""
    values: dict[str, Any] = {}
    for field, key in (column_map or {}).items():
        value = _user_key(item, key)
        converted = read_field(field, value) if value is not None else None
        if converted is not None:
            values[field] = converted
    return values


def _user_key(item: Mapping[str, Any] | None, key: str) -> Any:
    if item is None:
        return None
    value = get_path(item, key)
    return get_path(item, key.replace("/", ".")) if value is None and "/" in key else value


def apply_column_map(raw: dict[str, Any], item: Mapping[str, Any] | None,
                     column_map: dict[str, str] | None) -> dict[str, Any]:
    """`--map FIELD=KEY` with an adapter: the named source key fills FIELD (see `user_values`),
    overriding the adapter's own choice. A key the item does not have leaves FIELD as it was; a
    value that cannot be read as FIELD is kept under `meta.unparsed`."""
    given = user_values(item, column_map)
    for field, key in (column_map or {}).items():
        if field in given:
            raw[field] = given[field]
        elif _user_key(item, key) is not None:
            raw.setdefault("meta", {}).setdefault("unparsed", {})[key] = _user_key(item, key)
    return raw


def json_items(path: Path, label: str | None = None, handle=None) -> Iterator[tuple[SourcePosition, Any, ReadItem | None]]:
    """(position, value, error item) for each JSON value of a file (array items or documents).

    Exactly one of value / error item is set. A file that is not UTF-8 ends with one error item."""
    where = label or str(path)
    stream = handle if handle is not None else open_text(path)
    line = 1
    try:
        with stream:
            for value in iter_json_values(stream):
                line = value.line
                position = SourcePosition(where, line=value.line)
                if value.error is not None:
                    yield position, None, ReadItem(position, error=RecordError("E007", detail=value.error),
                                                   raw_text=value.text)
                else:
                    yield position, value.value, None
    except UnicodeDecodeError as err:
        position = SourcePosition(where, line=line)
        yield position, None, ReadItem(position, error=RecordError("E008", detail=str(err)))
    except EOFError as err:     # a truncated .xz/.gz
        position = SourcePosition(where, line=line)
        yield position, None, ReadItem(position, error=RecordError("E007", detail=f"truncated file: {err}"))


def source_items(path: Path) -> Iterator[tuple[SourcePosition, Any, ReadItem | None]]:
    """`json_items` for JSON files; for .csv files each row as a dict with dotted column names."""
    if inner_name(path).lower().endswith(".csv"):
        from .csv_rows import csv_items

        for item in csv_items(path):
            yield (item.position, None, item) if item.error is not None else (item.position, item.raw, None)
        return
    yield from json_items(path)


# A post mapper: (source item, the user's `--map` values read out of it) -> contract post dict
PostMapper = Callable[[Mapping[str, Any], Mapping[str, Any]], dict[str, Any]]


def map_items(path: Path, source: str, mapper: PostMapper,
              column_map: dict[str, str] | None = None) -> Iterator[ReadItem]:
    """One ReadItem per item of `path` (JSON or CSV): the mapped post, or why it cannot be mapped."""
    for position, value, error in source_items(path):
        if error is not None:
            yield error
            continue
        yield map_one(position, source, mapper, value, column_map)


def map_one(position: SourcePosition, source: str, mapper: PostMapper,
            value: Any, column_map: dict[str, str] | None = None) -> ReadItem:
    """The user's `--map` is read first and handed to the mapper, which takes it before its own
    keys (an item without an id of its own is named by `--map id=KEY`); then it overrides."""
    if not isinstance(value, Mapping):
        return quarantined(position, source, f"expected a JSON object, got {type(value).__name__}", value)
    try:
        raw = mapper(value, user_values(value, column_map))
    except MAPPING_ERRORS as err:
        return quarantined(position, source, why(err), value)
    return ReadItem(position, raw=apply_column_map(raw, value, column_map))


def scraper_error(item: Mapping[str, Any]) -> str | None:
    """Apify writes an item with `error` / `errorDescription` for a URL it could not scrape."""
    error = item.get("error")
    if error and not item.get("text") and not item.get("caption"):
        described = item.get("errorDescription") or item.get("errorMessage")
        return f"the scraper reported {error!r}" + (f": {described}" if described else "")
    return None


def compact(value: Any, limit: int = 120) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 3] + "..."
