"""Pick one of a few options in place, with the arrow keys."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Final

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import var
from textual.widget import Widget


class _NoChoice:
    """No option chosen (the prompt shows)."""

    def __repr__(self) -> str:
        return "Choice.NO_CHOICE"


NO_CHOICE: Final = _NoChoice()

ARROWS_WIDTH = 4
"""`◂ ` before the label and ` ▸` after it."""


class Choice(Widget, can_focus=True):
    """A one-line choice: ←/→ step through the options, a digit picks the
    n-th, a letter jumps to the next option starting with it, backspace
    clears. Enter moves on to the next field, as it does in a text field.

    prep's choices have two to seven options, all known by heart after a
    week, so stepping in place is quicker than a drop-down. It is also one
    widget where Textual's Select is six: mounting a Select costs about 19 ms
    on a 2-core machine, a Choice about 2 ms, and the debrief has eight.
    """

    # Not called BLANK: Widget.BLANK is Textual's flag for "draw nothing".
    NO_CHOICE: ClassVar[_NoChoice] = NO_CHOICE

    DEFAULT_CSS = """
    Choice {
        width: 1fr;
        height: 1;
        background: $surface;
        color: $foreground;
        pointer: pointer;
        &:focus {
            background-tint: $foreground 10%;
        }
        &:disabled {
            color: $text-disabled;
        }
    }
    """

    # Action names of their own: the footer shows one key per action name,
    # so a shared name such as the checklist's "step" would hide PgDn there.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right", "next_option(1)", "Choose", key_display="←→"),
        Binding("left", "next_option(-1)", "Previous option", show=False),
        Binding("home", "option_at(0)", "First option", show=False),
        Binding("end", "option_at(-1)", "Last option", show=False),
        Binding("backspace,delete", "clear_choice", "Clear", show=False),
        Binding("enter", "app.focus_next", "Next field", show=False),
    ]

    value: var[Any] = var(NO_CHOICE, init=False)

    class Changed(Message):
        """The person chose another option (or cleared it)."""

        def __init__(self, choice: Choice, value: Any) -> None:
            super().__init__()
            self.choice = choice
            self.value = value

        @property
        def control(self) -> Choice:
            return self.choice

    def __init__(
        self,
        options: Sequence[tuple[str, Any]],
        *,
        prompt: str = "…",
        value: Any = NO_CHOICE,
        allow_blank: bool = True,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(id=id, classes=classes, disabled=disabled)
        self.options = list(options)
        self.prompt = prompt
        self.allow_blank = allow_blank
        if value is NO_CHOICE and not allow_blank:
            value = self.options[0][1]
        self.set_reactive(Choice.value, value)

    # -- what it shows ------------------------------------------------------------

    def _index(self) -> int | None:
        for index, (_, value) in enumerate(self.options):
            if value == self.value:
                return index
        return None

    def render(self) -> Content:
        index = self._index()
        label = (
            Content(self.options[index][0])
            if index is not None
            else Content.styled(self.prompt, "$foreground 50%")
        )
        # Too narrow for the label: shorten it, never the arrows, so the
        # choice still reads as one (`◂ Senior t… ▸`, not `◂ Senior to`).
        room = self.content_size.width - ARROWS_WIDTH
        if 0 < room < label.cell_length:
            label = label.truncate(room, ellipsis=True)
        # Focused, the arrows light up: they are the keys that work here.
        arrows = "bold $accent" if self.has_focus else "$foreground 25%"
        return Content.assemble(("◂ ", arrows), label, (" ▸", arrows))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """Wide enough for the longest option (or the prompt), with `width: auto`."""
        labels = [label for label, _ in self.options] + [self.prompt]
        return ARROWS_WIDTH + max(len(label) for label in labels)

    def watch_value(self) -> None:
        self.refresh()

    # -- choosing -------------------------------------------------------------------

    def _choose(self, value: Any) -> None:
        if value != self.value:
            self.value = value
            self.post_message(self.Changed(self, value))

    def _positions(self) -> list[Any]:
        """Every value in order, the blank first when it is allowed."""
        return ([NO_CHOICE] if self.allow_blank else []) + [value for _, value in self.options]

    def action_next_option(self, delta: int) -> None:
        positions = self._positions()
        current = positions.index(self.value) if self.value in positions else 0
        self._choose(positions[max(0, min(len(positions) - 1, current + delta))])

    def action_option_at(self, index: int) -> None:
        self._choose(self.options[index][1])

    def action_clear_choice(self) -> None:
        if self.allow_blank:
            self._choose(NO_CHOICE)

    def on_key(self, event: events.Key) -> None:
        char = event.character
        if not char or not char.isprintable() or char == " ":
            return
        # Not str.isdigit(): that is also true for "²", which int() refuses.
        if char in "123456789" and int(char) <= len(self.options):
            event.stop()
            self._choose(self.options[int(char) - 1][1])
            return
        # A letter: the next option after the current one that starts with it.
        start = self._index()
        start = -1 if start is None else start
        count = len(self.options)
        for step in range(1, count + 1):
            label, value = self.options[(start + step) % count]
            if label.lower().startswith(char.lower()):
                event.stop()
                self._choose(value)
                return

    def on_click(self, event: events.Click) -> None:
        # The left arrow's side steps back, anywhere else steps on.
        self.action_next_option(-1 if event.x < 2 else 1)
