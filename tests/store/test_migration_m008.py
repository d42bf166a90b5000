"""m008_readable_names: a file at the m007 schema, filled with every kind of
value, upgrades to the readable names with every value kept."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from prep.store import open_store
from prep.store.schema import m008_row, migrations
from prep.store.search import search

T = "2026-11-01T09:00:00Z"
# The three styles the issue found, and one another program might write.
STAMPS = {
    "2026-11-01T09:00:00Z": "2026-11-01T09:00:00Z",
    "2026-11-01T10:00+01:00": "2026-11-01T09:00:00Z",
    "2026-11-01 09:00:00.733807+00:00": "2026-11-01T09:00:00Z",
    "x": "x",  # not an instant: kept as written
    "2026-11-01": "2026-11-01",  # a bare date: kept
}
KINDS = {"client": "client", "customer": "customer", "boss": "boss", "internal": "colleague"}
STATUSES = {
    "planned": "none",
    "prepared": "prepared",
    "held": "debriefing",
    "debriefed": "debriefed",
}
FLEXIBLE = {
    "": [],
    "scope": ["scope"],
    "date,scope": ["date", "scope"],
    "scope,date,people": ["scope", "date", "people"],
}


def _insert(conn: sqlite3.Connection, table: str, **row: Any) -> int:
    names = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    cursor = conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(row.values()))
    return int(cursor.lastrowid or 0)


def make_m007_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    migrations.apply(Database(conn), stop_before="m008_readable_names")
    stamps = list(STAMPS)
    for n, kind in enumerate(KINDS):
        _insert(
            conn,
            "counterparts",
            name=f"Person {n} 🚀",
            organisation=["", "Northwind"][n % 2],
            kind=kind,
            rank=["senior", "peer", "junior"][n % 3],
            feedback_cadence=["quarterly", "half-yearly", "yearly"][n % 3],
            created_at=stamps[n % len(stamps)],
            updated_at=stamps[(n + 1) % len(stamps)],
        )
    positions = ["senior", "peer", "junior", "paying-client", None]
    for n, status in enumerate(STATUSES):
        meeting = _insert(
            conn,
            "meetings",
            title=f"Meeting {n}",
            counterpart_id=n % len(KINDS) + 1,
            starts_at=f"2026-11-2{n}T10:00+01:00",
            starts_at_utc=f"2026-11-2{n}T09:00:00Z",
            duration_minutes=15 + n,
            setting=["video", "phone", "office", "coffee", "meal"][n],
            notes=f"notes {n}\nkept",
            status=status,
            created_at=stamps[n % len(stamps)],
            updated_at=T,
        )
        _insert(
            conn,
            "checklists",
            meeting_id=meeting,
            position=positions[n],
            holding_back="the budget",
            planned_level=n + 3,
            steps_done=n,
            created_at=T,
            updated_at=stamps[n % len(stamps)],
        )
        ask = _insert(
            conn,
            "asks",
            meeting_id=meeting,
            position=0,
            text=f"ask {n}",
            by_when="2026-12-01",
            asked=[None, 0, 1, 1][n],
            answer=[None, None, "later", "no-answer"][n],
            created_at=T,
            updated_at=T,
        )
        for p, flexible in enumerate(FLEXIBLE):
            deadline = _insert(
                conn,
                "deadlines",
                meeting_id=meeting,
                position=p,
                label=f"deadline {n}.{p}",
                earliest="2026-12-01",
                likely="2026-12-05",
                latest="2026-12-10",
                confidence=["low", "medium", "high", None][p],
                flexible=flexible,
                created_at=T,
                updated_at=T,
            )
            _insert(
                conn,
                "deadline_moves",
                deadline_id=deadline,
                meeting_id=meeting,
                latest="2026-12-20",
                created_at=T,
                updated_at=T,
            )
        problem = _insert(
            conn,
            "problems",
            meeting_id=meeting,
            position=0,
            text=f"problem {n}",
            need=["decision", "approval", "information", "nothing"][n],
            ask_for_help=n % 2,
            outcome=[None, "accepted", "declined", "parked"][n],
            created_at=T,
            updated_at=T,
        )
        _insert(
            conn, "solutions", problem_id=problem, position=0, text="s", created_at=T, updated_at=T
        )
        _insert(
            conn,
            "debriefs",
            meeting_id=meeting,
            outcome=f"outcome {n}",
            temperature=n + 1,
            next_meeting_id=1,
            created_at=T,
            updated_at=T,
        )
        _insert(
            conn,
            "unsaid_items",
            meeting_id=meeting,
            position=0,
            text=f"unsaid {n}",
            from_ask_id=ask,
            resolved_at=[None, stamps[1]][n % 2],
            created_at=T,
            updated_at=T,
        )
        _insert(
            conn,
            "action_items",
            meeting_id=meeting,
            position=0,
            text=f"action {n}",
            owner=["me", "them"][n % 2],
            due="2026-12-02",
            done_at=[None, stamps[2]][n % 2],
            created_at=T,
            updated_at=T,
        )
    _insert(conn, "reflections", week_start="2026-11-16", focus="asks", created_at=T, updated_at=T)
    _insert(conn, "drafts", key="meeting-new", payload="{}", updated_at=stamps[2])
    _insert(conn, "integrity_checks", id=1, passed_at=stamps[1])
    conn.commit()
    conn.close()


def _tables(path: Path) -> dict[str, list[dict[str, Any]]]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    names = [
        n
        for (n,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%!_fts%' ESCAPE '!'"
            " AND name NOT LIKE 'sqlite_%' AND name != '_sqlite_migrations'"
        )
    ]
    tables = {
        n: [dict(r) for r in conn.execute(f"SELECT * FROM {n} ORDER BY rowid")] for n in names
    }
    conn.close()
    return tables


def test_every_value_survives_the_upgrade_under_its_new_name(tmp_path):
    path = tmp_path / "m007.db"
    make_m007_database(path)
    before = _tables(path)
    open_store(path).close()
    after = _tables(path)

    renamed = {"people" if t == "counterparts" else t for t in before}
    # Tables and columns that later migrations add start empty (or, for a
    # flag such as m014's asks_hedged, unset).
    assert renamed <= set(after)
    assert all(after[table] == [] for table in set(after) - renamed)
    compared = 0
    for old_name, rows in before.items():
        table = "people" if old_name == "counterparts" else old_name
        expected = [m008_row(table, row) for row in rows]
        assert len(after[table]) == len(expected), table
        for got, want in zip(after[table], expected, strict=True):
            assert {column: got[column] for column in want} == want, table
            assert all(got[column] in (None, "", 0) for column in set(got) - set(want)), table
        compared += sum(len(row) for row in rows)
    print(f"{compared} values in {len(before)} tables compared")

    # The renames, spelled out rather than through m008_row alone.
    assert [p["kind"] for p in after["people"]] == list(KINDS.values())
    assert [m["progress"] for m in after["meetings"]] == list(STATUSES.values())
    assert [m["person_id"] for m in after["meetings"]] == [1, 2, 3, 4]
    assert [c["standing"] for c in after["checklists"]] == [
        "senior",
        "peer",
        "junior",
        "paying-client",
    ]
    assert [json.loads(d["flexible"]) for d in after["deadlines"][:4]] == list(FLEXIBLE.values())
    assert [p["created_at"] for p in after["people"]] == [
        STAMPS[s] for s in list(STAMPS)[: len(KINDS)]
    ]
    assert after["integrity_checks"][0]["passed_at"] == "2026-11-01T09:00:00Z"


def test_the_upgraded_file_keeps_its_links_checks_and_search(tmp_path):
    path = tmp_path / "m007.db"
    make_m007_database(path)
    store = open_store(path)
    try:
        assert [m.counterpart.kind.value for m in store.all_meetings()] == [
            "client",
            "customer",
            "boss",
            "colleague",
        ]
        assert store.checklists.get(2).deadlines[2].flexible == {"date", "scope"}
        # The search index follows the rebuilt tables: old rows and new edits.
        assert {h.meeting_id for h in search(store, "deadline")} >= {1, 2, 3, 4}
        store.items.update("deadlines", 1, label="renewal")
        assert [h.meeting_id for h in search(store, "renewal")] == [1]
        store.delete_meeting(1)
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA foreign_keys = ON")
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # Children follow the rebuilt meetings table: deleting cascaded.
        assert conn.execute("SELECT count(*) FROM checklists WHERE meeting_id = 1").fetchone() == (
            0,
        )
        try:
            conn.execute("UPDATE deadlines SET flexible = 'scope' WHERE meeting_id = 2")
            raise AssertionError("a comma list was accepted")
        except sqlite3.IntegrityError:
            pass
        try:
            conn.execute("UPDATE people SET kind = 'internal' WHERE id = 2")
            raise AssertionError("the old kind was accepted")
        except sqlite3.IntegrityError:
            pass
        conn.close()
    finally:
        store.close()


def test_an_export_from_before_m008_imports_as_the_upgraded_file_reads(tmp_path):
    """Importing an older JSON export and upgrading the older file agree."""
    from prep.store.transfer import TABLES, import_document
    from prep.store.versions import MIGRATION_NAMES

    path = tmp_path / "m007.db"
    make_m007_database(path)
    old = _tables(path)
    document = {
        "format": "prep-export",
        "version": 1,
        "migrations": list(MIGRATION_NAMES[: MIGRATION_NAMES.index("m008_readable_names")]),
        "tables": {t: rows for t, rows in old.items() if t != "integrity_checks"},
    }
    copy_path = tmp_path / "imported.db"
    copy = open_store(copy_path)
    try:
        counts = import_document(copy, json.loads(json.dumps(document)))
    finally:
        copy.close()
    print(f"imported {sum(counts.values())} rows from an m007 export")
    open_store(path).close()
    upgraded, imported = _tables(path), _tables(copy_path)
    for table in TABLES:
        assert imported[table] == upgraded[table], table


def test_the_views_read_the_file_as_the_screens_do(store, db_path):
    """open_with_person lists a "later" ask from meeting A until it is written again in B."""
    from prep.domain.models import MeetingDraft
    from tests.helpers import at

    a = store.add_meeting(MeetingDraft("A", "Dana", at(-7, 10)))
    b = store.add_meeting(MeetingDraft("B", "Dana", at(7, 10)))
    store.checklists.ensure(a.id)
    ask = store.checklists.add_item("asks", a.id, text="Budget sign-off")
    store.debriefs.set_ask_result(ask, True, "later")
    conn = sqlite3.connect(db_path)

    def open_rows() -> list[tuple]:
        return conn.execute("SELECT kind, text, why, meeting FROM open_with_person").fetchall()

    assert open_rows() == [("ask", "Budget sign-off", 'answered "later"', "A")]
    store.checklists.ensure(b.id)
    store.checklists.add_item("asks", b.id, text="budget sign-off ")
    assert open_rows() == []
    # (phase follows SQLite's own clock, not the tests' fixed one)
    overview = conn.execute("SELECT title, person, readiness FROM meeting_overview").fetchall()
    assert overview == [("A", "Dana", "0/4"), ("B", "Dana", "0/4")]
    conn.close()
