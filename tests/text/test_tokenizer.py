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


@pytest.mark.parametrize("lang", ["it", "en", "es", "und"])
def test_pipelines_run_no_component(lang: str) -> None:
    """Nothing reads lemmas: every pipeline is the tokenizer alone (no lemmatizer on every text)."""
    assert get_nlp(lang).pipe_names == []
    assert [t.lemma_ for t in get_nlp(lang)("le amiche hanno comprato 😍")] == [""] * 5


def test_other_languages_share_the_xx_pipeline() -> None:
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


def test_pipelines_build_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Building the pipelines from scratch must not open a socket."""
    from authentic_nlp.text import nlp as nlp_module

    def refuse(*args, **kwargs):
        raise AssertionError("network access while building a pipeline")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    for code, text, expected in [("it", "l'ho comprata 😍", ["l'", "ho", "comprata", "😍"]),
                                 ("en", "shoes were #ad", ["shoes", "were", "#ad"])]:
        assert [t.text for t in nlp_module._build.__wrapped__(code)(text)] == expected
