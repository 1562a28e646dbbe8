"""Monotonicity: a concrete detail or an honest drawback raises the score; bait, hype or urgency lowers it."""

from __future__ import annotations

import pytest

from authentic_nlp.analyzers.sincerity_score import combine

# fmt: off
BASES = [
    ("it", "Nuova crema viso."),
    ("it", "Tagga un'amica che deve provarla!!!"),
    ("it", "Lo uso da due mesi, ma non è per tutti."),
    ("it", ""),
    ("it", "😍🔥"),
    ("en", "New face cream."),
    ("en", "Tag a friend who needs this!!!"),
    ("en", "Been using it for two months, but it's not for everyone."),
    ("en", ""),
    ("en", "😍🔥"),
]
RAISING = {
    "it": [" Costa 24€ per 50 ml.", " La texture è cremosa e il profumo leggero.", " Unica pecca: il prezzo.", " Dopo 3 settimane ho notato meno rossori."],
    "en": [" It costs $24 for 50ml.", " The texture is creamy and the scent is light.", " The only downside is the price.", " After 3 weeks I noticed less redness."],
}
LOWERING = {
    "it": [" Tagga 3 amiche!", " Doppio tap se sei d'accordo", " Solo oggi, ultimi pezzi!", " Il migliore in assoluto, link in bio"],
    "en": [" Tag 3 friends!", " Double tap if you agree", " Only today, hurry!", " The best ever, link in bio"],
}
# fmt: on


@pytest.mark.parametrize("lang,base", BASES)
@pytest.mark.parametrize("index", range(4))
def test_adding_a_concrete_detail_raises_the_score(sincerity, lang, base, index):
    addition = RAISING[lang][index]
    before, after = sincerity(base, lang), sincerity(base + addition, lang)
    assert after.score > before.score, (base, addition, before.score, after.score)


@pytest.mark.parametrize("lang,base", BASES)
@pytest.mark.parametrize("index", range(4))
def test_adding_engagement_bait_or_hype_lowers_the_score(sincerity, lang, base, index):
    addition = LOWERING[lang][index]
    before, after = sincerity(base, lang), sincerity(base + addition, lang)
    assert after.score < before.score, (base, addition, before.score, after.score)


@pytest.mark.parametrize("lang,text", [
    ("it", "ma ma ma ma ma ma ma ma ma ma ma ma"),
    ("en", "but but but but but but but but but but"),
    ("it", "tagga tagga tagga tagga tagga tagga tagga tagga"),
    ("en", "AMAZING AMAZING AMAZING!!! " * 10),
])
def test_repeating_one_kind_is_bounded_by_its_cap(sincerity, lang, text):
    result = sincerity(text, lang)
    main = max(result.contributions.items(), key=lambda kv: abs(kv[1]))
    from authentic_nlp.analyzers.sincerity_lexicon import lexicon_for

    assert abs(main[1]) <= lexicon_for(lang).kinds[main[0]].cap + 1e-9
    assert 0.05 < result.score < 0.95


@pytest.mark.parametrize("cue,model,expected", [
    (0.8, None, 0.8),
    (0.2, None, 0.2),
    (0.5, 0.5, 0.5),
    (0.7, 0.7, 0.7),
])
def test_combine_without_model_or_in_agreement_keeps_the_cue_score(cue, model, expected):
    assert combine(cue, model) == pytest.approx(expected)


@pytest.mark.parametrize("cue,model", [(0.5, 0.9), (0.8, 0.2), (0.1, 0.6)])
def test_combine_lies_between_cue_and_model(cue, model):
    mixed = combine(cue, model)
    assert min(cue, model) < mixed < max(cue, model)
    assert combine(cue, model, model_weight=0.0) == pytest.approx(cue)
    assert combine(cue, model, model_weight=1.0) == pytest.approx(model)


def test_combine_rejects_a_weight_outside_0_1():
    with pytest.raises(ValueError, match="model_weight"):
        combine(0.5, 0.5, model_weight=1.5)
