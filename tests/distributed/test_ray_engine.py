"""`score --engine ray`: the same records as local `score`, byte for byte when ordered."""

from __future__ import annotations

import json
import sys

import pytest
from typer.testing import CliRunner

from authentic_nlp import cli
from authentic_nlp.io import read_scored

from .generated import generated_posts

pytestmark = pytest.mark.slow


def _posts_file(folder, n):
    path = folder / f"posts_{n}.jsonl"
    path.write_text("\n".join(generated_posts(n)) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def posts_2000(tmp_path_factory):
    return _posts_file(tmp_path_factory.mktemp("ray"), 2000)


def _score(*args):
    return CliRunner().invoke(cli.app, ["score", *map(str, args)])


def test_ordered_ray_output_is_byte_identical_to_local(ray_cluster, posts_2000, tmp_path):
    local, distributed = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    first = _score(posts_2000, "-o", local, "--quiet")
    second = _score(posts_2000, "-o", distributed, "--engine", "ray", "--ordered", "--workers", "2", "--quiet")
    assert first.exit_code == second.exit_code == cli.EXIT_PARTIAL, (first.output, second.output)
    assert local.read_bytes() == distributed.read_bytes()
    quarantine = (tmp_path / "local.quarantine.jsonl").read_bytes()
    assert quarantine == (tmp_path / "ray.quarantine.jsonl").read_bytes()
    codes = [json.loads(line)["code"] for line in quarantine.splitlines()]
    assert sorted(codes) == ["E001", "E002", "E007", "E009"]
    assert sum(1 for _ in local.open(encoding="utf-8")) + len(codes) == 2003


def test_sharded_output_holds_every_record_once(ray_cluster, tmp_path):
    from authentic_nlp.engine.distributed import score_dataset

    summary = score_dataset([_posts_file(tmp_path, 400)], tmp_path / "shards.parquet", workers=2, batch_size=16)
    shards = sorted((tmp_path / "shards.parquet").glob("part-*.parquet"))
    ids = [r["id"] for shard in shards for r in read_scored(shard)]
    quarantined = [json.loads(line) for q in (tmp_path / "shards.parquet").glob("part-*.quarantine.jsonl")
                   for line in q.read_text(encoding="utf-8").splitlines()]
    assert len(ids) == len(set(ids)) == summary.scored == 399 and len(quarantined) == summary.quarantined == 4
    assert summary.records_in == 403 and len(shards) > 1


@pytest.mark.parametrize("rows,codes", [
    ([{"id": "it1", "text": "Usa il codice GIULIA20 #adv"}, {"id": "en1", "text": "Honest review"},
      {"id": "e", "text": ""}, {"id": "x", "text": "😍🔥"}, {"id": "it1", "text": "dup"}], ["E009"]),
])
def test_parquet_from_a_local_filesystem_uri(ray_cluster, tmp_path, rows, codes):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from authentic_nlp.engine.distributed import score_dataset

    source = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist(rows), source)
    uri = f"file://{source}"
    out = tmp_path / "out"
    summary = score_dataset([uri], f"file://{out}", output_format="jsonl")
    scored = [r["id"] for shard in sorted(out.glob("part-?????.jsonl")) for r in read_scored(shard)]
    entries = [json.loads(line) for q in out.glob("part-*.quarantine.jsonl") for line in q.read_text().splitlines()]
    assert sorted(scored) == sorted({r["id"] for r in rows}) and summary.scored == len(scored)
    assert [e["code"] for e in entries] == codes and entries[0]["file"] == uri and entries[0]["row"] == 5
    assert f"first seen at {uri}:row 1" in entries[0]["error"]


def test_creator_signals_match_analyze_posts(ray_cluster, tmp_path):
    from authentic_nlp import analyze_posts
    from authentic_nlp.engine.distributed import score_dataset

    base = "Ho provato questa crema per tre settimane e la pelle è più morbida, consigliata"
    rows = [{"id": f"t{i}", "text": f"{base} {tag}", "creator": "giulia"} for i, tag in enumerate(["#skincare", "#beauty", "#adv"])]
    rows += [{"id": "o1", "text": "Honest review after three weeks of running", "creator": "sam"}, {"id": "n1", "text": ""}]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    score_dataset([source], out, ordered=True, creator_signals=True)
    expected = list(analyze_posts(rows, creator_signals=True))
    got = list(read_scored(out))
    assert got == expected
    assert any(e.get("kind") == "near_duplicate" for e in got[0]["sincerity"]["evidence"])
    creators = [json.loads(line) for line in (tmp_path / "out.creators.jsonl").read_text().splitlines()]
    assert [c["creator"] for c in creators] == ["giulia"] and creators[0]["posts"] == 3


def test_local_only_options_need_the_ray_engine(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "ciao"}\n', encoding="utf-8")
    result = _score(source, "-o", tmp_path / "out.jsonl", "--ordered")
    assert result.exit_code == cli.EXIT_USAGE and "--ordered needs --engine ray" in result.output


def test_without_ray_the_engine_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "ciao"}\n', encoding="utf-8")
    result = _score(source, "-o", tmp_path / "out", "--engine", "ray")
    assert result.exit_code == cli.EXIT_USAGE and "pip install 'authentic-nlp[ray]'" in result.output


@pytest.mark.parametrize("kwargs,message", [
    ({"on_error": "fail"}, "fail needs --ordered"),
    ({"on_error": "stop"}, "expected one of"),
    ({"workers": 0}, "at least one worker"),
])
def test_bad_arguments_fail_before_ray_starts(tmp_path, kwargs, message):
    from authentic_nlp.engine.distributed import score_dataset
    from authentic_nlp.errors import AuthenticNLPError

    with pytest.raises(AuthenticNLPError, match=message):
        score_dataset([tmp_path / "in.jsonl"], tmp_path / "out", **kwargs)
