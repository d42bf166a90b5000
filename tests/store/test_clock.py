"""One clock: every stamp the store writes comes from the clock it was given."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from prep.demo import fill_demo
from prep.domain.clock import FixedClock
from prep.domain.models import MeetingDraft
from prep.store import open_store
from tests.helpers import NOW, at


def rows(path, sql):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_rows_are_stamped_with_the_stores_clock_not_the_machines(db_path):
    long_ago = FixedClock(datetime(2019, 2, 28, 9, 15, tzinfo=UTC))
    store = open_store(db_path, clock=long_ago)
    try:
        meeting = store.add_meeting(
            MeetingDraft(title="Old call", counterpart_name="Ada", starts_at=at(1, 10))
        )
        store.checklists.set_field(meeting.id, "they_expect", "A plan")
        long_ago.instant += timedelta(days=1)
        store.debriefs.set_field(meeting.id, "outcome", "Fine")
    finally:
        store.close()
    assert rows(db_path, "SELECT created_at, updated_at FROM meetings") == [
        ("2019-02-28T09:15:00Z", "2019-02-28T09:15:00Z")
    ]
    assert rows(db_path, "SELECT updated_at FROM checklists") == [("2019-02-28T09:15:00Z",)]
    assert rows(db_path, "SELECT created_at FROM debriefs") == [("2019-03-01T09:15:00Z",)]


def test_the_app_and_its_store_share_one_clock(store, clock):
    from prep.tui.app import PrepApp

    other = FixedClock(NOW + timedelta(days=3))
    app = PrepApp(store, clock=other)
    assert app.clock is other and store.clock is other


def test_the_demo_is_stamped_as_if_typed_when_it_happened(store, db_path):
    fill_demo(store, NOW)
    now = stamp(NOW)
    # Nothing is stamped in the future, and history is not all "now".
    for table in ("meetings", "checklists", "debriefs", "unsaid_items", "action_items"):
        stamps = [c for (c,) in rows(db_path, f"SELECT created_at FROM {table}")]
        assert stamps and max(stamps) <= now, table
    past_debriefs = rows(
        db_path,
        """
        SELECT d.created_at, m.starts_at_utc FROM debriefs d
        JOIN meetings m ON m.id = d.meeting_id""",
    )
    assert len(past_debriefs) >= 10
    # Each debrief is written after its meeting started, the same day.
    for created, starts in past_debriefs:
        assert (
            starts
            <= created
            < stamp(datetime.fromisoformat(starts.replace("Z", "+00:00")) + timedelta(days=1))
        )
    # Each checklist that was prepared was prepared before its meeting.
    prepared = rows(
        db_path,
        """
        SELECT c.created_at, m.starts_at_utc FROM checklists c
        JOIN meetings m ON m.id = c.meeting_id""",
    )
    assert prepared and all(created < starts or created == now for created, starts in prepared)
