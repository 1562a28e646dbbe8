"""The coded error catalogue.

Every error the library raises on purpose carries a code from this module, names the bad value
and says how to fix it. Codes never change meaning once released: add new ones at the end of
their block.

- E0xx: input records (validation of the data contract)
- E1xx: input and output files
- E2xx: cue, rule and configuration data
- E3xx: models
- E4xx: command line usage
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class Errors:
    # fmt: off
    # --- input records ---
    E001 = "record is not a JSON object (got {type})"
    E002 = "required field '{field}' is missing"
    E003 = "field '{field}' must be {expected}, got {type}: {value!r}"
    E004 = "field '{field}' has an unknown value {value!r}; expected one of {allowed}"
    E005 = "field '{field}' is not a valid timestamp: {value!r} (use ISO-8601 or epoch seconds)"
    E006 = "duplicate comment id {value!r} within the post"
    E007 = "line is not valid JSON: {detail}"
    E008 = "line is not valid UTF-8: {detail}"
    E009 = "duplicate post id {value!r}: first seen at {first}"
    E010 = "field '{field}' must not be negative, got {value!r}"
    E011 = "comment {index}: {detail}"
    E012 = "field '{field}' holds a JSON string that cannot be parsed: {detail}"
    E013 = "row could not be read: {detail}"
    E014 = "field '{field}' is {length:,} characters long, over the limit of {limit:,} (no platform allows texts this long)"
    E015 = "{source}: this item cannot become a contract record: {detail}"
    E016 = "field '{field}' is nested deeper than {limit} levels of arrays and objects"
    E017 = "field '{field}' holds a number that is not finite: {value} (JSON has no NaN or Infinity)"
    E018 = "field '{field}' holds an integer of {digits:,} digits, over the limit of {limit:,}"
    E019 = "analysing the record took longer than its budget of {seconds:g} s (--record-timeout); the run went on without it"
    E020 = "line {line}: {detail}"
    # --- warnings on records that were scored (listed in the record's `input_warnings`) ---
    W001 = "field '{field}': lone surrogate code points (invalid Unicode) replaced with U+FFFD"
    W002 = "field '{field}': a run of {length:,} characters without whitespace cut to {limit:,} before analysis"
    # --- files ---
    E101 = "input file not found: {path}"
    E102 = "cannot tell the format of {path}; name it with --format or use .jsonl, .csv or .parquet"
    E103 = "output {path} exists; pass --force to overwrite it"
    E104 = "unsupported format {format!r}; expected one of {allowed}"
    E105 = "comments file {path} has no 'post_id' column"
    E106 = "comments file {path} row {row}: post_id {value!r} matches no post in the input"
    E107 = "cannot read {path}: {detail}"
    E108 = "{path} is not in the contract shape ({reason}) and needs a platform adapter (--source NAME): {detail}"
    E109 = "unknown source {source!r}; expected one of {allowed}"
    E110 = "cannot tell which export or scraper wrote {path} ({detail}); name it with --source, one of {allowed}"
    E111 = "{path} is an Instagram export in HTML format, which cannot be read: request the export again with Format: JSON (Accounts Center > Your information and permissions > Download your information)"
    E112 = "unsafe archive member {path}: {detail}; the archive is not read"
    # --- cue, rule and configuration data ---
    E201 = "{path}: entry {entry}: {detail}"
    E202 = "{path}: cannot be parsed: {detail}"
    E203 = "no cue data for language {lang!r} in {package}"
    E204 = "unknown market {market!r}; expected one of {allowed} or a rules file passed with --rules"
    # --- models ---
    E301 = "model not found at {path}: {hint}"
    E302 = "{what} needs the optional dependency {package}: install it with  pip install '{extra}'"
    E303 = "model at {path} is incompatible: {detail}"
    # --- command line ---
    E401 = "option {option}: {detail}"
    # fmt: on


class AuthenticNLPError(Exception):
    """Base of every error the library raises on purpose."""

    def __init__(self, code: str, **details: Any) -> None:
        template = getattr(Errors, code)
        self.code = code
        self.details = details
        super().__init__(f"[{code}] {template.format(**details)}")

    def __reduce__(self):
        # picklable, so an error can cross to and from worker processes
        return (_rebuild_error, (type(self), self.code, self.details))


def _rebuild_error(cls: type, code: str, details: dict[str, Any]) -> "AuthenticNLPError":
    return cls(code, **details)


class RecordError(AuthenticNLPError):
    """A record that breaks the data contract; it is quarantined, skipped or fatal per --on-error."""

    def __init__(self, code: str, *, field: str | None = None, **details: Any) -> None:
        self.field = field
        super().__init__(code, field=field, **details)


class DataFileError(AuthenticNLPError):
    """A cue, rule or configuration file that is invalid; raised at load, never silently ignored."""


class ModelError(AuthenticNLPError):
    """A model that is missing, incompatible or needs an optional dependency."""


@dataclass(frozen=True)
class SourcePosition:
    """Where a record came from: the file and the 1-based line (JSON Lines) or row (CSV, Parquet)."""

    path: str
    line: int | None = None
    row: int | None = None

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.path}:line {self.line}"
        if self.row is not None:
            return f"{self.path}:row {self.row}"
        return self.path

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"file": self.path}
        if self.line is not None:
            out["line"] = self.line
        if self.row is not None:
            out["row"] = self.row
        return out
