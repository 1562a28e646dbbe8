"""The creator split: deterministic, by creator (never by row), about 70/15/15."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter

import pytest

from authentic_nlp.learn.splits import split_bucket, split_of


@pytest.mark.parametrize("creator, expected", [
    ("giulia.cucina", "train"), ("tom.eats", "train"), ("sara.trucchi", "train"), ("kate.travels", "train"),
    ("marco.viaggi", "dev"), ("sam.lifts", "dev"), ("vale.ricette", "test"), ("max.cooks", "test"),
    ("GIULIA.CUCINA", "train"), ("  marco.viaggi ", "dev"),   # case and outer spaces do not matter
])
def test_known_creators(creator, expected):
    assert split_of(creator) == expected


@pytest.mark.parametrize("post_id", ["it-0001", "en-0042", "", "🔥"])
def test_posts_without_creator_use_the_post_id(post_id):
    assert split_of(None, post_id) == split_of("", post_id) == split_of(f"post:{post_id}")


def test_every_post_of_a_creator_shares_its_split():
    assert {split_of("tom.eats", f"en-{i:04d}") for i in range(50)} == {"train"}


def test_proportions_close_to_70_15_15():
    counts = Counter(split_of(f"creator_{i}") for i in range(20000))
    assert abs(counts["train"] / 20000 - 0.70) < 0.015
    assert abs(counts["dev"] / 20000 - 0.15) < 0.015
    assert abs(counts["test"] / 20000 - 0.15) < 0.015


def test_same_split_in_another_process_with_another_hash_seed():
    code = "from authentic_nlp.learn.splits import split_bucket; print([split_bucket(h) for h in ('a', 'bè', '🔥x')])"
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout for seed in ("1", "2")}
    assert outs == {str([split_bucket(h) for h in ("a", "bè", "🔥x")]) + "\n"}
