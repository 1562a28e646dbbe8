"""Quotes: escape first, then highlight by offsets; bad offsets are dropped, never trusted."""

from __future__ import annotations

import pytest

from authentic_nlp.audit.highlight import highlight


def span(text: str, part: str, **extra) -> dict:
    start = text.index(part)
    return {"start": start, "end": start + len(part), "text": part, **extra}


@pytest.mark.parametrize("text, part, expected", [
    ("Usa il mio codice GIULIA10 per lo sconto", "codice GIULIA10", "Usa il mio <mark"),
    ("Use my code MAYA20 for 20% off", "code MAYA20", "Use my <mark"),
    ("Collab con @brand ma in English too: use code ALE20", "code ALE20", "<mark"),
    ("🔥🔥🔥 #ad", "#ad", "🔥🔥🔥 <mark"),
])
def test_span_is_marked(text, part, expected):
    html = str(highlight(text, [span(text, part, kind="signal", rule="r.1")]))
    assert expected in html
    assert f">{part}</mark>" in html.replace("&#39;", "'")
    assert 'title="signal · r.1"' in html


@pytest.mark.parametrize("text", ["", None])
def test_empty_text(text):
    assert str(highlight(text, [{"start": 0, "end": 1}])) == ""


def test_emoji_only_without_spans():
    assert str(highlight("😍😍😍", [])) == "😍😍😍"


@pytest.mark.parametrize("text, part", [
    ('<script>window.__pwned=1</script> codice SCONTO10', "codice SCONTO10"),
    ('"><img src=x onerror=alert(1)> use code X1', "code X1"),
    ('#ad <b>bold</b> & more', "<b>bold</b>"),
])
def test_markup_in_text_and_spans_is_escaped(text, part):
    html = str(highlight(text, [span(text, part, kind='x"><script>', rule="<i>")]))
    assert "<script" not in html and "<img" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;" in html
    assert html.count("<mark") == 1 and html.count("</mark>") == 1


@pytest.mark.parametrize("bad", [
    {"start": 5, "end": 3},                      # reversed
    {"start": -1, "end": 3},                     # negative
    {"start": 0, "end": 999},                    # past the end
    {"start": "0", "end": 3},                    # not an int
    {"start": 0, "end": 4, "text": "nope"},      # recorded text does not sit there
    {"start": None, "end": None},
])
def test_spans_that_do_not_fit_are_dropped(bad):
    assert "<mark" not in str(highlight("ciao a tutti, hello all", [bad]))


def test_overlapping_spans_merge_into_one_mark():
    text = "sponsorizzato da @brand oggi"
    html = str(highlight(text, [span(text, "sponsorizzato da", kind="label"), span(text, "da @brand", kind="brand")]))
    assert html.count("<mark") == 1
    assert ">sponsorizzato da @brand</mark>" in html


def test_long_caption_is_cut_around_the_spans():
    text = "parole " * 200 + "codice ABC12" + " altro" * 200
    html = str(highlight(text, [span(text, "codice ABC12")], max_chars=300))
    assert html.startswith("… ") and html.endswith(" …")
    assert ">codice ABC12</mark>" in html
    assert len(html) < len(text)
