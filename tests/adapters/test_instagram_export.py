"""Instagram's "Download your information" JSON export: layouts, mojibake, replies, HTML, zip safety."""

from __future__ import annotations

import zipfile

import pytest

from authentic_nlp.errors import AuthenticNLPError
from authentic_nlp.io.adapters import containers

POSTS_1 = "your_instagram_activity/media/posts_1.json"


def zip_folder(folder, target, prefix=""):
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, prefix + path.relative_to(folder).as_posix())
    return target


# fmt: off
# post id, caption (repaired), own replies attached
EXPECTED = [
    ("17900000000000003_1", "Perché la città è più bella all'alba? ☀️ Caffè e cornetto prima del lavoro", ["@k.lee thank you!! ❤️"]),
    ("17900000000000002_1", "Carosello del weekend: mare, focaccia e 😍😍 #adv con @marchio.esempio", ["@marta_rm sì, la trovi in farmacia 😊"]),
    ("17900000000000001_1", "🔥🔥🔥", []),
    ("17900000000000000_1", "", []),
]
# fmt: on


@pytest.fixture(params=["folder", "posts_1.json", "zip", "zip with a top folder"])
def export(request, fixtures, tmp_path):
    if request.param == "folder":
        return fixtures / "ig_export"
    if request.param == "posts_1.json":
        return fixtures / "ig_export" / POSTS_1
    prefix = "instagram-giulia.pelle-2024-05-06/" if request.param == "zip with a top folder" else ""
    return zip_folder(fixtures / "ig_export", tmp_path / "instagram-giulia.pelle-2024-05-06.zip", prefix)


@pytest.mark.parametrize("post_id,caption,replies", EXPECTED)
def test_posts_captions_repaired_and_own_replies_attached(export, read, post_id, caption, replies):
    post = read(export).posts[post_id]
    assert (post.text, post.creator, post.platform) == (caption, "giulia.pelle", "instagram")
    assert [c.text for c in post.comments] == replies
    assert all(c.author == "giulia.pelle" for c in post.comments)


def test_every_string_in_meta_is_repaired_and_the_unnamed_post_quarantined(fixtures, read):
    result = read(fixtures / "ig_export")
    assert result.errors == [("E015", 57)]
    meta = result.raw["17900000000000003_1"]["meta"]
    assert meta["media"][0]["title"].startswith("Perché la città") and meta["source"] == "instagram-export"
    comment = result.raw["17900000000000002_1"]["comments"][0]
    assert comment["created_at"] == "2024-05-03T04:20:00Z" and "latest post" in comment["meta"]["post_match"]


@pytest.mark.parametrize("layout,post_ids", [
    ("ig_export_2022/content/posts_1.json", ["17900000000000002_1"]),
    ("ig_export_2020/media.json", ["abc123", "def456"]),
])
def test_older_layouts(fixtures, read, layout, post_ids):
    result = read(fixtures / layout)
    assert list(result.posts) == post_ids


def test_old_media_json_caption_and_handle(fixtures, read):
    result = read(fixtures / "ig_export_2020" / "media.json")
    assert (result.posts["abc123"].text, result.posts["abc123"].creator) == ("Città d'arte 😍", "giulia.pelle")
    assert result.posts["def456"].text == "" and result.raw["def456"]["meta"]["_kind"] == "videos"


def test_without_the_handle_replies_are_not_attached_and_a_warning_says_so(fixtures, read, caplog):
    result = read(fixtures / "ig_export_2022" / "content" / "posts_1.json")
    assert result.posts["17900000000000002_1"].creator is None and "handle is not in the export" in caplog.text


@pytest.mark.parametrize("make", ["html file", "html folder", "html zip"])
def test_html_export_says_to_request_json(fixtures, tmp_path, read, make):
    folder = fixtures / "ig_export_html"
    path = {"html file": folder / "your_instagram_activity/media/posts_1.html", "html folder": folder,
            "html zip": tmp_path / "instagram-export.zip"}[make]
    if make == "html zip":
        zip_folder(folder, path)
    with pytest.raises(AuthenticNLPError, match=r"E111.*request the export again with Format: JSON"):
        read(path)


@pytest.mark.parametrize("member", ["../evil.json", "/etc/passwd.json", "a/../../evil.json", "C:/win.json"])
def test_zip_with_unsafe_member_names_is_refused(tmp_path, read, member):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(POSTS_1, "[]")
        archive.writestr(member, "{}")
    with pytest.raises(AuthenticNLPError, match="E112.*unsafe member name"):
        read(path)


def test_zip_bomb_ratio_is_refused(tmp_path, read):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(POSTS_1, "[" + " " * (8 << 20) + "]")     # 8 MiB of blanks compress ~1000:1
    with pytest.raises(AuthenticNLPError, match="E112.*compression ratio"):
        read(path)


def test_zip_member_over_the_size_cap_is_refused(tmp_path, read, monkeypatch):
    monkeypatch.setattr(containers, "MAX_MEMBER_BYTES", 100)
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(POSTS_1, '[{"media": [{"uri": "media/posts/1.jpg", "creation_timestamp": 1, "title": "'
                         + "x" * 200 + '"}]}]')
    with pytest.raises(AuthenticNLPError, match="E112.*limit 100"):
        read(path)


def test_a_member_that_inflates_past_its_declared_size_is_stopped():
    import io

    reader = containers._BoundedReader(io.BytesIO(b"x" * 50), 10, "export.zip!posts_1.json")
    with pytest.raises(AuthenticNLPError, match="E112.*inflates past its declared size"):
        io.BufferedReader(reader).read()


def test_not_a_zip_is_a_file_error(tmp_path, read):
    path = tmp_path / "export.zip"
    path.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(AuthenticNLPError, match="E107"):
        read(path)


def test_older_comments_file_wrapped_in_comments_media_comments(fixtures, tmp_path, read):
    import json
    import shutil

    root = tmp_path / "export"
    shutil.copytree(fixtures / "ig_export", root)
    listed = root / "your_instagram_activity/comments/post_comments_1.json"
    entries = json.loads(listed.read_text(encoding="ascii"))
    listed.unlink()
    wrapped = root / "comments/post_comments.json"
    wrapped.parent.mkdir()
    wrapped.write_text(json.dumps({"comments_media_comments": entries}), encoding="ascii")
    result = read(root)
    assert [c.text for c in result.posts["17900000000000002_1"].comments] == ["@marta_rm sì, la trovi in farmacia 😊"]
