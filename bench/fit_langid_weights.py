"""Grid over language-id constants on our own texts only: the three dev sets and the corpora comments.

    python bench/fit_langid_weights.py                                   # LINGUA_WEIGHT 0.5-3
    python bench/fit_langid_weights.py --grid LINGUA_WEIGHT=1,2 --grid FASTTEXT_WEIGHT=0.3,0.5,0.7

Counts the wrong codes per group for every combination of the values given:
    dev      the rows of bench/langid_dev*.tsv (a mixed row is right with either of it/en)
    corpus   every labelled corpus comment read alone (as the real sets give texts: no context)
    context  the same comments with their post's language (as `score` reads them)
The two corpus groups hold the same texts, so their counts are not independent. Nothing from
../shared/data is read. The detectors' readings are cached for the whole run, so a combination
costs about a second.
"""

from __future__ import annotations

import argparse
import collections
import functools
import itertools
import json
from pathlib import Path

import authentic_nlp.text.langid as langid
from authentic_nlp.text.normalize import normalize
from bench_langid import read_dev

ROOT = Path(__file__).resolve().parents[1]


def dev_rows() -> list[tuple[str, str, langid.LanguageResult | None, str, bool]]:
    rows = []
    for path in sorted((ROOT / "bench").glob("langid_dev*.tsv")):
        for lang, mixed, context, text in read_dev(path):
            ctx = None if context == "-" else langid.LanguageResult(context, 0.98)
            rows.append(("dev", lang, ctx, normalize(text), mixed == "1"))
    return rows


def corpus_rows() -> list[tuple[str, str, langid.LanguageResult | None, str, bool]]:
    rows = []
    for path in sorted((ROOT / "corpora").glob("*/batch_*.jsonl")):
        for line in path.open(encoding="utf-8"):
            post = json.loads(line)
            post_language = langid.identify(normalize(post["text"]))
            for comment in post.get("comments", []):
                text, gold = normalize(comment["text"]), comment["labels"]["language"]
                rows.append(("corpus", gold, None, text, False))
                rows.append(("context", gold, post_language, text, False))
    return rows


def errors(scans) -> collections.Counter:
    out = collections.Counter()
    for group, gold, context, scan, mixed in scans:
        code = langid._decide(scan, context).code
        out[group] += not (code in ("it", "en") if mixed else code == gold)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grid", action="append", default=[], metavar="NAME=V1,V2",
                        help="a constant of authentic_nlp.text.langid and the values to try")
    args = parser.parse_args()
    grid = dict(item.split("=", 1) for item in args.grid) or {"LINGUA_WEIGHT": "0.5,0.75,1,1.5,2,2.5,3"}
    for name in grid:
        if not hasattr(langid, name):
            parser.error(f"authentic_nlp.text.langid has no constant {name}")
    # keep every reading for the whole run (the shipped caches hold 8,192 texts)
    langid.fasttext_read = functools.lru_cache(None)(langid.fasttext_read.__wrapped__)
    langid.lingua_probabilities = functools.lru_cache(None)(langid.lingua_probabilities.__wrapped__)
    lexicon = langid.lexicon()
    scans = [(g, gold, ctx, lexicon.scan(text), mixed) for g, gold, ctx, text, mixed in dev_rows() + corpus_rows()]
    sizes = collections.Counter(g for g, *_ in scans)
    print("texts: " + ", ".join(f"{g} {n}" for g, n in sizes.items()))
    print("| " + " | ".join(grid) + " | dev | corpus | context | total |")
    print("|" + "---|" * (len(grid) + 4))
    for values in itertools.product(*([float(v) for v in vals.split(",")] for vals in grid.values())):
        for name, value in zip(grid, values):
            setattr(langid, name, value)
        langid._log_priors.cache_clear()
        wrong = errors(scans)
        print("| " + " | ".join(f"{v:g}" for v in values) + f" | {wrong['dev']} | {wrong['corpus']} | "
              f"{wrong['context']} | {sum(wrong.values())} |", flush=True)


if __name__ == "__main__":
    main()
