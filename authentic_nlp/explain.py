"""The readable view of one analysed text, for `authentic-nlp explain`."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .text.normalize import normalize

STYLES = {"sponsorship": "bold magenta", "sincerity": "bold green"}


def highlighted(text: str, evidence: list[dict[str, Any]], style: str) -> Text:
    out = Text(text)
    for item in evidence:
        start, end = item.get("start"), item.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            out.stylize(style, start, end)
    return out


def render_explanation(text: str, record: dict[str, Any], console: Console | None = None) -> None:
    console = console or Console()
    text = normalize(text)  # evidence offsets point into the normalized text
    lang = record["language"]
    console.print(f"[bold]language[/bold] {lang['code']} (confidence {lang['confidence']}, mixed {lang['mixed']})")
    for section in ("sponsorship", "sincerity"):
        data = record[section]
        evidence = data.get("evidence") or []
        head = {k: v for k, v in data.items() if k != "evidence"}
        console.print(f"\n[bold]{section}[/bold] " + ", ".join(f"{k}={v}" for k, v in head.items()))
        if evidence:
            console.print(highlighted(text, evidence, STYLES[section]))
            table = Table(show_header=True, header_style="bold")
            for col in ("kind", "text", "start", "end", "rule", "weight"):
                table.add_column(col)
            for item in evidence:
                table.add_row(*(str(item.get(col, "")) for col in ("kind", "text", "start", "end", "rule", "weight")))
            console.print(table)
        else:
            console.print("  (no evidence)")
    console.print(f"\n[bold]interaction_quality[/bold] {record['interaction_quality']}")
