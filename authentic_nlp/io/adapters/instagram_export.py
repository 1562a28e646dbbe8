"""Instagram's own "Download your information" export, in JSON: a folder, a `.zip`, or `posts_N.json`.

Where the posts are, by export generation (all are looked for):
    your_instagram_activity/media/posts_N.json      (2024-)
    your_instagram_activity/content/posts_N.json    (2023)
    content/posts_N.json                            (2021-2022)
    media.json                                      (-2020: {"photos": [...], "videos": [...]})
    posts_N.json anywhere else                      (an export re-packed by hand: files side by side)
A post: {"media": [{"uri", "creation_timestamp", "title"}], "title"?, "creation_timestamp"?}; the
caption is the post's `title`, else its first media item's `title`. The export has no post id:
the first media file's name is used ("media/posts/202401/17912345_12345.jpg" -> "17912345_12345").

The export holds only the account's own comments (`comments/post_comments_N.json`:
{"string_map_data": {"Comment", "Media Owner", "Time"}}). Those on the account's own media are its
replies under its posts; the export does not say under which post, so each goes to the latest post
published before it (`meta.post_match` says so). The account's handle comes from
`personal_information.json` (or the old `profile.json`), else from `--creator HANDLE`; without
either, no comment is attached (a warning says so). The account's comments are written with the
account as `author`, so they count as the creator's; one that starts with "@handle" answers that
person (`meta.replying_to`): the audience's comments are not in the export, so `reply_to` can only
be set when the post carries the comment it answers. Comments on other accounts' media are not
about these posts and are not read (logged). Followers are not in the export.

Meta writes every string as UTF-8 bytes read as Latin-1; every value read here is repaired
(`values.fix_meta_mojibake`). An export downloaded as HTML cannot be read: E111 says to request
JSON. A `.zip` is read in place within `containers.SafeZip`'s limits.
"""

from __future__ import annotations

import bisect
import logging
import re
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import Any, Iterator, Mapping

from ...errors import AuthenticNLPError
from ..base import ReadItem
from .base import MAPPING_ERRORS, Source, comment_dict, post_dict, quarantined, why
from .export_tree import NAME, OLD_MEDIA, POSTS_RE, ExportTree, tree_for, tree_values
from .values import epoch_to_iso, get_path, handle, to_time

logger = logging.getLogger("authentic_nlp")

# fmt: off
COMMENT_DIRS = ("your_instagram_activity/comments", "comments")
PROFILE_FILES = ("personal_information/personal_information/personal_information.json",
                 "personal_information/personal_information.json",
                 "account_information/personal_information.json", "profile.json", "personal_information.json")
# fmt: on
_COMMENTS_RE = re.compile(r"(?:^|/)post_comments(?:_(\d+))?\.json$")
_LEADING_HANDLE_RE = re.compile(r"\s*@([A-Za-z0-9._]{1,30})")


def _post_items(value: Any) -> Iterator[Any]:
    """posts_N.json is an array of posts; old media.json is {"photos": [...], "videos": [...]}."""
    if isinstance(value, Mapping) and ("photos" in value or "videos" in value):
        other = {key: len(items) for key, items in value.items()
                 if key not in ("photos", "videos") and isinstance(items, list) and items}
        if other:
            logger.info("media.json: sections that are not feed posts are not read: %s", other)
        for kind in ("photos", "videos"):
            for item in value.get(kind) or []:
                yield {**item, "_kind": kind} if isinstance(item, Mapping) else item
    else:
        yield value


def post_id_and_time(post: Mapping[str, Any]) -> tuple[str | None, Any]:
    media = post.get("media") if isinstance(post.get("media"), list) else []
    first = media[0] if media and isinstance(media[0], Mapping) else {}
    uri = first.get("uri") or post.get("path")
    stamp = post.get("creation_timestamp") or first.get("creation_timestamp")
    created = epoch_to_iso(stamp) if stamp is not None else to_time(post.get("taken_at"))
    post_id = PurePosixPath(uri).stem if isinstance(uri, str) and uri else (f"post-{stamp}" if stamp else None)
    return post_id, created


def map_post(post: Mapping[str, Any], creator: str | None, comments: list[dict[str, Any]]) -> dict[str, Any] | str:
    post_id, created = post_id_and_time(post)
    if post_id is None:
        return "no media uri and no creation_timestamp: the post cannot be named"
    media = post.get("media") if isinstance(post.get("media"), list) else []
    first = media[0] if media and isinstance(media[0], Mapping) else {}
    caption = post.get("title") or first.get("title") or post.get("caption") or ""
    if not isinstance(caption, str):
        return f"the caption is {type(caption).__name__}, not text"
    used = {"title", "caption"} | ({"creation_timestamp", "taken_at"} if created is not None else set())
    meta = {k: v for k, v in post.items() if k not in used}
    return post_dict(NAME, id=post_id, text=caption, platform="instagram", creator=creator, created_at=created,
                     comments=comments, meta=meta)


def account_handle(tree: ExportTree) -> str | None:
    for relative in PROFILE_FILES:
        name = tree.find(relative)
        if name is None:
            continue
        for _pos, value, error in tree_values(tree, name):
            if error is None and isinstance(value, Mapping):
                found = get_path(value, "username") or next(
                    (get_path(p, "string_map_data.Username.value") for p in value.get("profile_user") or []
                     if isinstance(p, Mapping)), None)
                if handle(found):
                    return handle(found)
    return None


def own_comments(tree: ExportTree, account: str) -> list[tuple[float, str]]:
    """(epoch seconds, text) of the account's comments on its own media, oldest first."""
    mine: list[tuple[float, str]] = []
    others = 0
    for name in tree.matching(COMMENT_DIRS, _COMMENTS_RE):
        for _pos, value, error in tree_values(tree, name):
            if error is not None:
                logger.warning("%s", error.error)
                continue
            for entry in value.get("comments_media_comments", [value]) if isinstance(value, Mapping) else [value]:
                data = entry.get("string_map_data") if isinstance(entry, Mapping) else None
                text, owner = get_path(data or {}, "Comment.value"), get_path(data or {}, "Media Owner.value")
                stamp = get_path(data or {}, "Time.timestamp")
                if not isinstance(text, str) or not isinstance(stamp, (int, float)):
                    continue
                if handle(owner) == account:
                    mine.append((float(stamp), text))
                else:
                    others += 1
    if others:
        logger.info("%d of the account's comments are on other accounts' media and are not read", others)
    return sorted(mine)


def assign(comments: list[tuple[float, str]], stamps: list[tuple[float, str]],
           account: str) -> dict[str, list[dict[str, Any]]]:
    """Each comment to the latest post published at or before it (stamps: sorted (time, post id))."""
    times = [t for t, _ in stamps]
    out: dict[str, list[dict[str, Any]]] = {}
    early = 0
    for number, (stamp, text) in enumerate(comments, start=1):
        index = bisect.bisect_right(times, stamp) - 1
        if index < 0:
            early += 1
            continue
        post_id = stamps[index][1]
        meta = {"post_match": "latest post published before the comment (the export does not link them)"}
        answered = _LEADING_HANDLE_RE.match(text)
        if answered and handle(answered.group(1)) != account:
            meta["replying_to"] = handle(answered.group(1))
        out.setdefault(post_id, []).append(comment_dict(
            id=f"own-{number}", text=text, author=account, created_at=epoch_to_iso(stamp), meta=meta))
    if early:
        logger.warning("%d of the account's comments on its own media are older than every post read; "
                       "not attached", early)
    return out


def read_export(path: Path, column_map: dict[str, str] | None = None, creator: str | None = None) -> Iterator[ReadItem]:
    if path.suffix.lower() in (".html", ".htm"):
        raise AuthenticNLPError("E111", path=str(path))
    tree, posts_files = tree_for(path)
    try:
        yield from _read_tree(path, tree, posts_files, handle(creator))
    finally:
        tree.close()


def _read_tree(path: Path, tree: ExportTree, posts_files: list[str], creator: str | None) -> Iterator[ReadItem]:
    account = account_handle(tree) or creator
    replies: dict[str, list[dict[str, Any]]] = {}
    if account is None:
        logger.warning("%s: the account's handle is not in the export (give it with --creator HANDLE); "
                       "its replies are not attached", path)
    else:
        replies = assign(own_comments(tree, account), sorted(_post_times(tree, posts_files)), account)
    for name in posts_files:
        for position, value, error in tree_values(tree, name):
            if error is not None:
                yield error
                continue
            for post in _post_items(value):
                if not isinstance(post, Mapping):
                    yield quarantined(position, NAME, f"expected a post object, got {type(post).__name__}", post)
                    continue
                try:
                    post_id, _ = post_id_and_time(post)
                    mapped = map_post(post, account, replies.get(post_id or "", []))
                except MAPPING_ERRORS as err:
                    mapped = why(err)
                if isinstance(mapped, str):
                    yield quarantined(position, NAME, mapped, post)
                else:
                    yield ReadItem(position, raw=mapped)


def _post_times(tree: ExportTree, posts_files: list[str]) -> Iterator[tuple[float, str]]:
    """(epoch seconds, post id) of every post that has both (a first pass over the posts files)."""
    for name in posts_files:
        for _position, value, error in tree_values(tree, name):
            for post in _post_items(value) if error is None else ():
                try:
                    post_id, created = post_id_and_time(post) if isinstance(post, Mapping) else (None, None)
                except MAPPING_ERRORS:
                    continue        # reported when the post itself is read
                if post_id and created:
                    yield _epoch(created), post_id


def _epoch(created: str) -> float:
    """ISO text as epoch seconds; a time without a zone (old media.json) is UTC, never local time."""
    parsed = datetime.fromisoformat(created.replace("Z", "+00:00"))
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)).timestamp()


def sniff(value: Any, name: str) -> bool:
    if POSTS_RE.search(name) or name == OLD_MEDIA:
        return True
    media = value.get("media") if isinstance(value, Mapping) else None
    first = media[0] if isinstance(media, list) and media else None
    return isinstance(first, Mapping) and "uri" in first and "creation_timestamp" in first


SOURCES = (
    Source(NAME, "Instagram's 'Download your information' JSON export: the .zip, its folder (any layout), or posts_1.json",
           "authentic-nlp score instagram-giulia-2024-05-01.zip -o scored.jsonl", sniff, read_export,
           reads_creator=True, shapes=(
               ("the .zip as downloaded, or its folder in Meta's layout",
                "authentic-nlp convert instagram-giulia-2024-05-01.zip -o posts.jsonl"),
               ("a folder not in Meta's layout: posts_1.json and post_comments_1.json side by side, at any depth",
                "authentic-nlp convert my-export/ -o posts.jsonl"),
               ("without personal_information.json: the handle from --creator, so the account's comments count as "
                "its replies", "authentic-nlp audit my-export/ --creator giulia.pelle -o audit/"),
           )),
)
