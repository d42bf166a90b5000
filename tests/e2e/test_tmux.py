"""The installed `prep` command, driven by keys in a real terminal (tmux).

Every test reads back what matters from outside the app: the screen as
tmux shows it, the process's exit status, and the SQLite file on disk.
"""

from __future__ import annotations

import json
import os
import signal
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.e2e.conftest import PREP, Terminal, command_line, prep_cli, query

pytestmark = pytest.mark.e2e

# Text only the agenda (home) screen shows: its header's subtitle.
AGENDA = "debriefs and weekly review"
MEETING_ROW = (
    "SELECT m.title, c.name, m.starts_at FROM meetings m"
    " JOIN people c ON c.id = m.person_id ORDER BY m.id"
)


def tomorrow() -> str:
    return (date.today() + timedelta(days=1)).isoformat()


def field_line(screen: str, label: str) -> str:
    """The screen line of a form field, e.g. the one starting with 'Title'."""
    for line in screen.splitlines():
        if line.strip().startswith(label):
            return line
    raise AssertionError(f"no {label!r} field on screen:\n{screen}")


def test_create_a_meeting_save_quit_and_find_it_in_the_file(terminal: Terminal, db: Path):
    terminal.start("--db", db)
    terminal.wait_for("No meetings yet")

    terminal.send("n")
    terminal.wait_for("New meeting")
    terminal.wait_focus("Title")
    terminal.type("Q4 roadmap review")
    # Not wait_for: the empty field's placeholder mentions a Q4 roadmap review too.
    terminal.wait_field("Title", "Q4 roadmap review")

    terminal.send("Tab")
    terminal.wait_focus("With")
    terminal.type("Dana Whitfield")
    terminal.wait_field("With", "Dana Whitfield")
    screen = terminal.wait_for("New person.")  # the hint follows the typing
    assert "Q4 roadmap review" in field_line(screen, "Title")

    # Who they are (kind, rank) sits between the name and the When field.
    terminal.send("Tab", "Tab", "Tab")
    terminal.wait_focus("When")
    days_before = {tomorrow()}
    terminal.type("tomorrow 3pm")
    terminal.wait_field("When", "tomorrow 3pm")
    # The date prep understood, shown under the field with its month by
    # name ("→ Sat 28 Nov 15:00 · tomorrow"); which day depends on the clock.
    terminal.wait_for(" 15:00 · tomorrow")

    terminal.send("C-s")
    terminal.wait_until(
        lambda s: AGENDA in s and "Q4 roadmap review" in s,
        "the saved meeting on the agenda",
    )

    terminal.send("C-q")
    assert terminal.wait_exit() == 0

    # Run across midnight: "tomorrow" may be either day the test saw.
    days = days_before | {tomorrow()}
    [(title, person, starts_at)] = query(db, MEETING_ROW)
    assert (title, person) == ("Q4 roadmap review", "Dana Whitfield")
    assert starts_at[:10] in days, starts_at
    assert starts_at[10:16] == "T15:00", starts_at
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_edit_then_delete_a_meeting(terminal: Terminal, db: Path):
    seeded = prep_cli("--db", db, "add", "Budget sync", "--with", "Dana", "--at", "tomorrow 10am")
    assert seeded.returncode == 0, seeded.stderr
    [(_, _, starts_at)] = query(db, MEETING_ROW)

    terminal.start("--db", db)
    terminal.wait_until(lambda s: AGENDA in s and "Budget sync" in s, "the seeded meeting")

    terminal.send("e")
    screen = terminal.wait_for("Edit meeting")
    assert "Budget sync" in field_line(screen, "Title")
    terminal.wait_focus("Title")
    # The caret lands after the title, nothing selected: clear it, then type.
    terminal.send("C-u")
    terminal.type("Budget review")
    terminal.wait_field("Title", "Budget review")

    terminal.send("C-s")
    screen = terminal.wait_until(
        lambda s: AGENDA in s and "Budget review" in s, "the renamed meeting on the agenda"
    )
    assert "Budget sync" not in screen
    assert query(db, MEETING_ROW) == [("Budget review", "Dana", starts_at)]

    terminal.send("d")
    terminal.wait_for("Delete “Budget review” with Dana?")
    terminal.send("y")
    terminal.wait_for("No meetings yet")
    assert query(db, "SELECT count(*) FROM meetings") == [(0,)]
    # The notification offers ctrl+z for a few seconds: it brings the meeting back.
    terminal.wait_for("Press ctrl+z to undo")
    terminal.send("C-z")
    terminal.wait_for("Restored “Budget review”")
    assert query(db, MEETING_ROW) == [("Budget review", "Dana", starts_at)]

    terminal.send("C-q")
    assert terminal.wait_exit() == 0


def test_a_killed_terminal_keeps_the_half_typed_meeting(terminal: Terminal, db: Path):
    title = "Salary talk with Morgan"
    terminal.start("--db", db)
    terminal.wait_for("No meetings yet")
    terminal.send("n")
    terminal.wait_for("New meeting")
    terminal.wait_focus("Title")
    terminal.type(title)
    terminal.wait_field("Title", title)
    # The draft is written 0.4 s after the last keystroke; wait for it on disk
    # rather than for a fixed time.
    terminal.wait_until(
        lambda _: any(title in payload for (payload,) in query(db, "SELECT payload FROM drafts")),
        "the draft to reach the database",
        timeout=10,
    )

    pid = terminal.prep_pid()
    assert str(PREP) in command_line(pid)
    os.kill(pid, signal.SIGKILL)
    assert terminal.wait_exit() == 128 + signal.SIGKILL

    [(key, payload)] = query(db, "SELECT key, payload FROM drafts")
    assert key == "meeting-form:new"
    assert json.loads(payload)["title"] == title
    assert query(db, "SELECT count(*) FROM meetings") == [(0,)]

    terminal.start("--db", db, session="again")
    terminal.wait_for("No meetings yet")
    terminal.send("n")
    screen = terminal.wait_until(lambda s: "Restored" in s and title in s, "the restored draft")
    assert title in field_line(screen, "Title")

    terminal.send("C-q")
    assert terminal.wait_exit() == 0


def test_a_file_that_is_not_a_database_is_refused_untouched(terminal: Terminal, tmp_path: Path):
    notes = tmp_path / "notes.txt"
    original = b"Things to raise with Dana:\n- the Q4 numbers\n"
    notes.write_bytes(original)
    before = sorted(p.name for p in tmp_path.iterdir())

    terminal.start("--db", notes)
    assert terminal.wait_exit() == 1

    screen = terminal.screen(history=True)
    assert "Traceback" not in screen
    lines = [line for line in screen.splitlines() if "is not a SQLite database" in line]
    assert len(lines) == 1, screen
    assert lines[0].startswith(f"prep: {notes}: is not a SQLite database"), screen
    assert notes.read_bytes() == original
    # No -wal/-shm/-journal files left beside it either.
    assert sorted(p.name for p in tmp_path.iterdir()) == before
