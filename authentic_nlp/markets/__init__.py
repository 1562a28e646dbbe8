"""Disclosure rules per market as data: `it.yaml`, `us.yaml`, `uk.yaml` (labels, placement, the
platform flag), `signals.yaml` (language-independent commercial signals) and `probability.yaml`
(the coefficients of `sponsorship.probability`). `rules.load_markets` loads and validates them,
with an analyst's own `--rules` file applied; `loader.load_signals` loads the signal cues.
Nothing is loaded at import time.
"""
