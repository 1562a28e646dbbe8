"""`to_convokit`: scored posts as a ConvoKit `Corpus`, for the conversation tools analysts know.

    corpus = to_convokit(records, posts)

One conversation per post: the caption is its root utterance (speaker: the creator), each comment
an utterance with `reply_to` (given or inferred; a top-level comment replies to the caption) and
its speaker (the comment's author; the creator for the creator's replies). Metadata:

- conversation: `sponsorship.verdict`, `sponsorship.probability`, `sincerity.score`,
  `interaction_quality` and every `conversation.*` metric, under the same dotted names as the CSV;
- utterance: the comment's `type`, `language`, `by_creator` (the caption: its language).

`records` are scored records (`Analyzer.pipe`, `analyze_posts`, `read_scored`); `posts` are the
contract records they were scored from (matched by id), which give the texts and comment authors
that the output does not repeat. Without them texts come from the records where present and
speakers are "unknown". ConvoKit is an optional extra (`pip install 'authentic-nlp[convokit]'`).
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from ..errors import AuthenticNLPError

UNKNOWN_SPEAKER = "unknown"
CONVERSATION_KEYS = ("sponsorship.verdict", "sponsorship.probability", "sincerity.score", "interaction_quality")


def _require_convokit() -> Any:
    try:
        import convokit
    except ImportError:
        raise AuthenticNLPError("E302", what="to_convokit", package="convokit",
                                extra="authentic-nlp[convokit]") from None
    return convokit


def _conversation_meta(record: Mapping[str, Any]) -> dict[str, Any]:
    from ..io.columns import flatten_record

    flat = flatten_record(record)
    keys = CONVERSATION_KEYS + tuple(k for k in flat if k.startswith("conversation."))
    return {key: flat.get(key) for key in keys}


def _utterances(convokit: Any, record: Mapping[str, Any], post: Mapping[str, Any]) -> list[Any]:
    post_id = str(record["id"])
    creator = record.get("creator") or post.get("creator") or UNKNOWN_SPEAKER
    language = (record.get("language") or {}).get("code")
    root = convokit.Utterance(id=post_id, speaker=convokit.Speaker(id=creator), conversation_id=post_id,
                              reply_to=None, text=record.get("text", post.get("text", "")),
                              meta={"language": language, "by_creator": True, "type": "post"})
    out = [root]
    given = {str(c.get("id")): c for c in post.get("comments") or [] if isinstance(c, Mapping)}
    for comment in record.get("comments") or []:
        source = given.get(str(comment["id"]), {})
        speaker = creator if comment.get("by_creator") else source.get("author") or UNKNOWN_SPEAKER
        out.append(convokit.Utterance(
            id=f"{post_id}/{comment['id']}", speaker=convokit.Speaker(id=speaker), conversation_id=post_id,
            reply_to=f"{post_id}/{comment['reply_to']}" if comment.get("reply_to") else post_id,
            text=comment.get("text", source.get("text", "")),
            meta={"type": comment.get("type"), "language": (comment.get("language") or {}).get("code"),
                  "by_creator": comment.get("by_creator")}))
    return out


def to_convokit(records: Iterable[Mapping[str, Any]], posts: Iterable[Mapping[str, Any]] | None = None) -> Any:
    """A ConvoKit `Corpus` of the scored posts (see the module docstring)."""
    convokit = _require_convokit()
    by_id = {str(p.get("id")): p for p in posts or [] if isinstance(p, Mapping)}
    records = list(records)
    utterances = [u for r in records for u in _utterances(convokit, r, by_id.get(str(r["id"]), {}))]
    corpus = convokit.Corpus(utterances=utterances)
    for record in records:
        corpus.get_conversation(str(record["id"])).meta.update(_conversation_meta(record))
    return corpus
