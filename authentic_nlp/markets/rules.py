"""Market disclosure rules: load the shipped markets (`it`, `us`, `uk`) and an analyst's own file.

A market file (YAML or JSON) has a `meta` block and a `cues` list of labels:

    meta:
      market: it                       # the market code the rules apply to
      extends: true                    # analysts' files only, see below
      placement:
        preview: {id: it.placement.preview, chars: 125, lines: 3, source: "..."}
        hashtag_rank: {id: it.placement.hashtag_rank, max: 3, source: "..."}        # optional
        trailing_cluster: {id: it.placement.trailing_cluster, min_hashtags: 3, source: "..."}
      platform_flag: {id: it.platform.paid_partnership, counts_as: accepted, source: "...", note: "..."}
    cues:
      - {id: it.label.pubblicita, kind: accepted, pattern: "pubblicità", hashtag: true, weight: 1.0, source: "..."}

An analyst's file (`--rules PATH`) either extends a shipped market (`extends: true`: its labels are
added, a label with an existing id replaces that label, placement and platform_flag keys given
override the shipped ones) or defines a market whole (`extends: false`: for a shipped code it
replaces that market's rules; for a new code, e.g. `de`, it adds a market that `--market de`
selects). `extends` must be written out for a shipped code, so no rules are dropped by accident.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from ..cues import entry_error, load_yaml
from ..errors import DataFileError
from .loader import LABEL_KINDS, PrefilteredCues, build_entries

SHIPPED = ("it", "us", "uk")
FLAG_CLASSES = ("accepted", "ambiguous")


@dataclass(frozen=True, slots=True)
class PlacementRule:
    id: str
    source: str
    limit: int  # preview: characters; hashtag_rank: max rank; trailing_cluster: minimum hashtags


@dataclass(frozen=True, slots=True)
class Placement:
    preview: PlacementRule
    preview_lines: int
    trailing_cluster: PlacementRule
    hashtag_rank: PlacementRule | None = None


@dataclass(frozen=True, slots=True)
class PlatformFlag:
    id: str
    counts_as: str
    source: str
    note: str | None = None


@dataclass(frozen=True)
class Market:
    code: str
    name: str
    placement: Placement
    platform_flag: PlatformFlag
    labels: PrefilteredCues
    sources: tuple[str, ...] = field(default=())


def _meta_error(path: str, detail: str) -> DataFileError:
    return DataFileError("E202", path=path, detail=detail)


def _placement_rule(raw: Any, path: str, name: str, limit_key: str) -> PlacementRule:
    if not isinstance(raw, dict):
        raise _meta_error(path, f"meta.placement.{name} must be a mapping with id, {limit_key} and source")
    for key in ("id", limit_key, "source"):
        if raw.get(key) in (None, ""):
            raise _meta_error(path, f"meta.placement.{name}.{key} is required")
    limit = raw[limit_key]
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise _meta_error(path, f"meta.placement.{name}.{limit_key} must be a positive integer, got {limit!r}")
    return PlacementRule(str(raw["id"]), str(raw["source"]), limit)


def _placement(raw: Any, path: str, base: Placement | None) -> Placement:
    if raw is None and base is not None:
        return base
    if not isinstance(raw, dict):
        raise _meta_error(path, "meta.placement is required (preview, trailing_cluster, optional hashtag_rank)")
    out = base
    if "preview" in raw or out is None:
        preview = _placement_rule(raw.get("preview"), path, "preview", "chars")
        lines = raw["preview"].get("lines")
        if isinstance(lines, bool) or not isinstance(lines, int) or lines < 1:
            raise _meta_error(path, f"meta.placement.preview.lines must be a positive integer, got {lines!r}")
        cluster = out.trailing_cluster if out is not None and "trailing_cluster" not in raw else \
            _placement_rule(raw.get("trailing_cluster"), path, "trailing_cluster", "min_hashtags")
        out = Placement(preview, lines, cluster, out.hashtag_rank if out is not None else None)
    elif "trailing_cluster" in raw:
        out = replace(out, trailing_cluster=_placement_rule(raw["trailing_cluster"], path, "trailing_cluster",
                                                            "min_hashtags"))
    if "hashtag_rank" in raw:
        rank = raw["hashtag_rank"]
        out = replace(out, hashtag_rank=None if rank is None else _placement_rule(rank, path, "hashtag_rank", "max"))
    return out


def _platform_flag(raw: Any, path: str, base: PlatformFlag | None) -> PlatformFlag:
    if raw is None and base is not None:
        return base
    if not isinstance(raw, dict):
        raise _meta_error(path, "meta.platform_flag is required (id, counts_as, source)")
    for key in ("id", "counts_as", "source"):
        if raw.get(key) in (None, ""):
            raise _meta_error(path, f"meta.platform_flag.{key} is required")
    if raw["counts_as"] not in FLAG_CLASSES:
        raise _meta_error(path, f"meta.platform_flag.counts_as must be one of {', '.join(FLAG_CLASSES)}, "
                                f"got {raw['counts_as']!r}")
    return PlatformFlag(str(raw["id"]), str(raw["counts_as"]), str(raw["source"]), raw.get("note"))


def parse_market(data: Any, path: str, base: Market | None = None) -> Market:
    """A market from parsed file data; with `base`, the file extends that market."""
    if not isinstance(data, dict) or not isinstance(data.get("meta"), dict):
        raise _meta_error(path, "expected a mapping with a 'meta' block (market, placement, platform_flag) and 'cues'")
    meta = data["meta"]
    code = meta.get("market")
    if not isinstance(code, str) or not code.strip() or not code.isascii() or not code.isalpha():
        raise _meta_error(path, f"meta.market must be a market code such as 'it', got {code!r}")
    code = code.strip().lower()
    labels = build_entries(data, path, LABEL_KINDS, base=base.labels if base is not None else ())
    return Market(
        code=code,
        name=str(meta.get("name") or (base.name if base is not None else code)),
        placement=_placement(meta.get("placement"), path, base.placement if base is not None else None),
        platform_flag=_platform_flag(meta.get("platform_flag"), path, base.platform_flag if base is not None else None),
        labels=labels,
        sources=(*(base.sources if base is not None else ()), path),
    )


def load_shipped(code: str) -> Market:
    resource = resources.files(__package__).joinpath(f"{code}.yaml")
    label = f"authentic_nlp/markets/{code}.yaml"
    return parse_market(load_yaml(label, resource.read_text(encoding="utf-8")), label)


def apply_rules_file(markets: dict[str, Market], path: str | Path) -> dict[str, Market]:
    """The markets after an analyst's rules file: one market extended, replaced or added."""
    path = str(path)
    data = load_yaml(path)
    meta = data.get("meta") if isinstance(data, dict) else None
    if not isinstance(meta, dict):
        raise _meta_error(path, "expected a mapping with a 'meta' block (market, extends) and 'cues'")
    code = str(meta.get("market", "")).strip().lower()
    extends = meta.get("extends")
    if code in markets and not isinstance(extends, bool):
        raise _meta_error(path, f"meta.extends must be true (add to the shipped '{code}' rules) or false "
                                f"(replace them), got {extends!r}")
    if extends is True and code not in markets:
        raise _meta_error(path, f"meta.extends: true, but there is no market {code!r} to extend "
                                f"(known: {', '.join(sorted(markets))}); use extends: false to define it")
    check_backtracking(data, path)
    market = parse_market(data, path, base=markets[code] if extends is True else None)
    return {**markets, market.code: market}


def check_backtracking(data: Any, path: str) -> None:
    """Refuse a user regex that can backtrack catastrophically (E201 naming the file, entry and line)."""
    from .regex_safety import backtracking_risk

    for entry in data.get("cues") or [] if isinstance(data, dict) else []:
        if isinstance(entry, dict) and isinstance(entry.get("regex"), str):
            flags = re.IGNORECASE if entry.get("ignore_case", True) else 0
            problem = backtracking_risk(entry["regex"], flags)
            if problem:
                raise entry_error(path, entry, f"regex {entry['regex']!r} can take exponential time on some texts: "
                                               f"{problem}; rewrite it (an atomic group (?>...) or a possessive "
                                               "quantifier such as a++ cannot backtrack)")


def load_markets(rules_path: str | Path | None = None) -> dict[str, Market]:
    """The shipped markets, with the analyst's rules file applied. Load once per Analyzer."""
    markets = {code: load_shipped(code) for code in SHIPPED}
    if rules_path is not None:
        markets = apply_rules_file(markets, rules_path)
    return markets


def unknown_market(code: str, markets: dict[str, Market]) -> DataFileError:
    return DataFileError("E204", market=code, allowed=", ".join(sorted(markets)))
