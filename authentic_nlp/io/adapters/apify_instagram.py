"""Apify's Instagram scrapers: post items, and the comment scraper's rows.

Post item (Instagram Scraper / Instagram Post Scraper dataset item; keys that are empty are often
absent altogether):

    {"id": "3301...", "shortCode": "C9xYz", "caption": "...", "hashtags": [...], "mentions": [...],
     "ownerUsername": "giulia", "likesCount": 120, "commentsCount": 4,
     "timestamp": "2024-05-01T10:00:00.000Z", "isSponsored": false, "paidPartnership": true,
     "coauthorProducers": [...],
     "latestComments": [{"id": "...", "text": "...", "ownerUsername": "...", "timestamp": "...",
                         "likesCount": 2, "replies": [{...same keys...}]}]}

`likesCount` is -1 when the owner hides likes: not a count, so it stays in `meta`.

Field-trimmed downloads and the hashtag scraper often have neither `shortCode` nor `id`: the key
is then the shortcode in `url` ("https://www.instagram.com/p/C9xYz/", also `/reel/`, `/tv/`); a
user's `--map id=KEY` comes first. The post's `url` is the item's, or built from the shortcode.
A reply that the item also lists as a top-level comment is kept once, as the reply
(`meta.duplicate_comments_removed` counts them); the post is never dropped for it.

Comment-scraper row: {"postUrl": ".../p/C9xYz/", "id", "text", "ownerUsername", "timestamp",
"likesCount", "repliesCount", "replies": [...]}; rows are gathered per post (see `grouping`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterator, Mapping

from ..base import ReadItem
from .base import (Source, Unmappable, comment_dict, dedupe_comments, map_items, note_duplicates, post_dict,
                   scraper_error)
from .grouping import RowResult, grouped_rows
from .values import Fields, get_path, handle, to_count, to_flag, to_time

NAME = "apify-instagram"
COMMENTS_NAME = "apify-instagram-comments"
POST_KEYS = ("shortCode", "ownerUsername", "latestComments", "likesCount", "displayUrl", "commentsCount")
_SHORTCODE_RE = re.compile(r"instagram\.com/(?:[^/?#]+/)?(?:p|reel|reels|tv)/([A-Za-z0-9_-]+)")
POST_URL = "https://www.instagram.com/p/{}/"

FLAG_KEYS = ("isSponsored", "paidPartnership", "isPaidPartnership")


def comment_list(items: Any, what: str) -> list[Mapping[str, Any]]:
    """A list of comment objects; anything else in it is a shape this source does not write."""
    if items is None:
        return []
    if not isinstance(items, list) or not all(isinstance(item, Mapping) for item in items):
        raise Unmappable(f"{what} is not a list of comment objects")
    return items


def map_comments(items: list[Mapping[str, Any]], parent: str | None = None) -> list[dict[str, Any]]:
    """latestComments[] (or a comment row's replies[]) as contract comments, replies flattened
    after their parent with `reply_to` set."""
    out: list[dict[str, Any]] = []
    for item in items:
        fields = Fields(item)
        comment_id = fields.take("id", handle)
        text = fields.text("text")
        if comment_id is None or text is None:
            raise Unmappable(f"a comment without an id or with a text that is not a string: {dict(item)!r:.120}")
        replies = comment_list(item.get("replies"), "a comment's replies")
        fields.consume("replies")
        out.append(comment_dict(id=comment_id, text=text, author=fields.take(("ownerUsername", "owner.username"), handle),
                                reply_to=parent, created_at=fields.take("timestamp", to_time),
                                likes=fields.take("likesCount", to_count), meta=fields.rest()))
        out.extend(map_comments(replies, parent=comment_id))
    return out


def map_post(item: Mapping[str, Any], given: Mapping[str, Any] | None = None) -> dict[str, Any]:
    failed = scraper_error(item)
    if failed:
        raise Unmappable(failed)
    if not any(key in item for key in POST_KEYS + ("caption", "url")):
        raise Unmappable(f"not an Instagram post item: none of {', '.join(POST_KEYS)}, caption, url")
    given = given or {}
    fields = Fields(item)
    url = fields.take("url", post_url)
    post_id = given.get("id") or fields.take(("shortCode", "id"), handle) or post_key(url)
    if post_id is None:
        raise Unmappable("no shortCode, no id and no post url (https://www.instagram.com/p/<shortcode>/)")
    text = given["text"] if "text" in given else fields.text("caption")
    if text is None:
        raise Unmappable(f"caption is {type(item.get('caption')).__name__}, not text")
    comments, removed = dedupe_comments(map_comments(comment_list(item.get("latestComments"), "latestComments")))
    fields.consume("latestComments")
    flags = fields.take_all(FLAG_KEYS, to_flag)
    shortcode = get_path(item, "shortCode")
    raw = post_dict(
        NAME, id=post_id, text=text, platform="instagram", creator=fields.take("ownerUsername", handle),
        followers=fields.take("followersCount", to_count), created_at=fields.take("timestamp", to_time),
        likes=fields.take("likesCount", to_count), paid=any(flags) if flags else None, comments=comments,
        url=url or (POST_URL.format(shortcode) if isinstance(shortcode, str) and shortcode else None),
        meta=fields.rest(),
    )
    return note_duplicates(raw, removed)


def post_url(value: Any) -> str | None:
    """An Instagram post, reel or IGTV URL as given; None for anything else."""
    return value.strip() if isinstance(value, str) and _SHORTCODE_RE.search(value) else None


def read_posts(path: Path, column_map: dict[str, str] | None = None) -> Iterator[ReadItem]:
    return map_items(path, NAME, map_post, column_map)


def post_key(url: Any) -> str | None:
    """The shortcode in a post URL ("https://www.instagram.com/p/C9xYz/" -> "C9xYz"); any other
    non-empty text as it is (a comment row's postUrl may be the bare shortcode)."""
    match = _SHORTCODE_RE.search(url) if isinstance(url, str) else None
    return match.group(1) if match else (url.strip() or None if isinstance(url, str) else None)


def read_comment_rows(path: Path, column_map: dict[str, str] | None = None) -> Iterator[ReadItem]:
    return grouped_rows(path, COMMENTS_NAME, "instagram", map_comment_row)


def map_comment_row(value: Mapping[str, Any]) -> RowResult:
    """One comment-scraper row: its post's shortcode and the comment (with its replies)."""
    key = post_key(value.get("postUrl"))
    failed = scraper_error(value)
    if failed or key is None:
        return failed or "no postUrl: the comment's post is unknown"
    comments = map_comments([value])
    comments[0].get("meta", {}).pop("postUrl", None)
    if not comments[0].get("meta", True):
        comments[0].pop("meta")
    return key, comments, {"url": post_url(value.get("postUrl"))}


def sniff_post(value: Any, name: str) -> bool:
    if not isinstance(value, Mapping) or "postUrl" in value:
        return False
    has_url = post_url(value.get("url")) is not None or value.get("url") == ""
    return ("shortCode" in value and "ownerUsername" in value) or (
        "caption" in value and sum(key in value for key in POST_KEYS) + has_url >= 2)


def sniff_comment_row(value: Any, name: str) -> bool:
    return isinstance(value, Mapping) and "postUrl" in value and "text" in value and (
        "ownerUsername" in value or "owner" in value)


SOURCES = (
    Source(NAME, "Apify Instagram scraper post items (caption, ownerUsername, latestComments with replies)",
           "authentic-nlp score dataset_instagram-scraper.json -o scored.jsonl", sniff_post, read_posts,
           shapes=(
               ("post items as a JSON array or JSON Lines, with latestComments and their replies",
                "authentic-nlp score dataset_instagram-scraper.json -o scored.jsonl"),
               ("the CSV download: latestComments/0/text, latestComments.0.text or JSON-string columns",
                "authentic-nlp score dataset_instagram-scraper.csv -o scored.jsonl"),
               ("field-trimmed items and the hashtag scraper's, without shortCode or id: the key from url "
                "(/p/, /reel/, /tv/)", "authentic-nlp convert dataset_instagram-hashtag-scraper.json -o posts.jsonl"),
               ("a reply also listed as a top-level comment: kept once, as the reply (meta.duplicate_comments_removed)",
                "authentic-nlp convert dataset_instagram-post-scraper.json -o posts.jsonl"),
           )),
    Source(COMMENTS_NAME, "Apify Instagram comment scraper rows (postUrl, text, ownerUsername, replies), one post per postUrl",
           "authentic-nlp convert dataset_instagram-comment-scraper.json -o posts.jsonl", sniff_comment_row,
           read_comment_rows, shapes=(
               ("comment rows (JSON, JSON Lines or CSV) of one or several posts, in any order",
                "authentic-nlp convert dataset_instagram-comment-scraper.json -o posts.jsonl"),
           )),
)
