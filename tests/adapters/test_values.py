"""Counts written as text, times, nested and flattened keys, and Meta's mojibake."""

from __future__ import annotations

import pytest

from authentic_nlp.io.adapters.values import fix_meta_mojibake, get_path, to_count, to_flag, to_time, unmapped

# fmt: off
COUNTS = [
    (1234, 1234), (0, 0), (12.0, 12), (-1, None), (1.5, None), (True, None), (None, None),
    ("1234", 1234), ("1,234", 1234), ("1.234", 1234), ("1 234", 1234), ("1\u202f234", 1234),
    ("12.345.678", 12345678), ("1,234,567", 1234567),
    ("1.2K", 1200), ("1,2K", 1200), ("1.2k", 1200), ("48.2K", 48200), ("15K", 15000),
    ("1.5M", 1500000), ("3,4 mln", 3400000), ("3,4 Mln", 3400000), ("2 mld", 2000000000),
    ("12 mila", 12000), ("1.2B", 1200000000), ("2 million", 2000000),
    ("", None), ("🔥", None), ("🔥 12", None), ("seventy", None), ("settanta", None),
    ("1.5", None), ("3,4", None), ("1,23,4", None), ("12 likes", None), ("1.2.3K", None),
]
# fmt: on


@pytest.mark.parametrize("value,expected", COUNTS)
def test_to_count(value, expected):
    assert to_count(value) == expected


# fmt: off
TIMES = [
    ("2024-05-01T10:00:00.000Z", "2024-05-01T10:00:00.000Z"), ("2024-05-01 10:00:00", "2024-05-01 10:00:00"),
    (1714557600, 1714557600), (1714557600000, 1714557600.0), ("1714557600", 1714557600),
    ("05/01/2024", None), ("2 anni fa", None), ("2 years ago", None), ("", None), ("🕒", None), (None, None), (True, None),
]
# fmt: on


@pytest.mark.parametrize("value,expected", TIMES)
def test_to_time(value, expected):
    assert to_time(value) == expected


@pytest.mark.parametrize("value,expected", [
    (True, True), (False, False), (1, True), (0, False), ("true", True), ("FALSE", False), ("yes", True),
    ("sì", None), ("", None), ("✅", None), (None, None), (2, None),
])
def test_to_flag(value, expected):
    assert to_flag(value) == expected


def _meta(text: str) -> str:
    """How Meta's export writes a string: its UTF-8 bytes read as Latin-1."""
    return text.encode("utf-8").decode("latin-1")


# fmt: off
MOJIBAKE = [
    "Perché la città è più bella all'alba?",      # Italian accents
    "Café crème, naïve résumé",                     # English with loanwords
    "",                                             # empty
    "😍🔥👩‍👩‍👧",                                      # emoji only, with a ZWJ sequence
    "Outfit del giorno, so comfy 😍 ☀️",              # mixed Italian/English with emoji
    "plain ascii stays",
]
# fmt: on


@pytest.mark.parametrize("text", MOJIBAKE)
def test_meta_mojibake_is_undone_exactly(text):
    assert fix_meta_mojibake(_meta(text)) == text


@pytest.mark.parametrize("text", MOJIBAKE)
def test_text_already_repaired_passes_unchanged(text):
    assert fix_meta_mojibake(text) == text


def test_mojibake_is_repaired_in_nested_values_and_keys():
    value = {_meta("città"): [_meta("è"), {"title": _meta("Caffè ☕")}, 3, None, True]}
    assert fix_meta_mojibake(value) == {"città": ["è", {"title": "Caffè ☕"}, 3, None, True]}


def test_latin1_text_that_is_not_utf8_is_left_alone():
    # "Ã" followed by a plain letter is not a UTF-8 sequence: not this mojibake, not touched
    assert fix_meta_mojibake("SÃO PAULO") == "SÃO PAULO"


@pytest.mark.parametrize("record,name,expected", [
    ({"authorMeta": {"name": "giulia"}}, "authorMeta.name", "giulia"),
    ({"authorMeta.name": "giulia"}, "authorMeta.name", "giulia"),
    ({"authorMeta": {"fans": 3}}, "authorMeta.name", None),
    ({"authorMeta": "giulia"}, "authorMeta.name", None),
    ({}, "text", None),
    ({"text": "🔥"}, "text", "🔥"),
])
def test_get_path_reads_nested_and_flattened_keys(record, name, expected):
    assert get_path(record, name) == expected


def test_unmapped_keeps_siblings_of_taken_nested_keys():
    item = {"authorMeta": {"name": "sam", "fans": 3, "verified": False}, "text": "hi", "authorMeta.id": "9",
            "playCount": 5}
    assert unmapped(item, ["authorMeta.name", "authorMeta.fans", "text"]) == {
        "authorMeta": {"verified": False}, "authorMeta.id": "9", "playCount": 5}
