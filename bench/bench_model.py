"""Speed of the learned model on CPU, one process: texts per second, features included.

    python bench/bench_model.py                      # the shipped model, texts from corpora/
    python bench/bench_model.py --model DIR --rounds 5 --threads 1

Texts are the corpora's captions and comments (normalized, as the analyzers pass them), cycled to
--texts. Three figures: captions in batches of --batch, comments in batches of --batch (how
`evaluate` and batch scoring call it), and the per-post pattern of the analyzers (one caption call
+ one call for the post's comments). The feature cache is cleared before each round, so repeated
words are only cached within a round, as in a real run over new data.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--corpora", type=Path, default=REPO / "corpora")
    parser.add_argument("--texts", type=int, default=4000)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=None, help="torch threads (default: torch's own)")
    args = parser.parse_args()

    import torch

    from authentic_nlp.learn import features
    from authentic_nlp.learn.corpus import load_corpus
    from authentic_nlp.learn.predictor import load_model_dir
    from authentic_nlp.learn.shipped import default_model_path

    if args.threads:
        torch.set_num_threads(args.threads)
    path = args.model or default_model_path()
    if path is None:
        sys.exit("no model: pass --model DIR or train one with `authentic-nlp train -o models/authentic-small`")
    predictor = load_model_dir(path)
    corpus = load_corpus(args.corpora)
    captions = [c.text for c in corpus.captions]
    comments = [c.text for c in corpus.comments]
    cap = (captions * (args.texts // max(1, len(captions)) + 1))[: args.texts]
    com = (comments * (args.texts // max(1, len(comments)) + 1))[: args.texts]
    posts = _posts(corpus, args.texts)

    print(f"model {path} ({_size_mb(path):.1f} MB on disk), torch threads {torch.get_num_threads()}, "
          f"cpus {os.cpu_count()}, {len(cap)} texts a run")
    print("| pattern | texts/s (median of rounds) | ms per 1,000 texts |\n|---|---|---|")
    for name, run, n in [
        (f"captions, batches of {args.batch}", lambda: _batched(predictor.predict_captions, cap, args.batch), len(cap)),
        (f"comments, batches of {args.batch}", lambda: _batched(predictor.predict_comments, com, args.batch), len(com)),
        ("per post: caption + its comments", lambda: _per_post(predictor, posts), sum(1 + len(c) for _t, c in posts)),
    ]:
        rates = []
        for _ in range(args.rounds):
            features._word_cache.cache_clear()
            start = time.perf_counter()
            run()
            rates.append(n / (time.perf_counter() - start))
        rate = statistics.median(rates)
        print(f"| {name} | {rate:,.0f} | {1000 * 1000 / rate:,.1f} |")


def _batched(fn, texts, size):
    for i in range(0, len(texts), size):
        fn(texts[i:i + size])


def _per_post(predictor, posts):
    for caption, comments in posts:
        predictor.predict_captions([caption])
        if comments:
            predictor.predict_comments(comments)


def _posts(corpus, limit):
    by_post: dict[str, list[str]] = {}
    for c in corpus.comments:
        by_post.setdefault(c.post_id, []).append(c.text)
    out, n = [], 0
    while n < limit:
        for caption in corpus.captions:
            comments = by_post.get(caption.post_id, [])
            out.append((caption.text, comments))
            n += 1 + len(comments)
            if n >= limit:
                break
    return out


def _size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in Path(path).iterdir() if f.is_file()) / 2 ** 20


if __name__ == "__main__":
    main()
