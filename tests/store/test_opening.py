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

from prep.store import StoreOpenError, open_store
from prep.store.schema import MIGRATION_SET, known_migration_names


def fingerprint(path: Path) -> tuple[str, int, int]:
    data = path.read_bytes()
    info = path.stat()
    return hashlib.sha256(data).hexdigest(), info.st_size, info.st_mtime_ns


def applied(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [name for (name,) in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id",
            [MIGRATION_SET])]
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
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )


def test_default_path_matches_platformdirs(tmp_path, monkeypatch):
    """Our quick XDG rule on Linux gives what platformdirs would."""
    from platformdirs import user_data_path

    from prep.store.location import default_db_path

    for value in (str(tmp_path / "xdg"), "", "relative/ignored"):
        monkeypatch.setenv("XDG_DATA_HOME", value)
        assert default_db_path() == user_data_path("prep", appauthor=False) / "prep.db"


def _damaged_inside(path: Path) -> None:
    """Header and schema intact, a data page deep in the file wrecked."""
    _populated(path)
    data = bytearray(path.read_bytes())
    page = 4096
    middle = (len(data) // page // 2) * page
    data[middle:middle + page] = b"\xde\xad\xbe\xef" * (page // 4)
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
