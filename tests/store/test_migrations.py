"""A database written by an earlier prep upgrades with its data intact."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from prep.store import open_store
from prep.store.schema import known_migration_names, migrations


def make_skeleton_database(path: Path) -> None:
    """The schema as the walking skeleton shipped it (m001 only), with data."""
    conn = sqlite3.connect(path)
    db = Database(conn)
    migrations.apply(db, stop_before="m002_checklists")
    conn.execute(
        "INSERT INTO counterparts (name, organisation, kind, rank, feedback_cadence,"
        " created_at, updated_at) VALUES ('Dana 🚀', 'Northwind', 'boss', 'peer', 'yearly',"
        " '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z')"
    )
    conn.execute(
        "INSERT INTO meetings (title, counterpart_id, starts_at, starts_at_utc,"
        " duration_minutes, setting, notes, status, created_at, updated_at)"
        " VALUES ('Old meeting', 1, '2026-11-20T10:00+00:00', '2026-11-20T10:00:00Z', 45,"
        " 'meal', 'notes\nkept', 'planned', '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z')"
    )
    conn.commit()
    conn.close()


def test_skeleton_database_upgrades_with_its_data(tmp_path):
    path = tmp_path / "old.db"
    make_skeleton_database(path)
    store = open_store(path)
    try:
        [meeting] = store.all_meetings()
        assert (
            meeting.title,
            meeting.counterpart.name,
            meeting.duration_minutes,
            meeting.setting.value,
            meeting.notes,
        ) == ("Old meeting", "Dana 🚀", 45, "meal", "notes\nkept")
        assert meeting.counterpart.organisation == "Northwind"
        assert meeting.steps_done == 0
        # The new tables work against the old rows.
        store.checklists.set_field(meeting.id, "planned_level", 5)
        assert store.meeting(meeting.id).steps_done == 1
    finally:
        store.close()
    conn = sqlite3.connect(path)
    names = {n for (n,) in conn.execute("SELECT name FROM _sqlite_migrations")}
    conn.close()
    assert names == known_migration_names()


def test_checklist_era_database_upgrades_with_its_data(tmp_path):
    """A file from before debriefs (m001 + m002) keeps its checklist and gains debriefs."""
    path = tmp_path / "checklist-era.db"
    make_skeleton_database(path)
    conn = sqlite3.connect(path)
    migrations.apply(Database(conn), stop_before="m003_debriefs")
    conn.execute(
        "INSERT INTO checklists (meeting_id, planned_level, steps_done, created_at,"
        " updated_at) VALUES (1, 6, 1, 'x', 'x')"
    )
    conn.execute(
        "INSERT INTO asks (meeting_id, position, text, created_at, updated_at)"
        " VALUES (1, 0, 'I need the sign-off', 'x', 'x')"
    )
    conn.commit()
    conn.close()
    store = open_store(path)
    try:
        checklist = store.checklists.get(1)
        assert checklist.planned_level == 6
        assert [a.text for a in checklist.asks] == ["I need the sign-off"]
        store.debriefs.set_ask_result(checklist.asks[0].id, False, None)
        assert [u.text for u in store.debriefs.get(1).unsaid] == ["I need the sign-off"]
    finally:
        store.close()


def test_the_list_of_migration_names_matches_the_migrations():
    from prep.store.versions import MIGRATION_NAMES

    assert list(MIGRATION_NAMES) == [m.name for m in migrations.pending(Database(memory=True))]


def test_m014_marks_checklists_already_done_with_hedges(tmp_path):
    """A file from before m014 gets asks_hedged for step 1 done with a hedged
    ask, and not for a direct ask or an unfinished step."""
    path = tmp_path / "before-m014.db"
    make_skeleton_database(path)
    conn = sqlite3.connect(path)
    migrations.apply(Database(conn), stop_before="m014_coaching_loops")
    conn.execute(
        "INSERT INTO meetings (id, person_id, title, starts_at, starts_at_utc, duration_minutes,"
        " setting, created_at, updated_at) SELECT 2, person_id, 'Two', starts_at, starts_at_utc,"
        " 30, setting, created_at, updated_at FROM meetings WHERE id = 1"
    )
    for meeting_id, standing, ask in [
        (1, "senior", "Could we maybe get two more days?"),
        (2, None, "Sorry to bother you: the logs"),  # step 1 not done: no standing
    ]:
        conn.execute(
            "INSERT INTO checklists (meeting_id, standing, holding_back_nothing, created_at,"
            " updated_at) VALUES (?, ?, 1, 'x', 'x')",
            [meeting_id, standing],
        )
        conn.execute(
            "INSERT INTO asks (meeting_id, position, text, created_at, updated_at)"
            " VALUES (?, 0, ?, 'x', 'x')",
            [meeting_id, ask],
        )
    conn.commit()
    conn.close()
    store = open_store(path)
    try:
        flags = store.query("SELECT meeting_id, asks_hedged FROM checklists ORDER BY meeting_id")
        assert [(r["meeting_id"], r["asks_hedged"]) for r in flags] == [(1, 1), (2, 0)]
        assert store.meeting(1).asks_hedged
        # Rewritten as a direct request, the flag goes.
        ask_id = store.checklists.get(1).asks[0].id
        store.items.update("asks", ask_id, text="I need two more days")
        assert not store.meeting(1).asks_hedged
    finally:
        store.close()
