"""The weekly review's numbers, from a hand-built week with known answers.

WEEK is the week of Monday 23 November 2026, reviewed at NOW (Friday 27
November, 14:00): five meetings have started (the fifth exactly at NOW)
and one, on Saturday, has not. The test of the Markdown review uses the
same week.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from prep.domain.assertiveness import Zone
from prep.domain.checklist import HoldBackReason
from prep.domain.debrief import Owner
from prep.domain.models import Cadence, Rank, Setting
from prep.domain.review import (
    ActionLine,
    MovedDeadline,
    PersonFeedback,
    Reflection,
    ReviewMeeting,
    UpcomingDeadline,
    WeekInput,
)
from prep.domain.review_stats import (
    Assertiveness,
    LevelRow,
    Numbers,
    assertiveness,
    feedback_due_people,
    held_week,
    hold_back_reasons,
    is_empty,
    numbers,
    settings,
    sparkline,
)
from tests.helpers import NOW, at

TODAY = NOW.date()  # Friday 27 November 2026

# Monday 10:00: prepared, debriefed, 5 planned -> 4 actual.
M1 = ReviewMeeting(
    1, "Q4 budget review", 1, "Dana Reyes", Rank.SENIOR, at(-4, 10), Setting.VIDEO,
    steps_done=4, prepared_before=True, debriefed=True, planned_level=5, actual_level=4,
    temperature=4, asks_planned=2, asks_asked=2, asks_granted=1, problems_with_solution=1,
    problems_for_help=1, feedback_asked=True, hold_back_reason=HoldBackReason.NOT_MY_PLACE,
)
# Tuesday 15:00: over coffee, 6 -> 7.
M2 = ReviewMeeting(
    2, "Pilot check-in", 2, "Sam Okafor", Rank.PEER, at(-3, 15), Setting.COFFEE,
    steps_done=4, prepared_before=True, debriefed=True, planned_level=6, actual_level=7,
    temperature=5, asks_planned=1, asks_asked=1, asks_granted=1, problems_with_solution=1,
    hold_back_reason=HoldBackReason.MORE_DATA,
)
# Wednesday 09:30: half prepared, not debriefed; a "|" in the title.
M3 = ReviewMeeting(
    3, "Steering | committee", 3, "Priya Shah", Rank.SENIOR, at(-2, 9, 30), Setting.OFFICE,
    steps_done=2, planned_level=6, asks_planned=2, problems_without=1,
    hold_back_reason=HoldBackReason.MORE_DATA,
)
# Thursday 12:30: a shared meal, 4 -> 2.
M4 = ReviewMeeting(
    4, "Contract renewal", 1, "Dana Reyes", Rank.SENIOR, at(-1, 12, 30), Setting.MEAL,
    steps_done=4, prepared_before=True, debriefed=True, planned_level=4, actual_level=2,
    temperature=3, asks_planned=1, asks_asked=1, problems_with_solution=2, feedback_asked=True,
    hold_back_reason=HoldBackReason.NOT_MY_PLACE,
)
# Friday 14:00, exactly NOW: started, so held; temperature rated, debrief not finished.
M5 = ReviewMeeting(
    5, "Weekly sync", 2, "Sam Okafor", Rank.PEER, NOW, Setting.VIDEO,
    steps_done=4, prepared_before=True, planned_level=5, temperature=3, asks_planned=1,
    hold_back_reason=HoldBackReason.EMBARRASS,
)
# Saturday 10:00: not yet held. Every number it carries must stay out of the review.
M6 = ReviewMeeting(
    6, "Team 1:1", 4, "Lee Park", Rank.JUNIOR, at(1, 10), Setting.PHONE,
    steps_done=4, prepared_before=True, planned_level=5, asks_planned=3,
    problems_with_solution=5, hold_back_reason=HoldBackReason.FEAR,
)

WEEK = WeekInput(
    week_start=date(2026, 11, 23),
    # Out of order on purpose: the review sorts by start.
    meetings=(M6, M4, M2, M5, M1, M3),
    unsaid_opened=3,
    unsaid_resolved=1,
    open_unsaid_by_person=(("Dana Reyes", 2), ("Priya Shah", 1)),
    moved_deadlines=(
        MovedDeadline("Go-live", "Dana Reyes", date(2026, 12, 4), date(2026, 12, 11)),
        MovedDeadline("Data migration", "Priya Shah", date(2026, 12, 18), date(2026, 12, 17)),
        MovedDeadline("# Security review", "Dana Reyes", None, date(2027, 1, 15)),
    ),
    upcoming_deadlines=(
        UpcomingDeadline(
            "Pilot launch", "Sam Okafor", date(2026, 12, 7), date(2026, 12, 9), date(2026, 12, 11)
        ),
        UpcomingDeadline("Board pack", "Priya Shah", None, date(2026, 12, 3), None),
    ),
    actions_overdue=(
        ActionLine("Send the revised plan", "Dana Reyes", Owner.ME, date(2026, 11, 20)),
    ),
    actions_due_next_week=(
        ActionLine("Confirm the venue", "Sam Okafor", Owner.THEM, date(2026, 12, 2)),
        ActionLine("Share <b>test</b> results", "Priya Shah", Owner.ME, date(2026, 12, 4)),
    ),
    actions_done=(ActionLine("Book the workshop room", "Sam Okafor", Owner.ME, None),),
    people=(
        # Exactly one quarter ago: due.
        PersonFeedback("Dana Reyes", Cadence.QUARTERLY, date(2026, 8, 27)),
        # One day less than a quarter: not due.
        PersonFeedback("Sam Okafor", Cadence.QUARTERLY, date(2026, 8, 28)),
        # Never asked: due, and listed first.
        PersonFeedback("Priya Shah", Cadence.HALF_YEARLY, None),
        PersonFeedback("Lee Park", Cadence.YEARLY, date(2025, 6, 1)),
    ),
    gap_trend=(None, None, -2.0, -1.0, -1.5, 0.0, None, 0.5, -1.0, -0.5, 1.0, -2 / 3),
    reflection=Reflection(
        went_well="Asked Dana for the sign-off directly.",
        to_change="Bring a solution for the staging problem.\n\nSay no to late additions.",
        focus="Raise the migration risk with Priya.",
    ),
    last_week_focus="Ask for decisions, not opinions.",
)

# The week before: three meetings, all held.
PREVIOUS = WeekInput(
    week_start=date(2026, 11, 16),
    meetings=(
        ReviewMeeting(
            11, "Kick-off", 1, "Dana Reyes", Rank.SENIOR, at(-11, 10), Setting.OFFICE,
            prepared_before=True, debriefed=True, asks_planned=2, asks_asked=2,
            asks_granted=2, problems_with_solution=1,
        ),
        ReviewMeeting(
            12, "Retro", 2, "Sam Okafor", Rank.PEER, at(-10, 16), Setting.VIDEO,
            prepared_before=True, debriefed=True, asks_planned=1,
        ),
        ReviewMeeting(
            13, "Ops review", 3, "Priya Shah", Rank.SENIOR, at(-8, 11), Setting.VIDEO,
            debriefed=True, problems_for_help=1,
        ),
    ),
)


def meeting(id: int, **changes) -> ReviewMeeting:
    """A bare held meeting on Monday, changed as given."""
    base = ReviewMeeting(
        id, f"Meeting {id}", id, f"Person {id}", Rank.SENIOR, at(-4, 9 + id % 8), Setting.VIDEO
    )
    return replace(base, **changes)


def week_of(*meetings: ReviewMeeting, **changes) -> WeekInput:
    return replace(WeekInput(week_start=date(2026, 11, 23), meetings=meetings), **changes)


# -- Numbers ---------------------------------------------------------------------


def test_numbers_of_the_week():
    assert numbers(WEEK, NOW) == Numbers(
        held=5,
        prepared_share=4 / 5,  # M1, M2, M4, M5
        debriefed_share=3 / 5,  # M1, M2, M4
        asks_planned=7,  # 2 + 1 + 2 + 1 + 1; M6's 3 not yet
        asks_asked=4,
        asks_granted=2,
        problems_with_solution=4,  # 1 + 1 + 2; M6's 5 not yet
        problems_without=1,
        problems_for_help=1,
        feedback_conversations=2,
    )


def test_numbers_of_the_previous_week():
    assert numbers(PREVIOUS, NOW) == Numbers(
        held=3,
        prepared_share=2 / 3,
        debriefed_share=1.0,
        asks_planned=3,
        asks_asked=2,
        asks_granted=2,
        problems_with_solution=1,
        problems_without=0,
        problems_for_help=1,
        feedback_conversations=0,
    )


@pytest.mark.parametrize(
    ("now", "held", "prepared", "asks_planned"),
    [
        (at(-4, 9, 59), 0, None, 0),  # Monday, before the first meeting
        (at(-4, 10), 1, 1.0, 2),  # the first meeting's start counts as held
        (at(-2, 9, 29), 2, 1.0, 3),
        (at(-2, 9, 30), 3, 2 / 3, 5),
        (NOW - timedelta(minutes=1), 4, 3 / 4, 6),
        (NOW, 5, 4 / 5, 7),
        (at(2, 9), 6, 5 / 6, 10),  # Sunday: the whole week has happened
    ],
)
def test_a_partly_future_week_counts_only_meetings_that_have_started(
    now, held, prepared, asks_planned
):
    result = numbers(WEEK, now)
    assert (result.held, result.prepared_share, result.asks_planned) == (
        held,
        prepared,
        asks_planned,
    )


def test_no_meeting_held_has_no_shares():
    result = numbers(week_of(), NOW)
    assert result == Numbers(0, None, None, 0, 0, 0, 0, 0, 0, 0)


def test_held_week_keeps_everything_but_the_meetings_to_come():
    held = held_week(WEEK, NOW)
    assert {m.id for m in held.meetings} == {1, 2, 3, 4, 5}
    assert replace(held, meetings=WEEK.meetings) == WEEK


# -- Assertiveness ---------------------------------------------------------------


def test_assertiveness_of_the_week():
    assert assertiveness(held_week(WEEK, NOW)) == Assertiveness(
        rows=(
            LevelRow("Q4 budget review", "Dana Reyes", 5, 4, -1),
            LevelRow("Pilot check-in", "Sam Okafor", 6, 7, 1),
            LevelRow("Steering | committee", "Priya Shah", 6, None, None),
            LevelRow("Contract renewal", "Dana Reyes", 4, 2, -2),
            LevelRow("Weekly sync", "Sam Okafor", 5, None, None),
        ),
        average_gap=-2 / 3,  # (-1 + 1 - 2) / 3
        lean="below plan",
        lean_zone=Zone.JUST_RIGHT,  # actual (4 + 7 + 2) / 3 = 4.3 -> 4
        gap_by_rank=((Rank.SENIOR, -1.5, 2), (Rank.PEER, 1.0, 1)),
    )


def test_the_meeting_to_come_shows_its_plan_when_not_filtered_out():
    rows = assertiveness(WEEK).rows
    assert rows[-1] == LevelRow("Team 1:1", "Lee Park", 5, None, None)


def test_meetings_with_neither_level_are_left_out_and_off_scale_levels_do_not_count():
    week = week_of(
        meeting(1),
        meeting(2, planned_level=0, actual_level=11),
        meeting(3, planned_level=True, actual_level=5),
        meeting(4, actual_level=8),
    )
    result = assertiveness(week)
    assert result.rows == (
        LevelRow("Meeting 3", "Person 3", None, 5, None),
        LevelRow("Meeting 4", "Person 4", None, 8, None),
    )
    # No meeting rated both ways: no gap, but a zone from the actual levels (6.5 -> 7).
    assert (result.average_gap, result.lean, result.gap_by_rank) == (None, None, ())
    assert result.lean_zone is Zone.JUST_RIGHT


def test_nothing_rated_has_no_gap_and_no_zone():
    assert assertiveness(week_of(meeting(1))) == Assertiveness((), None, None, None, ())


@pytest.mark.parametrize(
    ("levels", "lean", "lean_zone"),
    [
        ([(5, 5)], "on plan", Zone.JUST_RIGHT),
        ([(5, 6), (6, 5)], "on plan", Zone.JUST_RIGHT),
        ([(3, 4)], "above plan", Zone.JUST_RIGHT),
        ([(3, 3), (4, 4)], "on plan", Zone.JUST_RIGHT),  # 3.5 rounds up, to 4
        ([(7, 7), (8, 8)], "on plan", Zone.TOO_MUCH),  # 7.5 rounds up, to 8
        ([(4, 3), (4, 3)], "below plan", Zone.TOO_LITTLE),
        ([(5, 9), (5, 10)], "above plan", Zone.TOO_MUCH),
    ],
)
def test_lean_and_zone(levels, lean, lean_zone):
    week = week_of(
        *(meeting(i, planned_level=p, actual_level=a) for i, (p, a) in enumerate(levels, 1))
    )
    result = assertiveness(week)
    assert (result.lean, result.lean_zone) == (lean, lean_zone)


def test_gap_by_rank_lists_ranks_present_senior_first():
    week = week_of(
        meeting(1, rank=Rank.JUNIOR, planned_level=5, actual_level=7),
        meeting(2, rank=Rank.PEER, planned_level=5, actual_level=5),
        meeting(3, rank=Rank.JUNIOR, planned_level=5, actual_level=6),
        meeting(4, rank=Rank.SENIOR, planned_level=5),  # no gap: not counted
    )
    assert assertiveness(week).gap_by_rank == ((Rank.PEER, 0.0, 1), (Rank.JUNIOR, 1.5, 2))


def test_rows_come_in_start_order_ties_by_id():
    first = meeting(2, starts_at=at(-4, 9), planned_level=5)
    second = meeting(1, starts_at=at(-4, 9), planned_level=6)
    third = meeting(3, starts_at=at(-5, 9), planned_level=7)
    titles = [row.title for row in assertiveness(week_of(first, second, third)).rows]
    assert titles == ["Meeting 3", "Meeting 1", "Meeting 2"]


# -- Holding back ----------------------------------------------------------------


def test_reasons_most_common_first_ties_in_the_reasons_order():
    # NOT_MY_PLACE is named first in the week, but MORE_DATA comes first in
    # the enum; EMBARRASS comes before both in the enum but is named less.
    assert hold_back_reasons(held_week(WEEK, NOW)) == [
        (HoldBackReason.MORE_DATA, 2),
        (HoldBackReason.NOT_MY_PLACE, 2),
        (HoldBackReason.EMBARRASS, 1),
    ]


def test_reasons_of_every_meeting_given():
    assert hold_back_reasons(WEEK)[-1] == (HoldBackReason.FEAR, 1)


def test_no_reasons():
    assert hold_back_reasons(week_of(meeting(1))) == []


# -- Setting ---------------------------------------------------------------------


def test_settings_in_the_enum_order_with_average_temperature():
    assert settings(held_week(WEEK, NOW)) == [
        (Setting.VIDEO, 2, 3.5),  # M1 4, M5 3
        (Setting.OFFICE, 1, None),  # M3 not rated
        (Setting.COFFEE, 1, 5.0),
        (Setting.MEAL, 1, 3.0),
    ]


def test_settings_ignore_off_scale_temperatures():
    week = week_of(
        meeting(1, setting=Setting.PHONE, temperature=0),
        meeting(2, setting=Setting.PHONE, temperature=6),
        meeting(3, setting=Setting.PHONE, temperature=2),
    )
    assert settings(week) == [(Setting.PHONE, 3, 2.0)]


# -- Feedback due ----------------------------------------------------------------


def test_feedback_due_never_first_then_oldest():
    due = feedback_due_people(WEEK, TODAY)
    assert [p.person for p in due] == ["Priya Shah", "Lee Park", "Dana Reyes"]


@pytest.mark.parametrize(
    ("last", "cadence", "due"),
    [
        (None, Cadence.YEARLY, True),
        (date(2026, 8, 27), Cadence.QUARTERLY, True),  # exactly one period ago
        (date(2026, 8, 28), Cadence.QUARTERLY, False),  # one day less
        (date(2026, 5, 27), Cadence.HALF_YEARLY, True),
        (date(2026, 5, 28), Cadence.HALF_YEARLY, False),
        (date(2025, 11, 27), Cadence.YEARLY, True),
        (date(2025, 11, 28), Cadence.YEARLY, False),
        (TODAY, Cadence.QUARTERLY, False),
    ],
)
def test_feedback_due_by_cadence(last, cadence, due):
    week = week_of(people=(PersonFeedback("Dana", cadence, last),))
    assert bool(feedback_due_people(week, TODAY)) is due


def test_a_quarter_after_a_month_end_is_clamped():
    # Asked on 30 November: a quarter later is 28 February, not 2 March.
    week = week_of(people=(PersonFeedback("Dana", Cadence.QUARTERLY, date(2026, 11, 30)),))
    assert feedback_due_people(week, date(2027, 2, 27)) == []
    assert len(feedback_due_people(week, date(2027, 2, 28))) == 1


def test_feedback_due_ties_by_name():
    week = week_of(
        people=(
            PersonFeedback("sam", Cadence.QUARTERLY, date(2026, 1, 1)),
            PersonFeedback("Bo", Cadence.QUARTERLY, None),
            PersonFeedback("Al", Cadence.QUARTERLY, date(2026, 1, 1)),
            PersonFeedback("al", Cadence.YEARLY, None),
        )
    )
    assert [p.person for p in feedback_due_people(week, TODAY)] == ["al", "Bo", "Al", "sam"]


# -- Sparkline -------------------------------------------------------------------


def test_sparkline_of_the_trend():
    # min -2.0 -> ▁, max 1.0 -> █; -2/3 sits 4/9 of the way up -> ▄.
    assert sparkline(WEEK.gap_trend) == "  \u2581\u2583\u2582\u2586 \u2587\u2583\u2585\u2588\u2584"


@pytest.mark.parametrize(
    ("values", "line"),
    [
        ([], ""),
        ([None, None], "  "),
        ([3.0], "\u2584"),
        ([2, 2, None, 2], "\u2584\u2584 \u2584"),
        ([0, 7], "\u2581\u2588"),
        (list(range(8)), "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588"),
        # Scaled min..max, not from zero: 10..11 uses the whole height.
        ([10, 10.5, 11], "\u2581\u2585\u2588"),
        ([-1, -0.5, 0], "\u2581\u2585\u2588"),
        ([0, 1, 100], "\u2581\u2581\u2588"),
    ],
)
def test_sparkline(values, line):
    assert sparkline(values) == line


# -- Empty -----------------------------------------------------------------------


def test_a_week_with_nothing_is_empty():
    # The people list and the trend reach beyond the week: alone they are not a review.
    week = week_of(
        people=WEEK.people,
        gap_trend=(1.0, None),
        reflection=Reflection(" ", "\n", ""),
        last_week_focus="Speak up",
        open_unsaid_by_person=(("Dana", 0),),
    )
    assert is_empty(week)
    assert is_empty(week_of())


@pytest.mark.parametrize(
    "changes",
    [
        {"meetings": (M6,)},
        {"unsaid_opened": 1},
        {"unsaid_resolved": 1},
        {"open_unsaid_by_person": (("Dana", 1),)},
        {"moved_deadlines": WEEK.moved_deadlines[:1]},
        {"upcoming_deadlines": WEEK.upcoming_deadlines[:1]},
        {"actions_overdue": WEEK.actions_overdue},
        {"actions_due_next_week": WEEK.actions_due_next_week},
        {"actions_done": WEEK.actions_done},
        {"reflection": Reflection(focus="Ask directly")},
    ],
)
def test_anything_in_the_week_makes_it_not_empty(changes):
    assert not is_empty(week_of(**changes))
