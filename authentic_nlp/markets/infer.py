"""Which market's disclosure rules apply to a post, and the evidence that decided it.

    --market (option)  >  the input's `market` field (input)  >  inferred from the caption  >  default

Inference reads the caption's cues to a market (`market_cues.yaml`: currency signs and codes,
country domains and regional stores in links, British or American spelling and vocabulary, places,
retailers that trade in one market) and its language (Italian counts LANGUAGE_WEIGHT towards `it`):

    score(m) = Σ weight of the distinct cue words pointing to m  (+ LANGUAGE_WEIGHT for `it` on an Italian caption)

The best market wins when its score is at least MIN_SCORE and leads the next by at least
MIN_MARGIN (source `inferred`); otherwise the default applies (source `default`: `it` for an
Italian caption, `us` for any other), with whatever evidence there was listed. Each evidence item is
`{kind, text, start, end, rule, weight, note}` with offsets into the normalized caption; a last item
without a span states the scores and the decision.

A creator's other posts decide the posts that have no evidence of their own (source `creator`):
`analyzers/market_creator.py`, where posts of one creator are given together.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..cues import entry_error, load_package_yaml, package_label
from ..evidence import Evidence, evidence_list
from .loader import WORD, PrefilteredCues, build_entries, fast_fold

CUE_KINDS = ("currency", "domain", "handle", "spelling", "vocabulary", "place", "retailer")
MARKET_CODES = ("it", "us", "uk")
LANGUAGE_WEIGHT = 0.3     # an Italian caption leans to `it`; alone it is the default, not a decision
MIN_SCORE = 0.5           # the least a market needs to be inferred (one spelling cue)
MIN_MARGIN = 0.5          # ... and its lead over the next market
DECISION_RULE = "markets.infer.decision"
LANGUAGE_RULE = "markets.infer.language"

SOURCES = ("option", "input", "inferred", "default", "creator")


@dataclass(frozen=True)
class MarketChoice:
    """The market applied to a post, where the choice came from, and the evidence behind it."""

    code: str
    source: str                               # one of SOURCES
    evidence: tuple[Evidence, ...] = ()

    def evidence_dicts(self) -> list[dict[str, Any]]:
        return evidence_list(list(self.evidence), with_rule=True)


def default_market(language: str | None) -> str:
    return "it" if language == "it" else "us"


@lru_cache(maxsize=1)
def load_market_cues() -> PrefilteredCues:
    """The shipped market cues, validated (E201 names the entry and its line on a bad one)."""
    package, name = "authentic_nlp.markets", "market_cues.yaml"
    path = package_label(package, name)
    cues = build_entries(load_package_yaml(package, name), path, CUE_KINDS)
    for cue in cues:
        if cue.extra.get("market") not in MARKET_CODES:
            raise entry_error(path, {"id": cue.id}, f"market must be one of {', '.join(MARKET_CODES)}")
    return cues


def resolve_market(forced: str | None, post_market: str | None, text: str, language: str | None,
                   cues: PrefilteredCues | None = None, folded: str | None = None,
                   words: set[str] | None = None) -> MarketChoice:
    """The market for one post: `--market`, else the input's field, else inferred from `text`.
    `folded` and `words` (`fast_fold(text)` and its `\\w+` runs) may be passed in when known."""
    if forced:
        return MarketChoice(forced, "option")
    if post_market:
        return MarketChoice(post_market, "input")
    return infer_market(text, language, cues, folded, words)


def infer_market(text: str, language: str | None, cues: PrefilteredCues | None = None,
                 folded: str | None = None, words: set[str] | None = None) -> MarketChoice:
    """The market a normalized caption points to (offsets of the evidence index into `text`)."""
    cues = cues if cues is not None else load_market_cues()
    folded = fast_fold(text) if folded is None else folded
    words = set(WORD.findall(folded)) if words is None else words
    scores: Counter[str] = Counter()
    evidence: list[Evidence] = []
    seen: set[tuple[str, str]] = set()
    for match in cues.find(text, folded, words):
        key = (match.cue.id, folded[match.start:match.end])
        if key in seen:                     # each word of a cue counts once; its first occurrence is cited
            continue
        seen.add(key)
        market = match.cue.extra["market"]
        scores[market] += match.cue.weight
        evidence.append(Evidence(match.cue.kind, match.text, match.start, match.end, match.cue.id,
                                 match.cue.weight, f"points to {market}"))
    if language == "it":
        scores["it"] += LANGUAGE_WEIGHT
        evidence.append(Evidence("language", "it", None, None, LANGUAGE_RULE, LANGUAGE_WEIGHT,
                                 "an Italian caption points to it"))
    ranked = sorted(((round(s, 4), m) for m, s in scores.items()), key=lambda x: (-x[0], x[1]))
    top, second = (ranked + [(0.0, ""), (0.0, "")])[:2]
    if top[0] >= MIN_SCORE and top[0] - second[0] >= MIN_MARGIN:
        code, source, why = top[1], "inferred", "inferred"
    else:
        code, source = default_market(language), "default"
        why = "no cue to a market" if not ranked else "cues too weak or in conflict"
        why += f": default for {'an Italian' if language == 'it' else 'a non-Italian'} caption"
    if evidence or source == "default":
        table = ", ".join(f"{m} {s:g}" for s, m in ranked) or "no cue"
        evidence.append(Evidence("market", code, None, None, DECISION_RULE, note=f"{table}: {why}"))
    return MarketChoice(code, source, tuple(evidence))
