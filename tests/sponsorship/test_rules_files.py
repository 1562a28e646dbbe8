"""Market rules as data: the shipped files load and cite sources; an analyst's --rules file extends,
replaces or adds a market; a bad file fails at load naming the file, the entry and the problem."""

from __future__ import annotations

import pytest

from authentic_nlp.analyzers import sponsorship
from authentic_nlp.errors import DataFileError
from authentic_nlp.markets.loader import load_signals
from authentic_nlp.markets.rules import SHIPPED, load_markets
from authentic_nlp.pipeline import AnalysisOptions

from .conftest import cited_rule

PLACEMENT = """
  placement:
    preview: {id: de.placement.preview, chars: 125, lines: 3, source: test}
    trailing_cluster: {id: de.placement.trailing_cluster, min_hashtags: 3, source: test}
  platform_flag: {id: de.platform.paid_partnership, counts_as: ambiguous, source: test}
"""


def write(tmp_path, body: str, name: str = "rules.yaml"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize("code", SHIPPED)
def test_shipped_market_rules_have_ids_sources_and_placement(code):
    market = load_markets()[code]
    assert market.code == code and len(market.labels) >= 10
    assert {c.kind for c in market.labels} == {"accepted", "ambiguous"}
    assert all(c.id.startswith(f"{code}.") and c.source for c in market.labels)
    assert market.placement.preview.limit == 125 and market.placement.preview_lines == 3
    assert market.platform_flag.id == f"{code}.platform.paid_partnership"
    assert (market.placement.hashtag_rank is not None) == (code == "it")


def test_signal_cues_cover_every_kind_in_both_languages():
    cues = load_signals().cues
    kinds = {(c.id.split(".")[0], c.kind) for c in cues}
    for lang in ("it", "en"):
        for kind in ("discount_code", "affiliate_link", "gift", "invitation", "collaboration", "brand_cta", "promo",
                     "self_promotion"):
            assert (lang, kind) in kinds
    assert all(c.source for c in cues)


# fmt: off
@pytest.mark.parametrize("extends, text, verdict, rule", [
    (True,  "#werbung neue Schuhe von @shoeco", "disclosed", "us.label.werbung"),   # a label added to us
    (True,  "#ad neue Schuhe von @shoeco",      "disclosed", "us.label.ad_tag"),    # the shipped labels stay
    (False, "#werbung neue Schuhe von @shoeco", "disclosed", "us.label.werbung"),
    (False, "#ad neue Schuhe von @shoeco",      "organic",   None),                 # replaced: #ad is gone
    (True,  "",                                  "organic",   None),
    (True,  "🥨🥨",                              "organic",   None),
])
# fmt: on
def test_rules_file_extends_or_replaces_a_shipped_market(judge, tmp_path, extends, text, verdict, rule):
    body = f"meta:\n  market: us\n  extends: {str(extends).lower()}\n"
    if not extends:
        body += PLACEMENT.replace("de.", "us.")
    body += ("cues:\n  - {id: us.label.werbung, kind: accepted, pattern: werbung, hashtag: true, weight: 1.0,"
             " source: 'analyst: German label used by this brand'}\n")
    path = write(tmp_path, body, f"us-{extends}.yaml")
    out = judge({"id": "x", "text": text, "market": "us"}, rules_path=path)
    assert (out["verdict"], cited_rule(out)) == (verdict, rule)


def test_rules_file_replaces_a_label_by_id(judge, tmp_path):
    path = write(tmp_path, "meta: {market: uk, extends: true}\ncues:\n"
                 "  - {id: uk.ambiguous.sponsored_by, kind: accepted, pattern: 'sponsored by', weight: 1.0, source: 'analyst override'}\n")
    out = judge({"id": "x", "text": "Sponsored by @coatco: my winter picks", "market": "uk"}, rules_path=path)
    assert (out["verdict"], cited_rule(out)) == ("disclosed", "uk.ambiguous.sponsored_by")


def test_rules_file_adds_a_new_market_selected_with_market(judge, tmp_path):
    path = write(tmp_path, "meta:\n  market: de\n  extends: false\n" + PLACEMENT +
                 "cues:\n  - {id: de.label.werbung, kind: accepted, pattern: werbung, hashtag: true, weight: 1.0, source: test}\n")
    out = judge({"id": "x", "text": "Werbung: neue Schuhe von @shoeco"}, rules_path=path, market="de")
    assert (out["market"], out["verdict"], cited_rule(out)) == ("de", "disclosed", "de.label.werbung")
    markets = load_markets(path)
    assert set(markets) == {"it", "us", "uk", "de"}


# fmt: off
@pytest.mark.parametrize("body, code, fragments", [
    ("meta: {market: it}\ncues: []\n", "E202", ["rules.yaml", "meta.extends"]),
    ("meta: {market: xx, extends: true}\ncues: []\n", "E202", ["no market 'xx' to extend"]),
    ("meta: {market: de, extends: false}\ncues: []\n", "E202", ["meta.placement is required"]),
    ("cues: []\n", "E202", ["'meta' block"]),
    ("meta: {market: it, extends: true}\ncues:\n  - {id: it.x, kind: label, pattern: adv, weight: 1, source: s}\n",
     "E201", ["it.x (line 3)", "kind must be one of accepted, ambiguous"]),
    ("meta: {market: it, extends: true}\ncues:\n  - {id: it.x, kind: accepted, regex: '([', weight: 1, source: s}\n",
     "E201", ["it.x", "regex does not compile"]),
    ("meta: {market: it, extends: true}\ncues:\n  - {id: it.x, kind: accepted, pattern: adv, brand: maybe, weight: 1, source: s}\n",
     "E201", ["it.x", "brand must be one of after, prefix, present"]),
    ("meta: {market: it, extends: true}\ncues:\n  - {id: it.x, kind: accepted, pattern: adv, scope: paid, weight: 1, source: s}\n",
     "E201", ["scope must be one of gift, affiliate"]),
    ("meta: {market: it, extends: true}\ncues:\n  - {id: it.x, kind: accepted, pattern: adv, weight: 2, source: s}\n",
     "E201", ["weight must be a number in [0, 1]"]),
    ("meta: {market: it, extends: true}\ncues:\n  - {id: it.x, kind: accepted, pattern: adv, weight: 1}\n",
     "E201", ["'source' is required"]),
    ("meta: {market: it, extends: true}\ncues:\n  - {id: it.x, kind: accepted, pattern: adv, variants: [''], weight: 1, source: s}\n",
     "E201", ["variants must be a list of non-empty strings"]),
    ("meta: {market: it, extends: true}\ncues:\n  - {id: it.x, kind: accepted, regex: 'a', brand: prefix, weight: 1, source: s}\n",
     "E201", ["(?P<brand>"]),
    ("meta: {market: it, extends: true}\ncues:\n  - {id: it.x, kind: accepted, pattern: a, weight: 1, source: s}\n"
     "  - {id: it.x, kind: accepted, pattern: b, weight: 1, source: s}\n", "E201", ["duplicate id 'it.x'"]),
    ("meta: {market: it, extends: true, platform_flag: {id: f, counts_as: maybe, source: s}}\ncues: []\n",
     "E202", ["counts_as must be one of accepted, ambiguous"]),
    ("meta: [unclosed\n", "E202", ["cannot be parsed"]),
])
# fmt: on
def test_bad_rules_file_fails_at_load_naming_file_entry_problem(tmp_path, body, code, fragments):
    path = write(tmp_path, body)
    with pytest.raises(DataFileError) as err:
        sponsorship.build(AnalysisOptions(rules_path=path))
    assert err.value.code == code
    assert str(path) in str(err.value)
    for fragment in fragments:
        assert fragment in str(err.value)


def test_unknown_forced_market_is_a_coded_error():
    with pytest.raises(DataFileError) as err:
        sponsorship.build(AnalysisOptions(market="fr"))
    assert err.value.code == "E204" and "'fr'" in str(err.value) and "it, uk, us" in str(err.value)
