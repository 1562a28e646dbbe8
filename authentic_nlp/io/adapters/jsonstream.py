"""JSON values from a text stream, one at a time, without holding the whole file.

Scrapers write three shapes: one JSON array of items (Apify's "JSON" download), one object a
line (JSON Lines, youtube-comment-downloader), or one pretty-printed document (an API response,
an instaloader file). `iter_json_values` yields the items of a top-level array, or each top-level
value of the other two shapes (several documents one after another, as `cat a.json b.json` gives,
are read too), each with the 1-based line where it starts.

Memory is bounded by the largest single item, not by the file: the stream is read in chunks and
each item is decoded with `json.JSONDecoder.raw_decode` as soon as it is complete. An item that
cannot be decoded ends the file with one error (a broken array cannot be resynchronised), except
in JSON Lines, where the next line starts a fresh record.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import IO, Any, Iterator

from ...jsonsafe import JsonTooDeep, raw_decode

CHUNK_CHARS = 1 << 16
MAX_ITEM_CHARS = 64 << 20   # one item (post, comment thread) larger than this is a broken file
_SPACE = " \t\r\n\ufeff"


@dataclass(slots=True)
class JsonValue:
    line: int
    value: Any = None
    error: str | None = None      # the decode error; `text` then holds the input where it failed
    text: str | None = None


class _Buffer:
    """A sliding window over a text stream that counts the lines it has passed."""

    def __init__(self, handle: IO[str]) -> None:
        self.handle = handle
        self.text = ""
        self.pos = 0
        self.line = 1
        self.eof = False

    def more(self) -> bool:
        if self.eof:
            return False
        # read at least as much as is buffered, so a long item costs a few rounds, not thousands
        chunk = self.handle.read(max(CHUNK_CHARS, len(self.text) - self.pos))
        if not chunk:
            self.eof = True
            return False
        self.text = self.text[self.pos:] + chunk
        self.pos = 0
        return True

    def advance(self, to: int) -> None:
        self.line += self.text.count("\n", self.pos, to)
        self.pos = to

    def skip(self, chars: str) -> str | None:
        """Skip `chars`; return the next character (None at the end of the stream)."""
        while True:
            end = self.pos
            while end < len(self.text) and self.text[end] in chars:
                end += 1
            self.advance(end)
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self.more():
                return None

    def decode(self) -> JsonValue:
        """Decode the value at the cursor, reading more of the stream while it is incomplete."""
        start_line = self.line
        while True:
            try:
                value, end = raw_decode(self.text, self.pos)
            except JsonTooDeep as err:
                return JsonValue(start_line, error=str(err), text=self.text[self.pos:self.pos + 200])
            except json.JSONDecodeError as err:
                incomplete = "Unterminated" in err.msg or err.pos >= len(self.text) - 32
                if incomplete and len(self.text) - self.pos < MAX_ITEM_CHARS and self.more():
                    continue
                line = start_line + self.text.count("\n", self.pos, err.pos)
                return JsonValue(start_line, error=f"{err.msg} (line {line})", text=self.text[self.pos:self.pos + 200])
            # a number at the very end of a chunk may continue in the next one
            if end == len(self.text) and not self.eof and self.more():
                continue
            self.advance(end)
            return JsonValue(start_line, value=value)

    def rest_of_line(self) -> None:
        while True:
            end = self.text.find("\n", self.pos)
            if end >= 0:
                self.advance(end + 1)
                return
            self.advance(len(self.text))
            if not self.more():
                return


def iter_json_values(handle: IO[str]) -> Iterator[JsonValue]:
    """Items of a top-level array, else each top-level value; see the module docstring."""
    buf = _Buffer(handle)
    first = buf.skip(_SPACE)
    if first is None:
        return
    if first == "[":
        yield from _array_items(buf)
        return
    while True:
        item = buf.decode()
        yield item
        if item.error is not None:
            buf.rest_of_line()       # JSON Lines: the next line is a fresh record
        nxt = buf.skip(_SPACE)
        if nxt is None:
            return
        if nxt == "[":               # a second document that is an array: its items
            yield from _array_items(buf)
            if buf.skip(_SPACE) is None:
                return


def _array_items(buf: _Buffer) -> Iterator[JsonValue]:
    buf.advance(buf.pos + 1)                  # the "["
    nxt = buf.skip(_SPACE)
    if nxt == "]":
        buf.advance(buf.pos + 1)
        return
    while nxt is not None:
        item = buf.decode()
        yield item
        if item.error is not None:
            return
        nxt = buf.skip(_SPACE)
        if nxt == ",":
            buf.advance(buf.pos + 1)
            nxt = buf.skip(_SPACE)
            continue
        if nxt == "]":
            buf.advance(buf.pos + 1)
            return
        if nxt is None:
            break
        line = buf.line
        yield JsonValue(line, error=f"expected ',' or ']' after an array item (line {line})",
                        text=buf.text[buf.pos:buf.pos + 200])
        return
    yield JsonValue(buf.line, error=f"the array is not closed: the file ends at line {buf.line}", text="")
