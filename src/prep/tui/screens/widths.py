"""The terminal's width as a class on each screen, so app.tcss can lay it out to fit.

80x24 is the default terminal, tmux pane and SSH session, so every screen is
designed for 80 columns first; narrower degrades deliberately, wider uses
the room. Textual sets exactly one of these classes on a screen that names
them in `HORIZONTAL_BREAKPOINTS`, and changes it as the terminal is resized.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

if TYPE_CHECKING:
    from textual.screen import Screen

WIDTH_CLASSES: list[tuple[int, str]] = [
    (0, "-narrow"),  # under 80 columns: one pane, fewer table columns, fields stacked
    (80, "-compact"),  # 80-99: one pane, the detail below or beside in a strip
    (100, "-normal"),  # 100-159: the side panes beside the main one
    (160, "-wide"),  # 160 and more: wider side panes, tables at their natural width
]


def width_class(width: int) -> str:
    """The class for a terminal `width` columns wide."""
    return max((start, name) for start, name in WIDTH_CLASSES if width >= start)[1]


class FitsTheWidth:
    """Mixin for a screen (before `Screen` in its bases): the width class is
    set from the start and follows every resize.

    Textual sets a breakpoint class on a screen's first Resize, which comes
    after the first layout, so widgets that measure themselves once (a text
    area wrapping its lines) would keep the width they had without it.
    """

    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = WIDTH_CLASSES

    def on_compose(self) -> None:
        fit_width(cast("Screen[object]", self))


def fit_width(screen: Screen[object]) -> None:
    """Give `screen` the class for the terminal's width now (also for a kept
    screen about to be shown again: the terminal may have been resized)."""
    current = width_class(screen.app.size.width)
    for _, name in WIDTH_CLASSES:
        screen.set_class(name == current, name)
