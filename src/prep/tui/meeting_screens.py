"""Opening a meeting from a list: the call screen while it is under way, the
debrief once it is over, else its checklist."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from prep.domain.call import in_call_window
from prep.domain.models import Meeting
from prep.tui.kept_screens import show_meeting_screen

if TYPE_CHECKING:
    from prep.tui.app import PrepApp


async def open_meeting(app: PrepApp, meeting: Meeting, on_close: Callable[[Any], None]) -> None:
    """What enter does on a meeting in the agenda and in the weekly review.

    A meeting under way (or just over: `domain.call.CALL_GRACE`) opens the
    call screen; one over before that, its debrief; one still to come, its
    checklist. `on_close` runs when that screen is
    dismissed, so the list can refresh what changed. It returns once the
    screen is ready for keys (see screens/keys_in_order.py); the screen is
    built once and refilled after that (prep.tui.kept_screens).
    """
    now = app.clock.now()
    if in_call_window(meeting, now):
        await open_call(app, meeting, on_close)
    elif meeting.has_started(now):
        await open_debrief(app, meeting, on_close)
    else:
        await open_checklist(app, meeting, on_close)


async def open_checklist(app: PrepApp, meeting: Meeting, on_close: Callable[[Any], None]) -> None:
    """The checklist for `meeting` (the `p` key)."""
    from prep.tui.screens.checklist import ChecklistScreen

    await show_meeting_screen(app, ChecklistScreen, meeting, on_close)


async def open_debrief(app: PrepApp, meeting: Meeting, on_close: Callable[[Any], None]) -> None:
    """The debrief for `meeting` (the `b` key)."""
    from prep.tui.screens.debrief import DebriefScreen

    await show_meeting_screen(app, DebriefScreen, meeting, on_close)


async def open_call(app: PrepApp, meeting: Meeting, on_close: Callable[[Any], None]) -> None:
    """The call screen for `meeting`, at any time (the `c` key)."""
    from prep.tui.screens.call import CallScreen

    await show_meeting_screen(app, CallScreen, meeting, on_close)
