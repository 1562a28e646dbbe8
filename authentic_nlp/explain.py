"""The readable view of one analysed text, for `authentic-nlp explain`."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .text.normalize import normalize

STYLES = {"sponsorship": "bold magenta", "sincerity": "bold green"}
# Sponsorship evidence by kind: accepted labels, ambiguous labels, signals, self-promotion.
SPONSORSHIP_STYLES = {"label": "bold black on green", "ambiguous_label": "bold black on yellow",
                      "signal": "bold magenta", "self_promotion": "bold cyan", "mention": "underline"}


def highlighted(text: str, evidence: list[dict[str, Any]], style: str) -> Text:
    out = Text(text)
    for item in evidence:
        start, end = item.get("start"), item.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            out.stylize(style, start, end)
    return out


def highlighted_by_kind(text: str, evidence: list[dict[str, Any]], styles: dict[str, str]) -> Text:
    """The text with each evidence span styled by its kind (kinds without a style are left plain)."""
    out = Text(text)
    for item in evidence:
        style = styles.get(item.get("kind", ""))
        start, end = item.get("start"), item.get("end")
        if style and isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            out.stylize(style, start, end)
    return out


def sponsorship_summary(data: dict[str, Any]) -> str:
    """One line: the verdict, the market, the rule cited and why (from the `verdict` evidence item)."""
    cited = next((e for e in data.get("evidence") or [] if e.get("kind") == "verdict"), None)
    line = f"verdict [bold]{data.get('verdict')}[/bold] under market {data.get('market')}"
    if data.get("market_source"):
        cues = [f'"{e["text"]}"' if e.get("start") is not None else str(e.get("note") or e.get("text"))
                for e in data.get("market_evidence") or [] if e.get("kind") != "market"]
        line += f" ({data['market_source']}" + (f": {', '.join(cues)}" if cues else "") + ")"
    if cited is not None:
        line += f", rule cited [bold]{cited.get('rule')}[/bold] ({cited.get('note')})"
        if cited.get("start") is not None:
            line += f' at "{cited.get("text")}" [{cited.get("start")}:{cited.get("end")}]'
    return line + f"; probability commercial {data.get('probability')}"


def render_explanation(text: str, record: dict[str, Any], console: Console | None = None) -> None:
    console = console or Console()
    text = normalize(text)  # evidence offsets point into the normalized text
    lang = record["language"]
    console.print(f"[bold]language[/bold] {lang['code']} (confidence {lang['confidence']}, mixed {lang['mixed']})")
    for section in ("sponsorship", "sincerity"):
        data = record[section]
        evidence = data.get("evidence") or []
        head = {k: v for k, v in data.items() if k not in ("evidence", "market_evidence")}
        console.print(f"\n[bold]{section}[/bold] " + ", ".join(f"{k}={v}" for k, v in head.items()))
        if section == "sponsorship" and data.get("verdict") is not None:
            console.print("  " + sponsorship_summary(data))
        if evidence:
            if section == "sponsorship":
                console.print(highlighted_by_kind(text, evidence, SPONSORSHIP_STYLES))
                console.print("  " + "  ".join(f"[{style}]{kind}[/{style}]" for kind, style in SPONSORSHIP_STYLES.items()))
            else:
                console.print(highlighted(text, evidence, STYLES[section]))
            columns = ("kind", "text", "start", "end", "rule", "weight", "note")
            table = Table(show_header=True, header_style="bold")
            for col in columns:
                table.add_column(col, overflow="fold", min_width=len(col))
            for item in evidence:
                table.add_row(*("" if item.get(col) is None else str(item.get(col)) for col in columns))
            console.print(table)
        else:
            console.print("  (no evidence)")
    console.print(f"\n[bold]interaction_quality[/bold] {record['interaction_quality']}")
