"""Placement facts: the preview window (125 characters or the end of the third line), hashtag rank,
the trailing hashtag cluster, and whole-word label matching."""

from __future__ import annotations

import pytest

from authentic_nlp.analyzers.placement import CaptionLayout, preview_end, trailing_cluster_start
from authentic_nlp.markets.rules import load_markets

LONG = "x" * 200


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("",                                   0),
    ("😍🔥",                               2),
    ("Ciao a tutti",                       12),
    (LONG,                                 125),
    ("uno\ndue\ntre\nquattro",             11),   # ends at the end of the third line
    ("one\ntwo\nthree",                    13),   # only three lines: the whole caption
    ("\n\n\nfourth",                       2),    # empty lines count as lines
    ("a" * 130 + "\nb\nc\nd",              125),  # 125 characters come first
])
# fmt: on
def test_preview_window(text, expected):
    assert preview_end(text, 125, 3) == expected


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("",                                                   None),
    ("🔥🔥🔥",                                              None),
    ("Serata al mare #estate #mare #sole",                 15),
    ("Serata al mare #estate #mare",                       None),   # two hashtags: not a cluster
    ("Day out! #ad #uk #london 🇬🇧",                        9),      # emoji inside the cluster
    ("Day out! #ad #uk @london #city.",                     9),      # @tags and punctuation inside it
    ("#ad #nike #running",                                 None),   # nothing but tags: not trailing
    ("Nuove #scarpe #adv #nike e poi via a correre",       None),   # text after the hashtags
    ("Mix it up #fashion#style#ootd",                      10),     # glued hashtags
])
# fmt: on
def test_trailing_cluster(text, expected):
    assert trailing_cluster_start(text, 3) == expected


# fmt: off
@pytest.mark.parametrize("market, text, label, visible, facts", [
    ("it", "#pubblicità con @lumaskin",                         "#pubblicità", True,  ["visible"]),
    ("it", "Mare #estate #sole #mare #pubblicità",             "#pubblicità", False, ["hashtag_rank", "trailing_cluster"]),
    ("it", "Mare e sole #adv #estate #sole #mare",              "#adv",        True,  ["visible"]),  # within rank 3
    ("us", "Mare e sole #ad #estate #sole #mare",               "#ad",         False, ["trailing_cluster"]),
    ("us", "Mare #estate #sole #mare #ad and more text",        "#ad",         True,  ["visible"]),  # no rank rule in us
    ("uk", "x" * 130 + " #ad",                                  "#ad",         False, ["preview"]),
    ("uk", "l1\nl2\nl3\nAd: hello",                             "Ad",          False, ["preview"]),
])
# fmt: on
def test_visibility_facts(market, text, label, visible, facts):
    layout = CaptionLayout(text, load_markets()[market].placement)
    start = text.index(label)
    result = layout.visibility(start, start + len(label))
    assert result.visible is visible
    assert [kind for kind, _note in result.facts] == facts


# fmt: off
@pytest.mark.parametrize("market, text, labels", [
    ("it", "#adidas #adventure #advice",                   []),
    ("it", "Un advice: bevete acqua",                      []),
    ("it", "#ADV @brand",                                  ["#ADV"]),
    ("it", "#Pubblicita #PUBBLICITÀ pubblicità",           ["#Pubblicita", "#PUBBLICITÀ", "pubblicità"]),
    ("it", "#sponsorizzata #sponsorizzati",                ["#sponsorizzata", "#sponsorizzati"]),
    ("it", "#partnershipapagamento",                       ["#partnershipapagamento"]),
    ("it", "",                                             []),
    ("it", "🔥🔥",                                          []),
    ("us", "#adidas #adventure #advice #ads",              ["#ads"]),
    ("us", "#Advertising is everywhere",                   ["#Advertising"]),
    ("us", "The ad campaign was fun",                      []),       # a bare lower-case 'ad' in a sentence is no label
    ("us", "Brad Pitt, ADHD, MAD",                         []),
    ("uk", "Advert | #Advertisement",                      ["Advert", "#Advertisement"]),
    ("uk", "#adventuretime #adverts",                      []),
])
# fmt: on
def test_labels_match_whole_words_any_case_with_or_without_hash(market, text, labels):
    found = load_markets()[market].labels.find(text)
    assert sorted({m.text for m in found if m.cue.kind == "accepted" or m.text.startswith("#")}) == sorted(set(labels))
