"""Scratch notes typed on the call screen survive kill -9, and reach the debrief.

The installed `prep` runs in tmux, on the real clock, with a meeting that
started "now": enter on it opens the call screen. Notes are saved as they
are typed (polled in the file while prep runs); prep is then killed while
more keys are still arriving, and what was saved is there after a restart,
on the call screen and in the debrief.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from tests.e2e.conftest import PREP, Terminal, command_line, prep_cli, query

pytestmark = pytest.mark.e2e

AGENDA = "debriefs and weekly review"
TEXT = "Call note kept 4Zk"
CALL = "Scratch notes"


def call_notes(db: Path) -> list[tuple]:
    return query(db, "SELECT call_notes FROM debriefs")


def test_call_notes_survive_sigkill_mid_typing_and_fill_the_debrief(terminal: Terminal, db: Path):
    seeded = prep_cli("--db", db, "add", "Call test", "--with", "Dana", "--at", "now")
    assert seeded.returncode == 0, seeded.stderr

    terminal.start("--db", db)
    terminal.wait_until(lambda s: AGENDA in s and "Call test" in s, "the seeded meeting")
    # Under way: enter opens the call screen, its notes focused (no asks planned).
    terminal.burst("Enter", TEXT)
    terminal.wait_until(
        lambda _: call_notes(db) == [(TEXT,)], "the notes to reach the database", timeout=10
    )

    # Killed while more keys are arriving.
    terminal.burst(" and more")
    pid = terminal.prep_pid()
    assert str(PREP) in command_line(pid)
    os.kill(pid, signal.SIGKILL)
    assert terminal.wait_exit() == 128 + signal.SIGKILL

    [(kept,)] = call_notes(db)
    print(f"kept after kill -9: {kept!r}")
    assert kept.startswith(TEXT)
    assert query(db, "PRAGMA integrity_check") == [("ok",)]

    terminal.start("--db", db, session="again")
    terminal.wait_until(lambda s: AGENDA in s and "Call test" in s, "the agenda again")
    terminal.send("Enter")
    terminal.wait_until(lambda s: CALL in s and TEXT in s, "the saved notes on the call screen")
    terminal.send("Escape")
    terminal.wait_for(AGENDA)
    terminal.send("b")
    terminal.wait_until(
        lambda s: "Noted during the call" in s and TEXT in s, "the notes in the debrief"
    )
    terminal.send("Escape")
    terminal.wait_for(AGENDA)
    terminal.send("C-q")
    assert terminal.wait_exit() == 0
    assert call_notes(db)[0][0].startswith(TEXT)
