"""Where the markets disagree, and which market applies: the same caption under it, us and uk, the
market notes in the evidence, the platform flag per market, and market selection."""

from __future__ import annotations

import pytest

from authentic_nlp import analyze_posts

from .conftest import cited_rule


# fmt: off
@pytest.mark.parametrize("text, flag, expected", [
    ("Sponsored by @fitfuel: my pre-run snack", None,
     {"it": "disclosed", "us": "disclosed", "uk": "weak_disclosure"}),
    ("Thanks to @glowlabs for the free product, loving it", None,  # it: a gift and a bare tag, no Italian label
     {"it": "undisclosed", "us": "disclosed", "uk": "weak_disclosure"}),
    ("Prodotto inviato da @lumaskin: la crema è leggerissima", None,
     {"it": "disclosed", "us": "undisclosed", "uk": "undisclosed"}),
    ("#sponsored La nuova palette di @colorlab", None,
     {"it": "weak_disclosure", "us": "disclosed", "uk": "weak_disclosure"}),
    ("#adv @aquapura la borraccia che uso in palestra", None,
     {"it": "disclosed", "us": "organic", "uk": "organic"}),
    ("Weekend in Toscana 🌻", True,
     {"it": "disclosed", "us": "weak_disclosure", "uk": "weak_disclosure"}),
    ("#ad Weekend at @resortco", True,
     {"it": "disclosed", "us": "disclosed", "uk": "disclosed"}),
    ("", True,
     {"it": "disclosed", "us": "weak_disclosure", "uk": "weak_disclosure"}),
    ("🌴🌴", None,
     {"it": "organic", "us": "organic", "uk": "organic"}),
    ("Outfit of the day con @zara, #ad 💃", None,
     {"it": "disclosed", "us": "disclosed", "uk": "disclosed"}),
])
# fmt: on
def test_same_caption_under_each_market(judge, text, flag, expected):
    for market, verdict in expected.items():
        case = {"id": "x", "text": text, "market": market, "flag": flag}
        assert judge(case)["verdict"] == verdict, market


# fmt: off
@pytest.mark.parametrize("market, text, flag, note_fragment", [
    ("uk", "Sponsored by @coatco: my winter picks",                  None, "the UK ASA advises against it"),
    ("us", "Sponsored by @fitfuel: my pre-run snack",                None, "the UK ASA advises against it"),
    ("it", "Sponsored by @colorlab: la mia palette",                 None, "the UK ASA advises against it"),
    ("uk", "#gifted new trainers from @kicksco",                     None, "the UK CMA expects #ad"),
    ("uk", "Thanks to @glowlabs for the free product",               None, "the UK CMA expects #ad"),
    ("us", "Thanks to @glowlabs for the free product",               None, "the UK CMA expects #ad"),
    ("it", "Prodotto inviato da @lumaskin: crema leggerissima",      None, "the UK CMA expects #ad"),
    ("us", "Weekend getaway 🌴",                                      True, "not necessarily enough on its own"),
    ("uk", "Weekend getaway 🌴",                                      True, "not necessarily enough on its own"),
    ("it", "Weekend in Toscana 🌻",                                   True, "IAP the platform's paid-partnership label counts"),
])
# fmt: on
def test_market_disagreements_are_said_in_the_evidence(judge, market, text, flag, note_fragment):
    out = judge({"id": "x", "text": text, "market": market, "flag": flag})
    notes = [e["note"] for e in out["evidence"] if e["kind"] == "market_note"]
    assert any(note_fragment in n for n in notes), out["evidence"]


# fmt: off
@pytest.mark.parametrize("forced, post_market, language, expected", [
    (None, None, "it",  "it"),
    (None, None, "en",  "us"),
    (None, None, "und", "us"),
    (None, None, "es",  "us"),
    (None, "uk", "it",  "uk"),    # the post's market beats its language
    ("it", "uk", "en",  "it"),    # --market beats both
    ("uk", None, "it",  "uk"),
])
# fmt: on
def test_market_selection(judge, forced, post_market, language, expected):
    case = {"id": "x", "text": "#ad @brand", "market": post_market}
    options = {"market": forced} if forced else {}
    assert judge(case, language=language, **options)["market"] == expected


def test_platform_flag_evidence_has_no_offsets(judge):
    out = judge({"id": "x", "text": "Weekend 🌴", "market": "us", "flag": True})
    flag_items = [e for e in out["evidence"] if e["rule"] == "us.platform.paid_partnership"]
    assert {e["kind"] for e in flag_items} == {"signal", "market_note", "verdict"}
    assert all(e["start"] is None and e["end"] is None for e in flag_items)


# fmt: off
@pytest.mark.parametrize("text, market, verdict", [
    ("Usa il mio codice GIULIA20 per avere lo sconto sul sito, vi aspetto!", "it", "undisclosed"),
    ("Use my code JESS20 to get a discount on the website, see you there!", "us", "undisclosed"),
    ("#pubblicità La nuova crema di @lumaskin è arrivata, la provo da una settimana", "it", "disclosed"),
    ("", "us", "organic"),
    ("😍😍😍", "us", "organic"),
])
# fmt: on
def test_full_pipeline_picks_the_market_from_the_language(text, market, verdict):
    record = next(analyze_posts([{"id": "x", "text": text}]))
    assert (record["sponsorship"]["market"], record["sponsorship"]["verdict"]) == (market, verdict)
    assert 0.0 <= record["sponsorship"]["probability"] <= 1.0


def test_output_is_byte_identical_across_runs(judge):
    case = {"id": "x", "text": "Sponsorizzato da @nike #adv #running link in bio codice NIKE10", "market": "it"}
    assert repr(judge(case)) == repr(judge(case))
    assert cited_rule(judge(case)) == "it.label.sponsorizzato_da"
