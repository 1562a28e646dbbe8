"""`conversation.score`: one number in [0, 1] a brand can recompute by hand from the other fields.

    reply       = (creator_reply_rate + creator_real_reply_rate) / 2
                  share of audience top-level comments the creator answered; a token-only answer
                  ("grazie ❤️") counts half
    answers     = questions_answered / questions
    reciprocity = min(1, reciprocal_exchanges / threads_answered)
    creator     = weighted mean of those that are defined: reply 0.40, answers 0.35, reciprocity 0.25
    audience    = substantive_share + question_share + 0.25 * generic_share      (spam counts 0)
                = 1 - 0.75 * generic_share - spam_share
    score       = 0.5 * creator + 0.5 * audience

A part is left out when it is undefined (no questions, no answered threads, no top-level audience
comments); without a known creator the score is the audience part alone (`basis: audience_only`).
Without audience comments the score is null. Follower and like counts are never used.
"""

from __future__ import annotations

from typing import Any

CREATOR_WEIGHTS = (("reply", 0.40), ("answers", 0.35), ("reciprocity", 0.25))
GENERIC_CREDIT = 0.25
HALF = 0.5


def _ratio(num: int | None, den: int | None) -> float | None:
    if num is None or not den:
        return None
    return min(1.0, num / den)


def creator_part(m: dict[str, Any]) -> tuple[float | None, dict[str, float | None]]:
    rate, real = m.get("creator_reply_rate"), m.get("creator_real_reply_rate")
    parts = {
        "reply": None if rate is None or real is None else (rate + real) / 2,
        "answers": _ratio(m.get("questions_answered"), m.get("questions")),
        "reciprocity": _ratio(m.get("reciprocal_exchanges"), m.get("threads_answered")),
    }
    defined = [(parts[name], w) for name, w in CREATOR_WEIGHTS if parts[name] is not None]
    if not defined:
        return None, parts
    return sum(v * w for v, w in defined) / sum(w for _v, w in defined), parts


def audience_part(m: dict[str, Any]) -> float | None:
    if not m.get("audience_all"):
        return None
    value = m["substantive_share"] + m["question_share"] + GENERIC_CREDIT * m["generic_share"]
    return max(0.0, min(1.0, value))


def conversation_score(m: dict[str, Any]) -> tuple[float | None, dict[str, Any]]:
    """The score and its parts, each rounded to 4 decimals."""
    creator, parts = creator_part(m)
    audience = audience_part(m)
    if audience is None:
        score, basis = None, "no_audience"
    elif creator is None:
        score, basis = audience, "audience_only"
    else:
        score, basis = HALF * creator + HALF * audience, "creator_and_audience"
    out = {name: _round(v) for name, v in parts.items()}
    out.update({"creator": _round(creator), "audience": _round(audience), "basis": basis})
    return _round(score), out


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
