"""Rows another program wrote (sqlite3, a script, Datasette): prep reads them
without failing, shows what it can, and marks what it cannot read.

Each test writes with a plain sqlite3 connection, as another program would,
skipping prep's CHECK constraints where the value could not get past them
otherwise (`PRAGMA ignore_check_constraints`).
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from prep.domain.agenda import DEBRIEF_WINDOW, build_agenda
from prep.domain.brief import render_brief
from prep.domain.debrief import Owner
from prep.domain.debrief_report import render_debrief
from prep.domain.models import MeetingDraft, RelationshipKind, Setting, unreadable_in
from prep.domain.review_report import render_review
from prep.domain.weeks import week_start
from tests.helpers import NOW, at
from tests.properties import store_property

# "b" then two bytes that are not UTF-8: what a Latin-1 script might store.
INVALID_UTF8 = "CAST(X'62ad9b' AS TEXT)"


def other_program(db_path: Path, *statements: str, params: tuple = ()) -> None:
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        for sql in statements:
            conn.execute(sql, params if "?" in sql else ())
        conn.commit()
    finally:
        conn.close()


@pytest.fixture
def meeting(store):
    """A meeting yesterday, with an ask, a deadline and an action item."""
    meeting = store.add_meeting(MeetingDraft("Q4 review", "Dana", at(-1, 10)))
    store.checklists.add_item("asks", meeting.id, text="Sign-off", by_when=date(2026, 12, 4))
    store.checklists.add_item(
        "deadlines",
        meeting.id,
        label="Go-live",
        earliest=date(2027, 1, 4),
        likely=date(2027, 1, 11),
        latest=date(2027, 1, 25),
    )
    store.debriefs.set_field(meeting.id, "outcome", "Agreed")
    store.items.add(
        "actions", meeting.id, text="Send the plan", owner=Owner.ME, due=date(2026, 12, 1)
    )
    return meeting


def everything_renders(store, meeting_id: int) -> str:
    """The brief, the debrief and the week's review, as `prep` prints them."""
    now = store.clock.now()
    meeting = store.meeting(meeting_id)
    checklist = store.checklists.get(meeting_id)
    debrief = store.debriefs.get(meeting_id)
    monday = week_start(meeting.starts_at.astimezone(now.tzinfo).date())
    week, previous = store.review.with_last_week(monday, now.tzinfo, now)
    store.people.summaries(now)
    store.people.timeline(meeting.counterpart.id)
    build_agenda(store.meetings_from(now - DEBRIEF_WINDOW), now)
    return (
        render_brief(meeting, checklist, store.threads.open_before(meeting, now.date()), now)
        + render_debrief(meeting, checklist, debrief, now)
        + render_review(week, previous, now)
    )


def test_invalid_utf8_in_a_title_reads_with_replacement_characters(store, db_path, meeting):
    other_program(
        db_path,
        f"UPDATE meetings SET title = {INVALID_UTF8}, notes = {INVALID_UTF8}"
        f" WHERE id = {meeting.id}",
    )
    [read] = store.all_meetings()
    assert read.title == read.notes == "b\ufffd\ufffd"
    # The agenda is not blanked by one bad row.
    assert [m.id for m in store.meetings_from(NOW - DEBRIEF_WINDOW)] == [meeting.id]


@pytest.mark.parametrize(
    "table, column",
    [
        ("people", "name"),
        ("asks", "text"),
        ("deadlines", "label"),
        ("debriefs", "outcome"),
        ("action_items", "text"),
    ],
)
def test_invalid_utf8_anywhere_reads_everywhere(store, db_path, meeting, table, column):
    other_program(db_path, f"UPDATE {table} SET {column} = {INVALID_UTF8}")
    markdown = everything_renders(store, meeting.id)
    print(f"{table}.{column}: {markdown.count(chr(0xFFFD))} replacement characters shown")
    assert "b\ufffd\ufffd" in markdown


def test_a_date_another_program_wrote_in_words_is_marked_not_lost(store, db_path, meeting):
    other_program(
        db_path,
        "UPDATE asks SET by_when = 'next thursday'",
        "UPDATE action_items SET due = '31/12/2026'",
        "UPDATE deadlines SET likely = 'soon'",
    )
    checklist = store.checklists.get(meeting.id)
    [ask] = checklist.asks
    assert (ask.text, ask.by_when) == ("Sign-off", None)
    assert str(unreadable_in(ask.unreadable, "by_when")) == "(unreadable date: 'next thursday')"
    [deadline] = checklist.deadlines
    assert (deadline.earliest, deadline.likely) == (date(2027, 1, 4), None)
    [action] = store.debriefs.get(meeting.id).action_items
    assert action.due is None and action.text == "Send the plan"
    markdown = everything_renders(store, meeting.id)
    assert "by (unreadable date: 'next thursday')" in markdown
    assert "due (unreadable date: '31/12/2026')" in markdown
    assert "(unreadable date: 'soon')" in markdown


def test_a_setting_or_kind_prep_has_no_name_for(store, db_path, meeting):
    other_program(
        db_path,
        "UPDATE meetings SET setting = 'zoom'",
        "UPDATE people SET kind = 'friend', rank = 'boss', feedback_cadence = 'weekly'",
    )
    read = store.meeting(meeting.id)
    assert read.setting is Setting.VIDEO  # the column's default
    assert str(unreadable_in(read.unreadable, "setting")) == "(unreadable setting: 'zoom')"
    assert read.counterpart.kind is RelationshipKind.CLIENT
    assert "(unreadable setting: 'zoom')" in everything_renders(store, meeting.id)


def test_an_unreadable_start_falls_back_to_the_utc_column(store, db_path, meeting):
    other_program(db_path, "UPDATE meetings SET starts_at = 'yesterday at ten'")
    read = store.meeting(meeting.id)
    assert read.starts_at == meeting.starts_at
    assert not read.unreadable


def test_a_start_that_cannot_be_read_at_all_is_marked(store, db_path, meeting):
    other_program(
        db_path,
        "UPDATE meetings SET starts_at = 'soon', starts_at_utc = 'later',"
        " duration_minutes = 'long'",
    )
    [read] = store.all_meetings()
    assert str(unreadable_in(read.unreadable, "starts_at")) == "(unreadable date: 'soon')"
    assert read.duration_minutes == 30
    assert read.starts_at <= NOW  # placed when it was added: among the past
    assert "(unreadable date: 'soon')" in everything_renders(store, meeting.id)


def test_levels_flags_and_ticks_that_are_not_numbers(store, db_path, meeting):
    other_program(
        db_path,
        "UPDATE checklists SET planned_level = 'high', standing = 'above', no_asks = 'yes'",
        "UPDATE debriefs SET actual_level = 99, temperature = 'warm', feedback_asked = 2",
        "UPDATE action_items SET done_at = 'this morning', owner = 'us'",
        "UPDATE asks SET asked = 'maybe', answer = 'perhaps'",
    )
    checklist = store.checklists.get(meeting.id)
    assert (checklist.planned_level, checklist.position, checklist.no_asks) == (None, None, False)
    debrief = store.debriefs.get(meeting.id)
    assert (debrief.actual_level, debrief.temperature) == (None, None)
    [action] = debrief.action_items
    assert action.owner is Owner.ME
    assert not action.is_open  # ticked, at a time that cannot be read
    everything_renders(store, meeting.id)


def test_numbers_and_bytes_in_text_columns(store, db_path, meeting):
    other_program(db_path, "UPDATE checklists SET premortem = X'6869ff', pushback_line = 42")
    checklist = store.checklists.get(meeting.id)
    assert (checklist.premortem, checklist.pushback_line) == ("hi\ufffd", "42")


def test_a_time_at_the_end_of_the_calendar(store, db_path, meeting):
    # Valid ISO text, but in UTC it would be in the year 10000.
    other_program(
        db_path, "UPDATE meetings SET starts_at = '9999-12-31T23:00-05:00', starts_at_utc = 'x'"
    )
    [read] = store.all_meetings()
    assert unreadable_in(read.unreadable, "starts_at") is not None
    everything_renders(store, meeting.id)


def test_undecodable_bytes_are_never_stored_as_lone_surrogates(store, db_path, meeting):
    # What Python makes of the bytes b"\xff" in an argument (surrogateescape).
    text = "caf\udcc3\udca9 \udcff"
    store.checklists.set_field(meeting.id, "premortem", text)
    store.items.add("unsaid", meeting.id, text=text)
    store.review.set_reflection(week_start(NOW.date()), "focus", text)
    store.save_draft("meeting-form", {"title": text})
    added = store.add_meeting(MeetingDraft(text, text, at(2, 10), notes=text))
    stored = [
        value
        for (value,) in sqlite3.connect(db_path).execute(
            "SELECT premortem FROM checklists UNION ALL SELECT text FROM unsaid_items"
            " UNION ALL SELECT focus FROM reflections UNION ALL SELECT notes FROM meetings"
            f" WHERE id = {added.id} UNION ALL SELECT title FROM meetings WHERE id = {added.id}"
        )
    ]
    print(f"{len(stored)} values stored from text with undecodable bytes")
    assert stored[:4] == ["caf\ufffd\ufffd \ufffd"] * 4
    assert stored[4] == "caf\ufffd\ufffd \ufffd"
    assert store.load_draft("meeting-form") == {"title": "caf\ufffd\ufffd \ufffd"}


def test_a_future_row_with_an_unreadable_due_date_in_the_review(store, db_path, meeting):
    """The review picks action items by comparing due dates as text, so a
    due date in words can land in any week's query: it must read there too."""
    other_program(db_path, "UPDATE action_items SET due = '2026-12-01 or so'")
    now = store.clock.now()
    for weeks in range(-1, 3):
        monday = week_start(NOW.date()) + timedelta(weeks=weeks)
        week, previous = store.review.with_last_week(monday, now.tzinfo, now)
        render_review(week, previous, now)


# A few examples of the property tests/reliability/test_properties.py runs at length.
test_every_text_field_round_trips = store_property(5)
