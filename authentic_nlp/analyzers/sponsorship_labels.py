"""Disclosure labels in a caption under one market's rules: which label, which class (accepted or
ambiguous), the brand it names, and whether it is visible.

A label that must name a brand (`brand:` in the rules) is checked against the post:
- `after`  (`Sponsorizzato da <brand>`): a brand must follow the label (`@nike`, `#nike`, `Nike`);
- `prefix` (`#<brand>partner`): the brand is the hashtag's prefix;
- `present` (IAP: `#adv` with the brand): an @brand inside the preview, or a #brand among the first
  three hashtags (see `sponsorship_signals.hashtag_brands`); an @brand only after the preview
  leaves the label ambiguous (GUIDELINES.md: the brand must be named in the same preview).
The label is demoted to ambiguous when it names no brand, or names one while the caption tags only
other accounts (it discloses a different relationship from the one promoted).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..markets.rules import Market
from .placement import CaptionLayout, Visibility
from .sponsorship_signals import Mention, brand_after, hashtag_brands, same_brand

CLASS_RANK = {"accepted": 0, "ambiguous": 1}


@dataclass(slots=True)
class LabelHit:
    rule: str
    cls: str  # accepted | ambiguous (after the brand check)
    start: int
    end: int
    text: str
    weight: float
    relationship: bool  # the label on its own shows a relationship
    scope: str | None
    order: int
    brand: str | None = None
    notes: tuple[str, ...] = ()
    market_note: str | None = None
    visibility: Visibility | None = None


def _brand_check(mode: str, hit: LabelHit, named: str | None, mentions: list[Mention], text: str,
                 layout: CaptionLayout, label_spans: list[tuple[int, int]], topics: frozenset[str]) -> None:
    others = [m for m in mentions if not m.own]
    if mode == "present":
        rank = layout.placement.hashtag_rank.limit if layout.placement.hashtag_rank else 3
        preview = layout.preview_end
        first = [(s, e) for s, e in layout.first_hashtags(rank) if s < preview]
        tags = hashtag_brands(text, first, label_spans, mentions, (hit.start, hit.end), topics)
        visible = [m for m in others if m.start < preview]
        if visible:
            hit.brand, hit.notes = "@" + visible[0].handle, (f"brand @{visible[0].handle} tagged in the preview",)
        elif tags:
            hit.brand, hit.notes = "#" + tags[0], (f"brand #{tags[0]} among the first {rank} hashtags",)
        elif others:
            hit.cls, hit.notes = "ambiguous", (f"the brand @{others[0].handle} is tagged only after the preview",)
        else:
            hit.cls, hit.notes = "ambiguous", ("no brand (@brand or #brand) with the label",)
        return
    if not named:
        hit.cls, hit.notes = "ambiguous", ("the label names no brand",)
        return
    hit.brand = named
    if named.startswith("@") or not others or any(same_brand(named.lstrip("#"), m.handle) for m in others):
        hit.notes = (f"names the brand {named}",)
        return
    tagged = ", ".join("@" + m.handle for m in others)
    hit.cls, hit.notes = "ambiguous", (f"names {named} but the post tags {tagged}",)


def find_labels(text: str, folded: str, words: set[str], market: Market, layout: CaptionLayout,
                mentions: list[Mention], topics: frozenset[str] = frozenset()) -> list[LabelHit]:
    """The labels of the caption, one per span (accepted beats ambiguous, then the longer, then file order).
    `topics`: last words that make a hashtag a topic rather than a brand (signals.yaml meta.brand_hashtag)."""
    own_spans = [(m.start, m.end) for m in mentions if m.own]
    order = market.labels.order
    matches = [m for m in market.labels.find(text, folded, words)
               if not any(m.start < e and s < m.end for s, e in own_spans)]
    spans = [(m.start, m.end) for m in matches]
    hits: list[LabelHit] = []
    for m in matches:
        cue, extra = m.cue, m.cue.extra
        hit = LabelHit(cue.id, cue.kind, m.start, m.end, m.text, cue.weight,
                       bool(extra.get("relationship", True)) or cue.kind == "accepted", extra.get("scope"),
                       order[cue.id], market_note=extra.get("market_note"))
        mode = extra.get("brand")
        if mode:
            named = None
            if mode == "after":
                named = brand_after(text, m.end)
            elif mode == "prefix":
                found = cue.regex.match(folded if cue.folded else text, m.start)
                named = found.group("brand") if found else None
            _brand_check(mode, hit, named, mentions, text, layout, spans, topics)
        hits.append(hit)
    hits.sort(key=lambda h: (CLASS_RANK[h.cls], -(h.end - h.start), h.order))
    kept: list[LabelHit] = []
    for hit in hits:
        if not any(hit.start < k.end and k.start < hit.end for k in kept):
            hit.visibility = layout.visibility(hit.start, hit.end)
            kept.append(hit)
    kept.sort(key=lambda h: (h.start, h.end))
    return kept
