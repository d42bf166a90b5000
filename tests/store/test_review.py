"""The weekly review's queries on a real file: one fixture history, and the
exact `WeekInput` the store builds from it for week 48 and the week before.

Week 48 is Mon 23 - Sun 29 Nov 2026 (London, GMT); NOW is Fri 27 Nov 14:00.
The store stamps created_at, resolved_at and done_at with the real clock,
so the fixture sets those columns to chosen instants with plain UPDATEs:
the review counts them by week, and the real clock must not decide which.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from dateutil import tz

from prep.domain.checklist import HoldBackReason, Position
from prep.domain.debrief import AskAnswer, Owner
from prep.domain.models import Cadence, MeetingDraft, Rank, RelationshipKind, Setting
from prep.domain.review import (
    ActionLine,
    MovedDeadline,
    PersonFeedback,
    Reflection,
    ReviewMeeting,
    UpcomingDeadline,
    WeekInput,
)
from prep.domain.review_report import render_review
from prep.domain.review_stats import ActionItems, DueItem, action_items, unsaid_opened
from prep.store.review import _MEETINGS_SQL
from tests.helpers import LONDON, NOW, at

WEEK_48 = date(2026, 11, 23)
WEEK_47 = date(2026, 11, 16)
DANA, SAM = "Dana Whitfield", "Sam Patel"


def wall(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


@dataclass
class History:
    """Ids of what the fixture wrote, for building the expected records."""

    dana: int
    sam: int
    m: dict[str, int]  # meeting ids by short name


def _stamp(store, table: str, item_id: int, **columns: str) -> None:
    """Fixture data: put a real-clock column at a chosen instant."""
    sets = ", ".join(f"{name} = ?" for name in columns)
    store.db.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*columns.values(), item_id])


def _meeting(
    store, title: str, person: str, starts_at: datetime, setting: Setting = Setting.VIDEO
) -> int:
    return store.add_meeting(MeetingDraft(title, person, starts_at, setting=setting)).id


def _debrief(store, meeting_id: int, **fields) -> None:
    for name, value in fields.items():
        store.debriefs.set_field(meeting_id, name, value)


@pytest.fixture
def history(store) -> History:
    c, d, items = store.checklists, store.debriefs, store.items
    dana = store.add_counterpart(DANA, organisation="Northwind").id
    sam = store.add_counterpart(
        SAM, kind=RelationshipKind.COLLEAGUE, rank=Rank.PEER, cadence=Cadence.HALF_YEARLY
    ).id
    m: dict[str, int] = {}

    # -- the trend's edges, in summer time (BST) ---------------------------------
    # Sun 6 Sep 23:30 BST: the week before the twelve that end with week 48.
    m["summer"] = _meeting(store, "Summer check-in", DANA, wall(2026, 9, 6, 23, 30))
    c.set_field(m["summer"], "planned_level", 1)
    _debrief(store, m["summer"], actual_level=10)  # gap +9
    # Mon 7 Sep 00:30 BST is Sun 6 Sep 23:30 UTC: the local week counts.
    m["autumn"] = _meeting(store, "Autumn kick-off", DANA, wall(2026, 9, 7, 0, 30))
    c.set_field(m["autumn"], "planned_level", 3)
    _debrief(store, m["autumn"], actual_level=6)  # gap +3
    # Planned but never rated: no gap for its week.
    m["half_term"] = _meeting(store, "Half-term sync", SAM, wall(2026, 11, 2, 10))
    c.set_field(m["half_term"], "planned_level", 5)
    _debrief(store, m["half_term"], temperature=3)

    # -- week 47 ---------------------------------------------------------------
    m["kick_off"] = _meeting(store, "Kick-off", DANA, at(-10, 10))  # Tue 17 Nov
    c.set_field(m["kick_off"], "planned_level", 5)
    c.add_item(
        "deadlines",
        m["kick_off"],
        label="go-live ",
        earliest=date(2026, 12, 1),
        likely=date(2026, 12, 4),
        latest=date(2026, 12, 11),
    )
    contract = c.add_item(
        "deadlines",
        m["kick_off"],
        label="Contract",
        earliest=date(2026, 12, 7),
        likely=date(2026, 12, 10),
        latest=date(2026, 12, 15),
    )
    _debrief(
        store,
        m["kick_off"],
        outcome="Scope agreed",
        temperature=3,
        actual_level=4,
        feedback_asked=True,
    )  # gap -1
    d.record_move(
        contract, m["kick_off"], date(2026, 12, 10), date(2026, 12, 14), date(2026, 12, 18)
    )
    overrun = items.add("unsaid", m["kick_off"], text="The overrun")
    _stamp(
        store,
        "unsaid_items",
        overrun,
        created_at="2026-11-17T12:00:00Z",
        resolved_at="2026-11-24T09:00:00Z",
    )
    owner = items.add(
        "actions", m["kick_off"], text="Name an owner", owner=Owner.THEM, due=date(2026, 11, 26)
    )
    _stamp(store, "action_items", owner, done_at="2026-11-27T09:00:00Z")  # before NOW
    room = items.add("actions", m["kick_off"], text="Book room", due=date(2026, 11, 18))
    _stamp(store, "action_items", room, done_at="2026-11-24T10:00:00Z")

    # Sun 22 Nov 23:30: the last minutes of week 47. Deadlines of every shape.
    m["late_call"] = _meeting(store, "Late call", SAM, at(-5, 23, 30))
    for label, earliest, likely, latest in (
        ("Go-live", date(2026, 12, 13), date(2026, 12, 16), date(2026, 12, 20)),
        ("Launch", date(2026, 12, 14), None, date(2026, 12, 20)),  # starts on the window's end
        ("Report", None, None, date(2026, 11, 30)),  # ends on the window's first day
        ("Old", None, None, date(2026, 11, 29)),  # over before the window
        ("  ", None, None, date(2026, 12, 5)),  # no label
        ("Migration", date(2026, 11, 1), None, date(2027, 6, 1)),  # spans the window
    ):
        c.add_item(
            "deadlines",
            m["late_call"],
            label=label,
            earliest=earliest,
            likely=likely,
            latest=latest,
        )
    holiday = items.add("unsaid", m["late_call"], text="Holiday")
    _stamp(store, "unsaid_items", holiday, created_at="2026-11-22T23:45:00Z")

    # -- week 48 ---------------------------------------------------------------
    m["early"] = _meeting(store, "Early sync", SAM, at(-4, 0))  # Mon 23 Nov 00:00 sharp

    # Mon 9:00, fully prepared, debriefed: two asks (and a blank), two problems.
    m["pilot"] = _meeting(store, "Pilot review", DANA, at(-4, 9), Setting.OFFICE)
    p = m["pilot"]
    c.set_field(p, "position", Position.SENIOR)
    c.set_field(p, "holding_back", "The budget overrun")
    c.set_field(p, "holding_back_reason", HoldBackReason.EMBARRASS)
    sign_off = c.add_item("asks", p, text="Sign-off on the pilot")
    budget_owner = c.add_item("asks", p, text="A budget owner")
    c.add_item("asks", p, text="   ")
    c.set_field(p, "they_expect", "A plan")
    c.set_field(p, "i_expect", "A date")
    go_live = c.add_item(
        "deadlines",
        p,
        label="Go-live",
        earliest=date(2026, 12, 3),
        likely=date(2026, 12, 9),
        latest=date(2026, 12, 18),
    )  # carried copy
    c.set_field(p, "planned_level", 6)
    vendor = c.add_item("problems", p, text="Vendor late")
    c.add_item("solutions", vendor, text="Backup vendor")
    c.add_item("problems", p, text="No data owner", ask_for_help=True)
    assert store.meeting(p).steps_done == 4
    _debrief(
        store, p, outcome="Budget approved", temperature=4, actual_level=7, feedback_asked=True
    )  # gap +1
    d.set_ask_result(sign_off, True, AskAnswer.GRANTED)
    d.set_ask_result(budget_owner, False, None)
    [unsaid] = d.get(p).unsaid
    _stamp(store, "unsaid_items", unsaid.id, created_at="2026-11-23T10:00:00Z")
    d.record_move(go_live, p, date(2026, 12, 10), date(2026, 12, 16), date(2026, 12, 23))
    d.record_move(contract, p, date(2026, 12, 11), date(2026, 12, 18), date(2026, 12, 21))
    items.add("actions", p, text="Send plan", due=date(2026, 11, 20))  # overdue
    items.add("actions", p, text="Draft SOW", due=date(2026, 12, 7))  # the week after next
    items.add("actions", p, text="Call back", owner=Owner.THEM, due=date(2026, 11, 27))  # today
    items.add("actions", p, text="Someday")  # no date

    # Wed 15:00: prepared, then the plan was unlocked after it started.
    m["budget"] = _meeting(store, "Budget check", SAM, at(-2, 15), Setting.PHONE)
    b = m["budget"]
    c.set_field(b, "position", Position.PEER)
    c.set_field(b, "holding_back_nothing", True)
    c.set_field(b, "no_asks", True)
    c.set_field(b, "they_expect", "Numbers")
    c.set_field(b, "i_expect", "A yes")
    budget_deadline = c.add_item(
        "deadlines",
        b,
        label="Budget",
        earliest=date(2026, 12, 1),
        likely=date(2026, 12, 2),
        latest=date(2026, 12, 4),
    )
    c.set_field(b, "planned_level", 5)
    c.set_field(b, "nothing_to_raise", True)
    assert store.meeting(b).steps_done == 4
    c.mark_edited_after_start(b)
    _debrief(store, b, outcome="Numbers agreed", temperature=2, actual_level=5)  # gap 0
    d.record_move(budget_deadline, b, date(2026, 12, 5), None, date(2026, 12, 12))
    for text in ("Workload", "Pay", "  "):
        item = items.add("unsaid", b, text=text)
        _stamp(store, "unsaid_items", item, created_at="2026-11-25T16:00:00Z")
    items.add("actions", b, text="Share figures", owner=Owner.THEM, due=date(2026, 12, 2))
    items.add("actions", b, text="  ", due=date(2026, 11, 1))  # blank: never listed

    # Thu 12:30 over coffee: not prepared, half debriefed.
    m["coffee"] = _meeting(store, "Coffee chat", DANA, at(-1, 12, 30), Setting.COFFEE)
    f = m["coffee"]
    creep = c.add_item("problems", f, text="Scope creep")
    c.add_item("solutions", creep, text="  ")  # a blank solution is no solution
    hiring = c.add_item("problems", f, text="Hiring", ask_for_help=True)
    c.add_item("solutions", hiring, text="  ")
    c.add_item("problems", f, text="  ")
    coffee_ask = c.add_item("asks", f, text="Coffee budget")
    d.set_ask_result(coffee_ask, True, AskAnswer.REFUSED)
    _debrief(store, f, temperature=5)

    # Sun 29 Nov 23:30 is still week 48; Mon 30 Nov 00:10 is not.
    m["sunday"] = _meeting(store, "Sunday wrap", SAM, at(2, 23, 30))
    m["robin"] = _meeting(store, "Intro", "Robin Vance", at(3, 0, 10))
    # Feedback asked at a meeting after week 48 does not count for it.
    m["follow_up"] = _meeting(store, "Follow-up", DANA, at(4, 10))
    _debrief(store, m["follow_up"], feedback_asked=True)

    # An old unsaid item still open (Dana's second), and one resolved last week.
    old_open = items.add("unsaid", m["autumn"], text="Team size")
    _stamp(store, "unsaid_items", old_open, created_at="2026-09-07T10:00:00Z")
    old_done = items.add("unsaid", m["autumn"], text="Office move")
    _stamp(
        store,
        "unsaid_items",
        old_done,
        created_at="2026-09-07T10:00:00Z",
        resolved_at="2026-11-20T10:00:00Z",
    )

    store.review.set_reflection(WEEK_47, "focus", "Ask for decisions")
    store.review.set_reflection(WEEK_48, "went_well", "Asked for the sign-off")
    return History(dana=dana, sam=sam, m=m)


def _expected_meetings(h: History) -> tuple[ReviewMeeting, ...]:
    m = h.m
    return (
        ReviewMeeting(
            id=m["early"],
            title="Early sync",
            person_id=h.sam,
            person=SAM,
            rank=Rank.PEER,
            starts_at=at(-4, 0),
            setting=Setting.VIDEO,
        ),
        ReviewMeeting(
            id=m["pilot"],
            title="Pilot review",
            person_id=h.dana,
            person=DANA,
            rank=Rank.SENIOR,
            starts_at=at(-4, 9),
            setting=Setting.OFFICE,
            steps_done=4,
            debriefed=True,
            planned_level=6,
            actual_level=7,
            temperature=4,
            asks_planned=2,
            asks_asked=1,
            asks_granted=1,
            problems_with_solution=1,
            problems_for_help=1,
            problems_without=0,
            feedback_asked=True,
            hold_back_reason=HoldBackReason.EMBARRASS,
            unsaid_opened=1,
        ),  # the ask not made
        ReviewMeeting(
            id=m["budget"],
            title="Budget check",
            person_id=h.sam,
            person=SAM,
            rank=Rank.PEER,
            starts_at=at(-2, 15),
            setting=Setting.PHONE,
            steps_done=4,
            edited_after_start=True,
            debriefed=True,
            planned_level=5,
            actual_level=5,
            temperature=2,
            unsaid_opened=2,
        ),  # Workload, Pay; not the blank
        ReviewMeeting(
            id=m["coffee"],
            title="Coffee chat",
            person_id=h.dana,
            person=DANA,
            rank=Rank.SENIOR,
            starts_at=at(-1, 12, 30),
            setting=Setting.COFFEE,
            temperature=5,
            asks_planned=1,
            asks_asked=1,
            asks_granted=0,
            problems_with_solution=0,
            problems_for_help=1,
            problems_without=1,
        ),
        ReviewMeeting(
            id=m["sunday"],
            title="Sunday wrap",
            person_id=h.sam,
            person=SAM,
            rank=Rank.PEER,
            starts_at=at(2, 23, 30),
            setting=Setting.VIDEO,
        ),
    )


def test_week_48_is_exactly_what_the_history_says(store, history):
    week = store.review.week(WEEK_48, LONDON, NOW)
    m = history.m

    assert week == WeekInput(
        week_start=WEEK_48,
        meetings=_expected_meetings(history),
        unsaid_resolved=1,  # The overrun
        open_unsaid_by_person=((SAM, 3), (DANA, 2)),
        moved_deadlines=(
            # The carried copy moved: "old" is its plan.
            MovedDeadline("Go-live", DANA, date(2026, 12, 9), date(2026, 12, 16), m["pilot"]),
            # Moved before, last week: "old" is that move, not the plan's 10 Dec.
            MovedDeadline("Contract", DANA, date(2026, 12, 14), date(2026, 12, 18), m["pilot"]),
            MovedDeadline("Budget", SAM, date(2026, 12, 2), None, m["budget"]),
        ),
        upcoming_deadlines=(
            UpcomingDeadline("Report", SAM, None, None, date(2026, 11, 30)),
            # Moved at its debrief: the new range, blanks included, replaces the plan.
            UpcomingDeadline("Budget", SAM, date(2026, 12, 5), None, date(2026, 12, 12)),
            # Dana's two Go-lives are one deadline carried over: the latest plan,
            # as moved at its debrief.
            UpcomingDeadline(
                "Go-live", DANA, date(2026, 12, 10), date(2026, 12, 16), date(2026, 12, 23)
            ),
            # Same label, another person: a deadline of its own.
            UpcomingDeadline(
                "Go-live", SAM, date(2026, 12, 13), date(2026, 12, 16), date(2026, 12, 20)
            ),
            # Moved twice: the latest move counts.
            UpcomingDeadline(
                "Contract", DANA, date(2026, 12, 11), date(2026, 12, 18), date(2026, 12, 21)
            ),
            UpcomingDeadline("Migration", SAM, date(2026, 11, 1), None, date(2027, 6, 1)),
        ),
        # Due before the week and open at its end; due this week or next, done
        # or not; done during the week. "Draft SOW" is due the week after next,
        # "Someday" has no date, and a blank item is never listed.
        actions=(
            ActionLine("Send plan", DANA, Owner.ME, date(2026, 11, 20)),
            ActionLine(
                "Name an owner",
                DANA,
                Owner.THEM,
                date(2026, 11, 26),
                done_at=datetime(2026, 11, 27, 9, tzinfo=UTC),
            ),
            ActionLine("Call back", DANA, Owner.THEM, date(2026, 11, 27)),
            ActionLine("Share figures", SAM, Owner.THEM, date(2026, 12, 2)),
            ActionLine(
                "Book room",
                DANA,
                Owner.ME,
                date(2026, 11, 18),
                done_at=datetime(2026, 11, 24, 10, tzinfo=UTC),
            ),
        ),
        # Robin is met only on Monday 30 Nov, after the week.
        people=(
            PersonFeedback(DANA, Cadence.QUARTERLY, date(2026, 11, 23)),
            PersonFeedback(SAM, Cadence.HALF_YEARLY, None),
        ),
        gap_trend=(3.0, None, None, None, None, None, None, None, None, None, -1.0, 0.5),
        reflection=Reflection(went_well="Asked for the sign-off"),
        last_week_focus="Ask for decisions",
    )
    [send_plan, name_owner, call_back, share_figures, book_room] = week.actions
    assert action_items(week, NOW) == ActionItems(
        overdue=(send_plan,),
        due_this_week=(
            DueItem(name_owner, done=True, overdue=False),
            DueItem(call_back, done=False, overdue=False),
        ),  # due today
        due_next_week=(share_figures,),
        done_other=(book_room,),
    )


def test_week_47_is_seen_as_of_its_own_end(store, history):
    week = store.review.week(WEEK_47, LONDON, NOW)
    m = history.m

    assert [r.id for r in week.meetings] == [m["kick_off"], m["late_call"]]
    assert unsaid_opened(week) == 2  # The overrun, and Holiday at Sunday's late call
    assert week.unsaid_resolved == 1  # Office move
    assert week.moved_deadlines == (
        MovedDeadline("Contract", DANA, date(2026, 12, 10), date(2026, 12, 14), m["kick_off"]),
    )
    # As of Mon 23 Nov 00:00: "Book room" was still open then, though done since.
    items = action_items(week, NOW)
    assert [(i.action.text, i.done, i.overdue) for i in items.due_this_week] == [
        ("Book room", False, True),
        ("Send plan", False, True),
    ]
    assert [a.text for a in items.due_next_week] == ["Name an owner", "Call back"]
    assert (items.overdue, items.done_other) == ((), ())
    assert week.people == (
        PersonFeedback(DANA, Cadence.QUARTERLY, date(2026, 11, 17)),
        PersonFeedback(SAM, Cadence.HALF_YEARLY, None),
    )
    # Twelve weeks from Mon 31 Aug: "Summer check-in" (Sun 6 Sep, local) in the
    # first, "Autumn kick-off" (Mon 7 Sep 00:30 BST, still 6 Sep in UTC) in the second.
    assert len(week.gap_trend) == 12
    assert week.gap_trend == (9.0, 3.0, None, None, None, None, None, None, None, None, None, -1.0)
    assert week.reflection == Reflection(focus="Ask for decisions")
    assert week.last_week_focus == ""


def test_the_trend_can_be_left_out(store, history):
    assert store.review.week(WEEK_48, LONDON, NOW, trend=False).gap_trend == ()


def test_a_week_is_local_midnight_to_midnight_far_from_utc(store):
    """New York is five hours behind: Sunday 23:30 there is Monday in UTC,
    and still belongs to the Sunday's week."""
    new_york = tz.gettz("America/New_York")
    inside = _meeting(store, "Sunday late", "Ana", datetime(2026, 11, 29, 23, 30, tzinfo=new_york))
    _meeting(store, "Monday early", "Ana", datetime(2026, 11, 30, 0, 10, tzinfo=new_york))
    _meeting(store, "Sunday before", "Ana", datetime(2026, 11, 22, 23, 59, tzinfo=new_york))
    first = _meeting(store, "Monday first", "Ana", datetime(2026, 11, 23, 0, 0, tzinfo=new_york))
    now = datetime(2026, 11, 27, 9, 0, tzinfo=new_york)
    week = store.review.week(WEEK_48, new_york, now)
    assert [(r.id, r.title) for r in week.meetings] == [
        (first, "Monday first"),
        (inside, "Sunday late"),
    ]


def test_an_empty_database_gives_an_empty_week(store):
    week = store.review.week(WEEK_48, LONDON, NOW)
    assert week == WeekInput(week_start=WEEK_48, gap_trend=(None,) * 12)


def test_a_future_week_counts_as_of_now(store, history):
    """Week 49 has not started: nothing is overdue at its end, only as of NOW."""
    week = store.review.week(WEEK_48 + timedelta(weeks=1), LONDON, NOW)
    assert [r.id for r in week.meetings] == [history.m["robin"], history.m["follow_up"]]
    items = action_items(week, NOW)
    # "Call back" is due today: not overdue yet, and not due in week 49.
    assert items.overdue == (ActionLine("Send plan", DANA, Owner.ME, date(2026, 11, 20)),)
    assert [(i.action.text, i.done) for i in items.due_this_week] == [("Share figures", False)]
    assert [a.text for a in items.due_next_week] == ["Draft SOW"]
    assert unsaid_opened(week) == 0
    assert week.last_week_focus == ""
    assert [p.person for p in week.people] == [DANA, "Robin Vance", SAM]


def test_a_sunday_meeting_debriefed_on_monday_counts_in_sundays_week(store):
    """Everything the debrief brings belongs to the meeting's week, whenever
    it is typed: asks, problems, unsaid items and deadline moves."""
    c, d = store.checklists, store.debriefs
    sunday = _meeting(store, "Sunday wrap", SAM, at(2, 23, 30))  # Sun 29 Nov 23:30
    sign_off = c.add_item("asks", sunday, text="Sign-off")
    c.add_item("asks", sunday, text="More budget")
    risk = c.add_item("problems", sunday, text="Vendor late")
    c.add_item("solutions", risk, text="Backup vendor")
    launch = c.add_item(
        "deadlines",
        sunday,
        label="Launch",
        earliest=date(2026, 12, 7),
        likely=date(2026, 12, 9),
        latest=date(2026, 12, 11),
    )
    # The debrief, written on Monday 30 Nov.
    d.set_ask_result(sign_off, True, AskAnswer.GRANTED)
    [more_budget] = [a.ask_id for a in d.get(sunday).ask_results if a.ask_id != sign_off]
    d.set_ask_result(more_budget, False, None)  # becomes an unsaid item
    store.items.add("unsaid", sunday, text="Workload")
    d.record_move(launch, sunday, date(2026, 12, 14), date(2026, 12, 16), date(2026, 12, 18))
    for item in d.get(sunday).unsaid:
        _stamp(store, "unsaid_items", item.id, created_at="2026-11-30T08:00:00Z")
    monday = at(3, 9)

    week_48, _ = store.review.with_last_week(WEEK_48, LONDON, monday)
    week_49, previous = store.review.with_last_week(WEEK_48 + timedelta(weeks=1), LONDON, monday)

    [held] = week_48.meetings
    assert (held.asks_planned, held.asks_asked, held.asks_granted) == (2, 1, 1)
    assert held.problems_with_solution == 1
    assert unsaid_opened(week_48) == 2
    assert week_48.moved_deadlines == (
        MovedDeadline("Launch", SAM, date(2026, 12, 9), date(2026, 12, 16), sunday),
    )
    assert week_48.open_unsaid_by_person == ((SAM, 2),)

    assert week_49.meetings == ()
    assert unsaid_opened(week_49) == 0
    assert week_49.moved_deadlines == ()

    review_48 = render_review(week_48, WeekInput(week_start=WEEK_47), monday)
    assert "Unsaid items: 2 opened at this week's meetings, 0 resolved this week." in review_48
    assert "- Launch (Sam Patel): likely moved 7 days later, to Wed 16 Dec" in review_48
    assert "| Direct asks planned / asked / granted | 2 / 1 / 1 | 0 / 0 / 0 |" in review_48
    review_49 = render_review(week_49, previous, monday)
    # Still open with Sam, but none of it was opened in week 49.
    assert "Unsaid items: 0 opened at this week's meetings, 0 resolved this week." in review_49
    assert "- Sam Patel: 2" in review_49
    assert "Moved this week" not in review_49


def test_mondays_review_lists_an_item_due_on_wednesday(store):
    meeting = _meeting(store, "Kick-off", DANA, at(-10, 10))
    store.items.add("actions", meeting, text="Send the plan", due=date(2026, 11, 25))
    monday = at(-4, 8)  # Mon 23 Nov 08:00
    week = store.review.week(WEEK_48, LONDON, monday, trend=False)
    items = action_items(week, monday)
    assert [(i.action.text, i.done, i.overdue) for i in items.due_this_week] == [
        ("Send the plan", False, False)
    ]
    assert (
        "- [ ] Send the plan \u2014 me, for Dana Whitfield, due Wed 25 Nov"
        in render_review(week, WeekInput(week_start=WEEK_47), monday).splitlines()
    )


# -- reflections ---------------------------------------------------------------


def test_reflection_round_trip_field_by_field(store):
    review = store.review
    assert review.reflection(WEEK_48) == Reflection()
    review.set_reflection(WEEK_48, "went_well", "Asked twice 🚀\nand it worked")
    review.set_reflection(WEEK_48, "to_change", "Prepare earlier")
    review.set_reflection(WEEK_48, "focus", "Decisions")
    review.set_reflection(WEEK_48, "to_change", "Prepare on Friday")  # the last word stays
    assert review.reflection(WEEK_48) == Reflection(
        went_well="Asked twice 🚀\nand it worked", to_change="Prepare on Friday", focus="Decisions"
    )
    assert review.reflection(WEEK_47) == Reflection()
    next_week = review.week(WEEK_48 + timedelta(weeks=1), LONDON, NOW, trend=False)
    assert next_week.last_week_focus == "Decisions"
    assert next_week.reflection == Reflection()


def test_an_unknown_reflection_field_is_refused(store):
    with pytest.raises(ValueError, match="unknown reflection field"):
        store.review.set_reflection(WEEK_48, "went_well = '', focus", "x")
    assert store.review.reflection(WEEK_48) == Reflection()


# -- query plans ---------------------------------------------------------------


def test_the_meetings_query_searches_the_start_index(store, history):
    lo, hi = "2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z"
    plan = [
        row[3]
        for row in store.db.execute(f"EXPLAIN QUERY PLAN {_MEETINGS_SQL}", [lo, hi]).fetchall()
    ]
    assert any(
        line.startswith("SEARCH m USING INDEX meetings_starts_at_utc (starts_at_utc>?")
        for line in plan
    ), plan
    assert not [line for line in plan if line.startswith("SCAN")], plan


def test_upcoming_deadlines_follow_a_move_made_at_the_debrief(store):
    meeting = _meeting(store, "Pilot review", DANA, at(-4, 9))
    c, d = store.checklists, store.debriefs
    contract = c.add_item(
        "deadlines",
        meeting,
        label="Contract",
        earliest=date(2026, 12, 7),
        likely=date(2026, 12, 10),
        latest=date(2026, 12, 15),
    )
    go_live = c.add_item(
        "deadlines",
        meeting,
        label="Go-live",
        earliest=date(2026, 12, 1),
        likely=date(2026, 12, 4),
        latest=date(2026, 12, 11),
    )
    d.record_move(contract, meeting, date(2026, 12, 11), date(2026, 12, 18), date(2026, 12, 21))
    # Moved out of the next two weeks altogether.
    d.record_move(go_live, meeting, date(2027, 1, 11), date(2027, 1, 15), date(2027, 1, 22))

    week = store.review.week(WEEK_48, LONDON, NOW)

    assert week.moved_deadlines == (
        MovedDeadline("Contract", DANA, date(2026, 12, 10), date(2026, 12, 18), meeting),
        MovedDeadline("Go-live", DANA, date(2026, 12, 4), date(2027, 1, 15), meeting),
    )
    assert week.upcoming_deadlines == (
        UpcomingDeadline(
            "Contract", DANA, date(2026, 12, 11), date(2026, 12, 18), date(2026, 12, 21)
        ),
    )
