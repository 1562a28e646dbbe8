"""Regression tests, named after what broke."""

from __future__ import annotations

import pytest

from authentic_nlp import analyze_text


# fmt: off
@pytest.mark.parametrize("text, fires", [
    ("Il sugo era perfetto, la prossima volta meno sale.",      False),   # Italian 'sale' = salt
    ("Pasta con burro e salvia, un po' di sale e pepe",         False),
    ("Big sale this weekend at @shopx, 30% off everything",     True),
    ("Everything is on sale at @shopx until Sunday",            True),
])
# fmt: on
def test_italian_sale_is_salt_not_a_promotion(text, fires):
    evidence = analyze_text(text)["sponsorship"]["evidence"]
    assert any("sale" in e["text"].lower() for e in evidence) is fires
