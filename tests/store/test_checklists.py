"""Checklists on a real file: every field round-trips, lists keep order, readiness follows."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from prep.domain.checklist import Confidence, Flex, HoldBackReason, Need, Position
from prep.domain.models import MeetingDraft, Progress, ValidationError
from prep.store import StoreError, open_store
from tests.helpers import at

AWKWARD = "Emoji 🚀✅ quotes ' \" pipes | and\nnewlines\ttabs, control \x07 chars, 中文"


@pytest.fixture
def meeting(store):
    return store.add_meeting(MeetingDraft("Q4 review", "Dana", at(1, 10)))


def fill_everything(store, meeting_id: int) -> None:
    c = store.checklists
    c.set_field(meeting_id, "position", Position.PAYING_CLIENT)
    c.set_field(meeting_id, "holding_back", AWKWARD)
    c.set_field(meeting_id, "holding_back_reason", HoldBackReason.FEAR)
    c.set_field(meeting_id, "holding_back_nothing", False)
    c.set_field(meeting_id, "no_asks", True)
    c.set_field(meeting_id, "they_expect", "They expect a date " + AWKWARD)
    c.set_field(meeting_id, "i_expect", "I expect a decision")
    c.set_field(meeting_id, "premortem", "We run out of time")
    c.set_field(meeting_id, "planned_level", 6)
    c.set_field(meeting_id, "pushback_line", "I think differently about that, because …")
    c.set_field(meeting_id, "nothing_to_raise", False)
    c.set_field(meeting_id, "off_their_plate", "Write the status report")
    c.add_item("asks", meeting_id, text="I need the sign-off", by_when=date(2026, 12, 4))
    c.add_item(
        "deadlines",
        meeting_id,
        label="Go-live",
        earliest=date(2027, 1, 4),
        likely=date(2027, 1, 11),
        latest=date(2027, 1, 25),
        confidence=Confidence.MEDIUM,
        flexible=frozenset({Flex.SCOPE, Flex.PEOPLE}),
    )
    problem = c.add_item(
        "problems", meeting_id, text="Vendor is late", need=Need.DECISION, ask_for_help=True
    )
    c.add_item("solutions", problem, text="Switch to the backup vendor")


def test_every_field_round_trips_through_the_file(store, meeting):
    fill_everything(store, meeting.id)
    reopened = open_store(store.path)
    try:
        checklist = reopened.checklists.get(meeting.id)
    finally:
        reopened.close()
    assert checklist.position is Position.PAYING_CLIENT
    assert checklist.holding_back == AWKWARD
    assert checklist.holding_back_reason is HoldBackReason.FEAR
    assert checklist.holding_back_nothing is False and checklist.no_asks is True
    assert checklist.they_expect == "They expect a date " + AWKWARD
    assert (checklist.i_expect, checklist.premortem) == (
        "I expect a decision",
        "We run out of time",
    )
    assert checklist.planned_level == 6
    assert checklist.pushback_line == "I think differently about that, because …"
    assert checklist.off_their_plate == "Write the status report"
    [ask] = checklist.asks
    assert (ask.text, ask.by_when) == ("I need the sign-off", date(2026, 12, 4))
    [deadline] = checklist.deadlines
    assert (deadline.label, deadline.earliest, deadline.likely, deadline.latest) == (
        "Go-live",
        date(2027, 1, 4),
        date(2027, 1, 11),
        date(2027, 1, 25),
    )
    assert deadline.confidence is Confidence.MEDIUM
    assert deadline.flexible == frozenset({Flex.SCOPE, Flex.PEOPLE})
    [problem] = checklist.problems
    assert (problem.text, problem.need, problem.ask_for_help) == (
        "Vendor is late",
        Need.DECISION,
        True,
    )
    assert [s.text for s in problem.solutions] == ["Switch to the backup vendor"]
    assert checklist.started


def test_a_meeting_without_a_checklist_reads_as_empty(store, meeting):
    checklist = store.checklists.get(meeting.id)
    assert not checklist.started and checklist.asks == () and checklist.planned_level is None


def test_readiness_is_counted_and_the_meeting_becomes_prepared(store, meeting):
    fill_everything(store, meeting.id)
    assert store.meeting(meeting.id).steps_done == 4
    assert store.meeting(meeting.id).progress is Progress.PREPARED
    store.checklists.set_field(meeting.id, "planned_level", None)
    assert store.meeting(meeting.id).steps_done == 3
    assert store.meeting(meeting.id).progress is Progress.NONE


def test_a_debriefed_meeting_keeps_its_progress(store, meeting, db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE meetings SET progress = 'debriefed' WHERE id = ?", [meeting.id])
    conn.commit()
    conn.close()
    store.checklists.set_field(meeting.id, "planned_level", 5)
    assert store.meeting(meeting.id).progress is Progress.DEBRIEFED


def test_items_keep_their_order_and_move(store, meeting):
    c = store.checklists
    ids = [c.add_item("asks", meeting.id, text=t) for t in ("one", "two", "three")]
    c.move_item("asks", ids[2], -1)
    assert [a.text for a in c.get(meeting.id).asks] == ["one", "three", "two"]
    c.move_item("asks", ids[0], 5)  # clamps at the end
    assert [a.text for a in c.get(meeting.id).asks] == ["three", "two", "one"]
    c.delete_item("asks", ids[1])
    assert [a.text for a in c.get(meeting.id).asks] == ["three", "one"]
    c.update_item("asks", ids[2], text="three, edited", by_when=None)
    assert [a.text for a in c.get(meeting.id).asks] == ["three, edited", "one"]


def test_deleting_a_meeting_deletes_its_checklist(store, meeting, db_path):
    fill_everything(store, meeting.id)
    store.delete_meeting(meeting.id)
    conn = sqlite3.connect(db_path)
    counts = [
        conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("checklists", "asks", "deadlines", "problems", "solutions")
    ]
    conn.close()
    assert counts == [0, 0, 0, 0, 0]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("planned_level", 0),
        ("planned_level", 11),
        ("planned_level", True),
        ("holding_back", "x" * 100_001),
        ("position", "emperor"),
    ],
)
def test_bad_values_are_refused(store, meeting, field, value):
    with pytest.raises((ValidationError, ValueError)):
        store.checklists.set_field(meeting.id, field, value)


def test_a_50k_paste_round_trips(store, meeting):
    text = ("Pasted email thread 📧\n" * 2500)[:50_000]
    store.checklists.set_field(meeting.id, "they_expect", text)
    assert store.checklists.get(meeting.id).they_expect == text


def test_unknown_items_give_a_clear_error(store, meeting):
    with pytest.raises(StoreError, match="no longer exists"):
        store.checklists.update_item("asks", 999, text="x")
    with pytest.raises(StoreError, match="no longer exists"):
        store.checklists.add_item("solutions", 999, text="x")


def test_previous_checklist(store, meeting):
    fill_everything(store, meeting.id)
    later = store.add_meeting(MeetingDraft("Follow-up", "Dana", at(8, 10)))
    other = store.add_meeting(MeetingDraft("Other person", "Marcus", at(5, 10)))
    assert store.checklists.previous_for(other) is None
    previous = store.checklists.previous_for(later)
    assert previous is not None and previous.meeting_id == meeting.id


def test_level_history_lists_earlier_meetings_with_the_same_person(store, meeting):
    store.checklists.set_field(meeting.id, "planned_level", 3)
    later = store.add_meeting(MeetingDraft("Follow-up", "Dana", at(8, 10)))
    history = store.checklists.level_history(later)
    assert [(m.id, planned, actual) for m, planned, actual in history] == [(meeting.id, 3, None)]


def test_edited_after_start_is_recorded(store, meeting):
    store.checklists.mark_edited_after_start(meeting.id)
    assert store.checklists.get(meeting.id).edited_after_start
