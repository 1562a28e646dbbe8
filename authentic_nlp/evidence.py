"""The evidence type: why a score or verdict is what it is.

Every analyzer explains itself with a list of `Evidence` items: which cue or rule fired, where
(character offsets into the analysed text), with what weight and under which rule. Batch output
can leave the lists out with `--no-evidence`; the scores never change because of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Evidence:
    kind: str
    text: str
    start: int | None = None
    end: int | None = None
    rule: str | None = None
    weight: float | None = None
    note: str | None = None
    comment: str | None = None   # the comment whose text the offsets index into (post-level items quoting one)

    def as_dict(self, *, with_rule: bool = False, with_weight: bool = False) -> dict[str, Any]:
        """The contract shape: sponsorship evidence carries `rule`, sincerity evidence `weight`."""
        out: dict[str, Any] = {"kind": self.kind, "text": self.text, "start": self.start, "end": self.end}
        if with_rule or self.rule is not None:
            out["rule"] = self.rule
        if with_weight or self.weight is not None:
            out["weight"] = None if self.weight is None else round(self.weight, 4)
        if self.note is not None:
            out["note"] = self.note
        if self.comment is not None:
            out["comment"] = self.comment
        return out


def evidence_list(items: list[Evidence], **kwargs: Any) -> list[dict[str, Any]]:
    """Evidence in a stable order (by position, then kind) as contract dictionaries."""
    ordered = sorted(items, key=lambda e: (e.start is None, e.start or 0, e.end or 0, e.kind, e.text))
    return [e.as_dict(**kwargs) for e in ordered]
