"""Cue entries for the sponsorship stage, built on the shared cue loader (`authentic_nlp.cues`).

Market label files and commercial-signal files are ordinary cue files with a few extra keys,
validated here on load (errors name the file, the entry and its line, code E201):

    variants: ["promossa da", ...]   other spellings of the same cue, matched under the same id
    hashtag: true                    the phrase also matches as one hashtag ("#partnershipapagamento")
    brand: after | prefix | present  (labels) the label names the brand; checked against the post
    scope: gift | affiliate          (labels) accepted only for a relationship of that kind alone
    relationship: true | false       (labels) whether the label alone shows a relationship (default true)
    market_note: "..."               (labels) where the markets disagree about this label
    negates: next | span             (signals, kind negation) `next`: a negator ("nessun", "not") that
                                     cancels the label or signal right after it; `span`: a phrase that is
                                     itself not commercial ("#gifted by my mom"), cancelling what it covers

Phrases, variants and hashtag forms are all matched over folded text (any case, with or without
accents) and whole-word, exactly as `cues.phrase_regex` does.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any, Iterable

from ..cues import (WORD_AFTER, WORD_BEFORE, Cue, CueMatch, CueSet, build_cue, entry_error, fold, load_package_yaml,
                    package_label, phrase_regex)
from ..errors import DataFileError

LABEL_KINDS = ("accepted", "ambiguous")
SIGNAL_KINDS = ("discount_code", "affiliate_link", "gift", "invitation", "collaboration", "brand_cta", "promo",
                "self_promotion", "negation", "attribution", "launch")
NEGATION_MODES = ("next", "span")
BRAND_MODES = ("after", "prefix", "present")
SCOPES = ("gift", "affiliate")


def hashtag_form(phrase: str) -> str:
    """`partnership a pagamento` -> a regex for `#partnershipapagamento` over folded text."""
    joined = "".join(fold(phrase).lstrip("#").split())
    return WORD_BEFORE + "#" + re.escape(joined) + WORD_AFTER


def _check_extras(entry: dict[str, Any], path: str, kinds: tuple[str, ...]) -> None:
    if entry["kind"] not in kinds:
        raise entry_error(path, entry, f"kind must be one of {', '.join(kinds)}, got {entry['kind']!r}")
    variants = entry.get("variants", [])
    if not isinstance(variants, list) or not all(isinstance(v, str) and v.strip() for v in variants):
        raise entry_error(path, entry, "variants must be a list of non-empty strings")
    if variants and not entry.get("pattern"):
        raise entry_error(path, entry, "variants go with 'pattern' (a phrase), not with 'regex'")
    for key in ("hashtag", "relationship"):
        if key in entry and not isinstance(entry[key], bool):
            raise entry_error(path, entry, f"{key} must be true or false, got {entry[key]!r}")
    any_of = entry.get("any_of", [])
    if not isinstance(any_of, list) or not all(isinstance(v, str) and v for v in any_of):
        raise entry_error(path, entry, "any_of must be a list of non-empty strings (literals the regex needs)")
    if entry.get("hashtag") and not entry.get("pattern"):
        raise entry_error(path, entry, "hashtag: true goes with 'pattern' (a phrase)")
    brand = entry.get("brand")
    if brand is not None and brand not in BRAND_MODES:
        raise entry_error(path, entry, f"brand must be one of {', '.join(BRAND_MODES)}, got {brand!r}")
    if brand == "prefix" and "(?P<brand>" not in str(entry.get("regex", "")):
        raise entry_error(path, entry, "brand: prefix needs a regex with a (?P<brand>...) group")
    scope = entry.get("scope")
    if scope is not None and scope not in SCOPES:
        raise entry_error(path, entry, f"scope must be one of {', '.join(SCOPES)}, got {scope!r}")
    negates = entry.get("negates")
    if (entry["kind"] == "negation") != (negates is not None) or (negates is not None and negates not in NEGATION_MODES):
        raise entry_error(path, entry, f"kind negation needs negates: {' | '.join(NEGATION_MODES)} (and only it), got {negates!r}")
    if "market_note" in entry and not (isinstance(entry["market_note"], str) and entry["market_note"].strip()):
        raise entry_error(path, entry, "market_note must be a non-empty string")


WORD = re.compile(r"\w+")
fast_fold = fold   # `cues.fold` itself now folds each non-ASCII character once (str.translate)


class PrefilteredCues(CueSet):
    """A CueSet matched like `CueSet.find` (the same cues, the same offsets), fast on social captions.
    Each form of a cue is searched on its own, so where two forms of one cue overlap ("in
    collaborazione" / "collaborazione con") both spans are returned; callers resolve overlaps.

    A phrase cue is split into its forms (the phrase, each variant, each hashtag form). A form can
    only match where every word run of its longest word is a word of the folded text, so the
    caption's words (one set) select the few forms worth running (an index lookup); each runs as a
    regex that starts with a literal (which `re` searches fast), the whole-word test before it
    applied to each match. A regex cue with `any_of: [...]` runs only when one of those folded
    literals occurs in the text; other regex cues always run.
    """

    def __init__(self, cues: list[Cue], path: str) -> None:
        super().__init__(cues, path)
        self.plans = [_plan(c) for c in cues]
        self.order = {c.id: i for i, c in enumerate(cues)}
        self.index: dict[str, list[tuple[int, int]]] = {}
        for ci, (forms, _any) in enumerate(self.plans):
            for fi, (pieces, _regex, _boundary) in enumerate(forms or ()):
                self.index.setdefault(pieces[0], []).append((ci, fi))
        self.regex_cues = [ci for ci, (forms, _any) in enumerate(self.plans) if forms is None]

    def by_kind(self, *kinds: str) -> "PrefilteredCues":
        return PrefilteredCues([c for c in self.cues if c.kind in kinds], self.path)

    def find(self, text: str, folded: str | None = None, words: set[str] | None = None) -> list[CueMatch]:
        """Every match, ordered by position; `words` (the folded text's `\\w+` runs) may be passed in."""
        folded = fold(text) if folded is None else folded
        words = set(WORD.findall(folded)) if words is None else words
        found: dict[int, set[tuple[int, int]]] = {}
        for ci in self.regex_cues:
            cue, any_of = self.cues[ci], self.plans[ci][1]
            if any_of:
                for lit in any_of:
                    if lit in folded:
                        break
                else:
                    continue
            spans = {(m.start(), m.end()) for m in cue.regex.finditer(folded if cue.folded else text)}
            if spans:
                found[ci] = spans
        for word in words.intersection(self.index):
            for ci, fi in self.index[word]:
                pieces, regex, boundary = self.plans[ci][0][fi]
                if len(pieces) > 1 and not words.issuperset(pieces):
                    continue
                for m in regex.finditer(folded):
                    if boundary and m.start() > 0 and _inside_word(folded[m.start() - 1]):
                        continue
                    found.setdefault(ci, set()).add((m.start(), m.end()))
        matches = [CueMatch(self.cues[ci], s, e, text[s:e]) for ci, spans in found.items() for s, e in spans if e > s]
        matches.sort(key=lambda m: (m.start, -m.end, m.cue.id))
        return matches


def _inside_word(ch: str) -> bool:
    return ch.isalnum() or ch in "_#@"


def _plan(cue: Cue):
    """How to search a cue: (forms, any_of). A form is (word runs of its longest word, regex, needs a
    word boundary before); a regex cue has no forms."""
    any_of = tuple(fold(x) for x in cue.extra.get("any_of", ()))
    if not cue.folded:
        return None, any_of
    phrases = [cue.pattern, *cue.extra.get("variants", [])]
    pairs = [(max(fold(p).split(), key=len), phrase_regex(p)) for p in phrases]
    if cue.extra.get("hashtag"):
        pairs += [("".join(fold(p).split()), hashtag_form(p)) for p in phrases if not p.startswith("#")]
    forms = []
    for literal, body in dict.fromkeys(pairs):
        pieces = tuple(sorted(WORD.findall(literal), key=len, reverse=True)) or ("",)
        boundary = body.startswith(WORD_BEFORE)
        forms.append((pieces, re.compile(body[len(WORD_BEFORE):] if boundary else body), boundary))
    return forms, any_of


def build_entry(entry: Any, path: str, index: int, kinds: tuple[str, ...]) -> Cue:
    """One validated cue; variants and the hashtag form are folded into its regex."""
    cue = build_cue(entry, path, index)  # id, kind, weight, source, pattern/regex: validated there
    _check_extras(entry, path, kinds)
    phrases = [cue.pattern, *entry.get("variants", [])] if cue.folded else []
    if len(phrases) > 1 or entry.get("hashtag"):
        forms = [phrase_regex(p) for p in phrases]
        if entry.get("hashtag"):
            forms += [hashtag_form(p) for p in phrases if not p.startswith("#")]
        cue = dataclasses.replace(cue, regex=re.compile("|".join(f"(?:{f})" for f in dict.fromkeys(forms))))
    return cue


def build_entries(data: Any, path: str, kinds: tuple[str, ...], base: Iterable[Cue] = ()) -> "PrefilteredCues":
    """A file's `cues` list as a CueSet; entries whose id is already in `base` replace that cue."""
    if not isinstance(data, dict) or not isinstance(data.get("cues"), list):
        raise DataFileError("E202", path=path, detail="expected a mapping with a 'cues' list")
    cues = {c.id: c for c in base}
    seen: set[str] = set()
    for index, entry in enumerate(data["cues"]):
        cue = build_entry(entry, path, index, kinds)
        if cue.id in seen:
            raise entry_error(path, entry, f"duplicate id {cue.id!r}")
        seen.add(cue.id)
        cues[cue.id] = cue
    return PrefilteredCues(list(cues.values()), path)


SIGNAL_FILES = (("authentic_nlp.markets", "signals.yaml"), ("authentic_nlp.lang.it", "commercial.yaml"),
                ("authentic_nlp.lang.en", "commercial.yaml"))


@dataclass(frozen=True)
class Signals:
    cues: "PrefilteredCues"
    own_handle_rule: str        # rule id cited when an @handle is the creator's own account
    own_handle_source: str
    mention_rule: str           # rule id cited for an @tag of another account
    cta_window: int             # a call to action counts within this many characters of a brand mention
    negations: "PrefilteredCues | None" = None  # kind negation: cues that cancel a label or signal
    topic_hashtags: frozenset[str] = frozenset()  # meta.brand_hashtag: last words that make a hashtag a topic
    echo: "BrandEcho | None" = None  # meta.campaign_hashtag / meta.tracking_link: hashtags and links on a tagged brand's name


@dataclass(frozen=True)
class BrandEcho:
    """Rules for hashtags and short links that start with the name of a brand the caption tags (issue 15)."""

    hashtag_rule: str
    hashtag_min: int
    link_rule: str
    link_min: int
    link_hosts: tuple[str, ...]


def _brand_echo(meta: dict, path: str) -> BrandEcho:
    tag, link = meta.get("campaign_hashtag"), meta.get("tracking_link")
    for name, rule in (("campaign_hashtag", tag), ("tracking_link", link)):
        ok = isinstance(rule, dict) and rule.get("id") and rule.get("source") and isinstance(rule.get("min_chars"), int) \
            and not isinstance(rule.get("min_chars"), bool) and rule["min_chars"] >= 3
        if not ok:
            raise DataFileError("E202", path=path, detail=f"meta.{name} needs an id, a source and min_chars (an integer >= 3)")
    hosts = link.get("hosts")
    if not isinstance(hosts, list) or not hosts or not all(isinstance(h, str) and "." in h for h in hosts):
        raise DataFileError("E202", path=path, detail="meta.tracking_link.hosts must be a list of host names")
    return BrandEcho(str(tag["id"]), tag["min_chars"], str(link["id"]), link["min_chars"], tuple(h.lower() for h in hosts))


def _read(package: str, name: str) -> tuple[Any, str]:
    return load_package_yaml(package, name), package_label(package, name)


def load_signals() -> Signals:
    """Every commercial-signal cue: language-independent patterns, then Italian and English cues.

    Both languages run on every caption: captions mix Italian and English freely, and a code or a
    `link in bio` means the same whatever language the rest of the caption is in.
    """
    sets, meta, first = [], {}, None
    for package, name in SIGNAL_FILES:
        data, label = _read(package, name)
        if first is None:
            first, meta = label, (data.get("meta") or {}) if isinstance(data, dict) else {}
        sets.append(build_entries(data, label, SIGNAL_KINDS))
    own, mention, window = meta.get("own_handle"), meta.get("mention"), meta.get("brand_cta_window")
    for name, rule in (("own_handle", own), ("mention", mention)):
        if not isinstance(rule, dict) or not rule.get("id") or not rule.get("source"):
            raise DataFileError("E202", path=first, detail=f"meta.{name} needs an id and a source")
    chars = window.get("chars") if isinstance(window, dict) else None
    if isinstance(chars, bool) or not isinstance(chars, int) or chars < 1:
        raise DataFileError("E202", path=first, detail=f"meta.brand_cta_window.chars must be a positive integer, got {chars!r}")
    every = [c for s in sets for c in s.cues]
    path = "+".join(s.path for s in sets)
    brand_tag = meta.get("brand_hashtag")
    topics = brand_tag.get("topic_words") if isinstance(brand_tag, dict) else None
    if not isinstance(topics, list) or not all(isinstance(t, str) and t.isalpha() for t in topics) or not brand_tag.get("source"):
        raise DataFileError("E202", path=first, detail="meta.brand_hashtag needs topic_words (a list of words) and a source")
    return Signals(PrefilteredCues([c for c in every if c.kind != "negation"], path), str(own["id"]), str(own["source"]),
                   str(mention["id"]), chars, PrefilteredCues([c for c in every if c.kind == "negation"], path),
                   frozenset(fold(t) for t in topics), _brand_echo(meta, first))
