"""Lexical evidence for Italian and English: which words of a text belong to which language.

The word lists are data (`lang/it/langid.yaml`, `lang/en/langid.yaml`, `langid_names.yaml`),
loaded once with the shared cue loader (`authentic_nlp.cues`) and turned into dictionaries, so a
text costs one regex pass for its words plus one dictionary look-up per word. An entry's weight
says how strongly the word points to its language against the other one and against the other
languages the detector knows (1.0 = only this language).

Words are looked up in this order: as written (lower case), then without accents (`perche` finds
`perché`), then with elongations shortened (`bellissimooo`, `soooo`), then split at an elision
(`dell'anno` -> `dell'` + `anno`); a word none of these find is weighed by word frequencies
(`langid_frequency`). A word typed with an accent that only matches an entry without it
(`será` -> `sera`) counts half: the accent says it is probably another language. What a word form
says is cached by the form as written, so a word seen before costs one dictionary look-up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..cues import CueSet, fold, load_package_cues
from .langid_frequency import frequency_weights

LANGS = ("it", "en")
MARKED = 0.7            # a word at least this specific counts towards `mixed`
ACCENT_MISMATCH = 0.5   # weight factor when only the accent-less form of a word is known
FREQUENCY_SCALE = 1.0   # evidence of a word known only from word frequencies (langid_frequency), 0 = off
FREQUENCY_ID = "wordfreq"

# Spans that carry no language: links, @mentions, #hashtags. Blanked (same length) so offsets hold.
NOISE = re.compile(r"https?://\S+|www\.\S+|@[\w.]+|#\w+", re.UNICODE)
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*['’]?", re.UNICODE)
CACHE_SIZE = 200_000
RUN3 = re.compile(r"(.)\1{2,}")
# Entry kinds the statistical detectors cannot read: chat abbreviations ("xke", "cmq") and regional
# forms ("nzomma") are missing from the edited text they were trained on, so they are hidden from them.
UNREAD_KINDS = frozenset({"chat", "regional"})
_UNSEEN = object()      # a word form not in the cache yet


@dataclass(slots=True)
class Word:
    start: int
    end: int
    text: str
    weights: dict[str, float]          # language -> weight of the entry it matched (absent: unknown)
    ids: dict[str, str]                # language -> id of the entry it matched
    neutral: bool = False              # an interjection known in every language (ok, wow, xd)
    marks: tuple = ()                  # what the word adds to each language's tally (see `_marks`)
    loan: bool = False                 # inside an English set phrase used as a loan ("link in bio")
    unread: bool = False               # a chat or regional form, hidden from the detectors (UNREAD_KINDS)

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
        self.tally = tally = {lang: Tally() for lang in LANGS}
        known = 0
        for w in self.words:
            if w.loan:
                known += 1
                continue
            if not w.marks:
                known += w.neutral
                continue
            known += 1
            for lang, lexical, marked, exclusive in w.marks:
                t = tally[lang]
                t.lexical += lexical
                if marked:
                    t.marked.append(w)
                    t.exclusive += exclusive
        self.known = known
        return self

    def readable_words(self) -> int:
        """How many words the detectors read: all but the chat and regional forms (UNREAD_KINDS)."""
        return len(self.words) - sum(w.unread for w in self.words)

    def detector_text(self, limit: int) -> str:
        """The first `limit` words, elongations shortened, loans left out unless nothing else is
        left, chat and regional forms always left out: what the statistical detectors read ("" when
        no word is left for them)."""
        readable = [w for w in self.words if not w.unread]
        words = [w for w in readable if not w.loan] or readable
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
        self.unread_ids: set[str] = set()
        self.patterns: list[tuple[str, re.Pattern[str], float, str]] = []
        self.names = names
        self._cache: dict[str, tuple | list] = {}
        self.loans = _phrase_table([c.pattern for c in loans]) if loans else {}
        for lang, cues in sets.items():
            exact, folded = self.exact.setdefault(lang, {}), self.folded.setdefault(lang, {})
            for cue in cues:
                if not cue.folded:
                    self.patterns.append((lang, cue.regex, cue.weight, cue.id))
                    continue
                key = cue.pattern.lower().replace("’", "'")
                if cue.kind in UNREAD_KINDS:
                    self.unread_ids.add(cue.id)
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
        """Weights, entry ids and neutrality of one lower-cased word."""
        for candidate in _variants(key):
            weights, ids = {}, {}
            for lang in self.exact:
                hit = self._entry(lang, candidate)
                if hit is not None:
                    weights[lang], ids[lang] = hit
            if weights or candidate in self.neutral:
                return weights, ids, candidate in self.neutral
        return {}, {}, False

    def _lookup_or_frequency(self, key: str) -> tuple[dict[str, float], dict[str, str], bool]:
        """The hand lexicon first; a word it does not know is weighed by word frequencies."""
        weights, ids, neutral = self._lookup(key)
        return (weights, ids, neutral) if weights or neutral else _frequency_entry(key)

    def _token(self, token: str) -> tuple | list:
        """What one word token (as written) says: weights, entry ids, neutrality, tally marks,
        whether a loan phrase starts with it, the regex entries that match it and whether the
        detectors can read it; for an unknown elided form, the same for each of its parts (a list).

        `scan` reads the cache first and calls this for a token it has not seen. Cached by the
        token as written (words repeat a lot); the result is shared, never changed. The regex
        entries (upper-case `I`, laughter) are word patterns whose look-arounds also read the
        characters next to the word, so `scan` confirms them in the text (`_with_patterns`)."""
        if len(self._cache) >= CACHE_SIZE:
            self._cache.clear()
        key = token.lower().replace("’", "'")
        weights, ids, neutral = self._lookup(key)
        if not weights and not neutral and "'" in key.rstrip("'"):
            hit = self._elision_parts(token)
        else:
            if not weights and not neutral:
                weights, ids, neutral = _frequency_entry(key)
            hit = (weights, ids, neutral, _marks(weights, ids), key in self.loans, self._patterns_for(token),
                   not self.unread_ids.isdisjoint(ids.values()))
        self._cache[token] = hit
        return hit

    def _patterns_for(self, token: str) -> tuple:
        """The regex entries that match at the start of the token read on its own (a word next to
        other characters can only fail more of them)."""
        return tuple(entry for entry in self.patterns if entry[1].match(token))

    def _with_patterns(self, clean: str, start: int, weights: dict, ids: dict, patterns: tuple):
        """Weights, ids and marks of a word once the regex entries that match at `start` in the
        text are applied (an entry raises a language's weight, never lowers it)."""
        for lang, regex, weight, ident in patterns:
            if weight > weights.get(lang, 0.0) and regex.match(clean, start):
                weights, ids = {**weights, lang: weight}, {**ids, lang: ident}
        return weights, ids, _marks(weights, ids)

    def scan(self, text: str) -> Scan:
        clean = NOISE.sub(_blank, text) if ("@" in text or "#" in text or "http" in text or "www" in text) else text
        words: list[Word] = []
        append, cache, loan_start = words.append, self._cache, False
        for m in WORD.finditer(clean):
            token = m.group()
            hit = cache.get(token, _UNSEEN)
            if hit is _UNSEEN:
                hit = self._token(token)
            if type(hit) is list:       # an elided form, read as its two parts
                start = m.start()
                for offset, part, weights, ids, neutral, marks, patterns in hit:
                    if patterns:
                        weights, ids, marks = self._with_patterns(clean, start + offset, weights, ids, patterns)
                    append(Word(start + offset, start + offset + len(part), part, weights, ids, neutral, marks))
                continue
            weights, ids, neutral, marks, starts_loan, patterns, unread = hit
            start, end = m.span()
            if patterns:
                weights, ids, marks = self._with_patterns(clean, start, weights, ids, patterns)
            append(Word(start, end, token, weights, ids, neutral, marks, False, unread))
            loan_start |= starts_loan
        if loan_start and len(words) > 1:
            self._mark_loans(clean, words)
        return Scan(text, words, self._lone_name(words)).count()

    def _elision_parts(self, token: str) -> list[tuple[int, str, dict, dict, bool, tuple, tuple]]:
        """An unknown elided form split after its apostrophe (`dell'anno` -> `dell'` + `anno`):
        per part, its offset in the token, its text and what it says. Parts are never hidden from
        the detectors (`unread`): no chat or regional entry is an elided form."""
        cut = max(token.find("'"), token.find("’")) + 1
        out = []
        for offset, part in ((0, token[:cut]), (cut, token[cut:])):
            weights, ids, neutral = self._lookup_or_frequency(part.lower().replace("’", "'"))
            out.append((offset, part, weights, ids, neutral, _marks(weights, ids), self._patterns_for(part)))
        return out

    def _mark_loans(self, clean: str, words: list[Word]) -> None:
        """Mark the words of each loan phrase: consecutive words, whitespace between them, longest
        phrase first, phrases not overlapping (left to right)."""
        i = 0
        while i < len(words):
            phrases = self.loans.get(words[i].text.lower())
            length = _loan_at(clean, words, i, phrases) if phrases else 0
            for w in words[i:i + length]:
                w.loan = True
            i += length or 1

    def _lone_name(self, words: list[Word]) -> bool:
        """One to three words, the first a known given name, the others capitalised, none a word of
        the hand lexicon (names such as Marco or Rossi are frequent words too: frequency is no evidence here)."""
        if not 1 <= len(words) <= 3 or any(w.neutral or _listed(w) for w in words):
            return False
        return fold(words[0].text) in self.names and all(w.text[:1].isupper() for w in words[1:])


def _phrase_table(phrases: list[str]) -> dict[str, list[tuple[str, ...]]]:
    """First word -> the phrases starting with it (as word tuples), longest first."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted({tuple(p.lower().split()) for p in phrases}, key=lambda t: (-len(t), t)):
        table.setdefault(phrase[0], []).append(phrase)
    return table


def _loan_at(clean: str, words: list[Word], i: int, phrases: list[tuple[str, ...]]) -> int:
    """Length in words of the longest phrase starting at words[i] (0 if none): same words in any
    case, only whitespace between them, nothing word-like right before or right after."""
    for phrase in phrases:
        end = i + len(phrase)
        if end > len(words):
            continue
        span = words[i:end]
        before = clean[span[0].start - 1] if span[0].start > 0 else " "
        after = clean[span[-1].end] if span[-1].end < len(clean) else " "
        if (all(w.text.lower() == p for w, p in zip(span, phrase))
                and all(clean[a.end:b.start].isspace() for a, b in zip(span, span[1:]))
                and not _joins(before) and not _joins(after)):
            return len(phrase)
    return 0


def _joins(ch: str) -> bool:
    """A character that would make a phrase part of a longer word (letter, digit, _ or apostrophe)."""
    return ch.isalnum() or ch in "_'’"


def _frequency_entry(key: str) -> tuple[dict[str, float], dict[str, str], bool]:
    """Weights and ids of a word the hand lexicon does not know, from word frequencies (or none)."""
    if FREQUENCY_SCALE:
        for candidate in _variants(key):
            weights = frequency_weights(candidate)
            if weights:
                return weights, {lang: FREQUENCY_ID for lang in weights}, False
    return {}, {}, False


def _listed(word: Word) -> bool:
    """The word has an entry in the hand lexicon (not only a word-frequency weight)."""
    return any(ident != FREQUENCY_ID for ident in word.ids.values())


def _marks(weights: dict[str, float], ids: dict[str, str]) -> tuple[tuple[str, float, bool, int], ...]:
    """What a word adds to each language's tally, computed once per word form: lexical evidence
    ((weight - 0.5) / 0.5, at least 0), whether it is marked (weight >= MARKED and above the
    other language's) and whether it is exclusive (weight 1.0, the other language has none).
    A word known only from word frequencies adds FREQUENCY_SCALE times its evidence and is never
    marked: `mixed` and the fast path rest on the hand lexicon."""
    out = []
    for lang, weight in weights.items():
        lexical = 2.0 * weight - 1.0 if weight > 0.5 else 0.0
        if ids.get(lang) == FREQUENCY_ID:
            out.append((lang, FREQUENCY_SCALE * lexical, False, 0))
            continue
        rival = weights.get(other(lang), 0.0)
        marked = weight >= MARKED and weight > rival
        out.append((lang, lexical, marked, int(marked and weight >= 1.0 and not rival)))
    return tuple(out)


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
