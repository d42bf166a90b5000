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


def test_debrief_answers_close_asks_and_unasked_ones_become_unsaid_instead():
    from prep.domain.checklist import Ask, Checklist
    from prep.domain.debrief import AskAnswer, AskResult, Debrief

    asks = tuple(Ask(id=i, text=f"ask {i}") for i in range(1, 6))
    previous = Checklist(meeting_id=7, asks=asks)
    results = (
        AskResult(1, asked=True, answer=AskAnswer.GRANTED),
        AskResult(2, asked=True, answer=AskAnswer.REFUSED),
        AskResult(3, asked=True, answer=AskAnswer.LATER),
        AskResult(4, asked=False),
        # ask 5: no result recorded
    )
    carry = carry_over_from(previous, Debrief(meeting_id=7, ask_results=results))
    assert [a.id for a in carry.open_asks] == [3, 5]


def test_a_moved_deadline_carries_with_its_new_range():
    from datetime import date

    from prep.domain.checklist import Checklist, Deadline
    from prep.domain.debrief import DeadlineMove, Debrief

    planned = Deadline(
        id=3,
        label="Go-live",
        earliest=date(2027, 1, 4),
        likely=date(2027, 1, 11),
        latest=date(2027, 1, 25),
    )
    move = DeadlineMove(
        id=1,
        deadline_id=3,
        meeting_id=7,
        earliest=date(2027, 2, 1),
        likely=date(2027, 2, 8),
        latest=date(2027, 2, 22),
    )
    carry = carry_over_from(
        Checklist(meeting_id=7, deadlines=(planned,)), Debrief(meeting_id=7, deadline_moves=(move,))
    )
    [carried] = carry.deadlines
    assert (carried.label, carried.earliest, carried.likely, carried.latest) == (
        "Go-live",
        date(2027, 2, 1),
        date(2027, 2, 8),
        date(2027, 2, 22),
    )
