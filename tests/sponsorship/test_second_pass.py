"""Second pass on the sponsorship stage, from the annotated corpora (GUIDELINES.md) where they follow
disclosure-rules.md: #adv with a #brand hashtag, "in collaborazione con la boutique @x", bare @brand
with a signal in Italy, negation, "-18%" without discount context, gifts from people and creator
collabs. Each row: market, caption, verdict, the rule cited by the `verdict` evidence item.
Captions written for these tests (no text from ../shared/data)."""

from __future__ import annotations

import pytest

from .conftest import cited_rule

LONG = "Le lenti colorate perfette per ogni cosplay, comodissime tutto il giorno, colori stupendi e nessun fastidio agli occhi. "

ROWS = [
    # --- "" and emoji-only ---
    ("it", "", "organic", None),
    ("us", "🎁🥹✨", "organic", None),
    # --- 1. #adv / #ad with the brand as #brand among the first three hashtags (it) ---
    ("it", "#adv #farinedelborgo Ho provato la loro macinata a pietra: pane, e poi ancora pane", "disclosed", "it.label.adv_brand"),
    ("it", "#ad #crocchettelupo Tre settimane di prova, la pancia fa meno rumori", "disclosed", "it.label.ad_brand"),
    ("it", "#adv #glowlab my new serum, lo adoro 💖", "disclosed", "it.label.adv_brand"),  # mixed it/en
    ("it", "#adv #cosplay Le lenti colorate che uso alle fiere", "weak_disclosure", "it.label.adv_brand"),  # one dictionary word
    ("it", "#adv #booktok il romance che vi distruggerà 💔", "weak_disclosure", "it.label.adv_brand"),  # topic suffix
    ("it", "I guantoni più resistenti 🥊 #adv #mma #fight #boxing", "weak_disclosure", "it.label.adv_brand"),
    ("it", "#adv " + LONG + "Trovate tutto da @ottica.fantasia", "weak_disclosure", "it.label.adv_brand"),  # brand after the preview
    ("it", "#adv Le lenti di @ottica.fantasia 👁️ #cosplay", "disclosed", "it.label.adv_brand"),
    ("us", "#ad #glowlab new moisturizer, obsessed", "disclosed", "us.label.ad_tag"),  # no brand needed in us
    # --- 2. "in collaborazione con <noun> @brand" (it) and "sponsored by <words> @brand" (us) ---
    ("it", "In collaborazione con la boutique @bottegadelponte: cinque collane in vetrina", "disclosed", "it.label.in_collaborazione_con"),
    ("it", "In collaborazione con il ristorante @trattoriaroma, menù di primavera 🍝", "disclosed", "it.label.in_collaborazione_con"),
    ("it", "In collaborazione con... indovinate chi 😏 codice MARE15", "weak_disclosure", "it.label.in_collaborazione_con"),
    ("us", "Sponsored by the lovely @glowlab: the new serum", "disclosed", "us.label.sponsored_by"),
    # --- 3. bare @brand + a commercial signal: undisclosed in every market (a tag is never a label) ---
    ("it", "Il blush più bello 🥰 @rosecosmetics.it ha fatto centro, con JESS15 avete il 15%", "undisclosed", "signals.discount_code.bare_code"),
    ("it", "Le scarpe da ballo più comode 😍 @passodanza.it con GIADA10 avete lo sconto!!", "undisclosed", "signals.discount_code.bare_code"),
    ("it", "Tre notti ospiti di @campingbaialuna in Sardegna, docce calde vere", "undisclosed", "it.invitation.invito"),
    ("us", "Best blush ever 🥰 @rosecosmetics use JESS15 for 15% off", "undisclosed", "signals.discount_code.bare_code"),
    ("uk", "Comfiest dance shoes 😍 @passodanza with GIADA10 you get 10% off", "undisclosed", "signals.discount_code.bare_code"),
    ("it", "La piattaforma di film d'autore 🎬 con il codice DIVANO avete 2 mesi gratis, niente tag", "undisclosed",
     "signals.discount_code.bare_code"),
    # --- 4. negation ---
    ("us", "Not sponsored, I paid for it myself: the Libby app is just the library", "organic", None),
    ("it", "Da jeans rotti a borsa della spesa, nessun link affiliato qui 🧵", "organic", None),
    ("it", "Non è una collaborazione: questa crema la compro da anni", "organic", None),
    ("us", "this is not an ad, I just love this pan", "organic", None),
    ("us", "#notsponsored my favourite running shoes, third pair", "organic", None),
    ("uk", "sponsored by nobody, the van is ours and so is the debt 😂", "organic", None),
    ("it", "Nessuno sponsor, nessun codice: solo la mia bici vecchia 🚲", "organic", None),
    ("it", "Not sponsored, la compro da anni al supermercato 🧴", "organic", None),  # mixed it/en
    ("it", "Non vedo l'ora di farvela provare! #pubblicità con @lumaskin", "disclosed", "it.label.pubblicita"),  # not adjacent
    ("us", "No joke, use code SAM10 at checkout", "undisclosed", "signals.discount_code.code_token"),  # not adjacent
    # --- 5. "-18%" is a discount only with discount context ---
    ("it", "Il mio portafoglio quest'anno: -18% sul fondo azionario, tengo duro", "organic", None),
    ("us", "My portfolio is down -18% this year, holding anyway 📉", "organic", None),
    ("us", "Spring sale -25% at @glowlab this week", "undisclosed", "signals.discount_code.minus_percent"),
    ("it", "Sconto -20% sul siero di @lumaskin fino a domenica", "undisclosed", "signals.discount_code.minus_percent"),
    # --- 6. gifts from people and collabs with other creators are organic ---
    ("us", "#gifted by my mom for my 30th 🥹 the illustrated Anne of Green Gables", "organic", None),
    ("uk", "Sent from my nan: a hand-knitted jumper, itchy but I love it", "organic", None),
    ("it", "#gifted da mia mamma per il compleanno 🎁 il libro che cercavo da anni", "organic", None),
    ("us", "collab with @lilprodz is OUT 🔥 we made this in one night, link in bio to hear it", "organic", None),
    ("it", "collab con @lilprodz è fuori 🔥 link in bio per ascoltarla", "organic", None),
    ("us", "#gifted by @newbrand: the new running shoes", "disclosed", "us.gift.free_statement"),  # a brand, not a person
    ("us", "collab with @glowlab: my new serum, link in bio", "undisclosed", "en.collaboration.partnership"),
]


@pytest.mark.parametrize("market,text,verdict,rule", ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(ROWS)])
def test_second_pass_verdicts(judge, market, text, verdict, rule):
    out = judge({"id": "t", "market": market, "text": text})
    assert out["verdict"] == verdict, out["evidence"]
    assert cited_rule(out) == rule, out["evidence"]
    for item in out["evidence"]:
        if item["start"] is not None:
            assert text[item["start"]:item["end"]] == item["text"]


@pytest.mark.parametrize("market,text,cancelled", [
    ("it", "Da jeans rotti a borsa, nessun link affiliato qui", "link affiliato"),
    ("us", "Not sponsored, I paid for it myself", "sponsored"),
    ("us", "#gifted by my mom for my birthday", "gifted by"),
    ("it", "Non è una collaborazione, la compro da anni", "collaborazione"),
])
def test_negation_is_evidence(judge, market, text, cancelled):
    out = judge({"id": "t", "market": market, "text": text})
    notes = [e["note"] for e in out["evidence"] if e["kind"] == "negation"]
    assert any(repr(cancelled) in note for note in notes), out["evidence"]


@pytest.mark.parametrize("market,text", [
    ("it", "Da jeans rotti a borsa, nessun link affiliato qui"),
    ("us", "#notsponsored #gifted by my mom"),
    ("it", ""),
])
def test_negation_lowers_the_probability(judge, market, text):
    assert judge({"id": "t", "market": market, "text": text})["probability"] < 0.5
