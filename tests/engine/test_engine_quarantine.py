"""Every input record ends as exactly one output record or one quarantine record, in input order,
byte for byte the same whatever the number of workers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from authentic_nlp.engine.batch import RecordAbort, score_files
from authentic_nlp.errors import AuthenticNLPError
from authentic_nlp.io import read_scored

BIG_CAPTION = "Ho provato tutto, davvero tutto. " * 64_000   # about 2 MB, over the runner's MAX_TEXT_CHARS


def _line(record) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


# (line bytes, expected: None = scored, else (error code, field)). Hand-written, Italian and English.
# fmt: off
CASES: list[tuple[bytes, tuple[str, str | None] | None]] = [
    (_line({"id": "it1", "text": "Ieri ho provato la crema, pelle meno secca #adv"}),   None),
    (b'{"id": "broken", "text": "manca la chiusura',                                  ("E007", None)),
    (_line({"text": "post senza id"}),                                                ("E002", "id")),
    (_line({"id": None, "text": "null id"}),                                          ("E002", "id")),
    (_line({"id": ["a"], "text": "id is a list"}),                                    ("E003", "id")),
    (_line({"id": "t1", "text": 42}),                                                 ("E003", "text")),
    (_line({"id": "t2", "text": "Great video", "followers": "tanti"}),                ("E003", "followers")),
    (_line({"id": "t3", "text": "Bella!", "platform": "myspace"}),                    ("E004", "platform")),
    (b'{"id": "utf", "text": "caff\xe8 buonissimo"}',                                 ("E008", None)),
    (_line({"id": "big", "text": BIG_CAPTION}),                                       ("E014", "text")),
    (_line({"id": "it1", "text": "Same id as the first line"}),                       ("E009", "id")),
    (_line({"id": "empty", "text": ""}),                                              None),
    (_line({"id": "blank", "text": "   \n\t "}),                                      None),
    (_line({"id": "emoji", "text": "🔥😍👩‍👩‍👧🇮🇹"}),                                   None),
    (_line({"id": "mixed", "text": "Outfit del giorno, so comfy! Link in bio"}),      None),
    (_line(["not", "an", "object"]),                                                  ("E001", None)),
    (_line({"id": "c-bad", "text": "Nice", "comments": [{"id": "k1"}]}),              ("E011", "comments[0].text")),
    (_line({"id": "c-dup", "text": "Ciao", "comments": [{"id": "k", "text": "a"}, {"id": "k", "text": "b"}]}),
                                                                                      ("E006", "comments[1].id")),
    (_line({"id": "en1", "text": "Three weeks in, honest review",
            "comments": [{"id": "k1", "text": "where did you buy them?"}, {"id": "k2", "text": "😍"},
                         {"id": "k3", "text": ""}]}),                                 None),
]
# fmt: on


@pytest.fixture
def messy(tmp_path) -> Path:
    path = tmp_path / "messy.jsonl"
    # a blank line is not a record: it is passed over and does not count
    path.write_bytes(b"\n".join(line for line, _ in CASES[:5]) + b"\n\n" + b"\n".join(line for line, _ in CASES[5:]) + b"\n")
    return path


def _line_numbers() -> list[int]:
    return [n + 1 if n < 5 else n + 2 for n in range(len(CASES))]


def test_every_record_is_accounted_for(tmp_path, messy):
    out = tmp_path / "out.jsonl"
    summary = score_files([messy], out)
    expected_bad = [(n, e) for n, (_, e) in zip(_line_numbers(), CASES) if e is not None]
    expected_ok = [json.loads(line)["id"] for line, e in CASES if e is None]
    assert summary.records_in == len(CASES)
    assert summary.scored + summary.quarantined == summary.records_in
    assert (summary.scored, summary.quarantined, summary.skipped) == (len(expected_ok), len(expected_bad), 0)

    scored = list(read_scored(out))
    assert [r["id"] for r in scored] == expected_ok                      # input order
    assert len(next(r for r in scored if r["id"] == "en1")["comments"]) == 3

    quarantine = [json.loads(line) for line in Path(summary.quarantine).read_text(encoding="utf-8").splitlines()]
    assert [(q["line"], (q["code"], q["field"])) for q in quarantine] == expected_bad
    for q in quarantine:
        assert q["file"] == str(messy) and q["error"].startswith(f"[{q['code']}]") and q["record"] is not None
    by_code = {q["code"]: q for q in quarantine}
    assert by_code["E007"]["record"] == '{"id": "broken", "text": "manca la chiusura'
    assert by_code["E008"]["record"] == '{"id": "utf", "text": "caff\ufffd buonissimo"}'
    assert by_code["E009"]["record"] == {"id": "it1", "text": "Same id as the first line"}
    assert "line 1" in by_code["E009"]["error"]
    assert summary.errors_by_code == {code: sum(1 for _, e in CASES if e and e[0] == code) for code in by_code}


def test_skip_writes_no_quarantine_file(tmp_path, messy):
    summary = score_files([messy], tmp_path / "out.jsonl", on_error="skip")
    assert summary.skipped == sum(1 for _, e in CASES if e) and summary.quarantined == 0
    assert summary.scored + summary.skipped == summary.records_in == len(CASES)
    assert summary.quarantine is None and not (tmp_path / "out.quarantine.jsonl").exists()


def test_fail_stops_at_the_first_bad_record_and_leaves_no_output(tmp_path, messy):
    out = tmp_path / "out.jsonl"
    with pytest.raises(RecordAbort) as caught:
        score_files([messy], out, on_error="fail")
    assert caught.value.outcome.position.line == 2 and caught.value.outcome.error_code == "E007"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["messy.jsonl"]   # no output, no partial files


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_one_and_two_workers_give_the_same_bytes(tmp_path, fmt):
    kept = [(line, error) for line, error in CASES if b'"big"' not in line]   # keep this test quick
    lines = [line for line, _ in kept]
    captions = ["Ricetta di oggi: pici all'aglione", "New in: running shoes, first run today", "",
                "🔥🔥", "Outfit del giorno, so comfy"]
    for n in range(150):   # enough records for several chunks in flight
        lines.append(_line({"id": f"g{n}", "text": captions[n % len(captions)],
                            "comments": [{"id": "k", "text": captions[(n + 1) % len(captions)]}]}))
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    one = score_files([source], tmp_path / f"one.{fmt}", workers=1)
    two = score_files([source], tmp_path / f"two.{fmt}", workers=2)
    assert (tmp_path / f"one.{fmt}").read_bytes() == (tmp_path / f"two.{fmt}").read_bytes()
    assert Path(one.quarantine).read_bytes() == Path(two.quarantine).read_bytes()
    assert one.scored == two.scored == len(lines) - sum(1 for _, e in kept if e)


def test_refuses_to_overwrite_without_force(tmp_path, messy):
    out = tmp_path / "out.jsonl"
    out.write_text("keep me\n", encoding="utf-8")
    with pytest.raises(AuthenticNLPError, match="E103"):
        score_files([messy], out)
    assert out.read_text(encoding="utf-8") == "keep me\n"
    summary = score_files([messy], out, force=True)
    assert summary.scored == len(list(read_scored(out)))


def test_refuses_to_overwrite_an_existing_quarantine_file(tmp_path, messy):
    (tmp_path / "out.quarantine.jsonl").write_text("old\n", encoding="utf-8")
    with pytest.raises(AuthenticNLPError, match=r"E103.*out\.quarantine\.jsonl"):
        score_files([messy], tmp_path / "out.jsonl")


def test_a_stale_quarantine_file_goes_when_a_forced_rerun_is_clean(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "Ciao"}\n{"id": "b", "text": "Hello 😍"}\n', encoding="utf-8")
    (tmp_path / "out.quarantine.jsonl").write_text("old\n", encoding="utf-8")
    summary = score_files([source], tmp_path / "out.jsonl", force=True)
    assert summary.quarantined == 0 and not (tmp_path / "out.quarantine.jsonl").exists()


def test_an_input_is_never_overwritten(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "Ciao"}\n', encoding="utf-8")
    with pytest.raises(AuthenticNLPError, match="E401.*also an input"):
        score_files([source], source, force=True)
    assert source.read_text(encoding="utf-8") == '{"id": "a", "text": "Ciao"}\n'
