"""Commercial signals in a caption: codes, affiliate links, gifts, collaboration wording, calls to
action, promotional wording, self-promotion, and the brands the caption tags.

Only the caption is read: comments that promote other accounts are spam under the post, not the
post's sponsorship.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..cues import fold
from ..markets.loader import Signals

MENTION = re.compile(r"(?<![\w@])@([\w.]*\w)")
HASHTAG_BODY = re.compile(r"(?<![\w#&@])#(\w+)")
# Signals that show a relationship with a third party (a brand) whatever else the caption says.
THIRD_PARTY_KINDS = ("gift", "invitation", "collaboration", "affiliate_link", "tracking_link")
RELATIONSHIP_KINDS = ("discount_code", "affiliate_link", "gift", "invitation", "collaboration", "brand_cta")
LINK_PATH = re.compile(r"(?<![\w.])((?:[a-z0-9-]+\.)+[a-z]{2,})/([\w-]+)", re.IGNORECASE)
# When two signals overlap, the more specific kind keeps the span.
KIND_RANK = {k: i for i, k in enumerate(("self_promotion", "discount_code", "affiliate_link", "gift", "invitation",
                                         "collaboration", "brand_cta", "promo", "attribution", "launch"))}


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
    if signals.echo is not None:
        hits.extend(h for h in brand_echo_hits(text, mentions, signals)
                    if not any(h.start < e and s < h.end for s, e in taken))
    for mention in mentions:
        if mention.own:
            hits.append(SignalHit("self_promotion", signals.own_handle_rule, mention.start, mention.end,
                                  text[mention.start:mention.end], 1.0, False,
                                  "the creator's own account"))
    hits.sort(key=lambda h: (h.start, h.end, h.kind))
    return hits


def _brand_stems(mentions: list[Mention]) -> list[tuple[str, str]]:
    """(stem, handle) for every other account tagged: the whole handle and each of its dotted/underscored parts."""
    out = []
    for m in mentions:
        if not m.own:
            parts = {key(m.handle)} | {key(p) for p in re.split(r"[._]", m.handle)}
            out.extend((p, m.handle) for p in parts if p)
    return out


def _echo(body: str, stems: list[tuple[str, str]], minimum: int, words: frozenset[str] | None) -> tuple[str, str] | None:
    """The tagged brand whose name `body` starts with (a common prefix of at least `minimum` characters
    that is not a dictionary or topic word), or None."""
    folded = key(body)
    best = None
    for stem, handle in stems:
        n = 0
        while n < min(len(stem), len(folded)) and stem[n] == folded[n]:
            n += 1
        prefix = stem[:n]
        if n >= minimum and (words is None or prefix not in words) and (best is None or n > len(best[0])):
            best = (prefix, handle)
    return best


@lru_cache(maxsize=8)
def _common_words(topic_hashtags: frozenset[str]) -> frozenset[str]:
    """Dictionary and topic words, which a campaign hashtag's brand prefix must not be: built once per
    set of topics (the lexicon holds about 190,000 words; building it per caption cost 4 ms)."""
    from ..text.lexicon import lexicon

    return frozenset(lexicon()) | topic_hashtags


def brand_echo_hits(text: str, mentions: list[Mention], signals: Signals) -> list[SignalHit]:
    """Issue 15: a campaign hashtag on a tagged brand's name (`@linnea.studio` + `#linneagirls`: probability only)
    and a short link named after it (`bit.ly/LinneaJules24`: a tracking link, which shows a relationship)."""
    echo, stems = signals.echo, _brand_stems(mentions)
    if echo is None or not stems:
        return []
    common = _common_words(signals.topic_hashtags)
    hits = []
    for m in HASHTAG_BODY.finditer(text):
        found = _echo(m.group(1), stems, echo.hashtag_min, common)
        if found:
            hits.append(SignalHit("campaign_hashtag", echo.hashtag_rule, m.start(), m.end(), m.group(0), 0.5, False,
                                  f"hashtag on the name of @{found[1]}"))
    for m in LINK_PATH.finditer(text):
        if m.group(1).lower() in echo.link_hosts:
            found = _echo(m.group(2), stems, echo.link_min, None)
            if found:
                hits.append(SignalHit("tracking_link", echo.link_rule, m.start(), m.end(), m.group(0), 0.8, True,
                                      f"short link named after @{found[1]}"))
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
