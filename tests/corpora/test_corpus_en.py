"""Validation of the English annotated corpus (corpora/en/batch_NNN.jsonl).

Every line must be a valid contract input (`parse_post`) carrying labels from the allowed sets
(corpora/GUIDELINES.md, /work/brief CORPUS.md): ids unique, verdicts consistent with `sponsored`,
markets us/uk, comment threads well formed (reply_to points to an earlier comment, creator
replies are written by the post's creator and answer someone earlier in the thread).
The checker itself is tested on a small table of good and broken records first.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import pytest

from authentic_nlp.schema import parse_post

CORPUS_DIR = Path(__file__).resolve().parents[2] / "corpora" / "en"
VERDICTS = {"disclosed", "weak_disclosure", "undisclosed", "organic"}
COMMENT_TYPES = {"substantive", "question", "generic", "spam"}
PLATFORMS = {"instagram", "tiktok", "youtube"}
LANG_RE = re.compile(r"^(?:[a-z]{2}|und)$")
MENTION_RE = re.compile(r"^@([A-Za-z0-9._]+)")


def _time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def post_problems(raw: dict, markets: tuple[str, ...] = ("us", "uk"), id_prefix: str = "en-") -> list[str]:
    """Every problem found in one labelled corpus record (empty list = valid)."""
    problems: list[str] = []
    try:
        post = parse_post(raw)
    except Exception as err:  # the contract parser's own error, reported as a problem
        return [f"parse: {err}"]
    if not re.fullmatch(re.escape(id_prefix) + r"\d{4}", post.id):
        problems.append(f"id {post.id!r} not {id_prefix}NNNN")
    if post.market not in markets:
        problems.append(f"market {post.market!r}")
    if post.platform not in PLATFORMS:
        problems.append(f"platform {post.platform!r}")
    if not post.creator or not raw.get("niche"):
        problems.append("creator or niche missing")
    labels = raw.get("labels") or {}
    if labels.get("sponsored") not in (0, 1) or labels.get("sincere") not in (0, 1):
        problems.append("sponsored/sincere not 0|1")
    if labels.get("verdict") not in VERDICTS:
        problems.append(f"verdict {labels.get('verdict')!r}")
    if not isinstance(labels.get("hard"), bool):
        problems.append("hard not boolean")
    if labels.get("verdict") in {"disclosed", "weak_disclosure", "undisclosed"} and labels.get("sponsored") != 1:
        problems.append("verdict implies a relationship but sponsored=0")
    if labels.get("verdict") == "organic" and labels.get("sponsored") == 1 and not labels.get("hard"):
        problems.append("hidden ad (sponsored=1, organic) must be hard")
    if labels.get("hard") and not labels.get("note"):
        problems.append("hard case without note")
    seen: dict[str, tuple[str | None, datetime | None]] = {}
    last = post.created_at
    for comment, craw in zip(post.comments, raw.get("comments") or []):
        clabels = craw.get("labels") or {}
        if clabels.get("type") not in COMMENT_TYPES:
            problems.append(f"{comment.id}: type {clabels.get('type')!r}")
        if not LANG_RE.match(str(clabels.get("language"))):
            problems.append(f"{comment.id}: language {clabels.get('language')!r}")
        if comment.reply_to is not None and comment.reply_to not in seen:
            problems.append(f"{comment.id}: reply_to {comment.reply_to!r} is not an earlier comment")
        if comment.author == post.creator:
            mention = MENTION_RE.match(comment.text)
            earlier_authors = {author for author, _ in seen.values()}
            if comment.reply_to is None and not (mention and mention.group(1) in earlier_authors):
                problems.append(f"{comment.id}: creator comment answers no earlier comment")
        if comment.created_at is None or (last is not None and comment.created_at < last):
            problems.append(f"{comment.id}: created_at missing or earlier than what precedes it")
        last = comment.created_at or last
        seen[comment.id] = (comment.author, comment.created_at)
    return problems


def _record(text: str, comments: list[dict], **labels) -> dict:
    base = {"sponsored": 0, "verdict": "organic", "sincere": 1, "hard": False}
    base.update(labels)
    return {"id": "en-0001", "creator": "someone", "platform": "instagram", "market": "us", "niche": "food",
            "created_at": "2026-01-01T10:00:00Z", "text": text, "labels": base, "comments": comments}


def _c(cid: str, text: str, author: str, minute: int, ctype: str = "generic", lang: str = "en", **extra) -> dict:
    return {"id": cid, "text": text, "author": author, "created_at": f"2026-01-01T11:{minute:02d}:00Z",
            "labels": {"type": ctype, "language": lang}, **extra}


CHECKER_TABLE = [
    # (case, record, expected problem fragment or None)
    ("en valid thread", _record("Best tacos in town", [_c("c1", "where is it?", "ann", 1, "question"),
                                                       _c("c2", "@ann on 5th street", "someone", 2, "substantive")]), None),
    ("it comment valid", _record("Pasta night", [_c("c1", "che buona!", "marta", 1, "generic", "it")]), None),
    ("empty caption", _record("", []), None),
    ("emoji-only comment und", _record("🍕", [_c("c1", "😍😍", "bob", 1, "generic", "und")]), None),
    ("mixed it/en caption", _record("Weekend a Roma, best carbonara ever", [], sincere=0), None),
    ("bad verdict", _record("x", [], verdict="sponsored"), "verdict"),
    ("verdict without sponsored", _record("#ad x", [], verdict="disclosed"), "sponsored=0"),
    ("hidden ad not hard", _record("x", [], sponsored=1), "must be hard"),
    ("bad comment type", _record("x", [_c("c1", "wow", "a", 1, "praise")]), "type"),
    ("bad language", _record("x", [_c("c1", "wow", "a", 1, "generic", "english")]), "language"),
    ("reply_to forward", _record("x", [_c("c1", "hi", "a", 1, reply_to="c2"), _c("c2", "yo", "b", 2)]), "reply_to"),
    ("creator answers nobody", _record("x", [_c("c1", "thanks all", "someone", 1)]), "answers no earlier"),
    ("time goes back", _record("x", [_c("c1", "a", "a", 5), _c("c2", "b", "b", 1)]), "created_at"),
    ("market it in en corpus", dict(_record("x", []), market="it"), "market"),
    ("unparseable", dict(_record("x", []), text=None), "parse"),
]


@pytest.mark.parametrize("case,record,expected", CHECKER_TABLE, ids=[row[0] for row in CHECKER_TABLE])
def test_checker_table(case, record, expected):
    problems = post_problems(record)
    if expected is None:
        assert problems == []
    else:
        assert any(expected in p for p in problems), problems


@lru_cache(maxsize=None)
def _load(path: Path) -> tuple[dict, ...]:
    with path.open(encoding="utf-8") as fh:
        return tuple(json.loads(line) for line in fh if line.strip())


BATCHES = sorted(CORPUS_DIR.glob("batch_*.jsonl"))


def test_corpus_present():
    assert BATCHES, f"no batches under {CORPUS_DIR}"


@pytest.mark.parametrize("path", BATCHES, ids=[p.name for p in BATCHES])
def test_batch_records_valid(path):
    failures = {}
    for raw in _load(path):
        problems = post_problems(raw)
        if problems:
            failures[raw.get("id")] = problems
    assert failures == {}


def test_ids_unique_and_creators_consistent():
    ids, comment_total, creator_market = [], 0, {}
    for path in BATCHES:
        for raw in _load(path):
            ids.append(raw["id"])
            comment_total += len(raw.get("comments") or [])
            previous = creator_market.setdefault(raw["creator"], raw["market"])
            assert previous == raw["market"], f"{raw['creator']} posts in two markets"
    assert len(ids) == len(set(ids))
    assert comment_total >= len(ids)
