"""authentic_nlp: sincerity, sponsorship disclosure and two-way conversation in influencer posts.

The public API:

    from authentic_nlp import analyze_posts, analyze_text, load_analyzer, shared_analyzer

`analyze_text` and `analyze_posts` score with a shared analyzer, built once per process and per
set of options (`shared_analyzer`), so a one-off call costs milliseconds, not a model load.
`Analyzer.pipe` scores many records in order; `score_frame` scores pandas or polars DataFrames and Arrow tables.

Nothing heavy is imported here: spaCy loads on first use, torch only when a learned model is used.
Nothing is configured at import either: the library logs under `authentic_nlp.*` and leaves
handlers and levels to the application.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .pipeline import AnalysisOptions, Analyzer

__all__ = ["__version__", "analyze_posts", "analyze_text", "load_analyzer", "score_frame", "shared_analyzer"]
SHARED_ANALYZERS = 8   # distinct option sets whose analyzers stay cached in one process


def load_analyzer(options: "AnalysisOptions | None" = None, **kwargs: Any) -> "Analyzer":
    """Build an `Analyzer` (cue data, rules and models loaded once). kwargs build `AnalysisOptions`."""
    from .pipeline import AnalysisOptions, Analyzer

    return Analyzer(options or AnalysisOptions(**kwargs))


def shared_analyzer(options: "AnalysisOptions | None" = None, **kwargs: Any) -> "Analyzer":
    """The process's analyzer for these options: built on the first call, then reused.

    Keyed on the (frozen, hashable) `AnalysisOptions`, so `shared_analyzer(market="it")` and
    `shared_analyzer(AnalysisOptions(market="it"))` are the same object. An `Analyzer` keeps no state
    between posts, so sharing one is safe; build your own with `load_analyzer` to hold it yourself.
    """
    from .pipeline import AnalysisOptions

    return _cached_analyzer(options or AnalysisOptions(**kwargs))


@lru_cache(maxsize=SHARED_ANALYZERS)
def _cached_analyzer(options: "AnalysisOptions") -> "Analyzer":
    return load_analyzer(options)


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

    analyzer = shared_analyzer(**kwargs)
    pairs = ((post, AnalysisResult(analyzer.analyze_post(post), post.text)) for post in map(parse_post, records))
    if creator_signals:
        rescore = SponsorshipRescorer(stage=dict(analyzer.stages)["sponsorship"])
        yield from with_creator_signals(pairs, market_rescore=rescore)
    else:
        yield from (record for _, record in pairs)


def analyze_text(text: str, **kwargs: Any) -> dict[str, Any]:
    """Score one caption as a post without comments."""
    return next(analyze_posts([{"id": "text", "text": text}], **kwargs))


def score_frame(frame: Any, text: str = "text", id: str | None = None, comments: str | None = None,
                **kwargs: Any) -> Any:
    """Score a pandas or polars DataFrame or an Arrow table; see `authentic_nlp.interop.frames`."""
    from .interop.frames import score_frame as score

    return score(frame, text=text, id=id, comments=comments, **kwargs)
