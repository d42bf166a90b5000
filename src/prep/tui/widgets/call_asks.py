"""The call screen's direct asks: tick one off as it is made, note the answer.

One key each, so it can be done without looking away for long: space ticks
the highlighted ask as asked (or back), `a` steps through the answers. The
widget only reports what changed (`CallAsks.Marked`); the screen saves it.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from prep.domain.call import CallAsk, answer_word


def ask_line(ask: CallAsk) -> Content:
    """ "[✓] Sign-off by Friday (by Fri 4 Dec) → granted" """
    box = ("[✓] ", "bold $text-success") if ask.asked else ("[ ] ", "$text-muted")
    by = (f"  by {ask.by_when}", "$text-muted") if ask.by_when else ""
    word = answer_word(ask.answer)
    answer = (f"  → {word}", "bold $accent") if word else ""
    return Content.assemble(box, ask.text, by, answer)


class CallAsks(OptionList):
    """The planned asks, one line each, with what the call recorded of them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "tick", "Asked"),
        Binding("a", "answer", "Answer"),
    ]

    class Marked(Message):
        """An ask was ticked or answered: the screen writes it to the store."""

        def __init__(self, ask: CallAsk) -> None:
            super().__init__()
            self.ask = ask

    def __init__(self, asks: tuple[CallAsk, ...], *, id: str | None = None) -> None:
        super().__init__(id=id, compact=True)
        self.asks = list(asks)

    def on_mount(self) -> None:
        self.add_options([Option(ask_line(ask), id=str(ask.ask_id)) for ask in self.asks])
        if self.asks:
            self.highlighted = 0

    def show(self, ask: CallAsk) -> None:
        """Show `ask` as it now stands (after a change, or a refused save)."""
        index = next(i for i, shown in enumerate(self.asks) if shown.ask_id == ask.ask_id)
        self.asks[index] = ask
        self.replace_option_prompt_at_index(index, ask_line(ask))

    def _change(self, ask: CallAsk | None) -> None:
        if ask is None:
            return
        self.show(ask)
        self.post_message(self.Marked(ask))

    def _current(self) -> CallAsk | None:
        index = self.highlighted
        return self.asks[index] if index is not None and index < len(self.asks) else None

    def action_tick(self) -> None:
        current = self._current()
        self._change(current.ticked() if current else None)

    def action_answer(self) -> None:
        current = self._current()
        self._change(current.answered() if current else None)
