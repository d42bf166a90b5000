"""The weekly review's numbers, computed from one week's `WeekInput`.

Each function answers one question the review asks of a week: how many
meetings were held, prepared and debriefed, and which; how the
assertiveness you planned compares with what happened (the Goldilocks
gap), overall and by how senior the other person is; what went unsaid and
why you held back; which deadlines moved; which action items are overdue,
due and done; whether the setting goes with a warmer relationship; who is
due a feedback conversation.

What a meeting brought — asks, problems, unsaid items, deadline moves —
belongs to the week the meeting was in, not the week its debrief was
typed: a Sunday meeting debriefed on Monday counts on Sunday.

A week can be partly in the future (the review is open on a Wednesday).
`numbers` counts only meetings that have started; the other functions
work on the meetings they are given, so pass `held_week(week, now)` to
leave out meetings that haven't happened yet.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from prep.domain.assertiveness import Zone, is_level, zone
from prep.domain.checklist import STEPS, HoldBackReason, is_prepared
from prep.domain.clock import zone_of
from prep.domain.debrief import CoachingOutcome
from prep.domain.debrief_rules import feedback_due, is_rating
from prep.domain.models import SETTING_LABELS, Rank, Setting
from prep.domain.review import (
    ActionLine,
    MovedDeadline,
    PersonFeedback,
    ReviewMeeting,
    WeekInput,
)
from prep.domain.weeks import week_bounds

__all__ = [
    "SETTING_MIN_MEETINGS",
    "SPARK_BLOCKS",
    "ActionItems",
    "Assertiveness",
    "DueItem",
    "LevelRow",
    "MeetingLine",
    "MeetingState",
    "Numbers",
    "TrendRange",
    "action_items",
    "assertiveness",
    "feedback_due_people",
    "held_week",
    "hold_back_reasons",
    "is_empty",
    "meeting_lines",
    "moved_deadlines",
    "numbers",
    "setting_conclusion",
    "settings",
    "sparkline",
    "trend_range",
    "unsaid_opened",
    "unsaid_said",
]

SPARK_BLOCKS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588"  # ▁▂▃▄▅▆▇█
# All values equal: no high or low to show, so a level line at half height.
_SPARK_MIDDLE = SPARK_BLOCKS[3]
_SPARK_NONE = " "

LEAN_BELOW = "below plan"
LEAN_ABOVE = "above plan"
LEAN_ON = "on plan"


def _round_half_up(value: float) -> int:
    # round() rounds halves to even (4.5 -> 4); a person reads 4.5 as 5.
    return math.floor(value + 0.5)


def _level(value: int | None) -> int | None:
    """A level on the 1..10 scale, or None for a missing or off-scale one."""
    return value if is_level(value) else None


def _rating(value: int | None) -> int | None:
    return value if is_rating(value) else None


def _mean(values: Sequence[int]) -> float | None:
    return sum(values) / len(values) if values else None


def held_week(week: WeekInput, now: datetime) -> WeekInput:
    """`week` with only the meetings that had started by `now`."""
    return replace(week, meetings=tuple(m for m in week.meetings if m.starts_at <= now))


# -- Headline numbers ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Numbers:
    """One week's headline numbers, over the meetings held (started) by then."""

    held: int
    prepared_share: float | None  # None when nothing was held
    debriefed_share: float | None
    asks_planned: int
    asks_asked: int
    asks_granted: int
    problems_with_solution: int
    problems_without: int
    problems_for_help: int
    feedback_conversations: int
    asks_unplanned: int = 0  # made without being planned; also counted in asks_asked
    debriefs_saying_why: int = 0  # debriefs that say why the outcome differs from the plan
    coaching_tried: int = 0  # coaching-up notes tried in these meetings
    # How those went: the outcomes said at least once, with their counts (a
    # note tried with no outcome said counts as tried only).
    coaching_outcomes: tuple[tuple[CoachingOutcome, int], ...] = ()

    def coaching(self, outcome: CoachingOutcome) -> int:
        return dict(self.coaching_outcomes).get(outcome, 0)


def numbers(week: WeekInput, now: datetime) -> Numbers:
    """Meetings held by `now`, the share prepared and debriefed, and the asks,
    problems and feedback conversations of those meetings."""
    held = held_week(week, now).meetings
    count = len(held)

    def total(field: str) -> int:
        return sum(getattr(m, field) for m in held)

    return Numbers(
        held=count,
        prepared_share=sum(m.prepared_before for m in held) / count if count else None,
        debriefed_share=sum(m.debriefed for m in held) / count if count else None,
        asks_planned=total("asks_planned"),
        asks_asked=total("asks_asked") + total("asks_unplanned"),
        asks_granted=total("asks_granted") + total("asks_unplanned_granted"),
        asks_unplanned=total("asks_unplanned"),
        debriefs_saying_why=sum(m.debriefed and m.says_why for m in held),
        coaching_tried=sum(m.coaching_tried for m in held),
        coaching_outcomes=tuple(
            (outcome, count)
            for outcome in CoachingOutcome
            if (count := sum(m.coaching_tried and m.coaching_outcome == outcome for m in held))
        ),
        problems_with_solution=total("problems_with_solution"),
        problems_without=total("problems_without"),
        problems_for_help=total("problems_for_help"),
        feedback_conversations=sum(m.feedback_asked for m in held),
    )


# -- The week's meetings ---------------------------------------------------------


class MeetingState(StrEnum):
    BOOKED = "booked"  # not started yet
    UNDER_WAY = "under way"
    HELD = "held"


@dataclass(frozen=True, slots=True)
class MeetingLine:
    """One meeting of the week as the review lists it, so a low "prepared"
    or "debriefed" share can be followed to the meetings behind it."""

    meeting: ReviewMeeting
    state: MeetingState
    status: str  # "prepared, debriefed", "booked, 2 of 4 steps ready", ...


def _state(meeting: ReviewMeeting, now: datetime) -> MeetingState:
    if now < meeting.starts_at:
        return MeetingState.BOOKED
    return MeetingState.UNDER_WAY if now < meeting.ends_at else MeetingState.HELD


def _status(meeting: ReviewMeeting, state: MeetingState) -> str:
    if state is MeetingState.BOOKED:
        steps = meeting.steps_done
        if is_prepared(steps):
            return "booked, ready"
        if not steps:
            return "booked, not prepared yet"
        return f"booked, {steps} of {STEPS} steps ready"
    if meeting.prepared_before:
        prepared = "prepared"
    elif meeting.edited_after_start and is_prepared(meeting.steps_done):
        prepared = "plan edited after the start"
    else:
        prepared = "not prepared"
    debriefed = "debriefed" if meeting.debriefed else "no debrief yet"
    parts = [prepared, debriefed]
    if state is MeetingState.UNDER_WAY:
        parts.insert(0, "under way")
    return ", ".join(parts)


def meeting_lines(week: WeekInput, now: datetime) -> list[MeetingLine]:
    """Every meeting of the week in start order: those held (or under way)
    with whether each was prepared before it started and has a debrief, and
    those still to come with how ready they are. A future week lists the
    meetings booked in it."""
    lines = []
    for meeting in _by_start(week.meetings):
        state = _state(meeting, now)
        lines.append(MeetingLine(meeting, state, _status(meeting, state)))
    return lines


# -- Assertiveness -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LevelRow:
    """One meeting's planned and actual level; the gap needs both."""

    title: str
    person: str
    planned: int | None
    actual: int | None
    gap: int | None  # actual - planned


@dataclass(frozen=True, slots=True)
class Assertiveness:
    rows: tuple[LevelRow, ...]
    average_gap: float | None  # over the rows with both levels
    lean: str | None  # "below plan", "above plan", "on plan"
    lean_zone: Zone | None  # the zone of the average actual level, rounded
    gap_by_rank: tuple[tuple[Rank, float, int], ...]  # (rank, average gap, meetings)


def _lean(gaps: Sequence[int]) -> str | None:
    # Decided on the integer sum, so an average like -0.04 still leans below.
    if not gaps:
        return None
    total = sum(gaps)
    if total < 0:
        return LEAN_BELOW
    if total > 0:
        return LEAN_ABOVE
    return LEAN_ON


def _by_start(meetings: Iterable[ReviewMeeting]) -> list[ReviewMeeting]:
    return sorted(meetings, key=lambda m: (m.starts_at, m.id))


def assertiveness(week: WeekInput) -> Assertiveness:
    """Planned against actual level for each meeting that has either, in start order.

    A level off the 1..10 scale counts as not given. The average gap and
    the gaps by rank use the meetings rated both ways; the zone uses every
    actual level.
    """
    rows: list[LevelRow] = []
    gaps_by_rank: dict[Rank, list[int]] = {}
    for meeting in _by_start(week.meetings):
        planned, actual = _level(meeting.planned_level), _level(meeting.actual_level)
        if planned is None and actual is None:
            continue
        gap = actual - planned if planned is not None and actual is not None else None
        rows.append(LevelRow(meeting.title, meeting.person, planned, actual, gap))
        if gap is not None:
            gaps_by_rank.setdefault(Rank(meeting.rank), []).append(gap)
    gaps = [row.gap for row in rows if row.gap is not None]
    average_actual = _mean([row.actual for row in rows if row.actual is not None])
    return Assertiveness(
        rows=tuple(rows),
        average_gap=_mean(gaps),
        lean=_lean(gaps),
        lean_zone=zone(_round_half_up(average_actual)) if average_actual is not None else None,
        gap_by_rank=tuple(
            (rank, sum(gaps_by_rank[rank]) / len(gaps_by_rank[rank]), len(gaps_by_rank[rank]))
            for rank in Rank
            if rank in gaps_by_rank
        ),
    )


# -- Holding back, setting, feedback --------------------------------------------


def unsaid_said(week: WeekInput) -> int:
    """Unsaid items resolved this week by being asked: made an ask of a later
    meeting ("say it this time") and ticked asked there. Never more than
    were resolved."""
    return min(week.unsaid_said, week.unsaid_resolved)


def unsaid_opened(week: WeekInput) -> int:
    """Unsaid items written at the debriefs of the week's meetings: they
    belong to the meeting's week, whenever the debrief was typed."""
    return sum(m.unsaid_opened for m in week.meetings)


def moved_deadlines(week: WeekInput) -> list[MovedDeadline]:
    """The deadline moves recorded at the debriefs of the week's meetings,
    in the meetings' start order (a meeting's moves in the order given).
    A move made at another week's meeting is not this week's."""
    order = {m.id: index for index, m in enumerate(_by_start(week.meetings))}
    kept = [move for move in week.moved_deadlines if move.meeting_id in order]
    return sorted(kept, key=lambda move: order[move.meeting_id])


def hold_back_reasons(week: WeekInput) -> list[tuple[HoldBackReason, int]]:
    """How often each reason for holding back was named, most common first;
    ties in the reasons' own order."""
    counts = Counter(
        HoldBackReason(m.hold_back_reason) for m in week.meetings if m.hold_back_reason
    )
    order = {reason: index for index, reason in enumerate(HoldBackReason)}
    return sorted(counts.items(), key=lambda item: (-item[1], order[item[0]]))


def settings(week: WeekInput) -> list[tuple[Setting, int, float | None]]:
    """(setting, meetings, average temperature) for each setting used, in the
    settings' own order. The average is over the meetings whose temperature
    was rated (1..5); None when none was."""
    rows = []
    for setting in Setting:
        meetings = [m for m in week.meetings if m.setting == setting]
        if not meetings:
            continue
        temperatures = [t for m in meetings if (t := _rating(m.temperature)) is not None]
        rows.append((setting, len(meetings), _mean(temperatures)))
    return rows


# Fewer rated meetings than this in a setting, and its average temperature
# says more about one meeting than about the setting: no conclusion is drawn.
SETTING_MIN_MEETINGS = 3


def setting_conclusion(week: WeekInput) -> str:
    """What the setting-vs-temperature table shows, or why it shows nothing yet.

    Only settings with at least SETTING_MIN_MEETINGS rated meetings are
    compared, and there must be two of them.
    """
    averages = []
    for setting in Setting:
        rated = [t for m in week.meetings if m.setting == setting and (t := _rating(m.temperature))]
        if len(rated) >= SETTING_MIN_MEETINGS:
            averages.append((setting, _mean(rated) or 0.0))
    if len(averages) < 2:
        return (
            f"Too few meetings to compare settings: each needs at least "
            f"{SETTING_MIN_MEETINGS} with a temperature, and two settings are needed."
        )
    warmest = max(averages, key=lambda item: item[1])
    coolest = min(averages, key=lambda item: item[1])
    if warmest[1] == coolest[1]:
        return "As warm in every setting compared."
    return (
        f"Warmest: {SETTING_LABELS[warmest[0]]} ({warmest[1]:.1f}); "
        f"coolest: {SETTING_LABELS[coolest[0]]} ({coolest[1]:.1f})."
    )


def feedback_due_people(week: WeekInput, today: date) -> list[PersonFeedback]:
    """The people due the three feedback questions by their cadence on `today`:
    never asked first, then the longest since the last time; ties by name."""
    due = [p for p in week.people if feedback_due(p.last_feedback, p.cadence, today)]
    return sorted(
        due,
        key=lambda p: (
            p.last_feedback is not None,
            p.last_feedback or date.min,
            p.person.casefold(),
        ),
    )


# -- Action items --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DueItem:
    """An action item due this week, done or not."""

    action: ActionLine
    done: bool  # done before the week ended
    overdue: bool  # not done, and its day has passed (as of now, or the week's end)


@dataclass(frozen=True, slots=True)
class ActionItems:
    overdue: tuple[ActionLine, ...]  # due before this week, still open
    due_this_week: tuple[DueItem, ...]  # done or not
    due_next_week: tuple[ActionLine, ...]  # still open
    done_other: tuple[ActionLine, ...]  # done this week, due another week or undated

    def __bool__(self) -> bool:
        return bool(self.overdue or self.due_this_week or self.due_next_week or self.done_other)


def _due_order(action: ActionLine) -> date:
    return action.due or date.max


def action_items(week: WeekInput, now: datetime) -> ActionItems:
    """The week's action items, as of the end of the week (or `now`, if it
    comes first): overdue from earlier weeks, due this week (done or not),
    due next week, and the others done during the week.

    An item due this week is listed there whether or not it is done, so a
    Wednesday item shows on Monday. "Done" means done before the week
    ended: an item of a past week done later still shows as open there.
    An item that is not due yet on `now` is not overdue, even in a future week.
    """
    monday = week.week_start
    next_monday, after = monday + timedelta(days=7), monday + timedelta(days=14)
    start, end = week_bounds(monday, zone_of(now))
    today = min(now.date(), next_monday)  # the day the week is seen as of

    def done(action: ActionLine) -> bool:
        return action.done_at is not None and action.done_at < end

    overdue, due, due_next, done_other = [], [], [], []
    for action in week.actions:
        due_day = action.due
        if due_day is not None and monday <= due_day < next_monday:
            is_done = done(action)
            due.append(DueItem(action, is_done, not is_done and due_day < today))
            continue
        if action.due is not None and action.due < min(monday, today) and not done(action):
            overdue.append(action)
        elif action.due is not None and next_monday <= action.due < after and not done(action):
            due_next.append(action)
        if action.done_at is not None and start <= action.done_at < end:
            done_other.append(action)
    return ActionItems(
        overdue=tuple(sorted(overdue, key=_due_order)),
        due_this_week=tuple(sorted(due, key=lambda item: _due_order(item.action))),
        due_next_week=tuple(sorted(due_next, key=_due_order)),
        done_other=tuple(sorted(done_other, key=lambda a: a.done_at or datetime.max)),
    )


# -- Trends and emptiness ------------------------------------------------------


def sparkline(values: Sequence[float | None]) -> str:
    """One block per value, from ▁ (the lowest) to █ (the highest); a space
    for a missing value. All values equal: all at half height."""
    present = [v for v in values if v is not None]
    if not present:
        return _SPARK_NONE * len(values)
    low, high = min(present), max(present)
    if low == high:
        return "".join(_SPARK_NONE if v is None else _SPARK_MIDDLE for v in values)
    top = len(SPARK_BLOCKS) - 1
    return "".join(
        _SPARK_NONE
        if v is None
        else SPARK_BLOCKS[_round_half_up(round((v - low) / (high - low) * top, 9))]
        for v in values
    )


@dataclass(frozen=True, slots=True)
class TrendRange:
    weeks: int  # weeks with a gap to show
    low: float
    high: float


def trend_range(values: Sequence[float | None]) -> TrendRange | None:
    """How many weeks of the trend have a gap, and its lowest and highest;
    None when no week has one. One week of data is no trend, and the
    review says so."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    return TrendRange(len(present), min(present), max(present))


def _reflection_written(week: WeekInput) -> bool:
    r = week.reflection
    return any(text.strip() for text in (r.went_well, r.to_change, r.focus))


def is_empty(week: WeekInput, now: datetime) -> bool:
    """Nothing at all to review: no meetings, no unsaid or action items, no
    deadlines and no reflection. (The people list and the trend describe
    more than this week, so they don't make it worth a review.) Unsaid
    items opened and deadlines moved come with the week's meetings."""
    return not (
        week.meetings
        or week.unsaid_resolved
        or any(count for _, count in week.open_unsaid_by_person)
        or week.upcoming_deadlines
        or action_items(week, now)
        or _reflection_written(week)
    )
