"""Write an SVG screenshot of every screen to screenshots/, from the demo data.

    python3 dev.py screenshots

The clock is fixed and the database is built fresh each time, so the images
only change when the interface does.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path

from dateutil import tz

from prep.demo import fill_demo
from prep.domain.clock import FixedClock
from prep.store import open_store
from prep.tui.app import PrepApp

SIZE = (120, 40)
DEMO_NOW = datetime(2026, 11, 25, 14, 0, tzinfo=tz.gettz("Europe/London"))
OUT = Path(__file__).resolve().parents[3] / "screenshots"

Steps = Callable[[object], Awaitable[None]]


async def select(pilot, title: str) -> None:
    """Put the agenda cursor on the meeting with this title (as arrow keys would)."""
    from prep.tui.widgets.agenda_list import AgendaList

    agenda = pilot.app.screen.query_one(AgendaList)
    for index, option in enumerate(agenda.options):
        if not option.disabled and title in str(option.prompt):
            agenda.highlighted = index
            await pilot.pause()
            return
    raise LookupError(f"no agenda row for {title!r}")


async def _nothing(pilot) -> None:
    await pilot.pause()


async def _agenda_second_row(pilot) -> None:
    await select(pilot, "Pilot kick-off")


async def _new_meeting(pilot) -> None:
    await pilot.press("n")
    await pilot.press(*"Contract renewal")
    await pilot.press("tab", *"Helen Achterberg", "tab")
    await pilot.press("tab", "tab", *"tue 11am")
    await pilot.pause()


async def _bad_date(pilot) -> None:
    await pilot.press("n", *"Budget call", "tab", *"Tom Becker", "tab", "tab", "tab",
                      *"next blursday 3pm")
    await pilot.pause()


async def _edit_meeting(pilot) -> None:
    await select(pilot, "Pilot kick-off")
    await pilot.press("e")
    await pilot.pause()


async def _confirm_delete(pilot) -> None:
    await select(pilot, "Pilot kick-off")
    await pilot.press("d")
    await pilot.pause()


async def _checklist_step(step: int):
    async def steps(pilot) -> None:
        await select(pilot, "Pilot kick-off")  # part-prepared, starts in 2 h
        await pilot.press("p")
        await pilot.pause()
        for _ in range(step - 1):
            await pilot.press("pagedown")
        await pilot.pause(0.2)

    return steps


async def _checklist_frozen(pilot) -> None:
    await select(pilot, "Weekly one-to-one")  # already happened; plan frozen
    await pilot.press("p")
    await pilot.pause()


def _debrief_at(section_presses: int):
    async def steps(pilot) -> None:
        from prep.tui.screens.debrief import DebriefScreen

        app = pilot.app
        # The demo's first meeting is debriefed, so it has left the agenda.
        app.push_screen(DebriefScreen(app.store.meeting(1)))
        await pilot.pause()
        for _ in range(section_presses):
            await pilot.press("pagedown")
        await pilot.pause(0.2)

    return steps


async def _checklist_carry_over(pilot) -> None:
    # "Scope change request" with Dana: her last meeting left open items.
    await select(pilot, "Scope change request")
    await pilot.press("p")
    await pilot.pause(0.3)


async def _review(pilot) -> None:
    await pilot.press("r")
    await pilot.pause(0.5)


async def _review_last_week(pilot) -> None:
    await pilot.press("r")
    await pilot.pause(0.3)
    await pilot.press("left_square_bracket")
    await pilot.pause(0.5)


async def _people(pilot) -> None:
    await pilot.press("o")
    await pilot.pause(0.3)


async def _help(pilot) -> None:
    await pilot.press("question_mark")
    await pilot.pause()


async def _palette(pilot) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause(0.3)


SHOTS: dict[str, tuple[bool, Steps]] = {
    # name: (with demo data?, keys to reach the screen)
    "agenda": (True, _agenda_second_row),
    "agenda-empty": (False, _nothing),
    "meeting-form-new": (True, _new_meeting),
    "meeting-form-bad-date": (True, _bad_date),
    "meeting-form-edit": (True, _edit_meeting),
    "confirm-delete": (True, _confirm_delete),
    "checklist-1-hierarchy": (True, None),
    "checklist-2-expectations": (True, None),
    "checklist-3-assertiveness": (True, None),
    "checklist-4-solutions": (True, None),
    "checklist-brief": (True, None),
    "checklist-frozen": (True, _checklist_frozen),
    "checklist-carry-over": (True, _checklist_carry_over),
    "debrief": (True, None),
    "debrief-asks-and-unsaid": (True, None),
    "debrief-assertiveness": (True, None),
    "review": (True, _review),
    "review-last-week": (True, _review_last_week),
    "review-empty": (False, _review),
    "people": (True, _people),
    "help": (True, _help),
    "command-palette": (True, _palette),
}


_STEP_SHOTS = ["checklist-1-hierarchy", "checklist-2-expectations", "checklist-3-assertiveness",
               "checklist-4-solutions", "checklist-brief"]


async def shoot(name: str, with_demo: bool, steps: Steps, folder: Path, out: Path) -> Path:
    store = open_store(folder / f"{name}.db")
    clock = FixedClock(DEMO_NOW)
    if with_demo:
        fill_demo(store, DEMO_NOW)
    app = PrepApp(store, clock=clock)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await steps(pilot)
            await pilot.pause()
            app.save_screenshot(filename=f"{name}.svg", path=str(out))
    finally:
        store.close()
    return out / f"{name}.svg"


async def main(out: Path = OUT) -> None:
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for name, (with_demo, steps) in SHOTS.items():
            if name in _STEP_SHOTS:
                steps = await _checklist_step(_STEP_SHOTS.index(name) + 1)
            elif name.startswith("debrief"):
                steps = _debrief_at({"debrief": 0, "debrief-asks-and-unsaid": 1,
                                     "debrief-assertiveness": 4}[name])
            path = await shoot(name, with_demo, steps, Path(folder), out)
            print(f"wrote {path}")


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
