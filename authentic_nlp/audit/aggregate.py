"""Per-creator aggregation: from a creator's scored posts to the summary the report shows.

Counts are pooled, not averaged: a creator's reply rate is the share of all audience comments, over
all posts, that got a creator reply (a post with 40 comments weighs more than one with 2). Every
figure comes from the output records' contract fields; the input posts (when known) add the caption
to quote, dates, the comment authors for the cross-post pod check, and follower and like counts for
the engagement panel, which the index never reads.
"""

from __future__ import annotations

from collections import Counter
from statistics import median
from typing import Any, Sequence

from .engagement import engagement
from .index import creator_index
from .load import AuditItem

VERDICTS = ("disclosed", "weak_disclosure", "undisclosed", "organic")
COMMERCIAL = ("disclosed", "weak_disclosure", "undisclosed")
SEVERITY = {"undisclosed": 0, "weak_disclosure": 1}
LIKELY_UNDISCLOSED_AT = 0.5     # probability from which an unlabelled post is listed as a likely hidden ad
WORST_EXAMPLES = 5
LIKELY_LISTED = 10
HIST_BINS = 10
COMMENT_EXAMPLES = 5


def _r(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def _ratio(num: float, den: float) -> float | None:
    return _r(num / den) if den else None


def histogram(values: Sequence[float], bins: int = HIST_BINS) -> list[int]:
    counts = [0] * bins
    for v in values:
        counts[min(bins - 1, max(0, int(v * bins)))] += 1
    return counts


def post_date(item: AuditItem) -> str | None:
    post = item.post
    return post.created_at.strftime("%Y-%m-%d") if post is not None and post.created_at else None


def _conversation(records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    sums: Counter[str] = Counter()
    share_sums: Counter[str] = Counter()
    for r in records:
        conv = r.get("conversation") or {}
        audience = conv.get("audience_comments") or 0
        if conv.get("creator_reply_rate") is not None:
            sums["reply_base"] += audience
            sums["replied"] += conv["creator_reply_rate"] * audience
            real = conv.get("creator_real_reply_rate")
            sums["real_replied"] += (real if real is not None else conv["creator_reply_rate"]) * audience
        for key in ("comments", "audience_comments", "creator_replies", "questions", "questions_answered",
                    "reciprocal_exchanges", "threads_answered", "token_replies"):
            sums[key] += conv.get(key) or 0
        base = conv.get("audience_all", audience) or 0
        if conv.get("substantive_share") is not None:
            sums["share_base"] += base
            for kind in ("substantive", "generic", "spam", "question"):
                share_sums[kind] += (conv.get(f"{kind}_share") or 0) * base
    scores = [r["conversation"]["score"] for r in records if (r.get("conversation") or {}).get("score") is not None]
    return {
        "comments": sums["comments"], "audience_comments": sums["audience_comments"],
        "creator_replies": sums["creator_replies"], "token_replies": sums["token_replies"],
        "creator_reply_rate": _ratio(sums["replied"], sums["reply_base"]),
        "creator_real_reply_rate": _ratio(sums["real_replied"], sums["reply_base"]),
        "questions": sums["questions"], "questions_answered": sums["questions_answered"],
        "questions_answered_rate": _ratio(sums["questions_answered"], sums["questions"]),
        "reciprocal_exchanges": sums["reciprocal_exchanges"], "threads_answered": sums["threads_answered"],
        "reciprocity": _ratio(sums["reciprocal_exchanges"], sums["threads_answered"]),
        "shares": {kind: _ratio(share_sums[kind], sums["share_base"])
                   for kind in ("substantive", "question", "generic", "spam")},
        "score_mean": _r(sum(scores) / len(scores)) if scores else None,
        "posts_with_score": len(scores),
    }


def _verdict_item(record: dict[str, Any]) -> dict[str, Any] | None:
    return next((e for e in record["sponsorship"].get("evidence") or [] if e.get("kind") == "verdict"), None)


def _example(item: AuditItem) -> dict[str, Any]:
    record = item.record
    spons = record["sponsorship"]
    decisive = _verdict_item(record)
    spans = [{"start": e["start"], "end": e["end"], "kind": e["kind"], "rule": e.get("rule"), "text": e["text"]}
             for e in spons.get("evidence") or [] if e.get("start") is not None and e.get("kind") != "verdict"]
    return {"id": record["id"], "date": post_date(item), "platform": record.get("platform"),
            "verdict": spons.get("verdict"), "probability": spons.get("probability"), "market": spons.get("market"),
            "rule": decisive.get("rule") if decisive else None, "why": decisive.get("note") if decisive else None,
            "caption": caption_text(item), "spans": spans}


def caption_text(item: AuditItem) -> str | None:
    """The caption as the analyzers saw it (evidence offsets point into this normalized text)."""
    if item.post is None:
        return None
    from ..text.normalize import normalize

    return normalize(item.post.text)


def _disclosure(items: Sequence[AuditItem]) -> dict[str, Any]:
    verdicts = Counter(i.record["sponsorship"].get("verdict") for i in items)
    posts = len(items)
    counts = {v: verdicts.get(v, 0) for v in VERDICTS}
    unknown = posts - sum(counts.values())
    commercial = sum(counts[v] for v in COMMERCIAL)
    bad = sorted((i for i in items if i.record["sponsorship"].get("verdict") in SEVERITY),
                 key=lambda i: (SEVERITY[i.record["sponsorship"]["verdict"]],
                                -(i.record["sponsorship"].get("probability") or 0), i.record["id"]))
    likely = sorted((i for i in items if i.record["sponsorship"].get("verdict") in ("undisclosed", "organic")
                     and (i.record["sponsorship"].get("probability") or 0) >= LIKELY_UNDISCLOSED_AT),
                    key=lambda i: (-(i.record["sponsorship"]["probability"]), i.record["id"]))
    return {
        "counts": counts, "unknown": unknown,
        "rates": {v: _ratio(counts[v], posts) for v in VERDICTS},
        "commercial_posts": commercial,
        "disclosed_share_of_commercial": _ratio(counts["disclosed"], commercial),
        "worst_examples": [_example(i) for i in bad[:WORST_EXAMPLES]],
        "likely_undisclosed": [_example(i) for i in likely[:LIKELY_LISTED]],
        "likely_undisclosed_count": len(likely),
        "likely_undisclosed_threshold": LIKELY_UNDISCLOSED_AT,
    }


def _timeline(items: Sequence[AuditItem]) -> list[dict[str, Any]]:
    months: dict[str, list[AuditItem]] = {}
    for item in items:
        day = post_date(item)
        if day is not None:
            months.setdefault(day[:7], []).append(item)
    out = []
    for month in sorted(months):
        group = months[month]
        conv = _conversation([i.record for i in group])
        verdicts = Counter(i.record["sponsorship"].get("verdict") for i in group)
        out.append({"month": month, "posts": len(group), "verdicts": {v: verdicts.get(v, 0) for v in VERDICTS},
                    "creator_reply_rate": conv["creator_reply_rate"], "audience_comments": conv["audience_comments"]})
    return out


def _pods(items: Sequence[AuditItem]) -> dict[str, Any]:
    suspected = [i.record["id"] for i in items if (i.record.get("conversation") or {}).get("pod_suspected")]
    out: dict[str, Any] = {"posts_pod_suspected": len(suspected), "post_ids": suspected[:20]}
    pairs = [(i.post, i.record) for i in items if i.post is not None]
    if pairs:
        from ..analyzers.pods import creator_pod_signals

        cross = creator_pod_signals(pairs)
        out.update(recurring_generic_accounts=cross["recurring_generic_accounts"][:20],
                   fast_recurring_accounts=cross["fast_recurring_accounts"], cross_post_suspected=cross["suspected"])
    out["suspected"] = bool(out.get("cross_post_suspected")) or (len(items) > 0 and len(suspected) / len(items) >= 0.3)
    return out


def _comment_quote(item: AuditItem, index: int) -> dict[str, Any]:
    from ..text.normalize import normalize

    comment, out = item.post.comments[index], item.record["comments"][index]
    return {"post": item.record["id"], "id": comment.id, "author": comment.author, "text": normalize(comment.text),
            "type": out.get("type"), "spans": [e for e in out.get("evidence") or [] if e.get("start") is not None]}


def _comment_examples(items: Sequence[AuditItem]) -> dict[str, list[dict[str, Any]]]:
    """Comments worth reading: audience questions left without a real answer, the creator's real
    answers, and spam (each quoted with the evidence behind its type)."""
    unanswered, answers, spam = [], [], []
    for item in items:
        if item.post is None or len(item.post.comments) != len(item.record.get("comments") or []):
            continue
        outs = item.record["comments"]
        answered: set[str] = set()
        for out in outs:
            if out.get("by_creator") and not out.get("token_reply"):
                answered.update(x for x in [out.get("reply_to"), *(out.get("also_answers") or [])] if x)
        for index, out in enumerate(outs):
            if out.get("by_creator"):
                if not out.get("token_reply") and out.get("reply_to"):
                    answers.append(_comment_quote(item, index))
            elif out.get("type") == "question" and out.get("id") not in answered:
                unanswered.append(_comment_quote(item, index))
            elif out.get("type") == "spam":
                spam.append(_comment_quote(item, index))
    return {"unanswered_questions": unanswered[:COMMENT_EXAMPLES], "unanswered_count": len(unanswered),
            "creator_answers": answers[:COMMENT_EXAMPLES], "spam": spam[:COMMENT_EXAMPLES], "spam_count": len(spam)}


def _sincerity(records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    scores = [r["sincerity"]["score"] for r in records if (r.get("sincerity") or {}).get("score") is not None]
    return {"posts": len(scores), "mean": _r(sum(scores) / len(scores)) if scores else None,
            "median": _r(median(scores)) if scores else None, "histogram": histogram(scores),
            "low_share": _ratio(sum(1 for s in scores if s < 0.4), len(scores)),
            "high_share": _ratio(sum(1 for s in scores if s >= 0.6), len(scores))}


def summarize_creator(creator: str, items: Sequence[AuditItem]) -> dict[str, Any]:
    """The creator's summary (plain data, JSON-ready). `items` in any order; sorted by date, then id."""
    items = sorted(items, key=lambda i: (post_date(i) or "", i.record["id"]))
    records = [i.record for i in items]
    qualities = [r.get("interaction_quality") for r in records]
    index = creator_index((r.get("interaction_quality"), (r.get("conversation") or {}).get("audience_all",
                           (r.get("conversation") or {}).get("audience_comments")) or 0) for r in records)
    dates = [d for d in map(post_date, items) if d]
    known = [i.post for i in items if i.post is not None]
    return {
        "creator": creator,
        "posts": len(items),
        "first_post": dates[0] if dates else None, "last_post": dates[-1] if dates else None,
        "platforms": dict(sorted(Counter(r.get("platform") or "other" for r in records).items())),
        "languages": dict(sorted(Counter((r.get("language") or {}).get("code") or "und" for r in records).items())),
        "markets": dict(sorted(Counter(r["sponsorship"].get("market") or "unknown" for r in records).items())),
        "market_sources": dict(sorted(Counter(r["sponsorship"].get("market_source") or "unknown"
                                              for r in records).items())),
        "index": index.as_dict(),
        "interaction_quality": {"histogram": histogram([q for q in qualities if q is not None]),
                                "posts": sum(q is not None for q in qualities)},
        "sincerity": _sincerity(records),
        "disclosure": _disclosure(items),
        "conversation": _conversation(records),
        "comment_examples": _comment_examples(items),
        "pods": _pods(items),
        "timeline": _timeline(items),
        "engagement": engagement((p.followers, p.likes, len(p.comments)) for p in known) if known else None,
        "post_rows": [{"id": i.record["id"], "date": post_date(i), "platform": i.record.get("platform"),
                       "verdict": i.record["sponsorship"].get("verdict"),
                       "probability": i.record["sponsorship"].get("probability"),
                       "sincerity": i.record["sincerity"].get("score"),
                       "conversation": (i.record.get("conversation") or {}).get("score"),
                       "reply_rate": (i.record.get("conversation") or {}).get("creator_reply_rate"),
                       "audience_comments": (i.record.get("conversation") or {}).get("audience_comments"),
                       "interaction_quality": i.record.get("interaction_quality")} for i in items],
    }
