"""Hugging Face `datasets` map function and the ConvoKit export (each skipped when its package is absent)."""

from __future__ import annotations

import pytest

from authentic_nlp import load_analyzer
from authentic_nlp.interop.frames import ERROR_COLUMNS
from authentic_nlp.io.columns import output_columns

# fmt: off
POSTS = [
    {"id": "it1", "text": "Usa il codice GIULIA20 per il 20% di sconto! #adv @brand", "creator": "giulia",
     "comments": [{"id": "c1", "text": "Dove lo trovo?", "author": "marta"},
                  {"id": "c2", "text": "@marta sul sito, link in bio", "author": "giulia", "reply_to": "c1"},
                  {"id": "c3", "text": "😍😍", "author": "luca"}]},
    {"id": "en1", "text": "Honest review after three weeks of running", "creator": "sam",
     "comments": [{"id": "c1", "text": "Which size did you take?", "author": "ann"}]},
    {"id": "empty", "text": ""},
    {"id": "emoji", "text": "🔥🔥🔥"},
]
# fmt: on


def test_datasets_map_scores_every_row_with_the_flat_columns():
    datasets = pytest.importorskip("datasets")
    from authentic_nlp.interop.hf_datasets import scorer

    data = datasets.Dataset.from_dict({"caption": [p["text"] for p in POSTS] + ["ripetuto"],
                                       "account": [p.get("creator") for p in POSTS] + ["giulia"]})
    scored = data.map(scorer(text="caption", fields={"creator": "account"}), batched=True, batch_size=2,
                      with_indices=True)
    assert set(output_columns()) | set(ERROR_COLUMNS) <= set(scored.column_names)
    assert scored["id"] == ["0", "1", "2", "3", "4"] and scored["caption"][0] == POSTS[0]["text"]
    assert scored["sponsorship.verdict"][0] == "disclosed" and scored["creator"][4] == "giulia"
    assert scored["quarantine.code"] == [None] * 5


def test_the_map_function_survives_pickling():
    import pickle

    from authentic_nlp.interop.hf_datasets import scorer

    function = pickle.loads(pickle.dumps(scorer(text="caption", id="pid")))
    out = function({"caption": ["ciao", ""], "pid": ["a", "a"]})
    assert out["id"] == ["a", "a"] and out["quarantine.code"] == [None, "E009"]


@pytest.fixture(scope="module")
def corpus():
    pytest.importorskip("convokit")
    from authentic_nlp.interop.convokit_corpus import to_convokit

    records = list(load_analyzer().pipe(POSTS))
    return to_convokit(records, POSTS), records


@pytest.mark.parametrize("utterance,speaker,reply_to,text", [
    ("it1", "giulia", None, POSTS[0]["text"]),
    ("it1/c1", "marta", "it1", "Dove lo trovo?"),
    ("it1/c2", "giulia", "it1/c1", "@marta sul sito, link in bio"),
    ("it1/c3", "luca", "it1", "😍😍"),
    ("en1/c1", "ann", "en1", "Which size did you take?"),
    ("empty", "unknown", None, ""),
    ("emoji", "unknown", None, "🔥🔥🔥"),
])
def test_convokit_utterances_have_speakers_and_reply_to(corpus, utterance, speaker, reply_to, text):
    found = corpus[0].get_utterance(utterance)
    assert (found.speaker.id, found.reply_to, found.text) == (speaker, reply_to, text)


def test_convokit_conversations_carry_the_metrics(corpus):
    convokit_corpus, records = corpus
    assert sorted(c.id for c in convokit_corpus.iter_conversations()) == sorted(p["id"] for p in POSTS)
    meta = convokit_corpus.get_conversation("it1").meta
    assert meta["sponsorship.verdict"] == records[0]["sponsorship"]["verdict"]
    assert meta["conversation.questions_answered"] == records[0]["conversation"]["questions_answered"] == 1
    assert convokit_corpus.get_utterance("it1/c1").meta["type"] == "question"


def test_without_convokit_the_error_names_the_extra(monkeypatch):
    import sys

    from authentic_nlp.errors import AuthenticNLPError
    from authentic_nlp.interop.convokit_corpus import to_convokit

    monkeypatch.setitem(sys.modules, "convokit", None)
    with pytest.raises(AuthenticNLPError, match=r"authentic-nlp\[convokit\]"):
        to_convokit([])
