"""Print the DATASHEET tables for corpora/it and corpora/en (run from the repository root).

`--update corpora/DATASHEET.md` rewrites the tables in place, between the two marker comments.
"""
import collections, contextlib, glob, io, json, sys
from authentic_nlp.learn.splits import split_of

LANGS = ("it", "en")
posts = {l: [json.loads(x) for f in sorted(glob.glob(f"corpora/{l}/batch_*.jsonl")) for x in open(f, encoding="utf-8")]
         for l in LANGS}

def table(title, rows, keys=None):
    keys = keys or sorted({k for l in LANGS for k in rows[l]}, key=str)
    print(f"\n| {title} | " + " | ".join(LANGS) + " |\n|---|" + "---:|" * len(LANGS))
    for k in keys:
        print(f"| {k} | " + " | ".join(f"{rows[l].get(k, 0)} ({100 * rows[l].get(k, 0) / max(1, sum(rows[l].values())):.0f}%)"
                                     for l in LANGS) + " |")

def count(fn, over="posts"):
    out = {}
    for l in LANGS:
        items = posts[l] if over == "posts" else [(p, c) for p in posts[l] for c in p.get("comments", [])]
        out[l] = collections.Counter(fn(i) for i in items)
    return out

def length_bucket(n):
    return next(b for lim, b in [(40, "a <40"), (125, "b 40-124"), (500, "c 125-499"), (1000, "d 500-999"),
                                 (10**9, "e >=1000")] if n < lim)

def follower_bucket(n):
    return next(b for lim, b in [(1000, "a <1k"), (10000, "b 1k-10k"), (100000, "c 10k-100k"),
                                 (1000000, "d 100k-1M"), (10**12, "e >=1M")] if n < lim)

def main():
    print("| totals | " + " | ".join(LANGS) + " |\n|---|" + "---:|" * len(LANGS))
    for name, fn in [("captions", lambda ps: len(ps)), ("comments", lambda ps: sum(len(p["comments"]) for p in ps)),
                     ("creators", lambda ps: len({p["creator"] for p in ps})),
                     ("comments by the creator", lambda ps: sum(c["author"] == p["creator"] for p in ps for c in p["comments"])),
                     ("posts without comments", lambda ps: sum(not p["comments"] for p in ps)),
                     ("creators who never reply", lambda ps: sum(1 for cr in {p["creator"] for p in ps}
                       if not any(c["author"] == cr for p in ps if p["creator"] == cr for c in p["comments"]))),
                     ("comments of 1-4 words", lambda ps: sum(len(c["text"].split()) <= 4 for p in ps for c in p["comments"])),
                     ("caption chars min / median / max", lambda ps: "{} / {} / {}".format(
                         *(lambda s: (s[0], s[len(s) // 2], s[-1]))(sorted(len(p["text"]) for p in ps))))]:
        print(f"| {name} | " + " | ".join(str(fn(posts[l])) for l in LANGS) + " |")
    table("platform", count(lambda p: p["platform"]))
    table("market", count(lambda p: p["market"]))
    table("niche", count(lambda p: p["niche"]))
    table("sponsored / sincere", count(lambda p: f"sponsored={p['labels']['sponsored']} sincere={p['labels']['sincere']}"))
    table("verdict", count(lambda p: p["labels"]["verdict"]))
    table("verdict x market", count(lambda p: f"{p['market']} {p['labels']['verdict']}"))
    table("hard", count(lambda p: str(p["labels"]["hard"])))
    table("caption length (chars)", count(lambda p: length_bucket(len(p["text"]))))
    table("followers", count(lambda p: follower_bucket(p["followers"])))
    table("posts per creator", {l: collections.Counter(collections.Counter(
        p["creator"] for p in posts[l]).values()) for l in LANGS})
    table("comment type", count(lambda pc: pc[1]["labels"]["type"], over="comments"))
    table("comment type (creator replies)", {l: collections.Counter(c["labels"]["type"] for p in posts[l]
          for c in p["comments"] if c["author"] == p["creator"]) for l in LANGS})
    langs = count(lambda pc: pc[1]["labels"]["language"], over="comments")
    table("comment language", langs, keys=sorted({k for l in LANGS for k in langs[l]},
                                                 key=lambda k: (-sum(langs[l].get(k, 0) for l in LANGS), k)))
    split = lambda p: split_of(p["creator"], p["id"])
    table("split: captions", count(split))
    table("split: comments", {l: collections.Counter(split(p) for p in posts[l] for _ in p["comments"]) for l in LANGS})
    table("split: creators", {l: collections.Counter(split_of(cr) for cr in {p["creator"] for p in posts[l]}) for l in LANGS})
    for s in ("train", "dev", "test"):
        table(f"{s}: sponsored / sincere", {l: collections.Counter(
            f"sponsored={p['labels']['sponsored']} sincere={p['labels']['sincere']}" for p in posts[l] if split(p) == s) for l in LANGS})


START, END = "<!-- tables:start -->", "<!-- tables:end -->"
if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--update":
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            main()
        text = open(sys.argv[2], encoding="utf-8").read()
        before, _, rest = text.partition(START)
        _, _, after = rest.partition(END)
        open(sys.argv[2], "w", encoding="utf-8").write(before + START + "\n" + buf.getvalue() + END + after)
    else:
        main()
