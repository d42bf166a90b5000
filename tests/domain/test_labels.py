"""Each label table names every value it labels: the screens and the reports
both read these tables, so a value added to an enum and missed here would
show as a crash on one side only."""

from __future__ import annotations

import pytest

from prep.domain.checklist import CONFIDENCE_LABELS, Confidence
from prep.domain.debrief import (
    ANSWER_LABELS,
    ASKED_LABELS,
    OUTCOME_LABELS,
    AskAnswer,
    ProposalOutcome,
)
from prep.domain.debrief_rules import RATINGS, TEMPERATURE_LABELS
from prep.domain.models import RANK_PHRASES, Rank


@pytest.mark.parametrize(
    ("labels", "values"),
    [
        (RANK_PHRASES, list(Rank)),
        (ANSWER_LABELS, list(AskAnswer)),
        (ASKED_LABELS, [True, False]),
        (OUTCOME_LABELS, list(ProposalOutcome)),
        (CONFIDENCE_LABELS, list(Confidence)),
        (TEMPERATURE_LABELS, list(RATINGS)),
    ],
)
def test_every_value_has_one_label(labels, values):
    print(f"{len(values)} values, {len(labels)} labels")
    assert list(labels) == values  # in the values' own order: choices list them so
    assert all(label.strip() for label in labels.values())
    assert len(set(labels.values())) == len(values)
