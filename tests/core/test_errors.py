"""The error catalogue: codes, messages, and errors that cross process boundaries."""

from __future__ import annotations

from authentic_nlp.errors import DataFileError


def test_errors_survive_pickling():
    import pickle

    from authentic_nlp.errors import RecordError

    for err in (RecordError("E002", field="id"), DataFileError("E201", path="x.yaml", entry="a", detail="bad")):
        back = pickle.loads(pickle.dumps(err))
        assert type(back) is type(err) and str(back) == str(err) and back.code == err.code
        assert getattr(back, "field", None) == getattr(err, "field", None)


def test_every_code_formats_with_its_own_fields():
    import string

    from authentic_nlp.errors import AuthenticNLPError, Errors

    for code in [name for name in vars(Errors) if name[:1] == "E" and name[1:].isdigit()]:
        fields = {f for _, f, _, _ in string.Formatter().parse(getattr(Errors, code)) if f}
        message = str(AuthenticNLPError(code, **{f: 7 for f in fields}))  # numbers: some fields format as numbers
        assert message.startswith(f"[{code}] ") and "{" not in message
