"""Hashtag splitting and elongation repair, over the word list of `lexicon.py`.

`split_hashtag("#ViaggiareLowCost")` -> ("viaggiare", "low", "cost"): first at case changes,
digits and underscores, then each lower-case run by the most probable sequence of known words
(a unigram Viterbi search over log probabilities, the method of Norvig's `segment`; Italian words
at their Italian frequency, `lexicon.italian_frequencies`):
"#cucinaitaliana" -> ("cucina", "italiana"), "#skincareroutine" -> ("skincare", "routine").
Unknown stretches cost more per character than any known word, and each extra word costs a
fixed penalty, so a run is cut only where known words explain it better than one unknown word.

`unelongate("bellissimooo")` -> "bellissimo": a run of three or more of the same letter is
reduced to two or one; the most probable known candidate wins ("goood" -> "good",
"soooo" -> "so"); with no known candidate every run becomes one letter.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from .lexicon import italian_frequencies, lexicon

__all__ = ["split_hashtag", "split_run", "unelongate", "is_elongated"]

# fmt: off
MAX_WORD = 24          # longest word tried by the splitter
WORD_PENALTY = 3.0     # log-probability cost of every extra word
UNKNOWN_BASE = 8.0     # an unknown stretch costs UNKNOWN_BASE + UNKNOWN_PER_CHAR * its length ...
UNKNOWN_PER_CHAR = 2.5 # ... on top of the rarest known word
MAX_RUNS = 6           # elongated runs tried exhaustively (2 ** MAX_RUNS candidates at most)
# fmt: on

_ELONGATION_RE = re.compile(r"([^\W\d_])\1{2,}", re.IGNORECASE)


def _pieces(body: str) -> list[str]:
    """Cut at underscores, letter/digit changes and case changes: 'ILoveNYCFood2024' ->
    ['I', 'Love', 'NYC', 'Food', '2024']."""
    out: list[str] = []
    for chunk in body.split("_"):
        current = ""
        for i, ch in enumerate(chunk):
            if current:
                prev = current[-1]
                nxt = chunk[i + 1] if i + 1 < len(chunk) else ""
                boundary = (
                    prev.isdigit() != ch.isdigit()
                    or (prev.islower() and ch.isupper())
                    or (prev.isupper() and ch.isupper() and nxt.islower())
                    or not (ch.isalnum() and prev.isalnum())
                )
                if boundary:
                    out.append(current)
                    current = ""
            if ch.isalnum():
                current += ch
        if current:
            out.append(current)
    return out


@lru_cache(maxsize=1)
def _unknown_floor() -> float:
    return min(lexicon().values(), default=-20.0)


def _score(word: str, words: dict[str, float], italian: dict[str, float], floor: float) -> float:
    known = italian.get(word) or words.get(word)
    if known is not None:
        return known - WORD_PENALTY
    return floor - UNKNOWN_BASE - UNKNOWN_PER_CHAR * len(word) - WORD_PENALTY


@lru_cache(maxsize=65536)
def split_run(run: str) -> tuple[str, ...]:
    """The most probable split of one lower-case run of letters into words."""
    if not run.isalpha() or run in lexicon():
        return (run,)
    n = len(run)
    best = [0.0] + [float("-inf")] * n
    back = [0] * (n + 1)
    words, italian, floor = lexicon(), italian_frequencies(), _unknown_floor()
    for end in range(1, n + 1):
        for start in range(max(0, end - MAX_WORD), end):
            score = best[start] + _score(run[start:end], words, italian, floor)
            if score > best[end]:
                best[end], back[end] = score, start
    words: list[str] = []
    end = n
    while end > 0:
        words.append(run[back[end] : end])
        end = back[end]
    return tuple(reversed(words))


@lru_cache(maxsize=65536)
def split_hashtag(tag: str) -> tuple[str, ...]:
    """Lower-case words of a hashtag ('#' optional); () when nothing word-like is left."""
    parts: list[str] = []
    for piece in _pieces(tag.lstrip("#")):
        lower = unelongate(piece).lower()
        parts.extend(split_run(lower) if lower.isalpha() else (lower,))
    return tuple(parts)


def is_elongated(word: str) -> bool:
    """Three or more of the same letter in a row ('soooo', 'grazieeee'); 'www' included."""
    return _ELONGATION_RE.search(word) is not None


@lru_cache(maxsize=65536)
def unelongate(word: str) -> str:
    """The word with its letter runs shortened to the most probable known form, case kept."""
    runs = list(_ELONGATION_RE.finditer(word))
    if not runs:
        return word
    words = lexicon()
    best, best_logp = None, float("-inf")
    for keep in itertools.product((2, 1), repeat=min(len(runs), MAX_RUNS)):
        candidate = _shorten(word, runs, keep)
        logp = words.get(candidate.lower())
        if logp is not None and logp > best_logp:
            best, best_logp = candidate, logp
    return best if best is not None else _shorten(word, runs, (1,) * len(runs))


def _shorten(word: str, runs: list[re.Match[str]], keep: tuple[int, ...]) -> str:
    out, last = [], 0
    for i, match in enumerate(runs):
        n = keep[i] if i < len(keep) else 1
        out.append(word[last : match.start()] + match.group()[:n])
        last = match.end()
    out.append(word[last:])
    return "".join(out)
