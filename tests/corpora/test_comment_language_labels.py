"""corpora/GUIDELINES.md §5: a comment with no letters once tags, links and hashtags are taken out
(emoji only, a bare tag, a bare link, a number) is labelled `und`, as `language.code` says it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
NOISE = re.compile(r"@[\w.]+|#\w+|https?://\S+|www\.\S+")
LETTER = re.compile(r"[^\W\d_]")


def must_be_und(text: str) -> bool:
    return not LETTER.search(NOISE.sub("", text))


@pytest.mark.parametrize("text, expected", [("🔥🔥🔥", True), ("@tessa.b 💕💕", True), ("$850 😭", True),
                                            ("https://x.co/a", True), ("#love", True), ("wow 🔥", False),
                                            ("@anna grazie!", False), ("è", False)])
def test_rule(text: str, expected: bool) -> None:
    assert must_be_und(text) is expected


def test_letterless_comments_are_labelled_und() -> None:
    wrong = []
    for path in sorted(CORPORA.glob("*/batch_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            post = json.loads(line) if line.strip() else {}
            for comment in post.get("comments") or []:
                language = (comment.get("labels") or {}).get("language")
                if must_be_und(comment.get("text") or "") and language != "und":
                    wrong.append(f"{path.parent.name}/{path.name} {comment.get('id')}: {language!r}")
    assert not wrong, wrong[:10]
