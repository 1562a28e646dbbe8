"""Normalization: mojibake repaired, invisible characters removed, correct text left alone."""

from __future__ import annotations

import unicodedata

import pytest

from authentic_nlp.text.normalize import normalize


def as_meta_export(text: str) -> str:
    """How Meta's JSON exports spoil text: UTF-8 bytes decoded one by one as Latin-1."""
    return text.encode("utf-8").decode("latin-1")


def as_cp1252(text: str) -> str:
    """UTF-8 bytes decoded as Windows-1252 (undefined bytes kept as Latin-1 controls)."""
    return "".join(
        bytes([b]).decode("cp1252", errors="strict") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
        else chr(b)
        for b in text.encode("utf-8")
    )


# fmt: off
MOJIBAKE = [
    # (broken, repaired)
    ("Ã¨ bellissimo", "è bellissimo"),
    ("perchÃ© no?", "perché no?"),
    ("cosÃ¬ tanto", "così tanto"),
    ("piÃ¹ bello di cosÃ¬", "più bello di così"),
    ("la cittÃ\xa0 piÃ¹ bella", "la città più bella"),
    ("ðŸ˜\x8d", "😍"),
    ("ð\x9f\x98\x8d", "😍"),
    ("ð\x9f\x98\x8dð\x9f\x98\x8d", "😍😍"),
    ("â€œcaptionâ€\x9d", "“caption”"),
    ("lâ€™ho comprato", "l’ho comprato"),
    ("Â£10 off today", "£10 off today"),
    ("Ãˆ stupendo", "È stupendo"),
    ("naÃ¯ve cafÃ©", "naïve café"),
    ("ÃƒÂ¨ doppio", "è doppio"),   # encoded twice
    ("cittÃ  bella", "città bella"),  # the no-break space byte turned into a space
    ("â\x9d¤ï¸\x8f grazie", "❤️ grazie"),
    ("ð\x9f\x87®ð\x9f\x87¹ viva", "🇮🇹 viva"),
]

ROUND_TRIPS = [
    "Che bello, è proprio così! 😍",
    "perché la città è più bella ❤️",
    "Great vibes 👨‍👩‍👧 #family",
    "Top 3 1️⃣ 2️⃣ 3️⃣ 🇮🇹🇬🇧",
    "Ciao ✨ love this 👍🏽",
    "Dell’anno, l’ho preso. Però—sì.",
    "",
    "😍😍😍",
]

UNCHANGED = [
    "",
    "   ",
    "\n\t ",
    "plain ascii, nothing to do #adv @giulia.rossi_92 GIULIA20",
    "È bellissimo, perché città è così",
    "caffè, papà, però, più, ciò",
    "SÃO PAULO e MAÇÃ VERDE",            # a legitimate Ã
    "Ã",
    "NÃO É",
    "naïve café, façade, Über",
    "¡Hola! ¿qué tal? España",
    "“quoted” ‘single’ — dash… ellipsis",
    "😍", "❤️", "👨‍👩‍👧‍👦", "👍🏽", "🇮🇹", "1️⃣", "#️⃣", "🏳️‍🌈", "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
    "😍😍😍 ❤️‍🔥 👩🏽‍💻",
    "mixed: bellissimo outfit, love it 😍 grazie!",
    "привет мир",
    "नमस्ते",                              # a joiner-free Devanagari word
    "नमस्\u200dते",                   # Devanagari with a ZWJ that is not an emoji
    "© 2024 ™ ® 90° 5€",
    "&amp; is not unescaped",
    "“perché” e “città”, però—così",      # accents next to curly quotes and dashes go through ftfy
    "IRMÃ E IRMÃO",
]

INVISIBLE = [
    # (input, expected)
    ("a\u200bd\u200bv", "adv"),
    ("#a\u200bd\u200bv", "#adv"),
    ("\ufeffciao", "ciao"),
    ("spon\u00adsored", "sponsored"),
    ("\u202ehello\u202c", "hello"),
    ("\u2066ciao\u2069 \u200eworld\u200f", "ciao world"),
    ("word\u2060joiner", "wordjoiner"),
    ("a\u200dd\u200dv", "adv"),                 # a joiner between letters is not an emoji
    ("ciao\ufe0f!", "ciao!"),                   # a selector after a letter
    ("\u200d😍", "😍"),
    ("😍\u200d", "😍"),
    ("\u200b", ""),
    ("\u200b😍\u200b", "😍"),
    ("mix\u200bed 👨\u200d👩\u200d👧", "mixed 👨\u200d👩\u200d👧"),
]

NFC = [
    ("caffe\u0300", "caffè"),
    ("perche\u0301", "perché"),
    ("cafe\u0301 latte", "café latte"),
    ("n\u0303", "ñ"),
]
# fmt: on


@pytest.mark.parametrize("broken,repaired", MOJIBAKE)
def test_mojibake_is_repaired(broken: str, repaired: str) -> None:
    assert normalize(broken) == repaired


@pytest.mark.parametrize("text", ROUND_TRIPS)
@pytest.mark.parametrize("spoil", [as_meta_export, as_cp1252], ids=["latin1", "cp1252"])
def test_spoiled_then_repaired_round_trip(text: str, spoil) -> None:
    assert normalize(spoil(text)) == unicodedata.normalize("NFC", text)


@pytest.mark.parametrize("text", UNCHANGED)
def test_correct_text_is_unchanged(text: str) -> None:
    assert normalize(text) == text


@pytest.mark.parametrize("raw,expected", INVISIBLE)
def test_invisible_characters(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw,expected", NFC)
def test_nfc(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize("text", [t for t, _ in MOJIBAKE] + UNCHANGED + [r for r, _ in INVISIBLE])
def test_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


def test_ascii_fast_path_returns_same_object() -> None:
    text = "nothing to fix here #ad"
    assert normalize(text) is text


# A lone surrogate (half an emoji, a "\ud83d" JSON escape) cannot be written as UTF-8: it becomes
# U+FFFD, one for one, so offsets after it stay where they were. A pair left as two code points is joined.
SURROGATES = [
    ("Bellissimo \ud83d!", "Bellissimo \ufffd!"),
    ("Love it \ude0d #ad", "Love it \ufffd #ad"),
    ("\ud83d\ude0d grazie", "😍 grazie"),
    ("perche\u0301 \udfff", "perché \ufffd"),
    ("Ã¨ vero \ud800", "è vero \ufffd"),
    ("\ud83d", "\ufffd"),
    ("", ""),
    ("😍🔥", "😍🔥"),
]


@pytest.mark.parametrize("raw,expected", SURROGATES)
def test_surrogates_are_joined_or_replaced(raw: str, expected: str) -> None:
    clean = normalize(raw)
    assert clean == expected
    clean.encode("utf-8")  # writable
    assert normalize(clean) == clean
