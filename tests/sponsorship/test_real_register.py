"""Issue 15: the signals real sponsored captions show (attribution to a handle, campaign hashtags on the
brand's name, brand-named tracking links, c/o, event thanks, launch countdowns) as evidence items, and
the updated disclosure-rules.md: a bare @brand tag is never a label, in any market. Rules only (no model)."""

from __future__ import annotations

import pytest

from .conftest import cited_rule

MARKETS = ("it", "us", "uk")

# fmt: off
SIGNAL_ROWS = [  # (market, caption, rule that must appear in the evidence, verdict)
    ("uk", "shorts from @linnea.studio, top @hollowayknit 🤍 #linneagirls", "en.attribution.wearing", "organic"),
    ("uk", "shorts from @linnea.studio, top @hollowayknit 🤍 #linneagirls", "signals.campaign_hashtag.brand_echo", "organic"),
    ("it", "shorts @lineastudio.milano, top @maglieria.holl 🤍 #lineastudiogirls", "signals.campaign_hashtag.brand_echo", "organic"),
    ("it", "indosso il maglione @maglieria.holl da settimane", "it.attribution.indosso", "organic"),
    ("us", "new season picks from @marnie.atelier 💙 bit.ly/MarnieAtelierKate", "signals.tracking_link.brand_named", "undisclosed"),
    ("it", "i preferiti della stagione di @atelier.marni 💙 bit.ly/AtelierMarniKatia", "signals.tracking_link.brand_named", "undisclosed"),
    ("uk", "c/o @marlowe.shoes, the loafers in tan, size 5", "en.gift.care_of", "undisclosed"),
    ("it", "Mocassini c/o @calzaturificio.marlo, numero 38", "en.gift.care_of", "undisclosed"),  # both files run
    ("it", "Trattamento viso in omaggio da @studio.sopracciglia.mi oggi", "it.gift.omaggio_da", "undisclosed"),
    ("us", "Thanks @oxbowkitchen for having us at the tasting menu launch!", "en.invitation.thanks_for_having", "weak_disclosure"),
    ("it", "Grazie @rifugio.lagazuoi per averci ospitati! Cena alle 19", "it.invitation.grazie_per_averci", "weak_disclosure"),
    ("uk", "Thanks @sagebrush.lodge for having us this weekend!", "en.invitation.thanks_for_having", "undisclosed"),
    ("us", "3 DAYS ⏰ The @glowlab.skin x Tara glow kit drops Friday. Set your alarms", "en.launch.countdown", "undisclosed"),
    ("it", "MENO 3 ⏰ Il kit @lab.luminosa x Luce esce venerdì. Mettete la sveglia", "it.launch.countdown", "undisclosed"),
    ("us", "my go-to sandals: sunlit.com/kate?utm_source=kate&utm_campaign=summer", "signals.affiliate_link.utm_campaign", "undisclosed"),
    ("us", "Bottomless brunch at @thegildedfork, email events@gildedfork.nyc to book!", "en.brand_cta.email_to_book", "undisclosed"),
]
LOOKALIKE_ROWS = [  # (market, caption): organic, no relationship shown
    ("uk", "wearing @hollowayknit again, bought in the January sale for £38"),
    ("it", "Di nuovo il maglione @maglieria.holl, preso ai saldi di gennaio a 38€"),
    ("us", "The birria recipe is finally written down: bit.ly/samcooks-birria"),
    ("it", "La ricetta del ragù finalmente scritta: bit.ly/tommaso-rag"),
    ("us", "BREAKING: airline cuts routes. Full story at the link in bio. (via @skytracker.news)"),
    ("it", "ULTIM'ORA: taglio delle rotte. Articolo completo al link in bio. (via @voli.news)"),
    ("us", "Huge thank you to Rosa at @rosas.tortilleria, who let me behind the counter 📸 @dani.lens"),
    ("it", "Grazie a chi è venuto sabato alla mini mostra da @caffe.azzurro, eravate in 31!"),
    ("uk", "LIMITED SLOTS: only 4 spots left! Email bookings@solstice-retreats.co to reserve yours"),
    ("it", ""), ("us", ""), ("uk", "🔥🔥🔥"), ("it", "😍✨"),
]
BARE_TAG_ROWS = [  # a commercial signal + a bare @brand tag: undisclosed in every market
    "Il blush più bello 🥰 @rosecosmetics.it, con JESS15 avete il 15%",
    "Best blush ever 🥰 @rosecosmetics use JESS15 for 15% off",
    "Tre notti ospiti di @campingbaialuna in Sardegna",
    "New drop 🚨 @ironoat Peanut Crunch launches Friday, use code DEREK15",
]
# fmt: on


@pytest.mark.parametrize("market, text, rule, verdict", SIGNAL_ROWS)
def test_real_register_signals_are_evidence(judge, market, text, rule, verdict):
    out = judge({"id": "x", "text": text, "market": market})
    items = [e for e in out["evidence"] if e.get("rule") == rule]
    assert items, out["evidence"]
    for item in items:
        assert text[item["start"]:item["end"]] == item["text"]
    assert out["verdict"] == verdict, out["evidence"]


@pytest.mark.parametrize("market, text, rule, verdict", SIGNAL_ROWS[:4])
def test_probability_only_signals_raise_the_probability(judge, market, text, rule, verdict):
    plain = text.split("#")[0].replace("@", "")
    assert judge({"id": "x", "text": text, "market": market})["probability"] > \
        judge({"id": "x", "text": plain, "market": market})["probability"]


@pytest.mark.parametrize("market, text", LOOKALIKE_ROWS)
def test_organic_lookalikes_stay_organic(judge, market, text):
    out = judge({"id": "x", "text": text, "market": market})
    assert out["verdict"] == "organic", out["evidence"]
    assert not any(e.get("rule", "").startswith("signals.tracking_link") for e in out["evidence"])


@pytest.mark.parametrize("market", MARKETS)
@pytest.mark.parametrize("text", BARE_TAG_ROWS)
def test_bare_brand_tag_is_never_a_label(judge, market, text):
    out = judge({"id": "x", "text": text, "market": market})
    assert out["verdict"] == "undisclosed", out["evidence"]
    assert not any(e["kind"] == "ambiguous_label" and e["text"].startswith("@") for e in out["evidence"])
    assert not cited_rule(out).endswith(".mention")
