"""Lexical evidence for Italian and English: which words of a text belong to which language.

The word lists are data (`lang/it/langid.yaml`, `lang/en/langid.yaml`, `langid_names.yaml`),
loaded once with the shared cue loader (`authentic_nlp.cues`) and turned into dictionaries, so a
text costs one regex pass for its words plus one dictionary look-up per word. An entry's weight
says how strongly the word points to its language against the other one and against the other
languages the detector knows (1.0 = only this language).

Words are looked up in this order: as written (lower case), then without accents (`perche` finds
`perché`), then with elongations shortened (`bellissimooo`, `soooo`), then split at an elision
(`dell'anno` -> `dell'` + `anno`). A word typed with an accent that only matches an entry without
it (`será` -> `sera`) counts half: the accent says it is probably another language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..cues import CueSet, fold, load_package_cues

LANGS = ("it", "en")
STRONG = 0.8            # a word at least this specific to one language is "strong" evidence
MARKED = 0.7            # a word at least this specific counts towards `mixed`
ACCENT_MISMATCH = 0.5   # weight factor when only the accent-less form of a word is known

# Spans that carry no language: links, @mentions, #hashtags. Blanked (same length) so offsets hold.
NOISE = re.compile(r"https?://\S+|www\.\S+|@[\w.]+|#\w+", re.UNICODE)
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*['’]?", re.UNICODE)
CACHE_SIZE = 200_000
RUN3 = re.compile(r"(.)\1{2,}")


@dataclass(slots=True)
class Word:
    start: int
    end: int
    text: str
    weights: dict[str, float]          # language -> weight of the entry it matched (absent: unknown)
    ids: dict[str, str]                # language -> id of the entry it matched
    neutral: bool = False              # an interjection known in every language (ok, wow, xd)
    loan: bool = False                 # inside an English set phrase used as a loan ("link in bio")

    def weight(self, lang: str) -> float:
        return self.weights.get(lang, 0.0)

    @property
    def known(self) -> bool:
        return bool(self.weights) or self.neutral


@dataclass(slots=True)
class Tally:
    """What the decision needs from one language's words, counted in one pass."""

    lexical: float = 0.0               # each word adds (weight - 0.5) / 0.5, at least 0
    exclusive: int = 0                 # words only this language has (weight 1.0)
    strong: list[Word] = field(default_factory=list)   # weight >= STRONG and above the other language
    marked: list[Word] = field(default_factory=list)   # weight >= MARKED and above the other language


@dataclass(slots=True)
class Scan:
    text: str
    words: list[Word]
    lone_name: bool
    tally: dict[str, Tally] = field(default_factory=dict)
    known: int = 0

    def count(self) -> "Scan":
        """Fill `tally` and `known` (one pass over the words)."""
        self.tally = {lang: Tally() for lang in LANGS}
        for w in self.words:
            if w.neutral or w.weights or w.loan:
                self.known += 1
            if w.loan:
                continue
            for lang, weight in w.weights.items():
                t = self.tally[lang]
                if weight > 0.5:
                    t.lexical += 2.0 * weight - 1.0
                rival = w.weights.get(other(lang), 0.0)
                if weight >= MARKED and weight > rival:
                    t.marked.append(w)
                    if weight >= STRONG:
                        t.strong.append(w)
                        if weight >= 1.0 and not rival:
                            t.exclusive += 1
        return self

    def detector_text(self, limit: int) -> str:
        """The first `limit` words, elongations shortened, loans left out unless nothing else is
        left: what the statistical detectors read."""
        words = [w for w in self.words if not w.loan] or self.words
        return " ".join(RUN3.sub(r"\1", w.text) for w in words[:limit])

    @property
    def all_neutral(self) -> bool:
        return all(w.neutral and not w.weights for w in self.words)


def other(lang: str) -> str:
    return "en" if lang == "it" else "it"


class Lexicon:
    """Word -> weight dictionaries for each language, built from the cue files."""

    def __init__(self, sets: dict[str, CueSet], names: set[str], loans: CueSet | None = None) -> None:
        self.exact: dict[str, dict[str, tuple[float, str]]] = {}
        self.folded: dict[str, dict[str, tuple[float, str]]] = {}
        self.neutral: set[str] = set()
        self.patterns: list[tuple[str, re.Pattern[str], float, str]] = []
        self.names = names
        self._cache: dict[str, tuple[dict[str, float], dict[str, str], bool]] = {}
        self.loans = _phrase_alternation([c.pattern for c in loans]) if loans else None
        for lang, cues in sets.items():
            exact, folded = self.exact.setdefault(lang, {}), self.folded.setdefault(lang, {})
            for cue in cues:
                if not cue.folded:
                    self.patterns.append((lang, cue.regex, cue.weight, cue.id))
                    continue
                key = cue.pattern.lower().replace("’", "'")
                if cue.kind == "neutral":
                    self.neutral.add(key)
                    continue
                exact[key] = (cue.weight, cue.id)
                fkey = fold(key)
                if fkey not in folded or folded[fkey][0] > cue.weight:
                    folded[fkey] = (cue.weight, cue.id)

    def _entry(self, lang: str, key: str) -> tuple[float, str] | None:
        hit = self.exact[lang].get(key)
        if hit is not None:
            return hit
        fkey = key if key.isascii() else fold(key)
        hit = self.folded[lang].get(fkey)
        if hit is None:
            return None
        return hit if fkey == key else (hit[0] * ACCENT_MISMATCH, hit[1])

    def _lookup(self, key: str) -> tuple[dict[str, float], dict[str, str], bool]:
        """Weights, entry ids and neutrality of one lower-cased word (cached: words repeat a lot)."""
        hit = self._cache.get(key)
        if hit is None:
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()
            hit = self._cache[key] = self._lookup_uncached(key)
        return hit  # shared: a Word copies its dictionaries before changing them (_apply_patterns)

    def _lookup_uncached(self, key: str) -> tuple[dict[str, float], dict[str, str], bool]:
        for candidate in _variants(key):
            weights, ids = {}, {}
            for lang in self.exact:
                hit = self._entry(lang, candidate)
                if hit is not None:
                    weights[lang], ids[lang] = hit
            if weights or candidate in self.neutral:
                return weights, ids, candidate in self.neutral
        return {}, {}, False

    def scan(self, text: str) -> Scan:
        clean = NOISE.sub(_blank, text) if ("@" in text or "#" in text or "http" in text or "www" in text) else text
        words: list[Word] = []
        for m in WORD.finditer(clean):
            key = m.group().lower().replace("’", "'")
            weights, ids, neutral = self._lookup(key)
            if not weights and not neutral and "'" in key.rstrip("'"):
                words.extend(self._split_elision(m.start(), m.group()))
                continue
            words.append(Word(m.start(), m.end(), m.group(), weights, ids, neutral))
        if words and self.patterns:
            self._apply_patterns(clean, words)
        if len(words) > 1 and self.loans is not None:
            self._mark_loans(clean, words)
        return Scan(text, words, self._lone_name(words)).count()

    def _split_elision(self, start: int, token: str) -> list[Word]:
        cut = max(token.find("'"), token.find("’")) + 1
        out = []
        for offset, part in ((0, token[:cut]), (cut, token[cut:])):
            weights, ids, neutral = self._lookup(part.lower().replace("’", "'"))
            out.append(Word(start + offset, start + offset + len(part), part, weights, ids, neutral))
        return out

    def _apply_patterns(self, clean: str, words: list[Word]) -> None:
        by_start = {w.start: w for w in words}
        for lang, regex, weight, ident in self.patterns:
            for m in regex.finditer(clean):
                word = by_start.get(m.start())
                if word is not None and weight > word.weight(lang):
                    word.weights, word.ids = dict(word.weights), dict(word.ids)
                    word.weights[lang], word.ids[lang] = weight, ident

    def _mark_loans(self, clean: str, words: list[Word]) -> None:
        spans = [(m.start(), m.end()) for m in self.loans.finditer(clean)]
        for start, end in spans:
            for w in words:
                if start <= w.start and w.end <= end:
                    w.loan = True

    def _lone_name(self, words: list[Word]) -> bool:
        """One to three words, the first a known given name, the others capitalised, none a known word."""
        if not 1 <= len(words) <= 3 or any(w.known for w in words):
            return False
        return fold(words[0].text) in self.names and all(w.text[:1].isupper() for w in words[1:])


def _phrase_alternation(phrases: list[str]) -> re.Pattern[str]:
    """One case-insensitive regex for all phrases, longest first, whole words only."""
    parts = sorted({re.escape(p.lower()).replace(r"\ ", r"\s+") for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<![\w'’])(?:" + "|".join(parts) + r")(?![\w'’])", re.IGNORECASE)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _variants(key: str):
    yield key
    if RUN3.search(key):
        yield RUN3.sub(r"\1\1", key)
        yield RUN3.sub(r"\1", key)
    if len(key) > 3 and key[-1] == key[-2] and key[-1] in "aeiouy":
        yield key[:-1]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon, built once per process on first use."""
    sets = {lang: load_package_cues(f"authentic_nlp.lang.{lang}", "langid.yaml") for lang in LANGS}
    names = {
        fold(cue.pattern)
        for lang in LANGS
        for cue in load_package_cues(f"authentic_nlp.lang.{lang}", "langid_names.yaml")
    }
    loans = load_package_cues("authentic_nlp.lang.it", "langid_loans.yaml")
    return Lexicon(sets, names, loans)
