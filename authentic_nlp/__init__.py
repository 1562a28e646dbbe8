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


def analyze_posts(records: Iterable[Mapping[str, Any]], **kwargs: Any) -> Iterator[dict[str, Any]]:
    """Score contract records (dicts); raises `RecordError` on an invalid one."""
    from .schema import parse_post

    analyzer = load_analyzer(**kwargs)
    for raw in records:
        yield analyzer.analyze_post(parse_post(raw))


def analyze_text(text: str, **kwargs: Any) -> dict[str, Any]:
    """Score one caption as a post without comments."""
    return next(analyze_posts([{"id": "text", "text": text}], **kwargs))
