"""The golden outputs: what the analyzer says on the sample data and on the corpora test split.

    python bench/golden.py --write      # record them (after a change that alters outputs on purpose)
    python bench/golden.py              # compare the current code with the recorded file; exit 1 on a difference

`tests/golden/test_golden.py` runs the comparison. The file (`tests/golden/golden.json`) keeps
the sample's records whole (8 posts: readable diffs) and, for each post of the corpora test split
(posts of unseen creators, `learn.splits`), the sha256 of its record with every float taken out
plus the floats themselves, in order.

Tolerance: every string, integer, boolean, null and key must be equal (byte for byte, through the
sha256); a float may differ by at most FLOAT_TOLERANCE. The output rounds its floats to 4 decimals,
and the learned model's forward pass (numpy at scoring time, torch at training time) agrees with
torch to about 1e-7, which can move a rounded value by one unit in the 4th decimal, never more.

Records are produced with `Analyzer.analyze_posts` on chunks of CHUNK posts, as `authentic-nlp
score` does (`engine/runner.py`), with the shipped model and default options.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "golden.json"
SAMPLE = ROOT / "corpora" / "sample" / "posts.jsonl"
CORPORA = ROOT / "corpora"
FLOAT_TOLERANCE = 1.5e-4
CHUNK = 64


def sample_posts() -> list[dict[str, Any]]:
    with open(SAMPLE, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def test_split_posts() -> list[dict[str, Any]]:
    """The corpora test split's posts, in file order (the annotation `labels` left out)."""
    from authentic_nlp.learn.corpus import batch_files, read_posts
    from authentic_nlp.learn.splits import split_of

    posts = []
    for raw in read_posts(batch_files(CORPORA)):
        if split_of(raw.get("creator") or "", str(raw.get("id", ""))) == "test":
            post = {k: v for k, v in raw.items() if k != "labels"}
            post["comments"] = [{k: v for k, v in c.items() if k != "labels"} for c in raw.get("comments") or []]
            posts.append(post)
    return posts


def score(raws: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from authentic_nlp.pipeline import Analyzer
    from authentic_nlp.schema import parse_post

    analyzer = Analyzer()
    posts = [parse_post(raw) for raw in raws]
    batch = getattr(analyzer, "analyze_posts", None)
    out: list[dict[str, Any]] = []
    for i in range(0, len(posts), CHUNK):
        chunk = posts[i:i + CHUNK]
        out.extend(batch(chunk) if batch is not None else [analyzer.analyze_post(p) for p in chunk])
    # a JSON round trip: what the writers put on disk (tuples become lists, keys stay in order)
    return [json.loads(json.dumps(r, ensure_ascii=False)) for r in out]


def split_floats(value: Any, floats: list[float]) -> Any:
    """`value` with every float replaced by a placeholder (appended to `floats`, in order)."""
    if isinstance(value, float):
        floats.append(value)
        return "<float>"
    if isinstance(value, dict):
        return {k: split_floats(v, floats) for k, v in value.items()}
    if isinstance(value, list):
        return [split_floats(v, floats) for v in value]
    return value


def fingerprint(record: dict[str, Any]) -> dict[str, Any]:
    floats: list[float] = []
    skeleton = split_floats(record, floats)
    text = json.dumps(skeleton, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return {"id": record.get("id"), "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "floats": floats}


def build() -> dict[str, Any]:
    return {
        "about": "bench/golden.py --write records this file; tests/golden/test_golden.py compares with it",
        "float_tolerance": FLOAT_TOLERANCE,
        "sample": score(sample_posts()),
        "test_split": [fingerprint(r) for r in score(test_split_posts())],
    }


def _differences(path: str, old: Any, new: Any) -> Iterator[str]:
    if isinstance(old, float) and isinstance(new, float):
        if abs(old - new) > FLOAT_TOLERANCE:
            yield f"{path}: {old!r} -> {new!r}"
    elif isinstance(old, dict) and isinstance(new, dict):
        if list(old) != list(new):
            yield f"{path}: keys {list(old)} -> {list(new)}"
        for key in old:
            if key in new:
                yield from _differences(f"{path}.{key}", old[key], new[key])
    elif isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            yield f"{path}: {len(old)} items -> {len(new)}"
        for i, (a, b) in enumerate(zip(old, new)):
            yield from _differences(f"{path}[{i}]", a, b)
    elif type(old) is not type(new) or old != new:
        yield f"{path}: {old!r} -> {new!r}"


def compare(golden: dict[str, Any], current: dict[str, Any]) -> list[str]:
    """Every difference between two golden sets, as readable lines (empty: the same outputs)."""
    out = list(_differences("sample", golden["sample"], current["sample"]))
    old, new = golden["test_split"], current["test_split"]
    if [r["id"] for r in old] != [r["id"] for r in new]:
        return out + ["test_split: a different list of posts (the corpora changed: rerun --write)"]
    for a, b in zip(old, new):
        if a["sha256"] != b["sha256"]:
            out.append(f"test_split {a['id']}: the record differs beyond its floats")
        elif len(a["floats"]) != len(b["floats"]):
            out.append(f"test_split {a['id']}: {len(a['floats'])} floats -> {len(b['floats'])}")
        else:
            out += [f"test_split {a['id']} float #{i}: {x!r} -> {y!r}"
                    for i, (x, y) in enumerate(zip(a["floats"], b["floats"])) if abs(x - y) > FLOAT_TOLERANCE]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="record the current outputs as the golden file")
    parser.add_argument("--path", type=Path, default=GOLDEN)
    args = parser.parse_args(argv)
    sys.path.append(str(ROOT))   # PYTHONPATH, where given, picks the code to run
    current = build()
    if args.write:
        args.path.parent.mkdir(parents=True, exist_ok=True)
        args.path.write_text(json.dumps(current, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.path}: {len(current['sample'])} sample records, {len(current['test_split'])} test-split records")
        return 0
    problems = compare(json.loads(args.path.read_text(encoding="utf-8")), current)
    for line in problems[:50]:
        print(line)
    print(f"{len(problems)} differences" if problems else "same outputs")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
