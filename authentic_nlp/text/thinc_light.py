"""spaCy without torch: thinc (spaCy's machine-learning layer) imports torch, when it is installed,
the first time spaCy is imported (`thinc/compat.py`), at about 3 s and 220 MiB per process. The
blank pipelines here use no thinc layer at all, so that import buys nothing.

`load_thinc_without_torch()` imports `thinc.compat` while `import torch` fails (a `None` entry in
`sys.modules`, Python's documented way to block an import), so thinc records `has_torch = False`,
then removes the entry: torch itself stays importable, and `authentic-nlp train` and the
transformers backend import it as usual. Only thinc's own torch wrappers (unused here) are off in
that process. Does nothing where thinc or torch is already imported.

Modules that import spaCy on the scoring path call it before their first spaCy import.
"""

from __future__ import annotations

import sys


def load_thinc_without_torch() -> None:
    if "thinc.compat" in sys.modules or "torch" in sys.modules:
        return
    sys.modules["torch"] = None  # type: ignore[assignment]   # `import torch` raises ImportError
    try:
        import thinc.compat  # noqa: F401
    finally:
        if "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]
