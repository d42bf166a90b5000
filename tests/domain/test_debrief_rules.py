"""The debrief's rules: when it is done, the meeting's status, what carries over,
and when feedback is due."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, timedelta

import pytest

from prep.domain.checklist import Ask
from prep.domain.debrief import ActionItem, AskAnswer, AskResult, Debrief, Owner, UnsaidItem
from prep.domain.debrief_rules import (
    CADENCE_MONTHS,
    TEMPERATURE_LABELS,
    OpenItems,
    debrief_done,
    debrief_missing,
    feedback_due,
    level_gap,
    meeting_status,
    next_feedback_date,
    open_items,
    overdue,
    unsaid_from_asks,
)
from prep.domain.models import Cadence, Status
from tests.helpers import NOW

OUTCOME = "Write how it went: the outcome and any decisions."
TEMPERATURE = "Rate the relationship temperature (1\u20135)."
ACTUAL = "Rate how assertive you actually were."

DONE = Debrief(meeting_id=7, outcome="Budget signed off", temperature=4, actual_level=5)
TODAY = NOW.date()  # Friday 27 November 2026


# -- Done or not ---------------------------------------------------------------


def test_an_empty_debrief_misses_all_three():
    debrief = Debrief(meeting_id=7)
    assert debrief_missing(debrief) == [OUTCOME, TEMPERATURE, ACTUAL]
    assert not debrief_done(debrief)


def test_outcome_temperature_and_actual_level_make_it_done():
    assert debrief_missing(DONE) == []
    assert debrief_done(DONE)


@pytest.mark.parametrize(
    ("changes", "missing"),
    [
        ({"outcome": ""}, [OUTCOME]),
        ({"outcome": " \n\t"}, [OUTCOME]),
        ({"outcome": "x"}, []),
        ({"temperature": None}, [TEMPERATURE]),
        ({"temperature": 0}, [TEMPERATURE]),
        ({"temperature": 1}, []),
        ({"temperature": 5}, []),
        ({"temperature": 6}, [TEMPERATURE]),
        ({"actual_level": None}, [ACTUAL]),
        ({"actual_level": 0}, [ACTUAL]),
        ({"actual_level": 1}, []),
        ({"actual_level": 10}, []),
        ({"actual_level": 11}, [ACTUAL]),
        ({"outcome": "", "actual_level": None}, [OUTCOME, ACTUAL]),
    ],
)
def test_each_missing_part_is_named(changes, missing):
    debrief = replace(DONE, **changes)
    assert debrief_missing(debrief) == missing
    assert debrief_done(debrief) is (not missing)


@pytest.mark.parametrize(
    "changes",
    [
        # Neither overall nor feedback, nor anything else, is required.
        {"overall": None},
        {"feedback_asked": True},
        {"coaching_note": ""},
        {"ask_results": (AskResult(1),)},
    ],
)
def test_other_fields_do_not_hold_it_back(changes):
    assert debrief_done(replace(DONE, **changes))


def test_temperature_words_cover_the_scale():
    assert [TEMPERATURE_LABELS[n] for n in range(1, 6)] == [
        "cold",
        "cool",
        "neutral",
        "warm",
        "very warm",
    ]


# -- Status --------------------------------------------------------------------

UNFINISHED = Debrief(meeting_id=7, outcome="Half written")
SECOND = timedelta(seconds=1)


@pytest.mark.parametrize(
    ("starts_at", "steps", "debrief", "status"),
    [
        (NOW + SECOND, 0, None, Status.PLANNED),
        (NOW + SECOND, 3, None, Status.PLANNED),
        (NOW + SECOND, 4, None, Status.PREPARED),
        (NOW + SECOND, 4, UNFINISHED, Status.PREPARED),
        (NOW, 0, None, Status.HELD),  # starting now counts as held
        (NOW, 4, None, Status.HELD),
        (NOW - SECOND, 4, UNFINISHED, Status.HELD),
        (NOW - timedelta(days=40), 0, Debrief(meeting_id=7), Status.HELD),
        (NOW - SECOND, 0, DONE, Status.DEBRIEFED),
        (NOW, 4, DONE, Status.DEBRIEFED),
        # Moved later after it was debriefed: it stays debriefed.
        (NOW + timedelta(days=1), 2, DONE, Status.DEBRIEFED),
    ],
)
def test_meeting_status(starts_at, steps, debrief, status):
    assert meeting_status(starts_at, NOW, steps, debrief) is status


def test_status_compares_instants_across_zones():
    same_instant = NOW.astimezone(UTC)
    assert meeting_status(same_instant, NOW, 0, None) is Status.HELD
    assert meeting_status(same_instant + SECOND, NOW, 0, None) is Status.PLANNED


# -- Asks not asked become unsaid ----------------------------------------------

ASKS = (
    Ask(1, "Sign-off on the budget", date(2026, 12, 4)),
    Ask(2, "  Two more testers \n"),
    Ask(3, "A named owner"),
    Ask(4, "   "),
    Ask(5, "Access to staging"),
    Ask(6, "A demo slot"),
)


def test_only_asks_not_asked_become_unsaid_in_ask_order():
    results = (
        AskResult(6, asked=False),
        AskResult(1, asked=True, answer=AskAnswer.GRANTED),
        AskResult(2, asked=False),
        AskResult(3, asked=None),
        AskResult(4, asked=False),  # a blank ask has nothing to carry
        AskResult(99, asked=False),  # not one of these asks
        # 5 has no result at all
    )
    assert unsaid_from_asks(ASKS, results) == ["Two more testers", "A demo slot"]


@pytest.mark.parametrize(
    ("result", "unsaid"),
    [
        (AskResult(1, asked=False), ["Sign-off on the budget"]),
        (AskResult(1, asked=False, answer=AskAnswer.NO_ANSWER), ["Sign-off on the budget"]),
        (AskResult(1, asked=None), []),
        (AskResult(1, asked=True), []),
        (AskResult(1, asked=True, answer=AskAnswer.REFUSED), []),
        (AskResult(1, asked=True, answer=AskAnswer.NO_ANSWER), []),
        (AskResult(2, asked=False), []),  # a result for another ask
    ],
)
def test_one_ask(result, unsaid):
    assert unsaid_from_asks(ASKS[:1], (result,)) == unsaid


def test_no_asks_no_unsaid():
    assert unsaid_from_asks((), (AskResult(1, asked=False),)) == []
    assert unsaid_from_asks(ASKS, ()) == []


# -- Assertiveness gap ---------------------------------------------------------


@pytest.mark.parametrize(
    ("planned", "actual", "gap"),
    [
        (5, 5, "On plan, in the just-right zone"),
        (5, 3, "2 below plan, in the too-little zone"),
        (4, 8, "4 above plan, in the too-much zone"),
        (1, 10, "9 above plan, in the too-much zone"),
        (10, 1, "9 below plan, in the too-little zone"),
        (8, 7, "1 below plan, in the just-right zone"),
        (None, 5, None),
        (5, None, None),
        (None, None, None),
        (0, 5, None),
        (5, 11, None),
    ],
)
def test_level_gap(planned, actual, gap):
    assert level_gap(planned, actual) == gap


# -- Carry-over ----------------------------------------------------------------

RESOLVED = NOW - timedelta(days=1)


def unsaid(id_: int, text: str = "Something", resolved: bool = False) -> UnsaidItem:
    return UnsaidItem(id_, 7, text, resolved_at=RESOLVED if resolved else None)


def action(
    id_: int, due: date | None = None, done: bool = False, text: str = "Do it"
) -> ActionItem:
    return ActionItem(id_, 7, text, Owner.ME, due, done_at=RESOLVED if done else None)


def test_open_items_keep_only_open_ones_in_carry_over_order():
    items = open_items(
        [unsaid(5), unsaid(2, resolved=True), unsaid(1), unsaid(3, " \n"), unsaid(4)],
        [
            action(1),
            action(2, date(2026, 12, 4)),
            action(3, date(2026, 11, 30), done=True),
            action(4, date(2026, 11, 30)),
            action(5, date(2026, 12, 4)),
            action(6, date(2026, 12, 1), text="  "),
            action(0),
        ],
    )
    assert items == OpenItems(
        unsaid=(unsaid(1), unsaid(4), unsaid(5)),
        action_items=(
            action(4, date(2026, 11, 30)),
            action(2, date(2026, 12, 4)),
            action(5, date(2026, 12, 4)),
            action(0),
            action(1),
        ),
    )
    assert not items.is_empty


@pytest.mark.parametrize(
    ("unsaid_items", "actions", "empty"),
    [
        ([], [], True),
        ([unsaid(1, resolved=True)], [action(1, done=True)], True),
        ([unsaid(1)], [], False),
        ([], [action(1)], False),
    ],
)
def test_open_items_is_empty(unsaid_items, actions, empty):
    assert open_items(iter(unsaid_items), iter(actions)).is_empty is empty


def test_open_items_accepts_generators_once():
    items = open_items((u for u in [unsaid(2), unsaid(1)]), (a for a in [action(1)]))
    assert items.unsaid == (unsaid(1), unsaid(2))
    assert items.action_items == (action(1),)


@pytest.mark.parametrize(
    ("due", "done", "late"),
    [
        (TODAY - timedelta(days=30), False, True),
        (TODAY - timedelta(days=1), False, True),
        (TODAY, False, False),  # due today still has the rest of the day
        (TODAY + timedelta(days=1), False, False),
        (None, False, False),
        (TODAY - timedelta(days=1), True, False),
    ],
)
def test_overdue_one(due, done, late):
    item = action(1, due, done)
    assert overdue([item], TODAY) == ([item] if late else [])


def test_overdue_lists_the_longest_overdue_first():
    items = [
        action(1, date(2026, 11, 26)),
        action(2, date(2026, 11, 1)),
        action(3, date(2026, 11, 26)),
        action(4, date(2026, 11, 20), done=True),
        action(5, date(2026, 11, 27)),
        action(6, date(2026, 11, 2), text=" "),
    ]
    assert [a.id for a in overdue(items, TODAY)] == [2, 1, 3]


# -- Feedback rhythm -----------------------------------------------------------


def test_cadences_are_three_six_and_twelve_months():
    assert CADENCE_MONTHS == {Cadence.QUARTERLY: 3, Cadence.HALF_YEARLY: 6, Cadence.YEARLY: 12}


@pytest.mark.parametrize("cadence", list(Cadence))
def test_never_asked_is_due_today(cadence):
    assert feedback_due(None, cadence, TODAY)
    assert next_feedback_date(None, cadence, TODAY) == TODAY


@pytest.mark.parametrize(
    ("last", "cadence", "next_date"),
    [
        (date(2026, 8, 27), Cadence.QUARTERLY, date(2026, 11, 27)),
        (date(2026, 5, 27), Cadence.HALF_YEARLY, date(2026, 11, 27)),
        (date(2025, 11, 27), Cadence.YEARLY, date(2026, 11, 27)),
        # Calendar months, clamped to the month's end.
        (date(2026, 11, 30), Cadence.QUARTERLY, date(2027, 2, 28)),
        (date(2027, 8, 31), Cadence.HALF_YEARLY, date(2028, 2, 29)),
        (date(2024, 2, 29), Cadence.YEARLY, date(2025, 2, 28)),
        (date(2026, 10, 31), Cadence.QUARTERLY, date(2027, 1, 31)),
    ],
)
def test_next_feedback_date_is_one_period_on(last, cadence, next_date):
    assert next_feedback_date(last, cadence, TODAY) == next_date


def test_next_feedback_date_stays_in_the_past_when_overdue():
    assert next_feedback_date(date(2025, 1, 10), Cadence.QUARTERLY, TODAY) == date(2025, 4, 10)


@pytest.mark.parametrize(
    ("last", "cadence", "due"),
    [
        (date(2026, 8, 26), Cadence.QUARTERLY, True),
        (date(2026, 8, 27), Cadence.QUARTERLY, True),  # exactly a quarter ago
        (date(2026, 8, 28), Cadence.QUARTERLY, False),
        (date(2026, 5, 27), Cadence.HALF_YEARLY, True),
        (date(2026, 5, 28), Cadence.HALF_YEARLY, False),
        (date(2026, 8, 27), Cadence.HALF_YEARLY, False),
        (date(2025, 11, 27), Cadence.YEARLY, True),
        (date(2025, 11, 28), Cadence.YEARLY, False),
        (date(2026, 5, 27), Cadence.YEARLY, False),
        (TODAY, Cadence.QUARTERLY, False),  # just asked
        (date(2020, 1, 1), Cadence.YEARLY, True),
    ],
)
def test_feedback_due(last, cadence, due):
    assert feedback_due(last, cadence, TODAY) is due


def test_feedback_due_at_a_clamped_month_end():
    asked = date(2026, 11, 30)
    assert not feedback_due(asked, Cadence.QUARTERLY, date(2027, 2, 27))
    assert feedback_due(asked, Cadence.QUARTERLY, date(2027, 2, 28))


def test_cadence_given_as_its_stored_text():
    assert next_feedback_date(date(2026, 5, 27), "half-yearly", TODAY) == date(2026, 11, 27)
