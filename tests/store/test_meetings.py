"""Create, read, update and delete meetings and people on a real file."""

from __future__ import annotations

import sqlite3

import pytest

from prep.domain.models import (
    MeetingDraft,
    Progress,
    Rank,
    RelationshipKind,
    Setting,
    ValidationError,
)
from prep.store import StoreError, open_store
from tests.helpers import at


def draft(**overrides) -> MeetingDraft:
    values = dict(
        title="Q4 roadmap review",
        counterpart_name="Dana Whitfield",
        starts_at=at(1, 15),
        duration_minutes=45,
        setting=Setting.COFFEE,
        notes="Bring the pilot numbers.",
    )
    values.update(overrides)
    return MeetingDraft(**values)


def test_add_meeting_creates_the_person_and_reads_back(store):
    meeting = store.add_meeting(
        draft(counterpart_kind=RelationshipKind.BOSS, counterpart_rank=Rank.PEER)
    )

    again = store.meeting(meeting.id)
    assert again == meeting
    assert again.title == "Q4 roadmap review"
    assert again.starts_at == at(1, 15)
    assert again.starts_at.utcoffset() == at(1, 15).utcoffset()
    assert again.duration_minutes == 45
    assert again.setting is Setting.COFFEE
    assert again.notes == "Bring the pilot numbers."
    assert again.progress is Progress.NONE
    assert again.counterpart.name == "Dana Whitfield"
    assert again.counterpart.kind is RelationshipKind.BOSS
    assert again.counterpart.rank is Rank.PEER


def test_rows_are_readable_with_plain_sqlite(store, db_path):
    store.add_meeting(draft())
    conn = sqlite3.connect(db_path)
    row = conn.execute(
        "SELECT m.title, c.name, m.starts_at, m.starts_at_utc, m.setting"
        " FROM meetings m JOIN people c ON c.id = m.person_id"
    ).fetchone()
    conn.close()
    assert row == (
        "Q4 roadmap review",
        "Dana Whitfield",
        "2026-11-28T15:00+00:00",
        "2026-11-28T15:00:00Z",
        "coffee",
    )


def test_existing_person_is_reused_ignoring_case(store):
    first = store.add_meeting(draft())
    second = store.add_meeting(draft(counterpart_name="  dana whitfield ", title="Follow-up"))
    assert second.counterpart.id == first.counterpart.id
    assert len(store.counterparts()) == 1


def test_update_meeting_changes_every_form_field(store):
    meeting = store.add_meeting(draft())
    updated = store.update_meeting(
        meeting.id,
        draft(
            title="Renewal",
            counterpart_name="Marcus Obi",
            starts_at=at(3, 9, 30),
            duration_minutes=30,
            setting=Setting.MEAL,
            notes="New notes",
        ),
    )
    assert (
        updated.title,
        updated.counterpart.name,
        updated.starts_at,
        updated.duration_minutes,
        updated.setting,
        updated.notes,
    ) == ("Renewal", "Marcus Obi", at(3, 9, 30), 30, Setting.MEAL, "New notes")
    assert store.meeting(meeting.id) == updated


def test_update_of_a_deleted_meeting_says_so(store):
    meeting = store.add_meeting(draft())
    store.delete_meeting(meeting.id)
    with pytest.raises(StoreError, match="no longer exists"):
        store.update_meeting(meeting.id, draft())


def test_delete_meeting(store):
    keep = store.add_meeting(draft(title="Keep"))
    gone = store.add_meeting(draft(title="Gone"))
    store.delete_meeting(gone.id)
    assert [m.id for m in store.all_meetings()] == [keep.id]
    with pytest.raises(StoreError):
        store.meeting(gone.id)


def test_meetings_from_orders_by_instant_across_zones(store):
    from datetime import datetime

    from dateutil import tz

    later = store.add_meeting(draft(title="Later", starts_at=at(1, 15)))
    # 14:30 UTC-5 is 19:30 in London: after "Later" though its wall time is earlier.
    new_york = datetime(2026, 11, 28, 14, 30, tzinfo=tz.gettz("America/New_York"))
    earlier = store.add_meeting(draft(title="Earlier", starts_at=at(1, 9)))
    other = store.add_meeting(draft(title="NY", starts_at=new_york))
    ids = [m.id for m in store.meetings_from(at(0, 0))]
    assert ids == [earlier.id, later.id, other.id]
    assert [m.id for m in store.meetings_from(at(1, 10))] == [later.id, other.id]
    assert len(store.meetings_from(at(0, 0), limit=2)) == 2


def test_previous_meeting_with_the_same_person(store):
    first = store.add_meeting(draft(title="First", starts_at=at(-7, 10)))
    store.add_meeting(draft(title="Other person", counterpart_name="Marcus", starts_at=at(-2, 10)))
    current = store.add_meeting(draft(title="Current", starts_at=at(1, 10)))
    assert store.previous_meeting_with(current).id == first.id
    assert store.previous_meeting_with(first) is None


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": "   "}, "title"),
        ({"counterpart_name": ""}, "person"),
        ({"duration_minutes": 0}, "duration"),
        ({"duration_minutes": 24 * 60 + 1}, "duration"),
        ({"title": "x" * 201}, "title"),
        ({"notes": "x" * 100_001}, "notes"),
    ],
)
def test_invalid_drafts_are_refused_and_nothing_is_saved(store, overrides, field):
    with pytest.raises(ValidationError) as error:
        store.add_meeting(draft(**overrides))
    assert error.value.field == field
    assert store.meeting_count() == 0


def test_awkward_text_round_trips_exactly(store):
    notes = (
        "Emoji 🚀✅, accents é ñ 中文, tabs\tand\nnewlines; quotes ' \" ; DROP TABLE x;--"
        + "z" * 50_000
    )
    meeting = store.add_meeting(draft(notes=notes, title="Café ☕ check-in"))
    reopened = open_store(store.path)
    try:
        again = reopened.meeting(meeting.id)
    finally:
        reopened.close()
    assert again.notes == notes
    assert again.title == "Café ☕ check-in"


def test_control_characters_are_removed_from_titles(store):
    meeting = store.add_meeting(draft(title="Budget\x1b[31m review\x00\nnow"))
    assert meeting.title == "Budget [31m review now"


def test_foreign_keys_are_enforced(store, db_path):
    store.add_meeting(draft())
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO meetings (title, person_id, starts_at, starts_at_utc,"
            " created_at, updated_at) VALUES ('x', 999, 'a', 'b', 'c', 'd')"
        )
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("DELETE FROM people")
    conn.close()


def test_store_has_foreign_keys_on(store):
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_drafts_save_load_and_clear(store):
    assert store.load_draft("meeting-form:new") is None
    store.save_draft("meeting-form:new", {"title": "Half typed 🚧"})
    store.save_draft("meeting-form:new", {"title": "Half typed, more 🚧"})
    assert store.load_draft("meeting-form:new") == {"title": "Half typed, more 🚧"}
    store.clear_draft("meeting-form:new")
    assert store.load_draft("meeting-form:new") is None


def test_two_copies_on_one_file_both_write(db_path):
    first = open_store(db_path)
    second = open_store(db_path)
    try:
        first.add_meeting(draft(title="From the first window"))
        second.add_meeting(draft(title="From the second window"))
        titles = sorted(m.title for m in first.all_meetings())
        assert titles == ["From the first window", "From the second window"]
    finally:
        first.close()
        second.close()


def test_a_held_write_lock_gives_a_clear_error_not_a_crash(db_path, monkeypatch):
    import prep.store.opening as opening

    monkeypatch.setattr(opening, "BUSY_TIMEOUT_SECONDS", 0.1)
    store = open_store(db_path)
    blocker = sqlite3.connect(db_path)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="busy"):
            store.add_meeting(draft())
    finally:
        blocker.rollback()
        blocker.close()
    store.add_meeting(draft())  # and it works once the other writer is done
    assert store.meeting_count() == 1
    store.close()


def test_kind_and_rank_update_an_existing_person_only_when_given(store):
    first = store.add_meeting(draft())
    assert (first.counterpart.kind, first.counterpart.rank) == (
        RelationshipKind.CLIENT,
        Rank.SENIOR,
    )
    kept = store.add_meeting(draft(title="No change"))
    assert kept.counterpart.rank is Rank.SENIOR
    changed = store.add_meeting(draft(title="Promoted", counterpart_rank=Rank.PEER))
    assert changed.counterpart.id == first.counterpart.id
    assert changed.counterpart.rank is Rank.PEER
    assert store.meeting(first.id).counterpart.rank is Rank.PEER
