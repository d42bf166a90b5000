"""A one-line text field that costs a repaint per keystroke, not a screen layout."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class TextField(Input):
    """Textual's Input, minus a whole-screen re-layout on every character.

    Input keeps its virtual size equal to the length of its text, and the
    virtual size is a layout-flagged reactive, so each key re-arranges every
    widget on the screen. On the checklist (about 70 widgets laid out) that is
    two thirds of what a key costs, about 5 ms. prep's fields never size
    themselves to their text (their width comes from the form), so a repaint
    is enough: horizontal scrolling reads the virtual size directly and still
    follows the cursor.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
