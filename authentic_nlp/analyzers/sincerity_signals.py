"""Finding sincerity signals in one analysed text: cue matches and spaCy token signals.

A signal is one piece of evidence: a cue (phrase or regex from `lang/<code>/sincerity.yaml`) or a
token-level fact read from the spaCy Doc (`like_num`, upper case, title case). Overlapping
matches are resolved so that every character counts once: the longest match wins ("il migliore
in assoluto" beats "migliore"; "non è perfetto" beats "perfetto"), then the heavier, then the
earlier. Offsets point into the normalized text (`TextAnalysis.text`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..cues import fold
from .sincerity_lexicon import SincerityLexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Tokens after which a capitalised word starts a sentence (so it is not a proper noun).
SENTENCE_OPENERS = frozenset(".!?…:;\"“”«»()[]-–—*•|")
DEFAULT_MAX_TOKEN_SIGNALS = 3


@dataclass(frozen=True, slots=True)
class Signal:
    kind: str
    text: str
    start: int
    end: int
    weight: float     # the cue's weight in [0, 1]
    direction: float  # +1 raises the score, -1 lowers it
    rule: str         # the cue id, or `token.<signal>`

    @property
    def signed_weight(self) -> float:
        return self.direction * self.weight


def cue_signals(text: str, lexicon: SincerityLexicon) -> list[Signal]:
    folded = fold(text)
    out = []
    for match in lexicon.cues.find(text, folded):
        spec = lexicon.kinds[match.cue.kind]
        out.append(Signal(match.cue.kind, match.text, match.start, match.end, match.cue.weight, spec.direction,
                          match.cue.id))
    return out


@dataclass(frozen=True, slots=True)
class TokenFacts:
    """What the sincerity signals need from one spaCy token, read in a single pass over the Doc."""

    text: str
    start: int
    like_num: bool
    is_alpha: bool
    is_upper: bool
    is_title: bool
    in_tag: bool          # part of a hashtag, a mention or a link
    starts_sentence: bool
    is_word: bool         # a word of running text or of a hashtag (what confidence counts)


FACT_ATTRS = ("IDX", "LENGTH", "LIKE_NUM", "IS_ALPHA", "IS_UPPER", "IS_TITLE", "LIKE_URL", "LIKE_EMAIL", "SPACY",
              "IS_SPACE")


def _starts_sentence(prev_text: str | None, prev_is_space: bool) -> bool:
    if prev_text is None or prev_is_space:
        return True
    last = prev_text[-1:]
    return last in SENTENCE_OPENERS or not (last.isalnum() or last in ",'’")


def token_facts(doc: "Doc", text: str) -> list[TokenFacts]:
    """One pass over the Doc's attribute array (`Doc.to_array`: no Token objects are built)."""
    from spacy import attrs

    if not len(doc):
        return []
    rows = doc.to_array([getattr(attrs, name) for name in FACT_ATTRS]).tolist()
    out = []
    prev_text, prev_space, prev_ws = None, False, False
    for idx, length, like_num, is_alpha, is_upper, is_title, like_url, like_email, trailing_ws, is_space in rows:
        tok = text[idx:idx + length]
        link = bool(like_url or like_email)
        in_tag = tok[:1] in "#@" or link or (prev_text in ("#", "@") and not prev_ws)
        is_word = not link and not tok.startswith("@") and any(ch.isalpha() for ch in tok.lstrip("#"))
        out.append(TokenFacts(tok, idx, bool(like_num), bool(is_alpha), bool(is_upper), bool(is_title), in_tag,
                              _starts_sentence(prev_text, prev_space), is_word))
        prev_text, prev_space, prev_ws = tok, bool(is_space) or "\n" in tok, bool(trailing_ws)
    return out


def count_words(facts: list[TokenFacts]) -> int:
    return sum(1 for f in facts if f.is_word)


def _token_signal_name(fact: TokenFacts, lexicon: SincerityLexicon, title_share: float) -> str | None:
    specs = lexicon.token_signals
    if "number" in specs and fact.like_num:
        return "number"
    if "all_caps" in specs and fact.is_alpha and fact.is_upper and len(fact.text) >= specs["all_caps"].min_length:
        return "all_caps"
    if ("proper_noun" in specs and fact.is_alpha and fact.is_title and len(fact.text) >= 2
            and title_share < 0.5 and not fact.starts_sentence):
        return "proper_noun"
    return None


def token_signals(facts: list[TokenFacts], lexicon: SincerityLexicon, taken: list[Signal] = ()) -> list[Signal]:
    """Signals read from spaCy token attributes, skipping tokens inside a cue match (`taken`),
    at most `DEFAULT_MAX_TOKEN_SIGNALS` of each type per text (a title-cased slogan or a list of
    numbers is one fact, not ten). Proper nouns count only when less than half the words inside
    sentences are title-cased (otherwise the text is Title Case Styled, not naming things)."""
    specs = lexicon.token_signals
    if not specs:
        return []
    inner = [f for f in facts if f.is_alpha and not f.in_tag and not f.starts_sentence]
    title_share = sum(1 for f in inner if f.is_title) / len(inner) if inner else 0.0
    found: dict[str, list[Signal]] = {name: [] for name in specs}
    for fact in facts:
        if fact.in_tag:
            continue
        name = _token_signal_name(fact, lexicon, title_share)
        if name is None or len(found[name]) >= DEFAULT_MAX_TOKEN_SIGNALS:
            continue
        start, end = fact.start, fact.start + len(fact.text)
        if any(start < k.end and end > k.start for k in taken):
            continue
        spec = specs[name]
        direction = lexicon.kinds[spec.kind].direction
        found[name].append(Signal(spec.kind, fact.text, start, end, spec.weight, direction, f"token.{name}"))
    return [s for name in specs for s in found[name]]


def resolve_overlaps(signals: list[Signal]) -> list[Signal]:
    """Keep non-overlapping signals: longest first, then heaviest, then earliest; return in text order."""
    ranked = sorted(signals, key=lambda s: (-(s.end - s.start), -s.weight, s.start, s.rule))
    kept: list[Signal] = []
    for signal in ranked:
        if all(signal.end <= k.start or signal.start >= k.end for k in kept):
            kept.append(signal)
    kept.sort(key=lambda s: (s.start, s.end, s.rule))
    return kept


def find_signals(text: str, facts: list[TokenFacts] | None, lexicon: SincerityLexicon) -> list[Signal]:
    """Every sincerity signal in a text, overlaps resolved, in text order. `facts` come from
    `token_facts(doc)` of the same text (None: cue matches only)."""
    if not text:
        return []
    signals = resolve_overlaps(cue_signals(text, lexicon))
    if facts:
        signals = resolve_overlaps(signals + token_signals(facts, lexicon, signals))
    return signals
