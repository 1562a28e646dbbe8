"""The streaming runner: input order kept, bounded read-ahead, duplicate post ids caught."""

from __future__ import annotations

import pytest

from authentic_nlp.engine.runner import MAX_TEXT_CHARS, score_items
from authentic_nlp.errors import RecordError, SourcePosition
from authentic_nlp.io import ReadItem
from authentic_nlp.pipeline import AnalysisOptions

CAPTIONS = ["Pici all'aglione fatti a mano", "Honest review after three weeks", "", "😍🔥", "So comfy, outfit del giorno"]


class Counted:
    """An input stream that counts how far the runner has read."""

    def __init__(self, n: int) -> None:
        self.n, self.read = n, 0

    def __iter__(self):
        for i in range(self.n):
            self.read += 1
            yield ReadItem(SourcePosition("in.jsonl", line=i + 1),
                           raw={"id": f"p{i}", "text": CAPTIONS[i % len(CAPTIONS)]})


@pytest.mark.parametrize("workers,chunk_size", [(1, 4), (2, 3), (2, 64)])
def test_outcomes_come_in_input_order(workers, chunk_size):
    outcomes = list(score_items(Counted(40), AnalysisOptions(), workers=workers, chunk_size=chunk_size))
    assert [o.record["id"] for o in outcomes] == [f"p{i}" for i in range(40)]
    assert [o.position.line for o in outcomes] == list(range(1, 41))


@pytest.mark.parametrize("workers,chunk_size", [(1, 8), (2, 4)])
def test_read_ahead_is_bounded(workers, chunk_size):
    source = Counted(500)
    stream = score_items(source, AnalysisOptions(), workers=workers, chunk_size=chunk_size)
    next(stream)
    limit = chunk_size if workers == 1 else (2 * workers + 1) * chunk_size   # one chunk with one worker
    assert source.read <= limit
    stream.close()


@pytest.mark.parametrize("ids,codes", [
    (["a", "b", "a"], [None, None, "E009"]),
    (["a", " a ", "A"], [None, "E009", None]),      # ids are compared stripped, case kept
    ([1, "1", "2"], [None, "E009", None]),           # an integer id is its string
    (["😍", "😍"], [None, "E009"]),
])
def test_duplicate_post_ids(ids, codes):
    items = [ReadItem(SourcePosition("in.jsonl", line=n + 1), raw={"id": i, "text": "ciao"}) for n, i in enumerate(ids)]
    outcomes = list(score_items(items, AnalysisOptions()))
    assert [o.error_code for o in outcomes] == codes
    assert all("line 1" in o.error for o in outcomes if o.error_code == "E009")


@pytest.mark.parametrize("raw,field", [
    ({"id": "x", "text": "a" * (MAX_TEXT_CHARS + 1)}, "text"),
    ({"id": "y", "text": "ok", "comments": [{"id": "c", "text": "😍" * (MAX_TEXT_CHARS + 1)}]}, "comments[0].text"),
])
def test_overlong_texts_are_rejected_by_name(raw, field):
    (outcome,) = score_items([ReadItem(SourcePosition("in.jsonl", line=1), raw=raw)], AnalysisOptions())
    assert (outcome.error_code, outcome.field) == ("E014", field) and outcome.raw is raw


def test_read_errors_pass_through_with_their_raw_text():
    item = ReadItem(SourcePosition("in.csv", row=3), error=RecordError("E013", detail="3 cells"), raw_text="a,b,c")
    for workers in (1, 2):
        (outcome,) = score_items([item], AnalysisOptions(), workers=workers)
        assert (outcome.error_code, outcome.raw, outcome.position.row) == ("E013", "a,b,c", 3)


def test_a_duplicate_across_files_names_the_first_file_and_row():
    items = [ReadItem(SourcePosition("a.csv", row=7), raw={"id": "p1", "text": "Ciao"}),
             ReadItem(SourcePosition("b.jsonl", line=2), raw={"id": "p1", "text": "Hello again"})]
    first, second = score_items(items, AnalysisOptions())
    assert first.ok and second.error_code == "E009" and "first seen at a.csv:row 7" in second.error


def test_the_id_table_is_removed_when_scoring_stops(tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    stream = score_items(Counted(10), AnalysisOptions())
    next(stream)
    assert [p.name.startswith("authentic_nlp_ids_") for p in tmp_path.iterdir()] == [True]
    stream.close()
    assert list(tmp_path.iterdir()) == []
