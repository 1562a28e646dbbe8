"""The stage inside the real pipeline: the record's sincerity section, with and without evidence."""

from __future__ import annotations

import json

import pytest

from authentic_nlp.analyzers.sincerity import score_text
from authentic_nlp.pipeline import AnalysisOptions, Analyzer
from authentic_nlp.schema import parse_post

POSTS = [
    ("it", "Lo uso da 3 mesi: costa 24€ per 50 ml, ma non è per tutti. #adv"),
    ("en", "I've been using it for 3 months: $24 for 50ml, but it's not for everyone. #ad"),
    ("it", "Tagga 3 amiche!!! Link in bio 😍🔥✨"),
    ("en", "Tag 3 friends!!! Link in bio 😍🔥✨"),
    ("it", ""),
    ("en", "😍🔥"),
]


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer()


@pytest.mark.parametrize("lang,text", POSTS)
def test_record_section_has_score_confidence_and_evidence(analyzer, lang, text):
    record = analyzer.analyze_post(parse_post({"id": "p", "text": text}))
    section = record["sincerity"]
    assert list(section) == ["score", "confidence", "evidence"]
    assert 0.0 <= section["score"] <= 1.0 and 0.0 <= section["confidence"] <= 1.0
    clean = analyzer.analyze_text(text).text
    for item in section["evidence"]:
        assert set(item) >= {"kind", "text", "start", "end", "weight"}
        if item["start"] is None:   # document-level: the learned model, which reads the whole caption
            assert item["kind"] == "model" and item["rule"].startswith("model:") and item["text"] == ""
        else:
            assert clean[item["start"]:item["end"]] == item["text"]
    assert json.dumps(record, sort_keys=False) == json.dumps(analyzer.analyze_post(parse_post({"id": "p", "text": text})))


@pytest.mark.parametrize("lang,text", POSTS)
def test_no_evidence_option_keeps_the_score(analyzer, lang, text):
    lean = Analyzer(AnalysisOptions(evidence=False)).analyze_post(parse_post({"id": "p", "text": text}))["sincerity"]
    full = analyzer.analyze_post(parse_post({"id": "p", "text": text}))["sincerity"]
    assert "evidence" not in lean
    assert lean["score"] == full["score"] and lean["confidence"] == full["confidence"]


@pytest.mark.parametrize("lang,text,low,high", [
    ("it", "Lo uso da 3 mesi ma costa un po' troppo", 0.7, 1.0),
    ("en", "Been using it for 3 months but it's a bit pricey", 0.7, 1.0),
    ("it", "Commenta con un ❤️ se sei d'accordo", 0.0, 0.3),
    ("en", "Comment YES if you agree", 0.0, 0.3),
    ("it", "", 0.5, 0.5),
    ("en", "🙏🙏", 0.5, 0.5),
])
def test_score_text_scores_a_comment(lang, text, low, high):
    assert low <= score_text(text, language=lang).score <= high


@pytest.mark.parametrize("lang,text", [p for p in POSTS if any(ch.isalpha() for ch in p[1])])
def test_model_item_says_how_far_the_model_moved_the_score(analyzer, lang, text):
    """The `model` item's weight is the score with the model minus the score of the cues alone."""
    from authentic_nlp.learn.predictor import NO_MODEL

    full = analyzer.analyze_post(parse_post({"id": "p", "text": text}))["sincerity"]
    cues = Analyzer(AnalysisOptions(model_path=NO_MODEL)).analyze_post(parse_post({"id": "p", "text": text}))["sincerity"]
    model_items = [e for e in full["evidence"] if e["kind"] == "model"]
    assert len(model_items) == 1 and not any(e["kind"] == "model" for e in cues["evidence"])
    assert model_items[0]["weight"] == pytest.approx(full["score"] - cues["score"], abs=2e-4)
