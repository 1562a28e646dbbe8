"""instaloader: a post's metadata file (`*.json` or `*.json.xz`) and its `*_comments.json`.

    metadata: {"node": {"shortcode": "C9xYz", "id": "3301...", "owner": {"username": "giulia", ...},
               "taken_at_timestamp": 1714557600,
               "edge_media_to_caption": {"edges": [{"node": {"text": "..."}}]},
               "edge_media_preview_like": {"count": 120}, "is_paid_partnership": false, ...},
               "instaloader": {"version": "4.10", "node_type": "Post"}}
    comments: [{"id": 1, "created_at": 1714560000, "text": "...", "owner": {"username": "..."},
                "likes_count": 2, "answers": [{...same keys...}]}]

instaloader writes `NAME.json.xz` (or `NAME.json` with --no-compress-json) and, with --comments,
`NAME_comments.json` beside it. Reading the metadata file reads the comments file beside it too,
so one post record carries both. A comments file whose metadata file is beside it yields nothing
of its own (its comments are in that post; a log line says so), so `authentic-nlp score
profile/*.json*` gives each post once. A comments file alone becomes a post named after the file,
whose caption is the `NAME.txt` instaloader writes beside it (`meta.caption_from: "txt"`), or ""
with `meta.caption_missing: true` when there is none. Files of other node types (a Profile, a
Story item) are not posts and are quarantined with that reason.

A profile folder as instaloader writes it is an input too (`instaloader profile` gives
`profile/2024-05-01_10-00-00_UTC.json.xz`, `..._UTC.txt`, `..._UTC_comments.json`, `..._UTC_1.jpg`,
`profile_123.json.xz`, `id`): every post metadata file and every comments file without one is read,
in name order; pictures, videos, captions and resume files are not records. The Profile file gives
the creator's handle to the comments-only posts and its follower count to the posts (`followers`);
it is not a post.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any, Iterator, Mapping

from ...errors import SourcePosition
from ..base import ReadItem
from .apify_instagram import POST_URL
from .base import (MAPPING_ERRORS, Source, Unmappable, apply_column_map, comment_dict, json_items, post_dict,
                   quarantined, user_values, why)
from .containers import inner_name
from .grouping import captionless_post
from .values import Fields, epoch_to_iso, get_path, handle, to_count, to_flag

logger = logging.getLogger("authentic_nlp")

NAME = "instaloader"
COMMENTS_SUFFIX = "_comments.json"
# instaloader's default names ({date_utc}_UTC), which tell a profile folder from an export folder
_DEFAULT_NAME_RE = re.compile(r"\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}_UTC(?:_comments)?\.json(?:\.xz)?$")


def caption_of(fields: Fields) -> str:
    """The caption from node.edge_media_to_caption (or the plain node.caption newer versions also
    write); "" when there is none. Keys that hold something else stay in `meta`."""
    edges = get_path(fields.item, "node.edge_media_to_caption.edges")
    if isinstance(edges, list):
        texts = [get_path(edge, "node.text") for edge in edges if isinstance(edge, Mapping)]
        texts = [text for text in texts if isinstance(text, str)]
        if texts or not edges:
            fields.consume("node.edge_media_to_caption")
            if texts:
                return texts[0]
    caption = fields.text("node.caption")
    return caption or ""


def comment_list(items: Any) -> list[Mapping[str, Any]]:
    if items is None:
        return []
    if not isinstance(items, list) or not all(isinstance(item, Mapping) for item in items):
        raise Unmappable("comments or answers are not a list of comment objects")
    return items


def map_comments(items: list[Mapping[str, Any]], parent: str | None = None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for item in items:
        fields = Fields(item)
        comment_id, text = fields.take("id", handle), fields.text("text")
        if comment_id is None or text is None:
            raise Unmappable("a comment without an id or with a text that is not a string")
        answers = comment_list(item.get("answers"))
        fields.consume("answers")
        out.append(comment_dict(id=comment_id, text=text, author=fields.take("owner.username", handle),
                                reply_to=parent, created_at=fields.take("created_at", epoch_to_iso),
                                likes=fields.take("likes_count", to_count), meta=fields.rest()))
        out.extend(map_comments(answers, parent=comment_id))
    return out


def map_metadata(document: Mapping[str, Any], comments: list[dict[str, Any]],
                 given: Mapping[str, Any] | None = None) -> dict[str, Any]:
    node_type = get_path(document, "instaloader.node_type")
    if not isinstance(document.get("node"), Mapping):
        raise Unmappable("no 'node' object")
    if node_type not in (None, "Post"):
        raise Unmappable(f"an instaloader {node_type} file, not a post")
    fields = Fields(document)
    shortcode = get_path(document, "node.shortcode")
    post_id = (given or {}).get("id") or fields.take(("node.shortcode", "node.id"), handle)
    if post_id is None:
        raise Unmappable("the node has no shortcode and no id")
    text = caption_of(fields)
    return post_dict(NAME, id=post_id, text=text, platform="instagram",
                     creator=fields.take("node.owner.username", handle),
                     created_at=fields.take("node.taken_at_timestamp", epoch_to_iso),
                     likes=fields.take(("node.edge_media_preview_like.count", "node.edge_liked_by.count"), to_count),
                     paid=fields.take("node.is_paid_partnership", to_flag), comments=comments,
                     url=POST_URL.format(shortcode) if isinstance(shortcode, str) and shortcode else None,
                     meta=fields.rest())


def _stem(path: Path) -> str:
    name = inner_name(path)
    return name[: -len(".json")] if name.lower().endswith(".json") else name


def metadata_sibling(comments_path: Path) -> Path | None:
    base = inner_name(comments_path)[: -len(COMMENTS_SUFFIX)]
    for name in (f"{base}.json.xz", f"{base}.json"):
        candidate = comments_path.with_name(name)
        if candidate.is_file():
            return candidate
    return None


def _read_comments(path: Path) -> tuple[list[dict[str, Any]], list[ReadItem]]:
    """The comments of a comments file, and error items for what could not be read or mapped."""
    comments: list[dict[str, Any]] = []
    errors: list[ReadItem] = []
    for position, value, error in json_items(path):
        if error is not None:
            errors.append(error)
            continue
        try:
            comments.extend(map_comments(comment_list(value if isinstance(value, list) else [value])))
        except MAPPING_ERRORS as err:
            errors.append(quarantined(position, NAME, why(err), value))
    return comments, errors


def read_metadata(path: Path, column_map: dict[str, str] | None = None) -> Iterator[ReadItem]:
    if path.is_dir():
        yield from read_folder(path, column_map)
        return
    if inner_name(path).endswith(COMMENTS_SUFFIX):
        yield from _read_comments_file(path)
        return
    sibling = path.with_name(_stem(path) + COMMENTS_SUFFIX)
    comments, comment_errors = _read_comments(sibling) if sibling.is_file() else ([], [])
    for position, value, error in json_items(path):
        if error is not None:
            yield error
            continue
        try:
            document = value if isinstance(value, Mapping) else {}
            raw = map_metadata(document, comments, user_values(document, column_map))
        except MAPPING_ERRORS as err:
            yield quarantined(position, NAME, why(err), value)
            continue
        if sibling.is_file():
            raw["meta"]["comments_file"] = sibling.name
        yield ReadItem(position, raw=apply_column_map(raw, value, column_map))
    yield from comment_errors


def _read_comments_file(path: Path) -> Iterator[ReadItem]:
    sibling = metadata_sibling(path)
    if sibling is not None:
        logger.info("%s: its comments are read with their post from %s", path, sibling.name)
        return
    comments, errors = _read_comments(path)
    post_id = inner_name(path)[: -len(COMMENTS_SUFFIX)]
    raw = captionless_post(NAME, "instagram", post_id)
    raw["comments"] = comments
    caption = path.with_name(post_id + ".txt")
    if caption.is_file():
        raw["text"] = caption.read_text(encoding="utf-8-sig", errors="replace").replace("\r\n", "\n").rstrip("\n")
        del raw["meta"]["caption_missing"]
        raw["meta"]["caption_from"] = "txt"
    yield ReadItem(SourcePosition(str(path), line=1), raw=raw)
    yield from errors


def is_profile_folder(path: Path) -> bool:
    """A folder holding instaloader's files (default names, or any .json.xz)."""
    return path.is_dir() and any(_DEFAULT_NAME_RE.search(p.name) or p.name.endswith(".json.xz")
                                 for p in path.rglob("*.json*"))


def read_folder(folder: Path, column_map: dict[str, str] | None = None) -> Iterator[ReadItem]:
    """Every post of a profile folder (see the module docstring), in name order."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and _is_record_file(p))
    followers: dict[str, int | None] = {}
    posts: list[Path] = []
    for path in files:
        profile = _profile(path)
        if profile is None:
            posts.append(path)
        else:
            followers[profile[0]] = profile[1]
    owner = next(iter(followers)) if len(followers) == 1 else None     # one profile: the folder's account
    for path in posts:
        for item in read_metadata(path, column_map):
            raw = item.raw if item.error is None and isinstance(item.raw, dict) else None
            if raw is not None and owner is not None and not raw.get("creator"):
                raw["creator"] = owner          # a comments-only post of the profile's folder
            if raw is not None and raw.get("followers") is None and followers.get(raw.get("creator")) is not None:
                raw["followers"] = followers[raw["creator"]]
            yield item


def _is_record_file(path: Path) -> bool:
    name = inner_name(path)
    return name.endswith(".json") and not path.name.startswith("iterator_")


def _profile(path: Path) -> tuple[str, int | None] | None:
    """(username, followers) when `path` is an instaloader Profile file, else None."""
    if inner_name(path).endswith(COMMENTS_SUFFIX) or _DEFAULT_NAME_RE.search(path.name):
        return None
    for _position, value, error in json_items(path):
        if error is None and isinstance(value, Mapping) and get_path(value, "instaloader.node_type") == "Profile":
            name = handle(get_path(value, "node.username"))
            if name is None:
                return None
            return name, to_count(get_path(value, "node.edge_followed_by.count"))
        return None
    return None


def sniff(value: Any, name: str) -> bool:
    if isinstance(value, Mapping) and isinstance(value.get("node"), Mapping) and (
            "instaloader" in value or "edge_media_to_caption" in value["node"]):
        return True
    return name.endswith(COMMENTS_SUFFIX) and (value is None or isinstance(value, Mapping) and (
        "answers" in value or "owner" in value))


SOURCES = (
    Source(NAME, "instaloader downloads: a profile folder, or post metadata (.json or .json.xz) with its _comments.json "
           "beside it; a _comments.json alone takes its caption from the .txt beside it",
           "authentic-nlp score profile/ -o scored.jsonl", sniff, read_metadata,
           shapes=(
               ("a profile folder as instaloader writes it (..._UTC.json.xz, ..._UTC.txt, ..._UTC_comments.json, "
                "pictures); the Profile file gives the followers", "authentic-nlp score profile/ -o scored.jsonl"),
               ("post metadata files (.json or .json.xz), each with the _comments.json beside it",
                "authentic-nlp convert profile/*.json.xz -o posts.jsonl"),
               ("comments-only files (..._UTC_comments.json): the caption from the ..._UTC.txt beside them",
                "authentic-nlp convert profile/*_comments.json -o posts.jsonl"),
           )),
)
