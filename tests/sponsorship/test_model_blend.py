"""The learned model moves `sponsorship.probability`, never the verdict; cues-only stays available."""

from __future__ import annotations

import pytest

from authentic_nlp import analyze_text
from authentic_nlp.learn.predictor import NO_MODEL

# fmt: off
CAPTIONS = [
    "Domenica al lago con le amiche, che pace 🌿",
    "Usa il codice GIULIA20 per il 20% di sconto sul sito di @brandx! #adv",
    "Three weeks with these trail shoes from @runco: comfy, but the lugs wear fast. #ad",
    "Sent me this serum to try, obsessed!! link in bio @glowlab",
    "il mio shop è online! nuova collezione disponibile da domani",
    "😍😍🔥",
    "",
]
# fmt: on


@pytest.mark.parametrize("caption", CAPTIONS)
def test_model_never_changes_the_verdict(caption):
    combined = analyze_text(caption)["sponsorship"]
    cues = analyze_text(caption, model_path=NO_MODEL)["sponsorship"]
    assert combined["verdict"] == cues["verdict"]
    assert [e for e in combined["evidence"] if e["kind"] != "model"] == cues["evidence"]
    assert 0.0 <= combined["probability"] <= 1.0


@pytest.mark.parametrize("caption", CAPTIONS[:4])
def test_model_item_says_how_far_the_model_moved_the_probability(caption):
    """Where the model was consulted: one `model` item, no span, weight = the move it made."""
    combined = analyze_text(caption)["sponsorship"]
    cues = analyze_text(caption, model_path=NO_MODEL)["sponsorship"]
    items = [e for e in combined["evidence"] if e["kind"] == "model"]
    assert len(items) == 1 and items[0]["start"] is None and items[0]["rule"] == "model:authentic-small/sponsored"
    assert items[0]["weight"] == pytest.approx(combined["probability"] - cues["probability"], abs=2e-4)


def test_model_is_not_consulted_without_letters_or_for_self_promotion():
    for caption in ("😍😍🔥", "", "il mio shop è online! nuova collezione disponibile da domani"):
        combined = analyze_text(caption)["sponsorship"]
        assert combined["probability"] == analyze_text(caption, model_path=NO_MODEL)["sponsorship"]["probability"]
        assert not any(e["kind"] == "model" for e in combined["evidence"])


def test_model_moves_the_probability_somewhere():
    moved = [analyze_text(c)["sponsorship"]["probability"] != analyze_text(c, model_path=NO_MODEL)["sponsorship"]["probability"]
             for c in CAPTIONS[:4]]
    assert any(moved)
