"""Draw the inter-annotator agreement sample: corpora/agreement/sample.jsonl (id + text only, no labels).

All captions of the real-register supplement (en batches 111-112, it batches 110-111) plus a fixed-seed draw of
the older batches, half English and half Italian, shuffled with a fixed seed. Run from the repository
root: `python corpora/agreement/make_sample.py` (the same files give the same sample, byte for byte).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 15
OLDER_PER_LANGUAGE = 70
SUPPLEMENT_BATCHES = {"en": (111, 112), "it": (110, 111)}  # the supplement as sampled; later batches stay out
CORPORA = Path(__file__).resolve().parents[1]


def captions(lang: str) -> tuple[list[dict], list[dict]]:
    """(supplement, older) captions of one language, as {"id", "text"} rows in file order."""
    supplement, older = [], []
    for path in sorted((CORPORA / lang).glob("batch_*.jsonl")):
        number = int(path.stem.split("_")[1])
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        if number in SUPPLEMENT_BATCHES[lang]:
            target = supplement
        elif number < min(SUPPLEMENT_BATCHES[lang]):
            target = older
        else:
            continue
        target.extend({"id": row["id"], "text": row["text"]} for row in rows if row.get("text"))
    return supplement, older


def main() -> None:
    rng = random.Random(SEED)
    sample: list[dict] = []
    for lang in ("en", "it"):
        supplement, older = captions(lang)
        sample.extend(supplement)
        sample.extend(rng.sample(older, OLDER_PER_LANGUAGE))
    rng.shuffle(sample)
    out = Path(__file__).with_name("sample.jsonl")
    out.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in sample), encoding="utf-8")


if __name__ == "__main__":
    main()
