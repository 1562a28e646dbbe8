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
    from spacy.tokens import Doc, Token

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


def _in_tag(token: "Token") -> bool:
    """Part of a hashtag, a mention or a link (whichever way the tokenizer split it)."""
    if token.text[:1] in "#@" or token.like_url or token.like_email:
        return True
    if token.i > 0:
        prev = token.doc[token.i - 1]
        return prev.text in ("#", "@") and not prev.whitespace_
    return False


def _starts_sentence(token: "Token") -> bool:
    if token.i == 0:
        return True
    prev = token.doc[token.i - 1]
    if prev.is_space or "\n" in prev.whitespace_ or "\n" in prev.text:
        return True
    last = prev.text[-1:]
    return last in SENTENCE_OPENERS or not (last.isalnum() or last in ",'’")


def is_word(token: "Token") -> bool:
    """A word of running text or of a hashtag: what 'how much text is there' counts."""
    if token.like_url or token.like_email or token.text.startswith("@"):
        return False
    body = token.text.lstrip("#")
    return bool(body) and any(ch.isalpha() for ch in body)


def count_words(doc: "Doc") -> int:
    return sum(1 for token in doc if is_word(token))


def _token_signal_name(token: "Token", lexicon: SincerityLexicon, title_share: float) -> str | None:
    specs = lexicon.token_signals
    if "number" in specs and token.like_num:
        return "number"
    if "all_caps" in specs and token.is_alpha and token.is_upper and len(token.text) >= specs["all_caps"].min_length:
        return "all_caps"
    if ("proper_noun" in specs and token.is_alpha and token.is_title and len(token.text) >= 2
            and title_share < 0.5 and not _starts_sentence(token)):
        return "proper_noun"
    return None


def token_signals(doc: "Doc", lexicon: SincerityLexicon, taken: list[Signal] = ()) -> list[Signal]:
    """Signals read from spaCy token attributes, skipping tokens inside a cue match (`taken`),
    at most `DEFAULT_MAX_TOKEN_SIGNALS` of each type per text (a title-cased slogan or a list of
    numbers is one fact, not ten). Proper nouns count only when less than half the words are
    title-cased (otherwise the text is Title Case Styled, not naming things)."""
    specs = lexicon.token_signals
    if not specs:
        return []
    words = [t for t in doc if t.is_alpha and not _in_tag(t) and not _starts_sentence(t)]
    title_share = sum(1 for t in words if t.is_title) / len(words) if words else 0.0
    found: dict[str, list[Signal]] = {name: [] for name in specs}
    for token in doc:
        if _in_tag(token):
            continue
        name = _token_signal_name(token, lexicon, title_share)
        if name is None or len(found[name]) >= DEFAULT_MAX_TOKEN_SIGNALS:
            continue
        start, end = token.idx, token.idx + len(token.text)
        if any(start < k.end and end > k.start for k in taken):
            continue
        spec = specs[name]
        direction = lexicon.kinds[spec.kind].direction
        found[name].append(Signal(spec.kind, token.text, start, end, spec.weight, direction, f"token.{name}"))
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


def find_signals(text: str, doc: "Doc | None", lexicon: SincerityLexicon) -> list[Signal]:
    """Every sincerity signal in a text, overlaps resolved, in text order."""
    if not text:
        return []
    signals = resolve_overlaps(cue_signals(text, lexicon))
    if doc is not None and doc.text == text:
        signals = resolve_overlaps(signals + token_signals(doc, lexicon, signals))
    return signals
