"""What carries from the last meeting with the same person into the next."""

from __future__ import annotations

from datetime import date

import pytest

from prep.domain.carry_over import NO_CARRY_OVER, CarryOver, carry_over_from
from prep.domain.checklist import Ask, Checklist, Deadline, Need, Problem, Solution

SIGN_OFF = Ask(1, "Sign-off on the budget", date(2026, 12, 4))
TESTERS = Ask(2, "Two more testers")
LAUNCH = Deadline(1, "Launch", date(2026, 12, 7), date(2026, 12, 11), date(2026, 12, 18))
BETA = Deadline(2, "Beta")
SOLVED = Problem(1, "Vendor delay", (Solution(1, "Use the backup vendor"),), Need.DECISION)
UNSOLVED = Problem(2, "Lab capacity")
HELP = Problem(3, "Flaky CI", ask_for_help=True)


def test_no_previous_meeting_carries_nothing():
    carried = carry_over_from(None)
    assert carried == CarryOver(from_meeting_id=None)
    assert carried is NO_CARRY_OVER
    assert carried.is_empty


def test_an_empty_previous_checklist_carries_nothing_but_its_id():
    carried = carry_over_from(Checklist(meeting_id=4))
    assert carried == CarryOver(from_meeting_id=4)
    assert carried.is_empty


def test_everything_written_carries_and_blanks_do_not():
    previous = Checklist(
        meeting_id=4,
        asks=(SIGN_OFF, Ask(9, "  "), TESTERS),
        deadlines=(Deadline(8, "", earliest=date(2026, 12, 1)), LAUNCH, Deadline(9, "\n"), BETA),
        problems=(SOLVED, UNSOLVED, Problem(9, " "), HELP),
    )
    assert carry_over_from(previous) == CarryOver(
        from_meeting_id=4,
        open_asks=(SIGN_OFF, TESTERS),
        deadlines=(LAUNCH, BETA),
        unsolved_problems=(UNSOLVED, HELP),
    )


@pytest.mark.parametrize(
    ("problem", "carries"),
    [
        (UNSOLVED, True),
        (HELP, True),  # asked for help, but the help may not have come
        (Problem(1, "Lab", (Solution(1, "  "),)), True),  # a blank solution is none
        (SOLVED, False),
        (Problem(1, "Lab", (Solution(1, ""), Solution(2, "Book the lab"))), False),
        (Problem(1, "Lab", (Solution(1, "Book it"),), ask_for_help=True), False),
        (Problem(1, "", ask_for_help=True), False),
    ],
)
def test_which_problems_stay_unsolved(problem, carries):
    carried = carry_over_from(Checklist(meeting_id=1, problems=(problem,)))
    assert carried.unsolved_problems == ((problem,) if carries else ())


@pytest.mark.parametrize(
    ("carry_over", "empty"),
    [
        (CarryOver(None), True),
        (CarryOver(3), True),
        (CarryOver(3, open_asks=(TESTERS,)), False),
        (CarryOver(3, deadlines=(BETA,)), False),
        (CarryOver(3, unsolved_problems=(UNSOLVED,)), False),
    ],
)
def test_is_empty(carry_over, empty):
    assert carry_over.is_empty is empty


def test_flags_do_not_carry():
    # "No asks" and "nothing to raise" were answers for that meeting only.
    previous = Checklist(meeting_id=2, no_asks=True, nothing_to_raise=True, planned_level=5)
    assert carry_over_from(previous).is_empty
