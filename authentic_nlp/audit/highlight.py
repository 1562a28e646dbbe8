"""Quoting untrusted text with evidence spans highlighted, safely.

The text is cut into plain pieces and span pieces at the evidence offsets, every piece is escaped on
its own, and only then are the `<mark>` tags put around the span pieces. Offsets are checked against
the text (in range, and the span's recorded text must be what sits there); a span that does not fit
is dropped rather than trusted. Overlapping spans are merged into one mark.
"""

from __future__ import annotations

from typing import Any, Sequence

from markupsafe import Markup, escape

MAX_QUOTE = 700      # characters of caption shown around the evidence
CONTEXT = 220        # characters kept before the first and after the last span when cutting


def valid_spans(text: str, spans: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for span in spans:
        start, end = span.get("start"), span.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool):
            continue
        if not 0 <= start < end <= len(text):
            continue
        if span.get("text") is not None and text[start:end] != span["text"]:
            continue
        out.append(span)
    return sorted(out, key=lambda s: (s["start"], s["end"]))


def _merge(spans: list[dict[str, Any]]) -> list[tuple[int, int, list[str]]]:
    merged: list[tuple[int, int, list[str]]] = []
    for span in spans:
        label = " · ".join(str(x) for x in (span.get("kind"), span.get("rule")) if x)
        if merged and span["start"] < merged[-1][1]:
            start, end, labels = merged[-1]
            merged[-1] = (start, max(end, span["end"]), labels + ([label] if label not in labels else []))
        else:
            merged.append((span["start"], span["end"], [label]))
    return merged


def highlight(text: str | None, spans: Sequence[dict[str, Any]], max_chars: int = MAX_QUOTE) -> Markup:
    """`text` escaped, with each valid span wrapped in `<mark title="kind · rule">`; long texts are cut
    to the part around the spans (with an ellipsis where cut)."""
    if not text:
        return Markup("")
    merged = _merge(valid_spans(text, spans))
    lo, hi = 0, len(text)
    if hi > max_chars:
        if merged:
            lo = max(0, merged[0][0] - CONTEXT)
            hi = min(len(text), max(merged[-1][1] + CONTEXT, lo + max_chars))
        else:
            hi = max_chars
    parts: list[str] = ["… " if lo > 0 else ""]
    pos = lo
    for start, end, labels in merged:
        if end <= lo or start >= hi:
            continue
        start, end = max(start, lo), min(end, hi)
        parts.append(str(escape(text[pos:start])))
        parts.append(f'<mark title="{escape("; ".join(labels))}">{escape(text[start:end])}</mark>')
        pos = end
    parts.append(str(escape(text[pos:hi])))
    if hi < len(text):
        parts.append(" …")
    return Markup("".join(parts))
