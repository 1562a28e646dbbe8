"""The conversation stage: reply structure, creator responsiveness, reciprocity and `conversation.score`.

It reads what the comments stage wrote (each comment's `type`) and the analysed comment texts, builds
the reply tree (`thread.py`), and fills `reply_to` (given or inferred) per comment and every
`conversation.*` field. Definitions (contract.md, with the choices this module makes):

- a creator *reply* is a creator comment that answers someone else: its parent is an audience comment,
  it also answers (`@anna @marco ...`), or it mentions an audience member who wrote before it;
- a *token reply* is a creator reply with nothing but thanks, hearts, praise or tags ("grazie! ❤️");
- a comment *got a creator reply* when a creator comment after it replies to it, sits in the thread it
  started, or mentions its author; a *question is answered* only when that reply is not a token reply;
- *questions* are audience questions to the creator: top-level, or replying to a creator comment, or
  mentioning the creator (a question to another commenter is not one);
- the type shares are over every audience comment, replies included (`audience_all`).

The score is explained in docs/notes/conversation.md; `score_parts` carries its components.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .comments import is_token_reply
from .pods import post_pod_signals
from .scoring import conversation_score
from .thread import Node, Thread, build_thread

if TYPE_CHECKING:
    from ..pipeline import AnalysisOptions, PostContext


@dataclass(slots=True)
class Addressing:
    """For each comment id, the latest order key of a creator comment that addresses it (linear index)."""

    by_parent: dict[str, tuple]
    by_root: dict[str, tuple]
    by_handle: dict[str, tuple]

    def after(self, node: Node) -> bool:
        keys = (self.by_parent.get(node.id), self.by_root.get(node.id) if node.parent is None else None,
                self.by_handle.get(node.author) if node.author else None)
        return any(k is not None and k > node.order for k in keys)


def _index(replies: list[Node]) -> Addressing:
    out = Addressing({}, {}, {})
    for r in replies:
        for target in (r.parent, *r.also_answers):
            if target is not None:
                _keep_max(out.by_parent, target, r.order)
        _keep_max(out.by_root, r.root, r.order)
        for handle in r.mentions:
            _keep_max(out.by_handle, handle, r.order)
    return out


def _keep_max(index: dict, key: Any, order: tuple) -> None:
    if key not in index or index[key] < order:
        index[key] = order


def creator_replies(thread: Thread) -> list[Node]:
    """Creator comments that answer an audience member."""
    seen_authors: set[str] = set()
    out = []
    for n in thread.ordered:
        if n.by_creator:
            parent = thread.parent_of(n)
            answers_parent = parent is not None and not parent.by_creator
            if answers_parent or n.also_answers or any(h in seen_authors for h in n.mentions):
                out.append(n)
        elif n.author:
            seen_authors.add(n.author)
    return out


def is_question_to_creator(node: Node, thread: Thread, creator: str | None) -> bool:
    parent = thread.parent_of(node)
    return parent is None or bool(parent.by_creator) or (creator is not None and creator.lower() in node.mentions)


def reciprocal_exchanges(thread: Thread, replies: set[str]) -> int:
    """Threads where an audience member wrote, the creator answered them, and they wrote again.

    "Again" is in the same thread, or (flat lists) top-level or in reply to a creator comment; a
    reply in another audience member's thread is a different conversation.
    """
    latest_root: dict[str, str] = {}      # author -> root of their latest comment
    wrote: dict[str, set[str]] = {}        # author -> roots where they wrote
    pending: dict[str, set[str]] = {}      # author -> roots where the creator then answered them
    counted: set[str] = set()
    for n in thread.ordered:
        if n.id in replies:
            targets = {thread.by_id[t].author for t in (n.parent, *n.also_answers) if t is not None}
            targets |= set(n.mentions)
            for author in sorted(targets - {None}):
                if n.root in wrote.get(author, ()):
                    pending.setdefault(author, set()).add(n.root)      # answered in that thread
                elif author in latest_root:
                    pending.setdefault(author, set()).add(latest_root[author])  # answered elsewhere
        elif not n.by_creator and n.author:
            waiting = pending.get(n.author)
            if waiting and n.root in waiting:
                counted.add(n.root)
                waiting.discard(n.root)
            elif waiting and (n.parent is None or _addresses_creator(n, thread)):
                counted.update(waiting)   # flat lists: a top-level follow-up continues the exchange
                waiting.clear()
            wrote.setdefault(n.author, set()).add(n.root)
            latest_root[n.author] = n.root
    return len(counted)


def _addresses_creator(node: Node, thread: Thread) -> bool:
    parent = thread.parent_of(node)
    return bool(parent is not None and parent.by_creator)


def conversation_metrics(thread: Thread, types: list[str | None], token: dict[str, bool],
                         creator: str | None) -> dict[str, Any]:
    known = creator is not None
    audience = [n for n in thread.nodes if not n.by_creator]
    top = [n for n in audience if n.parent is None]
    replies = creator_replies(thread) if known else []
    real = [r for r in replies if not token.get(r.id, False)]
    any_index, real_index = _index(replies), _index(real)
    replied = [n for n in top if any_index.after(n)]
    replied_real = [n for n in replied if real_index.after(n)]
    questions = [n for n in audience if types[n.index] == "question" and is_question_to_creator(n, thread, creator)]
    answered = [q for q in questions if real_index.after(q)]
    counts = {t: sum(1 for n in audience if types[n.index] == t) for t in ("substantive", "generic", "spam", "question")}
    share = (lambda t: round(counts[t] / len(audience), 4)) if audience else (lambda t: None)
    answered_threads = {r.root for r in replies}
    out: dict[str, Any] = {
        "comments": len(thread.nodes),
        "audience_comments": len(top),
        "creator_replies": len(replies) if known else None,
        "creator_reply_rate": round(len(replied) / len(top), 4) if known and top else None,
        "questions": len(questions),
        "questions_answered": len(answered) if known else None,
        "reciprocal_exchanges": reciprocal_exchanges(thread, {r.id for r in replies}) if known else None,
        "max_depth": thread.max_depth,
        "substantive_share": share("substantive"), "generic_share": share("generic"),
        "spam_share": share("spam"), "question_share": share("question"),
        "score": None,
        "audience_all": len(audience),
        "token_replies": len(replies) - len(real) if known else None,
        "creator_real_reply_rate": round(len(replied_real) / len(top), 4) if known and top else None,
        "threads_answered": len(answered_threads) if known else None,
    }
    return out


def build(options: "AnalysisOptions"):
    def stage(ctx: "PostContext") -> None:
        post, record = ctx.post, ctx.record
        texts = [a.text for a in ctx.comments]
        thread = build_thread(post.comments, texts, post.creator)
        types = [c["type"] for c in record["comments"]]
        token = {n.id: is_token_reply(ctx.comments[n.index])[0] for n in thread.nodes if n.by_creator}
        metrics = conversation_metrics(thread, types, token, post.creator)
        pods = post_pod_signals(post, thread, types, ctx.comments)
        score, parts = conversation_score(metrics)
        metrics["score"] = score
        metrics["score_parts"] = parts
        metrics["pod_suspected"] = pods.suspected
        metrics["pod_score"] = pods.score
        metrics["pod_evidence"] = [e.as_dict(with_weight=True) for e in pods.evidence]
        metrics["structure_warnings"] = [w.as_dict() for w in thread.warnings]
        record["conversation"].update(metrics)
        for node, out in zip(thread.nodes, record["comments"]):
            out["reply_to"] = node.parent if node.parent is not None else node.given_parent
            out["reply_inferred"] = node.inferred
            out["also_answers"] = list(node.also_answers)
            out["token_reply"] = token.get(node.id)

    return stage
