"""Evidence spans equal the batch evidence, on text that normalization changes; displaCy shows them."""

from __future__ import annotations

import html

import pytest

from authentic_nlp import analyze_posts, analyze_text
from authentic_nlp.text.normalize import normalize

# fmt: off
HARD_TEXTS = [
    ("mojibake", "Ã¨ un regalo di @marchio, usa il codice GIULIA20! #adv ðŸ˜\x8d"),
    ("mojibake", "PerchÃ© lo consiglio: l'ho usato per tre mesi, ma costa troppo. #pubblicitÃ "),
    ("zero-width", "Usa il codice G\u200bIULIA20 per il 20% di sconto! #a\u200bd\u200bv @brand"),
    ("zero-width", "Gifted by @brand\u2060 #s\u00adponsored \ufeffuse code SUMMER15"),
    ("nfd", "Cosi\u0300 bello! E\u0300 un regalo di @marchio #adv, perche\u0301 lo adoro"),
    ("nfd", "The cafe\u0301 was honestly great, but pricey. #ad @brand"),
    ("emoji", "👨‍👩‍👧 regalo di @marchio 🎁❤️ #adv 🇮🇹 codice SCONTO15"),
    ("emoji", "👍🏽 use code NIKE20 #sponsored 1️⃣ 🏳️‍🌈 @nike"),
    ("empty", ""),
    ("emoji only", "😍😍🔥"),
]
# fmt: on
SECTIONS = ("sponsorship", "sincerity")


def _spanned(section: dict) -> list[dict]:
    """The items of a record section's evidence lists that have a span, in span order."""
    items = (section.get("evidence") or []) + (section.get("market_evidence") or [])
    return [e for e in items if e.get("start") is not None and e["start"] < e["end"]]


@pytest.mark.parametrize("lang", ["it", "en"])
@pytest.mark.parametrize("case,text", HARD_TEXTS)
def test_spans_are_the_batch_evidence(social_pipelines, lang: str, case: str, text: str) -> None:
    doc = social_pipelines[lang](text)
    record = analyze_text(text)
    for section in SECTIONS:
        spans = list(doc.spans[f"authentic_{section}"])
        assert [s._.authentic for s in spans] == _spanned(record[section])
        for span in spans:
            item = span._.authentic
            assert span.label_ == item["kind"]
            assert span.start_char <= item["start"] and span.end_char >= item["end"]
            assert doc.text[item["start"]:item["end"]] == item["text"]
    if case in ("mojibake", "zero-width", "nfd"):
        assert any(len(doc.spans[f"authentic_{s}"]) for s in SECTIONS), "no span at all on a hard text"


@pytest.mark.parametrize("case,text", HARD_TEXTS)
def test_spans_on_the_raw_text_cover_the_evidence(raw_pipelines, case: str, text: str) -> None:
    """With spaCy's own tokenizer, spans sit on the raw text and cover what the evidence names."""
    doc = raw_pipelines["it"](text)
    record = analyze_text(text)
    for section in SECTIONS:
        spans = list(doc.spans[f"authentic_{section}"])
        assert [s._.authentic for s in spans] == _spanned(record[section])
        for span in spans:  # the span's own whitespace too: mojibake may have made a no-break space a space
            covered = doc.text[span.start_char:span.end_char + len(span[-1].whitespace_)]
            assert span._.authentic["text"] in normalize(covered)


@pytest.mark.parametrize("text", [HARD_TEXTS[0][1], HARD_TEXTS[3][1], HARD_TEXTS[6][1], HARD_TEXTS[9][1]])
def test_comment_spans_are_the_batch_evidence(social_pipelines, text: str) -> None:
    [record] = analyze_posts([{"id": "p", "text": "Nuovo video", "comments": [{"id": "c", "text": text}]}])
    [(doc, _)] = list(social_pipelines["it"].pipe([(text, {"language": record["language"]})], as_tuples=True))
    assert [s._.authentic for s in doc.spans["authentic_comment_type"]] == _spanned(record["comments"][0])


@pytest.mark.parametrize("lang", ["it", "en"])
@pytest.mark.parametrize("case,text", HARD_TEXTS[:8])
def test_displacy_shows_every_span(social_pipelines, lang: str, case: str, text: str) -> None:
    from spacy import displacy

    doc = social_pipelines[lang](text)
    rendered = 0
    for section in SECTIONS:
        key = f"authentic_{section}"
        if not len(doc.spans[key]):
            continue
        markup = displacy.render(doc, style="span", options={"spans_key": key}, jupyter=False)
        rendered += 1
        for span in doc.spans[key]:
            assert span.label_ in markup
            for token in span:
                assert html.escape(token.text) in markup or token.text in markup
    assert rendered, "nothing to show"
