"""Each kind of meeting screen is built once, then refilled for the next meeting.

Building a screen is most of what opening it costs: Textual composes, styles
and lays out every widget, 3–6 ms each, and the checklist's panes and the
debrief have dozens (`python3 dev.py bench`, "Screen change" rows, measures
it). So the first checklist, debrief or call screen is kept when it closes
(installed, in Textual's words) and the next meeting's data is put into the
same widgets, which changes only what differs.

A kept screen is refilled only when that is safe:
- it is not already open lower in the stack (search can open a meeting over
  its checklist): that case gets a fresh screen, removed when it closes;
- its saver has nothing pending (a save the database refused is still being
  retried): the old screen is let go (closing it hands those saves to the app,
  which goes on retrying them for the meeting they belong to) and a new one
  is built and kept in its place.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Protocol

from textual.screen import Screen

from prep.domain.models import Meeting

if TYPE_CHECKING:
    from prep.tui.app import PrepApp


class Refillable(Protocol):
    """A screen that can be shown again, refilled, instead of built again."""

    def can_refill(self) -> bool:
        """False while something typed on it is unsaved (a refused save)."""
        ...


async def show_meeting_screen(
    app: PrepApp,
    kind: Callable[[Meeting], Screen[Any]],
    meeting: Meeting,
    on_close: Callable[[Any], None],
) -> None:
    """Push the `kind` screen for `meeting`: the kept one refilled (its
    `refill(meeting)` shows that meeting with nothing left of the one shown
    before), else a new one. Returns once it is ready for keys."""
    await _show_kept(app, kind, lambda: kind(meeting), lambda kept: kept.refill(meeting), on_close)


async def show_screen(
    app: PrepApp, kind: Callable[[], Screen[Any]], on_close: Callable[[Any], None]
) -> None:
    """Push the `kind` screen (the weekly review, people): the kept one, its
    `refill()` reading everything again as on first opening, else a new one."""
    await _show_kept(app, kind, kind, lambda kept: kept.refill(), on_close)


async def _show_kept(
    app: PrepApp,
    kind: Callable[..., Screen[Any]],
    build: Callable[[], Screen[Any]],
    refill: Callable[[Any], Awaitable[None]],
    on_close: Callable[[Any], None],
) -> None:
    kept = app.kept_screens.get(kind)
    if kept is not None and kept not in app.screen_stack:
        refillable: Refillable = kept  # type: ignore[assignment]  # every kept kind is one
        if refillable.can_refill():
            # Filled while off screen, then shown: the person never sees the
            # previous meeting's data, and the first paint is the new one.
            await refill(kept)
            await app.push_screen(kept, on_close)
            return
        await forget(app, kept)
        kept = None
    screen = build()
    if kept is None:
        app.install_screen(screen, name=f"kept-{id(screen)}")
        app.kept_screens[kind] = screen
    await app.push_screen(screen, on_close)


async def forget(app: PrepApp, screen: Screen[Any]) -> None:
    """Stop keeping `screen` (not on the stack) and remove it, which runs its
    unmount handlers (a save-as-you-type screen hands over its pending saves)."""
    for kind, kept in list(app.kept_screens.items()):
        if kept is screen:
            del app.kept_screens[kind]
    app.uninstall_screen(screen)
    await screen.remove()
