"""Visual regressions: the agenda and the form, fixed size and fixed clock.

Update after an intended change with: python3 dev.py test --snapshot-update
"""

from __future__ import annotations

from prep.demo import fill_demo
from prep.tui.app import PrepApp
from tests.helpers import NOW
from tests.tui.conftest import SIZE


def demo_app(store, clock) -> PrepApp:
    fill_demo(store, NOW)
    return PrepApp(store, clock=clock)


async def settle(pilot) -> None:
    await pilot.pause()


def test_agenda(snap_compare, store, clock):
    assert snap_compare(demo_app(store, clock), terminal_size=SIZE, run_before=settle)


def test_agenda_empty(snap_compare, store, clock):
    assert snap_compare(PrepApp(store, clock=clock), terminal_size=SIZE, run_before=settle)


def test_new_meeting_form_with_parsed_date(snap_compare, store, clock):
    async def fill(pilot) -> None:
        await pilot.pause()
        await pilot.press("n", *"Contract renewal", "tab", *"Helen Achterberg")
        await pilot.press("tab", "tab", "tab", *"tue 11am")
        await pilot.pause()

    assert snap_compare(demo_app(store, clock), terminal_size=SIZE, run_before=fill)


def test_meeting_form_with_a_bad_date(snap_compare, store, clock):
    async def fill(pilot) -> None:
        await pilot.pause()
        await pilot.press("n", *"Budget call", "tab", *"Tom Becker", "tab", *"31/02 3pm")
        await pilot.pause()

    assert snap_compare(demo_app(store, clock), terminal_size=SIZE, run_before=fill)


def test_edit_form(snap_compare, store, clock):
    async def open_edit(pilot) -> None:
        await pilot.pause()
        await pilot.press("down", "down", "down", "e")
        await pilot.pause()

    assert snap_compare(demo_app(store, clock), terminal_size=SIZE, run_before=open_edit)
