"""The cue files: every kind present in both languages, entries validated, broken files fail loudly."""

from __future__ import annotations

import pytest

from authentic_nlp.analyzers.sincerity_lexicon import lexicon_for, package_lexicon, parse_lexicon
from authentic_nlp.cues import load_yaml
from authentic_nlp.errors import DataFileError

KINDS = ("experience", "concrete_detail", "contrast", "hedge", "honest_negative", "hype", "emphasis", "urgency",
         "call_to_action", "engagement_bait", "generic_filler")
RAISE = {"experience", "concrete_detail", "contrast", "hedge", "honest_negative"}


@pytest.mark.parametrize("lang", ["it", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_cues_in_both_languages(lang, kind):
    lexicon = package_lexicon(lang)
    assert kind in lexicon.kinds
    cues = [c for c in lexicon.cues if c.kind == kind]
    assert len(cues) >= 2
    assert all(c.source.strip() and 0.0 <= c.weight <= 1.0 for c in cues)
    expected = 1.0 if kind in RAISE else -1.0
    assert lexicon.kinds[kind].direction == expected


@pytest.mark.parametrize("lang", ["it", "en"])
def test_ids_are_prefixed_by_language(lang):
    assert all(c.id.startswith(f"{lang}.sinc.") for c in package_lexicon(lang).cues)


@pytest.mark.parametrize("code,mixed,langs", [
    ("it", False, ("it",)),
    ("en", False, ("en",)),
    ("it", True, ("it", "en")),
    ("und", False, ("it", "en")),
    ("fr", False, ("it", "en")),
    (None, False, ("it", "en")),
])
def test_lexicon_for_language(code, mixed, langs):
    assert lexicon_for(code, mixed).languages == langs


GOOD_META = """
meta:
  kinds:
    contrast: {direction: raise, cap: 0.9}
    hype: {direction: lower, cap: 1.4}
cues:
"""

BROKEN = [
    ("undeclared kind", GOOD_META + "  - {id: a, kind: bait, pattern: x, weight: 0.5, source: s}\n", "E201"),
    ("weight above 1", GOOD_META + "  - {id: a, kind: hype, pattern: x, weight: 1.5, source: s}\n", "E201"),
    ("no source", GOOD_META + "  - {id: a, kind: hype, pattern: x, weight: 0.5}\n", "E201"),
    ("bad regex", GOOD_META + "  - {id: a, kind: hype, regex: '(x', weight: 0.5, source: s}\n", "E201"),
    ("no meta", "cues:\n  - {id: a, kind: hype, pattern: x, weight: 0.5, source: s}\n", "E202"),
    ("bad direction", "meta:\n  kinds:\n    hype: {direction: up, cap: 1}\ncues: []\n", "E202"),
    ("cap out of range", "meta:\n  kinds:\n    hype: {direction: lower, cap: 9}\ncues: []\n", "E202"),
    ("unknown token signal", GOOD_META.replace("cues:", "  token_signals:\n    emoji: {kind: hype, weight: 0.2, source: s}\ncues:") + "  []\n", "E202"),
]


@pytest.mark.parametrize("name,text,code", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_files_fail_at_load(name, text, code):
    with pytest.raises(DataFileError) as err:
        parse_lexicon(load_yaml("custom.yaml", text), "custom.yaml", "custom")
    assert err.value.code == code
    assert "custom.yaml" in str(err.value)


def test_an_analysts_file_loads():
    text = GOOD_META + "  - {id: a, kind: contrast, pattern: pero, weight: 0.4, source: mine}\n"
    lexicon = parse_lexicon(load_yaml("custom.yaml", text), "custom.yaml", "custom")
    assert [c.id for c in lexicon.cues] == ["a"]
    assert lexicon.kinds["contrast"].cap == 0.9


# Whole words: a cue never fires inside a longer word, hashtag or handle.
WHOLE_WORD = [
    ("it", "La mamma di Marco", "contrast"),
    ("it", "Topolino e #topmodel al mare", "hype"),
    ("en", "Press the button, Butler", "contrast"),
    ("en", "Hashtag #tagafriend challenge", "engagement_bait"),
    ("en", "", "contrast"),
    ("it", "😍😍", "contrast"),
]


@pytest.mark.parametrize("lang,text,kind", WHOLE_WORD)
def test_cues_match_whole_words_only(sincerity, lang, text, kind):
    assert kind not in {s.kind for s in sincerity(text, lang).signals}
