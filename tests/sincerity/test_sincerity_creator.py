"""Creator-level signals: near-duplicate and templated captions across one creator's posts."""

from __future__ import annotations

import pytest

from authentic_nlp.analyzers.sincerity_creator import (
    apply_creator_adjustments, creator_sincerity_adjustments, score_creator_posts, with_creator_signals,
)
from authentic_nlp.analyzers.sincerity_minhash import candidate_pairs, shingles, signature
from authentic_nlp.schema import Post

# fmt: off
DUPLICATES = [
    ("it", "Giorno 12 della mia sfida con @marca! Oggi allenamento gambe e tanta energia, link in bio per il programma. #fit",
           "Giorno 13 della mia sfida con @marca! Oggi allenamento gambe e tanta energia, link in bio per il programma. #gym"),
    ("en", "Day 12 of my challenge with @brand! Leg day today and so much energy, link in bio for the full plan. #fit",
           "Day 13 of my challenge with @brand! Leg day today and so much energy, link in bio for the full plan. #gym"),
    ("it+en", "Nuovo drop con @brand: the best hoodie ever, taglia M, link in bio e corri a prenderla prima che finisca",
              "Nuovo drop con @brand: the best hoodie ever, taglia L, link in bio e corri a prenderla prima che finisca"),
]
DISTINCT = [
    ("it", "Ieri sera cena da mia nonna a Bari: orecchiette fatte a mano, ci ha messo tre ore ma ne valeva la pena.",
           "Questa settimana ho cambiato palestra, quella nuova è più lontana però ha la piscina e apre alle sei."),
    ("en", "Dinner at my grandmother's last night: handmade pasta, she spent three hours on it and it was worth it.",
           "Switched gyms this week, the new one is further away but it has a pool and opens at six in the morning."),
    ("it", "", "😍🔥"),
    ("en", "Short one", "Short one"),
]
# fmt: on


def posts_of(texts, creator="c"):
    return [Post(id=f"p{i}", text=t, creator=creator) for i, t in enumerate(texts)]


def records_of(posts, score=0.6):
    return [{"id": p.id, "sincerity": {"score": score, "confidence": 0.5, "evidence": []}} for p in posts]


@pytest.mark.parametrize("lang,a,b", DUPLICATES)
def test_near_duplicates_are_flagged_with_the_other_post(lang, a, b):
    posts = posts_of([a, b])
    adjustments = creator_sincerity_adjustments(posts, records_of(posts))
    assert set(adjustments) == {"p0", "p1"}
    for own, other in (("p0", "p1"), ("p1", "p0")):
        (item,) = adjustments[own].evidence
        assert item["kind"] == "near_duplicate"
        assert item["similar_to"] == other
        assert item["similarity"] >= 0.6 and item["weight"] == -item["similarity"]
        assert adjustments[own].shift < 0
        assert posts[int(own[1])].text[item["start"]:item["end"]] == item["text"]


@pytest.mark.parametrize("lang,a,b", DISTINCT)
def test_distinct_or_short_captions_are_left_alone(lang, a, b):
    posts = posts_of([a, b])
    assert creator_sincerity_adjustments(posts, records_of(posts)) == {}


@pytest.mark.parametrize("lang,line,bodies", [
    ("it", "Scopri tutto sul mio profilo e nelle storie di oggi.",
     ["Ho provato la pasta di grano duro di un mulino locale.", "Oggi lezione di yoga al parco con mia sorella.",
      "Finalmente ho finito di dipingere la camera da letto.", "Colazione veloce prima del treno per Milano."]),
    ("en", "Find everything on my profile and in today's stories.",
     ["Tried the durum wheat pasta from a local mill.", "Yoga class in the park with my sister today.",
      "Finally finished painting the bedroom walls green.", "Quick breakfast before the train to Leeds."]),
])
def test_a_line_repeated_across_posts_is_templated(lang, line, bodies):
    posts = posts_of([f"{body} {line}" for body in bodies])
    adjustments = creator_sincerity_adjustments(posts, records_of(posts))
    assert set(adjustments) == {p.id for p in posts}
    for post in posts:
        (item,) = adjustments[post.id].evidence
        assert item["kind"] == "templated" and item["text"] == line
        assert post.text[item["start"]:item["end"]] == line
        assert -1.0 < adjustments[post.id].shift < 0


@pytest.mark.parametrize("lang,signature_line", [
    ("it", "#fit #gym #italia @marca 💪"),
    ("en", "#fit #gym #london @brand 💪"),
])
def test_a_repeated_hashtag_block_is_a_signature_not_a_template(lang, signature_line):
    bodies = DISTINCT[0][1:] + DISTINCT[1][1:]
    posts = posts_of([f"{body}\n{signature_line}" for body in bodies])
    assert creator_sincerity_adjustments(posts, records_of(posts)) == {}


def test_apply_lowers_the_score_and_appends_evidence():
    posts = posts_of(DUPLICATES[0][1:])
    records = records_of(posts)
    apply_creator_adjustments(records, creator_sincerity_adjustments(posts, records))
    for record in records:
        assert record["sincerity"]["score"] < 0.6
        assert [e["kind"] for e in record["sincerity"]["evidence"]] == ["near_duplicate"]


def test_records_without_evidence_keep_their_shape():
    posts = posts_of(DUPLICATES[1][1:])
    records = [{"id": p.id, "sincerity": {"score": 0.6, "confidence": 0.5}} for p in posts]
    apply_creator_adjustments(records, creator_sincerity_adjustments(posts, records))
    assert all(set(r["sincerity"]) == {"score", "confidence"} and r["sincerity"]["score"] < 0.6 for r in records)


def test_posts_and_records_must_pair_up():
    posts = posts_of(DUPLICATES[0][1:])
    with pytest.raises(ValueError, match="pair up"):
        creator_sincerity_adjustments(posts, list(reversed(records_of(posts))))


def test_only_posts_of_the_same_creator_are_compared():
    a, b = DUPLICATES[1][1:]
    posts = [Post(id="x", text=a, creator="one"), Post(id="y", text=b, creator="two"), Post(id="z", text=b)]
    records = records_of(posts)
    score_creator_posts(posts, records)
    assert [r["sincerity"]["score"] for r in records] == [0.6, 0.6, 0.6]


def test_stream_keeps_order_and_groups_interleaved_creators():
    a, b = DUPLICATES[0][1:]
    other = DISTINCT[1][1]
    posts = [Post(id="1", text=a, creator="c"), Post(id="2", text=other, creator="d"), Post(id="3", text=b, creator="c")]
    out = list(with_creator_signals(zip(posts, records_of(posts)), max_group=10))
    assert [r["id"] for r in out] == ["1", "2", "3"]
    assert [r["sincerity"]["score"] < 0.6 for r in out] == [True, False, True]
    # a window of one post compares nothing
    out = list(with_creator_signals(zip(posts, records_of(posts)), max_group=1))
    assert [r["sincerity"]["score"] for r in out] == [0.6, 0.6, 0.6]


def test_same_input_same_adjustments():
    posts = posts_of([t for _, a, b in DUPLICATES for t in (a, b)])
    first = creator_sincerity_adjustments(posts, records_of(posts))
    second = creator_sincerity_adjustments(posts, records_of(posts))
    assert {k: (v.shift, v.evidence) for k, v in first.items()} == {k: (v.shift, v.evidence) for k, v in second.items()}


def test_candidate_pairs_grow_near_linearly_for_distinct_captions():
    """2,000 distinct captions: LSH proposes few pairs (a quadratic scan would be ~2 million)."""
    texts = [f"post {i} about topic {i * 7 % 13} with words w{i} x{i * 3} y{i * 5} z{i * 11} and more w{i + 1}" for i in range(2000)]
    sigs = [signature(shingles(t).keys) for t in texts]
    assert len(candidate_pairs(sigs)) < 20 * len(texts)
