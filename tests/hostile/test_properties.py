"""Property-based tests (Hypothesis): arbitrary Unicode (lone surrogates included) and arbitrary JSON
values through the readers, `parse_post`, `analyze_text` and the writers. Bounded (max_examples,
deadline) so that the suite stays fast."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from authentic_nlp.errors import RecordError, SourcePosition
from authentic_nlp.io.csv_io import CsvWriter, iter_csv_rows, read_scored_csv
from authentic_nlp.io.jsonl import JsonlWriter, read_jsonl
from authentic_nlp.io.results import quarantine_entry
from authentic_nlp.jsonsafe import json_safe, screen
from authentic_nlp.schema import parse_post
from authentic_nlp.text.normalize import MAX_RUN, normalize

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                      HealthCheck.too_slow])

# any code point, lone surrogates included, with the troublemakers drawn often: surrogates (alone and
# as a pair), emoji, combining marks, invisible characters, mojibake, formula starters
TROUBLE = ["\ud800", "\udfff", "\ud83d", "\ude00", "\ud83d\ude00", "😀", "e\u0301", "\u200b", "\u200d", "\ufeff",
           "Ã¨", "!" * 40, " ", "\n", "\r", "#", "@", "=", "'", "\t", "\x00"]
any_text = st.lists(st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())
                    | st.sampled_from(TROUBLE), max_size=40).map("".join)
json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | any_text
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(any_text, inner, max_size=4), max_leaves=20)
raw_posts = st.fixed_dictionaries(
    {"id": any_text | st.integers(), "text": any_text},
    optional={"likes": json_values, "followers": any_text | st.integers(), "created_at": json_values,
              "creator": any_text | json_values, "market": json_values, "platform_paid_partnership": json_values,
              "comments": st.lists(st.fixed_dictionaries({"id": any_text, "text": any_text}, optional={"likes": json_values}),
                                   max_size=3) | any_text, "extra": json_values})


@FAST
@given(raw_posts)
def test_parse_post_either_builds_a_post_or_raises_a_coded_error(raw):
    try:
        post = parse_post(raw)
    except RecordError as err:
        assert err.code.startswith("E0") and str(err)
        return
    assert isinstance(post.id, str) and post.id == post.id.strip() and post.id


@FAST
@given(json_values)
def test_screen_then_json_safe_always_yields_writable_json(value):
    try:
        clean, _replaced = screen(value)
    except RecordError as err:
        assert err.code in ("E016", "E017", "E018") and err.field
        clean = value
    line = json.dumps(json_safe(clean), ensure_ascii=False, allow_nan=False)
    line.encode("utf-8")


@FAST
@given(json_values, any_text)
def test_a_quarantine_line_can_always_be_written(tmp_path_factory, raw, error):
    path = tmp_path_factory.mktemp("q") / "q.jsonl"
    writer = JsonlWriter(path)
    writer.write(quarantine_entry(SourcePosition("in.jsonl", line=1), "E001", None, error, raw))
    writer.close()
    assert json.loads(path.read_text(encoding="utf-8"))["code"] == "E001"


@FAST
@given(st.lists(st.binary(max_size=80), max_size=6))
def test_the_jsonl_reader_yields_one_item_per_nonblank_line(tmp_path_factory, lines):
    lines = [line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines]
    path = tmp_path_factory.mktemp("j") / "in.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = list(read_jsonl(path))
    bom = b"\xef\xbb\xbf"
    nonblank = [i for i, line in enumerate(lines) if (line[3:] if i == 0 and line.startswith(bom) else line).strip()]
    assert len(items) == len(nonblank)


@FAST
@given(st.lists(st.lists(any_text, min_size=2, max_size=2), max_size=5))
def test_the_csv_reader_never_merges_or_drops_rows_it_wrote(tmp_path_factory, rows):
    import csv

    rows = [[cell.encode("utf-8", "replace").decode("utf-8").replace("\r", "") for cell in row] for row in rows]
    rows = [row for row in rows if any(row)]
    path = tmp_path_factory.mktemp("c") / "in.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id", "text"])
        writer.writerows(rows)
    items = list(iter_csv_rows(path))
    assert len(items) == len(rows)
    assert all(item.error is None or item.error.code in ("E008", "E020") for item in items)


@FAST
@given(any_text)
def test_normalize_gives_valid_unicode_with_capped_runs(text):
    clean = normalize(text)
    clean.encode("utf-8")
    assert all(len(run) <= MAX_RUN for run in clean.split())
    assert normalize(clean) == clean


@pytest.fixture(scope="module")
def analyzer():
    from authentic_nlp.pipeline import AnalysisOptions, Analyzer

    return Analyzer(AnalysisOptions(model_path=_no_model()))


def _no_model():
    from authentic_nlp.learn.predictor import NO_MODEL

    return NO_MODEL


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(any_text)
def test_analyze_text_takes_any_unicode(analyzer, text):
    analysed = analyzer.analyze_text(text)
    analysed.text.encode("utf-8")
    assert analysed.doc.text == analysed.text


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(any_text, any_text)
def test_writers_round_trip_any_scored_text(analyzer, tmp_path_factory, caption, creator):
    from authentic_nlp.io.screening import screen_item as screen_raw
    from authentic_nlp.io.base import ReadItem

    item = screen_raw(ReadItem(SourcePosition("in.jsonl", line=1), raw={"id": "p", "text": caption, "creator": creator}))
    post = parse_post(item.raw)
    record = analyzer.analyze_post(post)
    folder = tmp_path_factory.mktemp("w")
    jsonl, csv_path = JsonlWriter(folder / "out.jsonl"), CsvWriter(folder / "out.csv")
    for writer in (jsonl, csv_path):
        writer.write(record)
        writer.close()
    assert json.loads((folder / "out.jsonl").read_text(encoding="utf-8"))["id"] == "p"
    (back,) = read_scored_csv(folder / "out.csv")
    assert back["creator"] == (record["creator"] or None)      # CSV has one empty cell for "" and null
    assert not math.isnan(back["sincerity.score"] or 0.0)
