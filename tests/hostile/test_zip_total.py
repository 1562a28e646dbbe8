"""Zip safety: the whole archive's declared size is capped, not only members over 1 MiB."""

from __future__ import annotations

import zipfile

import pytest

from authentic_nlp.errors import AuthenticNLPError
from authentic_nlp.io.adapters import containers
from authentic_nlp.io.adapters.containers import SafeZip

MIB = 1 << 20


def _zip(path, members: int, size: int, data: bytes | None = None) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for i in range(members):
            archive.writestr(f"your_instagram_activity/content/posts_{i}.json", data or b"\0" * size)


def test_many_small_members_of_a_bomb_are_refused_on_open(tmp_path, monkeypatch):
    monkeypatch.setattr(containers, "RATIO_FLOOR", 8 * MIB)
    path = tmp_path / "bomb.zip"
    _zip(path, 20, MIB - 1)                  # each under 1 MiB: the per-member ratio check skips them
    with pytest.raises(AuthenticNLPError) as caught:
        SafeZip(path)
    assert caught.value.code == "E112" and "ratio" in str(caught.value)


@pytest.mark.parametrize("members,limit,refused", [(3, 10_000, False), (6, 10_000, True)])
def test_the_total_read_from_one_archive_is_capped(tmp_path, monkeypatch, members, limit, refused):
    monkeypatch.setattr(containers, "MAX_TOTAL_READ", limit)
    path = tmp_path / "export.zip"
    _zip(path, members, 0, data='[{"title": "Ciao 😍"}]'.encode("utf-8") * 100)
    with SafeZip(path) as archive:
        names = archive.names()
        if not refused:
            for name in names:
                archive.open_text(name).read()
            return
        with pytest.raises(AuthenticNLPError) as caught:
            for name in names:
                archive.open_text(name).read()
        assert caught.value.code == "E112" and "limit" in str(caught.value)
