"""The audit end to end on corpora/audit (creators of every size, it and en, injection cases)."""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest
from typer.testing import CliRunner

from authentic_nlp.audit.run import AuditFilters, run_audit
from authentic_nlp.cli import app

from .audit_corpus import INJECTIONS, corpus_files, talks_with_audience


def test_index_separates_creators_who_talk_from_those_who_do_not(corpus_audit, raw_posts):
    _, result = corpus_audit
    truth = talks_with_audience(raw_posts)
    talkers = [s for s in result.summaries if truth[s["creator"]] >= 0.5]
    silent = [s for s in result.summaries if truth[s["creator"]] == 0.0]
    assert len(talkers) >= 4 and len(silent) >= 4
    # both groups span follower counts from under 1k to over 1M
    for group in (talkers, silent):
        followers = [s["engagement"]["followers"] for s in group]
        assert min(followers) < 1_000 and max(followers) > 1_000_000
    assert min(s["index"]["value"] for s in talkers) > max(s["index"]["value"] for s in silent)


def test_files_written_for_every_creator(corpus_audit):
    out, result = corpus_audit
    assert (out / "index.html").is_file() and (out / "index.json").is_file()
    for summary in result.summaries:
        assert (out / summary["report"]).is_file() and (out / summary["json"]).is_file()
        assert json.loads((out / summary["json"]).read_text(encoding="utf-8"))["creator"] == summary["creator"]
    rows = list(csv.DictReader((out / "creators.csv").open(encoding="utf-8")))
    assert [r["creator"] for r in rows] == [s["creator"] for s in result.summaries]
    assert all(r["index"] and r["creator_reply_rate"] != "" for r in rows)


def test_reports_escape_every_injection(corpus_audit):
    out, _ = corpus_audit
    pages = [p.read_text(encoding="utf-8") for p in [out / "index.html", *sorted((out / "creators").glob("*.html"))]]
    joined = "\n".join(pages)
    for text in INJECTIONS:
        assert text not in joined                       # never raw
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in joined
    assert "onerror=&#34;window.__pwned=1&#34;" in joined
    for page in pages:
        assert "<script" not in page and "<img" not in page and "<svg onload" not in page
        assert "Content-Security-Policy" in page


def test_reports_are_offline_and_print_ready(corpus_audit):
    out, _ = corpus_audit
    for page in [out / "index.html", *sorted((out / "creators").glob("*.html"))]:
        html = page.read_text(encoding="utf-8")
        assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
        assert "https://" not in html and "<link" not in html
        assert "@media print" in html and "<svg" in html


def test_same_input_same_bytes(scored_corpus, tmp_path):
    for name in ("a", "b"):
        run_audit([scored_corpus], posts=corpus_files(), out_dir=tmp_path / name)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert files
    for rel in files:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


@pytest.mark.parametrize("filters, check", [
    (AuditFilters(platforms=("youtube",)), lambda s: set(s["platforms"]) == {"youtube"}),
    (AuditFilters(since=date(2026, 3, 1)), lambda s: s["first_post"] >= "2026-03-01"),
    (AuditFilters(until=date(2026, 1, 31)), lambda s: s["last_post"] <= "2026-01-31"),
    (AuditFilters(min_posts=4), lambda s: s["posts"] >= 4),
])
def test_filters(scored_corpus, filters, check):
    result = run_audit([scored_corpus], posts=corpus_files(), filters=filters)
    assert result.summaries and all(check(s) for s in result.summaries)
    if filters.min_posts == 1:      # every post is either audited or filtered out
        assert result.meta["posts_filtered_out"] + result.meta["posts"] == 41
        assert result.meta["posts_filtered_out"] > 0


def test_min_posts_reports_who_was_left_out(scored_corpus):
    result = run_audit([scored_corpus], posts=corpus_files(), filters=AuditFilters(min_posts=3))
    assert result.meta["left_out_creators"] == 1          # the two-post injection creator
    assert all(s["posts"] >= 3 for s in result.summaries)


def test_scored_input_without_posts_still_audits(scored_corpus):
    result = run_audit([scored_corpus])
    assert result.meta["load"]["read_scored"] == 41 and result.meta["load"]["scored_here"] == 0
    assert all(s["index"]["value"] is not None and s["engagement"] is None for s in result.summaries)


def test_cli_scores_raw_input_and_writes_json_only(tmp_path):
    out = tmp_path / "audit"
    res = CliRunner().invoke(app, ["audit", str(corpus_files()[1]), "-o", str(out), "--format", "json",
                                   "--platform", "tiktok", "-q"])
    assert res.exit_code == 0, res.output
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert index["meta"]["load"]["scored_here"] == 2 and index["meta"]["filters"] == {"platform": "tiktok"}
    assert not list(out.rglob("*.html")) and (out / "creators.csv").is_file()
    again = CliRunner().invoke(app, ["audit", str(corpus_files()[1]), "-o", str(out)])
    assert again.exit_code == 2 and "--force" in again.output


@pytest.mark.parametrize("args, message", [
    (["--since", "2026-13-01"], "YYYY-MM-DD"),
    (["--since", "2026-04-01", "--until", "2026-01-01"], "after"),
])
def test_cli_rejects_bad_dates(tmp_path, scored_corpus, args, message):
    res = CliRunner().invoke(app, ["audit", str(scored_corpus), "-o", str(tmp_path / "x"), *args])
    assert res.exit_code == 2 and message in res.output
