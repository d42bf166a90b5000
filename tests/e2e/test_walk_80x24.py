"""The whole flow in an 80x24 terminal, every phase's keys sent at once.

A new meeting, its checklist step by step and the brief; a meeting that
has happened and its debrief; the weekly review's reflection; a person's
details. Each phase goes to tmux as one `send-keys` command with no pause
between keys (`Terminal.burst`), as a fast typist, a paste or a text
expander sends them; a phase ends at an Escape (see conftest: Escape and a
key straight after it read as alt+key). Afterwards the SQLite file must hold
every word typed, in the field it was typed for.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import Pasted, Terminal, query

pytestmark = pytest.mark.e2e

AGENDA = "debriefs and weekly review"
SIZE = (80, 24)


def one(db: Path, sql: str) -> tuple:
    [row] = query(db, sql)
    return row


def test_the_whole_flow_at_80x24_with_no_pauses(terminal: Terminal, db: Path):
    terminal.start("--db", db, size=SIZE)
    terminal.wait_for("No meetings yet")

    # -- a new meeting, then its checklist, straight on --------------------------
    terminal.burst(
        "n",
        "Q1 planning",
        "Tab",
        "Dana Whitfield",
        "Tab",
        "Tab",
        "Tab",
        "tomorrow 3pm",
        "Tab",
        "C-u",
        "45",
        "C-s",
        # The agenda selects the meeting just saved: prepare it.
        "p",
        # 1. Hierarchy: they are senior (1, the first option, over the paying
        # client filled in from the form), holding back, because, an ask.
        "1",
        "Tab",
        "That the date is soft",
        "Tab",
        "Right",
        "Tab",
        "Tab",
        "Enter",
        "I need sign-off by Friday",
        "Tab",
        "fri",
        # 2. Expectations: theirs, mine, a deadline as a range.
        "PageDown",
        "A plan for the board",
        "Tab",
        "A date we both accept",
        "Tab",
        "Enter",
        "Go-live",
        "Tab",
        "1/12",
        "Tab",
        "8/12",
        "Tab",
        "15/12",
        # 3. Assertiveness: a level, a push-back line.
        "PageDown",
        "6",
        "Tab",
        "I think differently about that",
        # 4. Solutions: a problem with two solutions.
        "PageDown",
        "Enter",
        "Late data",
        "Enter",
        "Use last quarter's export",
        "Enter",
        "Backfill in January",
        # The brief.
        "PageDown",
    )
    terminal.wait_until(lambda s: "Brief" in s and "Q1 planning" in s and "Asks" in s, "the brief")
    terminal.burst("Escape")
    terminal.wait_for(AGENDA)

    # -- a meeting that has happened, and its debrief ------------------------------
    terminal.burst(
        "n",
        "Kick-off",
        "Tab",
        "Dana Whitfield",
        "Tab",
        "Tab",
        "Tab",
        "yesterday 10am",
        "C-s",
        "b",
        # How it went, why it differs from the plan, overall 4, temperature 4.
        "They agreed the pilot",
        "Tab",
        "They had no budget yet",
        "Tab",
        "4",
        "Tab",
        "4",
        # An ask made without planning it, granted; tab past its list's
        # "+ Add" button.
        "Tab",
        "Enter",
        "Can I present it",
        "Tab",
        "Right",
        "Tab",
        # What went unsaid (tab leaves the row: enter would add another).
        "Tab",
        "Enter",
        "The budget is too small",
        "Tab",
        "Tab",
        # Assertiveness as it was: 3.
        "Tab",
        "3",
        # Feedback asked, and one answer.
        "Tab",
        "Space",
        "Tab",
        "The one-page summaries",
        # Action items: enter in the due field adds the next one.
        "Tab",
        "Tab",
        "Tab",
        "Enter",
        "Send the SOW",
        "Tab",
        "Tab",
        "fri",
        "Enter",
        "Book the room",
    )
    terminal.wait_until(lambda s: "Book the room" in s, "the second action item")
    terminal.burst("Escape")
    terminal.wait_for(AGENDA)

    # -- the weekly review: the focus for next week (the last field) ------------------
    terminal.burst("r", "BTab", "Ask for the date in writing")
    terminal.wait_for("Ask for the date in")  # the field wraps at 80 columns
    terminal.burst("Escape")
    terminal.wait_for(AGENDA)

    # -- people: Dana's organisation -------------------------------------------------
    terminal.burst("o", "e", "Tab", "Northwind", "C-s")
    terminal.wait_until(lambda s: "Northwind" in s and "Timeline" in s, "the saved person")
    terminal.burst("Escape")
    terminal.wait_for(AGENDA)
    terminal.burst("C-q")
    assert terminal.wait_exit() == 0

    # -- what the file holds ---------------------------------------------------------
    meetings = query(db, "SELECT title, duration_minutes FROM meetings ORDER BY id")
    print("meetings", meetings)
    assert meetings == [("Q1 planning", 45), ("Kick-off", 30)]
    assert query(db, "SELECT name, organisation FROM people") == [("Dana Whitfield", "Northwind")]
    checklist = one(
        db,
        "SELECT standing, holding_back, holding_back_reason IS NOT NULL, "
        "they_expect, i_expect, planned_level, pushback_line "
        "FROM checklists WHERE meeting_id = 1",
    )
    print("checklist", checklist)
    assert checklist == (
        "senior",
        "That the date is soft",
        1,
        "A plan for the board",
        "A date we both accept",
        6,
        "I think differently about that",
    )
    ask = one(db, "SELECT text, by_when IS NOT NULL FROM asks")
    assert ask == ("I need sign-off by Friday", 1)
    deadline = one(db, "SELECT label, earliest, likely, latest FROM deadlines")
    print("deadline", deadline)
    assert deadline[0] == "Go-live" and all(deadline[1:])
    assert deadline[1] < deadline[2] < deadline[3]
    problem_id, problem = one(db, "SELECT id, text FROM problems")
    assert problem == "Late data"
    assert query(
        db, "SELECT text FROM solutions WHERE problem_id = ? ORDER BY position", (problem_id,)
    ) == [("Use last quarter's export",), ("Backfill in January",)]
    debrief = one(
        db,
        "SELECT outcome, why_differ, overall, temperature, actual_level, feedback_asked, "
        "feedback_keep FROM debriefs WHERE meeting_id = 2",
    )
    print("debrief", debrief)
    assert debrief == (
        "They agreed the pilot",
        "They had no budget yet",
        4,
        4,
        3,
        1,
        "The one-page summaries",
    )
    assert query(db, "SELECT text, answer FROM unplanned_asks") == [("Can I present it", "granted")]
    assert query(db, "SELECT text FROM unsaid_items") == [("The budget is too small",)]
    actions = query(db, "SELECT text, due IS NOT NULL FROM action_items ORDER BY position")
    print("actions", actions)
    assert actions == [("Send the SOW", 1), ("Book the room", 0)]
    assert query(db, "SELECT focus FROM reflections") == [("Ask for the date in writing",)]


def test_a_paste_and_typing_around_it_land_in_order(terminal: Terminal, db: Path):
    terminal.start("--db", db, size=SIZE)
    terminal.wait_for("No meetings yet")
    terminal.burst(
        "n",
        Pasted("Quarterly review with the board"),
        " (draft)",
        "Tab",
        Pasted("Dana Whitfield"),
        "Tab",
        "Tab",
        "Tab",
        "tomorrow 9am",
        "C-s",
    )
    terminal.wait_until(lambda s: AGENDA in s and "Quarterly review" in s, "the saved meeting")
    terminal.burst("C-q")
    assert terminal.wait_exit() == 0
    assert query(
        db, "SELECT m.title, c.name FROM meetings m JOIN people c ON c.id = m.person_id"
    ) == [("Quarterly review with the board (draft)", "Dana Whitfield")]
