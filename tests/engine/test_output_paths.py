"""Output paths: the quarantine name comes from the whole output name; an output that is also the
quarantine file or an input is a usage error; usage errors come before spaCy or torch is imported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from authentic_nlp.engine.batch import score_files
from authentic_nlp.errors import AuthenticNLPError
from authentic_nlp.io import quarantine_path_for

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("output,expected", [
    ("run.v1.jsonl", "run.v1.quarantine.jsonl"),
    ("run.v2.jsonl", "run.v2.quarantine.jsonl"),
    ("x.csv", "x.quarantine.jsonl"),
    ("scored.parquet", "scored.quarantine.jsonl"),
    ("risultati.2024-05.csv", "risultati.2024-05.quarantine.jsonl"),
    ("results", "results.quarantine.jsonl"),
    ("runs.v3/out.jsonl", "runs.v3/out.quarantine.jsonl"),
    ("creators 😍.jsonl", "creators 😍.quarantine.jsonl"),
])
def test_quarantine_name_keeps_the_whole_output_name(output, expected):
    assert quarantine_path_for(Path(output)) == Path(expected)


def _source(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": "it", "text": "Ciao a tutti 😍"}, ensure_ascii=False),
             json.dumps({"id": "en", "text": "Hello world"}), '{"id": "broken", "text": ']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_two_runs_keep_their_own_quarantine_files(tmp_path):
    source = _source(tmp_path)
    first = score_files([source], tmp_path / "run.v1.jsonl")
    second = score_files([source], tmp_path / "run.v2.jsonl")
    assert first.quarantine != second.quarantine
    score_files([source], tmp_path / "run.v2.jsonl", force=True)     # a forced rerun of v2 leaves v1 alone
    assert Path(first.quarantine).read_text(encoding="utf-8").count("\n") == 1
    assert Path(second.quarantine).exists()


def _convert(*args, **kwargs):
    from authentic_nlp.io.adapters.convert import convert_files

    return convert_files(*args, **kwargs)


@pytest.mark.parametrize("job", [score_files, _convert], ids=["score", "convert"])
@pytest.mark.parametrize("quarantine", ["out.jsonl", "./out.jsonl", "sub/../out.jsonl"])
def test_quarantine_equal_to_the_output_is_refused(tmp_path, quarantine, job):
    source = _source(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "out.jsonl").write_text("keep me\n", encoding="utf-8")
    with pytest.raises(AuthenticNLPError, match="E401.*also the output"):
        job([source], tmp_path / "out.jsonl", quarantine=tmp_path / quarantine, force=True)
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == "keep me\n"


# A usage error must come before anything heavy is imported: run the command in a fresh interpreter
# and report which heavy modules it had imported when it stopped.
PROBE = """
import sys
from authentic_nlp.cli import app
try:
    app(sys.argv[1:])
except SystemExit as stop:
    code = stop.code
print("HEAVY", ",".join(m for m in ("spacy", "torch", "thinc") if m in sys.modules))
sys.exit(code)
"""


def _usage_cases(tmp: Path) -> dict[str, list[str]]:
    source = str(tmp / "in.jsonl")
    exists = str(tmp / "exists.jsonl")
    unknown = tmp / "unknown.json"
    unknown.write_text('{"foo": 1, "bar": [1, 2]}\n', encoding="utf-8")
    return {
        "output_exists": [source, "-o", exists],
        "quarantine_is_output": [source, "-o", str(tmp / "o.jsonl"), "--quarantine", str(tmp / "o.jsonl")],
        "output_is_input": [source, "-o", source, "--force"],
        "output_format_unknown": [source, "-o", str(tmp / "o.txt")],
        "bad_map": [source, "-o", str(tmp / "o.jsonl"), "--map", "caption=Description"],
        "unknown_source": [source, "-o", str(tmp / "o.jsonl"), "--source", "myspace"],
        "unknown_shape": [str(unknown), "-o", str(tmp / "o.jsonl")],
        "model_and_no_model": [source, "-o", str(tmp / "o.jsonl"), "--no-model", "--model", str(tmp)],
    }


@pytest.mark.parametrize("case", ["output_exists", "quarantine_is_output", "output_is_input", "output_format_unknown",
                                  "bad_map", "unknown_source", "unknown_shape", "model_and_no_model"])
def test_usage_errors_come_before_heavy_imports(tmp_path, case):
    _source(tmp_path)
    (tmp_path / "exists.jsonl").write_text("old\n", encoding="utf-8")
    args = _usage_cases(tmp_path)[case]
    result = subprocess.run([sys.executable, "-c", PROBE, "score", *args], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 2, result.stderr
    assert "error:" in result.stderr
    assert result.stdout.strip().splitlines()[-1] == "HEAVY", result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exists.jsonl", "in.jsonl", "unknown.json"]
