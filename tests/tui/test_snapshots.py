"""Visual regressions: the agenda and the form, fixed size and fixed clock.

Update after an intended change with: python3 dev.py test --snapshot-update
"""

from __future__ import annotations

from prep.tui.app import PrepApp
from prep.tui.screenshots import fill_new_meeting, select
from tests.tui.conftest import SIZE, SteadyCursorApp


def demo_app(demo_store, clock) -> PrepApp:
    return SteadyCursorApp(demo_store, clock=clock)


async def settle(pilot) -> None:
    await pilot.pause()


def test_agenda(snap_compare, demo_store, clock):
    assert snap_compare(demo_app(demo_store, clock), terminal_size=SIZE, run_before=settle)


def test_agenda_empty(snap_compare, store, clock):
    assert snap_compare(SteadyCursorApp(store, clock=clock), terminal_size=SIZE, run_before=settle)


def test_new_meeting_form_with_parsed_date(snap_compare, demo_store, clock):
    async def fill(pilot) -> None:
        await pilot.pause()
        await fill_new_meeting(pilot, "Contract renewal", "Helen Achterberg", "tue 11am")

    assert snap_compare(demo_app(demo_store, clock), terminal_size=SIZE, run_before=fill)


def test_meeting_form_with_a_bad_date(snap_compare, demo_store, clock):
    async def fill(pilot) -> None:
        await pilot.pause()
        await fill_new_meeting(pilot, "Budget call", "Tom Becker", "31/02 3pm")

    assert snap_compare(demo_app(demo_store, clock), terminal_size=SIZE, run_before=fill)


def test_edit_form(snap_compare, demo_store, clock):
    async def open_edit(pilot) -> None:
        await pilot.pause()
        await select(pilot, "Pilot kick-off")
        await pilot.press("e")
        await pilot.pause()

    assert snap_compare(demo_app(demo_store, clock), terminal_size=SIZE, run_before=open_edit)


def _checklist_at(step: int):
    async def steps(pilot) -> None:
        await pilot.pause()
        # The demo's "Pilot kick-off" today at 16:00: part-prepared, not started.
        await select(pilot, "Pilot kick-off")
        await pilot.press("p")
        await pilot.pause()
        for _ in range(step - 1):
            await pilot.press("pagedown")
            await pilot.pause()
        await pilot.pause()

    return steps


def test_checklist_hierarchy_with_a_hedge_marked(snap_compare, demo_store, clock):
    assert snap_compare(
        demo_app(demo_store, clock), terminal_size=(120, 40), run_before=_checklist_at(1)
    )


def test_checklist_expectations_with_a_deadline_range(snap_compare, demo_store, clock):
    assert snap_compare(
        demo_app(demo_store, clock), terminal_size=(120, 40), run_before=_checklist_at(2)
    )


def test_checklist_assertiveness_scale(snap_compare, demo_store, clock):
    assert snap_compare(
        demo_app(demo_store, clock), terminal_size=(120, 40), run_before=_checklist_at(3)
    )


def test_checklist_solutions_flags_an_unsolved_problem(snap_compare, demo_store, clock):
    assert snap_compare(
        demo_app(demo_store, clock), terminal_size=(120, 40), run_before=_checklist_at(4)
    )


def test_checklist_brief(snap_compare, demo_store, clock):
    assert snap_compare(
        demo_app(demo_store, clock), terminal_size=(120, 40), run_before=_checklist_at(5)
    )


def test_checklist_frozen_after_the_start(snap_compare, demo_store, clock):
    async def open_past(pilot) -> None:
        await pilot.pause()
        await select(pilot, "Weekly one-to-one")  # has already happened
        await pilot.press("p")
        await pilot.pause()

    assert snap_compare(demo_app(demo_store, clock), terminal_size=(120, 40), run_before=open_past)


def test_checklist_shows_what_is_still_open_with_them(snap_compare, demo_store, clock):
    async def open_scope_change(pilot) -> None:
        await pilot.pause()
        await select(pilot, "Scope change request")  # Dana: her last debrief left items
        await pilot.press("p")
        await pilot.pause()

    assert snap_compare(
        demo_app(demo_store, clock), terminal_size=(120, 40), run_before=open_scope_change
    )


def _debrief_at(presses: int):
    async def steps(pilot) -> None:
        from prep.tui.screens.debrief import DebriefScreen

        await pilot.pause()
        pilot.app.push_screen(DebriefScreen(pilot.app.store.meeting(1)))  # debriefed demo meeting
        await pilot.pause()
        for _ in range(presses):
            await pilot.press("pagedown")
            await pilot.pause()

    return steps


def test_debrief_top(snap_compare, demo_store, clock):
    assert snap_compare(
        demo_app(demo_store, clock), terminal_size=(120, 40), run_before=_debrief_at(0)
    )


def test_debrief_assertiveness_against_plan(snap_compare, demo_store, clock):
    assert snap_compare(
        demo_app(demo_store, clock), terminal_size=(120, 40), run_before=_debrief_at(4)
    )


async def _wait_for_review(pilot) -> None:
    """The review renders in a worker; wait until its text is on screen."""
    for _ in range(50):
        await pilot.pause(0.05)
        if getattr(pilot.app.screen, "markdown", ""):
            break
    await pilot.pause()


def test_weekly_review(snap_compare, demo_store, clock):
    async def open_review(pilot) -> None:
        await pilot.pause()
        await pilot.press("r")
        await _wait_for_review(pilot)

    assert snap_compare(
        demo_app(demo_store, clock), terminal_size=(120, 40), run_before=open_review
    )


def test_weekly_review_empty(snap_compare, store, clock):
    async def open_review(pilot) -> None:
        await pilot.pause()
        await pilot.press("r")
        await _wait_for_review(pilot)

    assert snap_compare(
        SteadyCursorApp(store, clock=clock), terminal_size=(120, 40), run_before=open_review
    )


def test_people(snap_compare, demo_store, clock):
    async def open_people(pilot) -> None:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()

    assert snap_compare(
        demo_app(demo_store, clock), terminal_size=(120, 40), run_before=open_people
    )


def test_call_screen_at_80x24(snap_compare, demo_store, clock):
    """Twenty minutes into a meeting: an ask ticked and answered, a note typed."""
    from prep.tui.screenshots import SHOTS

    async def call(pilot) -> None:
        await pilot.pause()
        await SHOTS["call"].steps(pilot)
        await pilot.pause()

    assert snap_compare(demo_app(demo_store, clock), terminal_size=(80, 24), run_before=call)
