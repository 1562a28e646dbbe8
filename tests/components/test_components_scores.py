"""The spaCy components give exactly what the batch API gives, for captions and comments."""

from __future__ import annotations

from functools import lru_cache

import pytest

from authentic_nlp import analyze_posts, analyze_text
from authentic_nlp.text.normalize import normalize

# fmt: off
CAPTIONS = [
    "Usa il codice GIULIA20 per il 20% di sconto! #adv @brand",
    "Ho provato questa crema per tre settimane: la pelle è più morbida, ma il profumo non mi piace.",
    "Regalo di @marchio 🎁 grazie! Link in bio",
    "Honestly this serum broke me out after a week, not for me. Gifted by @brand #ad",
    "Use code SUMMER15 for 15% off!!! Link in bio 🔥🔥 @shop",
    "Tag 3 friends and follow for a chance to win! #giveaway",
    "",
    "😍😍🔥",
    "👨‍👩‍👧 family day!",
]
# fmt: on
SECTIONS = ("language", "sponsorship", "sincerity")


@pytest.mark.parametrize("lang", ["it", "en"])
@pytest.mark.parametrize("text", CAPTIONS)
def test_caption_scores_equal_analyze_text(social_pipelines, lang: str, text: str) -> None:
    doc = social_pipelines[lang](text)
    record = analyze_text(text)
    assert doc.text == normalize(text)
    for section in SECTIONS:
        assert doc._.authentic[section] == record[section], section


@pytest.mark.parametrize("lang", ["it", "en"])
@pytest.mark.parametrize("text", CAPTIONS[:4] + CAPTIONS[6:])
def test_own_tokenizer_gives_the_same_scores(raw_pipelines, lang: str, text: str) -> None:
    doc = raw_pipelines[lang](text)
    record = analyze_text(text)
    assert doc.text == text  # the user's tokenizer keeps the raw text
    for section in SECTIONS:
        assert doc._.authentic[section] == record[section], section


@lru_cache(maxsize=None)
def _xx_pipeline(market: str | None):
    from authentic_nlp.components import blank

    return blank("xx", components=("authentic_language", "authentic_sponsorship"), market=market)


@pytest.mark.parametrize("market", ["it", "us", "uk"])
@pytest.mark.parametrize("text", [CAPTIONS[0], CAPTIONS[3]])
def test_market_from_config_and_from_context(market: str, text: str) -> None:
    forced = _xx_pipeline(market)
    assert forced.config["components"]["authentic_sponsorship"]["market"] == market
    expected = analyze_text(text, market=market)["sponsorship"]
    assert forced(text)._.authentic["sponsorship"] == expected
    [(doc, context)] = list(_xx_pipeline(None).pipe([(text, {"market": market})], as_tuples=True))
    assert context == {"market": market}
    [record] = analyze_posts([{"id": "text", "text": text, "market": market}])
    assert doc._.authentic["sponsorship"] == record["sponsorship"]
    assert doc._.authentic["sponsorship"]["market"] == market
    assert doc._.authentic["post"] == {"market": market}


# (caption, comment text, comment author, creator)
COMMENTS = [
    ("Nuova routine skincare con @marchio #adv", "Dove l'hai comprata? Quanto costa?", "anna", "giulia"),
    ("Nuova routine skincare con @marchio #adv", "La uso da un mese e la pelle è meno secca, consiglio", "anna", "giulia"),
    ("Nuova routine skincare con @marchio #adv", "Grazie ❤️", "giulia", "giulia"),
    ("My morning routine", "Where did you get that mug?", "sam", "kate"),
    ("My morning routine", "follow me for free followers!!! check my page", "spam_bot", "kate"),
    ("My morning routine", "", "sam", "kate"),
    ("My morning routine", "🔥🔥🔥", "sam", "kate"),
]


@pytest.mark.parametrize("caption,text,author,creator", COMMENTS)
def test_comment_type_equals_the_batch_record(social_pipelines, caption, text, author, creator) -> None:
    [record] = analyze_posts([{"id": "p", "text": caption, "creator": creator,
                               "comments": [{"id": "c", "text": text, "author": author}]}])
    context = {"creator": creator, "author": author, "language": record["language"]}
    [(doc, _)] = list(social_pipelines["it"].pipe([(text, context)], as_tuples=True))
    expected = record["comments"][0]
    assert doc._.authentic["language"] == expected["language"]
    assert doc._.authentic["comment_type"] == {k: expected[k] for k in ("type", "by_creator", "evidence")}


@pytest.mark.parametrize("context,field", [({"creator": 5}, "creator"),
                                           ({"platform_paid_partnership": "sì"}, "platform_paid_partnership")])
def test_bad_context_is_a_coded_record_error(social_pipelines, context, field) -> None:
    from authentic_nlp.errors import RecordError

    with pytest.raises(RecordError) as err:
        list(social_pipelines["it"].pipe([("Ciao #adv", context)], as_tuples=True))
    assert err.value.field == field


def test_analyzer_without_language_component_identifies_the_language() -> None:
    from authentic_nlp.components import blank

    nlp = blank("en", components=("authentic_sincerity",))
    text = CAPTIONS[3]
    doc = nlp(text)
    assert doc._.authentic["language"] == analyze_text(text)["language"]
    assert doc._.authentic["sincerity"] == analyze_text(text)["sincerity"]
