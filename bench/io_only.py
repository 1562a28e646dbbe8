"""`authentic-nlp score` with the analyzers replaced by the empty record: the plumbing alone.

    python bench/io_only.py score INPUT -o OUTPUT [score options]

Reading, validation, the duplicate-id check, the worker pool, ordering and writing all run as in
a real `score`; only `Analyzer.analyze_post` is swapped for `record.empty_record` (every field null).
bench_score.py --io-only uses it to show what the data path itself costs in time and memory,
apart from the analyzers. Worker processes inherit the swap (fork start method, Linux).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    from authentic_nlp import pipeline
    from authentic_nlp.cli import run
    from authentic_nlp.record import empty_record

    def _no_stages(self, options=None):
        self.options = options or pipeline.AnalysisOptions()
        self.stages = []

    pipeline.Analyzer.__init__ = _no_stages
    pipeline.Analyzer.analyze_post = lambda self, post: empty_record(post)
    run()


if __name__ == "__main__":
    main()
