"""Social tokenizer rules and token extensions, as tables over the Italian, English and xx pipelines."""

from __future__ import annotations

import socket

import pytest

from authentic_nlp.text.nlp import get_nlp, pipeline_code

LANGS = ["it", "en", "und"]

# fmt: off
# Rules every pipeline shares: (text, expected tokens)
SHARED = [
    ("", []),
    ("   ", ["   "]),
    ("😍😍😍", ["😍", "😍", "😍"]),
    ("👨‍👩‍👧‍👦❤️🇮🇹", ["👨‍👩‍👧‍👦", "❤️", "🇮🇹"]),
    ("👍🏽👍🏻 🇮🇹🇬🇧 1️⃣2️⃣ #️⃣", ["👍🏽", "👍🏻", "🇮🇹", "🇬🇧", "1️⃣", "2️⃣", "#️⃣"]),
    ("🏳️‍🌈 ❤️‍🔥 👩🏽‍💻 🏴󠁧󠁢󠁳󠁣󠁴󠁿", ["🏳️‍🌈", "❤️‍🔥", "👩🏽‍💻", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"]),
    ("#adv #pubblicità", ["#adv", "#pubblicità"]),
    ("#ad #sponsored #made_in_italy", ["#ad", "#sponsored", "#made_in_italy"]),
    ("(#adv) #adv, #adv!", ["(", "#adv", ")", "#adv", ",", "#adv", "!"]),
    ("#adv#sponsored", ["#adv", "#sponsored"]),
    ("grazie#adv", ["grazie", "#adv"]),
    ("#adv😍😍", ["#adv", "😍", "😍"]),
    ("😍#adv", ["😍", "#adv"]),
    ("# adv", ["#", "adv"]),
    ("grazie @giulia.rossi_92.", ["grazie", "@giulia.rossi_92", "."]),
    ("thanks @giulia.rossi_92!", ["thanks", "@giulia.rossi_92", "!"]),
    ("(@anna_b) @Marco.Verdi", ["(", "@anna_b", ")", "@Marco.Verdi"]),
    ("scrivi a giulia@example.com", ["scrivi", "a", "giulia@example.com"]),
    ("codice GIULIA20!", ["codice", "GIULIA20", "!"]),
    ("use code SCONTO15 for 15%", ["use", "code", "SCONTO15", "for", "15", "%"]),
    ("codice:GIULIA20", ["codice", ":", "GIULIA20"]),
    ("link https://example.com/p?id=1.", ["link", "https://example.com/p?id=1", "."]),
    ("www.negozio.it/saldi", ["www.negozio.it/saldi"]),
    ("bellissimooo😍", ["bellissimooo", "😍"]),
    ("soooo good!!!", ["soooo", "good", "!", "!", "!"]),
    ("grazieeee❤️", ["grazieeee", "❤️"]),
    ("ciao😍bella", ["ciao", "😍", "bella"]),
    ("love it 😍 bellissimo #adv", ["love", "it", "😍", "bellissimo", "#adv"]),
]

# Italian only: elisions and apocopes, both apostrophes
ITALIAN = [
    ("l'ho preso", ["l'", "ho", "preso"]),
    ("l’ho preso", ["l’", "ho", "preso"]),
    ("dell'anno", ["dell'", "anno"]),
    ("dell’anno", ["dell’", "anno"]),
    ("c'è", ["c'", "è"]),
    ("c’è", ["c’", "è"]),
    ("un'amica", ["un'", "amica"]),
    ("un’amica", ["un’", "amica"]),
    ("un po' stanca", ["un", "po'", "stanca"]),
    ("un po’ stanca", ["un", "po’", "stanca"]),
    ("Be' dai", ["Be'", "dai"]),
    ("a mo’ di", ["a", "mo’", "di"]),
    ("L'outfit è top #adv", ["L'", "outfit", "è", "top", "#adv"]),
]

ENGLISH = [
    ("don't stop", ["do", "n't", "stop"]),
    ("I'm obsessed 😍😍", ["I", "'m", "obsessed", "😍", "😍"]),
    ("@giulia's code GIULIA20", ["@giulia", "'s", "code", "GIULIA20"]),
]
# fmt: on


def tokens(lang: str, text: str) -> list[str]:
    return [t.text for t in get_nlp(lang)(text)]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("text,expected", SHARED)
def test_shared_rules(lang: str, text: str, expected: list[str]) -> None:
    assert tokens(lang, text) == expected


@pytest.mark.parametrize("text,expected", ITALIAN)
def test_italian_elisions_and_apocopes(text: str, expected: list[str]) -> None:
    assert tokens("it", text) == expected


@pytest.mark.parametrize("text,expected", ENGLISH)
def test_english_contractions(text: str, expected: list[str]) -> None:
    assert tokens("en", text) == expected


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "text",
    ["", "   ", "😍", "Che bello 😍 l'ho preso #adv @giulia.rossi_92 GIULIA20", "so cute!!! grazieeee 👨‍👩‍👧"],
)
def test_tokens_cover_the_text_exactly(lang: str, text: str) -> None:
    doc = get_nlp(lang)(text)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)


# fmt: off
# (lang, text, attribute, tokens for which it is true)
FLAGS = [
    ("it", "#adv e #pubblicità con @giulia.rossi_92", "is_hashtag", ["#adv", "#pubblicità"]),
    ("en", "#ad thanks @brand_uk", "is_hashtag", ["#ad"]),
    ("it", "#adv e #pubblicità con @giulia.rossi_92", "is_mention", ["@giulia.rossi_92"]),
    ("en", "email me at anna@example.com @brand_uk", "is_mention", ["@brand_uk"]),
    ("it", "😍😍 bello 👨‍👩‍👧 1️⃣ 🇮🇹 :)", "is_emoji", ["😍", "😍", "👨‍👩‍👧", "1️⃣", "🇮🇹"]),
    ("en", "Brand™ 2024 ❤️ ❤", "is_emoji", ["❤️", "❤"]),
    ("it", "codice GIULIA20 o SCONTO15, non 2024 né GIULIA", "is_code_like", ["GIULIA20", "SCONTO15"]),
    ("en", "code ANNA10 at 20GB MAX", "is_code_like", ["ANNA10"]),
    ("it", "bellissimooo grazieeee ciao", "is_elongated", ["bellissimooo", "grazieeee"]),
    ("en", "soooo good, yesss", "is_elongated", ["soooo", "yesss"]),
    ("und", "😍😍😍", "is_hashtag", []),
    ("und", "", "is_emoji", []),
]

UNELONGATED = [
    ("it", "bellissimooo", "bellissimo"),
    ("it", "grazieeee", "grazie"),
    ("it", "ciaooo", "ciao"),
    ("it", "Tantissimooo", "Tantissimo"),
    ("it", "bello", "bello"),
    ("en", "soooo", "so"),
    ("en", "goood", "good"),
    ("en", "cooool", "cool"),
    ("en", "SOOOO", "SO"),
    ("en", "good", "good"),
    ("und", "woooow", "wow"),
    ("und", "😍", "😍"),
]

LEMMAS = [
    ("it", "l'ho comprata ieri", ["lo", "avere", "comprare", "ieri"]),
    ("it", "le amiche hanno comprato", ["la", "amico", "avere", "comprare"]),
    ("en", "the shoes were bought", ["the", "shoe", "be", "buy"]),
    ("en", "😍 #ad", ["😍", "#ad"]),
    ("it", "Scarpe nuove", ["scarpa", "nuovo"]),            # lower-case fallback
    ("en", "Shoes Were cute", ["shoe", "be", "cute"]),
    ("it", "", []),
]
# fmt: on


@pytest.mark.parametrize("lang,text,attr,expected", FLAGS)
def test_flags(lang: str, text: str, attr: str, expected: list[str]) -> None:
    doc = get_nlp(lang)(text)
    assert [t.text for t in doc if getattr(t._, attr)] == expected


@pytest.mark.parametrize("lang,word,expected", UNELONGATED)
def test_unelongated(lang: str, word: str, expected: str) -> None:
    doc = get_nlp(lang)(word)
    assert len(doc) == 1
    assert doc[0]._.unelongated == expected


@pytest.mark.parametrize("lang,text,expected", LEMMAS)
def test_lookup_lemmas(lang: str, text: str, expected: list[str]) -> None:
    assert [t.lemma_ for t in get_nlp(lang)(text)] == expected


@pytest.mark.parametrize("lang", ["it", "en"])
@pytest.mark.parametrize(
    "text",
    ["le amiche hanno comprato due vestiti", "she was loving these shoes", "l'ho presa 😍 #adv", "so cute!!!"],
)
def test_lemmas_equal_spacy_lookup_mode_on_lower_case_text(lang: str, text: str) -> None:
    """Same lemmas as spaCy's own `lemmatizer` in lookup mode, on the same tokens."""
    import spacy
    from spacy.lookups import load_lookups

    from authentic_nlp.text.tokenizer import install_social_tokenizer

    reference = spacy.blank(lang)
    install_social_tokenizer(reference, lang)
    reference.add_pipe("lemmatizer", config={"mode": "lookup"}).initialize(
        lookups=load_lookups(lang, ["lemma_lookup"])
    )
    assert [t.lemma_ for t in get_nlp(lang)(text)] == [t.lemma_ for t in reference(text)]


def test_xx_pipeline_has_no_lemmatizer() -> None:
    assert get_nlp("es").pipe_names == []
    assert get_nlp("de") is get_nlp("und") is get_nlp("es")


@pytest.mark.parametrize("lang,code", [("it", "it"), ("en", "en"), ("es", "xx"), ("und", "xx"), ("", "xx")])
def test_pipeline_code(lang: str, code: str) -> None:
    assert pipeline_code(lang) == code
    assert get_nlp(lang).lang == code


def test_pipelines_are_cached() -> None:
    assert get_nlp("it") is get_nlp("it")
    assert get_nlp("en") is get_nlp("en")


def test_extensions_registered_idempotently() -> None:
    from spacy.tokens import Token

    from authentic_nlp.text.extensions import TOKEN_EXTENSIONS, register_extensions

    get_nlp("it")
    getters = {name: Token.get_extension(name)[2] for name in TOKEN_EXTENSIONS}
    register_extensions()
    assert {name: Token.get_extension(name)[2] for name in TOKEN_EXTENSIONS} == getters


def test_lemma_tables_load_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Building the pipelines from scratch must not open a socket (spacy-lookups-data is local)."""
    from authentic_nlp.text import nlp as nlp_module

    def refuse(*args, **kwargs):
        raise AssertionError("network access while building a pipeline")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    built = nlp_module._build.__wrapped__("it")
    assert [t.lemma_ for t in built("ho comprato")] == ["avere", "comprare"]
    built = nlp_module._build.__wrapped__("en")
    assert [t.lemma_ for t in built("shoes were")] == ["shoe", "be"]
