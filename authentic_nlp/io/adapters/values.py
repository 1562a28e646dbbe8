"""Small value conversions every adapter needs: counts written as text, times, nested keys, mojibake.

Scrapers and exports write the same fact in many ways: `1234`, `"1,234"`, `"1.234"`, `"1.2K"`,
`"3,4 mln"`, `"12 mila"`; a nested `{"authorMeta": {"name": ...}}` or a flattened
`"authorMeta.name"` CSV column. These helpers read all of them and return None for what they
cannot read, so the caller keeps the original under `meta` instead of guessing.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any, Iterable, Mapping

# fmt: off
# Multipliers after a number: English and Italian abbreviations as the platforms and scrapers
# print them (YouTube "1.2K", Instagram web "3,4 mln", "12 mila", TikTok "1.5M").
_SUFFIXES = {
    "": 1, "k": 1_000, "m": 1_000_000, "b": 1_000_000_000, "bn": 1_000_000_000,
    "mila": 1_000, "mln": 1_000_000, "mio": 1_000_000, "mi": 1_000_000, "mld": 1_000_000_000,
    "mrd": 1_000_000_000, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "milioni": 1_000_000, "milione": 1_000_000, "miliardi": 1_000_000_000,
}
# fmt: on
_COUNT_RE = re.compile(r"^\s*(\d[\d.,\s\u00a0\u202f']*)\s*([a-z]*)\.?\s*$", re.IGNORECASE)
_GROUPED_RE = re.compile(r"^\d{1,3}([.,\s\u00a0\u202f'])\d{3}(\1\d{3})*$")


def to_count(value: Any) -> int | None:
    """A non-negative count from an int, a float with no fraction, or text such as "1.2K",
    "3,4 mln", "12 mila", "1,234", "1.234", "1 234"; None when it is not one (the caller keeps
    the original). Without a multiplier, separators are read as thousands separators only in
    groups of three digits: "1.5" alone is not a count."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value >= 0 else None
    if not isinstance(value, str):
        return None
    match = _COUNT_RE.match(value)
    if not match:
        return None
    digits, suffix = match.group(1).strip(), match.group(2).lower()
    if suffix not in _SUFFIXES:
        return None
    factor = _SUFFIXES[suffix]
    if digits.isdigit():
        return int(digits) * factor
    if _GROUPED_RE.match(digits):
        return int(re.sub(r"\D", "", digits)) * factor
    if factor == 1:
        return None
    # "1.2K", "3,4 mln": one decimal separator, either kind
    if re.fullmatch(r"\d+[.,]\d+", digits):
        whole, frac = re.split(r"[.,]", digits)
        return round((int(whole) + int(frac) / 10 ** len(frac)) * factor)
    return None


def to_time(value: Any) -> str | int | float | None:
    """A timestamp the contract accepts (ISO-8601 text or epoch seconds), or None.

    Epoch milliseconds (JavaScript, some scrapers) are turned into seconds."""
    if value is None or isinstance(value, bool) or value == "":
        return None
    if isinstance(value, (int, float)):
        return value / 1000 if value > 10_000_000_000 else value
    if isinstance(value, str):
        text = value.strip()
        if text.isdigit():
            return to_time(int(text))
        try:
            datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None
        return text
    return None


def epoch_to_iso(value: Any) -> str | None:
    """Epoch seconds as ISO-8601 UTC text (Meta exports and instaloader write epoch seconds)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        return datetime.fromtimestamp(value, tz=timezone.utc).isoformat().replace("+00:00", "Z")
    except (OverflowError, OSError, ValueError):
        return None


def get_path(record: Mapping[str, Any], dotted: str) -> Any:
    """`record["a"]["b"]` for "a.b", or `record["a.b"]` (the flattened CSV column), else None."""
    if dotted in record:
        return record[dotted]
    node: Any = record
    for part in dotted.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def handle(value: Any) -> str | None:
    """An account handle without "@"; None when empty or not text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = value.strip().lstrip("@").strip()
    return value or None


def text_or_empty(value: Any) -> str | None:
    """Caption-like text: a string as is, None -> "" (the key was there, empty); other types None."""
    if value is None:
        return ""
    return value if isinstance(value, str) else None


def to_flag(value: Any) -> bool | None:
    """A yes/no flag from a bool, 0/1 or "true"/"false" text; None otherwise."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0", "yes", "no"):
        return value.strip().lower() in ("true", "1", "yes")
    return None


def unmapped(record: Mapping[str, Any], used: Iterable[str]) -> dict[str, Any]:
    """What is left of `record` once the keys in `used` are taken: a dotted name ("authorMeta.name")
    takes that key out of the nested dict (or the flattened column) and keeps its siblings."""
    left: dict[str, Any] = dict(record)
    for name in used:
        if name in left:
            del left[name]
            continue
        head, _, rest = name.partition(".")
        if rest and isinstance(left.get(head), Mapping):
            inner = unmapped(left[head], [rest])
            if inner:
                left[head] = inner
            else:
                del left[head]
    return left


class Fields:
    """Reads contract values out of one source item and remembers which keys it used, so that
    `rest()` is exactly what is left for `meta`: a key whose value could not be read as its field
    (hidden likes -1, a date in an unknown format, a list where text was expected) is not used and
    stays in `meta` as it was."""

    def __init__(self, item: Mapping[str, Any]) -> None:
        self.item = item
        self.used: list[str] = []

    def take(self, keys: str | Iterable[str], reader: Any = None) -> Any:
        """The first of `keys` (dotted allowed) whose value `reader` reads (None: as it is)."""
        for key in (keys,) if isinstance(keys, str) else keys:
            value = get_path(self.item, key)
            if value is None or value == "":
                continue
            converted = value if reader is None else reader(value)
            if converted is not None:
                self.used.append(key)
                return converted
        return None

    def text(self, key: str) -> str | None:
        """Caption-like text: "" when the key is absent, null or empty (sources leave empty keys
        out); None when it holds something that is not text (then it stays in `meta`)."""
        value = get_path(self.item, key)
        if value is None or value == "":
            self.used.append(key)
            return ""
        if isinstance(value, str):
            self.used.append(key)
            return value
        return None

    def take_all(self, keys: Iterable[str], reader: Any) -> list[Any]:
        """Every one of `keys` that `reader` reads (several flags for one fact)."""
        return [value for value in (self.take(key, reader) for key in keys) if value is not None]

    def consume(self, *keys: str) -> None:
        """Keys handled otherwise (a list of comments mapped one by one)."""
        self.used.extend(keys)

    def rest(self) -> dict[str, Any]:
        return unmapped(self.item, self.used)


def _lower_word(value: Any) -> str | None:
    return value.strip().lower() if isinstance(value, str) and value.strip() else None


# contract field -> how a source value becomes it (None: the value is not that kind of value)
FIELD_READERS = {
    "followers": to_count, "likes": to_count, "created_at": to_time, "platform_paid_partnership": to_flag,
    "creator": handle, "platform": _lower_word, "market": _lower_word,
    "comments": lambda v: v if isinstance(v, (str, list)) else None,
    "id": lambda v: str(v).strip() or None if isinstance(v, (str, int)) and not isinstance(v, bool) else None,
    "text": lambda v: v if isinstance(v, str) else None,
}


def read_field(field: str, value: Any) -> Any:
    """`value` read as the contract field `field`, or None when it cannot be."""
    return FIELD_READERS.get(field, lambda v: v)(value)


def fix_meta_mojibake(value: Any) -> Any:
    """Undo Meta's export encoding everywhere in a JSON value: its exports write every string as
    UTF-8 bytes read as Latin-1 ("perchÃ©" for "perché", "Ã°ÂŸÂ˜Â" for an emoji).

    The exact inverse (encode as Latin-1, decode as UTF-8) is applied to each string; a string
    that is not this mojibake (a character above U+00FF, or bytes that are not UTF-8) is left
    as it is, so an export that was already repaired passes unchanged."""
    if isinstance(value, str):
        if value.isascii():
            return value
        try:
            return value.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return value
    if isinstance(value, list):
        return [fix_meta_mojibake(item) for item in value]
    if isinstance(value, dict):
        return {fix_meta_mojibake(key): fix_meta_mojibake(item) for key, item in value.items()}
    return value
