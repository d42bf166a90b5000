"""Values another program stored that prep cannot read, in the app: the
screens open, show what can be shown, and mark the rest where it belongs."""

from __future__ import annotations

import sqlite3
from datetime import date

from textual.widgets import Input

from prep.domain.debrief import Owner
from prep.domain.models import MeetingDraft
from prep.tui.screens.checklist import ChecklistScreen
from prep.tui.screens.debrief import DebriefScreen
from prep.tui.widgets.agenda_list import AgendaList
from prep.tui.widgets.checklist_rows import AskRow
from tests.helpers import at
from tests.tui.conftest import SIZE, paste, rows


def other_program(db_path, sql: str) -> None:
    conn = sqlite3.connect(db_path)
    try:
        conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


async def test_a_by_when_in_words_is_shown_marked_and_kept_until_replaced(make_app, store, db_path):
    meeting = store.add_meeting(MeetingDraft("Q4 review", "Dana", at(1, 10)))
    store.checklists.add_item(
        "asks", meeting.id, text="Sign-off on scope", by_when=date(2026, 12, 4)
    )
    other_program(db_path, "UPDATE asks SET by_when = 'next thursday'")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChecklistScreen)
        row = screen.query_one(AskRow)
        assert row.query_one("#ask-text", Input).value == "Sign-off on scope"
        by = row.query_one("#ask-by", Input)
        assert by.value == ""
        assert by.placeholder == "(unreadable date: 'next thursday')"
        # Opening it changed nothing on disk.
        assert rows(db_path, "SELECT by_when FROM asks") == [("next thursday",)]

        by.focus()
        await paste(pilot, "mon")
        await pilot.pause(0.5)
    assert rows(db_path, "SELECT text, by_when FROM asks") == [("Sign-off on scope", "2026-11-30")]


async def test_a_due_date_in_words_in_the_debrief(make_app, store, db_path):
    meeting = store.add_meeting(MeetingDraft("Q4 review", "Dana", at(-1, 10)))
    store.items.add("actions", meeting.id, text="Send the plan", owner=Owner.ME)
    other_program(db_path, "UPDATE action_items SET due = 'end of month'")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DebriefScreen)
        # The actions section is built when first shown: find it by its field.
        for _ in range(10):
            if screen.query("#action-due"):
                break
            await pilot.press("pagedown")
            await pilot.pause()
        due = screen.query_one("#action-due", Input)
        assert due.placeholder == "(unreadable date: 'end of month')"
    assert rows(db_path, "SELECT due FROM action_items") == [("end of month",)]


async def test_invalid_utf8_in_a_title_does_not_blank_the_agenda(make_app, store, db_path):
    store.add_meeting(MeetingDraft("Renewal terms", "Priya", at(0, 16)))
    store.add_meeting(MeetingDraft("Q4 review", "Dana", at(1, 10)))
    other_program(db_path, "UPDATE meetings SET title = CAST(X'62ad9b' AS TEXT) WHERE id = 1")
    app = make_app()
    async with app.run_test(size=SIZE):
        prompts = [
            str(o.prompt) for o in app.screen.query_one(AgendaList).options if not o.disabled
        ]
        print(f"{len(prompts)} meetings on the agenda")
        assert len(prompts) == 2
        assert any("b\ufffd\ufffd" in p for p in prompts)
        assert any("Q4 review" in p for p in prompts)
