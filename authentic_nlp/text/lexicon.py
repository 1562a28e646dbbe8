"""The word list behind hashtag splitting and elongation repair: word -> log probability.

Shipped as package data, `lang/<it|en>/hashtag_words.txt` (one `word<TAB>logp` a line, sorted),
derived from the spacy-lookups-data tables by `python -m authentic_nlp.text.lexicon` following
`lang/<code>/hashtag_lexicon.yaml` (thresholds and sources); only that derivation reads the tables,
so spacy-lookups-data is the optional `lexicon` extra (`pip install 'authentic-nlp[lexicon]'`). Deriving once and shipping
the result keeps start-up fast (the source tables take seconds to parse) and the output fixed.
At run time the two lists are merged (the higher log probability wins): hashtags mix languages.
For hashtag splitting, Italian words are raised to their Italian frequency (`italian_frequencies`).
"""

from __future__ import annotations

import gzip
import json
import math
import re
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..errors import DataFileError

__all__ = ["LEXICON_LANGS", "lexicon", "italian_frequencies", "build_wordlist"]

LEXICON_LANGS = ("en", "it")
WORDS_FILE = "hashtag_words.txt"
CONFIG_FILE = "hashtag_lexicon.yaml"
MAX_WORD_LEN = 24


@lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    """Every known lower-case word with its log probability (merged over the languages)."""
    merged: dict[str, float] = {}
    for code in LEXICON_LANGS:
        source = resources.files("authentic_nlp.lang").joinpath(code, WORDS_FILE)
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
            word, _, value = line.partition("\t")
            try:
                logp = float(value)
            except ValueError as exc:
                raise DataFileError("E201", path=str(source), entry=number, detail=f"bad line {line!r}") from exc
            if logp > merged.get(word, -1e9):
                merged[word] = logp
    return merged


@lru_cache(maxsize=1)
def italian_frequencies() -> dict[str, float]:
    """Listed words whose Italian frequency is higher than the log probability the lists give them.

    The shipped lists take frequencies from an English table, where Italian words sit on a floor
    ("mare" and "alma" alike), so an Italian hashtag split between two rare-looking readings could
    go either way (#weekendalmare -> "weekend alma re"). wordfreq's Italian list (read from the
    installed package, never shipped) knows "mare" is common and "alma" is not. Only words already
    listed are given, so the vocabulary (what counts as a known word) stays the same. Hashtag
    splitting reads these; elongation repair does not (it would turn "cooool" into Italian "col")."""
    import wordfreq

    words = lexicon()
    out = {}
    for word, freq in wordfreq.get_frequency_dict("it", wordlist="small").items():
        known = words.get(word)
        if known is not None and freq > 0.0 and math.log(freq) > known:
            out[word] = round(math.log(freq), 2)
    return out


def _config(code: str) -> dict:
    source = resources.files("authentic_nlp.lang").joinpath(code, CONFIG_FILE)
    return yaml.safe_load(source.read_text(encoding="utf-8"))


def _table(name: str) -> dict:
    try:
        import spacy_lookups_data
    except ImportError as exc:  # only re-deriving the shipped lists needs it: an optional extra
        from ..errors import ModelError

        raise ModelError("E302", what="the spacy-lookups-data source tables", package="spacy-lookups-data",
                         extra="authentic-nlp[lexicon]") from exc

    path = Path(spacy_lookups_data.__file__).parent / "data" / name
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def _is_word(word: str) -> bool:
    return word.isalpha() and word.islower() and len(word) <= MAX_WORD_LEN


def build_wordlist(code: str) -> dict[str, float]:
    """Derive the word list of `code` from spacy-lookups-data (see hashtag_lexicon.yaml)."""
    cfg = _config(code)
    probs = {w: p for w, p in _table("en_lexeme_prob.json.gz").items() if _is_word(w)}
    singles = set(cfg["single_letter_words"])
    words: dict[str, float] = {}
    if code == "en":
        words = {w: p for w, p in probs.items() if p >= cfg["min_logp"] and (len(w) > 1 or w in singles)}
    elif code == "it":
        forms: set[str] = set()
        lemmas: set[str] = set()
        verb_form = re.compile(cfg["verb_form_regex"])
        for pos in [*cfg["form_tables"], "verb"]:
            for form, lemma in _table(f"it_lemma_lookup_{pos}.json.gz").items():
                if _is_word(form) and (pos != "verb" or verb_form.search(form)):
                    forms.add(form)
                if isinstance(lemma, str) and _is_word(lemma):
                    lemmas.add(lemma)
        accented = {w for w, p in probs.items() if w[-1] in cfg["final_accents"] and p >= cfg["min_logp"]}
        for word in sorted(forms | lemmas | accented):
            if len(word) == 1 and word not in singles:
                continue
            if word in probs:
                words[word] = max(probs[word], cfg["floor_logp"])
            elif word in lemmas:
                words[word] = cfg["unseen_lemma_logp"]
            elif word in forms:
                words[word] = cfg["unseen_form_logp"]
    else:
        raise ValueError(f"no hashtag lexicon recipe for {code!r}")
    return words


def write_wordlist(code: str, folder: Path) -> Path:
    words = build_wordlist(code)
    target = folder / code / WORDS_FILE
    lines = [f"{w}\t{p:.2f}" for w, p in sorted(words.items())]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def main(argv: list[str]) -> int:
    """Regenerate the shipped word lists: python -m authentic_nlp.text.lexicon [LANG_FOLDER]."""
    folder = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "lang"
    for code in LEXICON_LANGS:
        target = write_wordlist(code, folder)
        sys.stderr.write(f"wrote {target}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
