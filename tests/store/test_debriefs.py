"""Debriefs on a real file: answers, unsaid items, moved deadlines, actions, status."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from prep.domain.debrief import AskAnswer, Owner, ProposalOutcome
from prep.domain.models import MeetingDraft, Progress, ValidationError
from prep.store import StoreError
from tests.helpers import at


@pytest.fixture
def planned(store):
    """A meeting yesterday with a plan: two asks, a deadline, a problem."""
    meeting = store.add_meeting(MeetingDraft("Q4 review", "Dana", at(-1, 10)))
    c = store.checklists
    asks = [
        c.add_item("asks", meeting.id, text=t) for t in ("Sign-off by Friday", "A budget owner")
    ]
    deadline = c.add_item(
        "deadlines",
        meeting.id,
        label="Go-live",
        earliest=date(2027, 1, 4),
        likely=date(2027, 1, 11),
        latest=date(2027, 1, 25),
    )
    problem = c.add_item("problems", meeting.id, text="Vendor late")
    c.add_item("solutions", problem, text="Backup vendor")
    return meeting, asks, deadline, problem


def test_every_field_round_trips(store, planned):
    meeting = planned[0]
    d = store.debriefs
    values = {
        "outcome": "Agreed scope 🚀\nDates next week",
        "overall": 4,
        "temperature": 5,
        "actual_level": 7,
        "feedback_asked": True,
        "feedback_keep": "Summaries",
        "feedback_more": "Flag risks early",
        "feedback_help": "Pre-read with me",
        "coaching_note": "x" * 50_000,
    }
    for name, value in values.items():
        d.set_field(meeting.id, name, value)
    debrief = d.get(meeting.id)
    assert {name: getattr(debrief, name) for name in values} == values
    assert debrief.started


def test_status_follows_the_debrief(store, planned):
    meeting = planned[0]
    d = store.debriefs
    d.set_field(meeting.id, "outcome", "Went fine")
    assert store.meeting(meeting.id).progress is Progress.DEBRIEFING
    d.set_field(meeting.id, "temperature", 3)
    d.set_field(meeting.id, "actual_level", 5)
    assert store.meeting(meeting.id).progress is Progress.DEBRIEFED
    d.set_field(meeting.id, "outcome", "  ")
    assert store.meeting(meeting.id).progress is Progress.DEBRIEFING


def test_an_ask_not_asked_becomes_unsaid_and_back(store, planned):
    meeting, asks, _, _ = planned
    d = store.debriefs
    d.set_ask_result(asks[0], True, AskAnswer.GRANTED)
    d.set_ask_result(asks[1], False, None)
    debrief = d.get(meeting.id)
    assert [(r.asked, r.answer) for r in debrief.ask_results] == [
        (True, AskAnswer.GRANTED),
        (False, None),
    ]
    assert [(u.text, u.from_ask_id) for u in debrief.unsaid] == [("A budget owner", asks[1])]
    d.set_ask_result(asks[1], False, None)  # saying it twice adds nothing
    assert len(d.get(meeting.id).unsaid) == 1
    d.set_ask_result(asks[1], True, AskAnswer.LATER)
    assert d.get(meeting.id).unsaid == ()


def test_an_answer_without_asking_is_not_kept(store, planned):
    meeting, asks, _, _ = planned
    store.debriefs.set_ask_result(asks[0], None, AskAnswer.GRANTED)
    assert store.debriefs.get(meeting.id).ask_results[0].answer is None


def test_unsaid_and_actions_carry_to_the_next_meeting_until_resolved(store, planned):
    meeting = planned[0]
    d = store.debriefs
    unsaid = store.items.add("unsaid", meeting.id, text="The budget overrun")
    mine = store.items.add(
        "actions", meeting.id, text="Send plan", owner=Owner.ME, due=date(2026, 12, 1)
    )
    theirs = store.items.add("actions", meeting.id, text="Name an owner", owner=Owner.THEM)
    follow_up = d.create_next_meeting(meeting, at(6, 10))
    assert follow_up.counterpart.id == meeting.counterpart.id
    assert d.get(meeting.id).next_meeting_id == follow_up.id
    open_unsaid, open_actions = d.open_items_for(meeting.counterpart.id, before=follow_up)
    assert [u.id for u in open_unsaid] == [unsaid]
    assert [a.id for a in open_actions] == [mine, theirs]  # dated first
    # Nothing carries into meetings before the one it came from.
    assert d.open_items_for(meeting.counterpart.id, before=meeting) == ([], [])
    d.set_resolved(unsaid, True)
    d.set_done(mine, True)
    open_unsaid, open_actions = d.open_items_for(meeting.counterpart.id, before=follow_up)
    assert open_unsaid == [] and [a.id for a in open_actions] == [theirs]
    assert [(a.id, person) for a, person in d.open_action_items()] == [(theirs, "Dana")]


def test_moved_deadlines_keep_their_history(store, planned, db_path):
    meeting, _, deadline, _ = planned
    d = store.debriefs
    d.record_move(deadline, meeting.id, date(2027, 1, 11), date(2027, 1, 18), date(2027, 2, 1))
    d.record_move(deadline, meeting.id, date(2027, 1, 11), date(2027, 1, 25), date(2027, 2, 8))
    later = store.add_meeting(MeetingDraft("Next", "Dana", at(3, 10)))
    d.record_move(deadline, later.id, date(2027, 2, 1), date(2027, 2, 15), date(2027, 3, 1))
    [move] = d.get(meeting.id).deadline_moves
    assert (move.likely, move.latest) == (date(2027, 1, 25), date(2027, 2, 8))
    # The plan itself is not overwritten, and each debrief keeps its own range.
    assert store.checklists.get(meeting.id).deadlines[0].likely == date(2027, 1, 11)
    conn = sqlite3.connect(db_path)
    history = conn.execute(
        "SELECT meeting_id, likely FROM deadline_moves WHERE deadline_id = ? ORDER BY id",
        [deadline],
    ).fetchall()
    conn.close()
    assert history == [(meeting.id, "2027-01-25"), (later.id, "2027-02-15")]
    d.clear_move(deadline, meeting.id)
    assert d.get(meeting.id).deadline_moves == ()


def test_proposal_outcomes(store, planned):
    meeting, _, _, problem = planned
    store.debriefs.set_proposal_outcome(problem, ProposalOutcome.PARKED)
    assert store.debriefs.get(meeting.id).proposal_outcomes == ((problem, ProposalOutcome.PARKED),)


@pytest.mark.parametrize(
    ("field", "value"),
    [("overall", 6), ("temperature", 0), ("actual_level", 11), ("outcome", "x" * 100_001)],
)
def test_out_of_range_values_are_refused(store, planned, field, value):
    with pytest.raises(ValidationError):
        store.debriefs.set_field(planned[0].id, field, value)


def test_deleting_a_meeting_removes_its_debrief(store, planned, db_path):
    meeting, asks, deadline, _ = planned
    store.debriefs.set_field(meeting.id, "outcome", "x")
    store.debriefs.set_ask_result(asks[0], False, None)
    store.items.add("actions", meeting.id, text="Send plan")
    store.debriefs.record_move(deadline, meeting.id, None, None, None)
    store.delete_meeting(meeting.id)
    conn = sqlite3.connect(db_path)
    counts = [
        conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("debriefs", "unsaid_items", "action_items", "deadline_moves")
    ]
    conn.close()
    assert counts == [0, 0, 0, 0]


def test_unknown_ask_is_a_clear_error(store):
    with pytest.raises(StoreError, match="no longer exists"):
        store.debriefs.set_ask_result(999, True, None)
