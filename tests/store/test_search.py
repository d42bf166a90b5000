"""Full-text search on a real file: the index follows every write, and typed
text is never an FTS5 syntax error."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from prep.domain.debrief import Owner
from prep.domain.models import MeetingDraft
from prep.domain.search import fts_query, unmark
from prep.store import open_store
from prep.store.search import search
from tests.helpers import at
from tests.store.test_migrations import make_skeleton_database


def _add(store, title, person="Dana Whitfield", days=1, notes=""):
    return store.add_meeting(
        MeetingDraft(title=title, counterpart_name=person, starts_at=at(days, 15), notes=notes)
    )


def _found(store, typed):
    return [(h.where, h.meeting_id, h.text) for h in search(store, typed)]


def test_every_kind_of_text_is_found_with_its_meeting(store):
    m = _add(store, "Q4 review", notes="Bring the warehouse numbers")
    c = store.checklists
    c.set_field(m.id, "pushback_line", "I think differently about the rollout")
    c.add_item("asks", m.id, text="I need the sign-off by Friday")
    problem = c.add_item("problems", m.id, text="Vendor is late")
    c.add_item("solutions", problem, text="Switch to the backup vendor")
    c.add_item("deadlines", m.id, label="Pilot go-live")
    store.debriefs.set_field(m.id, "coaching_note", "Show what a late addition costs")
    store.items.add("unsaid", m.id, text="The budget overrun")
    store.items.add("actions", m.id, text="Send the revised plan", owner=Owner.ME)
    store.review.set_reflection(date(2026, 11, 23), "focus", "Ask for decisions")

    assert _found(store, "warehouse") == [("Meeting", m.id, "Bring the warehouse numbers")]
    for typed, where in [
        ("rollout", "Checklist"),
        ("sign-off", "Ask"),
        ("vendor late", "Problem"),
        ("backup", "Solution"),
        ("go-live", "Deadline"),
        ("addition", "Debrief"),
        ("overrun", "Unsaid"),
        ("revised", "Action item"),
    ]:
        assert [(w, i) for w, i, _ in _found(store, typed)] == [(where, m.id)], typed
    [reflection] = search(store, "decisions")
    assert (reflection.where, reflection.week_start, reflection.meeting_id) == (
        "Reflection",
        date(2026, 11, 23),
        None,
    )


def test_the_index_follows_edits_deletes_and_cascades(store):
    m = _add(store, "Q4 review", notes="warehouse")
    ask = store.checklists.add_item("asks", m.id, text="sign-off")
    store.checklists.set_field(m.id, "planned_level", 5)  # not indexed: no re-index needed
    store.update_meeting(
        m.id,
        MeetingDraft(
            title="Q4 review", counterpart_name="Dana Whitfield", starts_at=at(1, 15), notes="depot"
        ),
    )
    assert _found(store, "warehouse") == []
    assert [i for _, i, _ in _found(store, "depot")] == [m.id]
    assert [i for _, i, _ in _found(store, "sign")] == [m.id]
    store.delete_meeting(m.id)  # the ask goes with it (ON DELETE CASCADE)
    assert _found(store, "depot") == [] and _found(store, "sign") == []
    assert ask


def test_prefix_while_typing_and_newest_first(store):
    old = _add(store, "Renewal", days=-30)
    new = _add(store, "Renewal terms", days=3)
    assert [h.meeting_id for h in search(store, "renew")] == [new.id, old.id]
    assert [h.meeting_id for h in search(store, "renewal ")] == [new.id, old.id]
    assert search(store, "renew ") == []  # a finished word is a whole word
    assert [h.meeting_id for h in search(store, "renewal", limit=1)] == [new.id]


@pytest.mark.parametrize("typed", ['"', "AND", "NEAR(", "a:b", "*", "-", "(x OR", "'; DROP"])
def test_fts_syntax_typed_by_accident_is_just_text(store, typed):
    _add(store, "AND then NEAR the x OR b")
    search(store, typed)  # no error


def test_the_query_and_the_marks():
    assert fts_query("  ") is None
    assert fts_query("sign-o") == '"sign" "o"*'
    assert fts_query('he said "no" ') == '"he" "said" "no"'
    assert fts_query("café") == '"café"*'
    assert unmark("a \ue000pilot\ue001 and\nthe \ue000pilot\ue001") == (
        "a pilot and the pilot",
        ((2, 7), (16, 21)),
    )


def test_an_existing_database_is_indexed_by_the_migration(tmp_path):
    path = tmp_path / "old.db"
    make_skeleton_database(path)
    store = open_store(path)
    try:
        assert [h.title for h in search(store, "kept")] == ["Old meeting"]
    finally:
        store.close()


def test_datasette_finds_the_index_by_its_convention(store, db_path):
    # Datasette's detect_fts: a virtual table declaring content="<table>".
    conn = sqlite3.connect(db_path)
    found = conn.execute(
        "SELECT name FROM sqlite_master WHERE rootpage = 0"
        " AND sql LIKE '%VIRTUAL TABLE%USING FTS%content=\"meetings\"%'"
    ).fetchall()
    conn.close()
    assert found == [("meetings_fts",)]
