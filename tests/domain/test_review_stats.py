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
from prep.domain.debrief import CoachingOutcome, Owner
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
    SETTING_MIN_MEETINGS,
    ActionItems,
    Assertiveness,
    DueItem,
    LevelRow,
    MeetingState,
    Numbers,
    TrendRange,
    action_items,
    assertiveness,
    feedback_due_people,
    held_week,
    hold_back_reasons,
    is_empty,
    meeting_lines,
    moved_deadlines,
    numbers,
    setting_conclusion,
    settings,
    sparkline,
    trend_range,
    unsaid_opened,
    unsaid_said,
)
from tests.helpers import NOW, at

TODAY = NOW.date()  # Friday 27 November 2026

# Monday 10:00: prepared, debriefed, 5 planned -> 4 actual; one thing left unsaid.
M1 = ReviewMeeting(
    1,
    "Q4 budget review",
    1,
    "Dana Reyes",
    Rank.SENIOR,
    at(-4, 10),
    Setting.VIDEO,
    steps_done=4,
    debriefed=True,
    planned_level=5,
    actual_level=4,
    temperature=4,
    asks_planned=2,
    asks_asked=2,
    asks_granted=1,
    problems_with_solution=1,
    problems_for_help=1,
    feedback_asked=True,
    hold_back_reason=HoldBackReason.NOT_MY_PLACE,
    unsaid_opened=1,
)
# Tuesday 15:00: over coffee, 6 -> 7.
M2 = ReviewMeeting(
    2,
    "Pilot check-in",
    2,
    "Sam Okafor",
    Rank.PEER,
    at(-3, 15),
    Setting.COFFEE,
    steps_done=4,
    debriefed=True,
    planned_level=6,
    actual_level=7,
    temperature=5,
    asks_planned=1,
    asks_asked=1,
    asks_granted=1,
    problems_with_solution=1,
    hold_back_reason=HoldBackReason.MORE_DATA,
)
# Wednesday 09:30: half prepared, not debriefed; a "|" in the title.
M3 = ReviewMeeting(
    3,
    "Steering | committee",
    3,
    "Priya Shah",
    Rank.SENIOR,
    at(-2, 9, 30),
    Setting.OFFICE,
    steps_done=2,
    planned_level=6,
    asks_planned=2,
    problems_without=1,
    hold_back_reason=HoldBackReason.MORE_DATA,
)
# Thursday 12:30: a shared meal, 4 -> 2; two things left unsaid.
M4 = ReviewMeeting(
    4,
    "Contract renewal",
    1,
    "Dana Reyes",
    Rank.SENIOR,
    at(-1, 12, 30),
    Setting.MEAL,
    steps_done=4,
    debriefed=True,
    planned_level=4,
    actual_level=2,
    temperature=3,
    asks_planned=1,
    asks_asked=1,
    problems_with_solution=2,
    feedback_asked=True,
    hold_back_reason=HoldBackReason.NOT_MY_PLACE,
    unsaid_opened=2,
)
# Friday 14:00, exactly NOW: started, so held (and under way for its 30 minutes);
# temperature rated, debrief not finished.
M5 = ReviewMeeting(
    5,
    "Weekly sync",
    2,
    "Sam Okafor",
    Rank.PEER,
    NOW,
    Setting.VIDEO,
    steps_done=4,
    planned_level=5,
    temperature=3,
    asks_planned=1,
    hold_back_reason=HoldBackReason.EMBARRASS,
)
# Saturday 10:00: not yet held. Every number it carries must stay out of the review.
M6 = ReviewMeeting(
    6,
    "Team 1:1",
    4,
    "Lee Park",
    Rank.JUNIOR,
    at(1, 10),
    Setting.PHONE,
    steps_done=4,
    planned_level=5,
    asks_planned=3,
    problems_with_solution=5,
    hold_back_reason=HoldBackReason.FEAR,
)

WEEK = WeekInput(
    week_start=date(2026, 11, 23),
    # Out of order on purpose: the review sorts by start.
    meetings=(M6, M4, M2, M5, M1, M3),
    unsaid_resolved=1,
    open_unsaid_by_person=(("Dana Reyes", 2), ("Priya Shah", 1)),
    moved_deadlines=(
        # Out of order on purpose: listed in the order of their meetings.
        MovedDeadline("# Security review", "Dana Reyes", None, date(2027, 1, 15), 4),
        MovedDeadline("Go-live", "Dana Reyes", date(2026, 12, 4), date(2026, 12, 11), 1),
        MovedDeadline("Data migration", "Priya Shah", date(2026, 12, 18), date(2026, 12, 17), 3),
    ),
    upcoming_deadlines=(
        UpcomingDeadline(
            "Pilot launch", "Sam Okafor", date(2026, 12, 7), date(2026, 12, 9), date(2026, 12, 11)
        ),
        UpcomingDeadline("Board pack", "Priya Shah", None, date(2026, 12, 3), None),
    ),
    actions=(
        # Due last week, still open.
        ActionLine("Send the revised plan", "Dana Reyes", Owner.ME, date(2026, 11, 20)),
        # Due next week, open.
        ActionLine("Confirm the venue", "Sam Okafor", Owner.THEM, date(2026, 12, 2)),
        ActionLine("Share <b>test</b> results", "Priya Shah", Owner.ME, date(2026, 12, 4)),
        # Due this week: Saturday's not yet, Thursday's done, Wednesday's late.
        ActionLine("Draft the agenda", "Lee Park", Owner.ME, date(2026, 11, 28)),
        ActionLine(
            "Send the minutes", "Dana Reyes", Owner.ME, date(2026, 11, 26), done_at=at(-1, 17)
        ),
        ActionLine("Call the vendor", "Priya Shah", Owner.ME, date(2026, 11, 25)),
        # Done this week, no date.
        ActionLine("Book the workshop room", "Sam Okafor", Owner.ME, None, done_at=at(-3, 11)),
    ),
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
            11,
            "Kick-off",
            1,
            "Dana Reyes",
            Rank.SENIOR,
            at(-11, 10),
            Setting.OFFICE,
            steps_done=4,
            debriefed=True,
            asks_planned=2,
            asks_asked=2,
            asks_granted=2,
            problems_with_solution=1,
        ),
        ReviewMeeting(
            12,
            "Retro",
            2,
            "Sam Okafor",
            Rank.PEER,
            at(-10, 16),
            Setting.VIDEO,
            steps_done=4,
            debriefed=True,
            asks_planned=1,
        ),
        ReviewMeeting(
            13,
            "Ops review",
            3,
            "Priya Shah",
            Rank.SENIOR,
            at(-8, 11),
            Setting.VIDEO,
            debriefed=True,
            problems_for_help=1,
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


# -- The week's meetings -----------------------------------------------------------


def test_the_weeks_meetings_in_start_order_held_under_way_and_booked():
    lines = meeting_lines(WEEK, NOW)
    assert [(line.meeting.id, line.state, line.status) for line in lines] == [
        (1, MeetingState.HELD, "prepared, debriefed"),
        (2, MeetingState.HELD, "prepared, debriefed"),
        (3, MeetingState.HELD, "not prepared, no debrief yet"),
        (4, MeetingState.HELD, "prepared, debriefed"),
        (5, MeetingState.UNDER_WAY, "under way, prepared, no debrief yet"),
        (6, MeetingState.BOOKED, "booked, ready"),
    ]


@pytest.mark.parametrize(
    ("changes", "status"),
    [
        ({"steps_done": 4}, "prepared, no debrief yet"),
        ({"steps_done": 3, "debriefed": True}, "not prepared, debriefed"),
        # Complete, but the plan was unlocked and edited once it had started.
        (
            {"steps_done": 4, "edited_after_start": True},
            "plan edited after the start, no debrief yet",
        ),
        ({"steps_done": 2, "edited_after_start": True}, "not prepared, no debrief yet"),
    ],
)
def test_a_held_meeting_says_whether_it_was_prepared_before_and_debriefed(changes, status):
    [line] = meeting_lines(week_of(meeting(1, **changes)), NOW)
    assert (line.state, line.status) == (MeetingState.HELD, status)


def test_a_meeting_is_under_way_from_its_start_until_its_end():
    held = meeting(1, starts_at=NOW - timedelta(minutes=45), duration_minutes=45)
    under_way = meeting(2, starts_at=NOW - timedelta(minutes=44), duration_minutes=45)
    states = [line.state for line in meeting_lines(week_of(held, under_way), NOW)]
    assert states == [MeetingState.HELD, MeetingState.UNDER_WAY]


def test_a_future_week_lists_the_meetings_booked_in_it():
    week = WeekInput(
        week_start=date(2026, 11, 30),
        meetings=(
            meeting(1, starts_at=at(5, 10), steps_done=0),
            meeting(2, starts_at=at(3, 9), steps_done=2),
            meeting(3, starts_at=at(4, 9), steps_done=4),
        ),
    )
    assert [(line.meeting.id, line.state, line.status) for line in meeting_lines(week, NOW)] == [
        (2, MeetingState.BOOKED, "booked, 2 of 4 steps ready"),
        (3, MeetingState.BOOKED, "booked, ready"),
        (1, MeetingState.BOOKED, "booked, not prepared yet"),
    ]
    assert numbers(week, NOW).held == 0


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


# -- Unsaid items and moved deadlines: the week of their meeting ---------------------


def test_unsaid_items_count_in_the_week_of_their_meeting():
    # Sunday 23:30's meeting, debriefed on Monday: its two unsaid items are
    # on the meeting, so they count here, in Sunday's week.
    sunday = meeting(7, starts_at=at(2, 23, 30), unsaid_opened=2)
    assert unsaid_opened(week_of(sunday)) == 2
    assert unsaid_opened(held_week(WEEK, NOW)) == 3  # M1's one and M4's two
    # The next week has no meetings, so nothing was opened in it.
    assert unsaid_opened(WeekInput(week_start=date(2026, 11, 30))) == 0


def test_moved_deadlines_belong_to_the_week_of_the_meeting_they_were_moved_at():
    assert [m.label for m in moved_deadlines(WEEK)] == [
        "Go-live",
        "Data migration",
        "# Security review",
    ]  # M1, M3, M4
    elsewhere = MovedDeadline("Launch", "Dana Reyes", None, date(2026, 12, 1), meeting_id=99)
    week = replace(WEEK, moved_deadlines=(elsewhere, *WEEK.moved_deadlines))
    assert "Launch" not in [m.label for m in moved_deadlines(week)]
    # A move at a meeting still to come is not listed for the meetings held so far.
    future = MovedDeadline("Hire", "Lee Park", None, None, meeting_id=6)
    week = replace(WEEK, moved_deadlines=(future,))
    assert moved_deadlines(week) == [future]
    assert moved_deadlines(held_week(week, NOW)) == []


# -- Action items ------------------------------------------------------------------


def action(text: str, due: date | None, done_at=None) -> ActionLine:
    return ActionLine(text, "Dana Reyes", Owner.ME, due, done_at=done_at)


# Week 48 (Mon 23 - Sun 29 Nov), seen on Friday 27 Nov at 14:00 (NOW).
LATE = action("Due last Friday, open", date(2026, 11, 20))
LATE_DONE = action("Due last Friday, done Tuesday", date(2026, 11, 20), at(-3, 9))
LATE_DONE_BEFORE = action("Due 10 Nov, done 20 Nov", date(2026, 11, 10), at(-7, 9))
WED = action("Due Wednesday, open", date(2026, 11, 25))
WED_DONE = action("Due Wednesday, done then", date(2026, 11, 25), at(-2, 16))
SAT = action("Due Saturday", date(2026, 11, 28))
MON_EARLY = action("Due Monday, done the Sunday before", date(2026, 11, 23), at(-5, 20))
NEXT = action("Due next Wednesday", date(2026, 12, 2))
NEXT_DONE = action("Due next Wednesday, done Thursday", date(2026, 12, 2), at(-1, 9))
AFTER_NEXT = action("Due the week after next", date(2026, 12, 7))
UNDATED_DONE = action("No date, done Tuesday", None, at(-3, 15))
UNDATED = action("No date, open", None)
ACTIONS = week_of(
    actions=(
        UNDATED,
        AFTER_NEXT,
        NEXT_DONE,
        NEXT,
        MON_EARLY,
        SAT,
        WED_DONE,
        WED,
        LATE_DONE_BEFORE,
        LATE_DONE,
        LATE,
        UNDATED_DONE,
    )
)


def test_action_items_overdue_due_this_week_done_or_not_and_due_next_week():
    assert action_items(ACTIONS, NOW) == ActionItems(
        overdue=(LATE,),
        due_this_week=(
            DueItem(MON_EARLY, done=True, overdue=False),
            DueItem(WED_DONE, done=True, overdue=False),
            DueItem(WED, done=False, overdue=True),
            DueItem(SAT, done=False, overdue=False),
        ),
        due_next_week=(NEXT,),
        done_other=(LATE_DONE, UNDATED_DONE, NEXT_DONE),  # in the order they were done
    )


def test_mondays_review_shows_the_items_due_later_in_the_week():
    # As the week stood on Monday at 08:00: nothing of it done yet.
    week = week_of(actions=(SAT, WED, MON_EARLY, NEXT, LATE))
    items = action_items(week, at(-4, 8))
    assert items == ActionItems(
        overdue=(LATE,),
        due_this_week=(
            DueItem(MON_EARLY, done=True, overdue=False),
            DueItem(WED, done=False, overdue=False),
            DueItem(SAT, done=False, overdue=False),
        ),
        due_next_week=(NEXT,),
        done_other=(),  # Monday's item was done the Sunday before, in week 47
    )


def test_a_past_week_is_seen_as_of_its_end():
    """Week 47, seen now: an item due then and done this week was still open
    (and late) when week 47 ended."""
    week = WeekInput(week_start=date(2026, 11, 16), actions=ACTIONS.actions)
    items = action_items(week, NOW)
    assert items.due_this_week == (
        DueItem(LATE_DONE, done=False, overdue=True),
        DueItem(LATE, done=False, overdue=True),
    )
    assert items.overdue == ()  # 10 Nov's item was done on the 20th, inside week 47
    # Done in week 47, due in other weeks: 10 Nov's late, Monday 23 Nov's early.
    assert items.done_other == (LATE_DONE_BEFORE, MON_EARLY)
    # Open at week 47's end, Wednesday's "done then" included.
    assert items.due_next_week == (WED_DONE, WED, SAT)


def test_a_future_week_counts_as_overdue_only_what_is_due_before_today():
    """Week 49, seen on Friday of week 48: Saturday's item is not due yet."""
    week = WeekInput(week_start=date(2026, 11, 30), actions=ACTIONS.actions)
    items = action_items(week, NOW)
    assert items.overdue == (LATE, WED)
    assert items.due_this_week == (
        DueItem(NEXT_DONE, done=True, overdue=False),
        DueItem(NEXT, done=False, overdue=False),
    )
    assert items.due_next_week == (AFTER_NEXT,)
    assert items.done_other == ()


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


@pytest.mark.parametrize(
    ("values", "spread"),
    [
        ([None] * 12, None),
        ([None] * 11 + [-2.0], TrendRange(1, -2.0, -2.0)),
        ([None, 0.0, 0.0], TrendRange(2, 0.0, 0.0)),
        (WEEK.gap_trend, TrendRange(9, -2.0, 1.0)),
    ],
)
def test_trend_range_counts_the_weeks_with_data(values, spread):
    assert trend_range(values) == spread


# -- Empty -----------------------------------------------------------------------


def test_a_week_with_nothing_is_empty():
    # The people list and the trend reach beyond the week: alone they are not a review.
    week = week_of(
        people=WEEK.people,
        gap_trend=(1.0, None),
        reflection=Reflection(" ", "\n", ""),
        last_week_focus="Speak up",
        open_unsaid_by_person=(("Dana", 0),),
        # Moves come with their meetings: without this week's meeting, not this week's.
        moved_deadlines=WEEK.moved_deadlines,
        # Due in the week after next, and done two weeks ago: nothing to list.
        actions=(
            ActionLine("Later", "Dana", Owner.ME, date(2026, 12, 9)),
            ActionLine("Old", "Dana", Owner.ME, date(2026, 11, 9), done_at=at(-18, 9)),
        ),
    )
    assert is_empty(week, NOW)
    assert is_empty(week_of(), NOW)


@pytest.mark.parametrize(
    "changes",
    [
        {"meetings": (M6,)},
        {"unsaid_resolved": 1},
        {"open_unsaid_by_person": (("Dana", 1),)},
        {"upcoming_deadlines": WEEK.upcoming_deadlines[:1]},
        {"actions": WEEK.actions[:1]},  # overdue
        {"actions": WEEK.actions[1:2]},  # due next week
        {"actions": WEEK.actions[3:4]},  # due this week
        {"actions": WEEK.actions[-1:]},  # done this week
        {"reflection": Reflection(focus="Ask directly")},
    ],
)
def test_anything_in_the_week_makes_it_not_empty(changes):
    assert not is_empty(week_of(**changes), NOW)


# -- Loops closed: unplanned asks, debriefs that say why, settings compared ------


def test_unplanned_asks_count_as_asked_and_apart():
    week = week_of(
        meeting(
            1,
            asks_planned=2,
            asks_asked=1,
            asks_granted=1,
            asks_unplanned=2,
            asks_unplanned_granted=1,
        ),
        meeting(2, asks_unplanned=1),
    )
    result = numbers(week, NOW)
    assert (result.asks_planned, result.asks_asked, result.asks_granted) == (2, 4, 2)
    assert result.asks_unplanned == 3


def test_debriefs_that_say_why_count_only_debriefed_meetings():
    week = week_of(
        meeting(1, debriefed=True, says_why=True),
        meeting(2, debriefed=True),
        meeting(3, debriefed=False, says_why=True),  # still being written
    )
    assert numbers(week, NOW).debriefs_saying_why == 1


def test_coaching_up_attempts_are_counted_with_their_outcomes():
    week = week_of(
        meeting(1, coaching_tried=True, coaching_outcome=CoachingOutcome.WORKED),
        meeting(2, coaching_tried=True, coaching_outcome=CoachingOutcome.WORKED),
        meeting(3, coaching_tried=True, coaching_outcome=CoachingOutcome.DID_NOT_WORK),
        meeting(4, coaching_tried=True),  # tried, how it went not said
        meeting(5),
        meeting(6, starts_at=NOW + timedelta(days=1), coaching_tried=True),  # not held yet
    )
    result = numbers(week, NOW)
    counts = [result.coaching(outcome) for outcome in CoachingOutcome]
    print(f"tried {result.coaching_tried}; worked / partly / not: {counts}")
    assert result.coaching_tried == 4
    assert counts == [2, 0, 1]


def _rated(setting: Setting, *temperatures: int, start: int = 0) -> list[ReviewMeeting]:
    return [meeting(start + n, setting=setting, temperature=t) for n, t in enumerate(temperatures)]


def test_settings_are_compared_only_with_enough_meetings_in_each():
    assert SETTING_MIN_MEETINGS == 3
    too_few = week_of(*_rated(Setting.VIDEO, 3, 3, 3), *_rated(Setting.COFFEE, 5, 5, start=10))
    print(setting_conclusion(too_few))
    assert setting_conclusion(too_few).startswith("Too few meetings to compare settings")
    enough = week_of(*_rated(Setting.VIDEO, 3, 3, 2), *_rated(Setting.COFFEE, 5, 4, 5, start=10))
    assert setting_conclusion(enough) == ("Warmest: Over coffee (4.7); coolest: Video call (2.7).")


def test_unrated_meetings_do_not_make_a_setting_comparable():
    week = week_of(
        *_rated(Setting.VIDEO, 3, 3, 3),
        *_rated(Setting.COFFEE, 5, 5, start=10),
        meeting(20, setting=Setting.COFFEE),  # held, no temperature
    )
    assert setting_conclusion(week).startswith("Too few")


def test_as_warm_everywhere():
    week = week_of(*_rated(Setting.VIDEO, 4, 4, 4), *_rated(Setting.MEAL, 4, 4, 4, start=10))
    assert setting_conclusion(week) == "As warm in every setting compared."


def test_unsaid_items_resolved_by_asking_them_count_among_those_resolved():
    week = WeekInput(week_start=date(2026, 11, 23), unsaid_resolved=3, unsaid_said=2)
    print(f"resolved 3, by asking {unsaid_said(week)}")
    assert unsaid_said(week) == 2
    assert unsaid_said(replace(week, unsaid_resolved=1)) == 1  # never more than resolved
