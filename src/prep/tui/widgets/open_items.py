"""What is still open with a person, from earlier meetings: one line per thread.

Unsaid items and action items can be ticked settled here; on the checklist
an unsaid item can also be made an ask of this meeting ("say it this time").
The other kinds are settled by the carry-over or in a debrief, so they are
shown, not ticked.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Checkbox, Label

from prep.domain.open_threads import OpenThread, ThreadKind
from prep.tui.messages import TICKABLE_KINDS, ItemTicked, SayItThisTime
from prep.tui.widgets.tick_box import TickBox

TOOLTIPS = {
    ThreadKind.UNSAID: "Tick when it has been said or no longer matters",
    ThreadKind.ACTION: "Tick when it is done",
}


class OpenItems(Vertical):
    """The open threads (prep.domain.open_threads) of one person, as the
    screen read them. Ticking one resolves it (or marks it done) at once; it
    then stops following the person into later checklists, briefs and the
    agenda. With `say_it`, `s` on an unsaid item asks the screen to make it
    an ask of this meeting.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "say_it", "Say it this time", tooltip="Make this unsaid item an ask")
    ]

    DEFAULT_CSS = """
    OpenItems { height: auto; border-left: outer $warning; padding: 0 1; margin-bottom: 1; }
    OpenItems > Label { color: $text-muted; width: 1fr; }
    OpenItems > Label.open-line { color: $text; }
    OpenItems > TickBox { width: 1fr; height: auto; text-wrap: wrap; }
    OpenItems > .open-title { text-style: bold; color: $text; }
    """

    def __init__(
        self,
        threads: Sequence[OpenThread],
        today: date,
        *,
        say_it: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.threads = tuple(threads)
        self.today = today
        self.say_it = say_it

    def compose(self) -> ComposeResult:
        if not self.threads:
            return
        yield Label("Still open from earlier meetings with them", classes="open-title")
        for thread in self.threads:
            if thread.kind in TOOLTIPS:
                yield TickBox(
                    thread.line(self.today),
                    id=f"{thread.kind.value}-{thread.item_id}",
                    compact=True,
                    tooltip=TOOLTIPS[thread.kind],
                )
            else:
                yield Label(f"  {thread.line(self.today)}", classes="open-line")
        hint = "Tick an item when it is resolved or done; it then stops carrying over."
        if self.say_it and any(t.kind is ThreadKind.UNSAID for t in self.threads):
            hint += " s on an unsaid item makes it an ask: say it this time."
        yield Label(hint)

    def on_mount(self) -> None:
        self.display = bool(self.threads)

    async def show(self, threads: Sequence[OpenThread], today: date | None = None) -> None:
        """Show the threads as read again (one made an ask leaves the list),
        dated from `today` if given (a kept screen refilled on a later day)."""
        threads, today = tuple(threads), today or self.today
        if (threads, today) == (self.threads, self.today):
            # Nothing to rebuild: a box ticked since would have left the list
            # as read again. (Refilling a screen for a meeting with nothing
            # open, the usual case, no longer rebuilds this empty list.)
            return
        self.threads, self.today = threads, today
        await self.recompose()
        self.display = bool(self.threads)

    def _focused_unsaid(self) -> int | None:
        focused = next((child for child in self.children if child.has_focus), None)
        kind, _, raw_id = ((focused.id or "") if focused else "").partition("-")
        return int(raw_id) if kind == ThreadKind.UNSAID.value else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "say_it":
            return self.say_it and self._focused_unsaid() is not None
        return True

    def action_say_it(self) -> None:
        unsaid_id = self._focused_unsaid()
        if self.say_it and unsaid_id is not None:
            self.post_message(SayItThisTime(unsaid_id))

    @on(Checkbox.Changed)
    def _ticked(self, event: Checkbox.Changed) -> None:
        event.stop()
        kind, _, raw_id = (event.checkbox.id or "").partition("-")
        for tickable in TICKABLE_KINDS:
            if kind == tickable:
                self.post_message(ItemTicked(tickable, int(raw_id), event.value))
