"""The Python API: `Analyzer.pipe`, the shared analyzer behind `analyze_text`, logging."""

from __future__ import annotations

import logging

import pytest

import authentic_nlp
from authentic_nlp import analyze_posts, analyze_text, load_analyzer, shared_analyzer
from authentic_nlp.engine.pipe import Quarantined, RecordRejected
from authentic_nlp.pipeline import AnalysisOptions

# fmt: off
RECORDS = [
    {"id": "it1", "text": "Usa il codice GIULIA20 per il 20% di sconto! #adv @brand"},
    {"id": "en1", "text": "Honest review after three weeks of running",
     "comments": [{"id": "c1", "text": "Where did you buy them?", "author": "sam"}]},
    {"id": "empty", "text": ""},
    {"id": "emoji", "text": "😍🔥🔥"},
    {"id": "it1", "text": "un altro post con lo stesso id"},          # duplicate id: E009
    {"text": "senza id"},                                              # missing id: E002
    {"id": "mix", "text": "Outfit del giorno, so comfy 😍"},
    "not an object",                                                   # E001
]
# fmt: on
EXPECTED = ["it1", "en1", "empty", "emoji", ("E009", "id"), ("E002", "id"), "mix", ("E001", None)]


@pytest.fixture(scope="module")
def analyzer():
    return load_analyzer()


def _summary(result):
    return (result.code, result.field) if isinstance(result, Quarantined) else result["id"]


@pytest.mark.parametrize("batch_size,n_process", [(1, 1), (3, 1), (64, 1), (2, 2)])
def test_pipe_yields_one_result_per_record_in_order(analyzer, batch_size, n_process):
    results = list(analyzer.pipe(RECORDS, batch_size=batch_size, n_process=n_process))
    assert [_summary(r) for r in results] == EXPECTED


def test_quarantined_results_carry_index_message_and_raw(analyzer):
    results = list(analyzer.pipe(RECORDS))
    duplicate, missing = results[4], results[5]
    assert (duplicate.index, duplicate.raw) == (4, RECORDS[4]) and "first seen at <pipe>:row 1" in duplicate.message
    assert missing.index == 5 and missing.as_dict() == {"file": "<pipe>", "row": 6, "code": "E002", "field": "id",
                                                         "error": missing.message, "record": RECORDS[5]}


def test_pipe_scores_like_analyze_post(analyzer):
    from authentic_nlp.schema import parse_post

    scored = [r for r in analyzer.pipe(RECORDS[:4])]
    assert scored == [analyzer.analyze_post(parse_post(raw)) for raw in RECORDS[:4]]


@pytest.mark.parametrize("on_error,expected", [
    ("skip", ["it1", "en1", "empty", "emoji", "mix"]),
    ("quarantine", EXPECTED),
])
def test_on_error_skip_and_quarantine(analyzer, on_error, expected):
    assert [_summary(r) for r in analyzer.pipe(RECORDS, on_error=on_error)] == expected


def test_on_error_raise_stops_at_the_first_bad_record(analyzer):
    stream = analyzer.pipe(RECORDS, on_error="raise")
    assert [next(stream)["id"] for _ in range(4)] == ["it1", "en1", "empty", "emoji"]
    with pytest.raises(RecordRejected) as info:
        next(stream)
    assert info.value.quarantined.code == "E009"


@pytest.mark.parametrize("kwargs", [{"on_error": "fail"}, {"batch_size": 0}, {"n_process": 0}])
def test_bad_pipe_arguments_are_refused(analyzer, kwargs):
    with pytest.raises(ValueError):
        list(analyzer.pipe(RECORDS, **kwargs))


def test_shared_analyzer_is_built_once_per_options():
    assert shared_analyzer() is shared_analyzer(AnalysisOptions())
    assert shared_analyzer(market="it") is shared_analyzer(AnalysisOptions(market="it"))
    assert shared_analyzer(market="it") is not shared_analyzer()


@pytest.mark.parametrize("text,verdict", [
    ("Usa il codice GIULIA20 per il 20% di sconto! #adv @brand", "disclosed"),
    ("Honest review after three weeks of running", "organic"),
    ("", "organic"),
    ("😍🔥🔥", "organic"),
])
def test_analyze_text_reuses_the_shared_analyzer(monkeypatch, text, verdict):
    shared_analyzer()   # warm

    def no_new_analyzer(*args, **kwargs):
        raise AssertionError("analyze_text built a new analyzer")

    monkeypatch.setattr(authentic_nlp, "load_analyzer", no_new_analyzer)
    record = analyze_text(text)
    assert record["id"] == "text" and record["sponsorship"]["verdict"] == verdict
    assert [r["id"] for r in analyze_posts([{"id": "a", "text": text}], creator_signals=False)] == ["a"]


def test_importing_configures_no_logging():
    import subprocess
    import sys

    code = ("import logging, authentic_nlp, authentic_nlp.pipeline, authentic_nlp.cli; "
            "root = logging.getLogger(); lib = logging.getLogger('authentic_nlp'); "
            "print(len(root.handlers), root.level, len(lib.handlers), lib.level)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["0", str(logging.WARNING), "0", str(logging.NOTSET)]


def test_module_loggers_sit_under_the_package_logger(caplog):
    from authentic_nlp.engine import batch, runner

    assert runner.logger.name == "authentic_nlp.engine.runner" and batch.logger.name == "authentic_nlp.engine.batch"
    with caplog.at_level(logging.DEBUG, logger="authentic_nlp"):
        load_analyzer()
    assert any(r.name == "authentic_nlp.pipeline" and r.levelno == logging.DEBUG for r in caplog.records)
