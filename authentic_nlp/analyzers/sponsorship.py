"""The sponsorship stage: verdict, probability, market and evidence, per ../shared/docs/disclosure-rules.md.

    disclosed        a relationship, and an accepted label of the market, placed visibly
    weak_disclosure  a relationship, and only an ambiguous label, or an accepted label not visible
    undisclosed      the caption shows a relationship and carries no label at all
    organic          no relationship can be seen (or the creator promotes their own shop or brand)

A relationship is shown by a commercial signal (code, affiliate link, gift or invitation,
collaboration wording, a call to action next to a brand tag), by the platform's paid-partnership
flag, or by a label that on its own says so (`#ad`, `#collab`). Market: `--market` (forced) >
the post's `market` > inferred from the caption with evidence (`markets/infer.py`: currency, link
domains, spelling, language) > `it` for Italian, `us` otherwise; a stage context may carry a
`market_choice` made from the creator's other posts (`market_creator.py`). Rules, signals and the
probability coefficients are loaded once, in `build`.
"""

from __future__ import annotations

import logging
from typing import Any, Callable

from ..evidence import Evidence, evidence_list
from ..markets.infer import load_market_cues, resolve_market
from ..markets.loader import WORD, fast_fold, load_signals
from ..markets.rules import Market, load_markets, unknown_market
from .placement import CaptionLayout
from .sponsorship_labels import LabelHit, find_labels
from .sponsorship_negation import drop_negated, find_negations, inside_span
from .sponsorship_probability import combine, features_from, load_probability_model
from .sponsorship_signals import THIRD_PARTY_KINDS, SignalHit, find_mentions, find_signals

logger = logging.getLogger("authentic_nlp")

# A label with a scope covers only a relationship made of these signal kinds.
SCOPE_KINDS = {"gift": {"gift", "invitation", "brand_cta"}, "affiliate": {"affiliate_link", "discount_code", "brand_cta"}}
SCOPE_NOTES = {"gift": "a gift or invitation statement does not cover a paid collaboration, a code or an affiliate link",
               "affiliate": "a commission statement does not cover a paid collaboration or a gift"}
# A learned model: (normalized caption, language code) -> probability that the post is commercial.
ModelFn = Callable[[str, str], float]


def build(options, model: ModelFn | None = None):
    """`model`: p(commercial) for a caption; by default the learned model of `options` (none with NO_MODEL).

    The model moves the probability only, never the verdict, and is not consulted where it cannot
    help (a caption without letters; the creator's own shop: `sponsorship_model_applies`).
    """
    from ..learn.wiring import caption_model_evidence, model_name, sponsored_fn, sponsorship_model_applies

    name = "model"
    if model is None:
        model, name = sponsored_fn(options), model_name(options)
    markets = load_markets(options.rules_path)
    if options.market is not None and options.market not in markets:
        raise unknown_market(options.market, markets)
    signals, probability, market_cues = load_signals(), load_probability_model(), load_market_cues()
    logger.debug("sponsorship: markets %s, %d signal cues", ", ".join(sorted(markets)), len(signals.cues))

    def stage(ctx) -> None:
        folded = fast_fold(ctx.caption.text)
        words = set(WORD.findall(folded))
        choice = getattr(ctx, "market_choice", None) or resolve_market(
            options.market, ctx.post.market, ctx.caption.text, ctx.caption.language.code, market_cues, folded, words)
        code = choice.code
        if code not in markets:
            raise unknown_market(code, markets)
        verdict, evidence, features = assess(ctx.caption.text, ctx.post, markets[code], signals, folded, words)
        cue_logit = probability.logit(features)
        p_commercial = combine(cue_logit)
        if model is not None and sponsorship_model_applies(ctx.caption.text, verdict, evidence):
            model_p = model(ctx.caption.text, ctx.caption.language.code)
            p_cues, p_commercial = p_commercial, combine(cue_logit, model_p, probability.model_weight)
            evidence = evidence + [caption_model_evidence("sponsored", model_p, p_cues, p_commercial, name)]
        ctx.record["sponsorship"] = {
            "verdict": verdict,
            "probability": round(p_commercial, 4),
            "market": code,
            "market_source": choice.source,
            "market_evidence": choice.evidence_dicts(),
            "evidence": evidence_list(evidence, with_rule=True),
        }

    return stage


def assess(text: str, post: Any, market: Market, signals, folded: str | None = None,
           words: set[str] | None = None) -> tuple[str, list[Evidence], dict[str, float]]:
    """The verdict, its evidence and the probability features for one normalized caption
    (`folded`, `words`: `fast_fold(text)` and its word set, when the caller has them)."""
    folded = fast_fold(text) if folded is None else folded
    words = set(WORD.findall(folded)) if words is None else words
    layout = CaptionLayout(text, market.placement)
    mentions = find_mentions(text, post.creator)
    negations = find_negations(text, folded, words, signals.negations)
    brands = [m for m in mentions if not inside_span(m.start, negations)]  # "collab with @producer is out": no brand
    hits, negated = drop_negated(find_signals(text, folded, words, signals, brands), text, negations)
    labels, negated_labels = drop_negated(find_labels(text, folded, words, market, layout, brands,
                                                      signals.topic_hashtags), text, negations)
    flag = post.platform_paid_partnership is True

    self_promo = [h for h in hits if h.kind == "self_promotion"]
    third_party = flag or any(h.kind in THIRD_PARTY_KINDS for h in hits) or \
        any(lab.brand and lab.cls == "accepted" for lab in labels)
    self_promotion_only = bool(self_promo) and not third_party
    relationship_hits = [h for h in hits if h.establishes]
    relationship = bool(relationship_hits) or flag or any(lab.relationship for lab in labels)
    _apply_scopes(labels, {h.kind for h in relationship_hits})
    features = features_from(labels, hits, mentions, flag, self_promotion_only)
    # A bare @tag or "thanks @x" is a label only where a relationship exists and nothing better discloses it.
    if not relationship or any(lab.cls == "accepted" for lab in labels):
        labels = [lab for lab in labels if lab.relationship]

    evidence = _label_evidence(labels, market) + _signal_evidence(hits, labels, mentions, signals) + negated + negated_labels
    if flag:
        rule = market.platform_flag
        evidence.append(Evidence("signal", "platform_paid_partnership", None, None, rule.id,
                                 note=f"platform_flag: counts as {rule.counts_as} disclosure in {market.code}"))
        if rule.note:
            evidence.append(Evidence("market_note", "platform_paid_partnership", None, None, rule.id, note=rule.note))

    if self_promotion_only:
        verdict, decisive, why = "organic", self_promo[0], "self-promotion: the creator's own shop, brand or product"
    elif not relationship:
        verdict, decisive, why = "organic", None, "no commercial relationship can be seen"
    else:
        verdict, decisive, why = _decide(labels, relationship_hits, flag, market)
    if decisive is not None:
        evidence.append(_verdict_item(decisive, why))
    return verdict, evidence, features


def _apply_scopes(labels: list[LabelHit], kinds: set[str]) -> None:
    for lab in labels:
        if lab.cls == "accepted" and lab.scope and kinds - SCOPE_KINDS[lab.scope]:
            lab.cls, lab.notes = "ambiguous", (*lab.notes, SCOPE_NOTES[lab.scope])


def _decide(labels: list[LabelHit], relationship_hits: list[SignalHit], flag: bool, market: Market):
    accepted = [lab for lab in labels if lab.cls == "accepted"]
    visible = [lab for lab in accepted if lab.visibility.visible]
    if visible:
        return "disclosed", visible[0], "accepted label, visible"
    if flag and market.platform_flag.counts_as == "accepted":
        return "disclosed", market.platform_flag, "the platform's paid-partnership label counts as disclosure here"
    if accepted:
        return "weak_disclosure", accepted[0], "accepted label, but not visible"
    ambiguous = sorted(labels, key=lambda lab: (not lab.relationship, lab.start))
    if ambiguous:
        return "weak_disclosure", ambiguous[0], "only an ambiguous label for this market"
    if flag:
        return "weak_disclosure", market.platform_flag, "only the platform's paid-partnership label, not enough on its own here"
    return "undisclosed", relationship_hits[0], "commercial relationship shown and no label at all"


def _verdict_item(decisive: Any, why: str) -> Evidence:
    if isinstance(decisive, (LabelHit, SignalHit)):
        return Evidence("verdict", decisive.text, decisive.start, decisive.end, decisive.rule, note=why)
    return Evidence("verdict", "platform_paid_partnership", None, None, decisive.id, note=why)


def _label_evidence(labels: list[LabelHit], market: Market) -> list[Evidence]:
    out: list[Evidence] = []
    place = market.placement
    rule_of = {"preview": place.preview.id, "visible": place.preview.id, "trailing_cluster": place.trailing_cluster.id,
               "hashtag_rank": place.hashtag_rank.id if place.hashtag_rank else place.preview.id}
    for lab in labels:
        kind = "label" if lab.cls == "accepted" else "ambiguous_label"
        out.append(Evidence(kind, lab.text, lab.start, lab.end, lab.rule, lab.weight, "; ".join(lab.notes) or None))
        for fact, note in lab.visibility.facts:
            out.append(Evidence("placement", lab.text, lab.start, lab.end, rule_of[fact], note=f"{fact}: {note}"))
        if lab.market_note:
            out.append(Evidence("market_note", lab.text, lab.start, lab.end, lab.rule, note=lab.market_note))
    return out


def _signal_evidence(hits: list[SignalHit], labels: list[LabelHit], mentions, signals) -> list[Evidence]:
    out = []
    for h in hits:
        kind = "self_promotion" if h.kind == "self_promotion" else "signal"
        note = h.kind if h.note is None else f"{h.kind}: {h.note}"
        out.append(Evidence(kind, h.text, h.start, h.end, h.rule, h.weight, note))
    covered = [(lab.start, lab.end) for lab in labels]
    for m in mentions:
        if not m.own and not any(s <= m.start < e for s, e in covered):
            out.append(Evidence("mention", "@" + m.handle, m.start, m.end, signals.mention_rule,
                                note="tags another account; not a relationship on its own"))
    return out
