"""`AnalysisResult`: the API's records are plain dicts with an escaped HTML view for notebooks."""

from __future__ import annotations

import copy
import json
import pickle

import pytest

from authentic_nlp import analyze_posts, analyze_text
from authentic_nlp.display import AnalysisResult
from authentic_nlp.text.normalize import normalize

# fmt: off
HOSTILE = [
    '<script>alert("x")</script> Usa il codice GIULIA20! #adv @brand',
    "Gifted by @brand \"quoted\" & 'single' <img src=x onerror=alert(1)> #ad",
    "<b>Adoro</b> questa crema, ma costa troppo </div></table> #pubblicità",
    "",
    "😍😍🔥 <script>",
]
# fmt: on


@pytest.mark.parametrize("text", HOSTILE)
def test_repr_html_escapes_everything(text: str) -> None:
    result = analyze_text(text)
    markup = result._repr_html_()
    assert "<script" not in markup and "<img" not in markup and "</table></table>" not in markup
    assert "<b>Adoro</b>" not in markup
    if "<script>" in text:
        assert "&lt;script&gt;" in markup
    if '"quoted"' in text:
        assert "&#34;quoted&#34;" in markup and "&#39;single&#39;" in markup
    assert result["sponsorship"]["verdict"] in markup
    assert str(result["sincerity"]["score"]) in markup


@pytest.mark.parametrize("text", HOSTILE[:3])
def test_repr_html_highlights_and_cites(text: str) -> None:
    result = analyze_text(text)
    markup = result._repr_html_()
    cited = next(e for e in result["sponsorship"]["evidence"] if e["kind"] == "verdict")
    assert cited["rule"] in markup
    assert markup.count("<mark") >= 1
    for item in result["sponsorship"]["evidence"]:
        if item.get("rule"):
            assert item["rule"] in markup


def test_hostile_rule_ids_and_ids_are_escaped() -> None:
    record = {"id": '"><script>x</script>', "language": {"code": "it"},
              "sponsorship": {"verdict": "disclosed", "evidence": [
                  {"kind": "verdict", "text": "#adv", "start": 0, "end": 4, "rule": "<i>rule</i>", "note": "a\"b"}]},
              "sincerity": {"score": 0.5, "evidence": []}}
    markup = AnalysisResult(record, "#adv")._repr_html_()
    assert "<script>" not in markup and "<i>rule</i>" not in markup
    assert "&lt;i&gt;rule&lt;/i&gt;" in markup


@pytest.mark.parametrize("text", HOSTILE)
def test_result_is_the_plain_record(text: str) -> None:
    result = analyze_text(text)
    plain = json.loads(json.dumps(result))
    assert isinstance(result, dict) and result == plain
    assert json.dumps(result, sort_keys=True) == json.dumps(plain, sort_keys=True)
    assert type(pickle.loads(pickle.dumps(result))) is dict
    assert copy.deepcopy(result) == plain


def test_analyze_posts_yields_results_with_comments() -> None:
    posts = [{"id": "p1", "text": "Nuova crema <b>top</b> #adv @marchio", "creator": "giulia",
              "comments": [{"id": "c1", "text": "Dove l'hai presa?", "author": "anna"},
                           {"id": "c2", "text": "Grazie!", "author": "giulia", "reply_to": "c1"}]},
             {"id": "p2", "text": "Honest review: it broke me out. #ad", "creator": "kate"}]
    results = list(analyze_posts(posts))
    assert all(isinstance(r, AnalysisResult) for r in results)
    markup = results[0]._repr_html_()
    assert "2 comments" in markup and "c1" in markup and "&lt;b&gt;top&lt;/b&gt;" in markup
    assert results[0].text() == normalize(posts[0]["text"])
