"""The audit on inputs shaped like real scraper files (tests/audit/edge_cases.py): every case gives
its index and every creator page, with what is known about counts said right, never a traceback
and never a half-written folder."""

from __future__ import annotations

import csv
import json

import pytest
from markupsafe import escape
from typer.testing import CliRunner

from authentic_nlp.audit import report
from authentic_nlp.audit.engagement import count_text, engagement_note
from authentic_nlp.audit.run import run_audit
from authentic_nlp.cli import app

from .edge_cases import CASES, EN, IT, Case, post

NAMES = [case.name for case in CASES]


@pytest.mark.parametrize("name", NAMES)
def test_every_file_is_written(edge_audits, name):
    case, out, result = edge_audits[name]
    expected = set(case.notes)
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert {c["creator"] for c in index["creators"]} == expected
    assert index["meta"]["posts"] == len(case.posts) and index["meta"]["load"]["rejected"] == 0
    rows = list(csv.DictReader((out / "creators.csv").open(encoding="utf-8")))
    assert sorted(r["creator"] for r in rows) == sorted(expected)
    assert (out / "index.html").is_file()
    files = sorted(p.name for p in (out / "creators").iterdir())
    assert len(files) == 2 * len(expected)                        # a JSON and an HTML page each, none shared
    assert not any(f.startswith(("-", ".")) for f in files)
    for summary in result.summaries:
        page = json.loads((out / summary["json"]).read_text(encoding="utf-8"))
        assert page["creator"] == summary["creator"] and len(page["post_rows"]) == summary["posts"]
        assert (out / summary["report"]).read_text(encoding="utf-8").count(str(escape(summary["creator"]))) >= 1
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".partial")]   # no staging folder left


@pytest.mark.parametrize("name", NAMES)
def test_counts_said_right(edge_audits, name):
    case, out, result = edge_audits[name]
    by_creator = {s["creator"]: s for s in result.summaries}
    for creator, note in case.notes.items():
        summary = by_creator[creator]
        html = (out / summary["report"]).read_text(encoding="utf-8")
        assert str(escape(note)) in html, (creator, engagement_note(summary["engagement"]))
        if note != "Follower and like counts are not known":
            assert "Follower and like counts are not known" not in html
    for creator, fields in case.engagement.items():
        saved = json.loads((out / by_creator[creator]["json"]).read_text(encoding="utf-8"))["engagement"]
        if fields is None:
            assert saved is None
        else:
            assert {k: saved.get(k) for k in fields} == fields
    for summary in result.summaries:
        assert (summary["first_post"] is None) is (not case.dates)


@pytest.mark.parametrize("name", NAMES)
def test_index_row_shows_counts(edge_audits, name):
    """The index's followers column shows the count (huge ones in short form) or n/a."""
    _, out, result = edge_audits[name]
    html = (out / "index.html").read_text(encoding="utf-8")
    for summary in result.summaries:
        followers = (summary["engagement"] or {}).get("followers")
        cell = "n/a" if followers is None else count_text(followers)
        assert f'<td class="num">{cell}</td>' in html


@pytest.mark.parametrize("n, text", [(0, "0"), (12_345, "12,345"), (10 ** 15 - 1, "999,999,999,999,999"),
                                     (10 ** 400, "1.00e400"), (int("9" * 500), "9.99e499")])
def test_count_text(n, text):
    assert count_text(n) == text


@pytest.mark.parametrize("handle", ["-rm", "--force", "-", ".", "..", "._-", ".hidden", "(no creator)", "a/../b",
                                    "Giulia", "ÆØÅ", "🔥", "", "\ud800"])
def test_file_names_are_safe(handle):
    name = report.slug(handle)
    assert name[0].isalnum() and set(name) <= set("abcdefghijklmnopqrstuvwxyz0123456789._-") and len(name) <= 80


def test_unique_slugs_never_share_a_file():
    handles = ["giulia", "Giulia", report.slug("Giulia"), "a/b", "a?b", "-", "--"]
    names = report.unique_slugs(handles)
    assert len(set(names)) == len(handles) and names[0] == "giulia"


@pytest.mark.parametrize("existing", [False, True])
def test_a_failure_leaves_no_half_written_folder(tmp_path, monkeypatch, existing):
    case = Case("fail", [post("x1", IT, "giulia"), post("x2", EN, "sam_uk")], {})
    out = tmp_path / "audit"
    if existing:
        run_audit([case.write(tmp_path)], out_dir=out)
        before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def boom(*args, **kwargs):
        raise RuntimeError("rendering failed")

    monkeypatch.setattr(report, "render_index", boom)
    with pytest.raises(RuntimeError):
        run_audit([case.write(tmp_path)], out_dir=out)
    if existing:
        assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    else:
        assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


@pytest.mark.parametrize("name", ["huge_counts", "no_creators", "unsafe_handles"])
def test_cli_exits_cleanly(tmp_path, name):
    case = next(c for c in CASES if c.name == name)
    result = CliRunner().invoke(app, ["audit", str(case.write(tmp_path)), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert (tmp_path / "out" / "index.json").is_file()
