"""The `prep` command against hostile input: bytes that are not UTF-8 in its
arguments, rows another program wrote, weeks at the ends of the calendar,
terminal escape sequences stored in titles and names.

Run for real, as a separate process: exit status, output, the file left.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.properties import cli_property

# Sequences a terminal acts on: OSC 52 writes the clipboard, CSI 2J clears
# the screen, OSC 0 retitles the window.
CLIPBOARD = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
CLEAR = "\x1b[2J"
TITLE = "\x1b]0;pwned\x1b\\"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("PREP_DB", "PYTHONIOENCODING")}
    clean["XDG_DATA_HOME"] = str(tmp_path / "xdg-data")
    clean["LC_ALL"] = "C.UTF-8"
    return clean


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "x.db"


def prep(env, *args: str | bytes | Path, extra_env: dict[str, str] | None = None):
    """`python -m prep ARGS`; bytes arguments go to the process as they are."""
    argv = [os.fsencode(a) if isinstance(a, (str, Path)) else a for a in args]
    result = subprocess.run(
        [os.fsencode(sys.executable), b"-m", b"prep", *argv],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env={**env, **(extra_env or {})},
        timeout=60,
    )
    result.out = result.stdout.decode("utf-8", errors="replace")
    result.err = result.stderr.decode("utf-8", errors="replace")
    return result


def other_program(path: Path, sql: str, params: tuple = ()) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


def count(path: Path, sql: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize(
    "args, named",
    [
        ([b"bad\x9b", b"--with", b"Dana"], "title"),
        ([b"Q4 review", b"--with", b"Dana \xff"], "--with"),
        ([b"Q4 review", b"--with", b"Dana", b"--notes", b"caf\xc3"], "--notes"),
        ([b"Q4 review", b"--with", b"Dana", b"--duration", b"45\xffm"], "--duration"),
    ],
)
def test_an_argument_that_is_not_utf8_is_refused_naming_it(env, db, args, named):
    result = prep(env, "--db", db, "add", *args, "--at", "tomorrow 3pm")
    assert result.returncode == 2
    assert "Traceback" not in result.err
    [error] = [line for line in result.err.splitlines() if "error:" in line]
    assert error.startswith(f"prep add: error: {named}: ")
    assert "not UTF-8" in error
    assert not db.exists()  # refused before the database was opened


def test_a_week_that_is_not_utf8(env, db):
    result = prep(env, "--db", db, "review", "--week", b"2026-W4\xb7")
    assert result.returncode == 2
    assert "prep review: error: --week:" in result.err and "Traceback" not in result.err


def test_a_database_path_with_any_bytes_is_a_file_name_like_any_other(env, tmp_path):
    path = os.fsencode(tmp_path) + b"/caf\xe9.db"
    result = prep(env, "--db", path, "add", "Q4 review", "--with", "Dana", "--at", "tomorrow 3pm")
    assert result.returncode == 0, result.err
    assert os.path.exists(path)
    assert prep(env, "--db", path, "list").returncode == 0


@pytest.mark.parametrize("week", ["9999-W52", "0001-W01", "9998-W01", "0001-W52", "9999-W01"])
def test_weeks_at_the_ends_of_the_calendar_are_refused_in_one_line(env, db, week):
    result = prep(env, "--db", db, "review", "--week", week)
    assert result.returncode == 2
    assert "Traceback" not in result.err
    assert "prep review: error: --week: prep reviews weeks of the years 2 to 9997." in result.err


@pytest.mark.parametrize("week", ["0002-W01", "9997-W52"])
def test_the_first_and_last_weeks_prep_reviews(env, db, week):
    result = prep(env, "--db", db, "review", "--week", week)
    assert result.returncode == 0, result.err
    assert result.out.startswith("# Weekly review: Week ")


def test_escape_sequences_stored_by_another_program_never_reach_the_terminal(env, db):
    assert (
        prep(
            env, "--db", db, "add", "Q4 review", "--with", "Dana", "--at", "tomorrow 3pm"
        ).returncode
        == 0
    )
    # Starting within the hour and not prepared: `prep due` lists it.
    assert prep(env, "--db", db, "add", "Soon", "--with", "Dana", "--at", "in 30m").returncode == 0
    other_program(db, "UPDATE meetings SET title = ?", (f"Q4{CLIPBOARD} review{CLEAR}",))
    other_program(db, "UPDATE people SET name = ?", (f"Dana{TITLE}",))
    outputs = {
        "search": prep(env, "--db", db, "search", "review"),
        "due": prep(env, "--db", db, "due"),
        "list": prep(env, "--db", db, "list"),
        "list --all": prep(env, "--db", db, "list", "--all"),
        "brief": prep(env, "--db", db, "brief", "1"),
        "debrief": prep(env, "--db", db, "debrief", "1"),
        "review": prep(env, "--db", db, "review"),
        # The confirmation quotes the stored name of an existing person.
        "add": prep(
            env,
            "--db",
            db,
            "add",
            "Follow-up",
            "--with",
            "dana\x1b]0;pwned\x1b\\",
            "--at",
            "tomorrow 4pm",
        ),
    }
    for name, result in outputs.items():
        printed = result.out + result.err
        controls = sorted({c for c in printed if c < " " or "\x7f" <= c < "\xa0"} - {"\n"})
        print(
            f"prep {name}: exit {result.returncode}, {len(printed)} bytes, "
            f"control characters: {controls}"
        )
        assert result.returncode == (1 if name == "due" else 0), result.err
        assert controls == []
    assert "Q4 ]52;c;ZWNobyBwd25lZA== review" in outputs["list"].out
    assert "Dana ]0;pwned" in outputs["list"].out


def test_a_row_with_invalid_utf8_is_listed_not_fatal(env, db):
    for title in ("Q4 review", "Renewal"):
        prep(env, "--db", db, "add", title, "--with", "Dana", "--at", "tomorrow 3pm")
    other_program(db, "UPDATE meetings SET title = CAST(X'62ad9b' AS TEXT) WHERE id = 1")
    result = prep(env, "--db", db, "list")
    assert result.returncode == 0, result.err
    assert "b\ufffd\ufffd" in result.out and "Renewal" in result.out


def test_a_by_when_in_words_is_marked_in_the_brief_and_the_debrief(env, db):
    prep(env, "--db", db, "add", "Q4 review", "--with", "Dana", "--at", "tomorrow 3pm")
    other_program(
        db,
        "INSERT INTO checklists (meeting_id, created_at, updated_at)"
        " VALUES (1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
    )
    other_program(
        db,
        "INSERT INTO asks (meeting_id, position, text, by_when, created_at,"
        " updated_at) VALUES (1, 0, 'Sign-off', 'next thursday',"
        " '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
    )
    for command in ("brief", "debrief"):
        result = prep(env, "--db", db, command, "1")
        assert result.returncode == 0, result.err
        assert "Sign-off" in result.out
        assert "(unreadable date: 'next thursday')" in result.out


def test_a_start_that_cannot_be_read_is_marked_in_the_list(env, db):
    prep(env, "--db", db, "add", "Q4 review", "--with", "Dana", "--at", "tomorrow 3pm")
    other_program(db, "UPDATE meetings SET starts_at = 'soon', starts_at_utc = 'soon'")
    result = prep(env, "--db", db, "list", "--all")
    assert result.returncode == 0, result.err
    assert "(unreadable date: 'soon')" in result.out and "Q4 review" in result.out


def test_a_terminal_that_cannot_show_a_character_gets_a_question_mark(env, db):
    prep(env, "--db", db, "add", "Café ☕ review", "--with", "Zoë", "--at", "tomorrow 3pm")
    result = prep(env, "--db", db, "list", extra_env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert "Caf? ? review" in result.out


# A few examples of the properties tests/reliability/test_properties.py runs at length.
test_prep_add_takes_any_text = cli_property(15)


def test_a_schema_changed_under_prep_gives_one_line_not_a_traceback(env, db):
    """A flipped byte in the schema text (here: a column's name) passes the
    cheap checks at opening; the first read then fails, in one line."""
    prep(env, "--db", db, "add", "Q4 review", "--with", "Dana", "--at", "tomorrow 3pm")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = replace(sql, 'organisation', 'organisatiom')"
        " WHERE name = 'people'"
    )
    conn.commit()
    conn.close()
    for command in (["list"], ["brief", "1"], ["debrief", "1"]):
        result = prep(env, "--db", db, *command)
        assert result.returncode == 1, result.err
        assert "Traceback" not in result.err
        assert result.err.startswith("prep: ") and len(result.err.splitlines()) == 1
        assert "looks damaged" in result.err or "no such column" in result.err
