"""The output side of the data contract: one scored post per record, and its typed schema.

`RECORD_SCHEMA` declares every output field with its type; the CSV columns and the Parquet (Arrow)
schema are built from it, so every writer knows its columns before the first record arrives.
`empty_record` carries every contract field from the start; an analyzer that has nothing to say
leaves its fields null, never a made-up value. Key order is fixed here, so output is byte-stable.

The record carries the input's own fields (`text`, `created_at`, `likes`, `followers`, `url`, and
per comment `author`, `text`, `created_at`) so that a scored file stands alone. Its `text` is the
*normalized* text (`text.normalize`), the very string the analyzers read: every evidence offset
indexes into it (`offset_errors` checks that).
"""

from __future__ import annotations

from typing import Any, Iterator

from .schema import Post, iso_time

# Types: "str", "int", "float", "bool" (null allowed everywhere); a dict is a nested record; a
# one-element list is a list of that type.
# fmt: off
LANGUAGE = {"code": "str", "confidence": "float", "mixed": "bool"}
EVIDENCE = {"kind": "str", "text": "str", "start": "int", "end": "int", "rule": "str", "weight": "float",
            "note": "str"}
# sincerity evidence from a creator's other posts (near-duplicate captions) names the other post
SINCERITY_EVIDENCE = {**EVIDENCE, "similar_to": "str", "similarity": "float"}
# pod evidence quotes a comment: `comment` is its id, offsets index into that comment's `text`
POD_EVIDENCE = {**EVIDENCE, "comment": "str"}
STRUCTURE_WARNING = {"kind": "str", "comment_id": "str", "detail": "str"}
COMMENT = {
    "id": "str", "author": "str", "text": "str", "created_at": "str", "language": LANGUAGE,
    "type": "str", "by_creator": "bool", "reply_to": "str", "reply_inferred": "bool",
    "also_answers": ["str"], "token_reply": "bool", "evidence": [EVIDENCE],
}
CONVERSATION = {
    "comments": "int", "audience_comments": "int", "creator_replies": "int", "creator_reply_rate": "float",
    "questions": "int", "questions_answered": "int", "reciprocal_exchanges": "int", "max_depth": "int",
    "substantive_share": "float", "generic_share": "float", "spam_share": "float", "question_share": "float",
    "score": "float",
    # added beside the contract's (README, "Output")
    "audience_all": "int", "token_replies": "int", "creator_real_reply_rate": "float", "threads_answered": "int",
    "pod_suspected": "bool", "pod_score": "float", "pod_evidence": [POD_EVIDENCE],
    "structure_warnings": [STRUCTURE_WARNING],
    "score_parts": {"reply": "float", "answers": "float", "reciprocity": "float", "creator": "float",
                    "audience": "float", "basis": "str"},
}
RECORD_SCHEMA: dict[str, Any] = {
    "id": "str", "creator": "str", "platform": "str",
    "text": "str", "created_at": "str", "likes": "int", "followers": "int", "url": "str",
    "language": LANGUAGE,
    "sponsorship": {"verdict": "str", "probability": "float", "market": "str", "market_source": "str",
                    "market_evidence": [EVIDENCE], "evidence": [EVIDENCE]},
    "sincerity": {"score": "float", "confidence": "float", "evidence": [SINCERITY_EVIDENCE]},
    "conversation": CONVERSATION,
    "comments": [COMMENT],
    "interaction_quality": "float",
    "interaction_quality_basis": {"conversation": "float", "sincerity": "float", "disclosure_factor": "float",
                                  "verdict": "str"},
}
CONVERSATION_EXTRA_FIELDS = (
    "audience_all", "token_replies", "creator_real_reply_rate", "threads_answered",
    "pod_suspected", "pod_score", "pod_evidence", "structure_warnings",
)
CONVERSATION_FIELDS = tuple(name for name in CONVERSATION
                            if name not in CONVERSATION_EXTRA_FIELDS and name != "score_parts")
TEXT_FIELDS = ("text",)  # left out by --no-text, in the record and in each comment
# fmt: on


def empty_language() -> dict[str, Any]:
    return {"code": None, "confidence": None, "mixed": None}


def empty_record(post: Post, text: str | None = None, comment_texts: list[str] | None = None) -> dict[str, Any]:
    """The record before any analyzer ran. `text` and `comment_texts` are the normalized texts the
    analyzers read (normalized here when not given)."""
    if text is None or comment_texts is None:
        from .text.normalize import normalize

        text = normalize(post.text) if text is None else text
        comment_texts = [normalize(c.text) for c in post.comments] if comment_texts is None else comment_texts
    return {
        "id": post.id,
        "creator": post.creator,
        "platform": post.platform,
        "text": text,
        "created_at": iso_time(post.created_at),
        "likes": post.likes,
        "followers": post.followers,
        "url": post.url,
        "language": empty_language(),
        "sponsorship": {"verdict": None, "probability": None, "market": None, "market_source": None,
                        "market_evidence": [], "evidence": []},
        "sincerity": {"score": None, "confidence": None, "evidence": []},
        "conversation": {
            **{name: None for name in CONVERSATION if name != "score_parts"},
            "score_parts": {name: None for name in CONVERSATION["score_parts"]},
        },
        "comments": [
            {"id": c.id, "author": c.author, "text": clean, "created_at": iso_time(c.created_at),
             "language": empty_language(), "type": None, "by_creator": None, "reply_to": c.reply_to, "evidence": []}
            for c, clean in zip(post.comments, comment_texts)
        ],
        "interaction_quality": None,
        "interaction_quality_basis": {name: None for name in RECORD_SCHEMA["interaction_quality_basis"]},
    }


def strip_evidence(record: dict[str, Any]) -> dict[str, Any]:
    """`--no-evidence`: drop the evidence lists (scores are unchanged)."""
    for section in ("sponsorship", "sincerity"):
        record[section].pop("evidence", None)
    record["sponsorship"].pop("market_evidence", None)
    for comment in record["comments"]:
        comment.pop("evidence", None)
    record["conversation"]["pod_evidence"] = None  # a declared column: emptied, not removed
    return record


def strip_texts(record: dict[str, Any]) -> dict[str, Any]:
    """`--no-text`: drop the caption and the comment texts (evidence keeps its quoted spans)."""
    for name in TEXT_FIELDS:
        record.pop(name, None)
        for comment in record.get("comments") or []:
            comment.pop(name, None)
    return record


def _evidence_lists(record: dict[str, Any]) -> Iterator[tuple[str, list[dict[str, Any]], str | None]]:
    """(where, evidence list, the text its offsets index into) for every evidence list of a record."""
    comments = record.get("comments") or []
    by_id = {c.get("id"): c.get("text") for c in comments}
    sponsorship = record.get("sponsorship") or {}
    yield "sponsorship.market_evidence", sponsorship.get("market_evidence") or [], record.get("text")
    for section in ("sponsorship", "sincerity"):
        yield section, (record.get(section) or {}).get("evidence") or [], record.get("text")
    for index, comment in enumerate(comments):
        yield f"comments[{index}]", comment.get("evidence") or [], comment.get("text")
    for item in (record.get("conversation") or {}).get("pod_evidence") or []:
        yield "conversation.pod_evidence", [item], by_id.get(item.get("comment"))


def offset_errors(record: dict[str, Any]) -> list[str]:
    """Every evidence item with a span whose text is not `text[start:end]` of the text it points into
    (the caption, its comment, or the comment a pod item names); [] when all hold."""
    errors = []
    for where, items, text in _evidence_lists(record):
        for item in items:
            start, end = item.get("start"), item.get("end")
            if start is None and end is None:
                continue
            if text is None or start is None or end is None or text[start:end] != item.get("text"):
                quoted = None if text is None or start is None or end is None else text[start:end]
                errors.append(f"{record.get('id')} {where}: {item.get('kind')} {item.get('text')!r} "
                              f"at [{start}:{end}] reads {quoted!r}")
    return errors
