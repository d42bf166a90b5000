"""What is still open with a person: unsaid items and action items, tickable."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Checkbox, Label

from prep.domain.deadlines import format_day
from prep.domain.debrief import ActionItem, UnsaidItem
from prep.tui.messages import TICKABLE_KINDS, ItemTicked
from prep.tui.widgets.tick_box import TickBox


def describe_action(item: ActionItem, today: date) -> str:
    owner = item.owner.value  # "me" or "them"
    due = ""
    if item.due is not None:
        due = f", due {format_day(item.due, with_year=item.due.year != today.year)}"
        if item.due < today:
            due += " (overdue)"
    return f"{item.text} — {owner}{due}"


class OpenItems(Vertical):
    """Open unsaid items and action items from earlier meetings with one person.

    Ticking one resolves it (or marks it done) at once; it then stops
    following the person into later checklists, briefs and the agenda.
    """

    DEFAULT_CSS = """
    OpenItems { height: auto; border-left: outer $warning; padding: 0 1; margin-bottom: 1; }
    OpenItems > Label { color: $text-muted; width: 1fr; }
    OpenItems > TickBox { width: 1fr; height: auto; text-wrap: wrap; }
    OpenItems > .open-title { text-style: bold; color: $text; }
    """

    def __init__(
        self,
        unsaid: list[UnsaidItem],
        actions: list[ActionItem],
        today: date,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.unsaid = unsaid
        self.actions = actions
        self.today = today

    def compose(self) -> ComposeResult:
        if not self.unsaid and not self.actions:
            return
        yield Label("Still open from earlier meetings with them", classes="open-title")
        for item in self.unsaid:
            yield TickBox(
                f"Unsaid: {item.text}",
                id=f"unsaid-{item.id}",
                compact=True,
                tooltip="Tick when it has been said or no longer matters",
            )
        for action in self.actions:
            yield TickBox(
                f"Action: {describe_action(action, self.today)}",
                id=f"action-{action.id}",
                compact=True,
                tooltip="Tick when it is done",
            )
        yield Label("Tick an item when it is resolved or done; it then stops carrying over.")

    def on_mount(self) -> None:
        self.display = bool(self.unsaid or self.actions)

    @on(Checkbox.Changed)
    def _ticked(self, event: Checkbox.Changed) -> None:
        event.stop()
        kind, _, raw_id = (event.checkbox.id or "").partition("-")
        for tickable in TICKABLE_KINDS:
            if kind == tickable:
                self.post_message(ItemTicked(tickable, int(raw_id), event.value))
