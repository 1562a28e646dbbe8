"""The hostile corpus: invented records that once took a whole `score` run down, written by the tests.

Each case is one input record and the quarantine code it must get (None: it must be scored).
`write_corpus(folder)` writes the JSON Lines, CSV and scraper files; nothing here is committed data.
"""

from __future__ import annotations

import json
from pathlib import Path

DEEP = 1_200          # levels: past the JSON decoder's recursion limit
PICKLE_DEEP = 900     # levels: decodes, but no longer pickles to a worker
LONG_INT = "9" * 4_400
FORMULAS = ["=HYPERLINK(\"http://x.invalid\",\"clic\")", "+39 333", "-2+3", "@SUM(A1)", "\tcella", "\rriga"]


def _deep(levels: int) -> str:
    return "[" * levels + "]" * levels


def _line(body: str) -> bytes:
    return body.encode("utf-8") + b"\n"


def _post(pid: str, text: str = "Ciao a tutti, nuova ricetta", **extra) -> str:
    return json.dumps({"id": pid, "text": text, **extra}, ensure_ascii=False)


# (name, the JSON Lines line, expected quarantine code or None when scored)
JSONL_CASES: list[tuple[str, bytes, str | None]] = [
    ("plain_it", _line(_post("ok-it", "Pici all'aglione fatti a mano, buonissimi")), None),
    ("plain_en", _line(_post("ok-en", "Honest review after three weeks of running")), None),
    ("empty_text", _line(_post("ok-empty", "")), None),
    ("emoji_only", _line(_post("ok-emoji", "😍🔥")), None),
    ("nan_likes", _line('{"id": "nan-likes", "text": "ciao", "likes": NaN}'), "E017"),
    ("infinity_unknown", _line('{"id": "inf-x", "text": "ciao", "extra": {"score": Infinity}}'), "E017"),
    ("minus_infinity_comment", _line('{"id": "inf-c", "text": "ciao", "comments": [{"id": "c1", "text": "ok", "w": -Infinity}]}'), "E017"),
    ("float_overflow", _line('{"id": "big-float", "text": "hello", "followers": 1e400}'), "E017"),
    ("surrogate_text", _line('{"id": "sur-text", "text": "bello \\ud800 davvero"}'), None),
    ("surrogate_id", _line('{"id": "sur-\\udfff-id", "text": "hi"}'), None),
    ("surrogate_creator", _line('{"id": "sur-creator", "text": "hi", "creator": "ale\\ud83d"}'), None),
    ("surrogate_comment", _line('{"id": "sur-comment", "text": "hi", "comments": [{"id": "c1", "text": "wow \\udc00"}]}'), None),
    ("surrogate_unknown", _line('{"id": "sur-unknown", "text": "hi", "\\ud800key": ["\\udbff"]}'), None),
    ("deep_jsonl", _line('{"id": "deep", "text": "x", "extra": ' + _deep(DEEP) + "}"), "E016"),
    ("deep_pickle", _line('{"id": "deep-900", "text": "x", "extra": ' + _deep(PICKLE_DEEP) + "}"), "E016"),
    ("deep_comments", _line('{"id": "deep-c", "text": "x", "comments": [{"id": "c", "text": "y", "m": ' + _deep(80) + "}]}"), "E016"),
    ("long_int_likes", _line('{"id": "long-likes", "text": "x", "likes": ' + LONG_INT + "}"), "E018"),
    ("long_int_string", _line(_post("long-followers", "x", followers=LONG_INT)), "E018"),
    ("long_int_unknown", _line('{"id": "long-unknown", "text": "x", "views": -' + LONG_INT + "}"), "E018"),
    ("long_int_id", _line('{"id": ' + LONG_INT + ', "text": "x"}'), "E018"),
    ("superscript_likes", _line(_post("sup-likes", "x", likes="²")), "E003"),
    ("superscript_followers", _line(_post("sup-followers", "x", followers="1²3")), "E003"),
    ("superscript_created", _line(_post("sup-created", "x", created_at="²")), "E005"),
    ("emoji_flood", _line(_post("flood-emoji", "😀" * 99_000)), None),
    ("bang_flood", _line(_post("flood-bang", "wow " + "!" * 30_000)), None),
    ("rejected_then_reused_id", _line(_post("reused", "x", likes="lots")), "E003"),
    ("reused_id_scored", _line(_post("reused", "Stessa id, ma questo va bene")), None),
    ("real_duplicate", _line(_post("ok-it", "again")), "E009"),
    ("not_json", _line('{"id": "broken", "text": '), "E007"),
    ("not_object", _line("[1, 2, 3]"), "E001"),
    ("not_utf8", b'{"id": "latin1", "text": "perch\xe9"}\n', "E008"),
    *[(f"formula_{i}", _line(_post(f"formula-{i}", f, creator=f.strip() or "x")), None) for i, f in enumerate(FORMULAS)],
]

CSV_HEADER = "id,text,likes,comments\n"
# (name, CSV row text, expected code or None). The unterminated quote must not swallow the rows after it.
CSV_CASES: list[tuple[str, str, str | None]] = [
    ("csv_plain", 'csv-ok,"Caption con, virgola",12,\n', None),
    ("csv_multiline", 'csv-multi,"prima riga\nseconda riga",,\n', None),
    ("csv_deep_comments", 'csv-deep,ciao,,"' + _deep(DEEP).replace('"', '""') + '"\n', "E016"),
    ("csv_nan_comments", 'csv-nan,ciao,,"[{""id"": ""c"", ""text"": ""x"", ""likes"": NaN}]"\n', "E017"),
    ("csv_superscript", "csv-sup,ciao,³,\n", "E003"),
    ("csv_long_digits", f"csv-long,ciao,{LONG_INT},\n", "E018"),
    ("csv_formula", 'csv-formula,"=1+2",,\n', None),
    ("csv_unterminated", 'csv-open,"this quote never closes,3,\n', "E020"),
    ("csv_after_unterminated", "csv-after,still here,4,\n", None),
    ("csv_last", 'csv-last,"the ""quoted"" end",5,\n', None),
]


def scraper_items() -> list[tuple[str, str | None]]:
    """Apify Instagram items (as JSON text) and the expected code; the too-deep item ends the array."""
    def item(code: str, caption: str, **extra) -> str:
        base = {"id": f"33{len(code)}", "shortCode": code, "caption": caption, "ownerUsername": "ale.fit",
                "url": f"https://www.instagram.com/p/{code}/", "timestamp": "2024-05-01T10:00:00.000Z"}
        return json.dumps({**base, **extra}, ensure_ascii=False)

    return [
        (item("SCRAPEOK1", "Tre settimane con queste scarpe"), None),
        (item("SCRAPESUR", "ok").replace('"ok"', '"bello \\ud800"'), None),
        (item("SCRAPENAN", "ok").replace('"ok"', '"ok", "videoViewCount": NaN'), "E017"),
        ('{"shortCode": "SCRAPEDEEP", "caption": "x", "ownerUsername": "a", "extra": ' + _deep(DEEP) + "}", "E007"),
    ]


def write_corpus(folder: Path) -> dict[str, list[str | None]]:
    """Write the corpus into `folder`; returns {file name: expected codes, in order}."""
    folder.mkdir(parents=True, exist_ok=True)
    jsonl = b"\xef\xbb\xbf" + b"".join(line for _, line, _ in JSONL_CASES)   # with a byte-order mark
    (folder / "hostile.jsonl").write_bytes(jsonl)
    (folder / "hostile.csv").write_text(CSV_HEADER + "".join(row for _, row, _ in CSV_CASES), encoding="utf-8")
    items = scraper_items()
    (folder / "apify_instagram.json").write_text("[\n" + ",\n".join(text for text, _ in items) + "\n]\n", encoding="utf-8")
    return {
        "hostile.jsonl": [code for _, _, code in JSONL_CASES],
        "hostile.csv": [code for _, _, code in CSV_CASES],
        "apify_instagram.json": [code for _, code in items],
    }
