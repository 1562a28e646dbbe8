"""Which reader reads a file: contract-shaped files here, everything else through the platform adapters."""

from __future__ import annotations

import sys
import types

import pytest

from authentic_nlp.errors import AuthenticNLPError, SourcePosition
from authentic_nlp.io import ReadItem, read_records
from authentic_nlp.io.formats import parse_column_map


@pytest.fixture
def fake_adapters(monkeypatch):
    """Stands in for `authentic_nlp.io.adapters` and records how it was called."""
    calls = []

    def read_source(path, source=None, column_map=None):
        calls.append((path.name, source, column_map))
        yield ReadItem(SourcePosition(str(path), row=1), raw={"id": "from-adapter", "text": "Ciao"})

    module = types.ModuleType("authentic_nlp.io.adapters")
    module.read_source = read_source
    monkeypatch.setitem(sys.modules, "authentic_nlp.io.adapters", module)
    return calls


@pytest.fixture
def no_adapters(monkeypatch):
    monkeypatch.setitem(sys.modules, "authentic_nlp.io.adapters", types.ModuleType("authentic_nlp.io.adapters"))


def test_a_named_source_always_goes_to_the_adapters(files, fake_adapters):
    path = files.jsonl("posts.jsonl", [{"id": "a", "text": "contract shaped anyway"}])
    items = list(read_records([path], source="instagram", column_map={"text": "caption"}))
    assert [i.raw["id"] for i in items] == ["from-adapter"]
    assert fake_adapters == [("posts.jsonl", "instagram", {"text": "caption"})]


# fmt: off
NOT_CONTRACT = [
    ("export.csv",   "Description,Account\nBella foto,giulia\n"),
    ("array.json",   '[{"caption": "Nice pic", "owner": "sam"}]\n'),
    ("pretty.json",  '{\n  "caption": "Che bello 😍"\n}\n'),
    ("scraped.jsonl", '{"shortcode": "x1", "caption": "Outfit del giorno, so comfy"}\n'),
]
# fmt: on


@pytest.mark.parametrize("name,content", NOT_CONTRACT)
def test_files_not_in_the_contract_shape_go_to_the_adapters(tmp_path, fake_adapters, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert [i.raw["id"] for i in read_records([path])] == ["from-adapter"]
    assert fake_adapters == [(name, None, None)]


@pytest.mark.parametrize("name,content", NOT_CONTRACT)
def test_without_adapters_the_error_names_file_and_reason(tmp_path, no_adapters, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AuthenticNLPError, match=rf"E108.*{name}.*not in the contract shape"):
        list(read_records([path]))


@pytest.mark.parametrize("content", [
    '{"id": "a", "text": "Ciao a tutti"}\n',
    '{"id": "b", "text": ""}\n',
    '{"id": "c", "text": "🔥🔥"}\n',
    '{not json\n{"id": "d", "text": "Hello, mixed ciao"}\n',   # a broken first line is that record's problem
    '{"text": "no id here"}\n{"id": "e", "text": "Hi"}\n',
    '{broken\n',                                                # nothing readable: reported line by line
])
def test_contract_jsonl_is_read_here(tmp_path, fake_adapters, content):
    path = tmp_path / "p.jsonl"
    path.write_text(content, encoding="utf-8")
    items = list(read_records([path]))
    assert len(items) == content.count("\n") and fake_adapters == []


def test_a_column_map_can_make_a_jsonl_file_contract_shaped(tmp_path, fake_adapters):
    path = tmp_path / "export.jsonl"
    path.write_text('{"Id": "7", "Description": "Buongiorno!"}\n', encoding="utf-8")
    (item,) = read_records([path], column_map={"id": "Id", "text": "Description"})
    assert item.raw == {"id": "7", "text": "Buongiorno!"} and fake_adapters == []


@pytest.mark.parametrize("header,row", [
    ("Id,Description", "7,Buongiorno!"),
    ("Id,Description,Likes", '8,"Hello 😍",256'),
    ("Id,Description", '9,""'),
])
def test_a_csv_with_a_column_map_goes_to_the_adapters(tmp_path, fake_adapters, header, row):
    """The csv adapter reads counts as numbers and keeps extra columns under `meta` (issue 14)."""
    path = tmp_path / "export.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    (item,) = read_records([path], column_map={"id": "Id", "text": "Description"})
    assert item.raw["id"] == "from-adapter" and fake_adapters == [("export.csv", None, {"id": "Id", "text": "Description"})]


# fmt: off
GOOD_MAPS = [
    ("text=Description,creator=Account", {"text": "Description", "creator": "Account"}),
    (" text = Descrizione , id=Post ID ", {"text": "Descrizione", "id": "Post ID"}),
    ("text=Didascalia 😍,", {"text": "Didascalia 😍"}),
]
BAD_MAPS = [
    ("text", "'text' is not FIELD=COLUMN"),
    ("text=", "'text=' is not FIELD=COLUMN"),
    ("=Description", "'=Description' is not FIELD=COLUMN"),
    ("caption=Description", "unknown field 'caption'"),
    ("text=A,text=B", "field 'text' is mapped twice"),
    ("text=A,creator=A", "column 'A' is mapped twice"),
    ("", "empty"),
    (" , ", "empty"),
]
# fmt: on


@pytest.mark.parametrize("text,expected", GOOD_MAPS)
def test_column_map_parses(text, expected):
    assert parse_column_map(text) == expected


@pytest.mark.parametrize("text,problem", BAD_MAPS)
def test_bad_column_map_names_the_problem(text, problem):
    with pytest.raises(AuthenticNLPError, match="E401") as caught:
        parse_column_map(text)
    assert "--map" in str(caught.value) and problem in str(caught.value)


def test_a_file_the_adapters_claim_goes_to_them_even_with_id_and_text(files, monkeypatch):
    calls = []

    def read_source(path, source=None, column_map=None):
        calls.append((path.name, source))
        yield ReadItem(SourcePosition(str(path), line=1), raw={"id": "claimed", "text": "Video nuovo"})

    module = types.ModuleType("authentic_nlp.io.adapters")
    module.read_source = read_source
    module.claim = lambda path: "apify-tiktok" if path.name.startswith("dataset") else None
    monkeypatch.setitem(sys.modules, "authentic_nlp.io.adapters", module)
    scraped = files.jsonl("dataset_tiktok.jsonl", [{"id": "7", "text": "So comfy 😍", "authorMeta": {}}])
    ours = files.jsonl("posts.jsonl", [{"id": "8", "text": "Ciao a tutti"}])
    assert [i.raw["id"] for i in read_records([scraped, ours])] == ["claimed", "8"]
    assert calls == [("dataset_tiktok.jsonl", "apify-tiktok")]
