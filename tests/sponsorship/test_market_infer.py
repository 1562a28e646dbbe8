"""Market inference from the caption (markets/infer.py, market_cues.yaml): Italian and English
captions written for these tests (UK, US, IT, ambiguous, "" and emoji only); every evidence offset
indexes into the normalized caption."""

from __future__ import annotations

import pytest

from authentic_nlp.markets.infer import DECISION_RULE, infer_market, load_market_cues, resolve_market
from authentic_nlp.text.normalize import normalize

# text, caption language, expected market, source, evidence (kind, text) that must be among the items
CASES = [
    # United Kingdom
    ("Obsessed with this colour! 20% off at www.boots.co.uk with code AMY20, just £15", "en", "uk", "inferred",
     [("spelling", "colour"), ("domain", "www.boots.co.uk"), ("currency", "£")]),
    ("My favourite jumper for the school run with my mum", "en", "uk", "inferred",
     [("spelling", "favourite"), ("vocabulary", "jumper")]),
    ("#ad @nyxcosmetics_uk the new palette is lush", "en", "uk", "inferred", [("handle", "@nyxcosmetics_uk")]),
    ("Prices from 20 GBP, queued for an hour at Tesco", "en", "uk", "inferred",
     [("currency", "GBP"), ("retailer", "Tesco")]),
    ("Weekend a Londra: sconto del 20% su shop.co.uk, da £10", "it", "uk", "inferred",
     [("place", "Londra"), ("domain", "shop.co.uk"), ("currency", "£"), ("language", "it")]),
    # United States
    ("My favorite color, only $15 at walmart.com", "en", "us", "inferred",
     [("spelling", "favorite"), ("currency", "$"), ("domain", "walmart.com")]),
    ("Thanksgiving prep with my mom 🦃 grabbed everything at Trader Joe's", "en", "us", "inferred",
     [("vocabulary", "Thanksgiving"), ("vocabulary", "mom"), ("retailer", "Trader Joe's")]),
    ("Vacanza a New York, tutto a $20!", "it", "us", "inferred", [("place", "New York"), ("currency", "$")]),
    # Italy
    ("Adoro questo colore, solo 15€ su www.zalando.it", "it", "it", "inferred",
     [("currency", "€"), ("domain", "www.zalando.it"), ("language", "it")]),
    ("Spesa da Esselunga a Milano, 30 euro in tutto", "it", "it", "inferred",
     [("retailer", "Esselunga"), ("place", "Milano"), ("currency", "euro")]),
    ("Loving my new bag from @brand_it, only 40€", "en", "it", "inferred", [("handle", "@brand_it"), ("currency", "€")]),
    # nothing tells, or the cues disagree: the default
    ("Che bello! 😍", "it", "it", "default", [("language", "it")]),
    ("Love this! link in bio", "en", "us", "default", []),
    ("My colour of the season, $20", "en", "us", "default", [("spelling", "colour"), ("currency", "$")]),
    ("Shot in 1080p, you can do it. Just do it.now", "en", "us", "default", []),
    ("", "und", "us", "default", []),
    ("🔥🔥🔥", "und", "us", "default", []),
    ("", "it", "it", "default", [("language", "it")]),
    ("😍😍", "it", "it", "default", [("language", "it")]),
]


@pytest.mark.parametrize("text, language, market, source, expected", CASES)
def test_infer_market(text, language, market, source, expected):
    clean = normalize(text)
    choice = infer_market(clean, language)
    assert (choice.code, choice.source) == (market, source)
    found = [(e.kind, e.text) for e in choice.evidence]
    assert [x for x in expected if x not in found] == []
    for item in choice.evidence:
        if item.start is not None:
            assert clean[item.start:item.end] == item.text
    decision = choice.evidence[-1]
    assert decision.kind == "market" and decision.rule == DECISION_RULE and decision.start is None


@pytest.mark.parametrize("forced, given, market, source", [
    ("us", "uk", "us", "option"), ("it", None, "it", "option"), (None, "us", "us", "input"), (None, None, "uk", "inferred"),
])
def test_option_and_input_come_first(forced, given, market, source):
    choice = resolve_market(forced, given, "Lovely colour, £12 at shop.co.uk", "en")
    assert (choice.code, choice.source) == (market, source)
    assert (choice.evidence == ()) is (source != "inferred")


def test_every_cue_names_a_market_and_a_source():
    cues = list(load_market_cues())
    assert len(cues) >= 30
    assert {c.extra["market"] for c in cues} == {"it", "us", "uk"}
    assert all(c.source and 0 < c.weight <= 1 for c in cues)


@pytest.mark.parametrize("case, language, market, source, verdict", [
    ({"id": "s1", "text": "Sponsored by @glowco: my favourite colour palette, £20 at glowco.co.uk"}, "en", "uk", "inferred", "weak_disclosure"),
    ({"id": "s2", "text": "Sponsored by @glowco: my favourite colour palette, £20 at glowco.co.uk", "market": "us"}, "en", "us", "input", "disclosed"),
    ({"id": "s3", "text": "Sponsored by @glowco: my favorite color palette, $20 at glowco.com"}, "en", "us", "inferred", "disclosed"),
    ({"id": "s4", "text": "Sponsored by @glowco: new palette, link in bio"}, "en", "us", "default", "disclosed"),
    ({"id": "s5", "text": "Sponsorizzato da @glowco: la mia palette preferita, 20€ su glowco.it"}, "it", "it", "inferred", "disclosed"),
    ({"id": "s6", "text": "Sponsored by @glowco 💄 🔥🔥"}, "und", "us", "default", "disclosed"),
])
def test_the_sponsorship_stage_judges_under_the_inferred_market(judge, case, language, market, source, verdict):
    section = judge(case, language=language)
    assert (section["market"], section["market_source"], section["verdict"]) == (market, source, verdict)
    clean = normalize(case["text"])
    for item in section["market_evidence"] + section["evidence"]:
        if item["start"] is not None:
            assert clean[item["start"]:item["end"]] == item["text"]


def test_market_option_overrides_inference(judge):
    section = judge({"id": "o1", "text": "Sponsored by @glowco: £20 at glowco.co.uk, my favourite colour"},
                    language="en", market="us")
    assert (section["market"], section["market_source"], section["verdict"]) == ("us", "option", "disclosed")
    assert section["market_evidence"] == []
