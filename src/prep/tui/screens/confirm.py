"""A yes/no question that must be answered before anything is destroyed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from prep.tui.screens.widths import FitsTheWidth
from prep.tui.widgets.footer import KeyFooter


class ConfirmScreen(FitsTheWidth, ModalScreen[bool]):
    """Dismisses with True only on an explicit yes; Escape means no."""


    BINDINGS = [
        Binding("escape,n", "answer(False)", "Keep it"),
        Binding("y", "answer(True)", "Yes"),
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
                yield Button(f"{self.confirm_label} (y)", id="confirm-yes",
                             variant="error" if self.destructive else "primary")
        # The dialog's own keys, not those of the screen behind it.
        yield KeyFooter()

    def on_mount(self) -> None:
        # The safe choice has focus, so a stray Enter does not destroy anything.
        default = "#confirm-no" if self.destructive else "#confirm-yes"
        self.query_one(default, Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
