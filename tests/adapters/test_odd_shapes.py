"""Items of unexpected shapes are quarantined with the reason; they never end the run."""

from __future__ import annotations

import json

import pytest


# fmt: off
# source, file name, items, then what must come out: the ids mapped, the number of E015 records,
# and the odd values kept under the first mapped post's meta (never dropped)
ODD = [
    ("apify-instagram", "items.json", [
        {"shortCode": "A1", "caption": ["not", "text"]},
        {"shortCode": "A2", "caption": "Ciao 😍", "latestComments": "not a list"},
        {"shortCode": "A3", "caption": "Hello", "latestComments": [{"id": "c1", "text": 5}]},
        {"shortCode": "A4", "caption": "", "likesCount": {"count": 3}, "ownerUsername": ["x"]},
        {"caption": "no id at all, mixed: bella foto, nice"},
        "a string item",
    ], ["A4"], 5, {"likesCount": {"count": 3}, "ownerUsername": ["x"]}),
    ("apify-tiktok", "items.json", [
        {"id": "1", "text": 12345},
        {"id": "2", "text": "🔥", "authorMeta": "flat string"},
        {"id": "3", "text": "Ciao", "comments": [{"cid": "x", "text": None, "replies": "no"}]},
        {"text": "no id, no url"},
    ], ["2"], 3, {"authorMeta": "flat string"}),
    ("apify-tiktok-comments", "comments.json", [
        {"cid": "1", "text": "ciao", "videoWebUrl": 7},
        {"cid": None, "text": "hello", "videoWebUrl": "https://www.tiktok.com/@a/video/5"},
        {"cid": "2", "text": ["x"], "videoWebUrl": "https://www.tiktok.com/@a/video/5"},
    ], [], 3, {}),
    ("youtube-api", "api.json", [
        {"kind": "youtube#video", "id": "v1", "snippet": "not an object"},
        {"kind": "youtube#commentThread", "id": "t1", "snippet": {"videoId": "v2", "topLevelComment": "x"}},
        {"kind": "youtube#commentThread", "id": "t2", "snippet": {"videoId": "v2", "topLevelComment": {"id": "t2", "snippet": {"textOriginal": "Ciao!"}}},
         "replies": {"comments": [{"snippet": {"textOriginal": "no id"}}]}},
        {"kind": "youtube#channel", "id": "c1"},
    ], ["v2"], 4, {"caption_missing": True}),
    ("youtube-comment-downloader", "VID.json", [
        {"cid": 12, "text": "numeric cid"}, {"cid": "a", "text": {"t": 1}, "votes": "1.2K"}, {"cid": "b", "text": "😂", "votes": []},
    ], ["VID"], 2, {"caption_missing": True}),
    ("instaloader", "2024-01-01_00-00-00_UTC.json", [
        {"node": {"shortcode": "X", "edge_media_to_caption": "not edges", "owner": "someone"}},
    ], ["X"], 0, {"node": {"edge_media_to_caption": "not edges", "owner": "someone"}}),
]
# fmt: on


@pytest.mark.parametrize("source,name,items,mapped,quarantined,kept", ODD)
def test_odd_items_never_raise_and_each_comes_out(tmp_path, read, source, name, items, mapped, quarantined, kept):
    path = tmp_path / name
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    result = read(path, source=source)       # `read` validates every mapped record with parse_post
    assert list(result.posts) == mapped
    assert [code for code, _ in result.errors] == ["E015"] * quarantined
    assert all(item.raw is not None for item in result.items if item.error is not None)   # the item, for quarantine
    if mapped:
        meta = result.raw[mapped[0]]["meta"]
        assert {key: meta[key] for key in kept} == kept


def test_a_comment_with_an_odd_value_keeps_it_in_its_meta(tmp_path, read):
    path = tmp_path / "VID.json"
    path.write_text('{"cid": "b", "text": "😂", "votes": [], "time_parsed": "ieri"}\n', encoding="utf-8")
    (comment,) = read(path, source="youtube-comment-downloader").raw["VID"]["comments"]
    assert "likes" not in comment and "created_at" not in comment
    assert comment["meta"] == {"votes": [], "time_parsed": "ieri"}
