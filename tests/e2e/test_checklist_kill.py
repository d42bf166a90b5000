"""A killed terminal loses nothing already typed into the checklist.

The installed `prep` runs in tmux on a seeded database; text typed into the
checklist must reach the SQLite file while prep is still running (saved as
you type, not on exit), survive a SIGKILL, and be on screen after a restart.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from tests.e2e.conftest import PREP, Terminal, command_line, prep_cli, query

pytestmark = pytest.mark.e2e

AGENDA = "debriefs and weekly review"
TEXT = "Kill-proof note 7Qx"


def holding_back(db: Path) -> list[tuple]:
    return query(db, "SELECT holding_back FROM checklists")


def test_text_typed_into_the_checklist_survives_sigkill(terminal: Terminal, db: Path):
    seeded = prep_cli("--db", db, "add", "Kill test", "--with", "Dana", "--at", "tomorrow 10am")
    assert seeded.returncode == 0, seeded.stderr

    terminal.start("--db", db)
    terminal.wait_until(lambda s: AGENDA in s and "Kill test" in s, "the seeded meeting")
    # All at once: the checklist opens on "They are"; Tab moves to "Holding back".
    terminal.burst("p", "Tab", TEXT)

    # Saved while prep is still running: poll the file, not the screen.
    terminal.wait_until(
        lambda _: holding_back(db) == [(TEXT,)], "the text to reach the database", timeout=10
    )

    pid = terminal.prep_pid()
    assert str(PREP) in command_line(pid)
    os.kill(pid, signal.SIGKILL)
    assert terminal.wait_exit() == 128 + signal.SIGKILL

    assert holding_back(db) == [(TEXT,)]
    assert query(db, "PRAGMA integrity_check") == [("ok",)]
    assert query(db, "SELECT title FROM meetings") == [("Kill test",)]

    terminal.start("--db", db, session="again")
    terminal.wait_until(lambda s: AGENDA in s and "Kill test" in s, "the agenda again")
    terminal.send("p")
    screen = terminal.wait_until(
        lambda s: "Holding back" in s and TEXT in s, "the saved text in the checklist"
    )
    [line] = [line for line in screen.splitlines() if "Holding back" in line]
    assert TEXT in line

    terminal.send("Escape")
    terminal.wait_for(AGENDA)
    terminal.send("C-q")
    assert terminal.wait_exit() == 0
    assert holding_back(db) == [(TEXT,)]
