"""Every evidence item with a span indexes into the output's own text: `record["text"][start:end] ==
item["text"]` for the caption, `comment["text"][start:end]` for a comment, and the named comment's
text for pod evidence; over the sample corpus, every adapter fixture, and hostile-looking texts.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from authentic_nlp import analyze_posts
from authentic_nlp.io import read_records
from authentic_nlp.pipeline import Analyzer
from authentic_nlp.record import offset_errors
from authentic_nlp.schema import parse_post
from authentic_nlp.text.normalize import normalize

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpora" / "sample" / "posts.jsonl"
FIXTURES = ROOT / "tests" / "adapters" / "fixtures"
# Fixtures that need options (as their adapter tests give them): the others are detected. HTML
# exports give no records (E111).
READ_AS = {
    "export.csv": {"column_map": {"text": "Description", "creator": "Account", "created_at": "Post Created"}},
    "vidIT000001.json": {"source": "youtube-comment-downloader"},
    "csv_map_no_source.csv": {"column_map": {"id": "Post ID", "text": "Description", "creator": "Account",
                                             "likes": "Likes", "followers": "Followers",
                                             "created_at": "Post Created"}},
    "tiktok_items_map_id.json": {"column_map": {"id": "postPage"}},
    "meta_export_deep": {"creator": "dan.outdoors"},
    "ytVidPretty01.json": {"creator": "maths.with.mo"},
}
UNREADABLE = {"ig_export_html"}


def _spans(record: dict) -> int:
    """How many evidence items with a span the record has (so a pass is not a pass over nothing)."""
    lists = [record["sponsorship"].get("evidence"), record["sponsorship"].get("market_evidence"),
             record["sincerity"].get("evidence"),
             record["conversation"].get("pod_evidence")] + [c.get("evidence") for c in record["comments"]]
    return sum(1 for items in lists for item in items or [] if item.get("start") is not None)


def _fixture_units(root: Path) -> list[Path]:
    """Each fixture as a reader takes it: a file or an export folder (the conformance fixtures each)."""
    units = []
    for path in sorted(root.iterdir()):
        if path.name in UNREADABLE:
            continue
        units += _fixture_units(path) if path.name == "conformance" else [path]
    return units


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def test_sample_corpus(analyzer):
    raws = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = list(analyze_posts(raws))     # with the creator signals (near-duplicate, templated captions)
    assert len(records) == len(raws) >= 8
    assert [e for r in records for e in offset_errors(r)] == []
    assert sum(_spans(r) for r in records) >= 20


@pytest.mark.parametrize("path", _fixture_units(FIXTURES), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_adapter_fixtures(analyzer, path):
    items = [i for i in read_records([path], **READ_AS.get(path.name, {})) if i.error is None]
    posts = [parse_post(item.raw) for item in items]
    records = [analyzer.analyze_post(post) for post in posts]
    assert records
    for post, record in zip(posts, records):
        assert record["text"] == normalize(post.text) and record["url"] == post.url
        assert [c["text"] for c in record["comments"]] == [normalize(c.text) for c in post.comments]
        assert offset_errors(record) == []


def test_fixtures_give_evidence_to_check(analyzer):
    """The fixtures as a whole exercise the check: records and spans, in captions and comments."""
    records = [analyzer.analyze_post(parse_post(item.raw)) for path in _fixture_units(FIXTURES)
               for item in read_records([path], **READ_AS.get(path.name, {})) if item.error is None]
    assert len(records) >= 20
    assert sum(_spans(r) for r in records) >= 30
    assert any(e.get("start") is not None for r in records for c in r["comments"] for e in c.get("evidence") or [])


# fmt: off
HOSTILE = [
    ("mojibake_it", "PerchÃ¨ ho scelto questa crema? Codice GIULIA20 sul sito #adv @brand"),
    ("mojibake_invite", "Ã¨ stata una giornata incredibile, grazie @hotel per l'invito #ospite"),
    ("zero_width_label", "#a\u200bd\u200bv Usa il codice SCONTO10 sul sito di @brand"),
    ("zero_width_en", "spon\u200bsored by @nike: new shoes, use my code JO15 at checkout #a\u200bd"),
    ("nfd_it", "perche\u0301 ho provato questa crema per 3 settimane, e\u0300 ottima #ad @brand"),
    ("nfd_en", "Cafe\u0301 with @brand today, honestly the best latte I had this year #sponsored"),
    ("emoji_zwj", "👨‍👩‍👧 family day with @brand ❤️ use code FAM10 #ad"),
    ("emoji_skin_zwj", "👩🏽‍💻 working late, honestly the keyboard is loud but I love it #sponsored"),
    ("bidi", "\u202e#ad\u202c Paid partnership with @brand, link in bio"),
    ("soft_hyphen", "Colla\u00adborazione con @brand: codice MARE10 per il 10% #adv"),
    ("bom", "\ufeffCiao a tutti! Prodotto ricevuto in regalo da @brand #gifted"),
    ("crlf_cluster", "Line one\r\nLine two #ad @brand\r\n#fit #gym #run #love #life"),
    ("lone_surrogate", "\ud83d Codice X10 per lo sconto #adv"),
    ("all_at_once", "Ã¨ \u200bbello, perche\u0301 👩🏽‍💻 codice SUN15 #a\u200bdv @brand"),
    ("market_uk", "My favourite colour this autumn: £25 at boots.co.uk, honestly worth it ​#ad"),
    ("market_uk_mojibake", "Â£25 for the whole set, my favourite colour, link to argos.co.uk #a​d"),
    ("plain_en", "Honestly I tried it for two weeks and it broke. Still #ad @brand"),
    ("plain_it", "Prodotto ricevuto in regalo da @brand, ma la mia opinione è sincera. Pro: leggero. Contro: caro."),
    ("empty", ""),
    ("emoji_only", "😍🔥🔥"),
]
COMMENTS = [
    "Dove lo trovo? 😍", "Ã¨ bellissimo!! dove si compra?", "a\u200bmazing, where can I buy it?",
    "perche\u0301 costa cosi\u0300 tanto?", "👨‍👩‍👧❤️", "", "check my page!! DM for collab 💰", "\ud83d",
    "So cute 😍😍 love it so much omg", "So cute 😍😍 love it so much omg", "So cute 😍😍 love it so much omg",
]
# fmt: on


def _hostile_post(name: str, text: str) -> dict:
    comments = [{"id": f"c{i}", "text": t, "author": f"fan{i}"} for i, t in enumerate(COMMENTS)]
    comments.append({"id": "r0", "text": "@fan0 Ã¨ in via Roma, perche\u0301 sì 👍", "author": "giulia", "reply_to": "c0"})
    return {"id": name, "text": text, "creator": "giulia", "comments": comments}


@pytest.fixture(scope="module")
def hostile_records() -> dict[str, dict]:
    posts = [_hostile_post(name, text) for name, text in HOSTILE]
    return {r["id"]: r for r in analyze_posts(posts)}   # one creator: the creator signals run too


@pytest.mark.parametrize("name,text", HOSTILE, ids=[name for name, _ in HOSTILE])
def test_hostile_texts(hostile_records, name, text):
    record = hostile_records[name]
    assert record["text"] == normalize(text)
    assert offset_errors(record) == []
    json.dumps(record, ensure_ascii=False).encode("utf-8")   # no lone surrogate left


def test_hostile_texts_give_evidence_to_check(hostile_records):
    records = list(hostile_records.values())
    assert sum(_spans(r) for r in records) >= 40
    assert any(r["conversation"]["pod_evidence"] for r in records)   # the triplicated comment
    for name in ("market_uk", "market_uk_mojibake"):
        section = hostile_records[name]["sponsorship"]
        assert section["market"] == "uk"
        assert any(e["start"] is not None for e in section["market_evidence"])


# fmt: off
BROKEN = [
    ("caption_shifted", lambda r: r["sponsorship"]["evidence"].append(
        {"kind": "label", "text": "#ad", "start": 1, "end": 4, "rule": "x"})),
    ("comment_points_into_caption", lambda r: r["comments"][0]["evidence"].append(
        {"kind": "specific", "text": r["text"][0:3], "start": 0, "end": 3})),
    ("half_a_span", lambda r: r["sincerity"]["evidence"].append(
        {"kind": "hype", "text": "x", "start": 0, "end": None, "weight": 0.1})),
    ("raw_text_instead", lambda r: r.update(text="PerchÃ¨ #adv, ok")),
    ("pod_without_comment", lambda r: r["conversation"].update(
        pod_evidence=[{"kind": "duplicate_text", "text": "So", "start": 0, "end": 2}])),
]
# fmt: on


@pytest.mark.parametrize("name,spoil", BROKEN, ids=[name for name, _ in BROKEN])
def test_the_check_finds_a_broken_offset(hostile_records, name, spoil):
    record = copy.deepcopy(hostile_records["mojibake_it"])
    assert offset_errors(record) == []
    spoil(record)
    assert offset_errors(record)
