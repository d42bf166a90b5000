"""Backups on a real file: consistent while open, owner-only, dated, the last
ten kept, and taken by prep itself before a migration and a merge."""

from __future__ import annotations

import sqlite3
import stat
from datetime import timedelta

import pytest

from prep.domain.clock import FixedClock
from prep.domain.models import MeetingDraft
from prep.store import StoreError, open_store
from prep.store.backup import KEEP, backups_folder, list_backups, prune
from tests.helpers import NOW, at
from tests.store.test_migrations import make_skeleton_database


def _add(store, title: str, person: str = "Dana Whitfield"):
    return store.add_meeting(
        MeetingDraft(title=title, counterpart_name=person, starts_at=at(1, 15))
    )


def _titles(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [t for (t,) in conn.execute("SELECT title FROM meetings ORDER BY id")]
    finally:
        conn.close()


def test_a_backup_is_a_whole_private_file_even_with_a_write_open(store, db_path):
    _add(store, "Q4 review")
    # Another connection holds an uncommitted write: the copy shows the committed state.
    other = sqlite3.connect(db_path)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE meetings SET title = 'half-written'")
    try:
        target = store.backup()
    finally:
        other.rollback()
        other.close()
    assert target.parent == backups_folder(db_path) == db_path.parent / "backups"
    assert target.name == "prep-2026-11-27T140000.db"
    assert _titles(target) == ["Q4 review"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    # Self-contained: not in WAL mode, so no -wal file is needed to read it.
    assert not (target.parent / f"{target.name}-wal").exists()
    assert open(target, "rb").read(20)[18:20] == b"\x01\x01"
    # The copy opens as a prep database.
    copy = open_store(target)
    assert [m.title for m in copy.all_meetings()] == ["Q4 review"]
    copy.close()


def test_a_backup_to_a_path_or_a_folder(store, tmp_path):
    _add(store, "Q4 review")
    file_target = store.backup(tmp_path / "copy.db")
    assert file_target == tmp_path / "copy.db" and _titles(file_target) == ["Q4 review"]
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    in_folder = store.backup(folder)
    assert in_folder.parent == folder and in_folder.name.startswith("prep-2026-11-27T")
    assert not (tmp_path / "backups").exists()  # a chosen path prunes nothing


def test_a_backup_refuses_to_overwrite_the_database_and_missing_folders(store, db_path, tmp_path):
    with pytest.raises(StoreError, match="cannot overwrite the database"):
        store.backup(db_path)
    with pytest.raises(StoreError, match="Could not write the backup"):
        store.backup(tmp_path / "no-such-folder" / "copy.db")
    assert list((tmp_path).glob("**/.*.tmp")) == []


def test_only_the_last_ten_are_kept_and_other_files_are_left_alone(db_path, clock):
    store = open_store(db_path, clock=clock)
    try:
        keeper = backups_folder(db_path)
        keeper.mkdir()
        (keeper / "my-notes.txt").write_text("mine")
        made = []
        for minute in range(KEEP + 3):
            store.clock = FixedClock(NOW + timedelta(minutes=minute))
            made.append(store.backup())
        # Same second twice: a second file, not an overwrite.
        made.append(store.backup())
    finally:
        store.close()
    kept = list_backups(db_path)
    print(f"made {len(made)} backups, kept {len(kept)}")
    assert kept == made[-KEEP:]
    assert made[-1].name == "prep-2026-11-27T141200-2.db"
    assert (keeper / "my-notes.txt").read_text() == "mine"
    assert prune(keeper, "prep") == []


def test_a_migration_is_preceded_by_a_backup_of_the_old_file(tmp_path):
    path = tmp_path / "old.db"
    make_skeleton_database(path)
    store = open_store(path, clock=FixedClock(NOW))
    store.close()
    [backup] = list_backups(path)
    assert backup.name == "old-2026-11-27T140000-before-migration.db"
    assert _titles(backup) == ["Old meeting"]
    conn = sqlite3.connect(backup)
    applied = [n for (n,) in conn.execute("SELECT name FROM _sqlite_migrations")]
    conn.close()
    assert applied == ["m001_counterparts_and_meetings"]  # the file as it was


def test_a_new_database_takes_no_backup(db_path, store):
    assert list_backups(db_path) == []
    assert not backups_folder(db_path).exists()


def test_merging_people_backs_up_first(store, db_path):
    dana = _add(store, "Q4 review", "Dana Whitfield").counterpart
    dw = _add(store, "Pilot", "D. Whitfield").counterpart
    store.people.merge(dana.id, dw.id)
    [backup] = list_backups(db_path)
    assert backup.name.endswith("-before-merge.db")
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT count(*) FROM people").fetchone()[0] == 2
    conn.close()


def test_the_damaged_database_message_names_the_backups_folder(db_path, tmp_path):
    from prep.store.errors import damaged_error

    assert f"Restore it from a backup (prep keeps them in {tmp_path / 'backups'})" in str(
        damaged_error(db_path, "a page is missing")
    )
