"""Language identification for social text: `language.code`, `.confidence`, `.mixed`.

How a text is decided (details and measured figures in docs/notes/langid.md):

1. Links, @mentions and #hashtags are blanked; the words left are looked up in the Italian and
   English lexicons (`langid_lexicon`). No word at all -> `und`; only a given name -> `und`; only
   interjections that every language uses (ok, wow, xd) -> the context's language, else `und`.
2. Clear cases take a fast path: two or more words only one of it/en has, a clear lexical lead
   over the other, and a fair share of the words known -> decided from the lexicon alone.
3. Otherwise lingua (built once, with it, en, es, fr, de, pt, nl, ro; first 12 words) gives a probability per
   language. Each language's score is  log prior + log P_lingua + K * lexical evidence
   + context boost; the softmax of the scores is the confidence. The prior favours it/en (the
   markets this tool serves) without forcing them: a Spanish or German text stays itself.
4. `mixed` is true when both Italian and English carry at least two specific words each, the
   smaller side is at least a fifth, and the smaller side is not just a capitalised or quoted title.

Deterministic: no sampling anywhere; lingua's scores are deterministic.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from ..evidence import Evidence
from .langid_lexicon import LANGS, Scan, Word, lexicon, other
from .langid_models import DETECTOR_LANGS, NO_READING, fasttext_read, lingua_probabilities

PRIOR_MAIN = 0.4                 # prior of it and of en; the rest is shared by the other languages
LEXICAL_WEIGHT = 2.0             # nats per fully specific word
LINGUA_WEIGHT = 1.0              # log P_lingua counted once, like every other evidence
LINGUA_FULL_WORDS = 3            # lingua gets its full weight from this many words up
UNKNOWN_WEIGHT = 0.5             # nats for the other languages per word neither lexicon knows
CONTEXT_BOOST = 3.0              # nats for the context language on a one-word text, / sqrt(words)
FAST_MIN_EXCLUSIVE = 2           # words only one of it/en has, needed for the lexicon-only fast path
FAST_MIN_LEAD = 2.0              # ... and this much more lexical evidence than the other one
FAST_MIN_COVERAGE = 0.3          # share of the words the lexicon must know on the fast path
LINGUA_MAX_WORDS = 12            # lingua reads at most this many words (its cost grows with length)
FASTTEXT_WEIGHT = 0.5            # weight of log P_fastText
FASTTEXT_FULL_WORDS = 3          # fastText gets its full weight from this many words up
FASTTEXT_MAX_WORDS = 40
FOREIGN_MIN_PROBABILITY = 0.8   # fastText's probability needed to report a language outside the eight
CASCADE_MIN_WORDS = 4           # lingua is skipped from this many words up ...
CASCADE_CONFIDENCE = 0.99        # ... when lexicon + fastText are already this sure
UNSURE_LINGUA = 0.2              # with no known word, lingua below this and no context -> und
MIXED_MIN_SHARE = 0.2
SHORT_TEXT = 48                  # texts up to this many characters are cached by (text, context) ...
SHORT_CACHE = 32_768             # ... this many of them per process (a few MB)
QUOTED = re.compile(r'"[^"]+"|“[^”]+”|«[^»]+»')


@dataclass(frozen=True, slots=True)
class LanguageResult:
    code: str
    confidence: float
    mixed: bool = False

    def as_dict(self) -> dict:
        return {"code": self.code, "confidence": round(self.confidence, 4), "mixed": self.mixed}


UNDETERMINED = LanguageResult("und", 0.0, False)


def identify(text: str, context: LanguageResult | None = None) -> LanguageResult:
    """The language of one normalized text; `context` is the post's language when `text` is a comment.
    Short texts are remembered (`_identify_short`): comment sections repeat "🔥🔥", "bellissima"."""
    text = text or ""
    if len(text) <= SHORT_TEXT:
        return _identify_short(text, context)
    return _decide(lexicon().scan(text), context)


@lru_cache(maxsize=SHORT_CACHE)
def _identify_short(text: str, context: LanguageResult | None) -> LanguageResult:
    return _decide(lexicon().scan(text), context)


def identify_many(texts: Iterable[str], contexts: Sequence[LanguageResult | None] | None = None) -> list[LanguageResult]:
    """`identify` over many texts (one lexicon and one detector for all of them)."""
    lex = lexicon()
    texts = list(texts)
    ctx = list(contexts) if contexts is not None else [None] * len(texts)
    return [_decide(lex.scan(t or ""), c) for t, c in zip(texts, ctx)]


def language_evidence(text: str) -> list[Evidence]:
    """The words that told the language, with offsets into `text` (for `explain`)."""
    out = []
    for word in lexicon().scan(text or "").words:
        for lang, weight in sorted(word.weights.items()):
            out.append(Evidence(kind=f"language.{lang}", text=word.text, start=word.start, end=word.end,
                                rule=word.ids.get(lang), weight=weight))
    return out


def _decide(scan: Scan, context: LanguageResult | None) -> LanguageResult:
    if context is not None and context.code == "und":
        context = None
    if not scan.words or scan.lone_name:
        return UNDETERMINED
    if scan.all_neutral:
        return UNDETERMINED if context is None else LanguageResult(context.code, 0.5 * context.confidence)
    scores = _base_scores(scan, context)
    n = 0 if _fast_path(scan) else scan.readable_words()   # what the detectors read: chat forms are hidden
    if n:
        reading = fasttext_read(scan.detector_text(FASTTEXT_MAX_WORDS)) if FASTTEXT_WEIGHT else NO_READING
        if _foreign(scan, reading, n):
            return LanguageResult(reading.top, reading.top_probability)
        weight = FASTTEXT_WEIGHT * min(1.0, n / FASTTEXT_FULL_WORDS)
        for code in DETECTOR_LANGS:
            scores[code] += weight * reading.evidence.get(code, 0.0)
        if n < CASCADE_MIN_WORDS or _softmax_best(scores)[1] < CASCADE_CONFIDENCE:
            lingua = lingua_probabilities(scan.detector_text(LINGUA_MAX_WORDS))
            if context is None and not any(w.weights for w in scan.words) and max(lingua.values()) < UNSURE_LINGUA:
                return UNDETERMINED
            weight = LINGUA_WEIGHT * min(1.0, n / LINGUA_FULL_WORDS)
            for code in DETECTOR_LANGS:
                scores[code] += weight * math.log(lingua.get(code, 0.0) + 1e-6)
    code, confidence = _softmax_best(scores)
    return LanguageResult(code, confidence, _is_mixed(scan))


def _foreign(scan: Scan, reading, read_words: int) -> bool:
    """A language outside DETECTOR_LANGS (Turkish, Polish, Indonesian...): fastText is sure of it,
    it read two words or more, and neither Italian nor English words back another answer."""
    return (reading.top not in DETECTOR_LANGS and reading.top_probability >= FOREIGN_MIN_PROBABILITY
            and reading.top not in not_reported()
            and read_words >= 2 and all(scan.tally[lang].lexical < 1.0 for lang in LANGS))


@lru_cache(maxsize=1)
def not_reported() -> frozenset[str]:
    """fastText labels never reported on fastText's word alone (constructed, regional and minority
    languages it confuses with short Italian and English): `lang/xx/langid_not_reported.yaml`."""
    from ..cues import load_package_yaml

    data = load_package_yaml("authentic_nlp.lang.xx", "langid_not_reported.yaml")
    return frozenset(code for group in data["groups"] for code in group["codes"])


def _base_scores(scan: Scan, context: LanguageResult | None) -> dict[str, float]:
    """Per language: log prior + lexical evidence + unknown words (other languages) + context."""
    unknown = UNKNOWN_WEIGHT * (len(scan.words) - scan.known)
    tally = scan.tally
    scores = {}
    for code, log_prior in _log_priors(PRIOR_MAIN).items():
        if code in tally:
            scores[code] = log_prior + LEXICAL_WEIGHT * tally[code].lexical
        else:
            scores[code] = log_prior + unknown
    if context is not None and context.code in scores:
        scores[context.code] += CONTEXT_BOOST / math.sqrt(len(scan.words))
    return scores


@lru_cache(maxsize=4)
def _log_priors(main: float) -> dict[str, float]:
    """log prior per language: `main` for it and for en, the rest shared by the other languages."""
    rest = (1.0 - 2 * main) / (len(DETECTOR_LANGS) - 2)
    return {code: math.log(main if code in LANGS else rest) for code in DETECTOR_LANGS}


def _fast_path(scan: Scan) -> bool:
    """Decided by the lexicon alone: enough words only one of it/en has, a clear lead over the other,
    and the lexicon knows a good share of the words (so it is not another language with a loanword)."""
    for lang in LANGS:
        ours, theirs = scan.tally[lang], scan.tally[other(lang)]
        if ours.exclusive >= FAST_MIN_EXCLUSIVE and ours.lexical >= theirs.lexical + FAST_MIN_LEAD:
            return scan.known >= FAST_MIN_COVERAGE * len(scan.words)
    return False


def _softmax_best(scores: dict[str, float]) -> tuple[str, float]:
    best = max(scores, key=lambda c: (scores[c], c in LANGS, c))
    top = scores[best]
    total = sum(math.exp(s - top) for s in scores.values())
    return best, round(1.0 / total, 9)


def _is_mixed(scan: Scan) -> bool:
    """Both languages carry at least two specific words outside titles, the smaller a fifth or more."""
    it, en = scan.tally["it"].marked, scan.tally["en"].marked
    if len(it) < 2 or len(en) < 2:
        return False
    titled = _title_words(scan)
    it, en = ([w for w in words if id(w) not in titled] for words in (it, en))
    small = min(len(it), len(en))
    return small >= 2 and small >= MIXED_MIN_SHARE * (len(it) + len(en))


def _title_words(scan: Scan) -> set[int]:
    """Words inside quotes or inside a Title Case run ("Game of Thrones"): a quoted title, not a language switch."""
    inside = set()
    quotes = [(m.start(), m.end()) for m in QUOTED.finditer(scan.text)]
    for w in scan.words:
        if any(a < w.start and w.end < b for a, b in quotes):
            inside.add(id(w))
    words = scan.words
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and (_capital(words[j]) or (j > i and len(words[j].text) <= 3
                                                         and j + 1 < len(words) and _capital(words[j + 1]))):
            j += 1
        if sum(_capital(w) for w in words[i:j]) >= 2:
            inside.update(id(w) for w in words[i:j])
        i = max(j, i + 1)
    return inside


def _capital(word: Word) -> bool:
    return word.text[:1].isupper() and word.text != "I"
