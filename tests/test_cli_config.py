"""`prep config`, a bad settings file, and the settings `prep add` and
`prep list` use. Dates are explicit, so these pass on any day."""

from __future__ import annotations

import json

from tests.helpers import query


def settings(tmp_path, text: str):
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return {"PREP_CONFIG": str(path)}


def test_config_without_a_file_prints_the_path_and_the_defaults(run, tmp_path):
    result = run("config")
    print(result.stdout)
    assert result.returncode == 0
    path = tmp_path / "xdg-config" / "prep" / "settings.toml"
    assert result.stdout == (
        f"Settings file: {path} (no file yet: every value is a default)\n"
        'date_order = "day-first"   # default\n'
        'week_starts_on = "monday"  # default\n'
        "meeting_length = 30        # default\n"
        'name = ""                  # default\n'
        'email = ""                 # default\n'
        'theme = ""                 # default\n'
    )
    assert not path.exists()  # printing the settings creates nothing


def test_config_says_which_values_come_from_the_file(run, tmp_path):
    extra = settings(tmp_path, 'date_order = "month-first"\nmeeting_length = "1h"\n')
    result = run("config", extra_env=extra)
    print(result.stdout)
    lines = result.stdout.splitlines()
    assert lines[0] == f"Settings file: {tmp_path / 'settings.toml'}"
    assert lines[1] == 'date_order = "month-first"  # file'
    assert lines[3] == "meeting_length = 60         # file"
    assert lines[4] == 'name = ""                   # default'


def test_a_bad_file_is_one_line_on_stderr_and_prep_runs_on_defaults(run, tmp_path, db):
    extra = settings(tmp_path, 'date_order = "month-first"\nweek_starts = "sun"\n')
    result = run(
        "--db", db, "add", "Q1 plan", "--with", "Dana", "--at", "12/1/2030 3pm", extra_env=extra
    )
    print(result.stderr)
    assert result.returncode == 0
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(
        f"prep: settings file {tmp_path / 'settings.toml'}: line 2: week_starts: "
        "not a setting prep knows"
    )
    # The defaults: day-first, 30 minutes.
    assert query(db, "SELECT starts_at, duration_minutes FROM meetings")[0][0].startswith(
        "2030-01-12T15:00"
    )
    config = run("config", extra_env=extra)
    assert "It cannot be used: settings file" in config.stdout
    assert 'date_order = "day-first"' in config.stdout


def test_add_reads_dates_in_the_order_of_the_settings(run, tmp_path, db):
    day_first = run("--db", db, "add", "A", "--with", "Dana", "--at", "12/1/2030 3pm")
    extra = settings(tmp_path, 'date_order = "month-first"\nmeeting_length = 50\n')
    month_first = run(
        "--db", db, "add", "B", "--with", "Dana", "--at", "12/1/2030 3pm", extra_env=extra
    )
    print(day_first.stdout, month_first.stdout)
    # The confirmation names the month, so the reading is never in doubt.
    assert "Sat 12 Jan 2030 15:00" in day_first.stdout
    assert "Sun 1 Dec 2030 15:00" in month_first.stdout
    assert query(db, "SELECT title, substr(starts_at, 1, 16), duration_minutes FROM meetings") == [
        ("A", "2030-01-12T15:00", 30),
        ("B", "2030-12-01T15:00", 50),
    ]


def test_add_refuses_a_date_impossible_in_the_order(run, tmp_path, db):
    extra = settings(tmp_path, 'date_order = "month-first"\n')
    result = run("--db", db, "add", "A", "--with", "Dana", "--at", "13/1/2030", extra_env=extra)
    assert result.returncode == 2
    assert "13/1/2030: 13 is not a month — dates are month-first (1/13/2030)." in result.stderr


def test_import_knows_you_by_the_email_in_the_settings(run, tmp_path, db):
    ics = tmp_path / "one.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
        "UID:one@t\r\nDTSTART:20300110T150000Z\r\nDTEND:20300110T160000Z\r\n"
        "SUMMARY:Sync\r\nORGANIZER;CN=Me:mailto:me@example.com\r\n"
        "ATTENDEE;CN=Dana Whitfield:mailto:dana@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    extra = settings(tmp_path, 'email = "ME@example.com"\n')
    result = run(
        "--db", db, "import", ics, "--from", "2030-01-01", "--to", "2030-01-31", extra_env=extra
    )
    print(result.stdout, result.stderr)
    assert result.returncode == 0
    listed = json.loads(run("--db", db, "list", "--all", "--json").stdout)
    print(listed)
    assert query(db, "SELECT name FROM people") == [("Dana Whitfield",)]
