"""Example people and meetings, placed around a given "now".

Used by `prep demo` to try the app, and by the screenshot command with a
fixed clock so every screenshot is the same from run to run.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from prep.domain.checklist import Confidence, Flex, HoldBackReason, Need, Position
from prep.domain.clock import FixedClock
from prep.domain.debrief import AskAnswer, Owner, ProposalOutcome
from prep.domain.models import Cadence, MeetingDraft, Rank, RelationshipKind, Setting
from prep.store import Store

PEOPLE = [
    # name, organisation, kind, rank, cadence
    (
        "Dana Whitfield",
        "Northwind Logistics",
        RelationshipKind.CLIENT,
        Rank.SENIOR,
        Cadence.QUARTERLY,
    ),
    ("Marcus Obi", "", RelationshipKind.BOSS, Rank.SENIOR, Cadence.QUARTERLY),
    ("Priya Raman", "Helix Health", RelationshipKind.CUSTOMER, Rank.PEER, Cadence.HALF_YEARLY),
    ("Tom Becker", "Finance", RelationshipKind.COLLEAGUE, Rank.PEER, Cadence.YEARLY),
    ("Sofia Lindqvist", "Aurora Energy", RelationshipKind.CLIENT, Rank.SENIOR, Cadence.QUARTERLY),
]

# (working days from today, hour, minute, title, person, minutes, setting, notes)
MEETINGS = [
    (
        -8,
        10,
        0,
        "Q4 roadmap review",
        "Dana Whitfield",
        60,
        Setting.VIDEO,
        "Walk through the Q4 roadmap; confirm the warehouse pilot dates.",
    ),
    (
        -3,
        9,
        30,
        "Weekly one-to-one",
        "Marcus Obi",
        30,
        Setting.OFFICE,
        "Raise the hiring freeze and what it does to the January launch.",
    ),
    (
        -1,
        15,
        0,
        "Renewal terms",
        "Priya Raman",
        45,
        Setting.COFFEE,
        "They want a 10% discount; we want a two-year term.",
    ),
    (
        0,
        16,
        0,
        "Pilot kick-off",
        "Sofia Lindqvist",
        60,
        Setting.VIDEO,
        "Agree the success criteria and who signs off.",
    ),
    (0, 17, 30, "Budget check-in", "Tom Becker", 20, Setting.PHONE, ""),
    (
        1,
        10,
        30,
        "Scope change request",
        "Dana Whitfield",
        45,
        Setting.VIDEO,
        "New reporting module requested last week: show what it does to the deadline.",
    ),
    (
        2,
        12,
        30,
        "Lunch with Priya",
        "Priya Raman",
        90,
        Setting.MEAL,
        "Relationship lunch; ask the three feedback questions.",
    ),
    (
        4,
        9,
        30,
        "Weekly one-to-one",
        "Marcus Obi",
        30,
        Setting.OFFICE,
        "Ask for the promotion case review date.",
    ),
    (
        9,
        14,
        0,
        "Steering committee",
        "Sofia Lindqvist",
        90,
        Setting.OFFICE,
        "Present phase-two options with costs.",
    ),
    (
        16,
        11,
        0,
        "Quarterly business review",
        "Dana Whitfield",
        120,
        Setting.OFFICE,
        "Bring the numbers and two proposals.",
    ),
]


def working_day(start: datetime, offset: int) -> datetime:
    """`offset` working days (Mon-Fri) from `start`; 0 is `start` itself."""
    day = start
    step = 1 if offset >= 0 else -1
    remaining = abs(offset)
    while remaining:
        day += timedelta(days=step)
        if day.weekday() < 5:
            remaining -= 1
    return day


def fill_demo(store: Store, now: datetime) -> int:
    """Add the example people and meetings; returns how many meetings were added."""
    for name, organisation, kind, rank, cadence in PEOPLE:
        if store.find_counterpart(name) is None:
            store.add_counterpart(
                name, organisation=organisation, kind=kind, rank=rank, cadence=cadence
            )
    today = now.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=None)
    added = {}
    for days, hour, minute, title, person, minutes, setting, notes in MEETINGS:
        # Wall-clock arithmetic, then the zone: correct across a clock change.
        wall = working_day(today, days) + timedelta(hours=hour, minutes=minute)
        starts_at = wall.replace(tzinfo=now.tzinfo)
        with _entered(store, starts_at - BOOKED_AHEAD, now):
            added[(days, title)] = store.add_meeting(
                MeetingDraft(
                    title=title,
                    counterpart_name=person,
                    starts_at=starts_at,
                    duration_minutes=minutes,
                    setting=setting,
                    notes=notes,
                )
            )
    _history(store, today, now)
    for (days, title), level, done in (
        ((-8, "Q4 roadmap review"), 6, True),
        ((0, "Pilot kick-off"), 5, False),
        ((1, "Scope change request"), 4, True),
    ):
        meeting = added[(days, title)]
        with _entered(store, meeting.starts_at - PREPARED_AHEAD, now):
            _prepare(store, meeting.id, level=level, done=done)
    roadmap = added[(-8, "Q4 roadmap review")]
    with _entered(store, _debriefed_at(roadmap), now):
        _debrief(store, roadmap.id, today.date())
    return len(MEETINGS) + len(HISTORY)


# The demo's rows carry the times a real person would have written them, so
# the weekly review counts each in its own week and "prepared before the
# meeting" is true where the story says so.
BOOKED_AHEAD = timedelta(days=3)
PREPARED_AHEAD = timedelta(hours=2)
DEBRIEFED_AFTER = timedelta(hours=1)


def _debriefed_at(meeting) -> datetime:
    return meeting.starts_at + timedelta(minutes=meeting.duration_minutes) + DEBRIEFED_AFTER


@contextmanager
def _entered(store: Store, moment: datetime, now: datetime) -> Iterator[None]:
    """Stamp the rows written inside as if typed at `moment` (never after `now`)."""
    real = store.clock
    store.clock = FixedClock(min(moment, now))
    try:
        yield
    finally:
        store.clock = real


# Past weeks, so the review's trends and the people screen have a story:
# (weeks ago, person, title, setting, planned, actual, temperature, feedback asked)
HISTORY = [
    (11, "Dana Whitfield", "Kick-off", Setting.OFFICE, 5, 4, 3, False),
    (10, "Marcus Obi", "Weekly one-to-one", Setting.OFFICE, 6, 4, 3, False),
    (9, "Priya Raman", "Discovery call", Setting.VIDEO, 5, 5, 3, False),
    (8, "Dana Whitfield", "Requirements review", Setting.VIDEO, 6, 4, 2, False),
    (7, "Marcus Obi", "Weekly one-to-one", Setting.OFFICE, 6, 5, 3, True),
    (6, "Sofia Lindqvist", "Introductions", Setting.COFFEE, 5, 5, 4, False),
    (5, "Dana Whitfield", "Pilot planning", Setting.MEAL, 6, 6, 4, True),
    (4, "Priya Raman", "Contract terms", Setting.COFFEE, 5, 6, 4, False),
    (3, "Tom Becker", "Budget review", Setting.PHONE, 4, 4, 3, False),
    (2, "Marcus Obi", "Weekly one-to-one", Setting.OFFICE, 6, 5, 4, False),
]


def _history(store: Store, today: datetime, now: datetime) -> None:
    """Debriefed meetings in earlier weeks: levels drifting back up towards plan."""
    for weeks_ago, person, title, setting, planned, actual, temperature, feedback in HISTORY:
        wall = working_day(today - timedelta(weeks=weeks_ago), 0) + timedelta(hours=11)
        if wall.weekday() >= 5:
            wall -= timedelta(days=wall.weekday() - 4)
        starts_at = wall.replace(tzinfo=now.tzinfo)
        with _entered(store, starts_at - BOOKED_AHEAD, now):
            meeting = store.add_meeting(
                MeetingDraft(
                    title=title, counterpart_name=person, starts_at=starts_at, setting=setting
                )
            )
        with _entered(store, starts_at - PREPARED_AHEAD, now):
            store.checklists.set_field(meeting.id, "planned_level", planned)
        with _entered(store, _debriefed_at(meeting), now):
            _debrief_history(store, meeting.id, actual, planned, temperature, feedback)


def _debrief_history(
    store: Store, meeting_id: int, actual: int, planned: int, temperature: int, feedback: bool
) -> None:
    d = store.debriefs
    d.set_field(
        meeting_id,
        "outcome",
        "Went as planned."
        if actual >= planned
        else "I let a late request through without naming its cost.",
    )
    d.set_field(meeting_id, "overall", min(5, temperature + 1))
    d.set_field(meeting_id, "temperature", temperature)
    d.set_field(meeting_id, "actual_level", actual)
    d.set_field(meeting_id, "feedback_asked", feedback)


def _debrief(store: Store, meeting_id: int, today) -> None:
    """A finished debrief: one ask not made (now unsaid), a moved deadline, actions."""
    d = store.debriefs
    d.set_field(
        meeting_id,
        "outcome",
        "They accepted the pilot scope. Dates to be confirmed once their data owner is named.",
    )
    d.set_field(meeting_id, "overall", 4)
    d.set_field(meeting_id, "temperature", 4)
    d.set_field(meeting_id, "actual_level", 3)
    checklist = store.checklists.get(meeting_id)
    first, second = checklist.asks[0], checklist.asks[1]
    d.set_ask_result(first.id, True, AskAnswer.LATER)
    d.set_ask_result(second.id, False, None)
    deadline = checklist.deadlines[0]
    earliest, likely, latest = deadline.earliest, deadline.likely, deadline.latest
    assert earliest and likely and latest, "the demo's first deadline has all three dates"
    d.record_move(
        deadline.id,
        meeting_id,
        earliest + timedelta(days=7),
        likely + timedelta(days=14),
        latest + timedelta(days=14),
    )
    d.set_proposal_outcome(checklist.problems[0].id, ProposalOutcome.ACCEPTED)
    d.set_field(meeting_id, "feedback_asked", True)
    d.set_field(meeting_id, "feedback_keep", "The one-page summaries before each call")
    d.set_field(meeting_id, "feedback_more", "Flag risks earlier, even half-formed")
    d.set_field(meeting_id, "feedback_help", "Pre-read the board pack with me")
    d.set_field(
        meeting_id,
        "coaching_note",
        "They add scope late in calls. Next time, show "
        "what each late addition does to the go-live range, on the spot.",
    )
    store.items.add(
        "actions",
        meeting_id,
        text="Send the revised pilot plan",
        owner=Owner.ME,
        due=today + timedelta(days=2),
    )
    store.items.add(
        "actions",
        meeting_id,
        text="Name a data owner on their side",
        owner=Owner.THEM,
        due=today - timedelta(days=1),
    )


def _prepare(store: Store, meeting_id: int, *, level: int, done: bool) -> None:
    """A believable checklist: complete, or part-way with a hedge and a loose end."""
    c = store.checklists
    day = store.meeting(meeting_id).starts_at.date()
    c.set_field(meeting_id, "position", Position.PAYING_CLIENT)
    c.set_field(meeting_id, "holding_back", "That the January date only works if they freeze scope")
    c.set_field(meeting_id, "holding_back_reason", HoldBackReason.EMBARRASS)
    c.add_item(
        "asks",
        meeting_id,
        text="I need a named owner for sign-off on their side",
        by_when=day + timedelta(days=3),
    )
    c.add_item(
        "asks",
        meeting_id,
        text="I was just wondering if maybe we could agree the success criteria today",
    )
    c.set_field(meeting_id, "they_expect", "A plan they can show their board on Monday")
    if done:
        c.set_field(meeting_id, "i_expect", "Agreement on scope and one decision-maker")
    c.add_item(
        "deadlines",
        meeting_id,
        label="Pilot go-live",
        earliest=day + timedelta(days=35),
        likely=day + timedelta(days=49),
        latest=day + timedelta(days=70),
        confidence=Confidence.MEDIUM,
        flexible=frozenset({Flex.SCOPE}),
    )
    c.set_field(meeting_id, "premortem", "We argue about dates before agreeing scope")
    c.set_field(meeting_id, "planned_level", level)
    c.set_field(
        meeting_id,
        "pushback_line",
        "I think differently about that, because a fixed date with open scope "
        "is how the last pilot slipped",
    )
    late = c.add_item(
        "problems", meeting_id, text="Their data export is two weeks late", need=Need.DECISION
    )
    if done:
        c.add_item("solutions", late, text="Start with last quarter's data and backfill")
    c.add_item(
        "problems",
        meeting_id,
        text="Nobody owns the data migration",
        need=Need.INFORMATION,
        ask_for_help=True,
    )
    c.set_field(meeting_id, "off_their_plate", "Draft the board summary for them")
