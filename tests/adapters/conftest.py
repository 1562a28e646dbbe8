"""Fixtures for the adapter tests: the hand-written source files under fixtures/ and a reader.

Every fixture file is written here, in its source's documented shape (field names from the
scrapers' and platforms' public documentation); no text comes from ../shared/data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from authentic_nlp.io.adapters import read_source
from authentic_nlp.schema import Post, parse_post

FIXTURES = Path(__file__).parent / "fixtures"


class Read:
    """What an adapter made of a file: valid posts by id, and the errors (code, line or row)."""

    def __init__(self, items: list[Any]) -> None:
        self.items = items
        self.posts: dict[str, Post] = {}
        self.raw: dict[str, dict[str, Any]] = {}
        self.errors: list[tuple[str, int | None]] = []
        for item in items:
            if item.error is not None:
                self.errors.append((item.error.code, item.position.line or item.position.row))
                continue
            post = parse_post(item.raw)          # every mapped record must be a valid contract post
            self.posts[post.id] = post
            self.raw[post.id] = item.raw


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def read():
    def _read(path: Path, **kwargs: Any) -> Read:
        return Read(list(read_source(Path(path), **kwargs)))

    return _read
