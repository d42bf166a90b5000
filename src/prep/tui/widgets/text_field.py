"""A one-line text field that costs a repaint per keystroke, not a screen layout."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input, TextArea


class TextField(Input):
    """Textual's Input, minus a whole-screen re-layout on every character,
    and with the caret where a person expects it.

    Input keeps its virtual size equal to the length of its text, and the
    virtual size is a layout-flagged reactive, so each key re-arranges every
    widget on the screen. On the checklist (about 70 widgets laid out) that is
    two thirds of what a key costs, about 5 ms. prep's fields never size
    themselves to their text (their width comes from the form), so a repaint
    is enough: horizontal scrolling reads the virtual size directly and still
    follows the cursor.

    Entering a field puts the caret at the end of its text without selecting
    it: with Input's select-all, the next key replaced a restored draft
    ("Marcus Ob" became "i"). Leaving a field shows its text from the start
    again, not the end the caret was at ("I need" hidden off the left edge).
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)

    def _on_focus(self, event: events.Focus) -> None:
        # Input's own focus handler runs after this one (Textual calls each
        # class's handler), and leaves the caret where this puts it.
        if not event.from_app_focus:
            self.cursor_position = len(self.value)
        # Focused before its screen was first laid out (as a screen's first
        # field is, so that keys typed ahead reach it), the field has no place
        # on screen yet: put the terminal's cursor on it once it has.
        self.call_after_refresh(self._place_terminal_cursor)

    def _place_terminal_cursor(self) -> None:
        if self.has_focus:
            self.app.cursor_position = self.cursor_screen_offset

    def _on_blur(self, event: events.Blur) -> None:
        self.scroll_home(animate=False, immediate=True, force=True)

    def on_unmount(self) -> None:
        # Input subscribes to its screen's selection signal and never lets
        # go: on a kept screen (prep.tui.kept_screens) every field of a row
        # removed for the next meeting stayed alive until text was selected.
        self.screen.text_selection_started_signal.unsubscribe(self)


def short_text(text: str = "", *, id: str, placeholder: str) -> TextArea:
    """A few wrapped lines in a form (`.short-text` in other_screens.tcss): tab moves
    on to the next field, as everywhere else in a form."""
    return TextArea(
        text,
        id=id,
        compact=True,
        soft_wrap=True,
        tab_behavior="focus",
        classes="short-text",
        placeholder=placeholder,
    )
