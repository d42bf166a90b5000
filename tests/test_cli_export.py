"""`prep export` and `prep import-json`, run as real processes."""

from __future__ import annotations

import json
import stat

from prep.store.transfer import TABLES
from tests.helpers import count, query


def _demo(run, db):
    assert run("demo", "--db", db).returncode == 0


def test_json_to_stdout_and_back_into_an_empty_file(run, db, tmp_path):
    _demo(run, db)
    result = run("export", "--db", db)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["format"] == "prep-export" and document["version"] == 1
    assert len(document["tables"]["meetings"]) == count(db)
    (tmp_path / "out.json").write_text(result.stdout, encoding="utf-8")
    copy = tmp_path / "copy.db"
    loaded = run("import-json", tmp_path / "out.json", "--db", copy)
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout == f"Imported {count(db)} meetings and 5 people into {copy}.\n"
    sql = "SELECT * FROM meetings ORDER BY id"
    assert query(copy, sql) == query(db, sql)


def test_json_to_a_file_is_owner_only(run, db, tmp_path):
    _demo(run, db)
    out = tmp_path / "all.json"
    result = run("export", "--format", "json", "--out", out, "--db", db)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Exported {count(db)} meetings to {out}.\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert json.loads(out.read_text())["tables"]["people"]


def test_csv_is_one_private_file_per_table(run, db, tmp_path):
    _demo(run, db)
    folder = tmp_path / "csv"
    result = run("export", "--format", "csv", "--out", folder, "--db", db)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Exported {len(TABLES)} files to {folder}.\n"
    files = sorted(p.name for p in folder.iterdir())
    assert files == sorted(f"{table}.csv" for table in TABLES)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in folder.iterdir())
    lines = (folder / "meetings.csv").read_text().splitlines()
    assert lines[0].startswith("id,title,person_id,starts_at")


def test_markdown_is_one_file_per_meeting_named_by_date_and_title(run, db, tmp_path):
    _demo(run, db)
    folder = tmp_path / "md"
    result = run("export", "--format", "md", "--out", folder, "--db", db)
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in folder.iterdir())
    print(f"{len(names)} files, e.g. {names[:3]}")
    assert len(names) == count(db)
    assert any(n.endswith("-q4-roadmap-review.md") for n in names)
    [roadmap] = [p for p in folder.iterdir() if p.name.endswith("-q4-roadmap-review.md")]
    text = roadmap.read_text()
    assert text.startswith("# ") and "Q4 roadmap review" in text
    assert "# Debrief" in text  # held, so the debrief follows the brief


def test_csv_export_onto_a_file_is_one_line(run, db, tmp_path):
    (tmp_path / "taken").write_text("x")
    result = run("export", "--format", "csv", "--out", tmp_path / "taken", "--db", db)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"prep: cannot write {tmp_path / 'taken'}: it is a file, not a folder\n"


def test_import_refusals_are_one_line(run, db, tmp_path):
    _demo(run, db)
    export = tmp_path / "all.json"
    run("export", "--out", export, "--db", db)
    not_json = tmp_path / "notes.txt"
    not_json.write_text("hello")
    other_json = tmp_path / "other.json"
    other_json.write_text('{"a": 1}')
    cases = {
        (export, db): f"prep: {db} already has data",
        (not_json, tmp_path / "a.db"): f"prep: {not_json} is not JSON (",
        (other_json, tmp_path / "b.db"): "prep: That is not a prep JSON export",
        (tmp_path / "missing.json", tmp_path / "c.db"): "prep: cannot read ",
    }
    for (file, target), start in cases.items():
        result = run("import-json", file, "--db", target)
        assert result.returncode == 1, result
        assert result.stdout == ""
        assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith(start), (
            result.stderr
        )
    assert query(tmp_path / "b.db", "SELECT count(*) FROM meetings") == [(0,)]
    # usage errors stay argparse's: exit 2
    assert run("export", "--format", "xml", "--db", db).returncode == 2
    assert run("import-json", "--db", db).returncode == 2
