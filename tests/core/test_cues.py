"""The cue loader: whole-word matching, folding, and loud validation errors that name file, entry and line."""

from __future__ import annotations

import pytest

from authentic_nlp.cues import fold, load_cues_file, load_yaml, parse_cues
from authentic_nlp.errors import DataFileError


def cue_set(*entries: str):
    text = "cues:\n" + "\n".join(f"  - {e}" for e in entries) + "\n"
    return parse_cues(load_yaml("test.yaml", text), "test.yaml")


# fmt: off
@pytest.mark.parametrize("pattern, text, expected", [
    ("'#ad'",        "Nuovo look #ad",                ["#ad"]),
    ("'#ad'",        "scarpe #adidas nuove",          []),
    ("'#ad'",        "#adventure time",               []),
    ("'#ad'",        "#AD in maiuscolo",              ["#AD"]),
    ("adv",          "some advice please",            []),
    ("adv",          "post adv con brand",            ["adv"]),
    ("adv",          "#adv",                          []),          # a bare phrase never matches a hashtag
    ("pubblicità",   "contenuto di pubblicita",       ["pubblicita"]),
    ("pubblicità",   "PUBBLICITÀ!",                   ["PUBBLICITÀ"]),
    ("link in bio",  "tutto al Link   in\nbio 🔗",    ["Link   in\nbio"]),
    ("link in bio",  "linkinbio",                     []),
    ("'@brand'",     "grazie @brand.",                ["@brand"]),
    ("'@brand'",     "grazie @brandofficial",         []),
    ("but",          "",                              []),
    ("but",          "😍😍😍",                         []),
    ("but",          "I liked it, but the strap broke", ["but"]),
])
# fmt: on
def test_phrase_cues_match_whole_words_in_any_case(pattern, text, expected):
    cues = cue_set(f"{{id: x, kind: k, pattern: {pattern}, weight: 0.5, source: test}}")
    assert [m.text for m in cues.find(text)] == expected


def test_offsets_point_into_the_original_text():
    cues = cue_set("{id: x, kind: k, pattern: perché, weight: 0.5, source: test}")
    text = "Ma PERCHÉ no? perche sì"
    found = cues.find(text)
    assert [(m.start, m.end) for m in found] == [(3, 9), (14, 20)]
    assert [text[m.start:m.end] for m in found] == ["PERCHÉ", "perche"]


def test_regex_cues_match_the_text_itself_and_can_be_case_sensitive():
    cues = cue_set(r"{id: code, kind: discount_code, regex: '\b[A-Z]{3,}\d{2}\b', ignore_case: false, weight: 0.8, source: test}")
    assert [m.text for m in cues.find("usa GIULIA20, non giulia20")] == ["GIULIA20"]


def test_fold_keeps_length():
    for text in ["Perché È così", "ÀÉÎÕÜ", "😍 naïve café", ""]:
        assert len(fold(text)) == len(text)


# fmt: off
@pytest.mark.parametrize("entry, message", [
    ("{kind: k, pattern: a, weight: 0.5, source: s}",             "'id' is required"),
    ("{id: x, pattern: a, weight: 0.5, source: s}",               "'kind' is required"),
    ("{id: x, kind: k, pattern: a, weight: 0.5}",                 "'source' is required"),
    ("{id: x, kind: k, pattern: a, weight: 1.5, source: s}",      "weight must be a number in [0, 1]"),
    ("{id: x, kind: k, pattern: a, weight: -0.1, source: s}",     "weight must be a number in [0, 1]"),
    ("{id: x, kind: k, pattern: a, weight: high, source: s}",     "weight must be a number in [0, 1]"),
    ("{id: x, kind: k, weight: 0.5, source: s}",                  "exactly one of 'pattern'"),
    ("{id: x, kind: k, pattern: a, regex: b, weight: 0.5, source: s}", "exactly one of 'pattern'"),
    ("{id: x, kind: k, regex: '(unclosed', weight: 0.5, source: s}",   "regex does not compile"),
])
# fmt: on
def test_bad_entries_fail_at_load_naming_file_entry_and_line(entry, message):
    with pytest.raises(DataFileError) as info:
        cue_set("{id: ok, kind: k, pattern: fine, weight: 0.1, source: s}", entry)
    text = str(info.value)
    assert info.value.code == "E201"
    assert "test.yaml" in text and "line 3" in text and message in text


def test_duplicate_ids_are_rejected():
    with pytest.raises(DataFileError, match="duplicate id 'x'"):
        cue_set("{id: x, kind: k, pattern: a, weight: 0.1, source: s}",
                "{id: x, kind: k, pattern: b, weight: 0.1, source: s}")


def test_unparsable_and_misshapen_files_fail(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("cues: [unclosed", encoding="utf-8")
    with pytest.raises(DataFileError, match="E202"):
        load_cues_file(broken)
    shapeless = tmp_path / "shapeless.yaml"
    shapeless.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="expected a mapping with a 'cues' list"):
        load_cues_file(shapeless)


def test_the_literal_precheck_never_hides_a_match():
    cues = cue_set("{id: a, kind: k, pattern: link in bio, weight: 0.5, source: s}",
                   "{id: b, kind: k, pattern: Perché NO, weight: 0.5, source: s}")
    assert [c.literal for c in cues] == ["link", "perche"]
    assert [m.cue.id for m in cues.find("LINK IN BIO e perché   no")] == ["a", "b"]
    assert cues.find("nessun collegamento") == []

