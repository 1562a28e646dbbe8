"""JSON values that cannot take a run down: decoding, screening and writing hostile records.

Input JSON can hold what Python's `json` decodes but nothing downstream survives: `NaN`,
`Infinity` and `1e400` (non-finite floats the writers refuse), integers longer than Python's
4,300-digit conversion limit (`json.loads` raises a bare ValueError), lone surrogate escapes
(`"\\ud800"`: no UTF-8 encoder, spaCy's string store or SQLite takes them) and nesting a thousand
levels deep (RecursionError in the decoder, in pickling to a worker, in the encoder).

- `loads` / `raw_decode` decode like `json` but never raise RecursionError or the digit-limit
  ValueError: too deep is `JsonTooDeep` (a ValueError), an over-long integer becomes a
  `LongNumber` (its digits, as a str) for `screen` to report with its field.
- `screen(value)` checks a decoded record: too deep (E016), a non-finite number (E017) or an
  over-long integer (E018) raise a `RecordError` naming the field (`comments[2].meta.x`); lone
  surrogates are replaced with U+FFFD and the fields where that happened are returned.
- `json_safe(value)` turns anything (a rejected record as read) into a value `json.dumps` always
  writes: used by the quarantine writer, so a quarantine line can never fail to write.
"""

from __future__ import annotations

import json
import math
from typing import Any

from .errors import RecordError
from .text.normalize import replace_surrogates

MAX_DEPTH = 64              # levels of nested arrays/objects in one record (exports use under 10)
MAX_INT_DIGITS = 4300       # Python's int <-> str conversion limit (sys.get_int_max_str_digits)
REPLACEMENT = "\ufffd"
WHOLE = "(record)"           # the field named when the whole record is at fault
TOO_DEEP = f"<nested deeper than {MAX_DEPTH} levels>"


class JsonTooDeep(ValueError):
    """The JSON text nests deeper than the decoder's recursion allows."""


class LongNumber(str):
    """An integer literal too long to convert (kept as its digits, reported by `screen`)."""


def _parse_int(digits: str) -> int | LongNumber:
    return LongNumber(digits) if len(digits) > MAX_INT_DIGITS else int(digits)


DECODER = json.JSONDecoder(parse_int=_parse_int)


def loads(text: str) -> Any:
    try:
        return DECODER.decode(text)
    except RecursionError:
        raise JsonTooDeep(f"nested deeper than the decoder allows (over {MAX_DEPTH} levels is refused)") from None


def raw_decode(text: str, pos: int) -> tuple[Any, int]:
    try:
        return DECODER.raw_decode(text, pos)
    except RecursionError:
        raise JsonTooDeep(f"nested deeper than the decoder allows (over {MAX_DEPTH} levels is refused)") from None


def has_surrogates(text: str) -> bool:
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _path(parent: str, key: Any) -> str:
    """`parent.key` or `parent[i]`; a path past 120 characters keeps its ends (`a.b[0]...[0][0]`)."""
    if isinstance(key, int):
        path = f"{parent}[{key}]"
    else:
        key = replace_surrogates(key) if isinstance(key, str) else repr(key)
        path = f"{parent}.{key}" if parent else key
    return path if len(path) <= 120 else f"{path[:60]}...{path[-57:]}"


def screen(value: Any, field: str = "") -> tuple[Any, list[str]]:
    """(the value with lone surrogates replaced, the fields where that happened); raises RecordError
    E016/E017/E018 for a value nested too deep, a non-finite number or an over-long integer.

    Dicts and lists are fixed in place (whoever else holds the record sees the clean one); a
    value without surrogates comes back as the same object."""
    replaced: list[str] = []
    _check(value, field, 0, replaced)
    if not replaced:
        return value, replaced
    return _replace(value), replaced


def _check(value: Any, field: str, depth: int, replaced: list[str]) -> None:
    if isinstance(value, LongNumber):
        raise RecordError("E018", field=field or WHOLE, digits=len(value.lstrip("-")), limit=MAX_INT_DIGITS)
    if isinstance(value, str):
        if has_surrogates(value):
            replaced.append(field or WHOLE)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise RecordError("E017", field=field or WHOLE, value=repr(value))
    elif isinstance(value, int) and not isinstance(value, bool):
        if value.bit_length() > MAX_INT_DIGITS * 3.32:
            raise RecordError("E018", field=field or WHOLE, digits=int(value.bit_length() * 0.30103), limit=MAX_INT_DIGITS)
    elif isinstance(value, (dict, list, tuple)):
        if depth >= MAX_DEPTH:
            raise RecordError("E016", field=field or WHOLE, limit=MAX_DEPTH)
        pairs = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in pairs:
            name = _path(field, key)
            if isinstance(key, str) and has_surrogates(key):
                replaced.append(name)
            _check(item, name, depth + 1, replaced)


def _replace(value: Any) -> Any:
    """Lone surrogates replaced in every string and key (dicts and lists in place); depth is checked."""
    if isinstance(value, str):
        return replace_surrogates(value)
    if isinstance(value, dict):
        pairs = [(replace_surrogates(k) if isinstance(k, str) else k, _replace(v)) for k, v in value.items()]
        value.clear()
        value.update(pairs)
    elif isinstance(value, list):
        value[:] = [_replace(v) for v in value]
    elif isinstance(value, tuple):
        return tuple(_replace(v) for v in value)
    return value


def json_safe(value: Any, depth: int = 0) -> Any:
    """`value` as something `json.dumps(..., allow_nan=False)` always writes: non-finite floats and
    over-long integers as strings, lone surrogates replaced, nesting past MAX_DEPTH cut to a note,
    other objects as their `str`."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return replace_surrogates(value) if not isinstance(value, LongNumber) else str.__str__(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else repr(value)
    if isinstance(value, int):
        if value.bit_length() > MAX_INT_DIGITS * 3:
            return f"<integer of about {int(value.bit_length() * 0.30103)} digits>"
        return value
    if isinstance(value, (dict, list, tuple)):
        if depth >= MAX_DEPTH:
            return TOO_DEEP
        if isinstance(value, dict):
            return {_safe_key(k): json_safe(v, depth + 1) for k, v in value.items()}
        return [json_safe(v, depth + 1) for v in value]
    try:
        return replace_surrogates(str(value))
    except Exception:  # a __str__ that fails is still one quarantine line
        return f"<{type(value).__name__}>"


def _safe_key(key: Any) -> str:
    if isinstance(key, str):
        return replace_surrogates(key)
    text = json_safe(key)
    return text if isinstance(text, str) else json.dumps(text)
