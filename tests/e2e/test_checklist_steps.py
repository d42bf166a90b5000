"""The checklist in a real terminal: choices by arrow keys, steps built as shown.

Choices are prep's own one-widget picker, and the panes of steps 2 to 4 are
built the first time they are shown; both are checked here through the
installed `prep` in tmux, with the saved rows read back from the file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import Terminal, cursor_on, prep_cli, query

pytestmark = pytest.mark.e2e

AGENDA = "debriefs and weekly review"


def checklist(db: Path) -> list[tuple]:
    return query(db, "SELECT standing, premortem FROM checklists")


def test_a_choice_by_arrows_and_a_field_on_a_later_step_both_save(terminal: Terminal, db: Path):
    seeded = prep_cli("--db", db, "add", "Steps test", "--with", "Dana", "--at", "tomorrow 10am")
    assert seeded.returncode == 0, seeded.stderr

    terminal.start("--db", db)
    terminal.wait_until(lambda s: AGENDA in s and "Steps test" in s, "the seeded meeting")
    terminal.send("p")
    terminal.wait_until(lambda s: "Hierarchy check" in s and "They are" in s, "the checklist")

    # "They are" has the focus, filled in from the person (a new person is a
    # senior client, so "Paying client"): ← steps back through the options.
    terminal.send("Left", "Left")
    screen = terminal.wait_until(lambda s: "◂ My peer ▸" in s, "the chosen option")
    [line] = [line for line in screen.splitlines() if "They are" in line]
    assert "My peer" in line
    terminal.wait_until(lambda _: checklist(db) == [("peer", "")], "the choice to be saved")

    # Step 2 is built when first shown, and the focus lands in its first field
    # before the next key is read: the rest can follow at once.
    terminal.burst("PageDown", "Tab", "Tab", "Tab", "We argue dates first")
    terminal.wait_until(lambda s: "Expectation review" in s and "Premortem" in s, "step 2")
    assert cursor_on(terminal, "Premortem", timeout=5), terminal.screen()
    terminal.wait_until(
        lambda _: checklist(db) == [("peer", "We argue dates first")],
        "the premortem to be saved",
        timeout=10,
    )

    terminal.send("Escape")
    terminal.wait_for(AGENDA)
    terminal.send("C-q")
    assert terminal.wait_exit() == 0
