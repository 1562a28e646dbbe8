"""Negated and non-commercial phrases: what a label or signal word means when the caption denies it.

Two kinds of negation cue (kind `negation` in lang/<it|en>/commercial.yaml, key `negates`):

- `next`: a negator with its filler words ("nessun", "non è una", "not an", "no"); it cancels the
  label or signal that starts right after it (only spaces, quotes, "(" or ":" between): "nessun
  link affiliato", "Not sponsored, I paid for it myself", "non è una collaborazione", "this is not an ad";
- `span`: a phrase that is itself not commercial; it cancels every label and signal it overlaps, and
  the @accounts inside it are not brands: "#notsponsored", "sponsored by nobody", "#gifted by my
  mom" (a gift from a person), "collab with @producer is out" (a release made with another creator).

Cancelled items become `negation` evidence (the cue, with a note naming what it cancels); they
neither show a relationship nor raise the probability.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..evidence import Evidence

GAP = re.compile(r"[\s\"'“«(:]{0,3}")


@dataclass(frozen=True, slots=True)
class NegationHit:
    rule: str
    mode: str  # next | span
    start: int
    end: int
    text: str


def find_negations(text: str, folded: str, words: set[str], negations) -> list[NegationHit]:
    if negations is None or not negations.cues:
        return []
    return [NegationHit(m.cue.id, m.cue.extra["negates"], m.start, m.end, m.text)
            for m in negations.find(text, folded, words)]


def negated_by(start: int, end: int, text: str, negations: list[NegationHit]) -> NegationHit | None:
    """The negation that cancels the item at [start, end), if any."""
    for neg in negations:
        if neg.mode == "span":
            if start < neg.end and neg.start < end:
                return neg
        elif neg.end <= start and GAP.fullmatch(text[neg.end:start]):
            return neg
    return None


def inside_span(start: int, negations: list[NegationHit]) -> bool:
    """Whether a position (an @mention) lies inside a non-commercial phrase."""
    return any(n.mode == "span" and n.start <= start < n.end for n in negations)


def drop_negated(items: list, text: str, negations: list[NegationHit]) -> tuple[list, list[Evidence]]:
    """The items (labels or signals) no negation cancels, and a `negation` evidence item per cancelled one."""
    kept, evidence = [], []
    for item in items:
        neg = negated_by(item.start, item.end, text, negations)
        if neg is None:
            kept.append(item)
        else:
            evidence.append(Evidence("negation", neg.text, neg.start, neg.end, neg.rule,
                                     note=f"cancels {item.text!r} ({item.rule}): not a label or signal here"))
    return kept, evidence
