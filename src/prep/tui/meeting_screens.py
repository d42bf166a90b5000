"""Opening a meeting from a list: the call screen while it is under way, the
debrief once it is over, else its checklist."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.widget import AwaitMount

from prep.domain.call import in_call_window
from prep.domain.models import Meeting

if TYPE_CHECKING:
    from prep.tui.app import PrepApp


def open_meeting(app: PrepApp, meeting: Meeting, on_close: Callable[[Any], None]) -> AwaitMount:
    """What enter does on a meeting in the agenda and in the weekly review.

    A meeting under way (or just over: `domain.call.CALL_GRACE`) opens the
    call screen; one over before that, its debrief; one still to come, its
    checklist. `on_close` runs when that screen is
    dismissed, so the list can refresh what changed. Await the result for
    the screen to be ready for keys (see screens/keys_in_order.py).
    """
    now = app.clock.now()
    if in_call_window(meeting, now):
        return open_call(app, meeting, on_close)
    if meeting.has_started(now):
        from prep.tui.screens.debrief import DebriefScreen

        return app.push_screen(DebriefScreen(meeting), on_close)
    from prep.tui.screens.checklist import ChecklistScreen

    return app.push_screen(ChecklistScreen(meeting), on_close)


def open_call(app: PrepApp, meeting: Meeting, on_close: Callable[[Any], None]) -> AwaitMount:
    """The call screen for `meeting`, at any time (the `c` key)."""
    from prep.tui.screens.call import CallScreen

    return app.push_screen(CallScreen(meeting), on_close)
