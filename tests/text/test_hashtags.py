"""Hashtag splitting, elongation repair and the derived word list behind them."""

from __future__ import annotations

from importlib import resources

import pytest

from authentic_nlp.text.hashtags import is_elongated, split_hashtag, split_run, unelongate
from authentic_nlp.text.lexicon import LEXICON_LANGS, WORDS_FILE, build_wordlist, lexicon

# fmt: off
SPLITS = [
    # camel case, digits, underscores
    ("#ViaggiareLowCost", ["viaggiare", "low", "cost"]),
    ("#ILoveNYCFood2024", ["i", "love", "nyc", "food", "2024"]),
    ("#made_in_italy", ["made", "in", "italy"]),
    ("#Estate2024", ["estate", "2024"]),
    # Italian lower case
    ("#cucinaitaliana", ["cucina", "italiana"]),
    ("#outfitdelgiorno", ["outfit", "del", "giorno"]),
    ("#fattoincasa", ["fatto", "in", "casa"]),
    ("#ricettadellanonna", ["ricetta", "della", "nonna"]),
    ("#amoremio", ["amore", "mio"]),
    ("#collaborazionecommerciale", ["collaborazione", "commerciale"]),
    ("#prodottoinviatoda", ["prodotto", "inviato", "da"]),
    ("#pubblicità", ["pubblicità"]),
    ("#sponsorizzato", ["sponsorizzato"]),
    # English lower case
    ("#skincareroutine", ["skincare", "routine"]),
    ("#photooftheday", ["photo", "of", "the", "day"]),
    ("#healthyfood", ["healthy", "food"]),
    ("#lovemylife", ["love", "my", "life"]),
    ("#skincare", ["skincare"]),
    ("#adv", ["adv"]),
    ("#ad", ["ad"]),
    # mixed languages, elongations
    ("#madeinitaly", ["made", "in", "italy"]),
    ("#weekendvibes", ["weekend", "vibes"]),
    # Italian words at their Italian frequency: "al mare" beats "alma re"
    ("#weekendalmare", ["weekend", "al", "mare"]),
    ("#tramontoalmare", ["tramonto", "al", "mare"]),
    ("#fattoincasa", ["fatto", "in", "casa"]),
    ("#giornatadisole", ["giornata", "di", "sole"]),
    # known limit
    pytest.param("#ootd", ["ootd"],
                 marks=pytest.mark.xfail(strict=True, reason="unknown acronyms are cut into known fragments")),
    ("#ciaoooo", ["ciao"]),
    # nothing word-like
    ("#", []),
    ("", []),
    ("#2024", ["2024"]),
]

ELONGATED = [
    ("bellissimooo", True, "bellissimo"),
    ("grazieeee", True, "grazie"),
    ("tantissimooo", True, "tantissimo"),
    ("caffèèè", True, "caffè"),
    ("Bellaaa", True, "Bella"),
    ("soooo", True, "so"),
    ("goood", True, "good"),
    ("sleeeep", True, "sleep"),
    ("yesss", True, "yes"),
    ("SOOOO", True, "SO"),
    ("bello", False, "bello"),
    ("good", False, "good"),
    ("carrozza", False, "carrozza"),
    ("", False, ""),
    ("😍😍😍", False, "😍😍😍"),
    ("!!!", False, "!!!"),
    ("2000", False, "2000"),
]
# fmt: on


@pytest.mark.parametrize("tag,expected", SPLITS)
def test_split_hashtag(tag: str, expected: list[str]) -> None:
    assert list(split_hashtag(tag)) == expected


@pytest.mark.parametrize("word,elongated,repaired", ELONGATED)
def test_elongation(word: str, elongated: bool, repaired: str) -> None:
    assert is_elongated(word) is elongated
    assert unelongate(word) == repaired


@pytest.mark.parametrize("run", ["cucinaitaliana", "skincareroutine", "photooftheday", "xqzvbnmwk"])
def test_split_run_keeps_every_letter(run: str) -> None:
    assert "".join(split_run(run)) == run


@pytest.mark.parametrize(
    "lang,text,parts",
    [
        ("it", "Che bello! #cucinaitaliana #adv", [["cucina", "italiana"], ["adv"]]),
        ("en", "new in #SkincareRoutine #ad", [["skincare", "routine"], ["ad"]]),
        ("und", "😍 #ViaggiareLowCost", [["viaggiare", "low", "cost"]]),
        ("it", "😍😍😍", []),
        ("en", "", []),
    ],
)
def test_hashtag_parts_attribute(lang: str, text: str, parts: list[list[str]]) -> None:
    from authentic_nlp.text.nlp import get_nlp

    doc = get_nlp(lang)(text)
    assert [t._.hashtag_parts for t in doc if t._.is_hashtag] == parts
    assert all(t._.hashtag_parts == [] for t in doc if not t._.is_hashtag)


@pytest.mark.parametrize("code", LEXICON_LANGS)
def test_shipped_word_list_is_sorted_and_well_formed(code: str) -> None:
    lines = resources.files("authentic_nlp.lang").joinpath(code, WORDS_FILE).read_text("utf-8").splitlines()
    words = [line.split("\t")[0] for line in lines]
    assert words == sorted(set(words))
    assert all(w.isalpha() and w.islower() for w in words)
    assert all(float(line.split("\t")[1]) < 0 for line in lines)


def test_merged_lexicon_holds_both_languages() -> None:
    words = lexicon()
    assert {"cucina", "skincare", "pubblicità", "routine"} <= words.keys()


@pytest.mark.slow
@pytest.mark.parametrize("code", LEXICON_LANGS)
def test_shipped_word_list_matches_its_recipe(code: str) -> None:
    """The shipped file is exactly what `python -m authentic_nlp.text.lexicon` derives."""
    shipped = resources.files("authentic_nlp.lang").joinpath(code, WORDS_FILE).read_text("utf-8")
    derived = build_wordlist(code)
    assert shipped == "".join(f"{w}\t{p:.2f}\n" for w, p in sorted(derived.items()))
