"""Cohen's kappa between two independent annotations of corpora/agreement/sample.jsonl, and of each
against the corpus gold labels.

Each annotation file is JSON Lines, one row per sampled caption: {"id": "...", "sincere": 0|1} and,
where the annotator labelled them, "sponsored" (0|1) and "verdict". Every label field present in both
files is compared. Run from the repository root:

    python corpora/agreement/kappa.py                         # annotator_a.jsonl vs annotator_b.jsonl
    python corpora/agreement/kappa.py --markdown              # the same as a table for DATASHEET.md

Rows whose id is not in the sample, duplicated ids and values outside a field's set are reported and
left out (never guessed).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = HERE.parent
FIELDS = {"sincere": {0, 1}, "sponsored": {0, 1},
          "verdict": {"disclosed", "weak_disclosure", "undisclosed", "organic"}}


def cohen_kappa(first: list, second: list) -> float | None:
    """Cohen's kappa of two equally long label lists; None when undefined (no items, or chance is 1)."""
    if not first or len(first) != len(second):
        return None
    n = len(first)
    observed = sum(a == b for a, b in zip(first, second)) / n
    count_a, count_b = Counter(first), Counter(second)
    expected = sum(count_a[label] * count_b[label] for label in set(count_a) | set(count_b)) / (n * n)
    return None if expected == 1 else (observed - expected) / (1 - expected)


def read_annotation(path: Path, sample_ids: set[str], problems: list[str]) -> dict[str, dict]:
    rows: dict[str, dict] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        key = str(row.get("id"))
        if key not in sample_ids:
            problems.append(f"{path.name}:{number}: id {key!r} is not in the sample")
        elif key in rows:
            problems.append(f"{path.name}:{number}: id {key!r} annotated twice, the first kept")
        else:
            rows[key] = {field: row[field] for field in FIELDS if field in row and row[field] in FIELDS[field]}
            bad = [field for field in FIELDS if field in row and row[field] not in FIELDS[field]]
            problems.extend(f"{path.name}:{number}: {field}={row[field]!r} not allowed" for field in bad)
    return rows


def gold_labels(ids: set[str]) -> dict[str, dict]:
    gold: dict[str, dict] = {}
    for path in sorted(CORPORA.glob("*/batch_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                post = json.loads(line)
                if post["id"] in ids:
                    gold[post["id"]] = {field: post["labels"][field] for field in FIELDS if field in post["labels"]}
    return gold


def compare(name: str, left: dict[str, dict], right: dict[str, dict]) -> list[tuple]:
    """(pair, field, n, agreement, kappa) for every field both sides labelled."""
    out = []
    for field in FIELDS:
        ids = sorted(k for k in left.keys() & right.keys() if field in left[k] and field in right[k])
        if ids:
            a = [left[k][field] for k in ids]
            b = [right[k][field] for k in ids]
            out.append((name, field, len(ids), sum(x == y for x, y in zip(a, b)) / len(ids), cohen_kappa(a, b)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--a", type=Path, default=HERE / "annotator_a.jsonl")
    parser.add_argument("--b", type=Path, default=HERE / "annotator_b.jsonl")
    parser.add_argument("--sample", type=Path, default=HERE / "sample.jsonl")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args(argv)
    for path in (args.a, args.b, args.sample):
        if not path.exists():
            print(f"missing: {path}", file=sys.stderr)
            return 2
    sample = [json.loads(line) for line in args.sample.read_text(encoding="utf-8").splitlines() if line.strip()]
    sample_ids = {row["id"] for row in sample}
    problems: list[str] = []
    first = read_annotation(args.a, sample_ids, problems)
    second = read_annotation(args.b, sample_ids, problems)
    gold = gold_labels(sample_ids)
    rows = compare("A vs B", first, second) + compare("A vs gold", first, gold) + compare("B vs gold", second, gold)
    both_supplement = {k: v for k, v in first.items() if k.split("-")[1].startswith("8")}
    rows += [("A vs B, supplement",) + r[1:] for r in compare("", both_supplement, second)]
    if args.markdown:
        print("| pair | label | n | agreement | Cohen's kappa |\n|---|---|---:|---:|---:|")
    for pair, field, n, agreement, kappa in rows:
        kappa_text = "undefined" if kappa is None else f"{kappa:.3f}"
        if args.markdown:
            print(f"| {pair} | {field} | {n} | {agreement:.1%} | {kappa_text} |")
        else:
            print(f"{pair:22s} {field:10s} n={n:4d} agreement={agreement:.3f} kappa={kappa_text}")
    for problem in problems:
        print("note:", problem, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
