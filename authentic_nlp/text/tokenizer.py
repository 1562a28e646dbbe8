"""Social-text rules for spaCy's tokenizer, shared by the Italian, English and multi-language pipelines.

spaCy splits a whitespace-separated chunk by peeling prefixes and suffixes, keeping it whole when
`token_match` matches it, and splitting what is left at infixes. The rules here change that
process, never the text (offsets stay character offsets into the normalized text):

- `token_match` keeps whole: hashtags (`#adv`, `#pubblicità`, `#made_in_italy`), mentions
  (`@giulia.rossi_92`; a sentence's final period is peeled off first as a suffix) and
  discount-code-like tokens (`GIULIA20`, `SCONTO15`).
- One emoji sequence (see `emoji_regex`) is the first prefix, suffix and infix pattern, ahead of
  spaCy's single-character symbol class, so "👨‍👩‍👧", "👍🏽", "🇮🇹", "1️⃣", "❤️" stay one token each
  and "😍😍😍" gives three.
- "#" is a prefix only when no word follows it, and a hashtag glued to the word before it
  ("ciao#adv", "#adv#sponsored") is split before its "#".
- Apocopes with an apostrophe from `lang/<code>/tokenizer.yaml` ("po'", "be'", "mo'") are special
  cases, written with both apostrophes (' and ’). Italian elisions ("l'ho" -> "l'" "ho", "c'è",
  "dell’anno") come from spaCy's Italian infix rule, which accepts both apostrophes.
- URLs keep spaCy's `url_match`; elongations ("bellissimooo") are plain words and stay whole.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from .thinc_light import load_thinc_without_torch

load_thinc_without_torch()  # before spaCy: see text/thinc_light.py

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from ..errors import DataFileError
from .emoji_regex import emoji_pattern

__all__ = ["HASHTAG_RE", "MENTION_RE", "CODE_LIKE_RE", "configure_social_rules", "install_social_tokenizer",
           "load_tokenizer_data"]

HASHTAG = r"#\w+"
MENTION = r"@\w(?:[\w.]*\w)?"
# Upper-case letters then digits, optionally more of either: GIULIA20, SCONTO15, BF2024X.
CODE_LIKE = r"[A-Z]{2,}[A-Z0-9]*[0-9][A-Z0-9]*"
HASHTAG_RE = re.compile(HASHTAG)
MENTION_RE = re.compile(MENTION)
CODE_LIKE_RE = re.compile(CODE_LIKE)
_WHOLE_TOKEN_RE = re.compile(f"(?:{HASHTAG}|{MENTION}|{CODE_LIKE})")

APOSTROPHES = ("'", "\u2019")


@lru_cache(maxsize=None)
def load_tokenizer_data(code: str) -> dict[str, Any]:
    """`lang/<code>/tokenizer.yaml` validated: {"apocopes": [form, ...]}; no file -> no exceptions."""
    folder = resources.files("authentic_nlp.lang").joinpath(code)
    source = folder.joinpath("tokenizer.yaml")
    if not source.is_file():
        return {"apocopes": []}
    path = str(source)
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise DataFileError("E202", path=path, detail=str(exc)) from exc
    forms = []
    for index, entry in enumerate(data.get("apocopes") or []):
        form = entry.get("form") if isinstance(entry, dict) else None
        if not isinstance(form, str) or not form.endswith("'") or " " in form:
            raise DataFileError("E201", path=path, entry=index, detail="'form' must be one word ending in '")
        if not entry.get("source"):
            raise DataFileError("E201", path=path, entry=index, detail="'source' is required")
        forms.append(form)
    return {"apocopes": forms}


def _spellings(form: str) -> list[str]:
    """po' -> po', po’, Po', Po’, PO', PO’ (each once, in a fixed order)."""
    stem = form[:-1]
    out: list[str] = []
    for variant in (stem, stem.capitalize(), stem.upper()):
        for apostrophe in APOSTROPHES:
            spelling = variant + apostrophe
            if spelling not in out:
                out.append(spelling)
    return out


def install_social_tokenizer(nlp: Language, code: str) -> None:
    """Add the social rules to `nlp.tokenizer` (in place) on top of the language's own defaults."""
    configure_social_rules(nlp.tokenizer, nlp.Defaults, code)


def configure_social_rules(tokenizer: Any, defaults: Any, code: str) -> None:
    """Set the social prefix, suffix, infix, token_match and apocope rules on a spaCy `Tokenizer`."""
    emoji = emoji_pattern()
    prefixes = [emoji, r"#(?!\w)"] + [p for p in (defaults.prefixes or []) if p != "#"]
    suffixes = [emoji] + list(defaults.suffixes or [])
    infixes = [emoji, r"(?<=\w)(?=#\w)"] + list(defaults.infixes or [])

    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    tokenizer.token_match = _WHOLE_TOKEN_RE.fullmatch
    for form in load_tokenizer_data(code)["apocopes"]:
        for spelling in _spellings(form):
            tokenizer.add_special_case(spelling, [{ORTH: spelling}])
