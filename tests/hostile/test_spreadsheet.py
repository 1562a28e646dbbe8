"""CSV injection: every CSV the tool writes neutralizes cells a spreadsheet would run as formulas."""

from __future__ import annotations

import csv
import io

import pytest

from authentic_nlp.audit.report import creators_csv
from authentic_nlp.io.csv_io import CsvWriter, read_scored_csv
from authentic_nlp.io.spreadsheet import neutralize, restore

# fmt: off
@pytest.mark.parametrize("cell,written", [
    ('=HYPERLINK("http://x.invalid","clic")', '\'=HYPERLINK("http://x.invalid","clic")'),
    ("+39 333 1234567", "'+39 333 1234567"), ("-2+3", "'-2+3"), ("@SUM(A1:A3)", "'@SUM(A1:A3)"),
    ("\tcella", "'\tcella"), ("\rriga", "'\rriga"), ("'già citato", "''già citato"),
    ("-0.25", "-0.25"), ("-3", "-3"), ("+1e-05", "+1e-05"),
    ("Ciao a tutti", "Ciao a tutti"), ("Honest review", "Honest review"), ("", ""), ("😍🔥", "😍🔥"),
])
# fmt: on
def test_neutralize_and_restore(cell, written):
    assert neutralize(cell) == written and restore(written) == cell


def test_scored_csv_is_neutralized_and_reads_back(tmp_path):
    path = tmp_path / "out.csv"
    writer = CsvWriter(path)
    record = {"id": "=1+1", "creator": "@evil", "platform": "other", "text": "-rm"}
    writer.write(record)
    writer.close()
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    cells = dict(zip(rows[0], rows[1]))
    assert cells["id"] == "'=1+1" and cells["creator"] == "'@evil"
    (back,) = read_scored_csv(path)
    assert back["id"] == "=1+1" and back["creator"] == "@evil"


@pytest.mark.parametrize("creator,cell", [("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"), ("@ale.fit", "'@ale.fit"),
                                          ("giulia.pelle", "giulia.pelle"), ("😍", "😍")])
def test_the_audit_creators_csv_is_neutralized(monkeypatch, creator, cell):
    from authentic_nlp.audit import report

    row = {name: None for name in report.CSV_COLUMNS} | {"creator": creator, "posts": 3, "index": -0.5}
    monkeypatch.setattr(report, "csv_row", lambda summary: row)
    header, values = list(csv.reader(io.StringIO(creators_csv([{}]))))
    cells = dict(zip(header, values))
    assert cells["creator"] == cell and cells["posts"] == "3" and cells["index"] == "-0.5"


@pytest.mark.parametrize("creator", ["0\r0", "riga\rdue", "\r", "ok"])
def test_a_bare_carriage_return_does_not_split_the_row(tmp_path, creator):
    path = tmp_path / "out.csv"
    writer = CsvWriter(path)
    writer.write({"id": "p1", "creator": creator, "platform": "other"})
    writer.write({"id": "p2", "creator": "next", "platform": "other"})
    writer.close()
    first, second = read_scored_csv(path)
    assert (first["id"], first["creator"], second["id"]) == ("p1", creator, "p2")
