"""Any tool's CSV through --map; which adapter reads which file; the path through read_records."""

from __future__ import annotations

import pytest

from authentic_nlp.errors import AuthenticNLPError
from authentic_nlp.io import read_records
from authentic_nlp.io.adapters import claim, detect

MAP = {"text": "Description", "creator": "Account", "created_at": "Post Created", "likes": "Likes",
       "followers": "Followers at Posting", "platform": "Platform"}

# fmt: off
CSV_ROWS = [
    # id, text, creator, likes, followers, created_at, unparsed cells
    ("export-1", "Due settimane con la crema al mirtillo, profumo forte. #adv", "giulia.pelle", 1234, 3400000,
     "2024-05-01T10:00:00+00:00", None),
    ("export-2", "Three weeks with these trail shoes", "sam_runs", 1200, 12000, None, {"Post Created": "05/03/2024 08:30"}),
    ("export-3", "", "ale.fit", 87, 950, "2024-05-05T05:00:00+00:00", None),
    ("export-4", "🔥🔥🔥", "ale.fit", None, 950, "2024-05-05T09:06:40+00:00", {"Likes": "seventy"}),
]
# fmt: on


@pytest.mark.parametrize("post_id,text,creator,likes,followers,created,unparsed", CSV_ROWS)
def test_csv_with_a_column_map(fixtures, read, post_id, text, creator, likes, followers, created, unparsed):
    result = read(fixtures / "export.csv", column_map=MAP)
    post = result.posts[post_id]
    assert (post.text, post.creator, post.likes, post.followers, post.platform) == (text, creator, likes, followers, "instagram")
    assert (post.created_at.isoformat() if post.created_at else None) == created
    meta = result.raw[post_id]["meta"]
    assert meta.get("unparsed") == unparsed and meta["id_from"] == "file name and row"
    assert meta["Link"].startswith("https://example.invalid/p/")


def test_csv_map_naming_a_missing_column_lists_the_columns(fixtures, read):
    with pytest.raises(AuthenticNLPError, match=r"E110.*no column 'Caption'.*its columns are Account, Platform"):
        read(fixtures / "export.csv", column_map={"text": "Caption"})


def test_csv_without_text_column_or_map(fixtures, read):
    with pytest.raises(AuthenticNLPError, match=r"E110.*no text column.*--map text=COLUMN"):
        read(fixtures / "export.csv")


def test_csv_with_an_empty_id_cell_is_quarantined(tmp_path, read):
    path = tmp_path / "ids.csv"
    path.write_text("Post ID,Testo\n1,Ciao a tutti\n,Hello there\n3,😍\n", encoding="utf-8")
    result = read(path, column_map={"id": "Post ID", "text": "Testo"})
    assert list(result.posts) == ["1", "3"] and result.errors == [("E015", 2)]


# fmt: off
DETECTED = [
    ("apify_instagram_posts.json", "apify-instagram"),
    ("apify_instagram_comments.json", "apify-instagram-comments"),
    ("apify_tiktok.json", "apify-tiktok"),
    ("apify_tiktok_slash.csv", "apify-tiktok"),
    ("apify_tiktok_dotted.csv", "apify-tiktok"),
    ("apify_tiktok_comments.json", "apify-tiktok-comments"),
    ("youtube_api.json", "youtube-api"),
    ("vidIT000001.json", "youtube-comment-downloader"),
    ("instaloader/2024-05-01_10-00-00_UTC.json", "instaloader"),
    ("instaloader/2024-06-01_09-00-00_UTC_comments.json", "instaloader"),
    ("ig_export", "instagram-export"),
    ("ig_export/your_instagram_activity/media/posts_1.json", "instagram-export"),
    ("ig_export_2020/media.json", "instagram-export"),
    ("export.csv", "csv"),
]
# fmt: on


@pytest.mark.parametrize("name,source", DETECTED)
def test_detection(fixtures, name, source):
    assert detect(fixtures / name).name == source


@pytest.mark.parametrize("content,problem", [
    ('[{"caption": "Ciao", "owner": "giulia"}]', "keys caption, owner"),
    ('{"title": "Hello", "body": "🔥"}', "keys title, body"),
    ("", "no JSON value"),
    ("[]", "no JSON value"),
    ('["just", "strings"]', "a str"),
])
def test_unknown_shapes_name_what_was_seen(tmp_path, content, problem):
    path = tmp_path / "mystery.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AuthenticNLPError, match=rf"E110.*{problem}.*--source"):
        detect(path)


def test_html_saved_as_json_is_told_apart(tmp_path):
    path = tmp_path / "posts_1.json"
    path.write_text("<html><body>Instagram</body></html>", encoding="utf-8")
    with pytest.raises(AuthenticNLPError, match="E111"):
        detect(path)


def test_unknown_source_name_lists_the_known_ones(fixtures, read):
    with pytest.raises(AuthenticNLPError, match="E109.*'tiktok'.*apify-tiktok"):
        read(fixtures / "apify_tiktok.json", source="tiktok")


def test_a_named_source_overrides_detection(fixtures, read):
    # a TikTok file read as Instagram items: nothing maps, every item says why
    result = read(fixtures / "apify_tiktok.json", source="apify-instagram")
    assert result.posts == {} and [code for code, _ in result.errors] == ["E015"] * 4


@pytest.mark.parametrize("column_map,post_id,field,value,unparsed", [
    ({"likes": "playCount"}, "7301000000000000001", "likes", 900000, None),                 # an int
    ({"followers": "authorMeta.heart"}, "7301000000000000001", "followers", 9000000, None),   # nested
    ({"likes": "textLanguage"}, "7301000000000000001", "likes", 48200, {"textLanguage": "it"}),  # not a count
    ({"creator": "authorMeta.nickName"}, "7301000000000000002", "creator", "sam_runs", None),   # absent: kept
])
def test_column_map_values_are_read_like_the_adapter_reads_them(fixtures, read, column_map, post_id, field, value,
                                                               unparsed):
    result = read(fixtures / "apify_tiktok.json", column_map=column_map)
    assert getattr(result.posts[post_id], field) == value
    assert result.raw[post_id]["meta"].get("unparsed") == unparsed


def test_column_map_overrides_an_adapters_field(fixtures, read):
    result = read(fixtures / "apify_tiktok.json", column_map={"creator": "authorMeta.nickName"})
    assert result.posts["7301000000000000001"].creator == "Nonna Rita"
    assert result.posts["7301000000000000002"].creator == "sam_runs"      # no nickName: the adapter's value stays


@pytest.mark.parametrize("name,posts", [
    ("apify_instagram_posts.json", 5), ("youtube_api.json", 3), ("vidIT000001.json", 1), ("apify_tiktok_comments.json", 2),
])
def test_read_records_hands_non_contract_files_to_the_adapters(fixtures, name, posts):
    items = list(read_records([fixtures / name]))
    assert sum(item.error is None for item in items) == posts
    assert all(item.raw["meta"]["source"] for item in items if item.error is None)


# fmt: off
CLAIMS = [
    # scraper files that happen to have `id` and `text`: claimed, so they are not read as contract posts
    ("apify_tiktok.json", "apify-tiktok"), ("apify_tiktok_slash.csv", "apify-tiktok"),
    ("apify_instagram_comments.json", "apify-instagram-comments"), ("ig_export", "instagram-export"),
    # a generic CSV export is not claimed: it needs --map, and the contract reader says so
    ("export.csv", None),
]
# fmt: on


@pytest.mark.parametrize("name,source", CLAIMS)
def test_claim_recognises_scraper_files(fixtures, name, source):
    assert claim(fixtures / name) == source


@pytest.mark.parametrize("record", [
    {"id": "it1", "text": "Ciao a tutti", "creator": "giulia", "platform": "instagram"},
    {"id": "en1", "text": "", "creator": "sam", "likes": 3},
    {"id": "e1", "text": "🔥🔥", "platform": "tiktok", "authorMeta": {"name": "x"}},   # contract keys win
])
def test_claim_leaves_contract_files_alone(tmp_path, record):
    import json

    path = tmp_path / "posts.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert claim(path) is None
