"""Which meetings of a repeating series a change or a delete is for."""

from __future__ import annotations

from typing import ClassVar, Literal

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

Scope = Literal["one", "later"]
SCOPE_LABELS: dict[Scope, str] = {"one": "This one", "later": "This and later"}


class SeriesScopeScreen(FitsTheWidth, KeysInOrder, PrepModalScreen[Scope | None]):
    """Dismisses with "one" or "later"; Escape means neither (change nothing)."""

    DEFAULT_CSS = """
    SeriesScopeScreen {
        align: center middle;
        background: $background 60%;
    }
    """
    # Priority, so the answer's callback runs before the next key is read
    # (see keys_in_order.py), as in ConfirmScreen.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer('')", "Back", priority=True),
        Binding("o", "answer('one')", SCOPE_LABELS["one"], priority=True),
        Binding("l", "answer('later')", SCOPE_LABELS["later"], priority=True),
    ]

    def __init__(self, question: str, detail: str = "", *, destructive: bool = False) -> None:
        super().__init__(classes="destructive" if destructive else "")
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        # ConfirmScreen's layout and look, by its ids.
        with Vertical(id="confirm-dialog"):
            yield Static(self.question, id="confirm-question", markup=False)
            if self.detail:
                yield Static(self.detail, id="confirm-detail", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button("Back (esc)", id="scope-none")
                yield Button(f"{SCOPE_LABELS['one']} (o)", id="scope-one", variant="primary")
                yield Button(f"{SCOPE_LABELS['later']} (l)", id="scope-later")
        yield KeyFooter()

    def on_mount(self) -> None:
        focus_now(self.query_one("#scope-one", Button))  # the narrower change

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_answer((event.button.id or "").removeprefix("scope-"))

    async def enter_pressed(self, focused: Widget) -> bool:
        if not isinstance(focused, Button):
            return False
        self.action_answer((focused.id or "").removeprefix("scope-"))
        return True

    def action_answer(self, scope: str) -> None:
        self.dismiss("one" if scope == "one" else "later" if scope == "later" else None)
