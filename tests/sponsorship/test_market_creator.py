"""The creator's other posts decide the market of posts without evidence of their own
(analyzers/market_creator.py): in `analyze_posts`, in the audit, and not in streaming `score`.
Posts written for these tests."""

from __future__ import annotations

import json

import pytest

from authentic_nlp import analyze_posts
from authentic_nlp.analyzers.market_creator import apply_creator_market, creator_vote
from authentic_nlp.learn.predictor import NO_MODEL
from authentic_nlp.text.normalize import normalize


def rec(market, source):
    return {"sponsorship": {"market": market, "market_source": source, "market_evidence": []}}


@pytest.mark.parametrize("records, vote", [
    ([], None),
    ([rec("us", "default"), rec("us", "default")], None),                       # no post with evidence
    ([rec("uk", "inferred"), rec("us", "default")], ("uk", 1, 1)),
    ([rec("uk", "inferred"), rec("uk", "inferred"), rec("us", "inferred")], ("uk", 2, 3)),
    ([rec("uk", "inferred"), rec("us", "inferred")], None),                      # a tie is no majority
    ([rec("it", "inferred"), rec("uk", "inferred"), rec("us", "inferred")], None),
    ([rec("uk", "input"), rec("uk", "option"), rec("us", "inferred")], ("us", 1, 1)),   # given markets do not vote
])
def test_creator_vote(records, vote):
    assert creator_vote(records) == vote


def test_only_default_posts_are_decided():
    records = [rec("uk", "inferred"), rec("us", "default"), rec("us", "input"), rec("uk", "default")]
    calls = []
    decided = apply_creator_market([None] * 4, records, lambda post, record, choice: calls.append(choice))
    assert decided == 2
    assert [c.code for c in calls] == ["uk"] and calls[0].source == "creator"      # us -> uk is rescored
    assert records[2]["sponsorship"]["market_source"] == "input"                    # never changed
    assert records[3]["sponsorship"]["market_source"] == "creator"                  # already uk: only the source
    assert records[3]["sponsorship"]["market_evidence"][-1]["rule"] == "markets.infer.creator_vote"


AD = "Sponsored by @glowco: the new palette is out now, link in bio"
POSTS = [
    {"id": "u1", "creator": "amy", "text": AD},
    {"id": "u2", "creator": "amy", "text": "Rainy school run, my favourite jumper and a cuppa"},
    {"id": "u3", "creator": "amy", "text": "£12 at boots.co.uk, honestly worth it"},
    {"id": "a1", "creator": "sam", "text": AD},
    {"id": "a2", "creator": "sam", "text": "Thanksgiving at my mom's, 30 dollars of pie"},
    {"id": "i1", "creator": "giulia", "text": AD},
    {"id": "i2", "creator": "giulia", "text": "Nuovo rossetto, 15€ su glowco.it"},
    {"id": "t1", "creator": "tie", "text": AD},
    {"id": "t2", "creator": "tie", "text": "My favourite colour"},
    {"id": "t3", "creator": "tie", "text": "My favorite color"},
    {"id": "f1", "creator": "forced", "text": AD, "market": "us"},
    {"id": "f2", "creator": "forced", "text": "£12 at boots.co.uk"},
]
# id -> (market, source, verdict) with the creator's posts together
TOGETHER = {
    "u1": ("uk", "creator", "weak_disclosure"),    # the ASA does not accept "Sponsored by"
    "u2": ("uk", "inferred", None), "u3": ("uk", "inferred", None),
    "a1": ("us", "creator", "disclosed"), "a2": ("us", "inferred", None),
    "i1": ("it", "creator", "disclosed"), "i2": ("it", "inferred", None),
    "t1": ("us", "default", "disclosed"),
    "f1": ("us", "input", "disclosed"), "f2": ("uk", "inferred", None),
}


@pytest.fixture(scope="module")
def together():
    return {r["id"]: r for r in analyze_posts(POSTS, model_path=NO_MODEL)}


@pytest.mark.parametrize("post_id", sorted(TOGETHER))
def test_creator_posts_given_together(together, post_id):
    section = together[post_id]["sponsorship"]
    market, source, verdict = TOGETHER[post_id]
    assert (section["market"], section["market_source"]) == (market, source)
    if verdict:
        assert section["verdict"] == verdict
    clean = normalize(next(p["text"] for p in POSTS if p["id"] == post_id))
    for item in section["market_evidence"] + section["evidence"]:
        if item["start"] is not None:
            assert clean[item["start"]:item["end"]] == item["text"]
    if source == "creator":
        assert section["market_evidence"][-1]["kind"] == "creator_posts"


def test_rescored_post_keeps_quality_consistent(together):
    from authentic_nlp.analyzers.quality import interaction_quality

    record = together["u1"]
    assert (record["interaction_quality"], record["interaction_quality_basis"]) == interaction_quality(record)


@pytest.mark.parametrize("option", [{"creator_signals": False}, {"market": "us"}])
def test_without_the_vote(option):
    records = {r["id"]: r for r in analyze_posts(POSTS[:3], model_path=NO_MODEL, **option)}
    section = records["u1"]["sponsorship"]
    assert (section["market"], section["verdict"]) == ("us", "disclosed")
    assert section["market_source"] == ("default" if "creator_signals" in option else "option")


def test_audit_and_streaming_score(tmp_path):
    from authentic_nlp.audit.run import run_audit
    from authentic_nlp.engine.batch import score_files
    from authentic_nlp.pipeline import AnalysisOptions

    path = tmp_path / "posts.jsonl"
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in POSTS[:3]), encoding="utf-8")
    result = run_audit([path], options=AnalysisOptions(model_path=NO_MODEL))
    [amy] = result.summaries
    assert amy["markets"] == {"uk": 3}
    assert amy["disclosure"]["counts"]["weak_disclosure"] == 1
    out = tmp_path / "scored.jsonl"
    score_files([path], out)
    streamed = {r["id"]: r["sponsorship"] for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert (streamed["u1"]["market"], streamed["u1"]["market_source"]) == ("us", "default")   # per post only
    assert (streamed["u3"]["market"], streamed["u3"]["market_source"]) == ("uk", "inferred")


def test_no_evidence_leaves_the_market_lists_out():
    records = {r["id"]: r for r in analyze_posts(POSTS[:3], model_path=NO_MODEL, evidence=False)}
    for post_id, source in (("u1", "creator"), ("u3", "inferred")):
        section = records[post_id]["sponsorship"]
        assert section["market"] == "uk" and section["market_source"] == source
        assert "market_evidence" not in section and "evidence" not in section
