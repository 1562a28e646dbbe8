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

Fast paths: pure ASCII text is returned as it is (nothing above can apply), and non-ASCII text
that is already NFC, holds no invisible character and does not look like mojibake skips the
work.
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

_REMOVE_TABLE = {ord(ch): None for ch in INVISIBLE_CHARS}
# Characters whose presence means there may be something to do besides mojibake.
_SUSPECT_RE = re.compile(f"[{INVISIBLE_CHARS}{ZWJ}{VARIATION_SELECTORS}]")
# A joiner or a variation selector next to a Latin letter, a digit that is not a keycap, or a
# space is not part of an emoji sequence (keycaps: digit + U+FE0F + U+20E3 are kept).
_LATIN = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_STRAY_JOINER_RE = re.compile(
    rf"(?<=[{_LATIN}\s])[{ZWJ}{VARIATION_SELECTORS}]+(?!\u20e3)"
    rf"|^[{ZWJ}{VARIATION_SELECTORS}]+"
    rf"|{ZWJ}+(?=[{_LATIN}0-9\s]|$)"
)


@lru_cache(maxsize=1)
def _ftfy():
    """ftfy's encoding fixer and its badness test, configured once (imported lazily)."""
    from ftfy import TextFixerConfig, fix_text
    from ftfy.badness import is_bad

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
    return (lambda text: fix_text(text, config)), is_bad


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as Latin-1/Windows-1252 when ftfy judges the text to be mojibake."""
    fix, is_bad = _ftfy()
    if not is_bad(text) and not _has_c1(text):
        return text
    return fix(text)


def _has_c1(text: str) -> bool:
    # Latin-1 decoding (Meta's exports) leaves C1 controls U+0080-U+009F; no correct text has them.
    return any("\x80" <= ch <= "\x9f" for ch in text)


def remove_invisible(text: str) -> str:
    """Drop zero-width and bidi controls; drop joiners and selectors that are not in emoji."""
    if not _SUSPECT_RE.search(text):
        return text
    text = text.translate(_REMOVE_TABLE)
    return _STRAY_JOINER_RE.sub("", text)


def normalize(text: str) -> str:
    """The text every analyzer sees; evidence offsets point into this string."""
    if text.isascii():
        return text
    text = repair_mojibake(text)
    text = remove_invisible(text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text
