"""Per-creator aggregation over hand-made output records (the analyzers are not run here)."""

from __future__ import annotations

import copy

import pytest

from authentic_nlp.audit.aggregate import summarize_creator
from authentic_nlp.audit.load import AuditItem
from authentic_nlp.record import empty_record
from authentic_nlp.schema import parse_post


def item(pid, text, *, verdict="organic", probability=0.1, sincerity=0.6, audience=4, reply_rate=0.5,
         shares=(0.5, 0.25, 0.25, 0.0), quality=0.6, followers=None, likes=None, day="2026-01-10T10:00:00Z",
         evidence=()):
    post = parse_post({"id": pid, "text": text, "creator": "c", "followers": followers, "likes": likes,
                       "created_at": day, "comments": []})
    record = empty_record(post)
    record["sponsorship"].update(verdict=verdict, probability=probability, market="it", evidence=list(evidence))
    record["sincerity"]["score"] = sincerity
    conv = record["conversation"]
    conv.update(comments=audience, audience_comments=audience, audience_all=audience, creator_reply_rate=reply_rate,
                creator_real_reply_rate=reply_rate, questions=2, questions_answered=1, reciprocal_exchanges=1,
                threads_answered=2, substantive_share=shares[0], question_share=shares[1], generic_share=shares[2],
                spam_share=shares[3], score=0.5)
    record["interaction_quality"] = quality
    return AuditItem(record=record, post=post)


def code_evidence(text, part, rule="signals.discount_code.code_token"):
    start = text.index(part)
    return [{"kind": "signal", "text": part, "start": start, "end": start + len(part), "rule": rule},
            {"kind": "verdict", "text": part, "start": start, "end": start + len(part), "rule": rule,
             "note": "commercial relationship shown and no label at all"}]


def test_reply_rate_is_pooled_over_comments_not_averaged_over_posts():
    items = [item("p1", "Ciao a tutti", audience=2, reply_rate=1.0), item("p2", "Hello all", audience=18, reply_rate=0.0)]
    conv = summarize_creator("c", items)["conversation"]
    assert conv["creator_reply_rate"] == pytest.approx(2 / 20)
    assert conv["questions"] == 4 and conv["questions_answered"] == 2 and conv["questions_answered_rate"] == 0.5
    assert conv["reciprocity"] == pytest.approx(0.5)


@pytest.mark.parametrize("texts", [
    ("Usa il codice ANNA10 per lo sconto", "Use my code ANNA10 today", "😍😍", ""),
    ("Mixed post: codice ANNA10, link in bio", "", "Ciao ciao", "🔥"),
])
def test_verdicts_worst_examples_and_likely_undisclosed(texts):
    a, b, c, d = texts
    items = [item("p1", a, verdict="undisclosed", probability=0.7, evidence=code_evidence(a, "ANNA10")),
             item("p2", b, verdict="weak_disclosure", probability=0.95),
             item("p3", c, verdict="organic", probability=0.8),
             item("p4", d, verdict="organic", probability=0.1)]
    disc = summarize_creator("c", items)["disclosure"]
    assert disc["counts"] == {"disclosed": 0, "weak_disclosure": 1, "undisclosed": 1, "organic": 2}
    assert disc["rates"]["organic"] == 0.5 and disc["commercial_posts"] == 2
    assert [e["id"] for e in disc["worst_examples"]] == ["p1", "p2"]      # undisclosed before weak
    worst = disc["worst_examples"][0]
    assert worst["rule"] == "signals.discount_code.code_token" and worst["why"].startswith("commercial")
    assert [s["text"] for s in worst["spans"]] == ["ANNA10"]            # the verdict item is not repeated
    assert [e["id"] for e in disc["likely_undisclosed"]] == ["p3", "p1"]  # unlabelled, by probability


def test_followers_and_likes_never_change_the_index():
    base = [item(f"p{i}", "Lo uso da 3 mesi", quality=0.3 + 0.1 * i, audience=i) for i in range(4)]
    other = copy.deepcopy(base)
    for it, followers, likes in zip(other, (300, 40_000, 900_000, 3_000_000), (10, 2_000, 50_000, 0)):
        it.post.followers, it.post.likes = followers, likes
    one, two = summarize_creator("c", base), summarize_creator("c", other)
    assert one["index"] == two["index"]
    assert one["engagement"] is None and two["engagement"]["followers"] == 3_000_000


@pytest.mark.parametrize("followers, likes, tier, benchmark", [
    (800, 90, "0-1k", 0.1058), (4_000, 100, "1k-5k", 0.0426), (12_000, 300, "5k-20k", 0.0228),
    (60_000, 1_000, "20k-100k", 0.0162), (400_000, 6_000, "100k-1M", 0.0155), (2_000_000, 30_000, ">1M", 0.0154),
])
def test_engagement_against_tier_benchmark(followers, likes, tier, benchmark):
    eng = summarize_creator("c", [item("p1", "ciao", followers=followers, likes=likes, audience=0)])["engagement"]
    assert eng["tier"]["label"] == tier and eng["tier"]["benchmark_rate"] == benchmark
    assert eng["rate"] == pytest.approx(likes / followers, abs=1e-5)
    assert eng["ratio_to_benchmark"] == pytest.approx(likes / followers / benchmark, abs=1e-3)


def test_timeline_by_month_in_date_order():
    items = [item("b", "x", day="2026-03-02T10:00:00Z", verdict="disclosed", reply_rate=1.0),
             item("a", "y", day="2026-01-05T10:00:00Z", reply_rate=0.0),
             item("c", "z", day="2026-03-20T10:00:00Z", reply_rate=0.5)]
    timeline = summarize_creator("c", items)["timeline"]
    assert [m["month"] for m in timeline] == ["2026-01", "2026-03"]
    assert timeline[1]["verdicts"]["disclosed"] == 1 and timeline[1]["creator_reply_rate"] == 0.75


def test_sincerity_distribution():
    items = [item(f"p{i}", "t", sincerity=s) for i, s in enumerate((0.05, 0.35, 0.55, 0.65, 0.95, 1.0))]
    sinc = summarize_creator("c", items)["sincerity"]
    assert sinc["histogram"] == [1, 0, 0, 1, 0, 1, 1, 0, 0, 2]
    assert sinc["low_share"] == pytest.approx(2 / 6, abs=1e-4) and sinc["median"] == 0.6
