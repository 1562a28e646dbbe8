"""Scoring speed of captions through the spaCy components against the plain API path: prints a table.

    taskset -c 1 python bench/bench_spacy.py [--n 600] [--repeat 5]

Texts: the captions of corpora/it and corpora/en (written for this project), the first `--n` of
each language, scored as posts without comments. Paths compared (each warmed up once: rules,
cue data and the model loaded, caches filled):

- `api`: `analyze_posts(records, creator_signals=False)`, the public API (one Analyzer, every stage);
- `spacy, per language`: `nlp.pipe(texts)` of `components.blank(lang)` (language, sponsorship,
  sincerity) for each language's texts: the Doc's tokens are the batch path's, used as they are;
- `spacy, one pipeline`: one `blank("it")` pipeline for all texts: English ones are tokenized a
  second time with the batch path's English rules (doc_state.text_analysis).

Each figure is the best of `--repeat` runs in CPU seconds of this process (time.process_time, so
other jobs on a shared machine barely count); pin the process to one core (`taskset -c 1`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

# Run from a source checkout without installing: the repository root goes first on the path.
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_text import best_of  # noqa: E402  (the scripts' folder is on the path when run as a script)


def captions(lang: str, n: int) -> list[str]:
    out: list[str] = []
    for path in sorted((ROOT / "corpora" / lang).glob("batch_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["text"])
    return out[:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=600, help="captions per language")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from authentic_nlp import analyze_posts
    from authentic_nlp.components import blank

    texts = {lang: captions(lang, args.n) for lang in ("it", "en")}
    everything = texts["it"] + texts["en"]
    records = [{"id": str(i), "text": t} for i, t in enumerate(everything)]
    pipelines = {lang: blank(lang) for lang in ("it", "en")}

    def api() -> None:
        for _ in analyze_posts(records, creator_signals=False):
            pass

    def per_language() -> None:
        for lang, nlp in pipelines.items():
            for _ in nlp.pipe(texts[lang]):
                pass

    def one_pipeline() -> None:
        for _ in pipelines["it"].pipe(everything):
            pass

    paths = [("api: analyze_posts", api), ("spacy, per language", per_language), ("spacy, one pipeline", one_pipeline)]
    for _, fn in paths:
        fn()  # warm-up
    rows = [(name, best_of(args.repeat, fn)) for name, fn in paths]
    base = rows[0][1]
    print(f"{len(everything)} captions ({len(texts['it'])} it, {len(texts['en'])} en), best of {args.repeat}, CPU s")
    print(f"{'path':<24} {'seconds':>8} {'texts/s':>9} {'vs api':>8}")
    for name, seconds in rows:
        print(f"{name:<24} {seconds:8.3f} {len(everything) / seconds:9.0f} {100 * (seconds / base - 1):+7.1f}%")


if __name__ == "__main__":
    main()
