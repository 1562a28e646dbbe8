"""How model and cues combine into a comment type, and the model reaching the analyzers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from authentic_nlp.analyzers.comments import CommentTyping
from authentic_nlp.evidence import Evidence
from authentic_nlp.learn.wiring import MODEL_CONFIDENT, SPAM_THRESHOLD, combine_comment

CUE = Evidence("spam_promo", "x", 0, 1, rule="cue", weight=0.7)


def cue(kind: str) -> CommentTyping:
    return CommentTyping(kind, [CUE] if kind != "generic" else [], {"spam": 0.0})


# probs order: substantive, question, generic, spam
@pytest.mark.parametrize("text, cue_type, probs, expected, decided_by", [
    ("", "generic", [0.0, 0.0, 0.0, 1.0], "generic", "cues"),                                 # empty: cues
    ("check my page 🔥", "spam", [0.9, 0.0, 0.05, 0.05], "spam", "cues"),                      # cue spam kept
    ("ascoltate la mia nuova canzone, ci ho messo il cuore", "substantive", [0.3, 0.0, 0.1, 0.6], "spam", "model"),
    ("I just started singing, have a listen", "substantive", [0.45, 0.0, 0.1, 0.45], "substantive", "cues"),
    ("quanto costa?", "question", [0.1, 0.2, 0.1, 0.6], "spam", "model"),                     # spam beats question
    ("dove l'hai presa", "question", [0.7, 0.2, 0.1, 0.0], "question", "cues"),                # cue question kept
    ("😍😍", "generic", [0.7, 0.0, 0.3, 0.0], "substantive", "model"),                        # confident model
    ("bellissima foto", "generic", [0.55, 0.0, 0.45, 0.0], "generic", "cues"),                # not confident
    ("love the colour, ma costa troppo", "substantive", [0.1, 0.0, 0.9, 0.0], "generic", "model"),
])
def test_combine_comment(text, cue_type, probs, expected, decided_by):
    out = combine_comment(cue(cue_type), probs, text, "m")
    assert out.type == expected
    model_items = [e for e in out.evidence if e.kind == "model"]
    assert bool(model_items) == (decided_by == "model")
    for item in model_items:
        assert (item.start, item.end, item.rule) == (0, len(text), "model:m/comment_type")
    assert out.scores["model_spam"] == round(probs[3], 4)


def test_thresholds_are_probabilities():
    assert 0 < SPAM_THRESHOLD < 1 and 0.5 <= MODEL_CONFIDENT < 1


@dataclass(frozen=True)
class Options:
    model_path: Path | None
    market: str | None = None
    evidence: bool = True
    rules_path: Path | None = None


POST = {"id": "p1", "creator": "giulia.cucina", "text": "Ho provato la farina di ceci: bordi croccanti, centro crudo #adv",
        "comments": [{"id": "c1", "text": "dove la trovo?", "author": "bea"},
                     {"id": "c2", "text": "", "author": "x"},
                     {"id": "c3", "text": "🔥🔥", "author": "y"},
                     {"id": "c4", "text": "guadagna 500€ al giorno, scrivimi in DM", "author": "z"},
                     {"id": "c5", "text": "love it ma costa troppo", "author": "w"}]}


def test_analyzer_with_and_without_the_model(tiny_model):
    from authentic_nlp.learn.predictor import NO_MODEL
    from authentic_nlp.pipeline import AnalysisOptions, Analyzer
    from authentic_nlp.schema import parse_post

    with_model = Analyzer(AnalysisOptions(model_path=tiny_model)).analyze_post(parse_post(POST))
    cues_only = Analyzer(AnalysisOptions(model_path=NO_MODEL)).analyze_post(parse_post(POST))
    assert [c["type"] for c in with_model["comments"]][:2] == ["question", "generic"]
    assert [c["type"] for c in cues_only["comments"]][:2] == ["question", "generic"]
    assert 0 <= with_model["sincerity"]["score"] <= 1
    for record in (with_model, cues_only):
        for comment in record["comments"]:
            assert comment["type"] in ("substantive", "question", "generic", "spam")
            for item in comment["evidence"]:
                text = POST["comments"][int(comment["id"][1:]) - 1]["text"]
                assert item["start"] is None or text[item["start"]:item["end"]] == item["text"]


@pytest.mark.parametrize("text, verdict, kinds, applies", [
    ("", "organic", [], False),
    ("🔥🔥 🌿", "organic", [], False),
    ("Il mio shop è online! Codice LANCIO10", "organic", ["self_promotion", "signal"], False),
    ("My own merch drop is live, link in bio", "organic", ["self_promotion"], False),
    ("Lo shop di @modaviva è online! Codice LANCIO10", "undisclosed", ["signal", "self_promotion"], True),
    ("Sunday at the lake with friends", "organic", [], True),
    ("#ad nuovo siero, lo uso da un mese", "disclosed", ["label"], True),
])
def test_sponsorship_model_applies(text, verdict, kinds, applies):
    from authentic_nlp.learn.wiring import sponsorship_model_applies

    evidence = [Evidence(kind, "x", 0, 1) for kind in kinds]
    assert sponsorship_model_applies(text, verdict, evidence) is applies
