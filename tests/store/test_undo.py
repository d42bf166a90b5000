"""Deleting a meeting and merging people can be taken back: the store's
snapshot puts every affected row back, as it was, in one transaction."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from prep.domain.models import MeetingDraft
from prep.store.search import search
from tests.helpers import at
from tests.tui.test_debrief import seed_debriefed


def every_table(db_path: Path) -> dict[str, list[tuple]]:
    """Every row of every table but the search index's own (compared by
    searching) and the file's integrity-check record (the app's daily check
    may write it while a test runs: it is about the file, not the data)."""
    conn = sqlite3.connect(db_path)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"
                " AND name NOT LIKE 'sqlite_%' AND name != 'integrity_checks' ORDER BY name"
            )
        ]
        return {n: conn.execute(f'SELECT * FROM "{n}" ORDER BY 1, 2').fetchall() for n in names}
    finally:
        conn.close()


def found(store, text: str) -> list[tuple]:
    return [(h.meeting_id, h.where, h.text) for h in search(store, text)]


def fully_written_meeting(store) -> int:
    """A meeting with a debrief under way, asks, a deadline and its move, a problem and
    solution, unsaid and action items, and a follow-up meeting pointing back."""
    seeded, _unsaid, _action, _follow_up = seed_debriefed(store)
    store.debriefs.record_move(
        seeded.deadline,
        seeded.meeting_id,
        date(2026, 12, 9),
        date(2026, 12, 14),
        date(2026, 12, 21),
    )
    store.checklists.set_field(seeded.meeting_id, "they_expect", "A firm pilot date")
    # Left a field short of done, so the agenda still lists it (needs a debrief).
    store.debriefs.set_field(seeded.meeting_id, "actual_level", None)
    return seeded.meeting_id


def test_deleting_a_meeting_then_restoring_brings_back_every_row(store, db_path):
    other = store.add_meeting(MeetingDraft("Unrelated", "Sam", at(2, 9)))
    meeting_id = fully_written_meeting(store)
    before = every_table(db_path)
    searched = found(store, "pilot")

    snapshot = store.delete_meeting(meeting_id)
    after_delete = every_table(db_path)
    print(f"snapshot holds {snapshot.row_count()} rows from {len(snapshot.removed)} table groups")
    assert after_delete != before
    assert [hit for hit in found(store, "pilot") if hit[0] == meeting_id] == []

    store.restore(snapshot)
    assert every_table(db_path) == before
    assert found(store, "pilot") == searched
    assert store.meeting(other.id).title == "Unrelated"


def test_a_follow_up_booked_from_the_deleted_meeting_points_back_after_restore(store, db_path):
    seeded, _, _, follow_up = seed_debriefed(store)
    before = every_table(db_path)
    # Deleting the follow-up sets the debrief's next_meeting_id to NULL
    # (ON DELETE SET NULL); restoring sets it back.
    snapshot = store.delete_meeting(follow_up)
    assert store.debriefs.get(seeded.meeting_id).next_meeting_id is None
    store.restore(snapshot)
    assert every_table(db_path) == before


def test_merging_then_restoring_brings_back_both_people_and_their_meetings(store, db_path):
    dana = store.add_meeting(MeetingDraft("With Dana", "Dana Whitfield", at(1, 9))).counterpart
    for day in (2, 3):
        store.add_meeting(MeetingDraft(f"With DW {day}", "DW", at(day, 9)))
    dw = store.meeting(store.all_meetings()[-1].id).counterpart
    before = every_table(db_path)

    kept, snapshot = store.people.merge_undoable(dana.id, dw.id)
    assert kept == dana
    assert {m.counterpart.id for m in store.all_meetings()} == {dana.id}

    store.restore(snapshot)
    assert every_table(db_path) == before
    assert sorted((m.title, m.counterpart.name) for m in store.all_meetings()) == [
        ("With DW 2", "DW"),
        ("With DW 3", "DW"),
        ("With Dana", "Dana Whitfield"),
    ]
