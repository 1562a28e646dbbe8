"""Scores of hand-written captions in Italian and English: sincere, insincere, crossed, ironic, short."""

from __future__ import annotations

import pytest

# (case, lang, text, lowest score, highest score, kinds that must fire)
# fmt: off
CASES = [
    # sponsored and sincere: disclosed, with use over time, specifics and a drawback
    ("sponsored_sincere", "it", "#adv Collaborazione con @marca. Uso questo siero da 6 settimane: la texture è leggera e non unge, ma il prezzo (39€ per 30 ml) è un po' alto. Non fa miracoli sulle macchie.", 0.8, 1.0, {"experience", "concrete_detail", "contrast", "honest_negative"}),
    ("sponsored_sincere", "en", "#ad Paid partnership with @brand. I've been using this serum for 6 weeks: the texture is light and not greasy, but it's a bit pricey ($39 for 30ml). Not a miracle for dark spots.", 0.8, 1.0, {"experience", "concrete_detail", "contrast", "honest_negative"}),
    # organic and insincere: no brand at all, pure engagement bait and filler
    ("organic_insincere", "it", "Tagga 3 amiche che devono vederlo!!! Doppio tap se sei d'accordo 😍🔥✨ buona giornata a tutti", 0.0, 0.15, {"engagement_bait", "generic_filler"}),
    ("organic_insincere", "en", "Tag 3 friends who need to see this!!! Double tap if you agree 😍🔥✨ good vibes only", 0.0, 0.15, {"engagement_bait", "generic_filler"}),
    # sponsored and insincere: hype, urgency, calls to action
    ("sponsored_insincere", "it", "#adv IL MIGLIORE IN ASSOLUTO!!! Solo oggi sconto del 50%, link in bio, affrettatevi!!!", 0.0, 0.1, {"hype", "urgency", "call_to_action"}),
    ("sponsored_insincere", "en", "#ad THE BEST SERUM EVER!!! Only today 50% off, link in bio, hurry!!!", 0.0, 0.1, {"hype", "urgency", "call_to_action"}),
    # organic and sincere: a first-hand story with details and a concession
    ("organic_sincere", "it", "Dopo due settimane di corsa alle 6 del mattino le ginocchia reggono, anche se il primo giorno ho fatto solo 3 km. Domenica provo i 5.", 0.75, 1.0, {"experience", "concrete_detail", "contrast"}),
    ("organic_sincere", "en", "After two weeks of running at 6am my knees are holding up, even though on day one I only managed 3 km. Trying 5 on Sunday.", 0.75, 1.0, {"experience", "concrete_detail", "contrast"}),
    # irony is not insincerity: sarcastic complaints stay at or above neutral
    ("irony", "it", "Che bello, il treno in ritardo di 40 minuti anche oggi. Adoro.", 0.5, 1.0, {"concrete_detail"}),
    ("irony", "en", "Oh great, the train is 40 minutes late again. Love that for me.", 0.5, 1.0, {"concrete_detail"}),
    ("irony", "it", "Grazie Trenitalia, sempre puntuali come un orologio rotto", 0.45, 0.7, set()),
    ("irony", "en", "Wow, what a surprise, another Monday meeting that could have been an email", 0.45, 0.7, set()),
    # very short captions: no cues, neutral
    ("short", "it", "Buongiorno", 0.5, 0.5, set()),
    ("short", "en", "Morning coffee", 0.5, 0.5, set()),
    ("empty", "it", "", 0.5, 0.5, set()),
    ("empty", "en", "", 0.5, 0.5, set()),
    ("emoji_only", "it", "😍🔥✨💯", 0.5, 0.5, {"emphasis"}),
    ("emoji_only", "en", "☀️🌊", 0.5, 0.5, set()),
    # mixed Italian and English in one caption
    ("mixed", "it+en", "Lo uso da 3 mesi ma honestly non è per tutti: a bit pricey. Link in bio", 0.6, 1.0, {"experience", "honest_negative", "call_to_action"}),
    ("mixed", "en+it", "Obsessed!!! Must have assolutamente, link in bio e tagga un'amica", 0.0, 0.15, {"hype", "engagement_bait", "call_to_action"}),
]
# fmt: on


@pytest.mark.parametrize("case,lang,text,low,high,kinds", CASES, ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_score_table(sincerity, case, lang, text, low, high, kinds):
    result = sincerity(text, lang)
    assert low <= result.score <= high, (result.score, [(s.kind, s.text) for s in result.signals])
    assert kinds <= {s.kind for s in result.signals}


def test_sponsorship_is_not_insincerity(sincerity):
    """The same sincere review scores the same with or without a disclosure label."""
    body = "Uso questo siero da 6 settimane: la texture è leggera, ma il prezzo è un po' alto."
    assert sincerity("#adv " + body, "it").score == pytest.approx(sincerity(body, "it").score)
    body_en = "I've been using this serum for 6 weeks: light texture, but a bit pricey."
    assert sincerity("#ad " + body_en, "en").score == pytest.approx(sincerity(body_en, "en").score)


@pytest.mark.parametrize("lang,text", [
    ("it", ""), ("en", ""), ("it", "😍🔥✨💯"), ("en", "🙏"), ("it", "@marca"), ("en", "https://example.com"),
])
def test_nothing_to_go_on_is_neutral_with_zero_confidence(sincerity, lang, text):
    result = sincerity(text, lang)
    assert result.score == 0.5
    assert result.confidence == 0.0


@pytest.mark.parametrize("lang,short,long", [
    ("it", "Buongiorno", "Buongiorno! Stamattina alle 7 ho provato la nuova crema: profumo leggero, ma dopo due ore tira un po'."),
    ("en", "Morning", "Morning! At 7am I tried the new cream: light scent, but after two hours it feels a bit tight."),
    ("it", "😍", "Lo uso da 3 mesi ma non è per tutti"),
    ("en", "Link in bio", "Link in bio for the full review: I've been using it for 3 months, but it is not for everyone."),
])
def test_longer_specific_text_gives_more_confidence(sincerity, lang, short, long):
    assert sincerity(long, lang).confidence > sincerity(short, lang).confidence


@pytest.mark.parametrize("lang,text", [
    ("it", "Lo uso da 3 mesi ma il prezzo è un po' alto!!! Link in bio 😍🔥✨"),
    ("en", "I've been using it for 3 months but it's a bit pricey!!! Link in bio 😍🔥✨"),
    ("it", ""),
    ("en", "🔥🔥🔥"),
])
def test_evidence_offsets_point_into_the_normalized_text(sincerity, analyse, lang, text):
    analysis = analyse(text, lang)
    record = sincerity(text, lang).as_record()
    for item in record["evidence"]:
        assert analysis.text[item["start"]:item["end"]] == item["text"]
        assert item["weight"] != 0
        assert item["rule"]
    assert [(e["start"], e["end"]) for e in record["evidence"]] == sorted((e["start"], e["end"]) for e in record["evidence"])


@pytest.mark.parametrize("lang,text,raising,lowering", [
    ("it", "Lo uso da 3 mesi, link in bio", {"experience"}, {"call_to_action"}),
    ("en", "Been using it for 3 months, link in bio", {"experience"}, {"call_to_action"}),
])
def test_evidence_weight_sign_follows_direction(sincerity, lang, text, raising, lowering):
    for item in sincerity(text, lang).as_record()["evidence"]:
        if item["kind"] in raising:
            assert item["weight"] > 0
        if item["kind"] in lowering:
            assert item["weight"] < 0


@pytest.mark.parametrize("lang,text", [
    ("it", "Tagga 3 amiche!!! Lo uso da 3 mesi ma costa 39€"),
    ("en", "Tag 3 friends!!! Been using it for 3 months but it costs $39"),
    ("it", ""),
    ("en", "😍"),
])
def test_same_input_same_output(sincerity, lang, text):
    assert sincerity(text, lang).as_record() == sincerity(text, lang).as_record()
