#!/usr/bin/env python3
"""Set up a project-local environment (.venv) and run the demo or the tests.

    python3 scripts/bootstrap.py demo    # install, then score corpora/sample/posts.jsonl -> results/sample.jsonl
    python3 scripts/bootstrap.py test    # install with test extras, then run the test suite

Needs only Python 3.11+ and access to the package registry. Safe to run again: an existing
.venv is reused and pip only installs what changed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")


def run(*cmd: str | os.PathLike) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT)


def install(extras: str) -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"authentic-nlp needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not (BIN / "python").exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    pip = [BIN / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    run(*pip, f".{extras}" if extras else ".")


def install_browser() -> None:
    """Headless Chromium for the audit's browser test (Debian's package, installed where missing).

    Without it the browser test is skipped on a developer's machine and fails in CI (CI=true).
    """
    if any(shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")):
        return
    try:
        run("sh", "scripts/install_browser.sh")
    except (subprocess.CalledProcessError, OSError) as err:
        print(f"warning: could not install Chromium ({err}); the browser test will be skipped", flush=True)


def main() -> None:
    task = sys.argv[1] if len(sys.argv) > 1 else "demo"
    if task == "demo":
        install("")
        (ROOT / "results").mkdir(exist_ok=True)
        run(BIN / "authentic-nlp", "score", "corpora/sample/posts.jsonl", "-o", "results/sample.jsonl", "--force")
        print(f"\nWrote {ROOT / 'results' / 'sample.jsonl'} (one scored post per line).")
    elif task == "test":
        install("[test]")
        install_browser()
        run(BIN / "python", "-m", "pytest", "-q", *sys.argv[2:])
    else:
        sys.exit(f"unknown task {task!r}: use 'demo' or 'test'")


if __name__ == "__main__":
    main()
