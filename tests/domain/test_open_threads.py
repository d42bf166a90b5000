"""One notion of "open with this person": a test per kind of thread."""

from __future__ import annotations

from datetime import date, datetime

from prep.domain.checklist import Ask, Deadline, Problem
from prep.domain.debrief import (
    ActionItem,
    AskAnswer,
    AskResult,
    CoachingOutcome,
    DeadlineMove,
    Owner,
    ProposalOutcome,
    UnsaidItem,
)
from prep.domain.open_threads import (
    CoachingNote,
    PersonRecord,
    Source,
    ThreadKind,
    coaching_to_settle,
    open_threads,
)
from tests.helpers import LONDON

TODAY = date(2026, 11, 27)
A = Source(1, "Roadmap", datetime(2026, 11, 3, 10, 0, tzinfo=LONDON))
B = Source(2, "Budget", datetime(2026, 11, 17, 10, 0, tzinfo=LONDON))
C = Source(3, "Planning", datetime(2026, 12, 1, 10, 0, tzinfo=LONDON))
MEETINGS = (A, B, C)


def record(**fields) -> PersonRecord:
    return PersonRecord(meetings=MEETINGS, **fields)


def kinds(rec: PersonRecord, before: int | None = None) -> list[tuple[ThreadKind, int]]:
    threads = open_threads(rec, TODAY, before=before)
    for t in threads:
        print(t.line(TODAY))
    return [t.key for t in threads]


def test_unsaid_items_stay_open_until_resolved_or_made_an_ask() -> None:
    open_item = UnsaidItem(10, 1, "The budget is too tight")
    resolved = UnsaidItem(11, 1, "Hiring", resolved_at=datetime(2026, 11, 5, tzinfo=LONDON))
    blank = UnsaidItem(12, 1, "  ")
    made_an_ask = UnsaidItem(13, 1, "Raise")
    rec = record(unsaid=(open_item, resolved, blank, made_an_ask), unsaid_asked_for=frozenset({13}))
    assert kinds(rec) == [(ThreadKind.UNSAID, 10)]
    [thread] = open_threads(rec, TODAY)
    assert thread.why == "not said yet" and thread.source == A
    assert "Roadmap, Tue 3 Nov" in thread.line(TODAY)


def test_open_action_items_say_whose_and_when() -> None:
    late = ActionItem(20, 1, "Send the draft", Owner.ME, due=date(2026, 11, 20))
    theirs = ActionItem(21, 2, "Share numbers", Owner.THEM)
    done = ActionItem(22, 1, "Book room", done_at=datetime(2026, 11, 4, tzinfo=LONDON))
    threads = open_threads(record(actions=(theirs, late, done)), TODAY)
    assert [(t.item_id, t.why) for t in threads] == [
        (20, "mine to do, due Fri 20 Nov (overdue)"),
        (21, "theirs to do"),
    ]


def test_asks_answered_later_or_not_at_all_come_back_until_copied() -> None:
    later = (1, Ask(30, "Sign off the budget"), AskResult(30, True, AskAnswer.LATER))
    silent = (1, Ask(31, "A second hire"), AskResult(31, True, AskAnswer.NO_ANSWER))
    granted = (1, Ask(32, "Friday off"), AskResult(32, True, AskAnswer.GRANTED))
    not_asked = (1, Ask(33, "Raise"), AskResult(33, False))  # an unsaid item instead
    rec = record(asks=(later, silent, granted, not_asked))
    threads = open_threads(rec, TODAY, before=2)
    assert [(t.item_id, t.why) for t in threads] == [
        (30, 'answered "later"'),
        (31, "no answer yet"),
    ]
    assert threads[0].ask == later[1]  # what a carry-over copies
    # Copied into B (any case, any spacing): B's ask is the one that counts now.
    copy = (2, Ask(34, "sign off  the budget"), AskResult(34))
    assert kinds(record(asks=(later, silent, copy)), before=3) == [(ThreadKind.ASK, 31)]
    # ... and if B's copy is answered "later" again, the thread is B's.
    again = (2, Ask(34, "Sign off the budget"), AskResult(34, True, AskAnswer.LATER))
    assert kinds(record(asks=(later, again))) == [(ThreadKind.ASK, 34)]


def test_deadlines_that_moved_or_passed_say_how() -> None:
    moved = Deadline(40, "Launch", date(2026, 12, 1), date(2026, 12, 4), date(2026, 12, 8))
    passed = Deadline(41, "Audit", latest=date(2026, 11, 20))
    running = Deadline(42, "Review", latest=date(2026, 12, 20))
    move = DeadlineMove(1, 40, 1, date(2026, 12, 10), date(2026, 12, 14), date(2026, 12, 18))
    rec = record(deadlines=((1, moved, move), (1, passed, None), (1, running, None)))
    threads = open_threads(rec, TODAY)
    assert [(t.item_id, t.why) for t in threads] == [
        (40, "moved to Thu 10 Dec … Fri 18 Dec, 10 days later"),
        (41, "its latest date, Fri 20 Nov, has passed"),
    ]
    assert threads[0].deadline is not None and threads[0].deadline.latest == date(2026, 12, 18)
    copy = (2, Deadline(43, "Launch"), None)
    assert kinds(record(deadlines=((1, moved, move), copy))) == []


def test_help_is_open_until_the_debrief_says_what_came_of_it() -> None:
    rows = tuple(
        (1, Problem(50 + i, f"Problem {i}", ask_for_help=True), outcome)
        for i, outcome in enumerate(
            (None, ProposalOutcome.PARKED, ProposalOutcome.ACCEPTED, ProposalOutcome.DECLINED)
        )
    )
    with_solution = (1, Problem(60, "Not for help"), None)
    threads = open_threads(record(problems=(*rows, with_solution)), TODAY)
    assert [(t.item_id, t.why) for t in threads] == [
        (50, "help asked for; none yet"),
        (51, "help asked for; parked"),
    ]


def test_only_the_latest_coaching_note_follows_until_tried() -> None:
    old = CoachingNote(1, "Lead with the number")
    new = CoachingNote(2, "Send the agenda a day ahead")
    assert kinds(record(coaching=(old, new))) == [(ThreadKind.COACHING, 2)]
    assert kinds(record(coaching=(old, new)), before=2) == [(ThreadKind.COACHING, 1)]
    assert kinds(record(coaching=(old, CoachingNote(2, "x", tried=True)))) == []


def test_a_debrief_asks_about_the_open_note_or_the_one_tried_in_it() -> None:
    old = CoachingNote(1, "Lead with the number")
    assert coaching_to_settle(record(coaching=(old,)), 2) == old
    assert coaching_to_settle(record(coaching=(old,)), 1) is None  # not its own note
    tried = CoachingNote(1, "Lead with the number", True, 3, CoachingOutcome.PARTLY)
    assert coaching_to_settle(record(coaching=(tried,)), 3) == tried  # to change the answer
    assert coaching_to_settle(record(coaching=(tried,)), 2) is None  # tried since
    assert coaching_to_settle(record(coaching=(CoachingNote(1, "  "),)), 2) is None


def test_kinds_come_in_one_order_and_only_from_earlier_meetings() -> None:
    rec = record(
        coaching=(CoachingNote(1, "Pause"),),
        actions=(ActionItem(20, 1, "Send"),),
        unsaid=(UnsaidItem(10, 2, "Said nothing"),),
        asks=((1, Ask(30, "Ask"), AskResult(30, True, AskAnswer.LATER)),),
    )
    assert [k for k, _ in kinds(rec)] == [
        ThreadKind.UNSAID,
        ThreadKind.ASK,
        ThreadKind.ACTION,
        ThreadKind.COACHING,
    ]
    # Into B: the unsaid item was raised in B itself, so it does not carry into B.
    assert (ThreadKind.UNSAID, 10) not in kinds(rec, before=2)
    assert kinds(rec, before=1) == []
