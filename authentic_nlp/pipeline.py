"""How one post flows through the analyzers.

    post ──> caption: normalize ─> language ─> spaCy Doc
         └─> each comment: the same, with the caption's language as context
         ──> sponsorship · sincerity · comment types · conversation · interaction quality

Each stage reads only the `PostContext` and the sections the stages before it wrote; a comment
is analysed once. `Analyzer` loads cue data, rules and models once and is then reused for every
post (one per worker process).
"""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from .record import empty_record, strip_evidence, strip_texts
from .schema import Post
from .text.langid import LanguageResult, identify
from .text.normalize import normalize

if TYPE_CHECKING:  # spaCy loads with the first Doc, not at import: usage errors come before it
    from spacy.tokens import Doc

PIPELINE_CODES = ("it", "en", "und")         # it, en and the multi-language pipeline (text/nlp.py)
ZONE_CHUNKS = 16                             # chunks of `analyze_posts` per spaCy memory zone


@dataclass(frozen=True)
class AnalysisOptions:
    """Everything that changes what the analyzers say. Picklable: it travels to worker processes."""

    market: str | None = None          # force one market's rules for every post
    evidence: bool = True              # False: leave evidence lists out of the output
    texts: bool = True                 # False: leave the caption and comment texts out (--no-text)
    rules_path: Path | None = None     # an analyst's own market rules file (--rules)
    model_path: Path | None = None     # a learned model folder (--model); None = shipped default,
                                       # learn.predictor.NO_MODEL = cues only (--no-model)

    def validate(self) -> None:
        """Fail early, in the calling process, on options that would fail in every worker:
        an invalid rules file or an unknown market (E201, E202, E204)."""
        if self.market is None and self.rules_path is None:
            return
        from .markets.rules import load_markets, unknown_market

        markets = load_markets(self.rules_path)
        if self.market is not None and self.market not in markets:
            raise unknown_market(self.market, markets)


@dataclass(slots=True)
class TextAnalysis:
    """One analysed text: the normalized text (evidence offsets point into it), its language, its Doc."""

    raw: str
    text: str
    language: LanguageResult
    doc: Doc
    # what stages computed from this text alone, by key, so a text repeated in a chunk (one shared
    # TextAnalysis) is worked out once: the comment type, whether it is a token reply
    memo: dict[Any, Any] = field(default_factory=dict)


@dataclass(slots=True)
class PostContext:
    """What the post-level stages read: the post, its analysed texts, and the sections written so far."""

    post: Post
    caption: TextAnalysis
    comments: list[TextAnalysis]
    record: dict[str, Any] = field(default_factory=dict)


Stage = Callable[[PostContext], None]


class Analyzer:
    """Scores posts. Build it once; call `analyze_posts` for a chunk of posts (or `analyze_post`)."""

    def __init__(self, options: AnalysisOptions | None = None) -> None:
        from .analyzers import build_stages
        from .learn.predictor import load_predictor
        from .text.nlp import get_nlp

        self.options = options or AnalysisOptions()
        self.stages: list[tuple[str, Stage]] = build_stages(self.options)
        self.predictor = load_predictor(self.options)
        # every pipeline a text can get, built before any memory zone opens (see `analyze_posts`)
        self.pipelines = [get_nlp(code) for code in PIPELINE_CODES]
        self._zone: ExitStack | None = None
        self._zone_chunks = 0

    def analyze_text(self, text: str, context: LanguageResult | None = None,
                     language: str | None = None) -> TextAnalysis:
        """`language` forces the code (confidence 1) instead of identifying it."""
        from .text.nlp import get_nlp  # spaCy: imported at the first text, not with this module

        clean = normalize(text)
        language = LanguageResult(language, 1.0) if language else identify(clean, context=context)
        doc = get_nlp(language.code)(clean)
        return TextAnalysis(raw=text, text=clean, language=language, doc=doc)

    def analyze_post(self, post: Post, language: str | None = None) -> dict[str, Any]:
        """`language` forces the caption's language (its comments still get their own, in its context)."""
        caption = self.analyze_text(post.text, language=language)
        context = caption.language if caption.language.code != "und" else None
        comments = [self.analyze_text(c.text, context=context) for c in post.comments]
        return self._run_stages(post, caption, comments)

    def analyze_posts(self, posts: list[Post]) -> list[dict[str, Any]]:
        """The records `analyze_post` gives for each post, in order, computed a chunk at a time.

        Within the chunk each distinct text (in the same language context) is analysed once:
        comment sections repeat "🔥🔥", "bellissima", "first". The learned model scores every
        distinct caption and comment of the chunk in one forward pass. spaCy's strings and lexemes
        are freed every ZONE_CHUNKS chunks (`Language.memory_zone`), so a long run's memory stays
        flat; nothing the records hold points into a Doc. (A Doc that `analyze_text` returns
        after a first `analyze_posts` call is valid until the zone closes, ZONE_CHUNKS chunks on.)
        """
        self._next_zone()
        seen: dict[tuple[str, LanguageResult | None], TextAnalysis] = {}

        def analysed(text: str, context: LanguageResult | None) -> TextAnalysis:
            key = (text, context)
            hit = seen.get(key)
            if hit is None:
                hit = seen[key] = self.analyze_text(text, context=context)
            return hit

        texts = []
        for post in posts:
            caption = analysed(post.text, None)
            context = caption.language if caption.language.code != "und" else None
            texts.append((post, caption, [analysed(c.text, context) for c in post.comments]))
        if self.predictor is not None:
            self.predictor.prefetch([caption.text for _, caption, _ in texts],
                                    [c.text for _, _, comments in texts for c in comments])
        try:
            return [self._run_stages(post, caption, comments) for post, caption, comments in texts]
        finally:
            if self.predictor is not None:
                self.predictor.prefetch([], [])

    def _next_zone(self) -> None:
        """Open a fresh spaCy memory zone every ZONE_CHUNKS chunks (closing the last one frees the
        strings, lexemes and tokenizer cache entries its chunks added). Fewer, longer zones keep
        the tokenizer's cache warm across chunks; the bound on memory stays."""
        if self._zone is not None and self._zone_chunks < ZONE_CHUNKS:
            self._zone_chunks += 1
            return
        if self._zone is not None:
            self._zone.close()
        self._zone = ExitStack()
        for nlp in self.pipelines:
            self._zone.enter_context(nlp.memory_zone())
        self._zone_chunks = 1

    def _run_stages(self, post: Post, caption: TextAnalysis, comments: list[TextAnalysis]) -> dict[str, Any]:
        record = empty_record(post, caption.text, [a.text for a in comments])
        ctx = PostContext(post=post, caption=caption, comments=comments, record=record)
        ctx.record["language"] = caption.language.as_dict()
        for comment_out, analysed in zip(ctx.record["comments"], comments):
            comment_out["language"] = analysed.language.as_dict()
        for _name, stage in self.stages:
            stage(ctx)
        return self.finish(ctx.record)

    def finish(self, record: dict[str, Any]) -> dict[str, Any]:
        """What the options leave out of a scored record (--no-evidence, --no-text)."""
        if not self.options.evidence:
            strip_evidence(record)
        if not self.options.texts:
            strip_texts(record)
        return record
