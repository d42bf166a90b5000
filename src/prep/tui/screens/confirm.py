"""A yes/no question that must be answered before anything is destroyed."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Static

from prep.tui.screens.keys_in_order import KeysInOrder
from prep.tui.screens.widths import FitsTheWidth
from prep.tui.typed import PrepModalScreen
from prep.tui.widgets.focus import focus_now
from prep.tui.widgets.footer import KeyFooter


class ConfirmScreen(FitsTheWidth, KeysInOrder, PrepModalScreen[bool]):
    """Dismisses with True only on an explicit yes; Escape means no."""

    # Priority, and enter answers at once too: the answer's callback then runs
    # before the next key is read, so what is typed after "y" goes where the
    # answer leads (see keys_in_order.py).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", "Keep it", priority=True),
        Binding("y", "answer(True)", "Yes", priority=True),
    ]

    def __init__(
        self,
        question: str,
        detail: str = "",
        *,
        confirm_label: str = "Yes",
        cancel_label: str = "Cancel",
        destructive: bool = True,
    ) -> None:
        super().__init__(classes="destructive" if destructive else "")
        self.question = question
        self.detail = detail
        self.confirm_label = confirm_label
        self.cancel_label = cancel_label
        self.destructive = destructive

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog"):
            yield Static(self.question, id="confirm-question", markup=False)
            if self.detail:
                yield Static(self.detail, id="confirm-detail", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.cancel_label} (n)", id="confirm-no")
                yield Button(
                    f"{self.confirm_label} (y)",
                    id="confirm-yes",
                    variant="error" if self.destructive else "primary",
                )
        # The dialog's own keys, not those of the screen behind it.
        yield KeyFooter()

    def on_mount(self) -> None:
        # The safe choice has focus, so a stray Enter does not destroy anything.
        default = "#confirm-no" if self.destructive else "#confirm-yes"
        focus_now(self.query_one(default, Button))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")  # a click

    async def enter_pressed(self, focused: Widget) -> bool:
        if not isinstance(focused, Button):
            return False
        self.dismiss(focused.id == "confirm-yes")
        return True

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
