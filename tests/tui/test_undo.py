"""ctrl+z after deleting a meeting or merging two people, by real key presses;
then every table compared with how it stood before."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable

from prep.domain.models import MeetingDraft
from prep.tui.app import PrepApp
from prep.tui.screens.agenda import AgendaScreen
from prep.tui.screens.confirm import ConfirmScreen
from prep.tui.undo import UNDO_SECONDS
from prep.tui.widgets.agenda_list import AgendaList
from tests.helpers import at
from tests.store.test_undo import every_table, fully_written_meeting
from tests.tui.conftest import SIZE
from tests.tui.test_people import open_people, seed, select_dana


def messages(app: PrepApp) -> list[str]:
    return [n.message for n in app._notifications]


def undo_offered(app: PrepApp) -> bool:
    return any(b.binding.key == "ctrl+z" and b.enabled for b in app.screen.active_bindings.values())


async def delete_selected(pilot, meeting_id: int) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, AgendaScreen)
    screen.refresh_agenda(select_id=meeting_id)
    await pilot.pause()
    assert screen.query_one(AgendaList).selected_meeting_id == meeting_id
    await pilot.press("d")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ConfirmScreen)
    await pilot.press("y")
    await pilot.pause()


async def test_ctrl_z_after_a_delete_restores_every_row(store, clock, db_path):
    meeting_id = fully_written_meeting(store)
    before = every_table(db_path)
    app = PrepApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        assert not undo_offered(app)
        await delete_selected(pilot, meeting_id)
        assert messages(app)[-1] == "Deleted “Pilot review”. Press ctrl+z to undo."
        assert undo_offered(app)
        assert meeting_id not in {m.id for m in store.all_meetings()}

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert messages(app)[-1] == "Restored “Pilot review”."
        assert not undo_offered(app)
        assert every_table(db_path) == before
        agenda = app.screen.query_one(AgendaList)
        assert f"m{meeting_id}" in [
            agenda.get_option_at_index(i).id for i in range(agenda.option_count)
        ]

        await pilot.press("ctrl+z")  # once only: a second press does nothing
        await pilot.pause()
    assert every_table(db_path) == before


async def test_the_undo_expires(store, clock, db_path):
    meeting = store.add_meeting(MeetingDraft("Gone for good", "Dana", at(1, 10)))
    app = PrepApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await delete_selected(pilot, meeting.id)
        assert undo_offered(app)
        clock.instant += timedelta(seconds=UNDO_SECONDS)
        app.refresh_bindings()
        await pilot.pause()
        assert not undo_offered(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
    assert store.all_meetings() == []


async def test_a_delete_from_the_edit_form_can_be_undone_on_the_agenda(store, clock, db_path):
    meeting = store.add_meeting(MeetingDraft("Delete me", "Dana", at(1, 10)))
    store.checklists.set_field(meeting.id, "they_expect", "Numbers")
    before = every_table(db_path)
    app = PrepApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "ctrl+d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert store.all_meetings() == []
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.screen.query_one(AgendaList).selected_meeting_id == meeting.id
    assert every_table(db_path) == before


async def test_ctrl_z_after_a_merge_brings_both_people_back(store, clock, db_path):
    seed(store)
    before = every_table(db_path)
    app = PrepApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        await select_dana(pilot, screen)
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("enter")  # Dana W
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert screen.query_one(DataTable).row_count == 2
        assert messages(app)[-1] == "Merged Dana W into Dana Whitfield. Press ctrl+z to undo."

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert messages(app)[-1] == "Dana W and Dana Whitfield are apart again."
        assert screen.query_one(DataTable).row_count == 3
    assert every_table(db_path) == before
