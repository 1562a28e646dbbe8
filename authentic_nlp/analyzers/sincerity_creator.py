"""Creator-level sincerity: captions copied or templated across one creator's posts.

A caption that repeats (with small edits) across a creator's posts, or that is built from the same
boilerplate lines, is copy, not a first-hand voice. Given a creator's posts and their records:

- `near_duplicate`: another post of the same creator has a Jaccard similarity of at least
  NEAR_DUPLICATE_THRESHOLD over word 3-shingles (MinHash + LSH, `sincerity_minhash`). The
  evidence names the most similar post (`similar_to`) and the similarity; its weight is
  -similarity, and the logit shift is NEAR_DUPLICATE_CAP x similarity.
- `templated`: lines of at least TEMPLATE_MIN_WORDS words (numbers, mentions and links masked)
  that recur in at least TEMPLATE_MIN_POSTS of the creator's posts. Lines made only of hashtags,
  mentions, links or emoji are signatures and never count. The logit shift is TEMPLATE_CAP x the
  share of the caption's words that sit in such lines. Not applied on top of `near_duplicate`.

    score' = sigmoid(logit(score) + shift)      (shift <= 0; evidence appended to the record)

`creator_sincerity_adjustments(posts, records)` computes the shifts, `apply_creator_adjustments`
writes them into the records, `score_creator_posts` does both for posts given together (grouped by
`creator`), and `with_creator_signals` does it over a stream of (post, record) pairs in windows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

from ..evidence import Evidence
from ..text.normalize import normalize
from .market_creator import Rescore, apply_creator_market
from .sincerity_minhash import candidate_pairs, content_tokens, jaccard, shingles, signature
from .sincerity_score import DIGITS, logit, sigmoid

if TYPE_CHECKING:
    from ..schema import Post

NEAR_DUPLICATE_THRESHOLD = 0.6
NEAR_DUPLICATE_CAP = 1.5
TEMPLATE_MIN_WORDS = 4
TEMPLATE_MIN_POSTS = 3
TEMPLATE_CAP = 1.0
MAX_GROUP = 5000          # the most posts of one creator held at once by `with_creator_signals`
LINE_SPLIT = re.compile(r"[^\n.!?]+[.!?]*")


@dataclass
class CreatorAdjustment:
    """What the creator's other posts say about one post's sincerity."""

    post_id: str
    shift: float = 0.0                                  # logit shift, <= 0
    evidence: list[dict[str, Any]] = field(default_factory=list)


def _line_key(text: str, start: int, end: int) -> str | None:
    """A line's masked form, or None when it is too short or only signature material."""
    words = [t for t, _, _ in content_tokens(text[start:end])]
    if sum(1 for w in words if not w.isdigit()) < TEMPLATE_MIN_WORDS:
        return None
    return " ".join(words)


def _lines(text: str) -> list[tuple[str, int, int]]:
    out = []
    for m in LINE_SPLIT.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        key = _line_key(text, start, end)
        if key is not None:
            out.append((key, start, end))
    return out


def _near_duplicates(texts: list[str], ids: list[str], out: dict[str, CreatorAdjustment]) -> set[int]:
    sh = [shingles(t) for t in texts]
    sigs = [signature(s.keys) if s is not None else None for s in sh]
    best: dict[int, tuple[float, int]] = {}
    for i, j in sorted(candidate_pairs(sigs)):
        sim = jaccard(sh[i].keys, sh[j].keys)
        if sim < NEAR_DUPLICATE_THRESHOLD:
            continue
        for a, b in ((i, j), (j, i)):
            if a not in best or sim > best[a][0]:
                best[a] = (sim, b)
    for a, (sim, b) in sorted(best.items()):
        shared = sh[a].keys & sh[b].keys
        start = min(sh[a].spans[k][0] for k in shared)
        end = max(sh[a].spans[k][1] for k in shared)
        item = Evidence("near_duplicate", texts[a][start:end], start, end, rule="creator.near_duplicate",
                        weight=-sim, note=f"similar to post {ids[b]} (Jaccard {sim:.2f})").as_dict(with_weight=True)
        item.update(similar_to=ids[b], similarity=round(sim, DIGITS))
        adj = out.setdefault(ids[a], CreatorAdjustment(ids[a]))
        adj.shift -= NEAR_DUPLICATE_CAP * sim
        adj.evidence.append(item)
    return set(best)


def _templates(texts: list[str], ids: list[str], skip: set[int], out: dict[str, CreatorAdjustment]) -> None:
    lines = [_lines(t) for t in texts]
    posts_with: dict[str, set[int]] = {}
    for index, post_lines in enumerate(lines):
        for key, _, _ in post_lines:
            posts_with.setdefault(key, set()).add(index)
    for index, post_lines in enumerate(lines):
        if index in skip:
            continue
        total = len(content_tokens(texts[index]))
        templated = [(key, s, e) for key, s, e in post_lines if len(posts_with[key]) >= TEMPLATE_MIN_POSTS]
        if not templated or not total:
            continue
        share = min(1.0, sum(len(key.split()) for key, _, _ in templated) / total)
        adj = out.setdefault(ids[index], CreatorAdjustment(ids[index]))
        adj.shift -= TEMPLATE_CAP * share
        for key, s, e in templated:
            part = len(key.split()) / total
            adj.evidence.append(Evidence("templated", texts[index][s:e], s, e, rule="creator.templated", weight=-part,
                                         note=f"line repeated in {len(posts_with[key])} of {len(texts)} posts")
                                .as_dict(with_weight=True))


def creator_sincerity_adjustments(posts: Sequence["Post"], records: Sequence[dict[str, Any]] | None = None
                                  ) -> dict[str, CreatorAdjustment]:
    """Per-post adjustments (keyed by post id) for one creator's posts.

    `records`, when given, must pair up with `posts` by id (checked). The captions are normalized
    the way the pipeline does, so evidence offsets point into the same text as the records' own.
    """
    if records is not None:
        if len(records) != len(posts) or any(r.get("id") != p.id for p, r in zip(posts, records)):
            raise ValueError("posts and records must pair up one to one, in the same order, by id")
    texts = [normalize(p.text) for p in posts]
    ids = [p.id for p in posts]
    out: dict[str, CreatorAdjustment] = {}
    if len(posts) < 2:
        return out
    duplicated = _near_duplicates(texts, ids, out)
    _templates(texts, ids, duplicated, out)
    return out


def _evidence_key(item: dict[str, Any]) -> tuple:
    start, end = item.get("start"), item.get("end")
    return (start is None, start or 0, end or 0, item.get("kind", ""), item.get("text", ""))


def apply_creator_adjustments(records: Iterable[dict[str, Any]], adjustments: dict[str, CreatorAdjustment]) -> None:
    """Shift each adjusted record's `sincerity.score` and append the evidence (in place, once)."""
    for record in records:
        adj = adjustments.get(record["id"])
        section = record.get("sincerity") or {}
        if adj is None or section.get("score") is None or not adj.shift:
            continue
        section["score"] = round(sigmoid(logit(section["score"]) + adj.shift), DIGITS)
        if "evidence" in section:
            section["evidence"] = sorted(section["evidence"] + adj.evidence, key=_evidence_key)


def score_creator_posts(posts: Sequence["Post"], records: Sequence[dict[str, Any]],
                        market_rescore: "Rescore | None" = None) -> None:
    """Adjust the records of posts given together, creator by creator (posts without one stay as they are).
    With `market_rescore`, the creator's posts with market evidence first decide the market of those
    without (`market_creator`)."""
    groups: dict[str, list[int]] = {}
    for index, post in enumerate(posts):
        if post.creator:
            groups.setdefault(post.creator, []).append(index)
    for indices in groups.values():
        if len(indices) > 1:
            group_posts = [posts[i] for i in indices]
            group_records = [records[i] for i in indices]
            if market_rescore is not None:
                apply_creator_market(group_posts, group_records, market_rescore)
            apply_creator_adjustments(group_records, creator_sincerity_adjustments(group_posts, group_records))


def with_creator_signals(pairs: Iterable[tuple["Post", dict[str, Any]]], max_group: int = MAX_GROUP,
                         market_rescore: "Rescore | None" = None) -> Iterator[dict[str, Any]]:
    """Stream (post, record) pairs and yield the records in input order, each creator's posts
    scored together within windows of `max_group` posts (so memory stays flat on any input; posts
    of one creator further apart than a window are compared only within their windows)."""
    window_posts: list["Post"] = []
    window_records: list[dict[str, Any]] = []
    for post, record in pairs:
        window_posts.append(post)
        window_records.append(record)
        if len(window_posts) >= max_group:
            score_creator_posts(window_posts, window_records, market_rescore)
            yield from window_records
            window_posts, window_records = [], []
    if window_posts:
        score_creator_posts(window_posts, window_records, market_rescore)
        yield from window_records
