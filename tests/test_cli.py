"""The `prep` command outside the app: run for real, as a separate process.

Each test runs `python -m prep` with no terminal (stdin from /dev/null) and
checks its exit status, what it printed, and the SQLite file it left.
"""

from __future__ import annotations

import re
import stat
import subprocess
import sys
from datetime import UTC, date, timedelta

import pytest

import prep
from tests.helpers import count, query

MEETING_ROW = (
    "SELECT m.title, c.name, m.starts_at, m.duration_minutes, m.setting, m.notes,"
    " m.progress, c.kind, c.rank"
    " FROM meetings m JOIN people c ON c.id = m.person_id ORDER BY m.id"
)
# The group headings `prep list` may print for meetings still to come.
UPCOMING_HEADINGS = {"Happening now", "Today", "This week", "Later"}


def tomorrow() -> str:
    return (date.today() + timedelta(days=1)).isoformat()


def listed(stdout: str) -> list[tuple[int, str]]:
    """(id, line) for each meeting line of `prep list`, in printed order."""
    return [
        (int(match[1]), line)
        for line in stdout.splitlines()
        if (match := re.match(r"^\s+(\d+)\s", line))
    ]


def headings(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line and not line[0].isspace()]


# -- version and help ------------------------------------------------------------


def test_version(run):
    result = run("--version")
    assert result.returncode == 0
    assert re.fullmatch(r"prep \d+\.\d+\.\d+\S*", result.stdout.strip())
    assert result.stdout.strip() == f"prep {prep.__version__}"


def test_help_lists_the_commands(run):
    result = run("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: prep")
    for command in ("add", "list", "demo"):
        assert re.search(rf"^\s+{command}\s+\S", result.stdout, re.MULTILINE), result.stdout


# -- add ---------------------------------------------------------------------------


def test_add_writes_the_meeting(run, db):
    day_before = tomorrow()
    result = run(
        "add",
        "Q4 review",
        "--with",
        "Dana Whitfield",
        "--at",
        "tomorrow 3pm",
        "--duration",
        "45",
        "--setting",
        "coffee",
        "--notes",
        "Bring the pilot numbers.",
        "--db",
        db,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Added meeting 1: Q4 review with Dana Whitfield")
    assert result.stderr == ""

    [(title, person, starts_at, minutes, setting, notes, status, kind, rank)] = query(
        db, MEETING_ROW
    )
    assert (title, person, minutes, setting, notes, status, kind, rank) == (
        "Q4 review",
        "Dana Whitfield",
        45,
        "coffee",
        "Bring the pilot numbers.",
        "none",
        "client",
        "senior",
    )
    assert starts_at[:10] in {day_before, tomorrow()}, starts_at
    assert starts_at[10:16] == "T15:00", starts_at
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_add_says_how_a_bare_hour_was_read(run, db):
    result = run("add", "Q4 review", "--with", "Dana", "--at", "tomorrow at 3", "--db", db)
    assert result.returncode == 0, result.stderr
    # The date with its month by name, and the reading chosen for "3".
    said = re.search(
        r", \w{3} \d{1,2} \w{3}( \d{4})? 15:00 "
        r"\(afternoon; write 3am for the morning\) · tomorrow\.",
        result.stdout,
    )
    assert said, result.stdout
    [(_, _, starts_at, *_)] = query(db, MEETING_ROW)
    assert starts_at[10:16] == "T15:00", starts_at


def test_add_reuses_a_known_person_whatever_the_case(run, db):
    assert (
        run(
            "add", "First", "--with", "Dana Whitfield", "--at", "tomorrow 9am", "--db", db
        ).returncode
        == 0
    )
    assert (
        run(
            "add", "Second", "--with", "  dana whitfield ", "--at", "tomorrow 11am", "--db", db
        ).returncode
        == 0
    )
    assert query(db, "SELECT name, kind FROM people") == [("Dana Whitfield", "client")]
    # Saying --kind for a known person updates them; leaving it out keeps it.
    assert (
        run(
            "add",
            "Third",
            "--with",
            "Dana Whitfield",
            "--at",
            "tomorrow 1pm",
            "--kind",
            "boss",
            "--db",
            db,
        ).returncode
        == 0
    )
    assert (
        run(
            "add", "Fourth", "--with", "Dana Whitfield", "--at", "tomorrow 2pm", "--db", db
        ).returncode
        == 0
    )
    assert query(db, "SELECT name, kind FROM people") == [("Dana Whitfield", "boss")]
    assert count(db) == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--at", "next blursday"],
            "--at: Can't read 'next blursday' as a time. Try 'tomorrow 3pm'",
        ),
        (["--at", "12/31 3pm"], "--at: 12/31: 31 is not a month — dates are day-first (31/12)."),
        (
            ["--at", "tomorrow 3pm", "--duration", "forever"],
            "--duration: Can't read 'forever' as a duration.",
        ),
        (
            ["--at", "tomorrow 3pm", "--duration", "25h"],
            "--duration: Duration must be between 1 minute and 24 hours.",
        ),
    ],
    ids=["bad-at", "month-first", "bad-duration", "too-long"],
)
def test_add_refuses_what_it_cannot_read_and_writes_nothing(run, db, args, message):
    result = run("add", "Q4 review", "--with", "Dana", *args, "--db", db)
    assert result.returncode == 2
    assert "usage: prep" in result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert not db.exists()  # refused before the database was opened


def test_add_repeat_makes_each_meeting_and_list_shows_them(run, db):
    # Explicit dates from tomorrow: inside the 60 days made ahead on any date.
    day = date.today() + timedelta(days=1)
    when = f"{day.isoformat()} 09:30"
    result = run(
        "add", "Stand-up", "--with", "Dana", "--at", when, "--repeat", "daily for 3", "--db", db
    )
    assert result.returncode == 0, result.stderr
    assert "Repeats daily for 3 (3 meetings)." in result.stdout
    rows = query(db, "SELECT starts_at, series_id FROM meetings ORDER BY starts_at_utc")
    print(f"prep add --repeat 'daily for 3': {len(rows)} meetings")
    assert [r[0][:16] for r in rows] == [
        f"{(day + timedelta(days=n)).isoformat()}T09:30" for n in range(3)
    ]
    assert {r[1] for r in rows} == {1}
    listing = run("list", "--db", db)
    assert len([line for _, line in listed(listing.stdout) if "Stand-up" in line]) == 3


@pytest.mark.parametrize(
    ("repeat", "message"),
    [
        ("every blue moon", "--repeat: Can't read 'every blue moon' as a repeat."),
        ("every week for 0", "--repeat: Say 'for' 1 to 500 meetings."),
    ],
    ids=["nonsense", "for-0"],
)
def test_add_refuses_a_repeat_it_cannot_read(run, db, repeat, message):
    when = f"{(date.today() + timedelta(days=1)).isoformat()} 09:30"
    result = run("add", "Sync", "--with", "Dana", "--at", when, "--repeat", repeat, "--db", db)
    assert result.returncode == 2
    assert message in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("prep add: error: --repeat:")  # one line, after the usage
    assert "Traceback" not in result.stderr
    assert not db.exists()


@pytest.mark.parametrize(
    ("title", "person", "message"),
    [
        ("   ", "Dana", "Give the meeting a title."),
        ("Q4 review", " ", "Say who the meeting is with."),
    ],
    ids=["blank-title", "blank-person"],
)
def test_add_refuses_blank_text(run, db, title, person, message):
    result = run("add", title, "--with", person, "--at", "tomorrow 3pm", "--db", db)
    assert result.returncode == 2
    assert message in result.stderr
    assert "usage: prep add" in result.stderr
    assert "Traceback" not in result.stderr
    assert not db.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "Q4 review"], "the following arguments are required: --with, --at"),
        (
            ["add", "--with", "Dana", "--at", "tomorrow"],
            "the following arguments are required: title",
        ),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["list", "--frobnicate"], "unrecognized arguments: --frobnicate"),
        (
            ["add", "Q4", "--with", "Dana", "--at", "tomorrow", "--setting", "yacht"],
            "argument --setting: invalid choice: 'yacht'",
        ),
    ],
    ids=["missing-options", "missing-title", "unknown-command", "unknown-option", "bad-setting"],
)
def test_usage_errors_exit_2_before_touching_the_file(run, db, args, message):
    result = run(*args, "--db", db)
    assert result.returncode == 2
    assert result.stderr.startswith("usage: prep")
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert not db.exists()


# -- list --------------------------------------------------------------------------


def test_list_on_an_empty_database_says_how_to_add(run, db):
    result = run("list", "--db", db)
    assert result.returncode == 0
    assert "No meetings." in result.stdout
    assert 'prep add "Title" --with NAME --at "tomorrow 3pm"' in result.stdout


def test_list_shows_upcoming_meetings_soonest_first_under_headings(run, db):
    assert (
        run("add", "Board pack", "--with", "Marcus", "--at", "in 3 days", "--db", db).returncode
        == 0
    )
    assert (
        run("add", "Coffee with Sam", "--with", "Sam", "--at", "in 2h", "--db", db).returncode == 0
    )

    result = run("list", "--db", db)
    assert result.returncode == 0, result.stderr
    rows = listed(result.stdout)
    assert [meeting_id for meeting_id, _ in rows] == [2, 1]
    assert "Coffee with Sam" in rows[0][1] and "Sam" in rows[0][1]
    assert "Board pack" in rows[1][1] and "Marcus" in rows[1][1]
    # Every meeting sits under a heading, and only known headings appear.
    assert result.stdout.splitlines()[0] in UPCOMING_HEADINGS
    assert set(headings(result.stdout)) <= UPCOMING_HEADINGS


def test_list_all_includes_past_meetings(run, db):
    for title, when in [
        ("Retro", "yesterday 10am"),
        ("Old kick-off", "40 days ago"),
        ("Planning", "tomorrow 9am"),
    ]:
        assert run("add", title, "--with", "Dana", "--at", when, "--db", db).returncode == 0

    upcoming = run("list", "--db", db)
    assert upcoming.returncode == 0
    # Yesterday's meeting waits for a debrief; one from 40 days ago has aged out.
    assert "Needs a debrief" in headings(upcoming.stdout)
    assert "Retro" in upcoming.stdout and "Planning" in upcoming.stdout
    assert "Old kick-off" not in upcoming.stdout

    everything = run("list", "--all", "--db", db)
    assert everything.returncode == 0
    titles = [
        re.search(r"(Old kick-off|Retro|Planning)", line)[1]
        for _, line in listed(everything.stdout)
    ]
    assert titles == ["Old kick-off", "Retro", "Planning"]


# -- where the database is -----------------------------------------------------------


def test_prep_db_variable_is_used_without_db_option(run, tmp_path):
    from_env = tmp_path / "from-env.db"
    result = run(
        "add",
        "Q4 review",
        "--with",
        "Dana",
        "--at",
        "tomorrow 3pm",
        extra_env={"PREP_DB": str(from_env)},
    )
    assert result.returncode == 0, result.stderr
    assert count(from_env) == 1
    listing = run("list", extra_env={"PREP_DB": str(from_env)})
    assert "Q4 review" in listing.stdout
    assert not (tmp_path / "xdg-data").exists()


def test_db_option_wins_over_prep_db(run, tmp_path, db):
    from_env = tmp_path / "from-env.db"
    result = run(
        "add",
        "Q4 review",
        "--with",
        "Dana",
        "--at",
        "tomorrow 3pm",
        "--db",
        db,
        extra_env={"PREP_DB": str(from_env)},
    )
    assert result.returncode == 0, result.stderr
    assert count(db) == 1
    assert not from_env.exists()


@pytest.mark.parametrize("how", ["--db", "PREP_DB"])
def test_a_relative_database_path_works_once_the_file_exists(env, tmp_path, how):
    """The second command opens an existing file: that check once failed
    with a traceback for a relative path."""

    def run_here(*args: str):
        extra = {"PREP_DB": "notes/prep.db"} if how == "PREP_DB" else {}
        db_args = ["--db", "notes/prep.db"] if how == "--db" else []
        return subprocess.run(
            [sys.executable, "-m", "prep", *args, *db_args],
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**env, **extra},
            timeout=60,
        )

    (tmp_path / "notes").mkdir(mode=0o700)
    created = run_here("add", "Q4 review", "--with", "Dana", "--at", "tomorrow 3pm")
    assert created.returncode == 0, created.stderr
    listing = run_here("list")
    assert listing.returncode == 0, listing.stderr
    assert "Traceback" not in listing.stderr
    assert "Q4 review" in listing.stdout
    assert count(tmp_path / "notes" / "prep.db") == 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG paths are Linux's")
def test_default_database_is_created_private_in_the_data_directory(run, tmp_path):
    result = run("list", extra_env={"XDG_DATA_HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "prep"
    path = folder / "prep.db"
    assert path.read_bytes()[:16] == b"SQLite format 3\x00"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


# -- demo --------------------------------------------------------------------------


def test_demo_fills_an_empty_database_once_unless_forced(run, db):
    first = run("demo", "--db", db)
    assert first.returncode == 0, first.stderr
    filled = count(db)
    assert filled > 5
    assert f"Added {filled} example meetings" in first.stdout

    again = run("demo", "--db", db)
    assert again.returncode == 1
    assert "--force" in again.stderr
    assert "Traceback" not in again.stderr
    assert count(db) == filled

    forced = run("demo", "--force", "--db", db)
    assert forced.returncode == 0, forced.stderr
    assert count(db) == 2 * filled


# -- the app needs a terminal ------------------------------------------------------


def test_no_command_without_a_terminal_explains_and_exits_1(run, db):
    result = run("--db", db)
    assert result.returncode == 1
    assert "needs a terminal" in result.stderr
    assert "Traceback" not in result.stderr
    assert not db.exists()


# -- text round trip ---------------------------------------------------------------


def test_emoji_and_quotes_round_trip(run, db):
    title = 'Launch 🚀 “go/no-go” — Sam\'s "final" call'
    person = "Zoë O'Brien"
    result = run("add", title, "--with", person, "--at", "tomorrow 3pm", "--db", db)
    assert result.returncode == 0, result.stderr
    assert title in result.stdout
    assert query(
        db, "SELECT m.title, c.name FROM meetings m JOIN people c ON c.id = m.person_id"
    ) == [(title, person)]
    listing = run("list", "--db", db)
    assert listing.returncode == 0
    [(_, line)] = listed(listing.stdout)
    assert title in line and person in line


def test_a_reader_that_stops_early_gets_no_traceback(env, db):
    """`prep list | head -1`: the pipe closes while prep is still writing."""
    from datetime import datetime

    from prep.domain.models import MeetingDraft
    from prep.store import open_store

    store = open_store(db)
    start = datetime.now(UTC) + timedelta(days=1)
    for n in range(200):
        store.add_meeting(MeetingDraft(f"Meeting {n}", "Dana", start + timedelta(hours=n)))
    store.close()
    for _ in range(3):  # the race between writer and reader varies run to run
        listing = subprocess.Popen(
            [sys.executable, "-m", "prep", "list", "--db", str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=env,
        )
        assert listing.stdout is not None and listing.stderr is not None
        listing.stdout.readline()
        listing.stdout.close()  # as head does after its line
        stderr = listing.stderr.read().decode()
        listing.wait(timeout=60)
        assert "Traceback" not in stderr
        assert stderr == ""
