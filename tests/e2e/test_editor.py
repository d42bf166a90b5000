"""ctrl+g in a real terminal: prep suspends, the editor writes, prep resumes
with the text and saves it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from prep.domain.clock import SystemClock
from prep.domain.models import MeetingDraft
from prep.store import open_store
from tests.e2e.conftest import Terminal, query

pytestmark = pytest.mark.e2e

EDITOR = 'sh -c \'printf "Edited in the editor" > "$1"\' --'


def seed_started_meeting(db) -> int:
    clock = SystemClock()
    store = open_store(db, clock=clock)
    try:
        meeting = store.add_meeting(
            MeetingDraft("Pilot review", "Dana", clock.now() - timedelta(hours=2))
        )
        store.debriefs.set_field(meeting.id, "outcome", "Typed first")
        return meeting.id
    finally:
        store.close()


def test_ctrl_g_in_the_debrief_outcome_runs_the_editor_and_saves(terminal: Terminal, db):
    meeting_id = seed_started_meeting(db)
    terminal.start("--db", db, env={"EDITOR": EDITOR})
    terminal.wait_for("Pilot review")
    terminal.send("b")
    terminal.wait_for("Typed first")
    terminal.send("C-g")
    terminal.wait_for("Edited in the editor")
    assert "Typed first" not in terminal.screen()
    terminal.send("C-q")
    assert terminal.wait_exit() == 0
    assert query(db, "SELECT outcome FROM debriefs WHERE meeting_id = ?", (meeting_id,)) == [
        ("Edited in the editor",)
    ]


def test_a_failing_editor_is_one_line_and_the_text_stays(terminal: Terminal, db):
    meeting_id = seed_started_meeting(db)
    terminal.start("--db", db, env={"EDITOR": "sh -c 'exit 4'"})
    terminal.wait_for("Pilot review")
    terminal.send("b")
    terminal.wait_for("Typed first")
    terminal.send("C-g")
    terminal.wait_for("exited with status 4; the text is unchanged.")
    terminal.send("C-q")
    assert terminal.wait_exit() == 0
    assert query(db, "SELECT outcome FROM debriefs WHERE meeting_id = ?", (meeting_id,)) == [
        ("Typed first",)
    ]
