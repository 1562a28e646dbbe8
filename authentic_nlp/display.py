"""The records of the Python API, viewable in Jupyter: `AnalysisResult`.

`analyze_text` and `analyze_posts` return `AnalysisResult`s: plain dicts in every way that
matters (equal to the record dict, `json.dumps` writes the same), plus `_repr_html_`, which a
notebook shows as the caption with each section's evidence highlighted (the audit's own
highlighter, `audit/highlight.py`: every piece of text escaped, offsets checked against the
text), the verdict and the rule cited, the scores, and a table of the evidence with rule and
weight. Every value that reaches the markup is escaped, so hostile text ("<script>", quotes in a
handle or a rule id of an analyst's rules file) shows as text.

The highlighted text is the record's `text` (the normalized caption, seam 1 of the contract);
where a record has none, the normalized text of the post it was scored from.
"""

from __future__ import annotations

from typing import Any, Mapping

from markupsafe import Markup, escape

__all__ = ["AnalysisResult"]

SECTIONS = ("sponsorship", "sincerity")
COLUMNS = ("kind", "text", "start", "end", "rule", "weight", "note")
STYLE = ("font-family:sans-serif;font-size:13px;line-height:1.5;max-width:60em;"
         "border:1px solid #ddd;border-radius:4px;padding:8px")


class AnalysisResult(dict):
    """One scored post (a dict), with an HTML view for notebooks."""

    __slots__ = ("source_text",)

    def __init__(self, record: Mapping[str, Any], source_text: str | None = None) -> None:
        super().__init__(record)
        self.source_text = source_text

    def __reduce__(self):  # pickles (and copies) as the plain record it is
        return (dict, (dict(self),))

    def text(self) -> str:
        """The normalized caption the evidence offsets point into."""
        from .text.normalize import normalize

        given = self.get("text")
        return given if isinstance(given, str) else normalize(self.source_text or "")

    def _repr_html_(self) -> str:
        return str(render_record(self, self.text()))


def _fmt(value: Any) -> str:
    return "–" if value is None else str(value)


def _cited(sponsorship: Mapping[str, Any]) -> Markup:
    item = next((e for e in sponsorship.get("evidence") or [] if e.get("kind") == "verdict"), None)
    if item is None:
        return Markup("")
    return Markup("; rule cited <code>{}</code> ({})").format(_fmt(item.get("rule")), _fmt(item.get("note")))


def _summary(record: Mapping[str, Any]) -> Markup:
    lang = record.get("language") or {}
    spons = record.get("sponsorship") or {}
    sinc = record.get("sincerity") or {}
    conv = record.get("conversation") or {}
    lines = [
        Markup("<b>{}</b> language {} (confidence {})").format(_fmt(record.get("id")), _fmt(lang.get("code")),
                                                              _fmt(lang.get("confidence"))),
        Markup("<b>sponsorship</b> verdict <b>{}</b> under market {}, probability commercial {}{}").format(
            _fmt(spons.get("verdict")), _fmt(spons.get("market")), _fmt(spons.get("probability")), _cited(spons)),
        Markup("<b>sincerity</b> {} (confidence {})").format(_fmt(sinc.get("score")), _fmt(sinc.get("confidence"))),
        Markup("<b>conversation</b> {} · <b>interaction_quality</b> {}").format(
            _fmt(conv.get("score")), _fmt(record.get("interaction_quality"))),
    ]
    return Markup("<br>").join(lines)


def _evidence_table(section: str, evidence: list[Mapping[str, Any]]) -> Markup:
    head = Markup("").join(Markup("<th>{}</th>").format(c) for c in COLUMNS)
    rows = Markup("").join(
        Markup("<tr>{}</tr>").format(Markup("").join(Markup("<td>{}</td>").format(_fmt(item.get(c))) for c in COLUMNS))
        for item in evidence)
    return Markup('<table style="border-collapse:collapse;font-size:12px"><caption style="text-align:left">{} '
                  "evidence</caption><tr>{}</tr>{}</table>").format(section, head, rows)


def _comments(record: Mapping[str, Any]) -> Markup:
    comments = record.get("comments") or []
    if not comments:
        return Markup("")
    items = Markup("").join(Markup("<li><code>{}</code> {}{}</li>").format(
        _fmt(c.get("id")), _fmt(c.get("type")), " (creator)" if c.get("by_creator") else "") for c in comments)
    return Markup("<details><summary>{} comments</summary><ul>{}</ul></details>").format(len(comments), items)


def render_record(record: Mapping[str, Any], text: str) -> Markup:
    """The HTML view of one record: summary, highlighted caption and evidence per section, comments."""
    from .audit.highlight import highlight

    parts = [_summary(record)]
    for section in SECTIONS:
        evidence = (record.get(section) or {}).get("evidence") or []
        if not evidence:
            continue
        quote = highlight(text, evidence, max_chars=max(len(text), 1))
        parts.append(Markup('<blockquote style="margin:6px 0;padding-left:8px;border-left:3px solid #999">'
                            "<b>{}</b>: {}</blockquote>").format(section, quote))
        parts.append(_evidence_table(section, evidence))
    parts.append(_comments(record))
    return Markup('<div class="authentic-result" style="{}">{}</div>').format(STYLE, Markup("").join(parts))
