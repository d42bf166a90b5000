"""A kept checklist refilled for another meeting, in a real terminal: the
installed `prep` in tmux, keys sent in bursts, the file read back."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import Terminal, prep_cli, query

pytestmark = pytest.mark.e2e

AGENDA = "debriefs and weekly review"
SECRET = "Zanzibar"


def holding_back(db: Path) -> list[tuple]:
    return query(
        db,
        "SELECT m.title, c.holding_back FROM checklists c JOIN meetings m ON m.id = c.meeting_id"
        " ORDER BY m.starts_at_utc",
    )


def test_the_second_checklist_shows_nothing_typed_in_the_first(terminal: Terminal, db: Path):
    for title, who, when in (
        ("Scope change", "Dana", "tomorrow 10am"),
        ("Budget", "Kofi", "tomorrow 3pm"),
    ):
        added = prep_cli("--db", db, "add", title, "--with", who, "--at", when)
        assert added.returncode == 0, added.stderr

    terminal.start("--db", db)
    terminal.wait_until(lambda s: AGENDA in s and "Budget" in s, "the seeded meetings")
    terminal.burst("p", "Tab", SECRET)
    terminal.wait_until(lambda s: "Scope change" in s and SECRET in s, "A's checklist, typed in")
    terminal.send("Escape")
    terminal.wait_for(AGENDA)
    terminal.wait_until(lambda _: ("Scope change", SECRET) in holding_back(db), "A saved")

    # Down to B and straight into its checklist: prep reads keys in order.
    terminal.burst("Down", "p", "Tab", "Quiet")
    screen = terminal.wait_until(
        lambda s: "Budget" in s and "with Kofi" in s and "Quiet" in s, "B's checklist"
    )
    assert SECRET not in screen, screen
    terminal.send("Escape")
    terminal.wait_for(AGENDA)
    terminal.wait_until(
        lambda _: holding_back(db) == [("Scope change", SECRET), ("Budget", "Quiet")],
        "each meeting's text saved to it",
    )
    terminal.send("C-q")
    assert terminal.wait_exit() == 0
