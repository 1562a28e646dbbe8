"""Engagement-pod signals: sameness and speed, never length alone."""

from __future__ import annotations

import pytest

from authentic_nlp.analyzers.pods import creator_pod_signals, text_key
from authentic_nlp.schema import parse_post

POSTED = "2026-03-01T12:00:00Z"


def at(minute: int) -> str:
    return f"2026-03-01T{12 + minute // 60:02d}:{minute % 60:02d}:00Z"


# fmt: off
KEY_ROWS = [
    ("Amazing shot, love it!! 😍",  ("amazing shot love it", 4)),
    ("amazing shot love it",       ("amazing shot love it", 4)),
    ("@anna Che bella foto!",      ("che bella foto", 3)),
    ("🔥🔥🔥",                      ("", 0)),
    ("",                           ("", 0)),
    ("Bellissima l'idea",          ("bellissima l'idea", 2)),
]
# fmt: on


@pytest.mark.parametrize("text, expected", KEY_ROWS)
def test_text_key(text, expected):
    assert text_key(text) == expected


CASES = {
    # the same 4-word praise from three accounts: a pod script
    "duplicate_text_en": ([("c1", "u1", "Amazing shot, love it!!", at(1)), ("c2", "u2", "amazing shot love it", at(2)),
                           ("c3", "u3", "Amazing shot love it 😍", at(3)), ("c4", "u4", "the blue one is nicer", at(30))],
                          True, ["duplicate_text", "padded_generic"]),
    # early generic burst of padded praise (pods ask for "3 words and more")
    "burst_and_padding_it": ([(f"c{i}", f"u{i}", t, at(i)) for i, t in enumerate([
        "che bella foto davvero", "bellissima sei sempre top", "wow che spettacolo bellissima",
        "complimenti sempre bellissima amore", "stupenda come sempre cara", "troppo bella questa foto"])]
        + [("c9", "u9", "il vestito rosso ti sta meglio", at(90))], True, ["early_generic_burst", "padded_generic"]),
    # the same burst but short praise: speed alone is not enough
    "burst_only": ([(f"c{i}", f"u{i}", t, at(i)) for i, t in enumerate(["🔥", "wow", "bellissima", "😍😍", "top", "nice"])],
                   False, ["early_generic_burst"]),
    # long, varied, specific comments: length alone is no signal
    "long_organic_en": ([(f"c{i}", f"u{i}", t, at(20 + i)) for i, t in enumerate([
        "I made this with oat milk and it still set perfectly overnight",
        "the second step confused me, do you fold or stir the flour in",
        "my grandmother used lemon zest instead of vanilla in the same cake",
        "baked it twice this week, the kids asked for a third one"])], False, []),
    # the same short generic word from many people is ordinary
    "same_emoji_many_accounts": ([(f"c{i}", f"u{i}", "🔥🔥", at(200 + i)) for i in range(6)], False, []),
    "empty": ([], False, []),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_post_pod_signals(analyse_post, post_of, name):
    rows, suspected, kinds = CASES[name]
    conversation = analyse_post(post_of([(c, a, t, None, ts) for c, a, t, ts in rows], created_at=POSTED))["conversation"]
    assert conversation["pod_suspected"] is suspected
    assert [e["kind"] for e in conversation["pod_evidence"]] == kinds
    assert 0.0 <= conversation["pod_score"] <= 1.0


def test_duplicate_evidence_points_into_a_comment(analyse_post, post_of):
    rows = CASES["duplicate_text_en"][0]
    record = analyse_post(post_of([(c, a, t, None, ts) for c, a, t, ts in rows], created_at=POSTED))
    (item,) = [e for e in record["conversation"]["pod_evidence"] if e["kind"] == "duplicate_text"]
    assert item["text"] == "Amazing shot, love it!!" and (item["start"], item["end"]) == (0, 23)
    assert "c1,c2,c3" in item["note"]


def _creator_posts(analyse_post, post_of, n_posts, regulars, extra):
    out = []
    for k in range(n_posts):
        rows = [(f"r{k}{i}", who, "so beautiful 😍", None, at(2 + i)) for i, who in enumerate(regulars)]
        rows += [(f"x{k}", f"{extra}{k}", "the light in this one is softer than last week", None, at(300))]
        raw = post_of(rows, created_at=POSTED)
        raw["id"] = f"p{k}"
        out.append((parse_post(raw), analyse_post(raw)))
    return out


def test_creator_pod_signals_finds_recurring_fast_accounts(analyse_post, post_of):
    posts = _creator_posts(analyse_post, post_of, 4, ["ann", "ben", "cat"], "visitor")
    result = creator_pod_signals(iter(posts))
    assert result["posts"] == 4 and result["suspected"] is True
    assert [r["author"] for r in result["recurring_generic_accounts"]] == ["ann", "ben", "cat"]
    assert all(r["posts"] == 4 and r["fast_posts"] == 4 for r in result["recurring_generic_accounts"])
    assert result["fast_recurring_accounts"] == 3


@pytest.mark.parametrize("n_posts, regulars, suspected", [
    (4, ["ann", "ben"], False),          # two regulars: a loyal audience, not a pod
    (2, ["ann", "ben", "cat"], False),   # too few posts to tell
    (0, [], False),
])
def test_creator_pod_signals_needs_enough_evidence(analyse_post, post_of, n_posts, regulars, suspected):
    result = creator_pod_signals(_creator_posts(analyse_post, post_of, n_posts, regulars, "v"))
    assert result["suspected"] is suspected
    assert result["posts"] == n_posts
