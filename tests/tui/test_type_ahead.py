"""Keys typed ahead land where they were meant to, in the order typed.

Every test sends its keys in one burst (`burst`), none waiting for the one
before to be handled, as a fast typist, a paste or a text expander does,
and then reads back the fields and the SQLite file.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static, TextArea

from prep.domain.models import MeetingDraft
from prep.tui.screens.agenda import AgendaScreen
from prep.tui.screens.checklist import ChecklistScreen
from prep.tui.screens.confirm import ConfirmScreen
from prep.tui.screens.meeting_form import MeetingFormScreen
from prep.tui.widgets.agenda_list import AgendaList
from prep.tui.widgets.item_list import ItemList
from tests.helpers import at
from tests.tui.conftest import SIZE, burst, rows, typed


def value(app, selector: str) -> str:
    return app.screen.query_one(selector, Input).value


async def test_n_and_typing_at_once_fills_the_new_form(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "n", *typed("Abc"), "tab", *typed("Def"))
        assert isinstance(app.screen, MeetingFormScreen)
        print("title", repr(value(app, "#title")), "person", repr(value(app, "#person")))
        assert (value(app, "#title"), value(app, "#person")) == ("Abc", "Def")


async def test_tab_and_enter_in_an_open_form_move_on_before_the_next_key(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await burst(
            pilot,
            *typed("Abc"),
            "tab",
            *typed("Def"),
            "enter",
            "enter",
            "enter",
            *typed("tomorrow 3pm"),
            "enter",
            "ctrl+u",
            *typed("45"),
            "ctrl+s",
        )
        assert isinstance(app.screen, AgendaScreen)
    assert rows(
        db_path,
        "SELECT m.title, c.name, m.starts_at, m.duration_minutes "
        "FROM meetings m JOIN people c ON c.id = m.person_id",
    ) == [("Abc", "Def", "2026-11-28T15:00+00:00", 45)]


async def test_escape_and_y_at_once_discard_the_form(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await burst(
            pilot,
            "n",
            *typed("Oops"),
            "escape",
            "y",
            "n",
            *typed("Kept"),
            "tab",
            *typed("Dana"),
            "tab",
            "tab",
            "tab",
            *typed("fri 10am"),
            "ctrl+s",
        )
        assert isinstance(app.screen, AgendaScreen)
    assert rows(db_path, "SELECT title FROM meetings") == [("Kept",)]


async def test_entering_a_filled_field_puts_the_caret_at_the_end(make_app, store, db_path):
    store.save_draft(
        "meeting-form:new",
        {"title": "1:1", "person": "Marcus Ob", "when": "", "duration": "30", "notes": ""},
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "n", "tab", "i")  # the restored name, and one more letter
        assert value(app, "#person") == "Marcus Obi"  # not "i": nothing was selected


async def test_a_field_left_shows_the_start_of_its_text(make_app, store):
    meeting = store.add_meeting(MeetingDraft("Data", "Dana", at(1, 10)))
    long_text = (
        "I need the test data delivered by Friday, or UAT slips a week; "
        "the last export is still not delivered, blocking UAT"
    )
    store.checklists.set_field(meeting.id, "holding_back", "")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await burst(pilot, "tab", *typed(long_text), "tab")
        field = app.screen.query_one("#holding_back", Input)
        assert field.value == long_text and not field.has_focus
        print("scrolled", field.scroll_offset.x, "of", len(long_text))
        assert field.scroll_offset.x == 0


async def test_pagedown_and_typing_lands_in_the_next_step(make_app, store, db_path):
    meeting = store.add_meeting(MeetingDraft("Plan", "Dana", at(1, 10)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "p", "pagedown", *typed("A signed plan"))
        assert isinstance(app.screen, ChecklistScreen)
        assert app.screen.query_one("#they_expect", TextArea).text == "A signed plan"
        app.screen.saver.flush()
    assert rows(
        db_path,
        "SELECT they_expect, holding_back FROM checklists WHERE meeting_id = ?",
        (meeting.id,),
    ) == [("A signed plan", "")]


async def test_enter_on_add_and_typing_at_once_fills_the_new_row(make_app, store, db_path):
    meeting = store.add_meeting(MeetingDraft("Plan", "Dana", at(1, 10)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "pagedown", "pagedown", "pagedown")  # step 4: problems
        await pilot.pause()
        add = app.screen.query_one("#problems", ItemList).query_one(".add-item")
        app.screen.set_focus(add)
        await burst(
            pilot,
            "enter",
            *typed("Late data"),
            "enter",
            *typed("Use last quarter's"),
            "enter",
            *typed("Backfill later"),
        )
        app.screen.saver.flush()
    problems = rows(db_path, "SELECT id, text FROM problems WHERE meeting_id = ?", (meeting.id,))
    assert [text for _, text in problems] == ["Late data"]  # no empty row left behind
    assert rows(
        db_path,
        "SELECT text FROM solutions WHERE problem_id = ? ORDER BY position",
        (problems[0][0],),
    ) == [("Use last quarter's",), ("Backfill later",)]


async def test_enter_in_an_action_items_due_field_adds_the_next_item(make_app, store, db_path):
    meeting = store.add_meeting(MeetingDraft("Call", "Dana", at(-1, 10)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        await pilot.pause()
        actions = app.screen.query_one("#actions", ItemList)
        app.screen.set_focus(actions.query_one(".add-item"))
        await burst(
            pilot,
            "enter",
            *typed("Send SOW"),
            "tab",
            "tab",
            *typed("fri"),
            "enter",
            *typed("Book room"),
        )
        focused = app.focused
        print("focused", focused.id if focused else None)
        assert focused is not None and focused.id == "action-text"
        app.screen.saver.flush()
    assert rows(
        db_path,
        "SELECT text, due FROM action_items WHERE meeting_id = ? ORDER BY position",
        (meeting.id,),
    ) == [("Send SOW", "2026-12-04"), ("Book room", None)]  # fri: next Friday


@pytest.mark.parametrize("size", [SIZE, (80, 24)], ids=["120x36", "80x24"])
async def test_u_unlocks_straight_into_the_first_field(make_app, store, db_path, size):
    """At 80 columns too, where the step list the frozen plan focuses is hidden."""
    meeting = store.add_meeting(MeetingDraft("Done", "Dana", at(-1, 10)))
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await burst(pilot, "p", "u", "right")  # "They are": the first option
        assert app.focused is not None and app.focused.id == "position"
    [(position,)] = rows(
        db_path, "SELECT standing FROM checklists WHERE meeting_id = ?", (meeting.id,)
    )
    assert position is not None


async def test_d_and_y_at_once_delete_the_meeting(make_app, store, db_path):
    store.add_meeting(MeetingDraft("Gone", "Dana", at(1, 10)))
    store.add_meeting(MeetingDraft("Stays", "Dana", at(2, 10)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "d", "y")
        assert isinstance(app.screen, AgendaScreen)
    assert rows(db_path, "SELECT title FROM meetings") == [("Stays",)]


async def test_a_reflection_typed_while_the_week_loads_is_kept(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "r", "tab", *typed("Asked directly twice"))
        for _ in range(40):  # the report loads in a worker
            await pilot.pause(0.05)
            if app.screen.shown_week == app.screen.monday:
                break
        assert app.screen.query_one("#went_well", TextArea).text == "Asked directly twice"
        app.screen.saver.flush()
    assert rows(db_path, "SELECT went_well FROM reflections") == [("Asked directly twice",)]


async def test_x_keeps_the_place_and_ctrl_z_undoes_it(make_app, store, db_path):
    from prep.domain.debrief import Owner

    first = store.add_meeting(MeetingDraft("Call", "Dana", at(-1, 10)))
    store.add_meeting(MeetingDraft("Next", "Dana", at(3, 10)))
    one = store.items.add("actions", first.id, text="Send SOW", owner=Owner.ME)
    two = store.items.add("actions", first.id, text="Book room", owner=Owner.ME)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        agenda = app.screen.query_one(AgendaList)
        agenda.highlighted = agenda.get_option_index(f"a{one}")
        await burst(pilot, "x")
        assert agenda.selected_action_id == two  # the cursor stays where it was
        assert rows(
            db_path, "SELECT done_at IS NOT NULL FROM action_items WHERE id = ?", (one,)
        ) == [(1,)]
        toasts = [str(n.message) for n in app._notifications]
        assert any("Press ctrl+z to undo" in message for message in toasts)
        await burst(pilot, "ctrl+z")
        assert agenda.selected_action_id == one
    assert rows(db_path, "SELECT done_at FROM action_items WHERE id = ?", (one,)) == [(None,)]


async def test_check_boxes_read_ticked_or_not(make_app, store):
    store.add_meeting(MeetingDraft("Plan", "Dana", at(1, 10)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        box = app.screen.query_one("#no_asks")
        assert str(box.render()).startswith("[ ]")
        app.screen.set_focus(box)
        await burst(pilot, "space")
        assert str(box.render()).startswith("[✓]")
        assert isinstance(app.screen.query_one(".missing", Static), Static)


async def test_a_confirm_typed_ahead_of_its_dialog_answers_it(make_app, store, db_path):
    store.add_meeting(MeetingDraft("Gone", "Dana", at(1, 10)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "e", "ctrl+d", "y")
        assert isinstance(app.screen, AgendaScreen), app.screen
        assert not isinstance(app.screen, ConfirmScreen)
    assert rows(db_path, "SELECT count(*) FROM meetings") == [(0,)]


async def test_editing_keys_keep_their_place_among_typed_ones(make_app, store, db_path):
    """Keys a widget handles by a binding (arrows, backspace) used to be run
    after the keys behind them: "→" then tab moved the next field's caret,
    and backspace deleted the letter typed after it."""
    meeting = store.add_meeting(MeetingDraft("Plan", "Dana", at(1, 10)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await burst(
            pilot,
            "p",
            "left",  # from "Paying client", filled in from the person
            "left",
            "tab",
            *typed("abd"),
            "backspace",
            "c",
            "left",
            "left",
            "X",
        )
        assert value(app, "#holding_back") == "aXbc"
        app.screen.saver.flush()
    assert rows(
        db_path, "SELECT standing, holding_back FROM checklists WHERE meeting_id = ?", (meeting.id,)
    ) == [("peer", "aXbc")]
