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
from dataclasses import dataclass
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

    screen = pilot.app.screen
    agenda = screen.query_one(AgendaList)
    # By the meeting's title, not the row's text: a narrow row shortens it.
    ids = {f"m{meeting.id}" for meeting in screen._meetings.values() if meeting.title == title}
    for index, option in enumerate(agenda.options):
        if option.id in ids:
            agenda.highlighted = index
            await pilot.pause()
            return
    raise LookupError(f"no agenda row for {title!r}")


async def paste(pilot, text: str) -> None:
    """Put `text` into the focused field as a person pasting it does: one
    bracketed paste (Textual's `events.Paste`, posted to the app as its
    driver posts a terminal's paste; the app hands it to the focused
    widget), then wait for the app to settle. The screen is the one typing
    gives; typed through Pilot, each key waits for the app to go idle (about
    80 ms), so these steps, and the tests, paste text whose typing they do
    not test. Into an Input only the first line goes."""
    from textual import events

    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def _nothing(pilot) -> None:
    await pilot.pause()


async def _agenda_second_row(pilot) -> None:
    await select(pilot, "Pilot kick-off")


async def fill_new_meeting(pilot, title: str, person: str, when: str) -> None:
    """From the agenda: n, then the new meeting's title, person and when,
    pasted, and the form left open (not saved)."""
    await pilot.press("n")
    await paste(pilot, title)
    await pilot.press("tab")
    await paste(pilot, person)
    await pilot.press("tab", "tab", "tab")  # past the kind and the rank
    await paste(pilot, when)


async def _new_meeting(pilot) -> None:
    await fill_new_meeting(pilot, "Contract renewal", "Helen Achterberg", "tue 11am")


async def _bad_date(pilot) -> None:
    await fill_new_meeting(pilot, "Budget call", "Tom Becker", "next blursday 3pm")


async def _edit_meeting(pilot) -> None:
    await select(pilot, "Pilot kick-off")
    await pilot.press("e")
    await pilot.pause()


async def _confirm_delete(pilot) -> None:
    await select(pilot, "Pilot kick-off")
    await pilot.press("d")
    await pilot.pause()


def _checklist_step(step: int) -> Steps:
    async def steps(pilot) -> None:
        await select(pilot, "Pilot kick-off")  # part-prepared, starts in 2 h
        await pilot.press("p")
        await pilot.pause()
        for _ in range(step - 1):
            await pilot.press("pagedown")
            await pilot.pause()
        await pilot.pause()

    return steps


async def _checklist_frozen(pilot) -> None:
    await select(pilot, "Weekly one-to-one")  # already happened; plan frozen
    await pilot.press("p")
    await pilot.pause()


def _debrief_at(section_presses: int) -> Steps:
    async def steps(pilot) -> None:
        from prep.tui.screens.debrief import DebriefScreen

        app = pilot.app
        # The demo's first meeting is debriefed, so it has left the agenda.
        app.push_screen(DebriefScreen(app.store.meeting(1)))
        await pilot.pause()
        for _ in range(section_presses):
            await pilot.press("pagedown")
            await pilot.pause()
        await pilot.pause()

    return steps


async def _checklist_carry_over(pilot) -> None:
    # "Scope change request" with Dana: her last meeting left open items.
    await select(pilot, "Scope change request")
    await pilot.press("p")
    await pilot.pause()


async def _call(pilot) -> None:
    """Twenty minutes into "Pilot kick-off": enter opens the call screen; one
    ask ticked and answered, a note typed."""
    from datetime import timedelta

    await select(pilot, "Pilot kick-off")
    meeting = next(m for m in pilot.app.screen._meetings.values() if m.title == "Pilot kick-off")
    # The screenshot's clock is a FixedClock: move it into the meeting.
    pilot.app.clock.instant = meeting.starts_at + timedelta(minutes=20)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("space", "a", "tab")
    await paste(pilot, "Sofia: sign-off by the steering committee")


async def wait_for_review(pilot) -> None:
    """The review renders its week in a worker: wait until that week is on screen."""
    for _ in range(200):
        await pilot.pause(0.05)
        screen = pilot.app.screen
        if getattr(screen, "shown_week", None) == getattr(screen, "monday", False):
            break
    await pilot.pause()


async def _review(pilot) -> None:
    await pilot.press("r")
    await wait_for_review(pilot)


async def _review_last_week(pilot) -> None:
    await _review(pilot)
    await pilot.press("left_square_bracket")
    await wait_for_review(pilot)


async def _people(pilot) -> None:
    await pilot.press("o")
    await pilot.pause()


async def _help(pilot) -> None:
    await pilot.press("question_mark")
    await pilot.pause()


async def _palette(pilot) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause(0.3)


# A calendar as Google or Outlook would export it: a weekly series with one
# occurrence moved, a one-off with two attendees, and an all-day event.
DEMO_CALENDAR = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//prep screenshots//EN
BEGIN:VEVENT
UID:weekly-sync@example.com
DTSTART;TZID=Europe/London:20261130T093000
DTEND;TZID=Europe/London:20261130T100000
RRULE:FREQ=WEEKLY;COUNT=6
SUMMARY:Weekly sync with Amara
ORGANIZER;CN=Amara Okafor:mailto:amara@client.example
END:VEVENT
BEGIN:VEVENT
UID:weekly-sync@example.com
RECURRENCE-ID;TZID=Europe/London:20261207T093000
DTSTART;TZID=Europe/London:20261208T140000
DTEND;TZID=Europe/London:20261208T143000
SUMMARY:Weekly sync with Amara (moved)
ORGANIZER;CN=Amara Okafor:mailto:amara@client.example
END:VEVENT
BEGIN:VEVENT
UID:renewal@example.com
DTSTART:20261203T150000Z
DTEND:20261203T160000Z
SUMMARY:Contract renewal
ORGANIZER;CN=Jonas Berg:mailto:jonas@customer.example
ATTENDEE;CN=Lena Fischer:mailto:lena@customer.example
END:VEVENT
BEGIN:VEVENT
UID:offsite@example.com
DTSTART;VALUE=DATE:20261210
SUMMARY:Team offsite
END:VEVENT
END:VCALENDAR
"""


async def _import_calendar(pilot) -> None:
    import tempfile
    from pathlib import Path

    from prep.tui.textual_private import notifications_shown

    # One fixed folder, so the path the notification shows (and the picture)
    # is the same on every run.
    folder = Path(tempfile.gettempdir()) / "prep-screenshot"
    folder.mkdir(mode=0o700, exist_ok=True)
    path = folder / "work.ics"
    path.write_text(DEMO_CALENDAR, encoding="utf-8")
    await pilot.press("ctrl+p")
    await pilot.pause(0.3)
    await paste(pilot, "import a calendar")
    await pilot.press("enter")
    await pilot.pause(0.3)
    await paste(pilot, str(path))
    await pilot.press("enter")
    for _ in range(40):  # the import runs in a thread, then notifies
        await pilot.pause(0.1)
        if any(n.title == "Calendar import" for n in notifications_shown(pilot.app)):
            break
    await pilot.pause(0.5)


@dataclass(frozen=True)
class Shot:
    """One screenshot: how to reach the screen, from which data, at which size."""

    steps: Steps
    with_demo: bool = True
    size: tuple[int, int] = SIZE
    notifications: bool = False  # Textual's tests hide them unless asked


SHOTS: dict[str, Shot] = {
    "agenda": Shot(_agenda_second_row),
    # The size of most terminal windows, tmux panes and SSH sessions.
    "agenda-80x24": Shot(_agenda_second_row, size=(80, 24)),
    "agenda-empty": Shot(_nothing, with_demo=False),
    "meeting-form-new": Shot(_new_meeting),
    "meeting-form-bad-date": Shot(_bad_date),
    "meeting-form-edit": Shot(_edit_meeting),
    "confirm-delete": Shot(_confirm_delete),
    "checklist-1-hierarchy": Shot(_checklist_step(1)),
    "checklist-2-expectations": Shot(_checklist_step(2)),
    "checklist-3-assertiveness": Shot(_checklist_step(3)),
    "checklist-4-solutions": Shot(_checklist_step(4)),
    "checklist-brief": Shot(_checklist_step(5)),
    "checklist-frozen": Shot(_checklist_frozen),
    "checklist-carry-over": Shot(_checklist_carry_over),
    "debrief": Shot(_debrief_at(0)),
    "debrief-asks-and-unsaid": Shot(_debrief_at(1)),
    "debrief-assertiveness": Shot(_debrief_at(4)),
    "call": Shot(_call),
    "call-80x24": Shot(_call, size=(80, 24)),
    "review": Shot(_review),
    "review-last-week": Shot(_review_last_week),
    "review-empty": Shot(_review, with_demo=False),
    "people": Shot(_people),
    "help": Shot(_help),
    "command-palette": Shot(_palette),
    "import-calendar": Shot(_import_calendar, notifications=True),
}


async def shoot(name: str, shot: Shot, folder: Path, out: Path) -> Path:
    store = open_store(folder / f"{name}.db")
    clock = FixedClock(DEMO_NOW)
    if shot.with_demo:
        fill_demo(store, DEMO_NOW)
    app = PrepApp(store, clock=clock)
    try:
        async with app.run_test(size=shot.size, notifications=shot.notifications) as pilot:
            await pilot.pause()
            await shot.steps(pilot)
            await pilot.pause()
            app.save_screenshot(filename=f"{name}.svg", path=str(out))
    finally:
        store.close()
    return out / f"{name}.svg"


async def main(out: Path = OUT) -> None:
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for name, shot in SHOTS.items():
            path = await shoot(name, shot, Path(folder), out)
            print(f"wrote {path}")


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
