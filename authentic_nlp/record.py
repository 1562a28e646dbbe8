"""The output side of the data contract: one scored post per record.

`empty_record` carries every contract field from the start; an analyzer that has nothing to say
leaves its fields null, never a made-up value. Key order is fixed here, so output is byte-stable.
"""

from __future__ import annotations

from typing import Any

from .schema import Post

# fmt: off
CONVERSATION_FIELDS = (
    "comments", "audience_comments", "creator_replies", "creator_reply_rate", "questions",
    "questions_answered", "reciprocal_exchanges", "max_depth", "substantive_share",
    "generic_share", "spam_share", "question_share", "score",
)
# Fields added beside the contract's (README, "Output"): declared here so every writer has a column for them.
CONVERSATION_EXTRA_FIELDS = (
    "audience_all", "token_replies", "creator_real_reply_rate", "threads_answered",
    "pod_suspected", "pod_score", "pod_evidence", "structure_warnings",
)
SCORE_PARTS = ("reply", "answers", "reciprocity", "creator", "audience", "basis")
QUALITY_BASIS = ("conversation", "sincerity", "disclosure_factor", "verdict")
# fmt: on


def empty_language() -> dict[str, Any]:
    return {"code": None, "confidence": None, "mixed": None}


def empty_record(post: Post) -> dict[str, Any]:
    return {
        "id": post.id,
        "creator": post.creator,
        "platform": post.platform,
        "language": empty_language(),
        "sponsorship": {"verdict": None, "probability": None, "market": None, "market_source": None,
                        "market_evidence": [], "evidence": []},
        "sincerity": {"score": None, "confidence": None, "evidence": []},
        "conversation": {
            **{name: None for name in CONVERSATION_FIELDS + CONVERSATION_EXTRA_FIELDS},
            "score_parts": {name: None for name in SCORE_PARTS},
        },
        "comments": [
            {"id": c.id, "language": empty_language(), "type": None, "by_creator": None,
             "reply_to": c.reply_to, "evidence": []}
            for c in post.comments
        ],
        "interaction_quality": None,
        "interaction_quality_basis": {name: None for name in QUALITY_BASIS},
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
