"""Where a label sits in a caption, and whether a reader sees it without tapping "more".

Three facts, per disclosure-rules.md ("Visible placement"):

- the preview window: the first `chars` characters (125), ending earlier at the end of the third
  line; a label is in the preview when it ends inside it;
- hashtag rank: the 1-based position of a hashtag among the post's hashtags (IAP: a hashtag
  label must be among the first three);
- the trailing hashtag cluster: the run of hashtags (with @tags, emoji and punctuation between
  them) that ends the caption, when it holds at least `min_hashtags` hashtags and some text
  comes before it. A label inside it is buried (FTC: "Don't mix your disclosure into a group of
  hashtags"), except where the market has a hashtag-rank rule and the label is within the rank
  (IAP accepts a label among the first three hashtags, wherever they are).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..markets.rules import Placement

HASHTAG_RUN = re.compile(r"(?<![\w#&@])(?:#\w+)+")  # "#fashion#style" is two hashtags, as the platforms read it
HASHTAG = re.compile(r"#\w+")
TOKEN = re.compile(r"\S+")
# A token that is only hashtags, @tags, emoji and punctuation (a cluster may hold them between its hashtags).
CLUSTER_TOKEN = re.compile(r"(?:[#@][\w.]+|[^\w\s])+")


@dataclass(frozen=True, slots=True)
class Visibility:
    visible: bool
    facts: tuple[tuple[str, str], ...]  # (placement kind, human note): why it is or is not visible


class CaptionLayout:
    """The preview window, the hashtags and the trailing cluster of one caption."""

    def __init__(self, text: str, placement: Placement) -> None:
        self.text = text
        self.placement = placement

    # Computed on first use: most captions carry no label, and then none of this is needed.
    @cached_property
    def preview_end(self) -> int:
        return preview_end(self.text, self.placement.preview.limit, self.placement.preview_lines)

    @cached_property
    def hashtags(self) -> list[tuple[int, int]]:
        return hashtag_spans(self.text)

    @cached_property
    def cluster_start(self) -> int | None:
        return trailing_cluster_start(self.text, self.placement.trailing_cluster.limit)

    def hashtag_rank(self, start: int) -> int | None:
        for rank, (s, _e) in enumerate(self.hashtags, 1):
            if s == start:
                return rank
        return None

    def first_hashtags(self, n: int) -> list[tuple[int, int]]:
        return self.hashtags[:n]

    def visibility(self, start: int, end: int) -> Visibility:
        facts: list[tuple[str, str]] = []
        visible = True
        if end > self.preview_end:
            visible = False
            facts.append(("preview", f"ends at character {end}, after the preview window "
                                     f"(first {self.preview_end} characters)"))
        rank = self.hashtag_rank(start) if self.text.startswith("#", start) else None
        rank_rule = self.placement.hashtag_rank
        within_rank = rank is not None and rank_rule is not None and rank <= rank_rule.limit
        if rank is not None and rank_rule is not None and not within_rank:
            visible = False
            facts.append(("hashtag_rank", f"hashtag number {rank} of the post; must be among the first "
                                          f"{rank_rule.limit}"))
        if self.cluster_start is not None and start >= self.cluster_start and not within_rank:
            visible = False
            count = sum(1 for s, _e in self.hashtags if s >= self.cluster_start)
            facts.append(("trailing_cluster", f"inside the trailing cluster of {count} hashtags "
                                              f"(from character {self.cluster_start})"))
        if visible:
            where = f"hashtag number {rank}, " if rank is not None else ""
            facts.append(("visible", f"{where}inside the preview window (first {self.preview_end} characters)"))
        return Visibility(visible, tuple(facts))


def hashtag_spans(text: str) -> list[tuple[int, int]]:
    return [(run.start() + m.start(), run.start() + m.end())
            for run in HASHTAG_RUN.finditer(text) for m in HASHTAG.finditer(run.group())]


def preview_end(text: str, chars: int, lines: int) -> int:
    """End of the preview: `chars` characters, or the end of line `lines` when that comes first."""
    end = min(len(text), chars)
    at = -1
    for _ in range(lines):
        at = text.find("\n", at + 1, end)
        if at < 0:
            return end
    return at


def trailing_cluster_start(text: str, min_hashtags: int) -> int | None:
    """Start of the trailing hashtag cluster, or None when the caption does not end in one."""
    if "#" not in text:
        return None
    start, hashtags, text_before = None, 0, False
    for token in reversed(list(TOKEN.finditer(text))):
        if not CLUSTER_TOKEN.fullmatch(token.group()):
            text_before = True
            break
        if "#" in token.group():
            start = token.start()
            hashtags += len(hashtag_spans(token.group()))
    # Nothing but tags: the cluster is the whole caption, not a trailing block.
    return start if start is not None and hashtags >= min_hashtags and text_before else None
