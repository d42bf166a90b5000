"""The reliability soaks: each prints its figures (counts, not impressions).

Run with `python3 dev.py reliability`; CI runs them after the main suite.
RELIABILITY_RUNS raises the repetition counts for a longer local soak.
"""

from __future__ import annotations

import os

import pytest


@pytest.fixture
def runs() -> int:
    """How many times a soak repeats: 10 in CI, more with RELIABILITY_RUNS."""
    return int(os.environ.get("RELIABILITY_RUNS", "10"))
