"""YouTube Data API v3 (videos + commentThreads) and youtube-comment-downloader JSON lines."""

from __future__ import annotations

import json

import pytest

from authentic_nlp.io.adapters.jsonstream import iter_json_values


def test_api_videos_and_threads_are_joined_per_video(fixtures, read):
    result = read(fixtures / "youtube_api.json")
    post = result.posts["vidIT000001"]
    assert post.text.startswith("Ho usato la bici per andare al lavoro") and "00:00 intro" in post.text
    assert (post.creator, post.likes, post.platform) == ("Giulia Pedala", 812, "youtube")
    assert result.raw["vidIT000001"]["meta"]["snippet"]["title"] == "Un mese con la bici elettrica: pro e contro"
    assert result.raw["vidIT000001"]["meta"]["statistics"] == {"viewCount": "15400", "commentCount": "3"}


def test_api_reply_by_the_channel_owner_is_the_creators(fixtures, read):
    post = read(fixtures / "youtube_api.json").posts["vidIT000001"]
    assert [(c.id, c.author, c.reply_to) for c in post.comments] == [
        ("UgThreadIT1", "marco_ge", None),
        ("UgThreadIT1.reply1", "Giulia Pedala", "UgThreadIT1"),     # authorChannelId == snippet.channelId
        ("UgThreadIT1.reply2", "marco_ge", "UgThreadIT1"),
        ("UgThreadIT2", "fan", None),
    ]
    assert post.comments[1].meta["by_channel_owner"] is True


@pytest.mark.parametrize("index,text", [
    (0, "Quanti km fai con una carica in salita?\nIo abito a Genova & ho paura di restare a piedi"),   # <br>, &amp;
    (1, "@marco_ge in salita circa 40 km, in pianura di più"),                                         # textOriginal
    (2, "grazie mille!! 🙏"),
    (3, "👏👏👏"),
])
def test_api_comment_text_is_plain(fixtures, read, index, text):
    assert read(fixtures / "youtube_api.json").posts["vidIT000001"].comments[index].text == text


def test_api_video_without_threads_and_threads_without_video(fixtures, read):
    result = read(fixtures / "youtube_api.json")
    assert result.posts["vidEN000002"].text == "" and result.posts["vidEN000002"].comments == []
    orphan = result.raw["vidNoMeta03"]
    assert orphan["text"] == "" and orphan["meta"]["caption_missing"] is True
    assert [c.text for c in result.posts["vidNoMeta03"].comments] == ["Great breakdown, the battery part was super useful"]
    assert result.errors == []


def test_api_bare_resources_as_json_lines(tmp_path, fixtures, read):
    with open(fixtures / "youtube_api.json", encoding="utf-8") as handle:
        responses = [value.value for value in iter_json_values(handle)]
    assert [r["kind"] for r in responses] == ["youtube#videoListResponse", "youtube#commentThreadListResponse"]
    lines = [json.dumps(item, ensure_ascii=False) for response in responses for item in response["items"]]
    path = tmp_path / "resources.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = read(path, source="youtube-api")
    assert set(result.posts) == {"vidIT000001", "vidEN000002", "vidNoMeta03"}
    assert [i.position.line for i in result.items] == [2, 3, 5]


# fmt: off
DOWNLOADER = [
    ("UgzTopIT01", "Finalmente qualcuno che spiega bene la differenza tra le due versioni", "lucia_b", None, 1200, "2022-04-15T05:20:00+00:00"),
    ("UgzTopIT01.AbCdEf01", "@lucia_b grazie, ci ho messo una settimana a montarlo", "GiuliaPedala", "UgzTopIT01", 35, "2022-04-15T06:20:00+00:00"),
    ("UgzTopEN02", "", "quiet", None, 0, "2023-03-28T10:40:00+00:00"),
    ("UgzTopEN03", "😂😂😂", "emoji_guy", None, 3400000, None),
    ("UgzTopEN04", "Mixed: bellissimo video, really well done", "mix", None, 12, "2023-11-14T22:13:20+00:00"),
]
# fmt: on


@pytest.mark.parametrize("cid,text,author,reply_to,likes,created", DOWNLOADER)
def test_comment_downloader_rows(fixtures, read, cid, text, author, reply_to, likes, created):
    post = read(fixtures / "vidIT000001.json").posts["vidIT000001"]
    comment = next(c for c in post.comments if c.id == cid)
    assert (comment.text, comment.author, comment.reply_to, comment.likes) == (text, author, reply_to, likes)
    assert (comment.created_at.isoformat() if comment.created_at else None) == created


def test_comment_downloader_keeps_heart_and_relative_time_and_reports_the_broken_line(fixtures, read):
    result = read(fixtures / "vidIT000001.json")
    post = result.posts["vidIT000001"]
    assert post.platform == "youtube" and post.text == "" and len(post.comments) == 5
    assert post.comments[0].meta == {"time": "2 anni fa", "channel": "UClucia", "replies": "1",
                                     "photo": "https://example.invalid/l.jpg", "heart": True}
    assert post.comments[4].meta["paid"] == "€5.00"
    assert result.errors == [("E007", 5)]
