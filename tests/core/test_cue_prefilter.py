"""The cue prefilter (`CueSet.candidates`) never drops a match: `CueSet.find` equals running every
cue's regex over the text, on the shipped cue files, for Italian, English, mixed, empty and emoji
texts and the characters whose case rules differ between `re` and `str.lower`."""

from __future__ import annotations

import re

import pytest

from authentic_nlp.analyzers.comments import comment_cues
from authentic_nlp.analyzers.sincerity_lexicon import lexicon_for
from authentic_nlp.cues import fold, regex_literals

# fmt: off
TEXTS = [
    "", "🔥🔥", "😍😍😍", "bellissima", "BELLISSIMAAA!!!", "first", "FIRST!!", "che bello 😍", "wow", "woooow",
    "dove l'hai comprata?", "Ma quanto costa?", "la ricetta per favore 🙏", "Sei la migliore!!", "grazie mille ❤️",
    "Un po' caro ma lo uso da 3 mesi e mi piace", "l'ho provato per 2 settimane: 40 ml, 15€, spf 50",
    "where did you get it?", "How much???", "I've been using it for 3 weeks, honestly not perfect",
    "check my page for free followers!! www.example.com", "DM for collab 💰 link in bio", "ahahah xD",
    "Codice GIULIA15 per il 15% di sconto, correte prima che finisca! #adv @brand",
    "İNFO PREZZO", "ınfo prezzo", "ſtupenda", "Dieci su dieci, 10/10", "sold-out in 2 ore", "ok, thanks @anna ❤️",
]
SETS = {"comments": comment_cues, "sincerity it": lambda: lexicon_for("it").cues,
        "sincerity en": lambda: lexicon_for("en").cues, "sincerity both": lambda: lexicon_for("und").cues}
# fmt: on


def _every_cue(cues, text: str) -> list[tuple[int, int, str]]:
    folded = fold(text)
    out = [(m.start(), m.end(), cue.id) for cue in cues
           for m in cue.regex.finditer(folded if cue.folded else text) if m.end() > m.start()]
    return sorted(out, key=lambda t: (t[0], -t[1], t[2]))


@pytest.mark.parametrize("name", sorted(SETS))
@pytest.mark.parametrize("text", TEXTS)
def test_find_equals_every_cue_run(name: str, text: str) -> None:
    cues = SETS[name]()
    assert [(m.start, m.end, m.cue.id) for m in cues.find(text)] == _every_cue(cues, text)


@pytest.mark.parametrize("pattern, flags, expected", [
    (r"\bbellissim[aoie]\b", re.I, (True, ("bellissim",))),
    (r"\b(wo+w+|waw+)\b", re.I, (True, ("w",))),      # re factors the common "w" out of the branch
    (r"\bun po['’]?\s+caro", re.I, (True, ("un po",))),
    (r"\bhow\s+much\b|\bprice\s*\?", re.I, (True, ("how", "price"))),
    (r"GIULIA\d+", 0, (False, ("giulia",))),
    (r"(?<![\w])\d+\s?%", re.I, None),          # no literal: always run
    (r"[€$£]\s?\d+", re.I, None),
    (r"\b(a?h[ae]){2,}h?\b|\bxd+\b", re.I, None),
])
def test_regex_literals(pattern: str, flags: int, expected) -> None:
    assert regex_literals(re.compile(pattern, flags)) == expected
