"""Apify's TikTok scrapers: video items, and the comment scraper's rows.

Video item (TikTok Scraper dataset item, JSON; in the CSV download the nested keys are flattened
as "authorMeta/name" or "authorMeta.name" columns):

    {"id": "7301...", "text": "...", "createTimeISO": "2024-05-01T10:00:00.000Z", "createTime": 1714557600,
     "authorMeta": {"name": "giulia", "fans": 12000, ...}, "diggCount": 340, "commentCount": 12,
     "isAd": false, "isSponsored": false, "webVideoUrl": "https://www.tiktok.com/@giulia/video/7301..."}

Comment row (TikTok Comments Scraper): {"cid", "text", "uniqueId", "createTimeISO", "diggCount",
"videoWebUrl", "repliesToId"?, "replies"?: [...]}; a reply names its parent with `repliesToId`
(or sits nested in `replies`). Rows are gathered per video whatever their order (a multi-video
run interleaves them; see `grouping`). The creator is the handle in the video URL
(`https://www.tiktok.com/@<handle>/video/<id>`), so the creator's own replies (`uniqueId` equal
to it) are recognised; the post's `url` is that URL (`webVideoUrl` for video items).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterator, Mapping

from ..base import ReadItem
from .base import Source, Unmappable, comment_dict, map_items, post_dict, scraper_error
from .grouping import RowResult, grouped_rows
from .values import Fields, get_path, handle, to_count, to_flag, to_time

NAME = "apify-tiktok"
COMMENTS_NAME = "apify-tiktok-comments"
_VIDEO_ID_RE = re.compile(r"/video/(\d+)")
_HANDLE_RE = re.compile(r"tiktok\.com/@([^/?#]+)/")
FLAG_KEYS = ("isSponsored", "isAd", "isPaidPartnership")
VIDEO_KEYS = ("text", "authorMeta", "authorMeta.name", "webVideoUrl", "createTimeISO", "diggCount")


def map_comment(item: Mapping[str, Any], parent: Any = None) -> list[dict[str, Any]]:
    fields = Fields(item)
    comment_id = fields.take(("cid", "id"), handle)
    text = fields.text("text")
    if comment_id is None or text is None:
        raise Unmappable("a comment without a cid or with a text that is not a string")
    replies = item.get("replies")
    if replies is not None and not (isinstance(replies, list) and all(isinstance(r, Mapping) for r in replies)):
        raise Unmappable("a comment's replies are not a list of comment objects")
    fields.consume("replies")
    parent = parent if parent is not None else fields.take(("repliesToId", "replyToId"), handle)
    out = [comment_dict(id=comment_id, text=text, author=fields.take(("uniqueId", "user.uniqueId", "author"), handle),
                        reply_to=parent, created_at=fields.take(("createTimeISO", "createTime"), to_time),
                        likes=fields.take("diggCount", to_count), meta=fields.rest())]
    for reply in replies or []:
        out.extend(map_comment(reply, parent=comment_id))
    return out


def map_video(item: Mapping[str, Any], given: Mapping[str, Any] | None = None) -> dict[str, Any]:
    failed = scraper_error(item)
    if failed:
        raise Unmappable(failed)
    if not any(get_path(item, key) is not None for key in VIDEO_KEYS):
        raise Unmappable(f"not a TikTok video item: none of {', '.join(VIDEO_KEYS)}")
    given = given or {}
    fields = Fields(item)
    url = item.get("webVideoUrl") if isinstance(item.get("webVideoUrl"), str) else None
    if url is not None:
        fields.consume("webVideoUrl")
    video_id = given.get("id") or fields.take("id", handle) or video_key(url)
    if video_id is None:
        raise Unmappable("no id and no webVideoUrl")
    text = given["text"] if "text" in given else fields.text("text")
    if text is None:
        raise Unmappable(f"text is {type(item.get('text')).__name__}, not text")
    raw_comments = item.get("comments")
    if raw_comments is not None and not (isinstance(raw_comments, list)
                                         and all(isinstance(c, Mapping) for c in raw_comments)):
        raise Unmappable("comments is not a list of comment objects")
    comments = [mapped for comment in raw_comments or [] for mapped in map_comment(comment)]
    fields.consume("comments")
    flags = fields.take_all(FLAG_KEYS, to_flag)
    return post_dict(
        NAME, id=video_id, text=text, platform="tiktok",
        creator=fields.take("authorMeta.name", handle) or creator_of(url), url=url,
        followers=fields.take("authorMeta.fans", to_count), created_at=fields.take(("createTimeISO", "createTime"), to_time),
        likes=fields.take("diggCount", to_count), paid=any(flags) if flags else None, comments=comments,
        meta=fields.rest(),
    )


def video_key(url: Any) -> str | None:
    match = _VIDEO_ID_RE.search(url) if isinstance(url, str) else None
    return match.group(1) if match else None


def creator_of(url: Any) -> str | None:
    """The handle in a video URL ("https://www.tiktok.com/@giulia/video/73..." -> "giulia")."""
    match = _HANDLE_RE.search(url) if isinstance(url, str) else None
    return handle(match.group(1)) if match else None


def read_videos(path: Path, column_map: dict[str, str] | None = None) -> Iterator[ReadItem]:
    return map_items(path, NAME, map_video, column_map)


def read_comment_rows(path: Path, column_map: dict[str, str] | None = None) -> Iterator[ReadItem]:
    return grouped_rows(path, COMMENTS_NAME, "tiktok", map_comment_row)


def map_comment_row(value: Mapping[str, Any]) -> RowResult:
    """One comment-scraper row: its video's id and the comment."""
    url = value.get("videoWebUrl") or value.get("webVideoUrl") or value.get("submittedVideoUrl")
    key = video_key(url) or value.get("awemeId") or value.get("videoId")
    failed = scraper_error(value)
    if failed or not key:
        return failed or "no videoWebUrl: the comment's video is unknown"
    comments = map_comment(value)
    meta = comments[0].get("meta", {})
    for name in ("videoWebUrl", "webVideoUrl", "submittedVideoUrl", "awemeId", "videoId"):
        meta.pop(name, None)
    if not meta:
        comments[0].pop("meta", None)
    return str(key), comments, {"url": url if isinstance(url, str) else None, "creator": creator_of(url)}


def sniff_video(value: Any, name: str) -> bool:
    return isinstance(value, Mapping) and (get_path(value, "authorMeta.name") is not None or (
        "createTimeISO" in value and "diggCount" in value and "cid" not in value))


def sniff_comment_row(value: Any, name: str) -> bool:
    return isinstance(value, Mapping) and "cid" in value and "text" in value and (
        "uniqueId" in value or "videoWebUrl" in value)


SOURCES = (
    Source(NAME, "Apify TikTok scraper video items, JSON or CSV (text, createTimeISO, authorMeta.name, diggCount, isAd)",
           "authentic-nlp score dataset_tiktok-scraper.csv -o scored.jsonl", sniff_video, read_videos,
           shapes=(
               ("video items as JSON, JSON Lines or CSV (authorMeta/name or authorMeta.name columns)",
                "authentic-nlp score dataset_tiktok-scraper.csv -o scored.jsonl"),
               ("items without id: the key from webVideoUrl, or any key named with --map id=KEY",
                "authentic-nlp convert dataset_tiktok-scraper.json --map id=postPage -o posts.jsonl"),
           )),
    Source(COMMENTS_NAME, "Apify TikTok comment scraper rows (cid, text, uniqueId, repliesToId), one post per video",
           "authentic-nlp convert dataset_tiktok-comments-scraper.json -o posts.jsonl", sniff_comment_row,
           read_comment_rows, shapes=(
               ("comment rows of one or several videos, interleaved in any order; the creator from videoWebUrl "
                "(https://www.tiktok.com/@HANDLE/video/ID), so the creator's replies count",
                "authentic-nlp score dataset_tiktok-comments-scraper.json -o scored.jsonl"),
           )),
)
