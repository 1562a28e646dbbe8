"""`audit` reads what `score` reads: an export folder or a profile folder, with `--creator`."""

from __future__ import annotations

from pathlib import Path

import pytest

from authentic_nlp.audit.run import run_audit
from authentic_nlp.learn.predictor import NO_MODEL
from authentic_nlp.pipeline import AnalysisOptions

CONFORMANCE = Path(__file__).parent / "fixtures" / "conformance"


# folder, --creator, {creator: (posts, comments, audience comments, creator replies)}: an export holds
# only the account's own comments, none of the audience's, so none of them answers a comment there
@pytest.mark.slow
@pytest.mark.parametrize("name,creator,expected", [
    ("meta_export_deep", "dan.outdoors", {"dan.outdoors": (1, 2, 0, 0)}),
    ("meta_export_flat", None, {"chiara.onde": (2, 3, 0, 0)}),
    ("instaloader_profile/pia.verde", None, {"pia.verde": (2, 6, 4, 2)}),
])
def test_audit_reads_folders_and_takes_the_creator(tmp_path, name, creator, expected):
    result = run_audit([CONFORMANCE / name], options=AnalysisOptions(model_path=NO_MODEL), out_dir=tmp_path / "out",
                       html=False, creator=creator)
    found = {s["creator"]: (s["posts"], *(s["conversation"][key] for key in
                                           ("comments", "audience_comments", "creator_replies")))
             for s in result.summaries}
    assert found == expected
