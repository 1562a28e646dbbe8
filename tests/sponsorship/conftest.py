"""Fixtures for the sponsorship tests: the hand-written case table and a stage runner.

`judge` runs only the sponsorship stage (rules loaded once per options), over the project's
normalized caption, so the rule tests do not depend on language identification.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from authentic_nlp.analyzers import sponsorship
from authentic_nlp.learn.predictor import NO_MODEL
from authentic_nlp.pipeline import AnalysisOptions
from authentic_nlp.record import empty_record
from authentic_nlp.schema import parse_post
from authentic_nlp.text.langid import LanguageResult
from authentic_nlp.text.normalize import normalize

HERE = Path(__file__).parent


def load_cases(name: str = "cases.yaml") -> list[dict]:
    return yaml.safe_load((HERE / name).read_text(encoding="utf-8"))["cases"]


def post_of(case: dict):
    raw = {"id": case["id"], "text": case["text"], "market": case.get("market")}
    for key, field in (("creator", "creator"), ("flag", "platform_paid_partnership"), ("comments", "comments")):
        if key in case:
            raw[field] = case[key]
    return parse_post(raw)


class Judge:
    def __init__(self) -> None:
        self._stages: dict[tuple, object] = {}

    def stage(self, **options):
        key = tuple(sorted(options.items()))
        if key not in self._stages:
            # the rules under test, without the learned model (tests/learn covers the blend)
            self._stages[key] = sponsorship.build(AnalysisOptions(**{"model_path": NO_MODEL, **options}))
        return self._stages[key]

    def __call__(self, case: dict, language: str = "und", **options) -> dict:
        post = post_of(case)
        text = normalize(post.text)
        caption = SimpleNamespace(text=text, language=LanguageResult(language, 1.0))
        ctx = SimpleNamespace(post=post, caption=caption, comments=[], record=empty_record(post))
        self.stage(**options)(ctx)
        return ctx.record["sponsorship"]


@pytest.fixture(scope="session")
def judge() -> Judge:
    return Judge()


def cited_rule(section: dict) -> str | None:
    rules = [e["rule"] for e in section["evidence"] if e["kind"] == "verdict"]
    assert len(rules) <= 1
    return rules[0] if rules else None
