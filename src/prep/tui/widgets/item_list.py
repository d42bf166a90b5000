"""An editable list (asks, deadlines, problems, solutions), saved item by item.

Keys inside a list: enter in an item's text field adds the next item (tab
moves between its fields), ctrl+o adds one, ctrl+r removes the focused one,
ctrl+↑/↓ move it. The "+ Add" button at the end is how an empty list
starts. The keys that add or remove a row take effect before the next key
is read, so text typed straight after them lands in the new row.

The list changes itself on screen at once and posts a message saying what
changed (`ItemList.Added`, `Removed`, `Moved`, `Changed`); the screen
writes it to the store. Messages reach the screen in the order they were
posted, so the store follows the list step by step: a new row's edits
arrive after its `Added`, by when the screen has given it its id.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input

from prep.tui.widgets.focus import focus_now


class ItemRow(Vertical):
    """One item of an `ItemList`. Subclasses compose fields and report changes.

    `item_id` is the row's id in the store, None for a row just added until
    the screen has stored it (`stored_as`); the first Input is the item's
    main text, which enter on it leaves for a new item.
    """

    DEFAULT_CSS = """
    ItemRow { height: auto; padding: 0 0 0 1; border-left: tall $primary 30%; margin-bottom: 1; }
    ItemRow:focus-within { border-left: tall $accent; }
    """

    def __init__(self, item_id: int | None, item: Any | None = None) -> None:
        super().__init__()
        self.item_id = item_id
        self.item = item
        self._touched: set[str] = set()  # columns edited since the row was built

    def post_when_stored(self, message_for: Callable[[int], Message]) -> None:
        """Post the message `message_for` makes from this row's id. A row
        just added gets its id when the screen has handled its `Added`
        (messages reach the screen in order), so until then, wait."""
        if self.item_id is not None:
            self.post_message(message_for(self.item_id))
        else:
            self.call_after_refresh(self.post_when_stored, message_for)

    def stored_as(self, item_id: int) -> None:
        """The screen has stored this new row as item `item_id`."""
        self.item_id = item_id

    def focus_first(self) -> None:
        inputs = self.query(Input)
        if inputs:
            focus_now(inputs.first())

    def _unchanged(self, column: str, value: Any) -> bool:
        """True while a field still holds what was loaded: fields announce their
        first value as they mount, and that is not an edit worth writing."""
        if column in self._touched or self.item is None:
            return False
        # `column` names a field of the stored item (Ask.text, Deadline.likely):
        # which one is data, so the lookup is by name.
        if getattr(self.item, column, object()) == value:
            return True
        self._touched.add(column)
        return False

    def save_later(self, column: str, value: Any) -> None:
        """Report typing in one column: saved once typing pauses."""
        if not self._unchanged(column, value):
            self.post_message(ItemList.Changed(self.parent_list, self, column, value))

    def save_now(self, column: str, value: Any) -> None:
        """Report a choice or a tick in one column: saved at once."""
        if not self._unchanged(column, value):
            self.post_message(ItemList.Changed(self.parent_list, self, column, value, at_once=True))

    @property
    def parent_list(self) -> ItemList:
        return next(node for node in self.ancestors if isinstance(node, ItemList))


class ItemList(Vertical):
    """Rows of one kind under one parent (a meeting, or a problem for solutions).

    `parent_id` is None under a problem not stored yet; the problem's row
    sets it once it is.
    """

    class _ListMessage(Message):
        def __init__(self, item_list: ItemList, row: ItemRow) -> None:
            super().__init__()
            self.item_list = item_list
            self.row = row  # its `item_id` is read when the message is handled

        @property
        def control(self) -> ItemList:
            return self.item_list

    class Added(_ListMessage):
        """A blank row was added: store an item, move it `steps` places up
        from the end (negative), and give the row its id with `stored_as`."""

        def __init__(self, item_list: ItemList, row: ItemRow, steps: int) -> None:
            super().__init__(item_list, row)
            self.steps = steps

    class Removed(_ListMessage):
        """A row was removed from the list: delete its item."""

    class Moved(_ListMessage):
        """A row moved `delta` places (negative: up): move its item."""

        def __init__(self, item_list: ItemList, row: ItemRow, delta: int) -> None:
            super().__init__(item_list, row)
            self.delta = delta

    class Changed(_ListMessage):
        """One column of a row's item was edited: save it, `at_once` for a
        choice or a tick, else once typing pauses."""

        def __init__(
            self,
            item_list: ItemList,
            row: ItemRow,
            column: str,
            value: Any,
            *,
            at_once: bool = False,
        ) -> None:
            super().__init__(item_list, row)
            self.column = column
            self.value = value
            self.at_once = at_once

    DEFAULT_CSS = """
    ItemList { height: auto; }
    ItemList > .add-item { margin: 0 0 0 1; min-width: 10; }
    """

    # Priority: run as the key is read, before the next one (see keys_in_order).
    BINDINGS: ClassVar = [
        Binding("ctrl+o", "add", "Add item", priority=True),
        Binding("ctrl+r", "remove", "Remove item", priority=True),
        Binding("ctrl+up", "move(-1)", "Move up", show=False, priority=True),
        Binding("ctrl+down", "move(1)", "Move down", show=False, priority=True),
    ]

    def __init__(
        self,
        kind: str,
        parent_id: int | None,
        make_row: Callable[[int | None, Any | None], ItemRow],
        *,
        noun: str,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.kind = kind
        self.parent_id = parent_id
        self.make_row = make_row
        self.noun = noun

    def compose(self) -> ComposeResult:
        yield Button(f"+ Add {self.noun}", classes="add-item", compact=True)

    def load(self, items: Sequence[Any]) -> AwaitComplete:
        """Show these stored items (replacing any rows); await it for the old
        rows to be gone and the new ones to exist."""
        removed = self.query(ItemRow).remove()
        button = self.query_one(".add-item", Button)
        mounted = self.mount_all([self.make_row(item.id, item) for item in items], before=button)
        return AwaitComplete(removed, mounted)

    @property
    def rows(self) -> list[ItemRow]:
        return list(self.query_children(ItemRow))

    def _focused_row(self) -> ItemRow | None:
        return next((row for row in self.rows if row.has_focus_within), None)

    @on(Button.Pressed, ".add-item")
    async def _add_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.action_add()

    async def enter_pressed(self, focused: Widget) -> bool:
        """Enter on the "+ Add" button, or in a text field of one of this
        list's rows (not of a list inside a row), adds the next item."""
        if focused.parent is self and focused.has_class("add-item"):
            await self.action_add()
            return True
        if not isinstance(focused, Input):
            return False
        row = next((a for a in focused.ancestors if isinstance(a, ItemRow)), None)
        if row is None or row.parent is not self:
            return False
        await self.action_add(after=row)
        return True

    async def action_add(self, after: ItemRow | None = None) -> None:
        after = after or self._focused_row()
        rows = self.rows
        # New items are stored last; this moves it to sit right after `after`.
        steps = rows.index(after) + 1 - len(rows) if after is not None else 0
        row = self.make_row(None, None)
        self.post_message(self.Added(self, row, steps))
        if after is not None:
            mounted = self.mount(row, after=after)
        else:
            mounted = self.mount(row, before=self.query_one(".add-item", Button))
        # The row's fields exist once it has mounted; the focus moves there
        # before the next key is read (the keys that add a row are priority
        # bindings, which the app awaits).
        await mounted
        row.focus_first()

    def discard(self, row: ItemRow) -> None:
        """Take away a row the screen could not store, focus moving to a neighbour."""
        if row.parent is self:
            self._take_away(row)

    def action_remove(self) -> None:
        row = self._focused_row()
        if row is None:
            return
        self._take_away(row)
        self.post_message(self.Removed(self, row))

    def _take_away(self, row: ItemRow) -> None:
        rows = self.rows
        index = rows.index(row)
        had_focus = self._focused_row() is row
        row.remove()
        if not had_focus:
            return
        neighbours = rows[index + 1 :] + rows[:index][::-1]
        if neighbours:
            neighbours[0].focus_first()
        else:
            focus_now(self.query_one(".add-item", Button))

    def action_move(self, delta: int) -> None:
        row = self._focused_row()
        if row is None:
            return
        rows = self.rows
        index = rows.index(row)
        target = index + delta
        if not 0 <= target < len(rows):
            return
        if delta < 0:
            self.move_child(row, before=rows[target])
        else:
            self.move_child(row, after=rows[target])
        self.post_message(self.Moved(self, row, delta))
        self.call_after_refresh(lambda: row.scroll_visible())
