"""`prep import`, run for real: the summary, --dry-run, standard input, bad input,
and the calendar libraries kept out of every other command's start-up."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import count
from tests.store.test_calendar_import import CALENDARS

LONDON = {"TZ": "Europe/London"}
SPRING = ["--from", "2027-03-01", "--to", "2027-04-30"]


def test_dry_run_names_each_change_and_writes_nothing(run, db):
    run("import", CALENDARS / "weekly.ics", *SPRING, "--db", db, extra_env=LONDON)
    result = run(
        "import",
        CALENDARS / "weekly-updated.ics",
        *SPRING,
        "--dry-run",
        "--db",
        db,
        extra_env=LONDON,
    )
    print(result.stdout)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Dry run: nothing is written. Window: 1 Mar 2027 to 30 Apr 2027."
    assert lines[1].endswith("weekly-updated.ics: 0 to add, 1 to update, 1 to cancel, 2 unchanged")
    assert lines[2].startswith("  would update “Weekly with Priya – budget” 2027-03-30 11:30 (was")
    assert (
        lines[3]
        == "  would cancel “Weekly with Priya” 2027-04-12 09:00 (cancelled in the calendar)"
    )
    real = run("import", CALENDARS / "weekly-updated.ics", *SPRING, "--db", db, extra_env=LONDON)
    assert real.stdout.splitlines()[1].endswith("0 added, 1 updated, 1 cancelled, 2 unchanged")
    listed = run("list", "--all", "--db", db, extra_env=LONDON).stdout
    print(listed)
    assert "Weekly with Priya  ·  Priya Natarajan  ·  cancelled" in listed


def test_standard_input_and_a_refused_file(db, env):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "prep",
            "import",
            "-",
            str(CALENDARS / "not-a-calendar.ics"),
            *("--from", "2026-11-28", "--to", "2026-12-31", "--me", "ME@work.example"),
            *("--db", str(db)),
        ],
        input=(CALENDARS / "zones.ics").read_bytes(),
        capture_output=True,
        env={**env, **LONDON},
        timeout=60,
    )
    out = result.stdout.decode()
    print(out)
    assert result.returncode == 1  # one file was refused
    assert (
        "standard input: 4 added, 0 updated, 0 cancelled, 0 unchanged; skipped 1 all-day event"
        in out
    )
    assert "not-a-calendar.ics: not imported: it is not an iCalendar file" in out
    assert count(db) == 4


def test_a_bad_date_is_refused_before_the_database_opens(run, db):
    result = run("import", CALENDARS / "zones.ics", "--from", "the twelfth of never", "--db", db)
    assert result.returncode == 2
    assert "--from:" in result.stderr
    assert not db.exists()


def test_other_commands_never_import_the_calendar_libraries(env, db):
    """`python -X importtime`: `prep list` and `prep --help` load neither library."""
    for args in (["list", "--db", str(db)], ["--help"]):
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "prep", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        modules = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
        print(args, len(modules), "modules")
        assert not {"icalendar", "recurring_ical_events", "x_wr_timezone"} & modules
