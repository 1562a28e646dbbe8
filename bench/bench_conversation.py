"""Speed of comment typing and of the conversation metrics, on synthetic threads of 10, 100 and 1,000 comments.

    python bench/bench_conversation.py [--repeat 5]

Prints comments/s for typing (on already analysed comments, and with the analysis included) and,
per thread size, the time of the reply tree + metrics + pod signals per comment: a flat column means
cost linear in thread size (reply inference indexes comments by author; nothing is pairwise).
The threads are generated from a few hand-written comments with a fixed seed.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from authentic_nlp.analyzers import comments as comments_stage  # noqa: E402
from authentic_nlp.analyzers import conversation as conversation_stage  # noqa: E402
from authentic_nlp.analyzers.conversation import conversation_metrics  # noqa: E402
from authentic_nlp.analyzers.thread import build_thread  # noqa: E402
from authentic_nlp.pipeline import AnalysisOptions, Analyzer, PostContext  # noqa: E402
from authentic_nlp.record import empty_record  # noqa: E402
from authentic_nlp.schema import Comment, Post  # noqa: E402

# fmt: off
AUDIENCE = ["bellissima 😍", "dove l'hai preso?", "which shade is this?", "🔥🔥🔥", "check my page",
            "la ricetta di ieri mi è venuta benissimo, grazie", "love the colour", "quanto costa?",
            "@amica guarda", "the second look is my favourite", "info prezzo", "wow"]
CREATOR = ["grazie ❤️", "da Zara, in saldo", "it's Rosewood", "sul blog!", "🙏"]
# fmt: on
T0 = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)


def synthetic_post(n: int, seed: int = 7) -> Post:
    rng = random.Random(seed + n)
    authors = [f"user{i}" for i in range(max(3, n // 3))]
    out, previous = [], []
    for i in range(n):
        if previous and rng.random() < 0.3:
            text, author = f"@{rng.choice(previous)} {rng.choice(CREATOR)}", "crea"
        else:
            author = rng.choice(authors)
            text = rng.choice(AUDIENCE)
            previous.append(author)
        out.append(Comment(id=f"c{i}", text=text, author=author, created_at=T0 + timedelta(seconds=30 * i)))
    return Post(id=f"bench{n}", text="Nuovo look / new look", creator="crea", created_at=T0, comments=out)


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    analyzer = Analyzer()
    options = AnalysisOptions()
    type_stage, conv_stage = comments_stage.build(options), conversation_stage.build(options)
    print("| comments | analyse (normalize, langid, tokenize) c/s | typing c/s | tree + metrics + pods µs/comment | total ms |")
    print("|---|---|---|---|---|")
    for n in (10, 100, 1000):
        post = synthetic_post(n)
        analysed = [analyzer.analyze_text(c.text) for c in post.comments]
        t_analyse = best_of(1, lambda: [analyzer.analyze_text(c.text) for c in post.comments])
        caption = analyzer.analyze_text(post.text)

        def fresh() -> PostContext:
            return PostContext(post=post, caption=caption, comments=analysed, record=empty_record(post))

        ctx = fresh()
        t_type = best_of(args.repeat, lambda: type_stage(ctx))
        t_conv = best_of(args.repeat, lambda: conv_stage(ctx))
        print(f"| {n:,} | {n / t_analyse:,.0f} | {n / t_type:,.0f} | {1e6 * t_conv / n:,.1f} | "
              f"{1e3 * (t_analyse + t_type + t_conv):,.1f} |")
    print("\nReply tree and metrics alone (types given), to show the scaling further:\n")
    print("| comments | ms | µs/comment |\n|---|---|---|")
    for n in (10, 100, 1000, 10000):
        post = synthetic_post(n)
        texts = [c.text for c in post.comments]
        types = ["generic", "question", "substantive", "spam"] * (n // 4 + 1)

        def tree_and_metrics() -> None:
            thread = build_thread(post.comments, texts, post.creator)
            conversation_metrics(thread, types, {}, post.creator)

        t = best_of(args.repeat, tree_and_metrics)
        print(f"| {n:,} | {1e3 * t:,.2f} | {1e6 * t / n:,.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
