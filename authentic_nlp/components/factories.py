"""The spaCy factories: `nlp.add_pipe("authentic_language")`, `"authentic_sponsorship"`,
`"authentic_sincerity"`, `"authentic_comment_type"`.

Each component runs the batch path's own code on one Doc: the language component calls
`text.langid.identify`; the three analyzers build the stage of `analyzers/<name>.py` with
`build(AnalysisOptions)` (the same cue data, market rules, and learned `Predictor` as
`Analyzer`) and run it on a `PostContext` made from the Doc and its post context, then copy the
section of the record it wrote into `doc._.authentic` and its evidence into `doc.spans`
(`doc_state.py`). So scores and evidence equal `analyze_text` / `analyze_posts` for the same text
and context, by construction.

Config (lands in config.cfg; null = the batch defaults): `market` forces one market's rules,
`rules_path` an analyst's rules file, `model_path` a learned model folder ("__cues_only__" turns
the model off). An analyzer added without `authentic_language` identifies the language itself.

The factories are registered when this module is imported, which spaCy does through the
`spacy_factories` entry points of the installed package (pyproject.toml) or
`import authentic_nlp.components`.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import doc_state

__all__ = ["FACTORIES", "AnalyzerComponent", "LanguageComponent"]

DEFAULT_CONFIG: dict[str, Any] = {"market": None, "rules_path": None, "model_path": None}
SECTION_OF = {"authentic_sponsorship": "sponsorship", "authentic_sincerity": "sincerity",
              "authentic_comment_type": "comment_type"}
FACTORIES = ("authentic_language", *SECTION_OF)
ASSIGNS = ["doc._.authentic", "doc.spans"]


def _options(market: str | None, rules_path: str | None, model_path: str | None):
    from ..pipeline import AnalysisOptions

    options = AnalysisOptions(market=market, rules_path=Path(rules_path) if rules_path else None,
                              model_path=Path(model_path) if model_path else None)
    options.validate()
    return options


def _social_code(nlp: Language) -> str | None:
    """The pipeline language of the social tokenizer, when `nlp` uses it (None: the user's own)."""
    from ..text.social_tokenizer import NormalizingTokenizer

    return nlp.tokenizer.code if isinstance(nlp.tokenizer, NormalizingTokenizer) else None


class LanguageComponent:
    """`doc._.authentic["language"]`: code, confidence, mixed (a comment's context: the post's `language`)."""

    def __init__(self, nlp: Language, name: str) -> None:
        doc_state.register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        identify_language(doc)
        return doc


def identify_language(doc: Doc, data: dict[str, Any] | None = None):
    from ..text.langid import identify

    data = doc_state.state(doc) if data is None else data
    found = identify(data["text"], context=doc_state.thread_language(data["post"]))
    data["language"] = found.as_dict()
    return doc_state.language_of(data)  # as stored (rounded), as every later component reads it


class AnalyzerComponent:
    """One post-level analyzer stage run on a Doc (a caption, or a comment for `comment_type`)."""

    def __init__(self, nlp: Language, name: str, section: str, market: str | None,
                 rules_path: str | None, model_path: str | None) -> None:
        doc_state.register_extensions()
        self.name, self.section = name, section
        self.options = _options(market, rules_path, model_path)
        module = "comments" if section == "comment_type" else section
        self.stage = import_module(f"authentic_nlp.analyzers.{module}").build(self.options)
        self.social_code = _social_code(nlp)

    def __call__(self, doc: Doc) -> Doc:
        from ..pipeline import PostContext
        from ..record import empty_record

        data = doc_state.state(doc)
        language = doc_state.language_of(data) or identify_language(doc, data)
        analysis = doc_state.text_analysis(doc, data, self.social_code, language)
        post = _post(data["post"], analysis.text, self.section)
        if self.section == "comment_type":
            ctx = PostContext(post=post, caption=analysis, comments=[analysis], record=empty_record(post))
            self.stage(ctx)
            result = {k: v for k, v in ctx.record["comments"][0].items() if k in ("type", "by_creator", "evidence")}
        else:
            ctx = PostContext(post=post, caption=analysis, comments=[], record=empty_record(post))
            self.stage(ctx)
            result = ctx.record[self.section]
        doc_state.write_section(doc, data, self.section, result)
        return doc


def _post(context: Any, text: str, section: str):
    """The contract `Post` for this Doc, validated like any input record (coded `RecordError`s)."""
    from ..schema import parse_post

    record = {k: context[k] for k in ("id", "platform", "creator", "market", "platform_paid_partnership")
              if context.get(k) is not None}
    record.setdefault("id", "doc")
    if section == "comment_type":
        comment = {"id": "comment", "text": text}
        if context.get("author") is not None:
            comment["author"] = context["author"]
        return parse_post({**record, "text": "", "comments": [comment]})
    return parse_post({**record, "text": text})


@Language.factory("authentic_language", assigns=["doc._.authentic"], requires=[])
def make_language(nlp: Language, name: str) -> LanguageComponent:
    return LanguageComponent(nlp, name)


def _analyzer_factory(factory: str):
    def make(nlp: Language, name: str, market: str | None, rules_path: str | None,
             model_path: str | None) -> AnalyzerComponent:
        return AnalyzerComponent(nlp, name, SECTION_OF[factory], market, rules_path, model_path)

    make.__name__ = "make_" + SECTION_OF[factory]
    Language.factory(factory, assigns=ASSIGNS, requires=["doc._.authentic"],
                     default_config=dict(DEFAULT_CONFIG))(make)
    return make


make_sponsorship = _analyzer_factory("authentic_sponsorship")
make_sincerity = _analyzer_factory("authentic_sincerity")
make_comment_type = _analyzer_factory("authentic_comment_type")
