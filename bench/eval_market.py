"""Market inference on the project's own corpora: the `market` each post was written for is hidden,
then inferred from the caption (`markets/infer.py`) and, per creator, by the vote of the creator's
posts with evidence (`analyzers/market_creator.py`).

    python bench/eval_market.py                 # every split, per gold market
    python bench/eval_market.py --split test    # one split
    python bench/eval_market.py --show 20       # list wrong posts
    python bench/eval_market.py --speed         # CPU time of infer_market per caption (best of 5 passes)

The caption language is the corpus's (the post id's prefix), as the analyzer's language stage would
give on these texts. Nothing is fitted here: the cue weights and thresholds were set by hand in
`markets/market_cues.yaml` and `markets/infer.py` before this was first run.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from authentic_nlp.analyzers.market_creator import creator_vote  # noqa: E402
from authentic_nlp.learn.corpus import batch_files, read_posts  # noqa: E402
from authentic_nlp.learn.splits import split_of  # noqa: E402
from authentic_nlp.markets.infer import infer_market  # noqa: E402
from authentic_nlp.text.normalize import normalize  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=ROOT / "corpora")
    parser.add_argument("--split", choices=("train", "dev", "test"))
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--speed", action="store_true")
    args = parser.parse_args()
    if args.speed:
        return speed(args.corpora)
    rows = []
    for post in read_posts(batch_files(args.corpora)):
        lang = str(post.get("id", "")).split("-", 1)[0]
        if True:
            if post.get("market") and (args.split is None or split_of(post.get("creator") or "", post["id"]) == args.split):
                choice = infer_market(normalize(post.get("text") or ""), lang)
                rows.append({"id": post["id"], "creator": post.get("creator") or "", "gold": post["market"],
                             "lang": lang, "post": choice.code, "source": choice.source, "text": post.get("text") or ""})
    by_creator = defaultdict(list)
    for row in rows:
        by_creator[row["creator"]].append(row)
    for group in by_creator.values():
        vote = creator_vote([{"sponsorship": {"market": r["post"], "market_source": r["source"]}} for r in group])
        for r in group:
            r["final"] = vote[0] if vote and r["source"] == "default" else r["post"]
    print(f"{len(rows)} posts, {len(by_creator)} creators, split {args.split or 'all'}")
    print("gold  posts  before (it/us by language)  per post right  inferred  default  with creator vote right")
    for gold in ("it", "us", "uk"):
        sub = [r for r in rows if r["gold"] == gold]
        if not sub:
            continue
        right = sum(r["post"] == gold for r in sub)
        final = sum(r["final"] == gold for r in sub)
        inferred = sum(r["source"] == "inferred" for r in sub)
        before = sum(("it" if r["lang"] == "it" else "us") == gold for r in sub)
        print(f"{gold:4}  {len(sub):5}  {before:5} ({before / len(sub):.1%})            {right:5} ({right / len(sub):.1%})  {inferred:8}  {len(sub) - inferred:7}  "
              f"{final:5} ({final / len(sub):.1%})")
    right = sum(r["final"] == r["gold"] for r in rows)
    before = sum(("it" if r["lang"] == "it" else "us") == r["gold"] for r in rows)
    print(f"all   {len(rows):5}  before {before} ({before / len(rows):.1%}), per post {sum(r['post'] == r['gold'] for r in rows)}, "
          f"with the vote {right} ({right / len(rows):.1%})")
    print("confusion (gold -> final):", dict(sorted(Counter((r["gold"], r["final"]) for r in rows).items())))
    for r in [r for r in rows if r["final"] != r["gold"]][:args.show]:
        print(f"\n{r['id']} gold {r['gold']} got {r['final']} ({r['source']}): {r['text'][:160]!r}")


def speed(corpora: Path) -> None:
    """CPU time of `infer_market` per caption, with the folded text and its words given (as the
    sponsorship stage gives them: it folds once for both the market and the rules)."""
    import time

    from authentic_nlp.markets.infer import load_market_cues
    from authentic_nlp.markets.loader import WORD, fast_fold

    rows = []
    for post in read_posts(batch_files(corpora)):
        text = normalize(post.get("text") or "")
        folded = fast_fold(text)
        rows.append((text, str(post.get("id", "")).split("-", 1)[0], folded, set(WORD.findall(folded))))
    load_market_cues()
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        for text, lang, folded, words in rows:
            infer_market(text, lang, None, folded, words)
        best = min(best, (time.process_time() - start) / len(rows))
    print(f"{len(rows)} captions, mean {sum(len(r[0]) for r in rows) / len(rows):.0f} characters: "
          f"infer_market {best * 1e6:.1f} µs CPU per caption (best of 5 passes)")


if __name__ == "__main__":
    main()
