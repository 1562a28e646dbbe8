"""Writing the audit: per-creator JSON and HTML, the index page, `index.json` and `creators.csv`.

HTML comes from Jinja2 templates with autoescaping on for every template: captions, comments and
handles are data and reach the page only as escaped text. Charts are inline SVG (`charts.py`),
highlighted quotes come from `highlight.py`; both return `Markup` built from escaped pieces. Pages
carry a Content-Security-Policy that allows no script and no remote resource, a second wall should
escaping ever fail. Nothing time-dependent is written unless `generated_at` is passed.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Sequence

from . import charts
from .engagement import count_text, engagement_note
from .highlight import highlight

CSV_COLUMNS = (
    "creator", "posts", "first_post", "last_post", "index", "index_low", "index_high", "index_low_evidence",
    "audience_comments", "creator_reply_rate", "creator_real_reply_rate", "questions", "questions_answered",
    "questions_answered_rate", "reciprocity", "substantive_share", "question_share", "generic_share",
    "spam_share", "sincerity_mean", "sincerity_median", "disclosed", "weak_disclosure", "undisclosed",
    "organic", "likely_undisclosed", "posts_pod_suspected", "pods_suspected", "followers", "likes_total",
    "engagement_rate", "tier", "tier_benchmark_rate", "report",
)
SAFE = re.compile(r"[^a-z0-9._-]+")


def slug(creator: str) -> str:
    """A file name for a handle: lower-case [a-z0-9._-], starting with a letter or digit (never `-`,
    which a shell reads as an option, nor `.`); a short hash keeps distinct handles distinct."""
    base = SAFE.sub("_", creator.lower()).lstrip("._-").rstrip("._") or "creator"
    if base != creator:
        digest = hashlib.sha1(creator.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        base = f"{base[:60]}-{digest}"
    return base[:80]


def unique_slugs(creators: Sequence[str]) -> list[str]:
    """`slug` of each creator, made unique in the order given (a handle that happens to look like
    another's slug-with-hash gets a counter)."""
    used: set[str] = set()
    out = []
    for creator in creators:
        name, n = slug(creator), 2
        while name in used:
            name, n = f"{slug(creator)}-{n}", n + 1
        used.add(name)
        out.append(name)
    return out


@lru_cache(maxsize=1)
def _env():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("authentic_nlp.audit", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(pct=_pct, num=_num, label=lambda v: str(v).replace("_", " "))
    env.globals.update(highlight=highlight, charts=charts, market_source=market_source, engagement_note=engagement_note)
    return env


def _pct(value: float | None, digits: int = 0) -> str:
    return "n/a" if value is None else f"{value:.{digits}%}"


def _num(value: float | int | None, digits: int = 2) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, int):
        return count_text(value)
    return f"{value:.{digits}f}"


@lru_cache(maxsize=8)
def market_source(code: str | None) -> str:
    """The market's rule book, as its rules file describes it (shown beside the rule a post breaks)."""
    import yaml

    if code not in ("it", "us", "uk"):
        return ""
    path = resources.files("authentic_nlp.markets") / f"{code}.yaml"
    meta = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("meta") or {}
    return str(meta.get("description") or meta.get("name") or "")


def render_creator(summary: dict[str, Any], *, index_href: str = "../index.html") -> str:
    return _env().get_template("creator.html").render(s=summary, index_href=index_href)


def render_index(summaries: Sequence[dict[str, Any]], meta: dict[str, Any]) -> str:
    points = [{"label": s["creator"], "followers": (s.get("engagement") or {}).get("followers"),
               "value": s["index"]["value"], "low": s["index"]["low"], "high": s["index"]["high"],
               "reply_rate": s["conversation"]["creator_reply_rate"]} for s in summaries]
    return _env().get_template("index.html").render(creators=summaries, meta=meta, points=points)


def csv_row(summary: dict[str, Any]) -> dict[str, Any]:
    conv, disc, eng = summary["conversation"], summary["disclosure"], summary.get("engagement") or {}
    tier = eng.get("tier") or {}
    return {
        "creator": summary["creator"], "posts": summary["posts"], "first_post": summary["first_post"],
        "last_post": summary["last_post"], "index": summary["index"]["value"], "index_low": summary["index"]["low"],
        "index_high": summary["index"]["high"], "index_low_evidence": summary["index"]["low_evidence"],
        "audience_comments": conv["audience_comments"], "creator_reply_rate": conv["creator_reply_rate"],
        "creator_real_reply_rate": conv["creator_real_reply_rate"], "questions": conv["questions"],
        "questions_answered": conv["questions_answered"], "questions_answered_rate": conv["questions_answered_rate"],
        "reciprocity": conv["reciprocity"], **{f"{k}_share": v for k, v in conv["shares"].items()},
        "sincerity_mean": summary["sincerity"]["mean"], "sincerity_median": summary["sincerity"]["median"],
        **disc["counts"], "likely_undisclosed": disc["likely_undisclosed_count"],
        "posts_pod_suspected": summary["pods"]["posts_pod_suspected"], "pods_suspected": summary["pods"]["suspected"],
        "followers": eng.get("followers"), "likes_total": eng.get("likes_total"), "engagement_rate": eng.get("rate"), "tier": tier.get("label"),
        "tier_benchmark_rate": tier.get("benchmark_rate"), "report": summary.get("report"),
    }


def creators_csv(summaries: Sequence[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for summary in summaries:
        writer.writerow({k: ("" if v is None else v) for k, v in csv_row(summary).items()})
    return buffer.getvalue()


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def write_audit(out_dir: Path, summaries: Sequence[dict[str, Any]], meta: dict[str, Any], *,
                html: bool = True) -> dict[str, Any]:
    """Write every file of the audit under `out_dir`; returns {kind: [paths]} of what was written.

    Everything is rendered into a temporary folder beside `out_dir` first and moved into place only
    when every file is written: a failure leaves `out_dir` as it was, never half written. A new
    folder is renamed into place whole; into an existing one (`--force`) the files are moved one by
    one, `index.json` last (its presence is what marks a finished audit).
    """
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".partial", dir=out_dir.parent))
    try:
        relative = _render_all(staging, summaries, meta, html=html)
        _move_into_place(staging, out_dir, [p for paths in relative.values() for p in paths])
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return {kind: [str(out_dir / p) for p in paths] for kind, paths in relative.items()}


def _render_all(root: Path, summaries: Sequence[dict[str, Any]], meta: dict[str, Any], *,
                html: bool) -> dict[str, list[str]]:
    (root / "creators").mkdir()
    written: dict[str, list[str]] = {"json": [], "html": [], "csv": []}
    for summary, name in zip(summaries, unique_slugs([s["creator"] for s in summaries])):
        summary["report"] = f"creators/{name}.html" if html else None
        summary["json"] = f"creators/{name}.json"
        _write(root, summary["json"], dumps(summary), written["json"])
        if html:
            _write(root, summary["report"], render_creator(summary), written["html"])
    index = {"meta": meta, "creators": [{k: v for k, v in s.items() if k != "post_rows"} for s in summaries]}
    _write(root, "creators.csv", creators_csv(summaries), written["csv"])
    if html:
        _write(root, "index.html", render_index(summaries, meta), written["html"])
    _write(root, "index.json", dumps(index), written["json"])
    return written


def _move_into_place(staging: Path, out_dir: Path, relative: list[str]) -> None:
    if not out_dir.exists():
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(staging, 0o777 & ~umask)         # mkdtemp made it private; a finished audit is not
        os.replace(staging, out_dir)
        return
    (out_dir / "creators").mkdir(exist_ok=True)
    for rel in sorted(relative, key=lambda p: p == "index.json"):
        os.replace(staging / rel, out_dir / rel)


def _write(root: Path, rel: str, text: str, log: list[str]) -> None:
    (root / rel).write_text(text, encoding="utf-8", newline="\n")
    log.append(rel)
