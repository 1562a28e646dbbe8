"""One regular expression for one emoji sequence, built from the `emoji` package's data.

An emoji a reader sees as one picture is often several code points: a base and a skin tone
("👍🏽"), a base and the emoji-presentation selector ("❤️"), people and objects joined by
U+200D ("👨‍👩‍👧", "🏳️‍🌈"), two regional indicators ("🇮🇹"), a tag sequence ("🏴󠁧󠁢󠁳󠁣󠁴󠁿") or a keycap
("1️⃣"). The pattern follows the shapes of Unicode Technical Standard #51 (emoji sequences)
and takes its base characters from `emoji.EMOJI_DATA`, so it follows the package's Unicode
version instead of a hand-kept table. It matches one sequence at a time: "😍😍😍" is three matches.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["emoji_pattern", "emoji_regex", "is_emoji"]

ZWJ = "\u200d"
VS15_16 = "\ufe0e\ufe0f"
SKIN_TONES = "\U0001f3fb-\U0001f3ff"
REGIONAL = "\U0001f1e6-\U0001f1ff"
TAGS = "\U000e0020-\U000e007e"
CANCEL_TAG = "\U000e007f"
KEYCAP = "\u20e3"
# Code points that appear in emoji sequences but are not pictures on their own.
_COMPONENTS = {0x200D, 0xFE0E, 0xFE0F, 0x20E3, 0xE007F, *range(0xE0020, 0xE007F), *range(0x1F3FB, 0x1F400)}
# Typographic symbols that are emoji only with the emoji selector: "Brand™" is not an emoji.
TEXT_SYMBOLS = "\u00a9\u00ae\u203c\u2049\u2122\u2139"


def _ranges(codepoints: list[int]) -> str:
    """A character class body for sorted code points, merged into ranges."""
    out: list[str] = []
    start = prev = codepoints[0]
    for cp in codepoints[1:] + [-1]:
        if cp == prev + 1:
            prev = cp
            continue
        out.append(re.escape(chr(start)) if start == prev else f"{re.escape(chr(start))}-{re.escape(chr(prev))}")
        start = prev = cp
    return "".join(out)


@lru_cache(maxsize=1)
def emoji_pattern() -> str:
    """The pattern (a string, to combine with spaCy's affix lists) for one emoji sequence."""
    import emoji

    bases = sorted(
        {ord(ch) for key in emoji.EMOJI_DATA for ch in key}
        - _COMPONENTS
        - {ord(c) for c in "0123456789#*"}
        - set(range(0x1F1E6, 0x1F200))
        - {ord(c) for c in TEXT_SYMBOLS}
    )
    base = f"[{_ranges(bases)}]"
    element = f"{base}(?:[{SKIN_TONES}]|[{VS15_16}])?[{VS15_16}]?"
    return (
        "(?:"
        f"\U0001f3f4[{TAGS}]+{CANCEL_TAG}"            # subdivision flags
        f"|[{REGIONAL}]{{2}}"                          # country flags
        f"|[0-9#*]\ufe0f?{KEYCAP}"                      # keycaps
        f"|{element}(?:{ZWJ}{element})*"               # base, tone, selector, ZWJ chains
        f"|[{TEXT_SYMBOLS}]\ufe0f"                      # ©️ ®️ ™️ only with the selector
        f"|[{REGIONAL}]|[{SKIN_TONES}]"                 # lone components: still one symbol
        ")"
    )


@lru_cache(maxsize=1)
def emoji_regex() -> re.Pattern[str]:
    return re.compile(emoji_pattern())


@lru_cache(maxsize=1)
def _emoji_run() -> re.Pattern[str]:
    return re.compile(f"(?:{emoji_pattern()})+")


def is_emoji(text: str) -> bool:
    """True when `text` is one or more emoji sequences and nothing else."""
    return bool(text) and _emoji_run().fullmatch(text) is not None
