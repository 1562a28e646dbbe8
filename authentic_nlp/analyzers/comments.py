"""The comments stage: one type per comment (`substantive`, `question`, `generic`, `spam`) with evidence.

Cues (lang/it, lang/en and lang/xx `comments.yaml`, matched together because comments are short and
mix languages) give the evidence; the decision is a short, readable cascade:

1. empty text -> `generic`;
2. spam cues, combined as a noisy-or of their weights, reach 0.5 -> `spam`;
3. question cues reach 0.5 (a `?` counts unless the question is a ritual one or goes to a tagged
   friend) -> `question`;
4. words that no cue explains and that are not stop words ("specific words") -> `substantive`
   when there are two of them, or one beside other words, or an experience cue;
5. otherwise -> `generic` (praise, emoji, a bare tag, a lone word).

`classify_comment` is the seam for a learned model: any callable `(TextAnalysis) -> CommentTyping`
can replace it in `build(options, classifier=...)`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

from ..cues import CueMatch, CueSet, fold, language_cues, merged
from ..evidence import Evidence, evidence_list

if TYPE_CHECKING:
    from ..pipeline import AnalysisOptions, PostContext, TextAnalysis

COMMENT_TYPES = ("substantive", "question", "generic", "spam")
CUE_FILE = "comments.yaml"
CUE_LANGS = ("it", "en", "xx")
THRESHOLD = 0.5

SPAM_KINDS = ("spam_promo", "spam_follow", "spam_collab", "spam_scam", "spam_giveaway", "spam_link")
GENERIC_KINDS = ("generic_praise", "generic_filler", "tag_friend", "generic_question")
MENTION = re.compile(r"(?<![\w@])@([A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)")
APOSTROPHES = re.compile(r"['’`]")


@dataclass(slots=True)
class CommentTyping:
    """What the classifier says about one comment."""

    type: str
    evidence: list[Evidence] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)


@lru_cache(maxsize=1)
def comment_cues() -> CueSet:
    return merged(language_cues(lang, CUE_FILE) for lang in CUE_LANGS)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.it.stop_words import STOP_WORDS as IT

    return frozenset(fold(w) for w in IT | EN)


def mentions(text: str) -> list[tuple[str, int, int]]:
    """Every `@handle` in the text: (handle in lower case, start, end)."""
    return [(m.group(1).lower(), m.start(), m.end()) for m in MENTION.finditer(text)]


def noisy_or(weights: list[float]) -> float:
    """1 - prod(1 - w): two weak cues together say more than one, never more than 1."""
    remaining = 1.0
    for w in weights:
        remaining *= 1.0 - w
    return 1.0 - remaining


@dataclass(slots=True)
class WordFacts:
    words: int               # word tokens (not mentions or hashtags)
    specific: list[tuple[int, int]]  # spans of words no cue explains and that are not stop words
    emoji: int
    other: int               # links and numbers: content that is not a word (a price, a URL)
    mention_spans: list[tuple[int, int]]


def word_facts(analysis: "TextAnalysis", covered: list[tuple[int, int]]) -> WordFacts:
    text = analysis.text
    tags = mentions(text)
    tag_spans = [(s, e) for _h, s, e in tags]
    stops = stop_words()
    words, specific, emoji_count, other = 0, [], 0, 0
    previous = ""
    for token in analysis.doc:
        start, end = token.idx, token.idx + len(token.text)
        raw = token.text
        if any(s <= start < e for s, e in tag_spans) or raw[:1] in "@#" or previous in ("#", "@"):
            previous = raw
            continue
        previous = raw
        if token.like_url or not any(ch.isalpha() for ch in raw):
            emoji_count += sum(1 for ch in raw if _is_emoji(ch))
            other += int(token.like_url or any(ch.isdigit() for ch in raw))
            continue
        words += 1
        if any(s < end and start < e for s, e in covered):
            continue
        parts = [p for p in APOSTROPHES.split(fold(raw)) if p]
        if any(len(p) >= 2 and p.isalpha() and p not in stops for p in parts):
            specific.append((start, end))
    return WordFacts(words, specific, emoji_count, other, tag_spans)


def _is_emoji(ch: str) -> bool:
    import emoji

    return ch in emoji.EMOJI_DATA or "\U0001F300" <= ch <= "\U0001FAFF" or "\u2600" <= ch <= "\u27BF"


def _cue_evidence(matches: list[CueMatch]) -> list[Evidence]:
    return [Evidence(m.cue.kind, m.text, m.start, m.end, rule=m.cue.id, weight=m.cue.weight) for m in matches]


def _overlaps(match: CueMatch, spans: list[tuple[int, int]]) -> bool:
    return any(match.start < e and s < match.end for s, e in spans)


def classify_comment(analysis: "TextAnalysis", *, cues: CueSet | None = None) -> CommentTyping:
    """Type one analysed comment; evidence offsets point into `analysis.text`."""
    text = analysis.text
    if not text.strip():
        return CommentTyping("generic", [Evidence("empty", "", 0, 0, weight=1.0)], {"spam": 0.0, "question": 0.0})
    found = (cues or comment_cues()).find(text)
    by_kind: dict[str, list[CueMatch]] = {}
    for m in found:
        by_kind.setdefault(m.cue.kind, []).append(m)
    spam_matches = [m for k in SPAM_KINDS for m in by_kind.get(k, [])]
    spam = noisy_or([m.cue.weight for m in spam_matches])
    ritual = by_kind.get("generic_question", [])
    ritual_spans = [(m.start, m.end) for m in ritual]
    question_matches = [m for m in by_kind.get("question", []) if not _overlaps(m, ritual_spans)]
    covered = [(m.start, m.end) for m in found if m.cue.kind != "question_mark"]
    facts = word_facts(analysis, covered)
    marks = by_kind.get("question_mark", [])
    if marks and facts.words and not ritual and not by_kind.get("tag_friend"):
        question_matches.append(marks[-1])
    question = noisy_or([m.cue.weight for m in question_matches])
    generic = noisy_or([m.cue.weight for k in GENERIC_KINDS for m in by_kind.get(k, [])])
    scores = {"spam": round(spam, 4), "question": round(question, 4), "generic": round(generic, 4),
              "specific_words": float(len(facts.specific))}
    if spam >= THRESHOLD:
        return CommentTyping("spam", _cue_evidence(spam_matches), scores)
    if question >= THRESHOLD:
        return CommentTyping("question", _cue_evidence(question_matches), scores)
    experience = by_kind.get("experience", [])
    n_specific = len(facts.specific)
    if n_specific >= 2 or (n_specific == 1 and facts.words >= 2) or experience:
        evidence = [Evidence("specific", text[s:e], s, e, weight=None) for s, e in facts.specific]
        return CommentTyping("substantive", evidence + _cue_evidence(experience), scores)
    return CommentTyping("generic", _generic_evidence(text, found, facts), scores)


def _generic_evidence(text: str, found: list[CueMatch], facts: WordFacts) -> list[Evidence]:
    evidence = _cue_evidence([m for m in found if m.cue.kind in GENERIC_KINDS or m.cue.kind == "token_reply"])
    if facts.words == 0 and facts.mention_spans:
        evidence += [Evidence("bare_tag", text[s:e], s, e, weight=None) for s, e in facts.mention_spans]
    elif facts.words == 0:
        evidence.append(Evidence("no_words", text, 0, len(text), weight=None, note=f"{facts.emoji} emoji"))
    elif facts.specific:
        s, e = facts.specific[0]
        evidence.append(Evidence("too_short", text[s:e], s, e, weight=None))
    return evidence


def is_token_reply(analysis: "TextAnalysis", *, cues: CueSet | None = None) -> tuple[bool, list[Evidence]]:
    """A creator reply that answers nothing: only thanks, hearts, praise, tags and stop words
    (with the shipped cues, worked out once per analysed text: `TextAnalysis.memo`)."""
    memo = getattr(analysis, "memo", None) if cues is None else None
    if memo is not None:
        hit = memo.get("token_reply")
        if hit is None:
            hit = memo["token_reply"] = _token_reply(analysis, comment_cues())
        return hit
    return _token_reply(analysis, cues or comment_cues())


def _token_reply(analysis: "TextAnalysis", cues: CueSet) -> tuple[bool, list[Evidence]]:
    text = analysis.text
    found = [m for m in cues.find(text) if m.cue.kind in ("token_reply", "generic_praise", "generic_filler")]
    facts = word_facts(analysis, [(m.start, m.end) for m in found])
    if facts.specific or facts.other:
        return False, []
    tokens = [m for m in found if m.cue.kind == "token_reply"]
    if not tokens and facts.emoji == 0 and facts.words > 0:
        return False, []  # a bare "sì" or "no" can be a real answer
    return True, _cue_evidence(found) or [Evidence("no_words", text, 0, len(text), weight=None)]


def is_by_creator(author: str | None, creator: str | None) -> bool | None:
    if creator is None:
        return None
    return author is not None and author.lower() == creator.lower()


Classifier = Callable[["TextAnalysis"], CommentTyping]


def build(options: "AnalysisOptions", classifier: Classifier | None = None):
    """`classifier`: None = the learned model with these cues (learn/wiring.py; the cues alone when
    no model is loaded); any `(TextAnalysis) -> CommentTyping` replaces both. A classifier with a
    `classify_batch` method gets a post's comments in one call."""
    if classifier is None:
        from ..learn.wiring import comment_classifier

        classifier = comment_classifier(options)
    classify = classifier or classify_comment
    batch = getattr(classify, "classify_batch", None)
    comment_cues()  # load and validate the cue files once, when the analyzer is built

    def stage(ctx: "PostContext") -> None:
        creator = ctx.post.creator
        typings = batch(ctx.comments) if batch is not None else [classify(a) for a in ctx.comments]
        for comment, typing, out in zip(ctx.post.comments, typings, ctx.record["comments"]):
            out["type"] = typing.type
            out["by_creator"] = is_by_creator(comment.author, creator)
            out["evidence"] = evidence_list(typing.evidence, with_weight=True)

    return stage
