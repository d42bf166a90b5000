"""Opening files: new, existing, migrated, and every kind of bad file."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from prep.store import StoreError, StoreOpenError, open_store
from prep.store.schema import MIGRATION_SET, known_migration_names


def fingerprint(path: Path) -> tuple[str, int, int]:
    data = path.read_bytes()
    info = path.stat()
    return hashlib.sha256(data).hexdigest(), info.st_size, info.st_mtime_ns


def applied(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [
            name
            for (name,) in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id",
                [MIGRATION_SET],
            )
        ]
    finally:
        conn.close()


def test_new_file_gets_every_migration_and_owner_only_permissions(db_path):
    open_store(db_path).close()
    assert set(applied(db_path)) == known_migration_names()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_second_open_applies_nothing_again(db_path):
    open_store(db_path).close()
    before = applied(db_path)
    open_store(db_path).close()
    assert applied(db_path) == before


def test_default_location_folder_is_created_owner_only(tmp_path, monkeypatch):
    from prep.store import resolve_db_path

    monkeypatch.delenv("PREP_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path, is_default = resolve_db_path(None)
    assert is_default and path == tmp_path / "data" / "prep" / "prep.db"
    open_store(path, create_folder=is_default).close()
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_cli_flag_beats_environment_variable(tmp_path, monkeypatch):
    from prep.store import resolve_db_path

    monkeypatch.setenv("PREP_DB", str(tmp_path / "env.db"))
    assert resolve_db_path(None) == (tmp_path / "env.db", False)
    assert resolve_db_path(str(tmp_path / "flag.db")) == (tmp_path / "flag.db", False)


def test_an_existing_file_open_to_others_is_made_private(db_path):
    open_store(db_path).close()
    db_path.chmod(0o644)
    open_store(db_path).close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


# -- bad files: each refused with one clear line, the file untouched ----------


def _not_sqlite(path: Path) -> None:
    path.write_text("Meeting notes I keep in a text file\n" * 50)


def _corrupt(path: Path) -> None:
    open_store(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xde\xad\xbe\xef" * ((4096 - 100) // 4)  # wreck the schema page
    path.write_bytes(bytes(data))


def _truncated(path: Path) -> None:
    _populated(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 7])


def _populated(path: Path) -> None:
    store = open_store(path)
    for i in range(200):
        store.add_counterpart(f"Person {i}", organisation="x" * 500)
    store.close()


def _read_only(path: Path) -> None:
    open_store(path).close()
    path.chmod(0o400)


def _newer_schema(path: Path) -> None:
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES (?, 'm999_from_the_future', '2030-01-01')",
        [MIGRATION_SET],
    )
    conn.commit()
    conn.close()


def _other_program(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.execute("INSERT INTO invoices (amount) VALUES (12.5)")
    conn.commit()
    conn.close()


BAD_FILES = {
    "not-sqlite": (_not_sqlite, "is not a SQLite database"),
    "corrupt": (_corrupt, "damaged"),
    "truncated": (_truncated, "damaged"),
    "read-only": (_read_only, "read-only"),
    "newer-schema": (_newer_schema, "newer version of prep"),
    "other-program": (_other_program, "another program"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_file_is_refused_and_left_untouched(tmp_path, case):
    make, words = BAD_FILES[case]
    path = tmp_path / f"{case}.db"
    make(path)
    before = fingerprint(path)
    with pytest.raises(StoreOpenError) as error:
        open_store(path)
    assert words in str(error.value)
    assert str(path) in str(error.value)
    assert fingerprint(path) == before
    assert not Path(f"{path}-wal").exists()


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_prep_command_reports_a_bad_file_in_one_line(tmp_path, case):
    make, words = BAD_FILES[case]
    path = tmp_path / f"{case}.db"
    make(path)
    before = fingerprint(path)
    result = run_prep("--db", str(path), "list")
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"prep: {path}: ") and words in lines[0]
    assert "Traceback" not in result.stderr
    assert fingerprint(path) == before


def test_missing_folder_is_reported_not_created(tmp_path):
    path = tmp_path / "no" / "such" / "folder" / "prep.db"
    result = run_prep("--db", str(path), "list")
    assert result.returncode == 1
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "no").exists()


def test_a_folder_in_place_of_the_file_is_reported(tmp_path):
    result = run_prep("--db", str(tmp_path), "list")
    assert result.returncode == 1
    assert "is a folder" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file regardless of permissions")
def test_unreadable_file_is_reported(tmp_path):
    path = tmp_path / "locked.db"
    open_store(path).close()
    path.chmod(0o000)
    with pytest.raises(StoreOpenError, match="cannot be read"):
        open_store(path)


def test_an_empty_file_is_treated_as_a_new_database(tmp_path):
    path = tmp_path / "empty.db"
    path.touch(mode=0o600)
    open_store(path).close()
    assert set(applied(path)) == known_migration_names()


def run_prep(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prep", *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_default_path_matches_platformdirs(tmp_path, monkeypatch):
    """Our quick XDG rule on Linux gives what platformdirs would."""
    from platformdirs import user_data_path

    from prep.store.location import default_db_path

    for value in (str(tmp_path / "xdg"), "", "relative/ignored"):
        monkeypatch.setenv("XDG_DATA_HOME", value)
        assert default_db_path() == user_data_path("prep", appauthor=False) / "prep.db"


def _damaged_inside(path: Path) -> None:
    """Header and schema intact, a page of people's rows deep in the file wrecked."""
    _populated(path)
    data = bytearray(path.read_bytes())
    page = 4096
    # The table's row holds the name and then the organisation; the name
    # index holds the name alone. So this finds a page of the table itself.
    start = (data.index(b"Person 100" + b"x" * 100) // page) * page
    data[start : start + page] = b"\xde\xad\xbe\xef" * (page // 4)
    path.write_bytes(bytes(data))


def test_damage_deep_inside_is_found_by_the_background_check(tmp_path):
    path = tmp_path / "deep.db"
    _damaged_inside(path)
    store = open_store(path)  # cheap checks pass: opening stays fast
    try:
        assert store.integrity_problem() is not None
    finally:
        store.close()


def test_an_intact_database_passes_the_background_check(store):
    assert store.integrity_problem() is None


# -- a full disk, a lock, damage: each its own line ----------------------------------


def _wal_rows_with_a_checkpoint_cut_short(folder: Path) -> tuple[Path, int]:
    """The state a full disk leaves: a checkpoint wrote page 1 (the new length)
    and some pages, then ran out of space; every row is still in the -wal file.

    Returns the database and how many people it holds.
    """
    original = folder / "live.db"
    open_store(original).close()
    writer = sqlite3.connect(original)
    writer.execute("PRAGMA wal_autocheckpoint = 0")  # the rows stay in the -wal file
    with writer:
        for i in range(300):
            writer.execute(
                "INSERT INTO people (name, organisation, created_at, updated_at)"
                " VALUES (?, ?, '2026-11-27T14:00:00Z', '2026-11-27T14:00:00Z')",
                [f"Person {i}", "x" * 400],
            )
    path, wal = folder / "cut.db", folder / "cut.db-wal"
    path.write_bytes(original.read_bytes())
    wal_bytes = Path(f"{original}-wal").read_bytes()
    writer.close()
    old_length = path.stat().st_size
    wal.write_bytes(wal_bytes)
    checkpointer = sqlite3.connect(path)
    checkpointer.execute("PRAGMA wal_checkpoint(PASSIVE)")
    checkpointer.close()  # the last connection: the -wal file is removed
    full_length = path.stat().st_size
    wal.write_bytes(wal_bytes)  # as it was when the disk filled
    pages_written = (full_length - old_length) // 4096 // 2
    os.truncate(path, old_length + pages_written * 4096)
    return path, 300


def _header_pages(path: Path) -> int:
    return int.from_bytes(path.read_bytes()[28:32], "big")


def test_a_checkpoint_cut_short_by_a_full_disk_opens_with_every_row(tmp_path):
    path, people = _wal_rows_with_a_checkpoint_cut_short(tmp_path)
    assert path.stat().st_size < _header_pages(path) * 4096  # shorter than its header says
    # SQLite itself reads it whole, through the -wal file:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    assert conn.execute("SELECT count(*) FROM people").fetchone()[0] == people
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()

    store = open_store(path)
    try:
        assert len(store.counterparts()) == people
        assert store.integrity_problem() is None
    finally:
        store.close()  # the checkpoint finishes, now that there is space
    assert path.stat().st_size == _header_pages(path) * 4096
    assert not Path(f"{path}-wal").exists()


def test_a_short_file_whose_wal_lacks_the_missing_pages_is_damaged(tmp_path):
    path, _ = _wal_rows_with_a_checkpoint_cut_short(tmp_path)
    os.truncate(path, 8 * 4096)  # cut into pages the -wal file does not hold
    before = fingerprint(path)
    with pytest.raises(StoreOpenError, match=r"is damaged.*truncated.*\.recover"):
        open_store(path)
    assert fingerprint(path) == before


def test_a_wal_whose_frames_fail_their_checksum_does_not_vouch_for_a_short_file(tmp_path):
    """SQLite ignores -wal frames from the first one whose checksum is wrong,
    so opening must too: those pages are missing, and the file is damaged."""
    path, _ = _wal_rows_with_a_checkpoint_cut_short(tmp_path)
    wal = Path(f"{path}-wal")
    data = bytearray(wal.read_bytes())
    data[32 + 24 + 100] ^= 0xFF  # inside the first frame's page
    wal.write_bytes(bytes(data))
    with pytest.raises(StoreOpenError, match="is damaged"):
        open_store(path)


def test_a_locked_file_is_reported_as_locked_not_damaged(db_path, monkeypatch):
    import prep.store.opening

    open_store(db_path).close()
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")  # another program keeps it to itself
    holder.execute("INSERT INTO drafts (key, payload, updated_at) VALUES ('k', '{}', 'now')")
    monkeypatch.setattr(prep.store.opening, "BUSY_TIMEOUT_SECONDS", 0.1)
    try:
        with pytest.raises(StoreOpenError) as error:
            open_store(db_path)
    finally:
        holder.close()
    assert "is locked by another program" in str(error.value)
    assert "damaged" not in str(error.value) and "close that" in str(error.value)


def _a_full_disk_error(tmp_path: Path) -> sqlite3.Error:
    """A real SQLITE_FULL, from a database capped at its current size."""
    conn = sqlite3.connect(tmp_path / "capped.db")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA max_page_count = 2")
    try:
        conn.execute("INSERT INTO t VALUES (zeroblob(100000))")
    except sqlite3.Error as error:
        return error
    finally:
        conn.close()
    raise AssertionError("the capped database took the row")


def test_a_full_disk_at_opening_says_so_not_damaged(tmp_path):
    from prep.store.opening import _refusal

    refusal = _refusal(tmp_path / "prep.db", _a_full_disk_error(tmp_path), "cannot be opened")
    assert "the disk is full" in str(refusal) and "Free some space" in str(refusal)
    assert "damaged" not in str(refusal)


def test_a_full_disk_stops_a_save_with_its_own_message_and_keeps_saved_rows(store):
    store.add_counterpart("Saved before")
    pages = store.query("PRAGMA page_count")[0]["page_count"]
    store.query(f"PRAGMA max_page_count = {pages}")  # the disk is full from here
    with pytest.raises(StoreError) as error:
        for i in range(50):
            store.add_counterpart(f"Person {i}", organisation="x" * 2000)
    message = str(error.value)
    assert message.startswith("The disk is full") and "damaged" not in message
    assert "\n" not in message
    store.query(f"PRAGMA max_page_count = {pages * 100}")  # space again
    store.add_counterpart("Saved after")
    names = {person.name for person in store.counterparts()}
    assert {"Saved before", "Saved after"} <= names
    assert store.integrity_problem() is None


# -- the background check: the full one, once a day, and no saving after damage ------


def _index_missing_a_row(path: Path) -> None:
    """The name index lacks one person: quick_check passes, integrity_check does not."""
    store = open_store(path)
    for i in range(20):
        store.add_counterpart(f"Person {i}")
    store.close()
    conn = sqlite3.connect(path)
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'people_name'").fetchone()[0]
    conn.execute("DROP INDEX people_name")
    conn.execute(f"{sql} WHERE id != 5")  # built without row 5 ...
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(  # ... and declared as if it held every row
        "UPDATE sqlite_master SET sql = ? WHERE name = 'people_name'", [sql]
    )
    conn.commit()
    conn.close()


def test_a_row_missing_from_an_index_is_found_and_saving_stops(tmp_path):
    path = tmp_path / "index.db"
    _index_missing_a_row(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"  # why quick is not enough
    conn.close()
    store = open_store(path)
    try:
        problem = store.integrity_problem()
        assert problem is not None and "missing from index people_name" in problem
        before = fingerprint(path)
        with pytest.raises(StoreError) as error:
            store.add_counterpart("Not written to a damaged file")
        message = str(error.value)
        assert "damaged" in message and "stopped saving" in message
        assert f"sqlite3 {path} .recover" in message
        assert fingerprint(path)[:2] == before[:2]
    finally:
        store.close()


def test_the_full_check_runs_at_most_once_a_day(tmp_path, clock):
    from datetime import timedelta

    from prep.domain.clock import FixedClock

    path = tmp_path / "daily.db"
    _index_missing_a_row(path)
    # Pretend the file passed this morning: the check is not repeated today.
    store = open_store(path, clock=clock)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO integrity_checks (id, passed_at) VALUES (1, ?)", [store.now_text()])
    conn.commit()
    conn.close()
    try:
        assert store.check_integrity_daily() is None
        store.clock = FixedClock(clock.now() + timedelta(days=1))
        assert "missing from index" in (store.check_integrity_daily() or "")
        assert store.damage is not None
    finally:
        store.close()


def test_a_passed_check_is_remembered_for_the_day(store, clock):
    assert store.check_integrity_daily() is None
    [row] = store.query("SELECT passed_at FROM integrity_checks")
    assert row["passed_at"] == store.now_text()


# -- paths that are not regular files: refused before anything touches them ---------


def _kind_of(path: Path) -> tuple[int, int]:
    info = os.lstat(path)
    return info.st_mode, info.st_mtime_ns


def test_a_named_pipe_as_the_database_is_refused_without_waiting(tmp_path):
    path = tmp_path / "pipe.db"
    os.mkfifo(path, 0o600)
    before = _kind_of(path)
    result = run_prep("--db", str(path), "list")  # opening a pipe would wait forever
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "is a named pipe (FIFO), not a database file" in result.stderr
    assert _kind_of(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe.db"]


def test_a_link_to_a_database_opens_the_file_it_points_to(tmp_path):
    real = tmp_path / "synced" / "prep.db"
    real.parent.mkdir()
    open_store(real).close()
    link = tmp_path / "prep.db"
    link.symlink_to(real)
    store = open_store(link)
    try:
        store.add_counterpart("Through the link")
        assert store.path == real
        assert Path(f"{real}-wal").exists() and not Path(f"{link}-wal").exists()
    finally:
        store.close()
    assert link.is_symlink()


@pytest.mark.parametrize("target", ["pipe", "folder", "missing"])
def test_a_link_to_something_other_than_a_file_is_refused(tmp_path, target):
    pointed = tmp_path / target
    if target == "pipe":
        os.mkfifo(pointed)
    elif target == "folder":
        pointed.mkdir()
    link = tmp_path / "prep.db"
    link.symlink_to(pointed)
    with pytest.raises(StoreOpenError, match="is a symbolic link to"):
        open_store(link)
    assert link.is_symlink() and (target != "missing" or not pointed.exists())


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_as_the_database_is_refused_untouched(tmp_path):
    path = tmp_path / "null.db"
    os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    before = _kind_of(path)
    with pytest.raises(StoreOpenError, match="is a device, not a database file"):
        open_store(path)
    assert _kind_of(path) == before  # not chmod-ed, not replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null.db"]


# -- exports: written through a fresh private file, never over anything but a file ---


def test_an_export_replaces_a_file_owner_only_and_leaves_no_temporary(tmp_path):
    from prep.store.exports import write_private

    out = tmp_path / "brief.md"
    out.write_text("old")
    out.chmod(0o644)
    write_private(out, "new")
    assert out.read_text() == "new" and stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]


def test_an_export_ignores_a_link_planted_at_the_old_temporary_name(tmp_path):
    from prep.store.exports import write_private

    victim = tmp_path / "someone-elses.txt"
    victim.write_text("theirs")
    (tmp_path / ".brief.md.tmp").symlink_to(victim)
    write_private(tmp_path / "brief.md", "the candid brief")
    assert victim.read_text() == "theirs"
    assert (tmp_path / "brief.md").read_text() == "the candid brief"


def _make(kind: str, path: Path) -> None:
    if kind == "symlink":
        (path.parent / "elsewhere.md").write_text("theirs")
        path.symlink_to(path.parent / "elsewhere.md")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))


EXPORT_REFUSALS = {
    "symlink": "it is a symbolic link",
    "fifo": "it is a named pipe (FIFO)",
    "folder": "it is a folder",
    "device": "it is a device",
}


@pytest.mark.parametrize("kind", list(EXPORT_REFUSALS))
def test_an_export_over_anything_but_a_file_is_refused(tmp_path, kind):
    from prep.store.errors import UnsafeFileError
    from prep.store.exports import write_private

    if kind == "device" and os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    out = tmp_path / "brief.md"
    _make(kind, out)
    before = sorted((p.name, _kind_of(p)) for p in tmp_path.iterdir())
    with pytest.raises(UnsafeFileError) as error:
        write_private(out, "the candid brief")
    assert EXPORT_REFUSALS[kind] in str(error.value) and str(out) in str(error.value)
    assert sorted((p.name, _kind_of(p)) for p in tmp_path.iterdir()) == before
