"""Grouping for the agenda, with a fixed Friday-afternoon "now"."""

from __future__ import annotations

from datetime import timedelta

import pytest

from prep.domain.agenda import GroupKind, build_agenda, end_of_week, group_for
from prep.domain.models import Counterpart, Meeting, Progress
from tests.helpers import NOW, at

DANA = Counterpart(id=1, name="Dana")


def meeting(id: int, starts_at, minutes: int = 30, progress: Progress = Progress.NONE) -> Meeting:
    return Meeting(
        id=id,
        title=f"M{id}",
        counterpart=DANA,
        starts_at=starts_at,
        duration_minutes=minutes,
        progress=progress,
    )


@pytest.mark.parametrize(
    ("starts_at", "minutes", "expected"),
    [
        (at(0, 15), 30, GroupKind.TODAY),
        (at(0, 23, 59), 30, GroupKind.TODAY),
        (at(0, 13, 45), 30, GroupKind.NOW),  # started 15 min ago, runs till 14:15
        (at(0, 13, 0), 60, GroupKind.DEBRIEF),  # ended exactly now
        (at(0, 9), 30, GroupKind.DEBRIEF),
        (at(-1, 9), 30, GroupKind.DEBRIEF),
        (at(1, 9), 30, GroupKind.THIS_WEEK),  # Saturday
        (at(2, 23, 59), 30, GroupKind.THIS_WEEK),  # Sunday night
        (at(3, 0, 0), 30, GroupKind.LATER),  # Monday midnight starts next week
        (at(40, 9), 30, GroupKind.LATER),
    ],
)
def test_group_for(starts_at, minutes, expected):
    assert group_for(meeting(1, starts_at, minutes), NOW) is expected


def test_end_of_week_is_next_monday_midnight():
    assert end_of_week(NOW) == at(3, 0)
    monday_morning = at(3, 8)
    assert end_of_week(monday_morning) == at(10, 0)


def test_build_agenda_orders_groups_and_meetings():
    meetings = [
        meeting(1, at(5, 9)),
        meeting(2, at(0, 16)),
        meeting(3, at(-2, 10)),
        meeting(4, at(0, 15)),
        meeting(5, at(-1, 10)),
        meeting(6, at(1, 10)),
    ]
    groups = build_agenda(meetings, NOW)
    assert [(g.kind, [m.id for m in g.meetings]) for g in groups] == [
        (GroupKind.DEBRIEF, [5, 3]),  # most recent first
        (GroupKind.TODAY, [4, 2]),
        (GroupKind.THIS_WEEK, [6]),
        (GroupKind.LATER, [1]),
    ]
    assert groups[0].title == "Needs a debrief"


def test_debriefed_and_long_past_meetings_leave_the_agenda():
    meetings = [
        meeting(1, at(-1, 10), progress=Progress.DEBRIEFED),
        meeting(2, NOW - timedelta(days=31)),
        meeting(3, NOW - timedelta(days=29)),
    ]
    groups = build_agenda(meetings, NOW)
    assert [(g.kind, [m.id for m in g.meetings]) for g in groups] == [(GroupKind.DEBRIEF, [3])]


def test_empty_agenda_has_no_groups():
    assert build_agenda([], NOW) == []


def test_needs_debrief_boundary():
    assert meeting(1, NOW).needs_debrief(NOW)
    assert not meeting(1, NOW + timedelta(minutes=1)).needs_debrief(NOW)
    assert not meeting(1, NOW, progress=Progress.DEBRIEFED).needs_debrief(NOW)


@pytest.mark.parametrize(
    ("starts_at", "minutes", "under_way"),
    [
        (NOW, 30, True),  # from its first minute
        (NOW - timedelta(minutes=29), 30, True),
        (NOW - timedelta(minutes=30), 30, False),  # over exactly at its end
        (NOW + timedelta(minutes=1), 30, False),  # not started
    ],
)
def test_a_meeting_is_under_way_from_its_start_until_its_end(starts_at, minutes, under_way):
    m = meeting(1, starts_at, minutes)
    assert m.is_under_way(NOW) is under_way
    # Under way, it is "happening now" on the agenda, not one to debrief yet.
    assert (group_for(m, NOW) is GroupKind.NOW) is under_way
