"""Language identification (placeholder, to be completed)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LanguageResult:
    code: str
    confidence: float
    mixed: bool = False

    def as_dict(self) -> dict:
        return {"code": self.code, "confidence": round(self.confidence, 4), "mixed": self.mixed}


UNDETERMINED = LanguageResult("und", 0.0, False)


def identify(text: str, context: LanguageResult | None = None) -> LanguageResult:
    return UNDETERMINED if context is None else LanguageResult(context.code, context.confidence * 0.5)
