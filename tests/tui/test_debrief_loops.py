"""The debrief closes two of the checklist's loops: plan against reality
(what each side expected, and why the two differ) and asks made without
being planned. Keys are sent with no pauses (`burst`), then the SQLite file
is read with plain sqlite3 and the debrief printed as `prep debrief` does.
"""

from __future__ import annotations

from textual.widgets import Static

from prep.cli import main
from prep.domain.models import MeetingDraft
from prep.tui.screens.debrief import NOT_IN_PLAN, DebriefScreen
from prep.tui.widgets.agenda_list import AgendaList
from prep.tui.widgets.debrief_rows import UnplannedAskRow
from tests.helpers import at
from tests.tui.conftest import SIZE, burst, rows, typed

UNPLANNED = "SELECT text, answer FROM unplanned_asks WHERE meeting_id = ? ORDER BY position, id"


def seed(store, *, expectations: bool) -> int:
    """Yesterday's meeting with Dana, no asks planned; with or without what
    each side expected written in step 1."""
    meeting = store.add_meeting(MeetingDraft("Pilot review", "Dana Whitfield", at(-1, 10)))
    if expectations:
        store.checklists.set_field(meeting.id, "they_expect", "A go-live date")
        store.checklists.set_field(meeting.id, "i_expect", "Sign-off on the budget")
    return meeting.id


async def open_debrief(pilot, meeting_id: int) -> DebriefScreen:
    assert pilot.app.screen.query_one(AgendaList).selected_meeting_id == meeting_id
    await pilot.press("b")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, DebriefScreen)
    return screen


def expected_text(screen: DebriefScreen) -> str:
    return str(screen.query_one("#expected", Static).render())


async def test_why_differ_and_unplanned_asks_typed_without_pauses_are_stored_and_printed(
    make_app, store, db_path, capsys
):
    m = seed(store, expectations=True)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_debrief(pilot, m)
        shown = expected_text(screen)
        assert "They expected  A go-live date" in shown
        assert "You expected  Sign-off on the budget" in shown

        keys = [
            *typed("Budget signed"),
            "tab",  # outcome -> why the two differ
            *typed("They had no date yet"),
            "pagedown",  # Your direct asks: none planned, so "+ Add unplanned ask"
            "enter",
            *typed("Can I hire a contractor?"),
            "tab",  # its answer
            "right",  # Granted
            "shift+tab",
            "enter",  # a second unplanned ask, after the first
            *typed("Move the review"),
        ]
        await burst(pilot, *keys)
        print(f"sent {len(keys)} keys in one burst")
        assert [r.query_one("#unplanned-text").value for r in screen.query(UnplannedAskRow)] == [
            "Can I hire a contractor?",
            "Move the review",
        ]
        await pilot.press("escape")  # saves what is still waiting
        await pilot.pause()

    assert rows(db_path, "SELECT outcome, why_differ FROM debriefs WHERE meeting_id = ?", (m,)) == [
        ("Budget signed", "They had no date yet")
    ]
    stored = rows(db_path, UNPLANNED, (m,))
    print(f"unplanned asks stored: {len(stored)}")
    assert stored == [("Can I hire a contractor?", "granted"), ("Move the review", None)]

    assert main(["--db", str(db_path), "debrief", str(m)]) == 0
    printed = capsys.readouterr().out
    assert "- They expected: A go-live date\n- I expected: Sign-off on the budget" in printed
    assert "### Why the two differ\n\nThey had no date yet" in printed
    assert "| Unplanned ask: Can I hire a contractor? | Asked — granted |" in printed
    assert "| Unplanned ask: Move the review | Asked |" in printed


async def test_a_plan_without_expectations_says_so_and_a_stored_unplanned_ask_reloads(
    make_app, store, db_path
):
    m = seed(store, expectations=False)
    store.items.add("unplanned", m, text="Can I present at the board?")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_debrief(pilot, m)
        shown = expected_text(screen)
        assert shown.count(NOT_IN_PLAN) == 2, shown
        [row] = screen.query(UnplannedAskRow)
        assert row.query_one("#unplanned-text").value == "Can I present at the board?"
        # Remove it with ctrl+r from its text field.
        row.query_one("#unplanned-text").focus()
        await pilot.pause()
        await burst(pilot, "ctrl+r")
        await pilot.press("escape")
        await pilot.pause()
    assert rows(db_path, UNPLANNED, (m,)) == []
