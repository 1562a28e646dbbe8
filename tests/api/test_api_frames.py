"""`score_frame`: pandas, polars and Arrow in, the same kind out, with the CSV writer's flat columns."""

from __future__ import annotations

import json

import pytest

from authentic_nlp.interop.frames import ERROR_COLUMNS, score_frame
from authentic_nlp.io.columns import output_columns

pa = pytest.importorskip("pyarrow")

# fmt: off
ROWS = {
    "caption": ["Usa il codice GIULIA20 per il 20% di sconto! #adv @brand", "Honest review after three weeks",
                "", "😍🔥🔥", "Outfit del giorno, so comfy 😍", "altro post"],
    "post_id": ["it1", "en1", "empty", "emoji", "mix", "it1"],                 # the last id repeats: E009
    "account": ["giulia", "sam", None, None, "giulia", "giulia"],
    "comments": [json.dumps([{"id": "c1", "text": "Dove lo trovo?", "author": "marta"}]), None, None, None, None, None],
}
# fmt: on
IDS = ["it1", "en1", "empty", "emoji", "mix", "it1"]
CODES = [None, None, None, None, None, "E009"]


def _frame(kind: str):
    table = pa.table(ROWS)
    if kind == "pandas":
        return pytest.importorskip("pandas").DataFrame(ROWS)
    if kind == "polars":
        return pytest.importorskip("polars").from_arrow(table)
    return table


def _columns(frame, kind):
    if kind == "pandas":
        return {name: [None if v != v else v for v in frame[name].tolist()] for name in frame.columns}
    if kind == "polars":
        return frame.to_dict(as_series=False)
    return frame.to_pydict()


@pytest.mark.parametrize("kind", ["pandas", "polars", "arrow"])
def test_one_row_per_input_row_with_the_writers_columns(kind):
    frame = _frame(kind)
    out = score_frame(frame, text="caption", id="post_id", comments="comments", fields={"creator": "account"})
    assert type(out).__module__.split(".")[0] == type(frame).__module__.split(".")[0]
    columns = _columns(out, kind)
    assert list(columns) == list(output_columns()) + list(ERROR_COLUMNS)
    assert columns["id"] == IDS and columns["quarantine.code"] == CODES
    assert columns["conversation.comments"][0] == 1 and columns["sponsorship.verdict"][0] == "disclosed"
    assert columns["sponsorship.verdict"][5] is None


def test_the_same_flat_values_as_the_csv_writer():
    from authentic_nlp import shared_analyzer
    from authentic_nlp.io.columns import flatten_record
    from authentic_nlp.schema import parse_post

    out = score_frame(pa.table(ROWS), text="caption", id="post_id").to_pylist()
    for index in range(5):
        raw = {"id": ROWS["post_id"][index], "text": ROWS["caption"][index]}
        if ROWS["comments"][index]:   # a column named like a contract field is read as that field
            raw["comments"] = ROWS["comments"][index]
        expected = flatten_record(shared_analyzer().analyze_post(parse_post(raw)))
        assert {k: out[index][k] for k in expected} == expected


@pytest.mark.parametrize("on_error,ids", [("skip", IDS[:5]), ("quarantine", IDS)])
def test_on_error(on_error, ids):
    out = score_frame(pa.table(ROWS), text="caption", id="post_id", on_error=on_error)
    assert out.column("id").to_pylist() == ids


def test_without_an_id_column_the_row_number_is_the_id():
    out = score_frame(pa.table({"text": ["ciao", "", "🔥"]}))
    assert out.column("id").to_pylist() == ["0", "1", "2"]


@pytest.mark.parametrize("frame,error", [
    (pa.table({"caption": ["ciao"]}), KeyError),        # text defaults to the 'text' column
    ([{"text": "ciao"}], TypeError),
])
def test_bad_frames_are_refused(frame, error):
    with pytest.raises(error):
        score_frame(frame)
