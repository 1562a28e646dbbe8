"""The input side of the data contract (../shared/docs/contract.md): `Post`, `Comment` and their validation.
(The output side, with its typed schema, is `record.py`.)

`parse_post` turns one raw record (a dict from any reader or adapter) into a `Post`, or raises a
`RecordError` that names the field and the problem. Readers add the file and line.

Lenient where real exports force it, strict everywhere else:
- integer ids are accepted and turned into strings (spreadsheets and APIs emit them);
- integer-valued fields accept digit strings ("1200") because CSV has no types;
- booleans accept true/false, 1/0, yes/no strings for the same reason;
- `comments` may be a JSON string (the CSV form of the contract).
Anything else of the wrong type is an error, never a silent default.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Mapping

from .errors import RecordError

PLATFORMS = ("instagram", "tiktok", "youtube", "other")
MARKETS = ("it", "us", "uk")

POST_FIELDS = (
    "id", "text", "platform", "creator", "followers", "created_at", "likes", "market",
    "platform_paid_partnership", "comments", "url",
)
COMMENT_FIELDS = ("id", "text", "author", "reply_to", "created_at", "likes")


@dataclass(slots=True)
class Comment:
    id: str
    text: str
    author: str | None = None
    reply_to: str | None = None
    created_at: datetime | None = None
    likes: int | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Post:
    id: str
    text: str
    platform: str = "other"
    creator: str | None = None
    followers: int | None = None
    created_at: datetime | None = None
    likes: int | None = None
    market: str | None = None
    platform_paid_partnership: bool | None = None
    comments: list[Comment] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    url: str | None = None          # the post's address, where the source has one


def parse_post(raw: Any) -> Post:
    """Validate one input record and build a `Post`; raise `RecordError` on the first problem."""
    if not isinstance(raw, Mapping):
        raise RecordError("E001", type=type(raw).__name__)
    comments_raw = raw.get("comments")
    if isinstance(comments_raw, str):
        comments_raw = _json_field("comments", comments_raw)
    comments: list[Comment] = []
    if comments_raw is not None:
        if not isinstance(comments_raw, list):
            raise _type_error("comments", "a list of comments", comments_raw)
        seen: set[str] = set()
        for index, item in enumerate(comments_raw):
            try:
                comment = parse_comment(item)
            except RecordError as err:
                raise RecordError("E011", field=f"comments[{index}].{err.field or ''}".rstrip("."),
                                  index=index, detail=str(err)) from None
            if comment.id in seen:
                raise RecordError("E006", field=f"comments[{index}].id", value=comment.id)
            seen.add(comment.id)
            comments.append(comment)
    creator = _optional_str(raw, "creator")
    return Post(
        id=_required_id(raw),
        text=_required_text(raw),
        platform=_choice(raw, "platform", PLATFORMS, lower=True) or "other",
        creator=creator.lstrip("@") if creator else creator,
        followers=_optional_int(raw, "followers"),
        created_at=_optional_time(raw, "created_at"),
        likes=_optional_int(raw, "likes"),
        market=_choice(raw, "market", MARKETS, lower=True),
        platform_paid_partnership=_optional_bool(raw, "platform_paid_partnership"),
        comments=comments,
        meta=_meta(raw, POST_FIELDS),
        url=_optional_str(raw, "url"),
    )


def parse_comment(raw: Any) -> Comment:
    if not isinstance(raw, Mapping):
        raise RecordError("E001", type=type(raw).__name__)
    author = _optional_str(raw, "author")
    reply_to = raw.get("reply_to")
    if reply_to is not None and not isinstance(reply_to, str):
        if isinstance(reply_to, int) and not isinstance(reply_to, bool):
            reply_to = str(reply_to)
        else:
            raise _type_error("reply_to", "a string or null", reply_to)
    return Comment(
        id=_required_id(raw),
        text=_required_text(raw),
        author=author.lstrip("@") if author else author,
        reply_to=reply_to or None,
        created_at=_optional_time(raw, "created_at"),
        likes=_optional_int(raw, "likes"),
        meta=_meta(raw, COMMENT_FIELDS),
    )


def iso_time(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


# --- field helpers -------------------------------------------------------------------------


def _meta(raw: Mapping[str, Any], known: tuple[str, ...]) -> dict[str, Any]:
    """Fields the contract does not name, kept as they came; an adapter's own `meta` dict is merged in flat."""
    meta = {k: v for k, v in raw.items() if k not in known and k != "meta"}
    if isinstance(raw.get("meta"), Mapping):
        meta.update(raw["meta"])
    elif "meta" in raw:
        meta["meta"] = raw["meta"]
    return meta


def _type_error(name: str, expected: str, value: Any) -> RecordError:
    shown = value if not isinstance(value, str) or len(value) <= 80 else value[:77] + "..."
    return RecordError("E003", field=name, expected=expected, type=type(value).__name__, value=shown)


def _json_field(name: str, value: str) -> Any:
    if not value.strip():
        return None
    try:
        return json.loads(value)
    except json.JSONDecodeError as err:
        raise RecordError("E012", field=name, detail=str(err)) from None


def _required_id(raw: Mapping[str, Any]) -> str:
    if "id" not in raw or raw["id"] is None:
        raise RecordError("E002", field="id")
    value = raw["id"]
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise _type_error("id", "a string", value)
    value = str(value).strip()
    if not value:
        raise RecordError("E003", field="id", expected="a non-empty string", type="str", value=raw["id"])
    return value


def _required_text(raw: Mapping[str, Any]) -> str:
    if "text" not in raw:
        raise RecordError("E002", field="text")
    value = raw["text"]
    if not isinstance(value, str):
        raise _type_error("text", 'a string (use "" for no text)', value)
    return value


def _optional_str(raw: Mapping[str, Any], name: str) -> str | None:
    value = raw.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise _type_error(name, "a string", value)
    return value.strip()


def _choice(raw: Mapping[str, Any], name: str, allowed: tuple[str, ...], *, lower: bool) -> str | None:
    value = _optional_str(raw, name)
    if value is None:
        return None
    key = value.lower() if lower else value
    if key not in allowed:
        raise RecordError("E004", field=name, value=value, allowed=", ".join(allowed))
    return key


def _optional_int(raw: Mapping[str, Any], name: str) -> int | None:
    value = raw.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise _type_error(name, "an integer", value)
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise _type_error(name, "an integer", value)
        value = int(value)
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace("_", "")
        if not text.isdigit():
            raise _type_error(name, "an integer", value)
        value = int(text)
    elif not isinstance(value, int):
        raise _type_error(name, "an integer", value)
    if value < 0:
        raise RecordError("E010", field=name, value=value)
    return value


_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f"}


def _optional_bool(raw: Mapping[str, Any], name: str) -> bool | None:
    value = raw.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise _type_error(name, "a boolean", value)


def _optional_time(raw: Mapping[str, Any], name: str) -> datetime | None:
    value = raw.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise RecordError("E005", field=name, value=value)
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise RecordError("E005", field=name, value=value)
        try:
            return datetime.fromtimestamp(value, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            raise RecordError("E005", field=name, value=value) from None
    if isinstance(value, str):
        text = value.strip()
        if text.lstrip("-").replace(".", "", 1).isdigit():
            return _optional_time({name: float(text)}, name)
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise RecordError("E005", field=name, value=value) from None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
    raise RecordError("E005", field=name, value=value)
