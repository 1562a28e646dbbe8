"""Commercial signals in a caption: codes, affiliate links, gifts, collaboration wording, calls to
action, promotional wording, self-promotion, and the brands the caption tags.

Only the caption is read: comments that promote other accounts are spam under the post, not the
post's sponsorship.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..cues import fold
from ..markets.loader import Signals

MENTION = re.compile(r"(?<![\w@])@([\w.]*\w)")
HASHTAG_BODY = re.compile(r"(?<![\w#&@])#(\w+)")
# Signals that show a relationship with a third party (a brand) whatever else the caption says.
THIRD_PARTY_KINDS = ("gift", "invitation", "collaboration", "affiliate_link")
RELATIONSHIP_KINDS = ("discount_code", "affiliate_link", "gift", "invitation", "collaboration", "brand_cta")
# When two signals overlap, the more specific kind keeps the span.
KIND_RANK = {k: i for i, k in enumerate(("self_promotion", "discount_code", "affiliate_link", "gift", "invitation",
                                         "collaboration", "brand_cta", "promo"))}


def key(name: str) -> str:
    """A brand or handle as a comparable key: folded, letters and digits only."""
    return "".join(ch for ch in fold(name) if ch.isalnum())


def same_brand(a: str, b: str) -> bool:
    a, b = key(a), key(b)
    if not a or not b:
        return False
    return a == b or (min(len(a), len(b)) >= 3 and (a in b or b in a))


@dataclass(frozen=True, slots=True)
class Mention:
    handle: str
    start: int
    end: int
    own: bool  # the creator's own account (equal to or containing the creator's handle)


@dataclass(frozen=True, slots=True)
class SignalHit:
    kind: str
    rule: str
    start: int
    end: int
    text: str
    weight: float
    establishes: bool = True  # shows a commercial relationship on its own
    note: str | None = None


def find_mentions(text: str, creator: str | None) -> list[Mention]:
    own_key = key(creator or "")
    out = []
    for m in MENTION.finditer(text):
        handle = m.group(1)
        own = len(own_key) >= 3 and (key(handle) == own_key or own_key in key(handle))
        out.append(Mention(handle, m.start(), m.end(), own))
    return out


def _near(hit_start: int, hit_end: int, text: str, mentions: list[Mention], window: int) -> Mention | None:
    line_start = text.rfind("\n", 0, hit_start) + 1
    line_end = text.find("\n", hit_end)
    line_end = len(text) if line_end < 0 else line_end
    for m in mentions:
        if m.own:
            continue
        if line_start <= m.start < line_end or abs(m.start - hit_end) <= window or abs(hit_start - m.end) <= window:
            return m
    return None


def find_signals(text: str, folded: str, words: set[str], signals: Signals, mentions: list[Mention]) -> list[SignalHit]:
    """Every signal in the caption, overlaps resolved (the more specific kind, then the longer match wins)."""
    raw = signals.cues.find(text, folded, words)
    raw.sort(key=lambda m: (KIND_RANK[m.cue.kind], -(m.end - m.start), m.start))
    taken: list[tuple[int, int]] = []
    hits: list[SignalHit] = []
    for m in raw:
        if any(m.start < e and s < m.end for s, e in taken):
            continue
        taken.append((m.start, m.end))
        kind, establishes, note = m.cue.kind, m.cue.kind in RELATIONSHIP_KINDS, None
        if kind == "brand_cta":
            brand = _near(m.start, m.end, text, mentions, signals.cta_window)
            establishes = brand is not None
            note = f"call to action next to @{brand.handle}" if brand else "no brand mention nearby: not a relationship on its own"
        hits.append(SignalHit(kind, m.cue.id, m.start, m.end, m.text, m.cue.weight, establishes, note))
    for mention in mentions:
        if mention.own:
            hits.append(SignalHit("self_promotion", signals.own_handle_rule, mention.start, mention.end,
                                  text[mention.start:mention.end], 1.0, False,
                                  "the creator's own account"))
    hits.sort(key=lambda h: (h.start, h.end, h.kind))
    return hits


def brand_after(text: str, end: int) -> str | None:
    """The brand a label names right after it: `Sponsorizzato da @nike`, `Sponsored by Glow Labs`, and an
    @brand or #brand after up to two words (`in collaborazione con la boutique @bottega`)."""
    rest = text[end:end + 60]
    m = re.match(r"[ \t:,\-–—]*(?:(@[\w.]*\w|#\w+)|([A-Z0-9][\w&'’.-]*(?:[ \t]+[A-Z0-9][\w&'’.-]*){0,2}))", rest)
    if m:
        return m.group(1) or m.group(2).rstrip(".")
    m = re.match(r"[ \t:,\-–—]*(?:[^\W\d_]+['’]?[ \t]*){1,2}(@[\w.]*\w|#\w+)", rest)
    return m.group(1) if m else None


def _is_topic(body: str, topics: frozenset[str]) -> bool:
    """A topic hashtag: one word of the hashtag lexicon (#cosplay), or a compound ending in a topic word (#booktok)."""
    from ..text.hashtags import split_hashtag
    from ..text.lexicon import lexicon

    folded = fold(body)
    if folded in lexicon() or folded in topics:
        return True
    parts = split_hashtag(folded)
    return bool(parts) and (parts[-1] in topics or (len(parts) == 1 and parts[0] in lexicon()))


def hashtag_brands(text: str, layout_hashtags: list[tuple[int, int]], label_spans: list[tuple[int, int]],
                   mentions: list[Mention], label: tuple[int, int] | None = None,
                   topics: frozenset[str] = frozenset()) -> list[str]:
    """Hashtags (among those given) that name a brand: the same name is tagged with @ or written as a
    capitalised word elsewhere in the caption (`#nike ... le mie Nike`), or the hashtag stands right
    next to the label (`#adv #farinedelborgo`, only spaces between) and is not a topic (`_is_topic`)."""
    out = []
    outside = HASHTAG_BODY.sub(" ", MENTION.sub(" ", text))
    for start, end in layout_hashtags:
        if any(s <= start < e for s, e in label_spans):
            continue
        body = text[start + 1:end]
        if any(not m.own and same_brand(body, m.handle) for m in mentions):
            out.append(body)
        elif body[:1].isalpha() and re.search(r"(?<!\w)" + re.escape(body[0].upper()) + "(?i:" + re.escape(body[1:]) + r")(?!\w)",
                                              outside):
            out.append(body)
        elif label is not None and _adjacent(text, label, (start, end)) and not _is_topic(body, topics):
            out.append(body)
    return out


def _adjacent(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    first, second = sorted((a, b))
    return not text[first[1]:second[0]].strip()
