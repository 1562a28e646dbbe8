"""The reports in a real browser (headless Chromium): charts render, injections show as text, no
script runs, the console stays clean, pages print. Screenshots go to AUTHENTIC_NLP_SCREENSHOTS or a
temporary folder. Skipped only when Chromium is absent and CI is not set; in CI a missing Chromium
fails (install it with scripts/install_browser.sh)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

from .audit_corpus import INJECTIONS
from .edge_cases import CASES

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "browser_check.py"


def _browser_check():
    spec = importlib.util.spec_from_file_location("browser_check", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module          # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


browser_check = _browser_check()
needs_chromium = pytest.mark.skipif(browser_check.find_chromium() is None and not os.environ.get("CI"),
                                    reason="chromium not installed (scripts/install_browser.sh); required when CI is set")


@needs_chromium
def test_reports_render_in_chromium(corpus_audit, tmp_path):
    out, result = corpus_audit
    shots = Path(os.environ.get("AUTHENTIC_NLP_SCREENSHOTS") or tmp_path / "screenshots")
    pages = browser_check.check_audit(out, shots)
    assert len(pages) == len(result.summaries) + 1
    problems = {p.page: p.problems for p in pages if p.problems}
    assert not problems
    assert browser_check.missing_texts(pages, list(INJECTIONS)) == []
    index = next(p for p in pages if p.page.endswith("index.html"))
    assert index.svgs >= 1 and all(p.svgs >= 6 for p in pages if p is not index)
    for page in pages:
        png = Path(page.screenshot).read_bytes()
        assert png.startswith(b"\x89PNG") and len(png) > 20_000


@needs_chromium
def test_checker_catches_a_script_that_runs(tmp_path):
    """The checker itself must fail a page where a script runs or a chart is empty."""
    (tmp_path / "creators").mkdir()
    (tmp_path / "index.html").write_text(
        "<!DOCTYPE html><html><body><svg width='0' height='0'><rect/></svg>"
        "<script>window.__pwned = 1; console.error('boom')</script></body></html>", encoding="utf-8")
    [page] = browser_check.check_audit(tmp_path)
    text = " | ".join(page.problems)
    assert "window.__pwned" in text and "console.error" in text and "renders empty" in text


@needs_chromium
@pytest.mark.parametrize("name", [case.name for case in CASES])
def test_edge_case_audits_render_in_chromium(edge_audits, name):
    """Missing counts, dates and creators, single posts, huge counts, unsafe handles: the index and
    every creator page render (charts drawn, no error), and say what is known about the counts."""
    case, out, result = edge_audits[name]
    pages = browser_check.check_audit(out)
    assert len(pages) == len(result.summaries) + 1
    assert {p.page: p.problems for p in pages if p.problems} == {}
    index = next(p for p in pages if p.page.endswith("index.html"))
    assert all(f"@{creator}" in index.text for creator in case.notes)
    assert browser_check.missing_texts(pages, list(case.notes.values())) == []
