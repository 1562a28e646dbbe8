"""The sincerity cue data: one YAML file per language, loaded and validated once.

A file (`lang/<code>/sincerity.yaml`) is a regular cue file (see `authentic_nlp.cues`) with a
`meta` section that says what each kind of cue does to the score:

    meta:
      kinds:
        experience: {direction: raise, cap: 1.6, description: "..."}
        hype:       {direction: lower, cap: 1.4, description: "..."}
      token_signals:
        number: {kind: concrete_detail, weight: 0.15, source: "..."}

- `direction`: `raise` (evidence of a first-hand, specific, honest voice) or `lower` (promotional
  copy, bait, filler);
- `cap`: the most a kind can move the score, in logit units (see `sincerity_score`);
- `token_signals`: cues read from spaCy token attributes rather than from patterns (`number`:
  `like_num` tokens; `all_caps`: shouted words; `proper_noun`: capitalised words inside a sentence).

Every cue's `kind` must be declared under `meta.kinds`; anything else fails at load with the file
and the entry, like any other cue error.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..cues import CueSet, entry_error, load_yaml, merged, parse_cues
from ..errors import DataFileError

PACKAGE = "authentic_nlp.lang.{lang}"
FILE_NAME = "sincerity.yaml"
CUE_LANGS = ("it", "en")
DIRECTIONS = {"raise": 1.0, "lower": -1.0}
TOKEN_SIGNALS = ("number", "all_caps", "proper_noun")


@dataclass(frozen=True, slots=True)
class KindSpec:
    name: str
    direction: float  # +1 raises the score, -1 lowers it
    cap: float        # the largest logit shift the kind can cause
    description: str


@dataclass(frozen=True, slots=True)
class TokenSignal:
    name: str
    kind: str
    weight: float
    source: str
    min_length: int = 1


@dataclass(frozen=True, slots=True)
class SincerityLexicon:
    """The cues of one or more languages, with what each kind does to the score."""

    cues: CueSet
    kinds: dict[str, KindSpec]
    token_signals: dict[str, TokenSignal]
    languages: tuple[str, ...]


def _meta_error(path: str, detail: str) -> DataFileError:
    return DataFileError("E202", path=path, detail=f"meta: {detail}")


def _parse_kinds(raw: Any, path: str) -> dict[str, KindSpec]:
    if not isinstance(raw, dict) or not raw:
        raise _meta_error(path, "'kinds' must map each cue kind to {direction, cap, description}")
    kinds = {}
    for name, spec in raw.items():
        if name == "__line__":
            continue
        if not isinstance(spec, dict):
            raise _meta_error(path, f"kind {name!r} must be a mapping")
        direction = spec.get("direction")
        if direction not in DIRECTIONS:
            raise _meta_error(path, f"kind {name!r}: direction must be one of {sorted(DIRECTIONS)}, got {direction!r}")
        cap = spec.get("cap")
        if isinstance(cap, bool) or not isinstance(cap, (int, float)) or not 0.0 < float(cap) <= 5.0:
            raise _meta_error(path, f"kind {name!r}: cap must be a number in (0, 5], got {cap!r}")
        kinds[str(name)] = KindSpec(str(name), DIRECTIONS[direction], float(cap), str(spec.get("description", "")))
    return kinds


def _parse_token_signals(raw: Any, path: str, kinds: dict[str, KindSpec]) -> dict[str, TokenSignal]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise _meta_error(path, "'token_signals' must be a mapping")
    signals = {}
    for name, spec in raw.items():
        if name == "__line__":
            continue
        if name not in TOKEN_SIGNALS:
            raise _meta_error(path, f"unknown token signal {name!r}; expected one of {list(TOKEN_SIGNALS)}")
        if not isinstance(spec, dict) or spec.get("kind") not in kinds or not spec.get("source"):
            raise _meta_error(path, f"token signal {name!r} needs a declared 'kind' and a 'source'")
        weight = spec.get("weight")
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0.0 <= float(weight) <= 1.0:
            raise _meta_error(path, f"token signal {name!r}: weight must be in [0, 1], got {weight!r}")
        signals[str(name)] = TokenSignal(str(name), str(spec["kind"]), float(weight), str(spec["source"]),
                                         int(spec.get("min_length", 1)))
    return signals


def parse_lexicon(data: Any, path: str, language: str) -> SincerityLexicon:
    """Validate a parsed sincerity file: the cues (via `parse_cues`) and the `meta` section."""
    cues = parse_cues(data, path)
    meta = data.get("meta")
    if not isinstance(meta, dict):
        raise _meta_error(path, "a sincerity file needs a 'meta' section with 'kinds'")
    kinds = _parse_kinds(meta.get("kinds"), path)
    entries = {e.get("id"): e for e in data["cues"] if isinstance(e, dict)}
    for cue in cues:
        if cue.kind not in kinds:
            raise entry_error(path, entries.get(cue.id, 0), f"kind {cue.kind!r} is not declared under meta.kinds")
    signals = _parse_token_signals(meta.get("token_signals"), path, kinds)
    return SincerityLexicon(cues, kinds, signals, (language,))


@lru_cache(maxsize=None)
def package_lexicon(lang: str) -> SincerityLexicon:
    """The shipped sincerity cues of one language (`it` or `en`)."""
    if lang not in CUE_LANGS:
        raise DataFileError("E203", lang=lang, package=PACKAGE.format(lang=lang))
    package = PACKAGE.format(lang=lang)
    label = f"{package.replace('.', '/')}/{FILE_NAME}"
    text = resources.files(package).joinpath(FILE_NAME).read_text(encoding="utf-8")
    return parse_lexicon(load_yaml(label, text), label, lang)


def combine_lexicons(lexicons: list[SincerityLexicon]) -> SincerityLexicon:
    """Several languages' cues together. A kind keeps the first file's direction and cap."""
    kinds: dict[str, KindSpec] = {}
    signals: dict[str, TokenSignal] = {}
    for lex in lexicons:
        for name, spec in lex.kinds.items():
            kinds.setdefault(name, spec)
        for name, signal in lex.token_signals.items():
            signals.setdefault(name, signal)
    languages = tuple(lang for lex in lexicons for lang in lex.languages)
    return SincerityLexicon(merged([lex.cues for lex in lexicons]), kinds, signals, languages)


@lru_cache(maxsize=None)
def lexicon_for(code: str | None, mixed: bool = False) -> SincerityLexicon:
    """The cues to apply to a text in language `code`.

    Italian or English alone: that language's file. Mixed Italian/English, undetermined or any
    other language: both files together (captions in Italy routinely carry English marketing
    phrases such as "link in bio"; cues are whole-word phrases, so a foreign cue rarely fires by
    accident).
    """
    if code in CUE_LANGS and not mixed:
        return package_lexicon(code)
    return combine_lexicons([package_lexicon(lang) for lang in CUE_LANGS])
