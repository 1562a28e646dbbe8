"""authentic_nlp: sincerity, sponsorship disclosure and two-way conversation in influencer posts.

The public API:

    from authentic_nlp import analyze_posts, analyze_text, load_analyzer

Nothing heavy is imported here: spaCy loads on first use, torch only when a learned model is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .pipeline import AnalysisOptions, Analyzer

__all__ = ["__version__", "analyze_posts", "analyze_text", "load_analyzer"]


def load_analyzer(options: "AnalysisOptions | None" = None, **kwargs: Any) -> "Analyzer":
    """Build an `Analyzer` (cue data, rules and models loaded once). kwargs build `AnalysisOptions`."""
    from .pipeline import AnalysisOptions, Analyzer

    return Analyzer(options or AnalysisOptions(**kwargs))


def analyze_posts(records: Iterable[Mapping[str, Any]], *, creator_signals: bool = True,
                  **kwargs: Any) -> Iterator[dict[str, Any]]:
    """Score contract records (dicts) in order; raises `RecordError` on an invalid one.

    Each record is an `AnalysisResult`: a dict, shown in Jupyter with its evidence highlighted.

    Posts of the same `creator` given together are compared with each other: near-duplicate and
    templated captions lower `sincerity.score`, and the markets inferred with evidence decide the
    market of the creator's posts that have none (`sponsorship.market_source == "creator"`), within
    windows of 5,000 posts, so memory stays flat; `creator_signals=False` scores every post on its
    own, as `authentic-nlp score` does.
    """
    from .analyzers.market_creator import SponsorshipRescorer
    from .analyzers.sincerity_creator import with_creator_signals
    from .display import AnalysisResult
    from .schema import parse_post

    analyzer = load_analyzer(**kwargs)
    pairs = ((post, AnalysisResult(analyzer.analyze_post(post), post.text)) for post in map(parse_post, records))
    if creator_signals:
        rescore = SponsorshipRescorer(stage=dict(analyzer.stages)["sponsorship"])
        yield from with_creator_signals(pairs, market_rescore=rescore)
    else:
        yield from (record for _, record in pairs)


def analyze_text(text: str, **kwargs: Any) -> dict[str, Any]:
    """Score one caption as a post without comments."""
    return next(analyze_posts([{"id": "text", "text": text}], **kwargs))
