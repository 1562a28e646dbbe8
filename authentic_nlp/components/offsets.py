"""Character offsets from the normalized text back into the raw text a Doc was built from.

Only needed when a pipeline keeps its own tokenizer (so `doc.text` is the raw input and the
analyzers read `normalize(doc.text)`). With `authentic_nlp.social_tokenizer`, `doc.text` already
is the normalized text and offsets are used as they are.

The map aligns the two strings (difflib, no junk heuristic): characters the normalization kept
map one to one; a stretch it changed (a repaired "Ã¨", an NFD accent composed, a zero-width
character dropped) maps to the whole raw stretch it came from, so a span over it grows to cover
the raw characters rather than shifting or vanishing.
"""

from __future__ import annotations

from difflib import SequenceMatcher

__all__ = ["OffsetMap"]


class OffsetMap:
    """`start(i)` and `end(j)`: raw offsets for a span [i, j) of the normalized text."""

    def __init__(self, raw: str, clean: str) -> None:
        self.identity = raw == clean
        if self.identity:
            return
        starts = [0] * (len(clean) + 1)
        ends = [0] * (len(clean) + 1)
        matcher = SequenceMatcher(None, clean, raw, autojunk=False)
        for tag, c0, c1, r0, r1 in matcher.get_opcodes():
            if tag == "equal":
                for k in range(c1 - c0):
                    starts[c0 + k] = r0 + k
                    ends[c0 + k + 1] = r0 + k + 1
            else:  # changed by the normalization: the whole raw stretch (a dropped one maps nowhere)
                for k in range(c0, c1):
                    starts[k] = r0
                    ends[k + 1] = r1
        starts[len(clean)] = len(raw)
        ends[0] = 0
        self._starts, self._ends = starts, ends

    def start(self, i: int) -> int:
        return i if self.identity else self._starts[i]

    def end(self, j: int) -> int:
        return j if self.identity else self._ends[j]
