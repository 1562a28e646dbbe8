"""Apify Instagram and TikTok scrapers: post items, comment rows, JSON and CSV (nested and flattened)."""

from __future__ import annotations

import pytest

# fmt: off
# file, post id, text, creator, likes, followers, paid partnership, comment ids with reply_to
INSTAGRAM_POSTS = [
    ("C7aLbCdEfGh", "Due settimane con la crema al mirtillo: pelle meno tirata la mattina, ma il profumo resta forte. "
                    "#adv #skincare @marchio.esempio", "giulia.pelle", 1200, None, True,
     [("18000000000000001", None), ("18000000000000002", "18000000000000001"), ("18000000000000003", None)]),
    ("C7bXyZ12345", "Three weeks with these trail shoes: grip is great on wet rock, the tongue rubs after 15 km.",
     "sam_runs", None, None, False, []),
    ("C7cEmoji001", "🔥🔥🔥", "ale.fit", 87, None, None, []),
    ("C7dNoCapt01", "", "ale.fit", None, None, None, []),
    ("C7eMixed001", "Outfit del giorno, so comfy 😍 link in bio", "ale.fit", 3400000, None, None, []),
]
# fmt: on


@pytest.mark.parametrize("post_id,text,creator,likes,followers,paid,comments", INSTAGRAM_POSTS)
def test_instagram_post_items(fixtures, read, post_id, text, creator, likes, followers, paid, comments):
    post = read(fixtures / "apify_instagram_posts.json").posts[post_id]
    assert (post.text, post.creator, post.likes, post.followers, post.platform_paid_partnership) == (
        text, creator, likes, followers, paid)
    assert post.platform == "instagram"
    assert [(c.id, c.reply_to) for c in post.comments] == comments


def test_instagram_scraper_error_item_is_quarantined_with_its_reason(fixtures, read):
    result = read(fixtures / "apify_instagram_posts.json")
    assert result.errors == [("E015", 65)]
    (bad,) = [i for i in result.items if i.error is not None]
    assert "not_found" in str(bad.error) and bad.raw["url"].endswith("/GONE0000000/")


def test_instagram_unknown_fields_are_kept_under_meta(fixtures, read):
    result = read(fixtures / "apify_instagram_posts.json")
    meta = result.raw["C7aLbCdEfGh"]["meta"]
    assert meta["source"] == "apify-instagram"
    assert meta["coauthorProducers"] == [{"id": "777", "username": "marchio.esempio"}]
    assert meta["hashtags"] == ["adv", "skincare"] and meta["id"] == "3301000000000000001"
    # hidden likes (-1) are not a count: kept as they were
    assert result.raw["C7bXyZ12345"]["meta"]["likesCount"] == -1
    # a comment's author read from owner.username; the rest of owner stays
    comment = result.raw["C7aLbCdEfGh"]["comments"][2]
    assert comment["author"] == "fan.di.giulia" and comment["meta"]["owner"] == {"id": "42", "is_verified": False}


def test_instagram_comment_rows_are_gathered_per_post(fixtures, read):
    result = read(fixtures / "apify_instagram_comments.json")
    assert list(result.posts) == ["C7aLbCdEfGh", "C7bXyZ12345"]
    first = result.posts["C7aLbCdEfGh"]
    assert first.text == "" and result.raw["C7aLbCdEfGh"]["meta"]["caption_missing"] is True
    assert [(c.id, c.author, c.reply_to, c.text) for c in first.comments] == [
        ("18000000000000001", "marta_rm", None, "Si trova anche in farmacia?"),
        ("18000000000000002", "giulia.pelle", "18000000000000001", "@marta_rm sì, nelle farmacie più grandi 😊"),
        ("18000000000000003", "fan.di.giulia", None, ""),
    ]
    assert [c.text for c in result.posts["C7bXyZ12345"].comments] == ["How do they fit compared to the old model?", "🔥"]
    assert result.errors == [("E015", 7)]
    # file order by first line: the quarantined row comes after the post that was open
    assert [i.position.line for i in result.items] == [2, 5, 7]


# fmt: off
TIKTOK = [
    # id, text, creator, likes, followers, paid, created_at
    ("7301000000000000001", "Ricetta della pasta al limone in 10 minuti 🍋", "chef.nonna.rita", 48200, 1500000, False,
     "2024-05-01T10:00:00+00:00"),
    ("7301000000000000002", "Trying the new protein bar so you don't have to.", "sam_runs", 12345, 12000, True,
     "2024-05-02T18:00:00+00:00"),
    ("7301000000000000003", "", "ale.fit", None, None, None, None),
]
# fmt: on


@pytest.mark.parametrize("name", ["apify_tiktok.json", "apify_tiktok_slash.csv"])
@pytest.mark.parametrize("post_id,text,creator,likes,followers,paid,created", TIKTOK)
def test_tiktok_items_nested_json_and_flattened_csv_agree(fixtures, read, name, post_id, text, creator, likes,
                                                         followers, paid, created):
    post = read(fixtures / name).posts[post_id]
    assert post.text.startswith(text) and (post.text == "") == (text == "")
    assert (post.creator, post.likes, post.followers, post.platform_paid_partnership) == (creator, likes, followers, paid)
    assert (post.created_at.isoformat() if post.created_at else None) == created
    assert post.platform == "tiktok"


@pytest.mark.parametrize("post_id,text,followers,likes,paid", [
    ("7301000000000000004", "💪💪", 3400000, 900, False),
    ("7301000000000000005", "Outfit del giorno, so comfy 😍 link in bio", 1200, 1500, True),
])
def test_tiktok_csv_with_dotted_columns(fixtures, read, post_id, text, followers, likes, paid):
    result = read(fixtures / "apify_tiktok_dotted.csv")
    post = result.posts[post_id]
    assert (post.text, post.creator, post.followers, post.likes, post.platform_paid_partnership) == (
        text, "ale.fit", followers, likes, paid)


def test_tiktok_meta_keeps_the_rest_of_authormeta(fixtures, read):
    meta = read(fixtures / "apify_tiktok.json").raw["7301000000000000001"]["meta"]
    assert meta["authorMeta"] == {"id": "6001", "nickName": "Nonna Rita", "verified": False, "heart": 9000000}
    assert meta["playCount"] == 900000 and "diggCount" not in meta
    csv_meta = read(fixtures / "apify_tiktok_slash.csv").raw["7301000000000000001"]["meta"]
    assert csv_meta["musicMeta"]["musicName"] == "suono originale"      # the CSV item nested like the JSON one


def test_tiktok_nested_comment_replies(fixtures, read):
    post = read(fixtures / "apify_tiktok.json").posts["7301000000000000004"]
    assert [(c.author, c.reply_to) for c in post.comments] == [("luca_gym", None), ("ale.fit", "7302000000000000001")]


def test_tiktok_comment_rows(fixtures, read):
    result = read(fixtures / "apify_tiktok_comments.json")
    assert list(result.posts) == ["7301000000000000004", "7301000000000000002"]
    post = result.posts["7301000000000000004"]
    assert [(c.text, c.author, c.reply_to, c.likes) for c in post.comments] == [
        ("che allenamento fai?", "luca_gym", None, 3),
        ("@luca_gym scheda full body, 3 volte a settimana", "ale.fit", "7302000000000000001", 1),
        ("🔥🔥", "k.lee", None, 1200),
    ]
    assert result.posts["7301000000000000002"].comments[0].text == "where is this bar sold in the UK?"
    assert result.errors == [("E015", 6)]


def test_overlapping_pages_do_not_duplicate_comments(tmp_path, read):
    row = ('{"cid": "1", "text": "ciao", "uniqueId": "a", '
           '"videoWebUrl": "https://www.tiktok.com/@x/video/99"}')
    path = tmp_path / "comments.json"
    path.write_text(f"[{row}, {row}]", encoding="utf-8")
    result = read(path)
    assert len(result.posts["99"].comments) == 1 and result.raw["99"]["meta"]["duplicate_comments_removed"] == 1
