"""`prep backup` and the backup `prep demo --force` takes, run as real processes."""

from __future__ import annotations

import stat

from tests.helpers import count, query


def test_backup_writes_a_dated_copy_beside_the_database(run, db):
    assert (
        run("add", "Q4 review", "--with", "Dana", "--at", "tomorrow 3pm", "--db", db).returncode
        == 0
    )
    result = run("backup", "--db", db)
    assert result.returncode == 0, result.stderr
    [copy] = (db.parent / "backups").iterdir()
    assert result.stdout.splitlines() == [
        f"Backed up {db} to {copy}.",
        f"prep keeps the last 10 backups in {db.parent / 'backups'}.",
    ]
    assert copy.name.startswith("x-") and copy.suffix == ".db"
    assert query(copy, "SELECT title FROM meetings") == [("Q4 review",)]
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600


def test_backup_to_a_path(run, db, tmp_path):
    run("add", "Q4 review", "--with", "Dana", "--at", "tomorrow 3pm", "--db", db)
    result = run("backup", tmp_path / "copy.db", "--db", db)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Backed up {db} to {tmp_path / 'copy.db'}.\n"
    assert count(tmp_path / "copy.db") == 1


def test_backup_to_a_folder_that_does_not_exist_is_one_line(run, db, tmp_path):
    result = run("backup", tmp_path / "nowhere" / "copy.db", "--db", db)
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("prep: Could not write the backup ")
    assert "Traceback" not in result.stderr


def test_backup_onto_the_database_itself_is_refused(run, db):
    run("add", "Q4 review", "--with", "Dana", "--at", "tomorrow 3pm", "--db", db)
    result = run("backup", db, "--db", db)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "prep: A backup cannot overwrite the database it copies; choose another path.\n"
    )
    assert count(db) == 1


def test_demo_force_backs_up_first(run, db):
    run("add", "Q4 review", "--with", "Dana", "--at", "tomorrow 3pm", "--db", db)
    result = run("demo", "--force", "--db", db)
    assert result.returncode == 0, result.stderr
    [copy] = (db.parent / "backups").iterdir()
    assert copy.name.endswith("-before-demo.db")
    assert result.stdout.startswith(f"Backed up the database first, to {copy}.\n")
    assert count(copy) == 1
    # An empty database has nothing to lose: no backup.
    fresh = db.parent / "fresh.db"
    assert run("demo", "--db", fresh).returncode == 0
    assert len(list((db.parent / "backups").iterdir())) == 1
