"""Regression: scoring in-process with the model, then forking worker processes, must not hang.

torch's OpenMP pool, once started in a parent, deadlocks forked children; the predictor keeps
torch at one thread so that `--workers N` works after any in-process scoring (this hung once).
"""

from __future__ import annotations

import json
import subprocess
import sys

SCRIPT = """
import json, sys
from pathlib import Path
from authentic_nlp.engine.batch import score_files
from authentic_nlp.pipeline import AnalysisOptions, Analyzer
from authentic_nlp.schema import parse_post
model, posts, out = map(Path, sys.argv[1:4])
options = AnalysisOptions(model_path=model)
analyzer = Analyzer(options)
for line in posts.read_text(encoding="utf-8").splitlines():
    analyzer.analyze_post(parse_post(json.loads(line)))
summary = score_files([posts], out, options=options, workers=2, force=True)
print(summary.scored)
"""

POSTS = [
    {"id": "a", "text": "Ho provato la crema per un mese, pelle meno secca ma profumo forte", "creator": "giulia.cucina",
     "comments": [{"id": "c1", "text": "dove la compro?"}, {"id": "c2", "text": "😍"}]},
    {"id": "b", "text": "", "comments": [{"id": "c1", "text": "check my page!!"}]},
    {"id": "c", "text": "#ad new grinder, loud but even grind", "comments": []},
]


def test_workers_after_in_process_scoring_do_not_hang(tiny_model, tmp_path):
    posts = tmp_path / "posts.jsonl"
    posts.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in POSTS), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(tiny_model), str(posts), str(tmp_path / "out.jsonl")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "3"
