"""Choose one person from a list (for merging)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from prep.domain.models import Counterpart
from prep.tui.screens.keys_in_order import KeysInOrder
from prep.tui.screens.widths import FitsTheWidth
from prep.tui.typed import PrepModalScreen
from prep.tui.widgets.focus import focus_now
from prep.tui.widgets.footer import KeyFooter


class PickPersonScreen(FitsTheWidth, KeysInOrder, PrepModalScreen[Counterpart | None]):
    """Dismisses with the chosen person, or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, question: str, people: list[Counterpart]) -> None:
        super().__init__()
        self.question = question
        self.people = {str(p.id): p for p in people}

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-dialog"):
            yield Static(self.question, id="pick-question", markup=False)
            yield OptionList(
                *(Option(Content(p.label), id=key) for key, p in self.people.items()),
                id="pick-list",
            )
        # The dialog's own keys, not those of the screen behind it.
        yield KeyFooter()

    def on_mount(self) -> None:
        focus_now(self.query_one(OptionList))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(self.people[event.option.id])  # a click

    async def enter_pressed(self, focused: Widget) -> bool:
        # At once, as enter is read, so the keys after it reach the next screen.
        option = self.query_one(OptionList).highlighted_option
        if option is not None and option.id is not None:
            self.dismiss(self.people[option.id])
        return True
