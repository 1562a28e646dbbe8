"""Engagement-pod signals, under one post and across a creator's posts.

Weerasinghe et al., "The Pod People: Understanding Manipulation of Social Media Popularity via
Reciprocity Abuse" (WWW 2020) detect pod activity from comment style and timing (AUC 0.91 and 0.94).
Pods tell members to write "3 words and more", so length alone is no signal; what gives them away is
*sameness* and *speed*. The signals here, each with evidence and a hand-set weight (combined by
noisy-or; suspected at 0.5, so one signal alone is never enough except an exact duplicate):

- `duplicate_text` (0.6): the same text of three or more words from three or more accounts;
- `early_generic_burst` (0.4): at least five generic audience comments within ten minutes of posting,
  making up at least 30% of the audience comments;
- `padded_generic` (0.35): at least three generic comments of four or more words, the majority of the
  generic comments (praise padded to pass the pods' length rule);
- across posts (`creator_pod_signals`): the same accounts leaving generic comments on most of a
  creator's posts, and within minutes of posting.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from ..cues import fold
from ..evidence import Evidence
from .comments import noisy_or

if TYPE_CHECKING:
    from ..pipeline import TextAnalysis
    from ..schema import Post
    from .thread import Thread

# fmt: off
SUSPECT_AT = 0.5
DUPLICATE = {"weight": 0.6, "min_words": 3, "min_accounts": 3}
BURST = {"weight": 0.4, "window_minutes": 10, "min_comments": 5, "min_share": 0.3}
PADDED = {"weight": 0.35, "min_words": 4, "min_comments": 3, "min_share": 0.5}
CROSS = {"min_posts": 3, "min_share": 0.6, "min_accounts": 3, "fast_minutes": 30}
# fmt: on
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
HANDLE = re.compile(r"@\S+")


@dataclass(slots=True)
class PodSignals:
    suspected: bool
    score: float
    evidence: list[Evidence] = field(default_factory=list)


def text_key(text: str) -> tuple[str, int]:
    """Folded words without handles: "Amazing shot!! 😍" and "amazing shot" share a key."""
    words = WORD.findall(fold(HANDLE.sub(" ", text)))
    return " ".join(words), len(words)


def post_pod_signals(post: "Post", thread: "Thread", types: Sequence[str | None],
                     analyses: Sequence["TextAnalysis"]) -> PodSignals:
    audience = [n for n in thread.nodes if not n.by_creator]
    evidence: list[Evidence] = []
    groups: dict[str, list[int]] = defaultdict(list)
    for n in audience:
        key, words = text_key(analyses[n.index].text)
        if words >= DUPLICATE["min_words"]:
            groups[key].append(n.index)
    for key in sorted(groups):
        members = groups[key]
        accounts = {thread.nodes[i].author or f"#{i}" for i in members}
        if len(accounts) >= DUPLICATE["min_accounts"]:
            text = analyses[members[0]].text
            ids = ",".join(thread.nodes[i].id for i in members)
            evidence.append(Evidence("duplicate_text", text, 0, len(text), weight=DUPLICATE["weight"],
                                     note=f"{len(accounts)} accounts: {ids}", comment=thread.nodes[members[0]].id))
    generic = [n for n in audience if types[n.index] == "generic"]
    if post.created_at is not None and audience:
        limit = post.created_at + timedelta(minutes=BURST["window_minutes"])
        early = [n for n in generic if (c := post.comments[n.index].created_at) is not None and c <= limit]
        if len(early) >= BURST["min_comments"] and len(early) / len(audience) >= BURST["min_share"]:
            evidence.append(Evidence("early_generic_burst", "", None, None, weight=BURST["weight"],
                                     note=f"{len(early)} generic comments within {BURST['window_minutes']} minutes: "
                                          + ",".join(n.id for n in early[:10])))
    padded = [n for n in generic if text_key(analyses[n.index].text)[1] >= PADDED["min_words"]]
    if generic and len(padded) >= PADDED["min_comments"] and len(padded) / len(generic) >= PADDED["min_share"]:
        first = analyses[padded[0].index].text
        evidence.append(Evidence("padded_generic", first, 0, len(first), weight=PADDED["weight"],
                                 note=f"{len(padded)} of {len(generic)} generic comments have "
                                      f"{PADDED['min_words']}+ words: " + ",".join(n.id for n in padded[:10]),
                                 comment=padded[0].id))
    score = round(noisy_or([e.weight or 0.0 for e in evidence]), 4)
    return PodSignals(score >= SUSPECT_AT, score, evidence)


def creator_pod_signals(posts_with_records: Iterable[tuple["Post", dict[str, Any]]]) -> dict[str, Any]:
    """Accounts that leave generic comments on most of one creator's posts (for the audit).

    Give it the posts of one creator with their output records; it keeps one counter per account.
    """
    posts = 0
    seen: dict[str, int] = defaultdict(int)
    fast: dict[str, int] = defaultdict(int)
    per_post_suspected = 0
    for post, record in posts_with_records:
        posts += 1
        per_post_suspected += bool(record.get("conversation", {}).get("pod_suspected"))
        authors, quick = set(), set()
        for comment, out in zip(post.comments, record.get("comments", [])):
            if out.get("by_creator") or out.get("type") != "generic" or not comment.author:
                continue
            author = comment.author.lower()
            authors.add(author)
            if post.created_at and comment.created_at and \
                    comment.created_at - post.created_at <= timedelta(minutes=CROSS["fast_minutes"]):
                quick.add(author)
        for a in authors:
            seen[a] += 1
        for a in quick:
            fast[a] += 1
    recurring = sorted(
        ({"author": a, "posts": n, "fast_posts": fast.get(a, 0)} for a, n in seen.items()
         if posts >= CROSS["min_posts"] and n / posts >= CROSS["min_share"]),
        key=lambda r: (-r["posts"], -r["fast_posts"], r["author"]))
    suspected = len(recurring) >= CROSS["min_accounts"]
    return {"posts": posts, "posts_pod_suspected": per_post_suspected, "recurring_generic_accounts": recurring,
            "fast_recurring_accounts": sum(1 for r in recurring if r["fast_posts"] / posts >= CROSS["min_share"]),
            "suspected": suspected}
