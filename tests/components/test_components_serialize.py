"""Saved pipelines load back in a fresh process; nothing is registered at import; the tokenizer and offsets."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import entry_points

import pytest

from authentic_nlp.text.normalize import normalize

INSTALLED = {ep.name for ep in entry_points(group="spacy_factories")}
NEEDS_INSTALL = pytest.mark.skipif(
    "authentic_sponsorship" not in INSTALLED,
    reason="entry points exist only for the installed package (pip install .[test], as CI does)")

TEXTS = ["Usa il codice GIULIA20 per il 20% di sconto! #a\u200bdv @brand",
         "Gifted by @brand, the cafe\u0301 was lovely but loud #ad", "", "😍😍🔥"]

LOAD_AND_SCORE = """
import json, sys
import spacy
nlp = spacy.load(sys.argv[1])
out = []
for text in json.loads(sys.argv[2]):
    doc = nlp(text)
    out.append({"text": doc.text, "authentic": {k: v for k, v in doc._.authentic.items()},
                "spans": {k: [[s.label_, s.start_char, s.end_char] for s in g] for k, g in doc.spans.items()},
                "imported_early": False})
print(json.dumps({"pipe_names": nlp.pipe_names, "docs": out}))
"""


@NEEDS_INSTALL
@pytest.mark.parametrize("lang", ["it", "en"])
def test_to_disk_then_spacy_load_in_a_fresh_process(tmp_path, lang: str) -> None:
    from authentic_nlp.components import blank

    nlp = blank(lang, components=("authentic_language", "authentic_sponsorship", "authentic_sincerity"),
                market="uk")
    nlp.to_disk(tmp_path / "pipeline")
    assert 'market = "uk"' in (tmp_path / "pipeline" / "config.cfg").read_text(encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", LOAD_AND_SCORE, str(tmp_path / "pipeline"), json.dumps(TEXTS)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded["pipe_names"] == nlp.pipe_names
    for text, got in zip(TEXTS, loaded["docs"]):
        doc = nlp(text)
        assert got["text"] == doc.text == normalize(text)
        assert got["authentic"] == json.loads(json.dumps(dict(doc._.authentic)))
        assert got["authentic"]["sponsorship"]["market"] == "uk"
        assert got["spans"] == {k: [[s.label_, s.start_char, s.end_char] for s in g] for k, g in doc.spans.items()}



@pytest.mark.parametrize("text", TEXTS)
def test_doc_bytes_keep_sections_and_spans(social_pipelines, text: str) -> None:
    from spacy.tokens import Doc

    doc = social_pipelines["it"](text)
    back = Doc(social_pipelines["it"].vocab).from_bytes(doc.to_bytes())
    assert back._.authentic == doc._.authentic
    for key, group in doc.spans.items():
        assert [(s.label_, s.start_char, s.end_char, s._.authentic) for s in back.spans[key]] == \
               [(s.label_, s.start_char, s.end_char, s._.authentic) for s in group]

CHECK_IMPORT = """
import spacy
from spacy.tokens import Doc, Span
import authentic_nlp, authentic_nlp.components, authentic_nlp.components.factories
import authentic_nlp.text.social_tokenizer
assert not Doc.has_extension("authentic") and not Span.has_extension("authentic"), "registered at import"
from authentic_nlp.components import blank
nlp = blank("it", components=("authentic_language",))
assert Doc.has_extension("authentic") and Span.has_extension("authentic")
print("ok")
"""


def test_extensions_registered_on_first_use_not_at_import() -> None:
    done = subprocess.run([sys.executable, "-c", CHECK_IMPORT], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-3000:]


def test_registering_again_changes_nothing(social_pipelines) -> None:
    from spacy.tokens import Doc, Span

    from authentic_nlp.components.doc_state import register_extensions

    before = (Doc.get_extension("authentic"), Span.get_extension("authentic"))
    register_extensions()
    assert (Doc.get_extension("authentic"), Span.get_extension("authentic")) == before


@pytest.mark.parametrize("factory,assigns", [
    ("authentic_language", ["doc._.authentic"]),
    ("authentic_sponsorship", ["doc._.authentic", "doc.spans"]),
    ("authentic_sincerity", ["doc._.authentic", "doc.spans"]),
    ("authentic_comment_type", ["doc._.authentic", "doc.spans"]),
])
def test_factory_meta(social_pipelines, factory: str, assigns: list[str]) -> None:
    from spacy.language import Language

    meta = Language.get_factory_meta(factory)
    assert list(meta.assigns) == assigns
    if factory != "authentic_language":
        assert meta.default_config == {"market": None, "rules_path": None, "model_path": None}
        assert list(meta.requires) == ["doc._.authentic"]


# fmt: off
TOKENIZER_ROWS = [
    ("it", "Ã¨ un regalo di @marchio #a\u200bdv 😍😍"),
    ("it", "l'ho presa po' cara ma E\u0300 bella #pubblicità"),
    ("en", "Gifted by @brand\u2060 use code SUMMER15 👨‍👩‍👧 🇬🇧"),
    ("en", "so cute!!! soooo good #ad"),
    ("it", ""),
    ("en", "😍😍🔥"),
]
# fmt: on


@pytest.mark.parametrize("lang,text", TOKENIZER_ROWS)
def test_social_tokenizer_is_normalize_then_the_batch_tokens(lang: str, text: str) -> None:
    import spacy

    from authentic_nlp.text.nlp import get_nlp
    from authentic_nlp.text.social_tokenizer import social_config

    doc = spacy.blank(lang, config=social_config())(text)
    assert doc.text == normalize(text)
    assert [t.text for t in doc] == [t.text for t in get_nlp(lang)(normalize(text))]


# (raw, normalized span [i, j), expected raw span)
OFFSET_ROWS = [
    ("ciao #adv", (5, 9), (5, 9)),
    ("#a\u200bdv ok", (0, 4), (0, 5)),
    ("Ã¨ bello", (0, 1), (0, 2)),
    ("Ã¨ bello", (2, 7), (3, 8)),
    ("E\u0300 bello", (0, 1), (0, 2)),
    ("caffe\u0300 #ad", (6, 9), (7, 10)),
    ("", (0, 0), (0, 0)),
    ("😍\u200b😍", (1, 2), (2, 3)),
]


@pytest.mark.parametrize("raw,clean_span,raw_span", OFFSET_ROWS)
def test_offset_map(raw: str, clean_span: tuple[int, int], raw_span: tuple[int, int]) -> None:
    from authentic_nlp.components.offsets import OffsetMap

    clean = normalize(raw)
    offsets = OffsetMap(raw, clean)
    i, j = clean_span
    assert (offsets.start(i), offsets.end(j)) == raw_span
    assert normalize(raw[raw_span[0]:raw_span[1]]) == clean[i:j]


@NEEDS_INSTALL
@pytest.mark.slow
def test_the_example_notebook_runs(tmp_path) -> None:
    """docs/examples/use_in_spacy.ipynb, cell by cell, in a fresh process (no Jupyter needed)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, str(Path(__file__).with_name("run_notebook.py")),
                           str(root / "docs" / "examples" / "use_in_spacy.ipynb")],
                          capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "'disclosed'" in done.stdout and 'class="authentic-result"' in done.stdout
    assert "#adv" in done.stdout and "question" in done.stdout
