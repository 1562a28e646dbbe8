"""The creator's other posts decide the market of posts that have no evidence of their own.

Where a creator's posts are given together (`analyze_posts`, `authentic-nlp audit`), the markets
inferred with evidence (`sponsorship.market_source == "inferred"`: a pound sign, a `.co.uk` link,
British spelling, an Italian caption...) vote; a strict majority decides every post of that
creator whose market was only the default (`"default"`). Such a post gets `market_source:
"creator"` and an evidence item without a span naming the vote; where the vote differs from the
default, its sponsorship section is recomputed under the voted market's rules (the verdict can
change: "Sponsored by" is accepted by the FTC, not by the ASA) and `interaction_quality` with it.
Posts whose market came from `--market`, the input, or their own evidence never change.

`authentic-nlp score` streams and judges each post on its own: no vote there.
"""

from __future__ import annotations

from collections import Counter
from types import SimpleNamespace
from typing import Any, Callable, Sequence

from ..evidence import Evidence
from ..markets.infer import MarketChoice

VOTE_RULE = "markets.infer.creator_vote"
# Recompute a record's sponsorship section under a market choice: (post, record, choice) -> None.
Rescore = Callable[[Any, dict[str, Any], MarketChoice], None]


def creator_vote(records: Sequence[dict[str, Any]]) -> tuple[str, int, int] | None:
    """(market, votes for it, posts with evidence) when a strict majority of the creator's posts with
    market evidence agree; None otherwise."""
    inferred = [r["sponsorship"].get("market") for r in records
                if (r.get("sponsorship") or {}).get("market_source") == "inferred"]
    if not inferred:
        return None
    market, votes = Counter(inferred).most_common(1)[0]
    return (market, votes, len(inferred)) if 2 * votes > len(inferred) else None


def apply_creator_market(posts: Sequence[Any], records: Sequence[dict[str, Any]], rescore: Rescore) -> int:
    """Decide the default-market posts of one creator by the vote; returns how many posts it decided."""
    vote = creator_vote(records)
    if vote is None:
        return 0
    market, votes, total = vote
    item = Evidence("creator_posts", market, None, None, VOTE_RULE,
                    note=f"{votes} of the creator's {total} posts with market evidence point to {market}")
    decided = 0
    for post, record in zip(posts, records):
        section = record["sponsorship"]
        if section.get("market_source") != "default":
            continue
        decided += 1
        own = [Evidence(e["kind"], e["text"], e["start"], e["end"], e.get("rule"), e.get("weight"), e.get("note"))
               for e in section.get("market_evidence") or [] if e.get("kind") != "market"]
        choice = MarketChoice(market, "creator", (*own, item))
        if section.get("market") == market:
            section["market_source"] = "creator"
            if "market_evidence" in section:
                section["market_evidence"] = choice.evidence_dicts()
        else:
            rescore(post, record, choice)
    return decided


class SponsorshipRescorer:
    """Reruns the sponsorship stage on one post under a given market, then `interaction_quality`.
    `stage` is an already built sponsorship stage, or None to build one from `options` on first use."""

    def __init__(self, stage: Callable | None = None, options: Any = None) -> None:
        self._stage, self._options = stage, options

    def __call__(self, post: Any, record: dict[str, Any], choice: MarketChoice) -> None:
        from ..text.langid import LanguageResult
        from ..text.normalize import normalize
        from .quality import interaction_quality

        if self._stage is None:
            from .sponsorship import build

            self._stage = build(self._options)
        language = record.get("language") or {}
        caption = SimpleNamespace(text=normalize(post.text),
                                  language=LanguageResult(language.get("code") or "und", language.get("confidence") or 0.0))
        had_evidence = "evidence" in record["sponsorship"]
        self._stage(SimpleNamespace(post=post, caption=caption, comments=[], record=record, market_choice=choice))
        if not had_evidence:                        # --no-evidence: the lists stay out
            record["sponsorship"].pop("evidence", None)
            record["sponsorship"].pop("market_evidence", None)
        if "interaction_quality" in record:
            record["interaction_quality"], record["interaction_quality_basis"] = interaction_quality(record)
