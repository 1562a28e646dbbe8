"""Normalization of social text: mojibake repair, invisible characters, Unicode NFC.

Every analyzer works on `normalize(raw)`, and every evidence offset points into that normalized
text, never into the raw input: removing a zero-width space or repairing "Ã¨" to "è" shifts the
characters after it.

What it does, in order:

1. **Mojibake repair** with ftfy, configured conservatively: only the encoding fixes are on
   (UTF-8 bytes that were decoded as Latin-1 or Windows-1252, as in Meta's JSON exports:
   "Ã¨" -> "è", "ðŸ˜\\x8d" or "ð\\x9f\\x98\\x8d" -> "😍"). ftfy fixes a text only when its
   "badness" heuristic says the text looks like mojibake, so correct Italian ("perché",
   "città"), Portuguese ("SÃO PAULO"), English and emoji pass unchanged. HTML unescaping, quote
   uncurling, ligature and width folding and line-break changes are off: they change text that
   is not broken.
2. **Invisible characters**: zero-width spaces (U+200B, U+2060, U+FEFF, U+180E), the soft
   hyphen (U+00AD) and bidirectional controls (U+061C, U+200E/F, U+202A-E, U+2066-9) are
   removed: they hide words from matching ("a\\u200bd\\u200bv" is "adv"). The zero-width
   joiner (U+200D) and the variation selectors (U+FE0E/F) are kept where they are part of an
   emoji sequence ("👨‍👩‍👧", "❤️", "1️⃣") and removed where they sit inside Latin words.
3. **Unicode NFC**: "e" + combining grave becomes "è".
4. **Surrogates**: a surrogate pair left as two code points is joined into its character; a lone
   surrogate (half an emoji cut by a scraper, a "\\ud83d" escape in JSON) becomes U+FFFD, so the
   text can be written as UTF-8 and evidence offsets stay valid.

Fast paths: pure ASCII text is returned as it is (nothing above can apply); ftfy runs only on
text holding a character pair that this mojibake always leaves (a lead byte shown as Â..ô then a
continuation byte shown as U+0080-U+00BF or its Windows-1252 character, or a lone C1 control),
so correct Italian with accents costs a few regex scans.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["normalize", "INVISIBLE_CHARS"]

# fmt: off
INVISIBLE_CHARS = (
    "\u00ad"                    # soft hyphen
    "\u061c"                    # Arabic letter mark (bidi)
    "\u180e"                    # Mongolian vowel separator (an old zero-width space)
    "\u200b"                    # zero-width space
    "\u200e\u200f"              # left-to-right / right-to-left marks
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings and overrides
    "\u2060"                    # word joiner
    "\u2066\u2067\u2068\u2069"  # bidi isolates
    "\ufeff"                    # byte-order mark / zero-width no-break space
)
# fmt: on
ZWJ = "\u200d"
VARIATION_SELECTORS = "\ufe0e\ufe0f"

_INVISIBLE_RE = re.compile(f"[{INVISIBLE_CHARS}]+")
# A joiner or a variation selector next to a Latin letter, a digit that is not a keycap, or a
# space is not part of an emoji sequence (keycaps: digit + U+FE0F + U+20E3 are kept).
_LATIN = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_STRAY_JOINER_RE = re.compile(
    rf"(?<=[{_LATIN}\s])[{ZWJ}{VARIATION_SELECTORS}]+(?!\u20e3)"
    rf"|^[{ZWJ}{VARIATION_SELECTORS}]+"
    rf"|{ZWJ}+(?=[{_LATIN}0-9\s]|$)"
)
# What UTF-8 read as Latin-1 or Windows-1252 always leaves: a lead byte shown as one of Â..ô
# followed by a continuation byte shown as U+0080-U+00BF or as its Windows-1252 character; or a
# lone C1 control. Text without it cannot be this mojibake and skips ftfy (whose own test is slow).
_CP1252_CONTINUATION = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
# "Ã " is "à" whose second byte (a no-break space, 0xA0) was turned into a plain space.
_MOJIBAKE_HINT_RE = re.compile(f"[\u00c2-\u00f4][{_CP1252_CONTINUATION}]|[\u0080-\u009f]|\u00c3 ")


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """Join surrogate pairs; replace lone surrogates with U+FFFD."""
    if not _SURROGATE_RE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


@lru_cache(maxsize=1)
def _ftfy():
    """ftfy's text fixer with only the encoding fixes on, configured once (imported lazily)."""
    from ftfy import TextFixerConfig, fix_text

    config = TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=True,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    return lambda text: fix_text(text, config)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as Latin-1/Windows-1252 where ftfy's badness test says it is mojibake."""
    if not _MOJIBAKE_HINT_RE.search(text):
        return text
    return _ftfy()(text)


def remove_invisible(text: str) -> str:
    """Drop zero-width and bidi controls; drop joiners and selectors that are not in emoji."""
    if _INVISIBLE_RE.search(text):
        text = _INVISIBLE_RE.sub("", text)
    if ZWJ in text or "\ufe0f" in text or "\ufe0e" in text:
        text = _STRAY_JOINER_RE.sub("", text)
    return text


def normalize(text: str) -> str:
    """The text every analyzer sees; evidence offsets point into this string."""
    if text.isascii():
        return text
    text = replace_surrogates(text)
    text = repair_mojibake(text)
    text = remove_invisible(text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text
