"""Hashed features: token table (Italian, English, "", emoji, mixed), stable ids, cached words."""

from __future__ import annotations

import subprocess
import sys

import pytest

from authentic_nlp.learn.features import FeatureConfig, batch_ids, shape_marks, text_ids, tokens


@pytest.mark.parametrize("text, expected", [
    ("", []),
    ("   ", []),
    ("🔥🔥", ["🔥", "🔥"]),
    ("Bellissima l'idea!", ["bellissima", "l'idea", "!"]),
    ("Quanto costa? 20€", ["quanto", "costa", "?", "<num>", "€"]),
    ("check my channel www.example.com", ["check", "my", "channel", "<url>"]),
    ("@anna guarda #OOTD", ["<mention>", "guarda", "#ootd", "ootd"]),
    ("codice SCONTO20 per te", ["codice", "<code>", "per", "te"]),
    ("love it, ma costa troppo 😅", ["love", "it", ",", "ma", "costa", "troppo", "😅"]),
])
def test_tokens(text, expected):
    assert tokens(text) == expected


@pytest.mark.parametrize("text", ["", "😍", "Che bella ricetta, la provo domani", "Great review, thanks", "nice ma caro"])
def test_ids_in_range_and_never_empty(text):
    config = FeatureConfig(buckets=1000)
    ids = text_ids(text, config)
    assert ids and all(0 <= i < 1000 for i in ids)
    assert ids == text_ids(text, config)


@pytest.mark.parametrize("text, marks", [
    ("", {"s:len0", "s:nowords", "s:empty"}),
    ("🔥🔥🔥", {"s:len2", "s:nowords"}),
    ("COMPRATELO SUBITO ADESSO", {"s:len2", "s:caps"}),
    ("just a normal sentence", {"s:len3"}),
])
def test_shape_marks(text, marks):
    assert set(shape_marks(text, tokens(text))) == marks


def test_batch_offsets_slice_each_text():
    config = FeatureConfig(buckets=500)
    texts = ["ciao", "", "hello there 👋"]
    flat, offsets = batch_ids(texts, config)
    ends = list(offsets[1:]) + [len(flat)]
    assert [list(flat[s:e]) for s, e in zip(offsets, ends)] == [text_ids(t, config) for t in texts]


def test_ids_do_not_depend_on_python_hash_seed():
    code = ("from authentic_nlp.learn.features import FeatureConfig, text_ids;"
            "print(text_ids('Bellissima! check my page 🔥', FeatureConfig()))")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout for seed in ("0", "123")}
    assert len(outs) == 1
