"""Opening a meeting from a list: the debrief once it has started, else its checklist."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.widget import AwaitMount

from prep.domain.models import Meeting

if TYPE_CHECKING:
    from prep.tui.app import PrepApp


def open_meeting(app: PrepApp, meeting: Meeting, on_close: Callable[[Any], None]) -> AwaitMount:
    """What enter does on a meeting in the agenda and in the weekly review.

    A meeting that has started (under way or over) opens its debrief; one
    still to come opens its checklist. `on_close` runs when that screen is
    dismissed, so the list can refresh what changed. Await the result for
    the screen to be ready for keys (see screens/keys_in_order.py).
    """
    if meeting.has_started(app.clock.now()):
        from prep.tui.screens.debrief import DebriefScreen

        return app.push_screen(DebriefScreen(meeting), on_close)
    from prep.tui.screens.checklist import ChecklistScreen

    return app.push_screen(ChecklistScreen(meeting), on_close)
