"""Moving the focus at once, so keys typed after it follow it."""

from __future__ import annotations

from textual.widget import Widget


def focus_now(widget: Widget, *, scroll_visible: bool = True) -> None:
    """Give `widget` the focus now, not later.

    Textual hands each key to the widget focused when the app reads the key.
    `Widget.focus()` moves the focus later, from the back of the app's queue,
    behind any keys already typed: a fast typist's next characters would land
    in the field being left. Every focus move that follows a key press goes
    through here instead.
    """
    widget.screen.set_focus(widget, scroll_visible=False)
    if scroll_visible:
        # Once laid out: a widget just mounted or shown has no place yet, and
        # Textual's own scroll (to the centre, when the screen next gets to
        # it) landed differently depending on when that was.
        widget.call_after_refresh(widget.scroll_visible, animate=False)
