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
profile/*.json*` gives each post once. A comments file alone becomes a post with text "" and
`meta.caption` "missing", named after the file. Files of other node types (a Profile, a Story
item) are not posts and are quarantined with that reason.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Iterator, Mapping

from ...errors import SourcePosition
from ..base import ReadItem
from .base import (MAPPING_ERRORS, Source, Unmappable, apply_column_map, comment_dict, json_items, post_dict,
                   quarantined, why)
from .containers import inner_name
from .grouping import captionless_post
from .values import Fields, epoch_to_iso, get_path, handle, to_count, to_flag

logger = logging.getLogger(__name__)

NAME = "instaloader"
COMMENTS_SUFFIX = "_comments.json"


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


def map_metadata(document: Mapping[str, Any], comments: list[dict[str, Any]]) -> dict[str, Any]:
    node_type = get_path(document, "instaloader.node_type")
    if not isinstance(document.get("node"), Mapping):
        raise Unmappable("no 'node' object")
    if node_type not in (None, "Post"):
        raise Unmappable(f"an instaloader {node_type} file, not a post")
    fields = Fields(document)
    post_id = fields.take(("node.shortcode", "node.id"), handle)
    if post_id is None:
        raise Unmappable("the node has no shortcode and no id")
    text = caption_of(fields)
    return post_dict(NAME, id=post_id, text=text, platform="instagram",
                     creator=fields.take("node.owner.username", handle),
                     created_at=fields.take("node.taken_at_timestamp", epoch_to_iso),
                     likes=fields.take(("node.edge_media_preview_like.count", "node.edge_liked_by.count"), to_count),
                     paid=fields.take("node.is_paid_partnership", to_flag), comments=comments, meta=fields.rest())


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
            raw = map_metadata(value if isinstance(value, Mapping) else {}, comments)
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
    yield ReadItem(SourcePosition(str(path), line=1), raw=raw)
    yield from errors


def sniff(value: Any, name: str) -> bool:
    if isinstance(value, Mapping) and isinstance(value.get("node"), Mapping) and (
            "instaloader" in value or "edge_media_to_caption" in value["node"]):
        return True
    return name.endswith(COMMENTS_SUFFIX) and (value is None or isinstance(value, Mapping) and (
        "answers" in value or "owner" in value))


SOURCES = (
    Source(NAME, "instaloader post metadata (.json or .json.xz) with its _comments.json beside it",
           "authentic-nlp score profile/*.json.xz -o scored.jsonl", sniff, read_metadata),
)
