"""Stopping prep in the middle of steady typing loses nothing typed more than
1.5 s before the stop: kill -9, SIGTERM, and SIGHUP from the terminal closing.

The installed `prep` runs in tmux; keys arrive every 0.12 s for a few
seconds, with no pause long enough for a save-after-a-pause rule, then prep
is stopped. Before, 10 runs of steady typing and a kill -9 kept 0 of 400
characters, and SIGHUP or SIGTERM kept 0 of 120.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.e2e.conftest import Terminal, prep_cli, query, tab_to
from tests.reliability.steady_typing import SAFE_AFTER, Typed, type_steadily

AGENDA = "debriefs and weekly review"
TYPING_FOR = 3.0
STOPS = ["SIGKILL", "SIGTERM", "SIGHUP"]


@dataclass
class Tally:
    """One soak's figures, summed over its runs."""

    runs: int = 0
    typed: int = 0
    due: int = 0  # typed more than SAFE_AFTER before the stop
    saved: int = 0
    lost: int = 0  # due but not saved
    longest_gap: float = 0.0
    statuses: list[int] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    integrity: str = ""

    def add(self, typed: Typed, due: str, saved: str) -> None:
        self.runs += 1
        self.typed += len(typed.text)
        self.due += len(due)
        self.saved += len(saved)
        self.lost += max(0, len(due) - len(saved)) if typed.text.startswith(saved) else len(due)
        self.longest_gap = max(self.longest_gap, typed.longest_gap)

    def report(self, what: str) -> str:
        exits = f", exit statuses {sorted(set(self.statuses))}" if self.statuses else ""
        return (
            f"\n{what}: {self.runs} runs, {self.typed} characters typed, {self.due} of them "
            f"more than {SAFE_AFTER} s before the stop: {self.lost} lost "
            f"({self.saved} saved in all; longest gap between keys "
            f"{self.longest_gap:.2f} s{exits}); integrity_check {self.integrity}"
        )


@pytest.fixture
def terminal(tmp_path: Path):
    term = Terminal(tmp_path)
    try:
        yield term
    finally:
        term.kill_server()


def stop(terminal: Terminal, session: str, pid: int, how: str) -> int | None:
    """Stop prep as `how` says; its exit status, if a shell lived to see it."""
    if how == "SIGHUP":
        # The terminal closes: the kernel hangs up prep's session (SIGHUP).
        terminal.tmux("kill-session", "-t", session)
        wait_gone(pid)
        return None
    os.kill(pid, getattr(signal, how))
    status = terminal.wait_exit()
    terminal.tmux("kill-session", "-t", session)
    return status


def wait_gone(pid: int, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while Path(f"/proc/{pid}").exists() and not _zombie(pid):
        if time.monotonic() > deadline:
            pytest.fail(f"prep ({pid}) was still running {timeout} s after its terminal closed")
        time.sleep(0.05)


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].startswith("Z")
    except (OSError, IndexError):
        return True


def write(db: Path, sql: str) -> None:
    conn = sqlite3.connect(db)
    try:
        with conn:
            conn.execute(sql)
    finally:
        conn.close()


def seed(db: Path) -> None:
    seeded = prep_cli("--db", db, "add", "Typing test", "--with", "Dana", "--at", "tomorrow 10am")
    assert seeded.returncode == 0, seeded.stderr


def open_checklist_field(terminal: Terminal) -> None:
    terminal.wait_until(lambda s: AGENDA in s and "Typing test" in s, "the agenda")
    terminal.send("p")
    terminal.wait_until(lambda s: "Hierarchy check" in s and "Holding back" in s, "the checklist")
    tab_to(terminal, "Holding back")


def open_meeting_form(terminal: Terminal) -> None:
    terminal.wait_until(lambda s: AGENDA in s and "Typing test" in s, "the agenda")
    terminal.send("n")
    terminal.wait_for("New meeting")
    terminal.wait_focus("Title")


def checklist_text(db: Path) -> str:
    found = query(db, "SELECT holding_back FROM checklists")
    return found[0][0] if found else ""


def draft_title(db: Path) -> str:
    found = query(db, "SELECT payload FROM drafts")
    return json.loads(found[0][0])["title"] if found else ""


PLACES = {
    # where: (reset the field before a run, get there, read what was saved)
    "checklist": ("UPDATE checklists SET holding_back = ''", open_checklist_field, checklist_text),
    "meeting form": ("DELETE FROM drafts", open_meeting_form, draft_title),
}


def soak(terminal: Terminal, db: Path, runs: int, how: str, where: str) -> Tally:
    reset, get_there, saved_text = PLACES[where]
    seed(db)
    tally = Tally()
    for run in range(runs):
        write(db, reset)
        session = f"run{run}"
        terminal.start("--db", db, session=session)
        get_there(terminal)
        pid = terminal.prep_pid()
        typed = Typed(text=f"run {run} ")
        type_steadily([(terminal, session, typed)], TYPING_FOR)
        stopped_at = time.monotonic()
        status = stop(terminal, session, pid, how)
        if status is not None:
            tally.statuses.append(status)
        saved = saved_text(db)
        due = typed.older_than(stopped_at)
        tally.add(typed, due, saved)
        if not (typed.text.startswith(saved) and saved.startswith(due)):
            tally.failures.append(
                f"run {run}: typed {typed.text!r}; {due!r} was typed over "
                f"{SAFE_AFTER} s before the stop, {saved!r} was saved"
            )
    tally.integrity = query(db, "PRAGMA integrity_check")[0][0]
    return tally


@pytest.mark.parametrize("how", STOPS)
@pytest.mark.parametrize("where", list(PLACES))
def test_steady_typing_survives_a_stop(
    terminal: Terminal, tmp_path: Path, runs: int, how: str, where: str
):
    tally = soak(terminal, tmp_path / "prep.db", runs, how, where)
    print(tally.report(f"{how} while typing in the {where}"))
    assert tally.failures == []
    assert tally.lost == 0
    assert tally.integrity == "ok"
    if how == "SIGTERM":
        # Saved, then ended by its own hand rather than killed by the signal.
        assert set(tally.statuses) <= {0, 128 + signal.SIGTERM}


def process_state(pid: int) -> str:
    return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0]


def test_suspending_saves_everything_first(terminal: Terminal, tmp_path: Path, runs: int):
    """SIGTSTP (a suspend) right after the last key shows: while prep is
    stopped, the file already holds every character on screen."""
    db = tmp_path / "prep.db"
    seed(db)
    terminal.start("--db", db, session="suspend")
    open_checklist_field(terminal)
    pid = terminal.prep_pid()
    typed = Typed()
    short = 0
    for run in range(runs):
        more = Typed(text=f"run {run} ")
        type_steadily([(terminal, "suspend", more)], 1.0)
        typed.text += more.text
        tail = typed.text[-20:]
        # On screen: prep has the keys, and its save-after-a-pause timer
        # (0.3 s) has most likely not run yet.
        terminal.wait_until(lambda s, tail=tail: tail in s, "the last keys on screen")
        os.kill(pid, signal.SIGTSTP)
        deadline = time.monotonic() + 15
        while process_state(pid) != "T" and time.monotonic() < deadline:
            time.sleep(0.02)
        assert process_state(pid) == "T"
        stored = checklist_text(db)
        short += len(typed.text) - len(stored)
        os.kill(pid, signal.SIGCONT)
    terminal.send("Escape")
    terminal.wait_for(AGENDA)
    terminal.send("C-q")
    status = terminal.wait_exit()
    print(
        f"\nSIGTSTP right after typing: {runs} suspends, {len(typed.text)} characters typed, "
        f"{short} missing from the file while suspended; exit status {status}"
    )
    assert short == 0
    assert status == 0
    assert checklist_text(db) == typed.text
