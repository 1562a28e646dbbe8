"""sponsorship.probability: low for everyday captions, high for clear labels and codes, monotone in the
evidence, and a seam for a learned model."""

from __future__ import annotations

import itertools

import pytest

from authentic_nlp.analyzers.sponsorship_probability import (
    FEATURES, combine, load_probability_model, sigmoid,
)
from authentic_nlp.errors import DataFileError


# fmt: off
@pytest.mark.parametrize("market, text, low, high", [
    ("it", "",                                                             0.0, 0.15),
    ("it", "😍😍🔥",                                                        0.0, 0.15),
    ("it", "Domenica al lago con le amiche, che pace 🌿",                  0.0, 0.15),
    ("us", "Sunday pancakes with the kids, recipe from my grandma 🥞",     0.0, 0.15),
    ("us", "Road trip with @mike_travels, worst playlist ever",            0.1, 0.4),   # a tag alone: modest
    ("it", "#pubblicità Il nuovo siero di @lumaskin",                      0.85, 1.0),
    ("us", "#ad Loving the new serum from @glowlabs, use code GLOW15",     0.9, 1.0),
    ("it", "Usa il mio codice GIULIA20 per lo sconto del 20%",             0.5, 1.0),
    ("us", "Obsessed with this serum! Use code JESS20 for 20% off",        0.8, 1.0),
    ("uk", "Outfit of the day con @zara, use my code ZARA10 💃",           0.8, 1.0),   # mixed Italian/English
])
# fmt: on
def test_probability_ranges(judge, market, text, low, high):
    p = judge({"id": "x", "text": text, "market": market})["probability"]
    assert low <= p <= high


def test_probability_is_monotone_in_every_feature():
    model = load_probability_model()
    for bits in itertools.product((0.0, 1.0), repeat=len(FEATURES)):
        base = dict(zip(FEATURES, bits))
        for name in FEATURES:
            if base[name] == 0.0:
                assert model.logit({**base, name: 1.0}) >= model.logit(base)


# fmt: off
@pytest.mark.parametrize("market, base, more", [
    ("us", "Love this serum",                   "Love this serum from @glowlabs"),
    ("us", "Love this serum from @glowlabs",    "Love this serum from @glowlabs, use code GLOW15"),
    ("us", "Love this serum, use code GLOW15",  "#ad Love this serum, use code GLOW15"),
    ("it", "Adoro questa crema",                "Adoro questa crema, mi hanno regalato il set"),
    ("it", "Adoro questa crema di @lumaskin",   "Adoro questa crema di @lumaskin, link in bio"),
    ("it", "",                                  "#adv"),
])
# fmt: on
def test_adding_evidence_never_lowers_the_probability(judge, market, base, more):
    p0 = judge({"id": "a", "text": base, "market": market})["probability"]
    p1 = judge({"id": "b", "text": more, "market": market})["probability"]
    assert p1 >= p0


def test_self_promotion_discounts_its_own_code(judge):
    shop = judge({"id": "a", "text": "Il mio shop è online! Codice LANCIO10", "market": "it", "creator": "giulia"})
    brand = judge({"id": "b", "text": "Lo shop di @modaviva è online! Codice LANCIO10", "market": "it", "creator": "giulia"})
    assert shop["verdict"] == "organic" and shop["probability"] < 0.2 < brand["probability"]


# fmt: off
@pytest.mark.parametrize("cue_logit, model_p, weight, expected", [
    (0.0,  None, 0.5, 0.5),
    (2.0,  None, 0.5, sigmoid(2.0)),
    (0.0,  0.9,  1.0, 0.9),
    (2.0,  0.5,  0.5, sigmoid(1.0)),
    (-3.0, 0.99, 0.0, sigmoid(-3.0)),
])
# fmt: on
def test_combine_with_a_learned_model(cue_logit, model_p, weight, expected):
    assert combine(cue_logit, model_p, weight) == pytest.approx(expected, abs=1e-4)


def test_stage_uses_a_learned_model_when_given(judge):
    from types import SimpleNamespace

    from authentic_nlp.analyzers import sponsorship
    from authentic_nlp.pipeline import AnalysisOptions
    from authentic_nlp.record import empty_record
    from authentic_nlp.schema import parse_post
    from authentic_nlp.text.langid import LanguageResult

    seen = []
    stage = sponsorship.build(AnalysisOptions(market="us"), model=lambda text, lang: seen.append(text) or 0.99)
    post = parse_post({"id": "x", "text": "Sunday pancakes 🥞"})
    ctx = SimpleNamespace(post=post, caption=SimpleNamespace(text=post.text, language=LanguageResult("en", 1.0)),
                          record=empty_record(post))
    stage(ctx)
    plain = judge({"id": "x", "text": "Sunday pancakes 🥞", "market": "us"})
    assert seen == ["Sunday pancakes 🥞"]
    assert ctx.record["sponsorship"]["probability"] > plain["probability"]
    assert ctx.record["sponsorship"]["verdict"] == plain["verdict"] == "organic"   # a model never changes the verdict


# fmt: off
@pytest.mark.parametrize("text, fragment", [
    ("bias: 0\nmodel_weight: 0.5\ncoefficients: {}\n",                          "missing"),
    ("bias: 0\nmodel_weight: 2\ncoefficients: {" + ", ".join(f"{f}: 1" for f in FEATURES) + "}\n", "model_weight"),
    ("bias: 0\nmodel_weight: 0.5\ncoefficients: {" + ", ".join(f"{f}: -1" for f in FEATURES) + "}\n", ">= 0"),
    ("[]\n",                                                                     "coefficients"),
])
# fmt: on
def test_bad_probability_file_is_refused(text, fragment):
    with pytest.raises(DataFileError) as err:
        load_probability_model(text, path="p.yaml")
    assert "p.yaml" in str(err.value) and fragment in str(err.value)
