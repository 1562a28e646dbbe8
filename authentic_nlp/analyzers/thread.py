"""The conversation model: the comments of one post as a reply tree.

`build_thread` turns a post's comments into `Node`s with an effective parent, a root, a depth and an
order key, and reports what it had to repair as `StructureWarning`s (it never raises on bad data):

- `reply_to` given (YouTube-style nesting) is used as is, unless it points at the comment itself
  (`self_reply`), at no comment of the post (`dangling_parent`), or closes a loop (`cycle`): then the
  comment is treated as top-level and the warning says so.
- `reply_to` absent (Instagram-style flat lists): a comment that starts with `@handle` answers the
  latest earlier comment by `handle` (contract.md). "Earlier" is by `created_at` when every comment
  has one, otherwise by file order, and then only top-level comments are candidates. A comment that
  starts with several handles ("@anna @marco grazie!") answers the first one found (`parent`) and
  also the others (`also_answers`).

Everything is linear in the number of comments (one sort for the order): candidates are indexed by
author, and parent chains are walked once with memoisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Sequence

from ..schema import Comment

LEADING_MENTIONS = re.compile(r"\s*((?:@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?[\s,;:]*)+)")
HANDLE = re.compile(r"@([A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)")


@dataclass(slots=True)
class Node:
    index: int                      # position in the input
    id: str
    author: str | None              # lower case
    by_creator: bool | None
    order: tuple                    # (created_at, index) or (index,): compare only within one thread
    given_parent: str | None
    parent: str | None = None       # effective parent after validation and inference
    inferred: bool = False
    also_answers: list[str] = field(default_factory=list)
    addressed: list[str] = field(default_factory=list)   # handles at the start of the text
    mentions: list[str] = field(default_factory=list)    # every handle in the text
    root: str = ""
    depth: int = 1


@dataclass(frozen=True, slots=True)
class StructureWarning:
    kind: str          # self_reply, dangling_parent, cycle
    comment_id: str
    detail: str

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "comment_id": self.comment_id, "detail": self.detail}


@dataclass(slots=True)
class Thread:
    nodes: list[Node]                        # input order
    by_id: dict[str, Node]
    ordered: list[Node]                      # by order key
    warnings: list[StructureWarning]
    timed: bool                              # order comes from timestamps

    @property
    def max_depth(self) -> int:
        return max((n.depth for n in self.nodes), default=0)

    def parent_of(self, node: Node) -> Node | None:
        return None if node.parent is None else self.by_id[node.parent]


def leading_handles(text: str) -> list[str]:
    """The handles a comment starts with: "@anna @marco grazie" -> ["anna", "marco"]."""
    m = LEADING_MENTIONS.match(text)
    return [h.lower() for h in HANDLE.findall(m.group(1))] if m else []


def all_handles(text: str) -> list[str]:
    return [h.lower() for h in HANDLE.findall(text)]


def build_thread(comments: Sequence[Comment], texts: Sequence[str], creator: str | None) -> Thread:
    """The reply tree of one post. `texts` are the analysed (normalized) comment texts, aligned."""
    creator_key = creator.lower() if creator else None
    timed = bool(comments) and all(c.created_at is not None for c in comments)
    nodes = []
    for i, (c, text) in enumerate(zip(comments, texts)):
        author = c.author.lower() if c.author else None
        order: tuple = (_utc(c.created_at), i) if timed else (i,)
        nodes.append(Node(i, c.id, author, None if creator_key is None else author == creator_key, order,
                          c.reply_to, addressed=leading_handles(text), mentions=all_handles(text)))
    by_id = {n.id: n for n in nodes}
    warnings: list[StructureWarning] = []
    for n in nodes:
        if n.given_parent is None:
            continue
        if n.given_parent == n.id:
            warnings.append(StructureWarning("self_reply", n.id, "reply_to names the comment itself; treated as top-level"))
        elif n.given_parent not in by_id:
            warnings.append(StructureWarning("dangling_parent", n.id,
                                             f"reply_to {n.given_parent!r} is no comment of this post; treated as top-level"))
        else:
            n.parent = n.given_parent
    ordered = sorted(nodes, key=lambda n: n.order)
    _infer_replies(ordered, timed)
    _break_cycles(nodes, by_id, warnings)
    _roots_and_depths(nodes, by_id)
    return Thread(nodes, by_id, ordered, warnings, timed)


def _utc(value: datetime) -> float:
    return value.timestamp()


def _infer_replies(ordered: list[Node], timed: bool) -> None:
    """Flat comments starting with @handle answer the latest earlier comment by handle."""
    latest: dict[str, Node] = {}   # author -> latest comment so far (all comments when timed, else top-level)
    for n in ordered:
        if n.given_parent is None and n.addressed:
            targets = []
            for handle in n.addressed:
                target = latest.get(handle)
                if target is not None and handle != n.author and target.id not in targets:
                    targets.append(target.id)
            if targets:
                n.parent, n.also_answers, n.inferred = targets[0], targets[1:], True
        if n.author is not None and (timed or (n.given_parent is None and not n.inferred)):
            latest[n.author] = n


def _break_cycles(nodes: list[Node], by_id: dict[str, Node], warnings: list[StructureWarning]) -> None:
    state: dict[str, int] = {}   # 1 = on the current path, 2 = done
    for start in nodes:
        path, node = [], start
        while node is not None and state.get(node.id) is None:
            state[node.id] = 1
            path.append(node)
            parent = by_id[node.parent] if node.parent is not None else None
            if parent is not None and state.get(parent.id) == 1:
                warnings.append(StructureWarning("cycle", node.id,
                                                 f"reply_to {node.parent!r} closes a loop; treated as top-level"))
                node.parent, node.inferred, node.also_answers = None, False, []
                parent = None
            node = parent
        for p in path:
            state[p.id] = 2


def _roots_and_depths(nodes: list[Node], by_id: dict[str, Node]) -> None:
    done: set[str] = set()
    for start in nodes:
        path, node = [], start
        while node.id not in done and node.parent is not None:
            path.append(node)
            node = by_id[node.parent]
        if node.id not in done:
            node.root, node.depth = node.id, 1
            done.add(node.id)
        for p in reversed(path):
            parent = by_id[p.parent]
            p.root, p.depth = parent.root, parent.depth + 1
            done.add(p.id)
