"""Synthetic posts with comments for the throughput and memory benchmark (bench/bench_score.py).

    python bench/generate.py 10000 -o bench/out/posts_10000.jsonl [--seed 7]

Seeded and streamed: the same size and seed give the same bytes, and nothing is held in memory.
Shapes follow real posts: a caption of 50 to 600 characters, Italian or English (about one in ten
mixes in sentences of the other language), with hashtags and emoji; 0 to 40 comments, skewed
towards few (most posts get a handful, some get dozens); a third of the comments get a creator reply
that starts with @handle and names `reply_to`. Text comes from the hand-written fragments in
bench/fragments.yaml. This is load, not labelled data: nothing here measures accuracy.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any, Iterator

import yaml

FRAGMENTS = Path(__file__).with_name("fragments.yaml")
CAPTION_CHARS = (50, 600)
MAX_COMMENTS = 40


def _caption(rng: random.Random, data: dict[str, Any], lang: str) -> str:
    target = rng.randint(*CAPTION_CHARS)
    other = "en" if lang == "it" else "it"
    mixed = rng.random() < 0.1
    parts: list[str] = []
    length = 0
    while length < target:
        source = other if mixed and rng.random() < 0.3 else lang
        roll = rng.random()
        if roll < 0.12:
            piece = rng.choice(data[source]["hashtag"])
        elif roll < 0.2:
            piece = rng.choice(data["emoji"]) * rng.randint(1, 3)
        else:
            piece = rng.choice(data[source]["caption"])
        parts.append(piece)
        length += len(piece) + 1
    text = " ".join(parts)
    if len(text) > CAPTION_CHARS[1]:
        text = text[: CAPTION_CHARS[1]].rsplit(" ", 1)[0]
    return text if len(text) >= CAPTION_CHARS[0] else (text + " " + rng.choice(data[lang]["caption"]))[: CAPTION_CHARS[1]]


def _comments(rng: random.Random, data: dict[str, Any], lang: str, creator: str) -> list[dict[str, Any]]:
    count = int(MAX_COMMENTS * rng.random() ** 2.2 + 0.5)
    comments: list[dict[str, Any]] = []
    for n in range(count):
        author = f"fan_{rng.randint(1, 5000)}"
        roll = rng.random()
        if roll < 0.15:
            text = "".join(rng.choice(data["emoji"]) for _ in range(rng.randint(1, 4)))
        else:
            source = lang if rng.random() < 0.85 else ("en" if lang == "it" else "it")
            text = rng.choice(data[source]["comment"])
            if rng.random() < 0.3:
                text += " " + rng.choice(data["emoji"])
        cid = f"c{n}"
        comments.append({"id": cid, "text": text, "author": author, "likes": rng.randint(0, 50)})
        if rng.random() < 0.33:
            reply = f"@{author} {rng.choice(data[lang]['reply'])}"
            comments.append({"id": f"{cid}r", "text": reply, "author": creator, "reply_to": cid})
    return comments[: MAX_COMMENTS]


def generate(count: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    data = yaml.safe_load(FRAGMENTS.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    for n in range(count):
        lang = "it" if rng.random() < 0.55 else "en"
        creator = f"creator_{rng.randint(1, 800)}"
        yield {
            "id": f"p{n:07d}",
            "text": _caption(rng, data, lang),
            "platform": rng.choice(("instagram", "tiktok", "youtube")),
            "creator": creator,
            "followers": rng.randint(500, 2_000_000),
            "created_at": 1_767_225_600 + n * 97,
            "likes": rng.randint(0, 20_000),
            "comments": _comments(rng, data, lang, creator),
        }


def write(path: Path, count: int, seed: int = 7) -> dict[str, int]:
    """Write `count` posts to `path` (JSON Lines); return the number of posts and texts."""
    path.parent.mkdir(parents=True, exist_ok=True)
    texts = 0
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for post in generate(count, seed):
            texts += 1 + len(post["comments"])
            handle.write(json.dumps(post, ensure_ascii=False, separators=(",", ":")) + "\n")
    return {"posts": count, "texts": texts}


POST_COLUMNS = ("id", "text", "platform", "creator", "followers", "created_at", "likes")
COMMENT_COLUMNS = ("post_id", "id", "text", "author", "reply_to", "likes")


def split_to_csv(source: Path, posts_csv: Path, comments_csv: Path) -> None:
    """The same posts as two CSV files: posts without comments, and one comment a row with post_id
    (the `--comments` layout). Streamed line by line."""
    import csv

    with open(source, encoding="utf-8") as lines, \
            open(posts_csv, "w", encoding="utf-8", newline="") as p_handle, \
            open(comments_csv, "w", encoding="utf-8", newline="") as c_handle:
        posts, comments = csv.writer(p_handle, lineterminator="\n"), csv.writer(c_handle, lineterminator="\n")
        posts.writerow(POST_COLUMNS)
        comments.writerow(COMMENT_COLUMNS)
        for line in lines:
            post = json.loads(line)
            posts.writerow(["" if post.get(k) is None else post[k] for k in POST_COLUMNS])
            for comment in post["comments"]:
                row = dict(comment, post_id=post["id"])
                comments.writerow(["" if row.get(k) is None else row[k] for k in COMMENT_COLUMNS])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    stats = write(args.output, args.count, args.seed)
    print(f"{args.output}: {stats['posts']} posts, {stats['texts']} texts", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
