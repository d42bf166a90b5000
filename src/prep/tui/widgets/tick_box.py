"""A check box whose two states cannot be mistaken for each other."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Checkbox


class TickBox(Checkbox):
    """Textual's Checkbox draws `▐X▌` ticked and unticked alike, only the X's
    colour differing, so "No asks this time" looked ticked when it was not.
    This one draws `[✓]` when ticked and an empty `[ ]` when not.

    Its messages are Checkbox's (`Checkbox.Changed`), so handlers need not know.
    """

    DEFAULT_CSS = """
    TickBox {
        & > .toggle--button { color: $text-muted; background: transparent; }
        &.-on > .toggle--button { color: $text-success; background: transparent; text-style: bold; }
    }
    """

    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--button")
        return Content.styled("[✓]" if self.value else "[ ]", style)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Checkbox is always one line; with `text-wrap: wrap` in a narrow
        # place, a long label takes the lines it needs instead of being cut.
        if self.styles.text_wrap != "wrap":
            return 1
        return max(1, len(self.render().wrap(width)))
