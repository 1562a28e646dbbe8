"""What the spaCy components read from a Doc and write back to it.

Read: the post-level context (market, creator, paid-partnership flag, the caption's language for a
comment), from `nlp.pipe(((text, context), ...), as_tuples=True)` (spaCy's `doc._context`) or
from `doc._.authentic["post"]` set before the pipeline runs (`nlp(doc)` accepts a Doc).

Write, under one namespace (registered by `register_extensions`, idempotent, never at import):

    doc._.authentic                   {"text", "post", "language", "sponsorship", "sincerity",
                                       "comment_type"}: each section exactly as in the batch output
                                       record, evidence offsets into doc._.authentic["text"]
    doc.spans["authentic_<section>"]  one span per evidence item with a span, labelled with its kind
                                      (the section's `evidence`, then sponsorship's `market_evidence`)
    span._.authentic                  that evidence item: kind, text, start, end, rule, weight, note

`doc._.authentic["text"]` is the normalized text the analyzers read; it equals `doc.text` with the
`authentic_nlp.social_tokenizer`. With any other tokenizer `doc.text` is the raw input and the
spans are mapped onto it through an `OffsetMap`, with `alignment_mode="expand"`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Span

from ..text.langid import LanguageResult
from ..text.social_tokenizer import NORMALIZED_TEXT
from .offsets import OffsetMap

if TYPE_CHECKING:
    from ..pipeline import TextAnalysis

__all__ = ["EXTENSION", "SPAN_PREFIX", "register_extensions", "state", "text_analysis", "write_section"]

EXTENSION = "authentic"
SPAN_PREFIX = "authentic_"
POST_KEYS = ("id", "platform", "creator", "market", "platform_paid_partnership", "author", "language")
# doc.user_data key: whether doc.text is the normalized text (`doc.text` joins every token: asked once)
TEXT_IS_DOC_TEXT = ("authentic_nlp", "text_is_doc_text")
EVIDENCE_FIELDS = ("evidence", "market_evidence")  # a section's evidence lists, in span order


def register_extensions() -> None:
    """`doc._.authentic` (a dict, serialised with the Doc) and `span._.authentic`; again: no change."""
    if not Doc.has_extension(EXTENSION):
        Doc.set_extension(EXTENSION, default={})
    if not Span.has_extension(EXTENSION):
        Span.set_extension(EXTENSION, getter=_span_evidence)


def _span_evidence(span: Span) -> dict[str, Any] | None:
    """The evidence item a span stands for, found through its id `<section>/<evidence list>/<index>`."""
    section, field, index = (span.id_.split("/") + ["", "", ""])[:3]
    items = (span.doc._.get(EXTENSION).get(section) or {}).get(field) or []
    return items[int(index)] if index.isdigit() and int(index) < len(items) else None


def state(doc: Doc) -> dict[str, Any]:
    """`doc._.authentic`, with the post context and the normalized text filled in on first use.
    Call it once per component and pass the dict on (each `doc._` access builds an object)."""
    data = doc._.get(EXTENSION)
    context = getattr(doc, "_context", None)
    if isinstance(context, Mapping):
        data["post"] = {k: context[k] for k in POST_KEYS if k in context}
    if "text" not in data:
        data.setdefault("post", {})
        built = doc.user_data.pop(NORMALIZED_TEXT, None)  # left by the social tokenizer: doc.text is it
        if built is not None:
            data["text"], same = built, True
        else:
            from ..text.normalize import normalize

            raw = doc.text
            data["text"] = normalize(raw)
            same = data["text"] == raw
        doc.user_data[TEXT_IS_DOC_TEXT] = same
    return data


def raw_text(doc: Doc, data: dict[str, Any]) -> str:
    """The text the Doc was built from: the normalized text itself with the social tokenizer."""
    return data["text"] if doc.user_data.get(TEXT_IS_DOC_TEXT) else doc.text


def language_of(data: dict[str, Any]) -> LanguageResult | None:
    found = data.get("language")
    return None if found is None else LanguageResult(found["code"], found["confidence"], bool(found["mixed"]))


def thread_language(context: Mapping[str, Any]) -> LanguageResult | None:
    """The caption's language, context of a comment: a code ("it") or a record's `language` dict."""
    given = context.get("language")
    if isinstance(given, str):
        given = {"code": given, "confidence": 1.0, "mixed": False}
    if not isinstance(given, Mapping) or given.get("code") in (None, "und"):
        return None
    return LanguageResult(given["code"], float(given.get("confidence") or 0.0), bool(given.get("mixed")))


def text_analysis(doc: Doc, data: dict[str, Any], social_code: str | None,
                  language: LanguageResult) -> "TextAnalysis":
    """The `TextAnalysis` the batch path would build for this text: the Doc itself where its tokens
    are the batch path's (social tokenizer of the same pipeline language, normalized text), else
    the batch path's own Doc of the normalized text."""
    from ..pipeline import TextAnalysis
    from ..text.nlp import get_nlp, pipeline_code

    clean = data["text"]
    same_text = bool(doc.user_data.get(TEXT_IS_DOC_TEXT))
    if social_code is not None and social_code == pipeline_code(language.code) and same_text:
        tokens = doc
    else:
        tokens = get_nlp(language.code)(clean)
    return TextAnalysis(raw=raw_text(doc, data), text=clean, language=language, doc=tokens)


def write_section(doc: Doc, data: dict[str, Any], section: str, result: dict[str, Any]) -> None:
    """Store one analyzer's record section and its evidence spans (`doc.spans["authentic_<section>"]`)."""
    data[section] = result
    offsets = OffsetMap(raw_text(doc, data), data["text"])
    spans = []
    for field in EVIDENCE_FIELDS:
        for index, item in enumerate(result.get(field) or []):
            start, end = item.get("start"), item.get("end")
            if start is None or end is None or start >= end:
                continue  # document-level evidence (the model, the platform flag): in doc._.authentic only
            span = doc.char_span(offsets.start(start), offsets.end(end), label=item["kind"],
                                 alignment_mode="expand", span_id=f"{section}/{field}/{index}")
            if span is not None:
                spans.append(span)
    doc.spans[SPAN_PREFIX + section] = spans
