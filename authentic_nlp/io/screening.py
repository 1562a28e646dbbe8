"""Screening raw records as they are read, before anything else touches them (`score`, `convert`).

`screen_item` runs `jsonsafe.screen` on an item's raw record: a non-finite number (E017), an
over-long integer (E018) or nesting past the limit (E016) makes it an error item naming the field;
lone surrogates are replaced with U+FFFD and listed in `item.warnings` (W001). A rejected raw
record is made JSON-safe at once, so that it pickles to a worker and writes to the quarantine file.
"""

from __future__ import annotations

from ..errors import Errors, RecordError
from ..jsonsafe import json_safe, screen
from .base import ReadItem


def screen_item(item: ReadItem) -> ReadItem:
    if item.error is not None or item.raw is None:
        return item
    try:
        raw, replaced = screen(item.raw)
    except RecordError as err:
        return ReadItem(item.position, raw=json_safe(item.raw), error=err)
    item.raw = raw
    if replaced:
        item.warnings = [{"code": "W001", "field": name, "message": Errors.W001.format(field=name)} for name in replaced]
    return item
