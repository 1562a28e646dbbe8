"""Validation of the Italian annotated corpus (corpora/it/batch_NNN.jsonl).

Every line must be a valid contract input post (authentic_nlp.schema.parse_post) carrying labels from
the allowed sets of corpora/GUIDELINES.md, with unique ids, replies that point to earlier comments
and creator replies written by the post's creator. `problems()` returns the list of violations of one
record; the table below checks the checker itself, then every batch file is checked line by line.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest

from authentic_nlp.errors import RecordError
from authentic_nlp.schema import parse_post

CORPUS_DIR = Path(__file__).resolve().parents[2] / "corpora" / "it"
BATCHES = sorted(CORPUS_DIR.glob("batch_*.jsonl"))

VERDICTS = {"disclosed", "weak_disclosure", "undisclosed", "organic"}
COMMENT_TYPES = {"substantive", "question", "generic", "spam"}
MARKETS = {"it", "us", "uk"}
PLATFORMS = {"instagram", "tiktok", "youtube"}
ID_RE = re.compile(r"^it-\d{4}$")
LANG_RE = re.compile(r"^([a-z]{2}|und)$")
LEADING_HANDLE = re.compile(r"^@([\w.]+)")
ISO_Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
HANDLE = re.compile(r"^[a-z0-9._]{1,30}$")  # what Instagram, TikTok and YouTube handles allow


def _time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def problems(raw: dict, id_re: re.Pattern = ID_RE) -> list[str]:
    """Every violation of the corpus format found in one raw record (empty list = valid)."""
    found: list[str] = []
    try:
        post = parse_post(raw)
    except RecordError as err:
        return [f"parse: {err}"]
    labels = raw.get("labels") or {}
    if not id_re.match(post.id):
        found.append(f"bad id {post.id!r}")
    if post.platform not in PLATFORMS or post.market not in MARKETS or not post.creator:
        found.append("platform, market and creator are required")
    if post.creator and not HANDLE.match(post.creator):
        found.append(f"creator handle {post.creator!r}")
    if not isinstance(raw.get("niche"), str) or not raw["niche"]:
        found.append("niche missing")
    if labels.get("sponsored") not in (0, 1) or labels.get("sincere") not in (0, 1):
        found.append("sponsored and sincere must be 0 or 1")
    if labels.get("verdict") not in VERDICTS:
        found.append(f"verdict {labels.get('verdict')!r}")
    if labels.get("sponsored") == 0 and labels.get("verdict") != "organic":
        found.append("sponsored=0 requires verdict organic")
    if not isinstance(labels.get("hard"), bool):
        found.append("hard must be a boolean")
    elif labels["hard"] and not labels.get("note"):
        found.append("hard case without a note")
    if not ISO_Z.match(str(raw.get("created_at", ""))):
        found.append("post created_at must be ISO-8601 with Z")
    seen: dict[str, dict] = {}
    for raw_c in raw.get("comments") or []:
        cid, text = raw_c["id"], raw_c["text"]
        c_labels = raw_c.get("labels") or {}
        if c_labels.get("type") not in COMMENT_TYPES:
            found.append(f"{cid}: type {c_labels.get('type')!r}")
        lang = c_labels.get("language", "")
        if not LANG_RE.match(lang):
            found.append(f"{cid}: language {lang!r}")
        elif not any(ch.isalpha() for ch in text) and lang != "und":
            found.append(f"{cid}: a comment without letters must be 'und'")
        if not HANDLE.match(str(raw_c.get("author", ""))):
            found.append(f"{cid}: author handle {raw_c.get('author')!r}")
        if not ISO_Z.match(str(raw_c.get("created_at", ""))):
            found.append(f"{cid}: created_at must be ISO-8601 with Z")
        elif seen and _time(raw_c["created_at"]) < max(_time(c["created_at"]) for c in seen.values()):
            found.append(f"{cid}: timestamps must increase within the thread")
        parent = raw_c.get("reply_to")
        handle = LEADING_HANDLE.match(text)
        if parent is not None and parent not in seen:
            found.append(f"{cid}: reply_to {parent!r} is not an earlier comment")
        if raw_c.get("author") == post.creator and parent is None:
            if not handle or handle.group(1) not in {c.get("author") for c in seen.values()}:
                found.append(f"{cid}: creator reply without reply_to or a leading @earlier-commenter")
        if parent is not None and seen.get(parent, {}).get("author") == raw_c.get("author") == post.creator:
            found.append(f"{cid}: creator answering itself")
        seen[cid] = raw_c
    return found


def _post(text: str, comments: list[dict], **labels) -> dict:
    base = {"sponsored": 0, "verdict": "organic", "sincere": 1, "hard": False}
    return {"id": "it-0001", "creator": "ana", "platform": "instagram", "market": "it", "niche": "food",
            "followers": 900, "created_at": "2026-03-01T10:00:00Z", "text": text,
            "labels": {**base, **labels}, "comments": comments}


def _c(cid: str, text: str, author: str, minute: int, reply_to=None, type_="generic", lang="und") -> dict:
    return {"id": cid, "text": text, "author": author, "reply_to": reply_to,
            "created_at": f"2026-03-01T11:{minute:02d}:00Z", "labels": {"type": type_, "language": lang}}


# fmt: off
CHECKER_TABLE = [
    ("empty caption, no comments",          _post("", []),                                                     []),
    ("emoji-only caption and comment",      _post("🍝🍝", [_c("c1", "😍😍", "bea", 1)]),                         []),
    ("italian thread, @reply style",        _post("Pici fatti a mano", [_c("c1", "ricetta?", "bea", 1, type_="question", lang="it"),
                                             _c("c2", "@bea domani in stories!", "ana", 5, type_="substantive", lang="it")]), []),
    ("english thread, reply_to style",      _post("Mixed post, tutto ok", [_c("c1", "so good", "kim", 1, lang="en"),
                                             _c("c2", "thanks Kim!", "ana", 3, reply_to="c1", lang="en")]),     []),
    ("emoji comment labelled it",           _post("ciao", [_c("c1", "🔥", "bea", 1, lang="it")]),               ["c1: a comment without letters must be 'und'"]),
    ("sponsored 0 but undisclosed",         _post("codice ANA10", [], verdict="undisclosed"),                   ["sponsored=0 requires verdict organic"]),
    ("reply to a later comment",            _post("x", [_c("c1", "wow", "bea", 1, reply_to="c2", lang="en"),
                                             _c("c2", "ok", "kim", 2, lang="en")]),                            ["c1: reply_to 'c2' is not an earlier comment"]),
    ("creator reply with no target",        _post("x", [_c("c1", "grazie a tutti", "ana", 1, lang="it")]),     ["c1: creator reply without reply_to or a leading @earlier-commenter"]),
    ("unknown comment type",                _post("x", [_c("c1", "nice", "kim", 1, type_="praise", lang="en")]), ["c1: type 'praise'"]),
    ("hard without note",                   _post("#adidas", [], hard=True),                                   ["hard case without a note"]),
    ("time going backwards",                _post("x", [_c("c1", "a", "kim", 9, lang="en"), _c("c2", "b", "bea", 1, lang="en")]),
                                                                                                               ["c2: timestamps must increase within the thread"]),
    ("accented handle",                     _post("x", [_c("c1", "ciao", "giò.m", 1, lang="it")]),              ["c1: author handle 'giò.m'"]),
    ("bad verdict",                         _post("x", [], verdict="maybe", sponsored=1),                                 ["verdict 'maybe'"]),
]
# fmt: on


@pytest.mark.parametrize("name,raw,expected", CHECKER_TABLE, ids=[row[0] for row in CHECKER_TABLE])
def test_checker_flags_exactly_the_known_problems(name, raw, expected):
    assert problems(raw) == expected


def test_corpus_has_batches():
    assert BATCHES, f"no batch files in {CORPUS_DIR}"


@pytest.mark.parametrize("path", BATCHES, ids=[p.name for p in BATCHES])
def test_batch_lines_are_valid(path):
    bad = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        raw = json.loads(line)
        bad += [f"{path.name}:{line_no} {raw.get('id')}: {msg}" for msg in problems(raw)]
    assert bad == []


def test_post_ids_unique_across_batches():
    ids = [json.loads(line)["id"] for path in BATCHES for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(ids) == len(set(ids))
