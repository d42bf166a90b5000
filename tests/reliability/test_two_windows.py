"""Two copies of prep on one file, typing at once: no save fails, no meeting
is lost, the file stays intact.

Two tmux sessions run the installed `prep` on the same database. In each
round both open the new-meeting form and type a title steadily at the same
time (each window saving its draft at least once a second), then fill in
who and when and press ctrl+s within moments of each other.
"""

from __future__ import annotations

import time

import pytest

from tests.e2e.conftest import Terminal, query, tab_to
from tests.reliability.steady_typing import Typed, type_steadily

AGENDA = "debriefs and weekly review"
WINDOWS = ("left", "right")
TYPING_FOR = 2.0
# What a refused save or a crash puts on screen.
TROUBLE = ("Not saved", "busy", "Traceback", "Error")


@pytest.fixture
def terminal(tmp_path):
    term = Terminal(tmp_path)
    try:
        yield term
    finally:
        term.kill_server()


def each(terminal: Terminal, action) -> None:
    for window in WINDOWS:
        terminal.use(window)
        action()


def test_two_windows_typing_at_once_lose_nothing(terminal: Terminal, tmp_path, runs: int):
    db = tmp_path / "prep.db"
    for window in WINDOWS:
        terminal.start("--db", db, session=window)
    each(terminal, lambda: terminal.wait_for(AGENDA))

    titles: list[str] = []
    troubles: list[str] = []

    def look() -> None:
        screen = terminal.screen()
        troubles.extend(f"{terminal.target}: {word}" for word in TROUBLE if word in screen)

    for round_ in range(runs):
        each(terminal, lambda: terminal.send("n"))
        each(terminal, lambda: terminal.wait_focus("Title"))
        typed = {window: Typed(text=f"{window} {round_} ") for window in WINDOWS}
        type_steadily([(terminal, window, typed[window]) for window in WINDOWS], TYPING_FOR)
        each(terminal, look)
        each(terminal, lambda: terminal.send("Tab"))
        each(terminal, lambda: terminal.wait_focus("With"))
        each(terminal, lambda: terminal.type("Dana Shared"))
        # The hint under the name moves the fields below it; Tab after it
        # shows, or the terminal cursor is left where When used to be.
        each(
            terminal,
            lambda: terminal.wait_until(
                lambda s: "New person." in s or "Someone you have met" in s, "the name's hint"
            ),
        )
        # Past "who they are" and "where they sit" to When.
        each(terminal, lambda: terminal.send("Tab", "Tab", "Tab"))
        each(terminal, lambda: terminal.wait_focus("When"))
        each(terminal, lambda: terminal.type("tomorrow 10am"))
        # ctrl+s is a priority key: sent at once, it can overtake letters
        # still on their way to the field.
        each(terminal, lambda: terminal.wait_field("When", "tomorrow 10am"))
        each(terminal, lambda: terminal.send("C-s"))
        each(terminal, lambda: terminal.wait_for(AGENDA))
        each(terminal, look)
        titles += [typed[window].text.strip() for window in WINDOWS]

    # Fails the test unless the right window shows the left's text, and says so.
    same_field_in_both_windows(terminal, db)
    each(terminal, lambda: terminal.send("Escape"))
    each(terminal, lambda: terminal.wait_for(AGENDA))
    each(terminal, lambda: terminal.send("C-q"))
    statuses = []
    # Patient: one CI run (2026-11-30) saw a window take over 15 s to end
    # after ctrl+q with the other window quitting at the same moment; not
    # reproduced in 9 runs since, with or without load. A hang still fails.
    quit_at = time.monotonic()
    each(terminal, lambda: statuses.append(terminal.wait_exit(timeout=60)))
    print(f"both windows ended {time.monotonic() - quit_at:.1f} s after ctrl+q")

    stored = sorted(title for (title,) in query(db, "SELECT title FROM meetings"))
    people = query(db, "SELECT count(*) FROM people")[0][0]
    drafts = query(db, "SELECT count(*) FROM drafts")[0][0]
    integrity = query(db, "PRAGMA integrity_check")[0][0]
    lost = sorted(set(titles) - set(stored))
    print(
        f"\ntwo windows x {runs} rounds of steady typing and saving: "
        f"{len(troubles)} failures seen, {len(stored)} of {len(titles)} meetings stored, "
        f"{len(lost)} lost, {people} person, {drafts} drafts left, exit statuses {statuses}, "
        f"integrity_check {integrity}; the other window's text shown on focus, with a notice"
    )
    assert troubles == []
    assert lost == []
    assert len(stored) == len(titles)
    assert people == 1
    assert drafts == 0
    assert statuses == [0, 0]
    assert integrity == "ok"


def same_field_in_both_windows(terminal: Terminal, db) -> None:
    """Both windows on the first meeting's "Holding back": what the left one
    types, the right one shows when the field gets focus, and says so."""
    each(terminal, lambda: terminal.send("Home", "p"))
    each(
        terminal,
        lambda: terminal.wait_until(
            lambda s: "Hierarchy check" in s and "Holding back" in s, "the checklist"
        ),
    )
    each(terminal, lambda: tab_to(terminal, "Holding back"))
    terminal.use("left")
    terminal.type("said on the left")
    terminal.wait_until(
        lambda _: query(db, "SELECT holding_back FROM checklists") == [("said on the left",)],
        "the left window's text in the file",
    )
    terminal.use("right")
    terminal.send("BTab")
    terminal.send("Tab")
    terminal.wait_until(
        lambda s: "said on the left" in s and "in another window" in s,
        "the newer text on the right, and the notice saying why",
    )
