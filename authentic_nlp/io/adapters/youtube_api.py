"""YouTube Data API v3: `videos` resources and `commentThreads` resources, joined per video.

A file holds resources as the API returns them: list responses (`{"kind":
"youtube#commentThreadListResponse", "items": [...]}`), bare resources, an array of either, or
several responses one after another (JSON Lines, or `cat videos.json threads_*.json`). Resources:

    video:         {"kind": "youtube#video", "id": "abc", "snippet": {"publishedAt", "channelId",
                    "channelTitle", "title", "description"}, "statistics": {"likeCount": "120", ...}}
    commentThread: {"kind": "youtube#commentThread", "id": "Ug...", "snippet": {"channelId",
                    "videoId", "topLevelComment": {"id", "snippet": {"textDisplay", "textOriginal",
                    "authorDisplayName", "authorChannelId": {"value"}, "likeCount", "publishedAt"}}},
                    "replies": {"comments": [{"id", "snippet": {..., "parentId"}}]}}

The post's text is the video's `snippet.description` (the title stays in `meta.title`); a video
without a `videos` resource in the file gets text "" and `meta.caption` "missing". A comment is the
creator's when its `authorChannelId.value` equals the thread's `snippet.channelId`; its author is
then written as the post's creator, so the conversation analysis sees the creator's replies.

Two passes over the file: the first keeps only the video resources (small) and which videos have
threads; the second streams the threads, one video's threads at a time (see `grouping`).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any, Iterator, Mapping

from ..base import ReadItem
from .base import Source, Unmappable, apply_column_map, comment_dict, json_items, post_dict, quarantined
from .values import get_path, handle, to_count, to_time, unmapped

NAME = "youtube-api"
_TAG_RE = re.compile(r"<[^>]+>")


def _resources(path: Path) -> Iterator[tuple[Any, Any, ReadItem | None]]:
    """(position, resource, error) with list responses unwrapped into their items."""
    for position, value, error in json_items(path):
        if error is None and isinstance(value, Mapping) and isinstance(value.get("items"), list) and (
                str(value.get("kind", "")).endswith("ListResponse") or "kind" not in value):
            for item in value["items"]:
                yield position, item, None
        else:
            yield position, value, error


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


def plain_text(snippet: Mapping[str, Any]) -> str:
    """textOriginal when the API gave it, else textDisplay without its HTML (<br>, <a>, &amp;)."""
    original = snippet.get("textOriginal")
    if isinstance(original, str):
        return original
    shown = snippet.get("textDisplay")
    if not isinstance(shown, str):
        return ""
    return html.unescape(_TAG_RE.sub("", shown.replace("<br>", "\n").replace("<br/>", "\n")))


def map_comment(resource: Mapping[str, Any], owner_channel: Any, creator: str | None,
                parent: str | None = None) -> dict[str, Any]:
    snippet = resource.get("snippet") or {}
    comment_id = resource.get("id")
    if not comment_id:
        raise Unmappable("a comment without an id")
    by_creator = owner_channel is not None and get_path(snippet, "authorChannelId.value") == owner_channel
    author = creator if by_creator and creator else handle(snippet.get("authorDisplayName"))
    likes = to_count(snippet.get("likeCount"))
    used = ["textOriginal", "textDisplay", "authorDisplayName", "publishedAt", "parentId"] + (
        ["likeCount"] if likes is not None else [])
    meta = {"by_channel_owner": True} if by_creator else {}
    rest = unmapped(snippet, used)
    if rest:
        meta["snippet"] = rest
    return comment_dict(id=comment_id, text=plain_text(snippet), author=author,
                        reply_to=parent or snippet.get("parentId"), created_at=to_time(snippet.get("publishedAt")),
                        likes=likes, meta=meta)


def thread_comments(thread: Mapping[str, Any], creator: str | None) -> list[dict[str, Any]]:
    snippet = thread.get("snippet") or {}
    owner = snippet.get("channelId")
    top = snippet.get("topLevelComment")
    if not isinstance(top, Mapping):
        raise Unmappable("a commentThread without snippet.topLevelComment")
    comments = [map_comment(top, owner, creator)]
    for reply in get_path(thread, "replies.comments") or []:
        if isinstance(reply, Mapping):
            comments.append(map_comment(reply, owner, creator, parent=str(top.get("id"))))
    return comments


def video_post(video: Mapping[str, Any] | None, video_id: str, channel: Any) -> dict[str, Any]:
    if video is None:
        raw = post_dict(NAME, id=video_id, text="", platform="youtube", meta={"caption": "missing"})
        raw["meta"]["channel_id"] = channel
        return raw
    snippet = video.get("snippet") or {}
    text = snippet.get("description")
    likes = to_count(get_path(video, "statistics.likeCount"))
    used = ["description", "channelTitle", "publishedAt"]
    meta: dict[str, Any] = {"snippet": unmapped(snippet, used)}
    meta.update(unmapped(video, ["id", "snippet", "kind", "etag"] + (["statistics.likeCount"] if likes is not None else [])))
    return post_dict(NAME, id=video_id, text=text if isinstance(text, str) else "", platform="youtube",
                     creator=handle(snippet.get("channelTitle")), created_at=to_time(snippet.get("publishedAt")),
                     likes=likes, meta=meta)


def read_api(path: Path, column_map: dict[str, str] | None = None) -> Iterator[ReadItem]:
    videos: dict[str, Mapping[str, Any]] = {}
    threaded: set[str] = set()
    for _position, resource, error in _resources(path):
        kind = _kind(resource) if error is None else None
        if kind == "youtube#video" and resource.get("id"):
            videos[str(resource["id"])] = resource
        elif kind == "youtube#commentThread" and get_path(resource, "snippet.videoId"):
            threaded.add(str(get_path(resource, "snippet.videoId")))
    current: tuple[str, Any, dict[str, Any]] | None = None     # (video id, position, post)
    for position, resource, error in _resources(path):
        if error is not None:
            yield error
            continue
        kind = _kind(resource)
        if kind == "youtube#video" and resource.get("id"):
            if str(resource["id"]) not in threaded:         # a video with no threads in the file
                raw = video_post(resource, str(resource["id"]), None)
                yield ReadItem(position, raw=apply_column_map(raw, resource, column_map))
            continue
        video_id = get_path(resource, "snippet.videoId")
        if kind != "youtube#commentThread" or not video_id:
            yield quarantined(position, NAME, "neither a video nor a commentThread with snippet.videoId", resource)
            continue
        video_id = str(video_id)
        if current is not None and current[0] != video_id:
            yield ReadItem(current[1], raw=current[2])
            current = None
        if current is None:
            video = videos.get(video_id)
            raw = video_post(video, video_id, get_path(resource, "snippet.channelId"))
            current = (video_id, position, apply_column_map(raw, video, column_map))
        try:
            current[2]["comments"].extend(thread_comments(resource, current[2].get("creator")))
        except Unmappable as why:
            yield quarantined(position, NAME, str(why), resource)
    if current is not None:
        yield ReadItem(current[1], raw=current[2])


def sniff(value: Any, name: str) -> bool:
    if isinstance(value, Mapping) and str(value.get("kind", "")).startswith("youtube#"):
        return True
    return _kind(value) is not None and isinstance(value, Mapping) and isinstance(value.get("snippet"), Mapping)


SOURCES = (
    Source(NAME, "YouTube Data API v3 videos and commentThreads resources or list responses, joined per video",
           "authentic-nlp score videos_and_threads.json --source youtube-api -o scored.jsonl", sniff, read_api),
)
