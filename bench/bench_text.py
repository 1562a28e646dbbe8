"""Throughput of normalization and of the social spaCy pipelines: prints a table.

    python bench/bench_text.py [--n 3000] [--repeat 3]

Texts are generated from the hand-written fragments below (seeded, so every run sees the same
texts): short comments (3-12 tokens) and captions of about 300 characters, in Italian and English,
with hashtags, mentions, emoji sequences, elongations, codes and some Latin-1 mojibake. Each figure
is the best of `--repeat` runs in CPU seconds of this one process (time.process_time, so a busy
shared machine does not distort it), after one warm-up pass (pipelines built, caches filled);
start-up costs (spaCy import, pipeline builds, word list) are wall-clock and measured cold.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

# Run from a source checkout without installing: the repository root goes first on the path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# fmt: off
FRAGMENTS = {
    "it": ["che bello", "bellissimooo", "l'ho preso ieri", "dell’anno", "c'è un po' di tutto",
           "un'amica mi ha detto", "grazie mille", "ti sta benissimo", "dove l'hai comprato?",
           "troppo carina", "usa il codice GIULIA20", "link in bio", "#adv", "#cucinaitaliana",
           "#ViaggiareLowCost", "@giulia.rossi_92", "SCONTO15", "perché no", "città", "così"],
    "en": ["so cute", "soooo good", "I'm obsessed", "where did you get it?", "love this",
           "use code ANNA10", "link in bio", "#ad", "#skincareroutine", "#SelfCareSunday",
           "@brand_uk", "can't wait", "gifted by the lovely team", "thanks for sharing",
           "https://example.com/shop?id=12", "goood vibes", "you look amazing", "yesss"],
    "emoji": ["😍", "😍😍😍", "❤️", "👨‍👩‍👧", "👍🏽", "🇮🇹", "1️⃣", "🔥🔥", "✨", "🙏🏻"],
}
# fmt: on


def spoil(text: str) -> str:
    """Meta-export mojibake: UTF-8 bytes read as Latin-1."""
    return text.encode("utf-8").decode("latin-1")


def make_texts(n: int, lang: str, kind: str, seed: int) -> list[str]:
    rng = random.Random(seed)
    words, emoji = FRAGMENTS[lang], FRAGMENTS["emoji"]
    texts = []
    for i in range(n):
        target = 300 if kind == "caption" else rng.randint(10, 60)
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < target:
            parts.append(rng.choice(emoji) if rng.random() < 0.2 else rng.choice(words))
        text = " ".join(parts)[: target + 20]
        texts.append(spoil(text) if i % 20 == 0 else text)
    return texts


def best_of(repeat: int, fn) -> float:
    """Best CPU time of `repeat` runs: process time, so other jobs on a shared machine barely count."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3000, help="texts per language and kind")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    start = time.perf_counter()
    import spacy  # import time is spaCy's, not ours: reported apart

    import_s = time.perf_counter() - start
    from authentic_nlp.text.hashtags import split_hashtag
    from authentic_nlp.text.lexicon import lexicon
    from authentic_nlp.text.nlp import get_nlp
    from authentic_nlp.text.normalize import normalize

    print(f"import spacy: {import_s:.2f} s")
    for lang in ("it", "en", "und"):
        start = time.perf_counter()
        get_nlp(lang)
        print(f"build get_nlp({lang!r}) cold: {time.perf_counter() - start:.2f} s")
    start = time.perf_counter()
    lexicon()
    print(f"load hashtag word list (first hashtag_parts): {time.perf_counter() - start:.2f} s")

    rows = []
    for lang in ("it", "en"):
        for kind in ("comment", "caption"):
            raw = make_texts(args.n, lang, kind, seed=7)
            clean = [normalize(t) for t in raw]
            nlp = get_nlp(lang)
            n_tokens = sum(len(nlp(t)) for t in clean)  # warm-up and token count
            t_norm = best_of(args.repeat, lambda: [normalize(t) for t in raw])
            t_call = best_of(args.repeat, lambda: [nlp(t) for t in clean])
            t_pipe = best_of(args.repeat, lambda: list(nlp.pipe(clean, batch_size=256)))

            def with_attributes() -> None:
                for doc in nlp.pipe(clean, batch_size=256):
                    for tok in doc:
                        tok._.is_hashtag, tok._.is_emoji, tok._.unelongated, tok._.hashtag_parts

            t_attr = best_of(args.repeat, with_attributes)
            blank = spacy.blank(lang)  # spaCy's own tokenizer, no social rules, no lemmas: the reference
            blank_tokens = sum(len(blank(t)) for t in clean)
            t_blank = best_of(args.repeat, lambda: list(blank.pipe(clean, batch_size=256)))
            rows.append((lang, kind, len(raw), n_tokens, t_norm, t_call, t_pipe, t_attr, blank_tokens / t_blank))

    split_hashtag.cache_clear()
    tags = [f"#{w}" for w in ("cucinaitaliana", "skincareroutine", "ViaggiareLowCost", "outfitdelgiorno",
                             "photooftheday", "collaborazionecommerciale")]
    start = time.perf_counter()
    for tag in tags:
        split_hashtag(tag)
    cold_split = (time.perf_counter() - start) / len(tags)

    header = ("lang", "kind", "texts", "tokens", "normalize texts/s", "nlp(t) texts/s", "nlp(t) tokens/s",
              "pipe texts/s", "pipe tokens/s", "pipe+attrs tokens/s", "blank spaCy tokens/s")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for lang, kind, n, toks, t_norm, t_call, t_pipe, t_attr, blank_rate in rows:
        cells = (lang, kind, n, toks, f"{n / t_norm:,.0f}", f"{n / t_call:,.0f}", f"{toks / t_call:,.0f}",
                 f"{n / t_pipe:,.0f}", f"{toks / t_pipe:,.0f}", f"{toks / t_attr:,.0f}", f"{blank_rate:,.0f}")
        print("| " + " | ".join(str(c) for c in cells) + " |")
    print(f"uncached hashtag split: {cold_split * 1000:.2f} ms per hashtag")


if __name__ == "__main__":
    main()
