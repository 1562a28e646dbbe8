"""CSV read strictly about quotes: a broken quote is one quarantined row, never a merged caption."""

from __future__ import annotations

import pytest

from authentic_nlp.io.csv_io import MAX_ROW_LINES, iter_csv_rows

# fmt: off
@pytest.mark.parametrize("body,expected", [
    # (rows after the header, [(id or error code, line of the error)])
    ('a,"never closed,1\nb,fine,2\nc,"chiuso ""bene""",3\n', [("E020", 2), ("b", None), ("c", None)]),
    ('a,"text"after,1\nb,ok,2\n', [("E020", 2), ("b", None)]),
    ('a,"riga uno\nriga due",1\nb,😍,2\n', [("a", None), ("b", None)]),
    ('a,"",1\nb,"🔥🔥",2\n', [("a", None), ("b", None)]),
    ('a,He said "hi",1\n', [("a", None)]),                      # a quote inside an unquoted cell is text
    ('a,ok,1\nb,"open at the end', [("a", None), ("E020", 3)]),
])
# fmt: on
def test_broken_quotes_are_one_row_each(tmp_path, body, expected):
    path = tmp_path / "posts.csv"
    path.write_text("id,text,likes\n" + body, encoding="utf-8")
    items = list(iter_csv_rows(path))
    got = [(item.error.code, item.position.line) if item.error else (item.raw["id"], None) for item in items]
    assert got == expected
    for item in items:
        if item.error is not None:
            assert f"line {item.position.line}" in str(item.error) and item.raw_text


def test_a_quoted_cell_cannot_span_more_than_the_limit(tmp_path):
    path = tmp_path / "posts.csv"
    path.write_text('id,text\na,"' + "riga\n" * (MAX_ROW_LINES + 5) + '"\nb,ciao\n', encoding="utf-8")
    items = list(iter_csv_rows(path))
    assert items[0].error is not None and items[0].error.code == "E020"
    assert items[-1].raw == {"id": "b", "text": "ciao"}
