"""Inline SVG charts: no JavaScript, no libraries, no network; they print as vectors.

Every function returns `Markup` (safe to drop into an autoescaped template). Every piece of text that
goes into a chart (titles, labels, handles) passes through `escape` here, numbers through `_n`, so
no chart can carry markup from the data. Sizes are in viewBox units; CSS scales the SVG to its box.
"""

from __future__ import annotations

import math
from typing import Sequence

from markupsafe import Markup, escape

from .engagement import count_text

# fmt: off
VERDICT_COLORS = {"disclosed": "#2e7d32", "weak_disclosure": "#f9a825", "undisclosed": "#c62828", "organic": "#90a4ae"}
TYPE_COLORS = {"substantive": "#1565c0", "question": "#6a1b9a", "generic": "#b0bec5", "spam": "#c62828"}
INK, GRID, ACCENT = "#263238", "#cfd8dc", "#1565c0"
W, H = 560, 220
PAD_L, PAD_R, PAD_T, PAD_B = 44, 14, 26, 38
LABEL_POINTS_UP_TO = 25     # the index chart names its points when there are at most this many creators
MAX_DECADE_TICKS = 12      # at most this many decade ticks on the follower axis (counts may span hundreds of decades)
# fmt: on


def _n(value: float) -> str:
    """A number for an SVG attribute: fixed precision, so output is byte-stable."""
    return f"{value:.1f}"


def _svg(body: list[str], title: str, width: int = W, height: int = H, css: str = "chart") -> Markup:
    head = (f'<svg class="{escape(css)}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'role="img" aria-label="{escape(title)}" width="{width}" height="{height}">'
            f"<title>{escape(title)}</title>")
    return Markup(head + "".join(body) + "</svg>")


def _text(x: float, y: float, text: str, anchor: str = "middle", size: int = 11, weight: str = "normal",
          fill: str = INK) -> str:
    return (f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" font-size="{size}" '
            f'font-weight="{weight}" fill="{fill}">{escape(text)}</text>')


def _axes(y_ticks: Sequence[float], y_fmt, width: int = W, height: int = H, y_max: float = 1.0) -> list[str]:
    out = []
    plot_h = height - PAD_T - PAD_B
    for tick in y_ticks:
        y = PAD_T + plot_h * (1 - tick / y_max) if y_max else PAD_T + plot_h
        out.append(f'<line x1="{PAD_L}" x2="{width - PAD_R}" y1="{_n(y)}" y2="{_n(y)}" stroke="{GRID}" stroke-width="1"/>')
        out.append(_text(PAD_L - 6, y + 4, y_fmt(tick), anchor="end", size=10))
    return out


def empty_chart(title: str, message: str) -> Markup:
    return _svg([_text(W / 2, 18, title, size=13, weight="bold"), _text(W / 2, H / 2, message, size=12, fill="#607d8b")],
                title)


def histogram_chart(counts: Sequence[int], title: str, x_label: str, color: str = ACCENT) -> Markup:
    """Bars over [0, 1] in len(counts) equal bins."""
    if not counts or not sum(counts):
        return empty_chart(title, "no scored posts")
    top = max(counts)
    plot_w, plot_h = W - PAD_L - PAD_R, H - PAD_T - PAD_B
    step = plot_w / len(counts)
    ticks = sorted({0, top, math.ceil(top / 2)})
    body = [_text(W / 2, 16, title, size=13, weight="bold")] + _axes(ticks, lambda t: f"{t:.0f}", y_max=top)
    for i, c in enumerate(counts):
        h = plot_h * c / top
        body.append(f'<rect x="{_n(PAD_L + i * step + 2)}" y="{_n(PAD_T + plot_h - h)}" width="{_n(step - 4)}" '
                    f'height="{_n(h)}" fill="{color}"><title>{_bin_tip(i, len(counts), c)}</title></rect>')
    for i in range(0, len(counts) + 1, 2):
        body.append(_text(PAD_L + i * step, H - PAD_B + 14, f"{i / len(counts):.1f}", size=10))
    body.append(_text(PAD_L + plot_w / 2, H - 6, x_label, size=11))
    return _svg(body, title)


def _bin_tip(i: int, bins: int, count: int) -> Markup:
    return escape(f"{i / bins:.1f}-{(i + 1) / bins:.1f}: {count}")


def verdict_timeline_chart(timeline: Sequence[dict], title: str) -> Markup:
    """Stacked bars of verdict counts per month."""
    if not timeline:
        return empty_chart(title, "no dated posts")
    top = max(sum(m["verdicts"].values()) for m in timeline) or 1
    plot_w, plot_h = W - PAD_L - PAD_R, H - PAD_T - PAD_B - 16
    step = plot_w / len(timeline)
    body = [_text(W / 2, 16, title, size=13, weight="bold")]
    body += _axes(sorted({0, top}), lambda t: f"{t:.0f}", height=H - 16, y_max=top)
    for i, month in enumerate(timeline):
        y = PAD_T + plot_h
        for verdict, color in VERDICT_COLORS.items():
            c = month["verdicts"].get(verdict, 0)
            if not c:
                continue
            h = plot_h * c / top
            y -= h
            tip = escape(f"{month['month']} {verdict}: {c}")
            body.append(f'<rect x="{_n(PAD_L + i * step + 3)}" y="{_n(y)}" width="{_n(max(2.0, step - 6))}" '
                        f'height="{_n(h)}" fill="{color}"><title>{tip}</title></rect>')
        if len(timeline) <= 12 or i % math.ceil(len(timeline) / 12) == 0:
            body.append(_text(PAD_L + (i + 0.5) * step, H - PAD_B - 2, month["month"], size=9))
    body += _legend(VERDICT_COLORS, H - 12)
    return _svg(body, title)


def _legend(colors: dict[str, str], y: float) -> list[str]:
    out, x = [], PAD_L
    for name, color in colors.items():
        out.append(f'<rect x="{_n(x)}" y="{_n(y - 9)}" width="10" height="10" fill="{color}"/>')
        out.append(_text(x + 14, y, name.replace("_", " "), anchor="start", size=10))
        x += 24 + 7 * len(name)
    return out


def rate_timeline_chart(timeline: Sequence[dict], key: str, title: str) -> Markup:
    """A 0..1 rate per month as a line with points; months without a value break the line."""
    points = [(i, m[key]) for i, m in enumerate(timeline) if m.get(key) is not None]
    if not points:
        return empty_chart(title, "no audience comments with dates")
    plot_w, plot_h = W - PAD_L - PAD_R, H - PAD_T - PAD_B
    step = plot_w / max(1, len(timeline))
    body = [_text(W / 2, 16, title, size=13, weight="bold")] + _axes((0, 0.5, 1.0), lambda t: f"{t:.0%}")

    def xy(i: int, v: float) -> tuple[float, float]:
        return PAD_L + (i + 0.5) * step, PAD_T + plot_h * (1 - v)

    run: list[str] = []
    for (i, v), nxt in zip(points, points[1:] + [None]):
        x, y = xy(i, v)
        run.append(f"{_n(x)},{_n(y)}")
        if nxt is None or nxt[0] != i + 1:
            if len(run) > 1:
                body.append(f'<polyline points="{" ".join(run)}" fill="none" stroke="{ACCENT}" stroke-width="2"/>')
            run = []
    for i, v in points:
        x, y = xy(i, v)
        tip = escape(f"{timeline[i]['month']}: {v:.0%}")
        body.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="4" fill="{ACCENT}"><title>{tip}</title></circle>')
    for i, m in enumerate(timeline):
        if len(timeline) <= 12 or i % math.ceil(len(timeline) / 12) == 0:
            body.append(_text(PAD_L + (i + 0.5) * step, H - PAD_B + 14, m["month"], size=9))
    return _svg(body, title)


def share_bar(shares: dict[str, float | None], title: str) -> Markup:
    """One 100% bar: audience comments by type."""
    width, height = W, 70
    if all(v is None for v in shares.values()):
        return _svg([_text(width / 2, 16, title, size=13, weight="bold"), _text(width / 2, 45, "no audience comments")],
                    title, height=height)
    body = [_text(width / 2, 16, title, size=13, weight="bold")]
    x, bar_w = 10.0, width - 20
    for kind, color in TYPE_COLORS.items():
        v = shares.get(kind) or 0.0
        if v <= 0:
            continue
        body.append(f'<rect x="{_n(x)}" y="24" width="{_n(bar_w * v)}" height="22" fill="{color}">'
                    f"<title>{escape(f'{kind}: {v:.0%}')}</title></rect>")
        if bar_w * v > 60:
            body.append(_text(x + bar_w * v / 2, 39, f"{kind} {v:.0%}", size=10, fill="#ffffff" if kind != "generic" else INK))
        x += bar_w * v
    body += [s.replace(f'y="{_n(height - 12)}"', f'y="{_n(height - 8)}"') for s in _legend(TYPE_COLORS, height - 8)]
    return _svg(body, title, height=height)


def engagement_chart(rate: float, benchmark: float, tier_label: str, title: str) -> Markup:
    """The creator's engagement rate beside its tier's benchmark, as two horizontal bars."""
    width, height = W, 90
    top = max(rate, benchmark) * 1.15 or 1.0
    bar_w = width - 200
    body = [_text(width / 2, 16, title, size=13, weight="bold")]
    for row, (label, value, color) in enumerate((("this creator", rate, ACCENT),
                                                 (f"benchmark {tier_label}", benchmark, "#90a4ae"))):
        y = 28 + row * 28
        body.append(_text(150, y + 14, label, anchor="end", size=11))
        body.append(f'<rect x="160" y="{y}" width="{_n(bar_w * value / top)}" height="20" fill="{color}"/>')
        body.append(_text(166 + bar_w * value / top, y + 14, f"{value:.2%}", anchor="start", size=11))
    return _svg(body, title, height=height)


def index_vs_followers_chart(points: Sequence[dict], title: str) -> Markup:
    """Creator index (y, with its interval) against follower count (x, log scale).

    `points`: {label, followers, value, low, high, reply_rate}. Colour: the creator's pooled reply
    rate (blue = answers most of the audience, grey = answers almost nobody)."""
    pts = [p for p in points if p.get("followers") and p.get("value") is not None]
    width, height = 720, 392
    if not pts:
        return empty_chart(title, "no creator with both a follower count and an index")
    lo = math.floor(math.log10(min(p["followers"] for p in pts)))
    hi = math.ceil(math.log10(max(p["followers"] for p in pts)))
    hi = hi if hi > lo else lo + 1
    pl, pr, pt, pb = 50, 20, 30, 78
    plot_w, plot_h = width - pl - pr, height - pt - pb

    def x_of(f: float) -> float:
        return pl + plot_w * (math.log10(f) - lo) / (hi - lo)

    def y_of(v: float) -> float:
        return pt + plot_h * (1 - v)

    body = [_text(width / 2, 18, title, size=14, weight="bold")]
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        body.append(f'<line x1="{pl}" x2="{width - pr}" y1="{_n(y_of(tick))}" y2="{_n(y_of(tick))}" stroke="{GRID}"/>')
        body.append(_text(pl - 6, y_of(tick) + 4, f"{tick:.2f}", anchor="end", size=10))
    step = max(1, math.ceil((hi - lo) / MAX_DECADE_TICKS))
    for e in range(lo, hi + 1, step):
        x = x_of(10 ** e)
        body.append(f'<line x1="{_n(x)}" x2="{_n(x)}" y1="{pt}" y2="{pt + plot_h}" stroke="{GRID}"/>')
        body.append(_text(x, pt + plot_h + 16, _followers_label(e), size=10))
    body.append(_text(pl + plot_w / 2, pt + plot_h + 32, "followers (log scale) - never an input of the index", size=11))
    body.append(_text(14, pt + plot_h / 2, "index", size=11).replace("<text ", f'<text transform="rotate(-90 14 {_n(pt + plot_h / 2)})" ', 1))
    for p in sorted(pts, key=lambda p: (p["followers"], p["label"])):
        x, y = x_of(p["followers"]), y_of(p["value"])
        color = _reply_color(p.get("reply_rate"))
        if p.get("low") is not None and p.get("high") is not None:
            y_hi, y_lo = y_of(p["high"]), y_of(p["low"])
            body.append(f'<line x1="{_n(x)}" x2="{_n(x)}" y1="{_n(y_hi)}" y2="{_n(y_lo)}" '
                        f'stroke="{color}" stroke-width="1.5" opacity="0.6"/>')
        rate = "n/a" if p.get("reply_rate") is None else f"{p['reply_rate']:.0%}"
        tip = escape(f"{p['label']}: index {p['value']:.2f}, {count_text(p['followers'])} followers, reply rate {rate}")
        body.append(f'<circle class="pt" cx="{_n(x)}" cy="{_n(y)}" r="5" fill="{color}" stroke="#ffffff">'
                    f"<title>{tip}</title></circle>")
    if len(pts) <= LABEL_POINTS_UP_TO:
        for p in pts:
            short = p["label"] if len(p["label"]) <= 18 else p["label"][:17] + "…"
            body.append(_text(x_of(p["followers"]) + 8, y_of(p["value"]) + 4, short, anchor="start", size=9, fill="#455a64"))
    ly = height - 10
    body += [f'<rect x="{pl}" y="{ly - 9}" width="10" height="10" fill="{_reply_color(0.9)}"/>',
             _text(pl + 14, ly, "replies to most of the audience", anchor="start", size=10),
             f'<rect x="{pl + 200}" y="{ly - 9}" width="10" height="10" fill="{_reply_color(0.0)}"/>',
             _text(pl + 214, ly, "replies to almost nobody", anchor="start", size=10),
             _text(pl + 380, ly, "vertical bars: 95% interval", anchor="start", size=10)]
    return _svg(body, title, width=width, height=height, css="chart wide")


def _reply_color(rate: float | None) -> str:
    if rate is None:
        return "#b0bec5"
    t = max(0.0, min(1.0, rate))
    grey, blue = (158, 158, 158), (21, 101, 192)
    r, g, b = (round(grey[k] + (blue[k] - grey[k]) * t) for k in range(3))
    return f"#{r:02x}{g:02x}{b:02x}"


def _followers_label(exponent: int) -> str:
    """The label of the tick at 10**exponent followers (exponents past 10**12 as 1e15: counts beyond
    a float's range come from scrapers too, and must not break the chart)."""
    if exponent > 12:
        return f"1e{exponent}"
    if exponent >= 6:
        return f"{10 ** (exponent - 6)}M"
    if exponent >= 3:
        return f"{10 ** (exponent - 3)}k"
    return f"{10 ** exponent:g}"


def interval_chart(value: float | None, low: float | None, high: float | None, title: str) -> Markup:
    """The index on a 0..1 scale with its interval as a band."""
    width, height = 320, 54
    x0, x1 = 12, width - 12

    def x_of(v: float) -> float:
        return x0 + (x1 - x0) * v

    body = [f'<line x1="{x0}" x2="{x1}" y1="22" y2="22" stroke="{GRID}" stroke-width="6" stroke-linecap="round"/>']
    for tick in (0, 0.5, 1.0):
        body.append(_text(x_of(tick), 46, f"{tick:g}", size=10))
    if value is None:
        body.append(_text(width / 2, 26, "no scored posts", size=11))
    else:
        if low is not None and high is not None:
            body.append(f'<rect class="band" x="{_n(x_of(low))}" y="14" width="{_n(max(1.0, x_of(high) - x_of(low)))}" '
                        f'height="16" rx="3" fill="{ACCENT}" opacity="0.25"/>')
        body.append(f'<circle cx="{_n(x_of(value))}" cy="22" r="7" fill="{ACCENT}"/>')
    return _svg(body, title, width=width, height=height, css="chart mini")
