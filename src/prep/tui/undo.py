"""ctrl+z for a few seconds after something that cannot be edited back:
deleting a meeting, merging two people.

The store hands back a snapshot of the rows it changed; the app holds one
pending undo at a time, until it is used, replaced or expires. Expiry reads
the app's clock, so tests step past it without waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from textual.message import Message

from prep.tui.typed import prep_app

if TYPE_CHECKING:
    from textual.widget import Widget

    from prep.domain.models import Meeting
    from prep.tui.app import PrepApp

UNDO_SECONDS = 8


@dataclass(frozen=True)
class PendingUndo:
    undo: Callable[[], None]
    done_message: str
    expires_at: datetime


class Restored(Message):
    """Posted to the screen showing after an undo, so it reloads what it lists."""


def offer_undo(app: PrepApp, message: str, undo: Callable[[], None], done_message: str) -> None:
    """Tell the person MESSAGE, and let ctrl+z run UNDO for a few seconds."""
    app.pending_undo = PendingUndo(
        undo, done_message, app.clock.now() + timedelta(seconds=UNDO_SECONDS)
    )
    app.notify(f"{message} Press ctrl+z to undo.", timeout=UNDO_SECONDS, markup=False)
    app.refresh_bindings()
    # Hide the footer's key once the time is up (check_action reads the clock).
    app.set_timer(UNDO_SECONDS + 0.1, app.refresh_bindings)


def can_undo(app: PrepApp) -> bool:
    pending = app.pending_undo
    return pending is not None and app.clock.now() < pending.expires_at


def take_back(app: PrepApp) -> None:
    """ctrl+z: run the pending undo if it is still in time."""
    from prep.store import StoreError

    pending, app.pending_undo = app.pending_undo, None
    app.refresh_bindings()
    if pending is None or app.clock.now() >= pending.expires_at:
        return
    try:
        pending.undo()
    except StoreError as error:
        app.notify(f"Could not undo: {error}", severity="error", markup=False)
        return
    app.notify(pending.done_message, markup=False)
    app.screen.post_message(Restored())


# What the delete question says, wherever a meeting is deleted from.
DELETE_NOTE = "Its notes go with it (ctrl+z brings it back for a few seconds)."


def delete_meeting_undoably(widget: Widget, meeting: Meeting, *, and_later: bool = False) -> bool:
    """Delete `meeting` (with `and_later`, the later meetings of its series
    too, ending the series) and offer ctrl+z to bring it back; False (with
    a message where the person looks) if the store refused."""
    from prep.store import StoreError

    app = prep_app(widget)
    store = app.store
    try:
        if and_later:
            snapshot = store.series.delete_from(meeting.id)
        else:
            snapshot = store.delete_meeting(meeting.id)
    except StoreError as error:
        widget.notify(str(error), title="Not deleted", severity="error", markup=False)
        return False
    what = f"“{meeting.title}”" + (" and the later ones" if and_later else "")
    offer_undo(app, f"Deleted {what}.", lambda: store.restore(snapshot), f"Restored {what}.")
    return True
