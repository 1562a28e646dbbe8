"""`convert_files` and `authentic-nlp convert`: contract JSON Lines out, quarantine beside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from authentic_nlp.cli import app
from authentic_nlp.errors import AuthenticNLPError
from authentic_nlp.io import read_records
from authentic_nlp.io.adapters import SOURCES
from authentic_nlp.io.adapters.convert import convert_files
from authentic_nlp.schema import parse_post


def lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("name,posts,quarantined,codes", [
    ("apify_instagram_posts.json", 5, 1, {"E015": 1}),
    ("apify_tiktok_comments.json", 2, 1, {"E015": 1}),
    ("vidIT000001.json", 1, 1, {"E007": 1}),
    ("youtube_api.json", 3, 0, {}),
    ("ig_export", 4, 1, {"E015": 1}),
])
def test_convert_writes_valid_contract_posts_and_quarantines_the_rest(fixtures, tmp_path, name, posts, quarantined, codes):
    out = tmp_path / "posts.jsonl"
    summary = convert_files([fixtures / name], out)
    written = lines(out)
    assert (summary.converted, summary.quarantined, summary.errors_by_code) == (posts, quarantined, codes)
    assert len(written) == posts and all(parse_post(record) for record in written)
    assert all(record["meta"]["source"] for record in written)
    quarantine = tmp_path / "posts.quarantine.jsonl"
    assert quarantine.exists() == bool(quarantined)
    if quarantined:
        (entry,) = lines(quarantine)
        assert set(entry) >= {"file", "code", "error", "record"} and entry["code"] in codes


def test_convert_reads_zip_xz_and_scraper_files_with_id_and_text(fixtures, tmp_path):
    import lzma
    import zipfile

    archive = tmp_path / "instagram-giulia.pelle-2024-05-06.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as handle:
        for path in sorted((fixtures / "ig_export").rglob("*.json")):
            handle.write(path, path.relative_to(fixtures / "ig_export").as_posix())
    compressed = tmp_path / "2024-05-03_08-30-00_UTC.json.xz"
    compressed.write_bytes(lzma.compress((fixtures / "instaloader" / "2024-05-03_08-30-00_UTC.json").read_bytes()))
    out = tmp_path / "posts.jsonl"
    summary = convert_files([archive, compressed, fixtures / "apify_tiktok_slash.csv"], out)
    assert summary.sources == {"apify-tiktok": 3, "instagram-export": 4, "instaloader": 1}
    creators = {record["id"]: record.get("creator") for record in lines(out)}
    assert creators["7301000000000000001"] == "chef.nonna.rita" and creators["C7bXyZ12345"] == "sam_runs"


def test_converted_output_reads_back_as_contract_posts(fixtures, tmp_path):
    out = tmp_path / "posts.jsonl"
    convert_files([fixtures / "apify_tiktok.json", fixtures / "youtube_api.json"], out)
    items = list(read_records([out]))
    assert [i.raw["id"] for i in items] == ["7301000000000000001", "7301000000000000002", "7301000000000000003",
                                           "7301000000000000004", "vidEN000002", "vidIT000001", "vidNoMeta03"]
    assert all(i.error is None for i in items)


def test_the_same_post_from_two_sources_is_a_duplicate(fixtures, tmp_path):
    out = tmp_path / "posts.jsonl"
    summary = convert_files([fixtures / "apify_instagram_posts.json",
                             fixtures / "instaloader" / "2024-05-01_10-00-00_UTC.json"], out)
    assert summary.errors_by_code == {"E015": 1, "E009": 1}


def test_output_is_byte_identical_across_runs(fixtures, tmp_path):
    for name in ("a.jsonl", "b.jsonl"):
        convert_files([fixtures / "ig_export", fixtures / "export.csv"], tmp_path / name,
                      column_map={"text": "Description", "creator": "Account"})
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


def test_existing_output_needs_force_and_an_input_is_never_overwritten(fixtures, tmp_path):
    out = tmp_path / "posts.jsonl"
    out.write_text("keep me\n", encoding="utf-8")
    with pytest.raises(AuthenticNLPError, match="E103"):
        convert_files([fixtures / "youtube_api.json"], out)
    assert out.read_text(encoding="utf-8") == "keep me\n"
    convert_files([fixtures / "youtube_api.json"], out, force=True)
    assert len(lines(out)) == 3
    with pytest.raises(AuthenticNLPError, match="E401.*also an input"):
        convert_files([out], out, force=True)


runner = CliRunner()


@pytest.mark.parametrize("args,exit_code,shown", [
    (["apify_tiktok.json"], 0, "apify-tiktok: 4"),
    (["apify_instagram_posts.json"], 3, "quarantined  1"),
    (["export.csv", "--map", "text=Description,creator=Account,created_at=Post Created"], 0, "csv: 4"),
    (["export.csv"], 2, "E110"),
    (["export.csv", "--map", "caption=Description"], 2, "E401"),
    (["apify_tiktok.json", "--source", "tiktok"], 2, "E109"),
])
def test_cli_convert(fixtures, tmp_path, args, exit_code, shown):
    inputs = [str(fixtures / a) if a.endswith((".json", ".csv")) else a for a in args]
    result = runner.invoke(app, ["convert", *inputs, "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == exit_code, result.output
    assert shown in result.output


def test_cli_list_sources():
    result = runner.invoke(app, ["convert", "--list-sources"])
    assert result.exit_code == 0
    for name in ("apify-instagram", "apify-tiktok", "youtube-api", "youtube-comment-downloader", "instaloader",
                 "instagram-export", "csv"):
        assert f"\n{name}: " in "\n" + result.output


SHAPES = [(source.name, shape, command) for source in SOURCES for shape, command in source.examples()]
README = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name,shape,command", SHAPES)
def test_every_shape_is_listed_with_its_command_and_in_the_readme(name, shape, command):
    listed = runner.invoke(app, ["convert", "--list-sources"]).output
    assert f"  - {shape}\n      {command}\n" in listed
    assert f"| {shape.replace('|', chr(92) + '|')} | `{command}` |" in README, f"README's Sources table lacks {name}: {shape}"


@pytest.mark.parametrize("args,exit_code,shown", [
    (["conformance/meta_export_deep", "--creator", "dan.outdoors"], 0, "1 posts, 2 comments"),
    (["conformance/meta_export_deep"], 0, "1 posts, 0 comments"),
    (["conformance/ytVidPretty01.json", "--creator", "@maths.with.mo"], 0, "youtube-comment-downloader: 1"),
    (["conformance/csv_map_no_source.csv", "--map", "text=Description,id=Post ID,likes=Likes"], 0, "csv: 4"),
    (["conformance/instaloader_profile/pia.verde"], 0, "instaloader: 2"),
])
def test_cli_convert_folders_creator_and_csv_map(fixtures, tmp_path, args, exit_code, shown):
    inputs = [str(fixtures / a) if a.startswith("conformance/") else a for a in args]
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["convert", *inputs, "-o", str(out)])
    assert result.exit_code == exit_code, result.output
    assert shown in result.output
    creator = args[args.index("--creator") + 1].lstrip("@") if "--creator" in args else None
    if creator:
        assert all(record["creator"] == creator for record in lines(out))
    if "--map" in args:
        assert all(isinstance(record["likes"], int) and "Link" in record["meta"] for record in lines(out))
