"""Issue 15: first-hand voice raises sincerity, third-person information and brand copy lower it, and
tags and photo credits are neutral (corpora/GUIDELINES.md 3.1). Cue scores only (no learned model)."""

from __future__ import annotations

import pytest

# fmt: off
FIRST_HAND = [  # (lang, caption): sincere captions full of tags, credits, specific thanks, own moments at named places
    ("en", "Sunrise at Mesa Arch, 6:12am, my fingers quit after ten minutes. Worth it. 📷 @jonah.shoots | jacket @northtrail_co"),
    ("en", "On set with @studio.k & @brand.x all day: I carried the tripod up 300 steps and we missed the last train home."),
    ("en", "Huge thank you to Rosa at @rosas.tortilleria, who let me stand behind the counter for a whole morning. 📸 @dani.lens"),
    ("en", "I tore my ACL in 2023. Today I squatted 100kg again at @movewell.gym. Not pretty, but mine."),
    ("it", "Alba al Seceda, ore 5:50, le dita non rispondevano più. Ne è valsa la pena. 📷 @marco.scatta | giacca @montevento_"),
    ("it", "Grazie di cuore alla signora Rosa del @forno.rosa.bari, che mi ha lasciato dietro al banco per una mattina intera."),
    ("it", "Ho saltato la fermata sul regionale delle 7:14 e sono finita a Modena. Foto di @amica.lucia"),
    ("it", "Nel 2023 mi sono rotto il crociato; oggi ho rifatto lo squat con 100 kg da @palestra.nord."),
]
THIRD_PERSON = [  # (lang, caption): reposts, news, quotes, listicles, brand copy, brand voice, deal urgency, countdowns
    ("en", "via @marketwire.daily: The Fed held rates steady. Analysts now expect two cuts next year."),
    ("en", "Regrann from @thewealthcode - “Rich people buy assets. Poor people buy liabilities.” Read that again."),
    ("en", "BREAKING: A major airline announces a 20% cut to routes. Full story at the link in bio."),
    ("en", "5 habits of millionaires: they wake up early and read every day. Follow @dailybuzz for more"),
    ("en", "Meet the Hydra Veil Serum: 2% niacinamide. Dermatologist tested. Fragrance free."),
    ("en", "At @brewhaus every bean tells a story: we roast in small batches so you can taste the difference."),
    ("en", "LIMITED SLOTS: only 4 spots left! Email bookings@solstice-retreats.co to reserve yours"),
    ("en", "Countdown is ON: 3 days until the capsule drops. Set your alarms"),
    ("it", "via @mercati.quotidiani: la BCE lascia i tassi invariati. Gli analisti si aspettano due tagli."),
    ("it", "Regrann da @mentalita.ricca - “I ricchi comprano asset, i poveri comprano passività.” Rileggilo."),
    ("it", "ULTIM'ORA: una compagnia aerea annuncia il taglio delle rotte. Articolo completo al link in bio."),
    ("it", "5 abitudini dei milionari: si svegliano presto. Segui @notizie.soldi per altri consigli"),
    ("it", "Ecco il Siero Velo Idra: 2% di niacinamide. Dermatologicamente testato. Senza profumo."),
    ("it", "Ogni chicco racconta una storia: tostiamo in piccoli lotti perché tu senta la differenza."),
    ("it", "POSTI LIMITATI: solo 4 posti rimasti! Scrivi a prenotazioni@villaulivi.it per riservare il tuo"),
    ("it", "Il countdown è partito: mancano 3 giorni, mettete la sveglia"),
]
NEUTRAL = [  # (lang, caption): no words to judge, or tags and credits alone
    ("en", ""), ("it", ""), ("en", "🔥🔥🔥"), ("it", "😍✨"),
    ("en", "📷 @jonah.shoots | jacket @northtrail_co"), ("it", "📷 @marco.scatta | giacca @montevento_"),
]
# fmt: on


@pytest.mark.parametrize("lang, text", FIRST_HAND)
def test_first_hand_captions_full_of_tags_score_sincere(sincerity, lang, text):
    result = sincerity(text, lang)
    kinds = {s.kind for s in result.signals}
    assert "first_hand" in kinds or "concrete_detail" in kinds, result.signals
    assert "third_person" not in kinds, result.signals
    assert result.score > 0.6, (result.score, result.signals)


@pytest.mark.parametrize("lang, text", THIRD_PERSON)
def test_third_person_information_and_brand_copy_score_hollow(sincerity, lang, text):
    result = sincerity(text, lang)
    assert {"third_person", "urgency", "call_to_action"} & {s.kind for s in result.signals}, result.signals
    assert "first_hand" not in {s.kind for s in result.signals}
    assert result.score < 0.4, (result.score, result.signals)


@pytest.mark.parametrize("lang, text", NEUTRAL)
def test_tags_and_credits_alone_are_neutral(sincerity, lang, text):
    result = sincerity(text, lang)
    assert not {"first_hand", "third_person"} & {s.kind for s in result.signals}
    assert result.score == pytest.approx(0.5)


@pytest.mark.parametrize("lang, tagged, plain", [
    ("en", "I carried 3L and still ran dry on the way back. 📷 @jonah.shoots, jacket @northtrail_co",
     "I carried 3L and still ran dry on the way back."),
    ("it", "Ho contato i tappetini per settembre: 18. Foto di @marco.scatta, giacca @montevento_",
     "Ho contato i tappetini per settembre: 18."),
])
def test_adding_tags_and_credits_does_not_lower_the_score(sincerity, lang, tagged, plain):
    assert sincerity(tagged, lang).score >= sincerity(plain, lang).score - 1e-9


@pytest.mark.parametrize("lang, text", FIRST_HAND[:2] + THIRD_PERSON[:2] + FIRST_HAND[4:6] + THIRD_PERSON[8:10])
def test_voice_evidence_offsets_point_into_the_text(analyse, lang, text):
    from authentic_nlp.analyzers.sincerity import score_sincerity

    analysis = analyse(text, lang)
    for item in score_sincerity(analysis).evidence:
        assert analysis.text[item.start:item.end] == item.text
