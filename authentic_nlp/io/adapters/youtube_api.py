"""YouTube Data API v3: `videos` resources and `commentThreads` resources, joined per video.

A file holds resources as the API returns them: list responses (`{"kind":
"youtube#commentThreadListResponse", "items": [...]}`, or `{"items": [...]}`), bare resources, an
array of either, several responses one after another (JSON Lines, or `cat videos.json
threads_*.json`), or one object that holds them under keys of its own, as people's scripts save
them (`{"video": {...}, "commentThreads": [...]}`). Resources:

    video:         {"kind": "youtube#video", "id": "abc", "snippet": {"publishedAt", "channelId",
                    "channelTitle", "title", "description"}, "statistics": {"likeCount": "120", ...}}
    commentThread: {"kind": "youtube#commentThread", "id": "Ug...", "snippet": {"channelId",
                    "videoId", "topLevelComment": {"id", "snippet": {"textDisplay", "textOriginal",
                    "authorDisplayName", "authorChannelId": {"value"}, "likeCount", "publishedAt"}}},
                    "replies": {"comments": [{"id", "snippet": {..., "parentId"}}]}}

The post's text is the video's `snippet.description` (the title stays in `meta.title`); a video
without a `videos` resource in the file, or one with `statistics` only, gets text "" and
`meta.caption_missing: true`. The channel owner is the thread's `snippet.channelId` (or a
`videoOwnerChannelId`); a comment is the creator's when its `authorChannelId.value` is the owner.
Its author is then written as the post's creator, so the conversation analysis sees the creator's
replies. Without a `videos` resource the creator is the owner's display name as its own comments
give it (else the channel id). Comment text loses the U+FEFF some clients append. The post's
`url` is `https://www.youtube.com/watch?v=<id>`.

Two passes over the file: the first keeps only the video resources (small) and which videos have
threads; the second streams the threads, one video's threads at a time (see `grouping`).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any, Iterator, Mapping

from ..base import ReadItem
from .base import (MAPPING_ERRORS, Source, Unmappable, apply_column_map, comment_dict, json_items, post_dict,
                   quarantined, why)
from .values import Fields, get_path, handle, to_count, to_time

NAME = "youtube-api"
WATCH_URL = "https://www.youtube.com/watch?v={}"
_TAG_RE = re.compile(r"<[^>]+>")
MAX_WRAPPING = 3          # {"data": {"threads": {"items": [...]}}} at most


def _resources(path: Path) -> Iterator[tuple[Any, Any, ReadItem | None]]:
    """(position, resource, error) with list responses and wrapper objects unwrapped."""
    for position, value, error in json_items(path):
        if error is not None:
            yield position, value, error
            continue
        for resource in unwrapped(value):
            yield position, resource, None


def unwrapped(value: Any, depth: int = 0) -> Iterator[Any]:
    """The resources in `value`: itself when it is one; the items of a list response or an array;
    the resources under any key of a wrapper object. A value holding none is given back as it is
    (to be quarantined); an empty list response holds no record."""
    if _kind(value) is not None or depth > MAX_WRAPPING:
        yield value
        return
    if isinstance(value, list):
        for item in value:
            yield from unwrapped(item, depth + 1)
        return
    if not isinstance(value, Mapping):
        yield value
        return
    if isinstance(value.get("items"), list) and not value["items"]:
        return
    found = [resource for inner in value.values() if isinstance(inner, (list, Mapping))
             for resource in unwrapped(inner, depth + 1) if _kind(resource) is not None]
    yield from found if found else [value]


def owner_channel(thread: Mapping[str, Any]) -> Any:
    """The channel that owns the video of a thread (its creator)."""
    for key in ("snippet.channelId", "snippet.videoOwnerChannelId",
                "snippet.topLevelComment.snippet.videoOwnerChannelId"):
        value = get_path(thread, key)
        if isinstance(value, str) and value:
            return value
    return None


def _owner_names(thread: Mapping[str, Any], names: dict[str, str]) -> None:
    """Remember the display name the channel owner writes its comments under."""
    owner = owner_channel(thread)
    if owner is None or owner in names:
        return
    replies = get_path(thread, "replies.comments")
    for comment in [get_path(thread, "snippet.topLevelComment")] + (replies if isinstance(replies, list) else []):
        if isinstance(comment, Mapping) and get_path(comment, "snippet.authorChannelId.value") == owner:
            name = handle(get_path(comment, "snippet.authorDisplayName"))
            if name:
                names[owner] = name
                return


def _kind(resource: Any) -> str | None:
    if not isinstance(resource, Mapping):
        return None
    kind = resource.get("kind")
    if kind in ("youtube#video", "youtube#commentThread"):
        return kind
    if get_path(resource, "snippet.topLevelComment") is not None:
        return "youtube#commentThread"
    if get_path(resource, "snippet.description") is not None or "statistics" in resource:
        return "youtube#video"
    return None


def plain_text(fields: Fields) -> str | None:
    """snippet.textOriginal when the API gave it, else snippet.textDisplay without its HTML (<br>,
    <a>, &amp;); both are the same comment, so both keys are used. None when neither is text."""
    original, shown = fields.take("snippet.textOriginal"), fields.take("snippet.textDisplay")
    if isinstance(original, str):
        return original
    if isinstance(shown, str):
        return html.unescape(_TAG_RE.sub("", shown.replace("<br>", "\n").replace("<br/>", "\n")))
    if original is None and shown is None:
        return ""
    raise Unmappable("a comment whose text is not a string")


def map_comment(resource: Mapping[str, Any], owner_channel: Any, creator: str | None,
                parent: str | None = None) -> dict[str, Any]:
    fields = Fields(resource)
    comment_id = fields.take("id", handle)
    if comment_id is None:
        raise Unmappable("a comment without an id")
    text = plain_text(fields)
    by_creator = owner_channel is not None and get_path(resource, "snippet.authorChannelId.value") == owner_channel
    meta_extra = {}
    if by_creator and creator:    # written as the post's creator; the display name stays in meta
        author, meta_extra = creator, {"by_channel_owner": True}
    else:
        author = fields.take("snippet.authorDisplayName", handle)
    reply_to = parent if parent is not None else fields.take("snippet.parentId", handle)
    if parent is not None:
        fields.consume("snippet.parentId")
    return comment_dict(id=comment_id, text=text, author=author, reply_to=reply_to,
                        created_at=fields.take("snippet.publishedAt", to_time),
                        likes=fields.take("snippet.likeCount", to_count), meta={**meta_extra, **fields.rest()})


def thread_comments(thread: Mapping[str, Any], creator: str | None) -> list[dict[str, Any]]:
    snippet = thread.get("snippet")
    top = snippet.get("topLevelComment") if isinstance(snippet, Mapping) else None
    if not isinstance(top, Mapping):
        raise Unmappable("a commentThread without snippet.topLevelComment")
    owner = owner_channel(thread)
    replies = get_path(thread, "replies.comments") or []
    if not isinstance(replies, list) or not all(isinstance(reply, Mapping) for reply in replies):
        raise Unmappable("replies.comments is not a list of comment objects")
    top_comment = map_comment(top, owner, creator)
    return [top_comment] + [map_comment(reply, owner, creator, parent=top_comment["id"]) for reply in replies]


def video_post(video: Mapping[str, Any] | None, video_id: str, channel: Any,
               owner_name: str | None = None) -> dict[str, Any]:
    url = WATCH_URL.format(video_id)
    if video is None:
        creator = owner_name or handle(channel)
        meta = {"caption_missing": True, "channel_id": channel,
                "creator_from": "the channel owner's comments" if owner_name else "the channel id"}
        return post_dict(NAME, id=video_id, text="", platform="youtube", creator=creator, url=url,
                         meta=meta if creator else {"caption_missing": True, "channel_id": channel})
    if not isinstance(video.get("snippet", {}), Mapping):
        raise Unmappable("the video's snippet is not an object")
    fields = Fields(video)
    fields.consume("id")
    missing = get_path(video, "snippet.description") is None
    text = fields.text("snippet.description")
    if text is None:
        raise Unmappable("snippet.description is not text")
    raw = post_dict(NAME, id=video_id, text=text, platform="youtube",
                    creator=fields.take("snippet.channelTitle", handle) or owner_name,
                    created_at=fields.take("snippet.publishedAt", to_time), url=url,
                    likes=fields.take("statistics.likeCount", to_count), meta=fields.rest())
    if missing:
        raw["meta"]["caption_missing"] = True
    return raw


def read_api(path: Path, column_map: dict[str, str] | None = None) -> Iterator[ReadItem]:
    videos: dict[str, Mapping[str, Any]] = {}
    threaded: set[str] = set()
    owner_names: dict[str, str] = {}
    for _position, resource, error in _resources(path):
        kind = _kind(resource) if error is None else None
        if kind == "youtube#video" and resource.get("id"):
            videos[str(resource["id"])] = resource
        elif kind == "youtube#commentThread" and get_path(resource, "snippet.videoId"):
            threaded.add(str(get_path(resource, "snippet.videoId")))
            _owner_names(resource, owner_names)
    current: tuple[str, Any, dict[str, Any]] | None = None     # (video id, position, post)
    for position, resource, error in _resources(path):
        if error is not None:
            yield error
            continue
        kind = _kind(resource)
        video_id = resource.get("id") if kind == "youtube#video" else get_path(resource, "snippet.videoId")
        if kind is None or not video_id:
            yield quarantined(position, NAME, "neither a video with an id nor a commentThread with snippet.videoId",
                              resource)
            continue
        video_id = str(video_id)
        if kind == "youtube#video":
            if video_id not in threaded:                    # a video with no threads in the file
                try:
                    raw = video_post(resource, video_id, None)
                except MAPPING_ERRORS as err:
                    yield quarantined(position, NAME, why(err), resource)
                    continue
                yield ReadItem(position, raw=apply_column_map(raw, resource, column_map))
            continue
        if current is not None and current[0] != video_id:
            yield ReadItem(current[1], raw=current[2])
            current = None
        try:
            if current is None:
                video, owner = videos.get(video_id), owner_channel(resource)
                raw = video_post(video, video_id, owner, owner_names.get(owner))
                current = (video_id, position, apply_column_map(raw, video, column_map))
            current[2]["comments"].extend(thread_comments(resource, current[2].get("creator")))
        except MAPPING_ERRORS as err:
            yield quarantined(position, NAME, why(err), resource)
    if current is not None:
        yield ReadItem(current[1], raw=current[2])


def sniff(value: Any, name: str) -> bool:
    if isinstance(value, Mapping) and str(value.get("kind", "")).startswith("youtube#"):
        return True
    if _kind(value) is None and isinstance(value, Mapping):      # a wrapper object or {"items": [...]}
        return any(_kind(inner) is not None and _is_resource(inner) for inner in unwrapped(value))
    return _kind(value) is not None and _is_resource(value)


def _is_resource(value: Any) -> bool:
    return isinstance(value, Mapping) and (isinstance(value.get("snippet"), Mapping) or (
        "id" in value and isinstance(value.get("statistics"), Mapping)))


SOURCES = (
    Source(NAME, "YouTube Data API v3 videos and commentThreads resources or list responses, joined per video",
           "authentic-nlp score videos_and_threads.json --source youtube-api -o scored.jsonl", sniff, read_api,
           shapes=(
               ("videos and commentThreads list responses, in one file or concatenated",
                "cat videos.json threads_*.json > yt.json && authentic-nlp score yt.json -o scored.jsonl"),
               ("commentThreads without a videos resource: the channel owner's replies are the creator's; "
                "meta.caption_missing", "authentic-nlp score threads.json -o scored.jsonl"),
               ("one object holding a video (statistics only, too) and its threads under keys of its own: "
                '{"video": {...}, "commentThreads": [...]}, {"items": [...]}',
                "authentic-nlp convert saved_video.json -o posts.jsonl"),
           )),
)
