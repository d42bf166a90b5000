"""Export every table and import it into an empty file: the same rows come back."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from prep.demo import fill_demo
from prep.store import StoreError, open_store
from prep.store.transfer import NOT_EXPORTED, TABLES, export_document, import_document, table_csv
from tests.helpers import NOW


def _dump(path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in TABLES}
    finally:
        conn.close()


@pytest.fixture
def full(store):
    """The demo data, plus a reflection, a draft and text that is hard to carry."""
    fill_demo(store, NOW)
    store.review.set_reflection(date(2026, 11, 23), "went_well", "Asked for the sign-off 🚀")
    store.save_draft("new-meeting", {"title": 'Half-typed\n"quoted", with commas'})
    # m014's columns and table: an unplanned ask, and why the outcome differed.
    (debriefed,) = store.query("SELECT meeting_id FROM debriefs ORDER BY meeting_id LIMIT 1")
    store.items.add(
        "unplanned", debriefed["meeting_id"], text="A second reviewer", answer="granted"
    )
    store.debriefs.set_field(debriefed["meeting_id"], "why_differ", "They had not read the draft")
    # A meeting from a calendar, so calendar_links has a row to carry.
    from prep.store.calendar_import import import_paths
    from tests.store.test_calendar_import import CALENDARS, DECEMBER

    import_paths(store, [str(CALENDARS / "google.ics")], start=DECEMBER[0], end=DECEMBER[1])
    # A repeating meeting, so series has a row to carry.
    from tests.store.test_series import weekly

    store.add_meeting(weekly("every week for 2"))
    return store


def test_a_json_round_trip_gives_back_every_row_of_every_table(full, db_path, tmp_path, clock):
    document = json.loads(json.dumps(export_document(full, "9.9")))
    assert (document["format"], document["version"]) == ("prep-export", 1)
    assert document["exported_at"] == full.now_text()
    copy_path = tmp_path / "copy.db"
    copy = open_store(copy_path, clock=clock)
    try:
        counts = import_document(copy, document)
    finally:
        copy.close()
    before, after = _dump(db_path), _dump(copy_path)
    print({t: len(rows) for t, rows in before.items()})
    assert counts == {t: len(rows) for t, rows in before.items()}
    assert all(counts.values())  # every table has rows to compare
    for table in TABLES:
        assert after[table] == before[table], table


def test_every_table_of_the_schema_is_exported(store, db_path):
    conn = sqlite3.connect(db_path)
    names = {
        n
        for (n, sql) in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        if not n.startswith(("sqlite_", "_sqlite_")) and "_fts" not in n
    }
    conn.close()
    assert names == set(TABLES) | set(NOT_EXPORTED)


def test_import_refuses_a_database_with_data_and_changes_nothing(full, db_path):
    document = export_document(full, "9.9")
    before = _dump(db_path)
    with pytest.raises(StoreError, match="already has data"):
        import_document(full, document)
    assert _dump(db_path) == before


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([], "not a prep JSON export"),
        ({"format": "something-else"}, "not a prep JSON export"),
        ({"format": "prep-export", "version": 2, "tables": {}}, "newer prep"),
        (
            {"format": "prep-export", "version": 1, "migrations": ["m999_future"], "tables": {}},
            "newer prep",
        ),
        (
            {"format": "prep-export", "version": 1, "tables": {"secrets": []}},
            "does not know: secrets",
        ),
        (
            {"format": "prep-export", "version": 1, "tables": {"counterparts": [{"nope": 1}]}},
            "no column 'nope'",
        ),
        (
            {
                "format": "prep-export",
                "version": 1,
                "tables": {"meetings": [{"id": 1, "title": "x"}]},
            },
            "Row 1 of meetings cannot be imported",
        ),
    ],
)
def test_a_bad_document_is_refused_and_nothing_is_written(store, db_path, document, message):
    with pytest.raises(StoreError, match=message):
        import_document(store, document)
    assert all(rows == [] for rows in _dump(db_path).values())


def test_csv_has_a_header_and_keeps_newlines_and_commas(full):
    text = table_csv(full, "drafts")
    assert text.startswith("key,payload,updated_at\n")
    assert '"{""title"": ""Half-typed\\n\\""quoted\\"", with commas""}"' in text
