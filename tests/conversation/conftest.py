"""Fixtures for the conversation tests: one Analyzer for the session, and helpers that build posts."""

from __future__ import annotations

import pytest

from authentic_nlp.schema import parse_post


@pytest.fixture(scope="session")
def analyzer():
    from authentic_nlp.pipeline import Analyzer

    return Analyzer()


@pytest.fixture(scope="session")
def analyse_text(analyzer):
    """The real per-comment analysis (normalization, language, social tokenizer)."""
    return analyzer.analyze_text


@pytest.fixture(scope="session")
def analyse_post(analyzer):
    """Score one raw post dict end to end and return its output record."""

    def run(raw: dict) -> dict:
        return analyzer.analyze_post(parse_post(raw))

    return run


@pytest.fixture(scope="session")
def post_of():
    """Build a raw post from compact comment rows."""
    return make_post


def make_post(comments: list[tuple], creator: str | None = "crea", created_at: str | None = None) -> dict:
    """A post from compact rows: (id, author, text[, reply_to[, created_at]])."""
    rows = []
    for row in comments:
        cid, author, text = row[:3]
        item = {"id": cid, "author": author, "text": text}
        if len(row) > 3 and row[3] is not None:
            item["reply_to"] = row[3]
        if len(row) > 4 and row[4] is not None:
            item["created_at"] = row[4]
        rows.append(item)
    post = {"id": "p", "text": "Nuova ricetta / new recipe", "creator": creator, "comments": rows}
    if created_at:
        post["created_at"] = created_at
    return post
