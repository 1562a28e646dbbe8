"""Word-frequency evidence for the words our hand-written lexicon does not list.

The hand lexicon (`lang/<it|en>/langid.yaml`) holds about a thousand words chosen for being telling.
Short comments are mostly other words: "vergogna", "stupenda", "governo", "subscribe". For those we
ask how often each language writes the word, from wordfreq's frequency lists (Speer, *wordfreq*,
Zenodo 2022, doi:10.5281/zenodo.7199437; lists built from Wikipedia, subtitles, news, books, web
text, Twitter and Reddit; code Apache 2.0, data CC BY-SA 4.0, read from the installed package,
nothing derived from it is shipped). The "small" lists keep words used at least once per million
words (Zipf 3 and up) in each language.

A word's weight for Italian or English is its share of the frequency over the eight languages the
detector knows (it, en, es, fr, de, pt, nl, ro): P(language | word) with equal priors. "vergogna"
is Italian (1.0), "governo" Italian with a little Portuguese, "bravo" is shared by Italian,
Spanish, Portuguese and English (no language above one half, so no evidence), "subscribe" is
English. Weights are capped below 1.0, so frequency words never count as words "only one language
has" (the fast path and `mixed` stay with the hand lexicon).
"""

from __future__ import annotations

from functools import lru_cache

FREQUENCY_LANGS = ("it", "en", "es", "fr", "de", "pt", "nl", "ro")
TARGETS = ("it", "en")
WORDLIST = "small"          # words with a frequency of at least 1e-6 (Zipf 3) in the language
MAX_WEIGHT = 0.95           # a frequency word is strong evidence, never "exclusive"
MIN_WEIGHT = 0.5            # below this share a word tells nothing about the language


def frequency_weights(word: str) -> dict[str, float]:
    """Italian and English weights of a lower-cased word from word frequencies ({} if unknown or shared)."""
    return _table().get(word, {})


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, float]]:
    """word -> {it|en: weight} for the words whose share in Italian or English exceeds MIN_WEIGHT
    (built once per process on first use: about 0.2 s and a few MB)."""
    import wordfreq

    freqs = {lang: wordfreq.get_frequency_dict(lang, wordlist=WORDLIST) for lang in FREQUENCY_LANGS}
    for cached in (wordfreq.get_frequency_dict, wordfreq.get_frequency_list):
        getattr(cached, "cache_clear", lambda: None)()   # keep only our table, not wordfreq's copies
    table: dict[str, dict[str, float]] = {}
    for target in TARGETS:
        for word, freq in freqs[target].items():
            share = freq / sum(freqs[lang].get(word, 0.0) for lang in FREQUENCY_LANGS)
            if share > MIN_WEIGHT:
                table.setdefault(word, {})[target] = round(min(MAX_WEIGHT, share), 6)
    return table
