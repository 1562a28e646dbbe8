"""instaloader metadata files (plain and .json.xz) with their _comments.json."""

from __future__ import annotations

import logging
import lzma
import shutil

import pytest

POST = "2024-05-01_10-00-00_UTC"


@pytest.fixture
def folder(tmp_path, fixtures):
    """A copy of the instaloader fixtures, the first post compressed as instaloader does by default."""
    target = tmp_path / "profile"
    shutil.copytree(fixtures / "instaloader", target)
    plain = target / f"{POST}.json"
    with lzma.open(target / f"{POST}.json.xz", "wb") as handle:
        handle.write(plain.read_bytes())
    plain.unlink()
    return target


@pytest.mark.parametrize("name", [f"{POST}.json", f"{POST}.json.xz"])
def test_post_with_its_comments(fixtures, folder, read, name):
    path = (fixtures / "instaloader" / name) if name.endswith(".json") else folder / name
    result = read(path)
    post = result.posts["C7aLbCdEfGh"]
    assert post.text == "Due settimane con la crema al mirtillo: pelle meno tirata, profumo forte. #adv"
    assert (post.creator, post.likes, post.platform_paid_partnership, post.platform) == ("giulia.pelle", 1200, True, "instagram")
    assert post.created_at.isoformat() == "2024-05-01T10:00:00+00:00"
    assert [(c.id, c.author, c.reply_to, c.text) for c in post.comments] == [
        ("18000000000000001", "marta_rm", None, "Si trova anche in farmacia?"),
        ("18000000000000002", "giulia.pelle", "18000000000000001", "@marta_rm sì, nelle farmacie più grandi 😊"),
        ("18000000000000003", "fan.di.giulia", None, "😍😍"),
    ]
    meta = result.raw["C7aLbCdEfGh"]["meta"]
    assert meta["instaloader"] == {"version": "4.11", "node_type": "Post"}
    assert meta["node"]["accessibility_caption"] == "Photo by giulia" and meta["comments_file"] == f"{POST}_comments.json"


def test_post_without_caption_edges_and_with_edge_liked_by(fixtures, read):
    post = read(fixtures / "instaloader" / "2024-05-03_08-30-00_UTC.json").posts["C7bXyZ12345"]
    assert (post.text, post.creator, post.likes, post.comments) == ("", "sam_runs", 77, [])


def test_comments_file_beside_its_post_yields_nothing_of_its_own(folder, read, caplog):
    with caplog.at_level(logging.INFO, logger="authentic_nlp"):
        result = read(folder / f"{POST}_comments.json")
    assert result.items == [] and f"{POST}.json.xz" in caplog.text


def test_comments_file_alone_becomes_a_captionless_post(fixtures, read):
    result = read(fixtures / "instaloader" / "2024-06-01_09-00-00_UTC_comments.json")
    raw = result.raw["2024-06-01_09-00-00_UTC"]
    assert raw["text"] == "" and raw["meta"]["caption_missing"] is True
    assert [(c.text, c.author) for c in result.posts["2024-06-01_09-00-00_UTC"].comments] == [("Nice pic 🔥", "k.lee")]


def test_profile_file_is_quarantined_as_not_a_post(fixtures, read):
    result = read(fixtures / "instaloader" / "sam_runs_5550002.json")
    assert result.errors == [("E015", 1)] and "Profile" in str(result.items[0].error)


def test_truncated_xz_is_one_error(folder, read):
    path = folder / f"{POST}.json.xz"
    path.write_bytes(path.read_bytes()[:40])
    result = read(path, source="instaloader")
    assert result.posts == {} and len(result.errors) == 1
