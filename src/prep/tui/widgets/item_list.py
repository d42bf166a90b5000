"""An editable list (asks, deadlines, problems, solutions), saved item by item.

Keys inside a list: enter in an item's text field adds the next item (tab
moves between its fields), ctrl+o adds one, ctrl+r removes the focused one,
ctrl+↑/↓ move it. The "+ Add" button at the end is how an empty list
starts. The keys that add or remove a row take effect before the next key
is read, so text typed straight after them lands in the new row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import AwaitMount, Widget
from textual.widgets import Button, Input

from prep.store import StoreError
from prep.tui.widgets.focus import focus_now


class ItemRow(Vertical):
    """One item of an `ItemList`. Subclasses compose fields and save changes.

    `item_id` is the row's id in the store; the first Input is the item's
    main text, which enter on it leaves for a new item.
    """

    DEFAULT_CSS = """
    ItemRow { height: auto; padding: 0 0 0 1; border-left: tall $primary 30%; margin-bottom: 1; }
    ItemRow:focus-within { border-left: tall $accent; }
    """

    def __init__(self, item_id: int, item: Any | None = None) -> None:
        super().__init__()
        self.item_id = item_id
        self.item = item

    def focus_first(self) -> None:
        inputs = self.query(Input)
        if inputs:
            focus_now(inputs.first())

    def _unchanged(self, column: str, value: Any) -> bool:
        """True while a field still holds what was loaded: fields announce their
        first value as they mount, and that is not an edit worth writing."""
        touched = self.__dict__.setdefault("_touched", set())
        if column in touched or self.item is None:
            return False
        if getattr(self.item, column, object()) == value:
            return True
        touched.add(column)
        return False

    def save_later(self, column: str, value: Any) -> None:
        """Queue a save of one column of this item on the screen's saver."""
        if self._unchanged(column, value):
            return
        kind = self.parent_list.kind
        self.screen.saver.schedule(
            f"{kind}:{self.item_id}:{column}",
            lambda: self.app.store.items.update(kind, self.item_id, **{column: value}),
        )

    def save_now(self, column: str, value: Any) -> None:
        if self._unchanged(column, value):
            return
        kind = self.parent_list.kind
        self.screen.saver.now(
            f"{kind}:{self.item_id}:{column}",
            lambda: self.app.store.items.update(kind, self.item_id, **{column: value}),
        )

    @property
    def parent_list(self) -> ItemList:
        return next(node for node in self.ancestors if isinstance(node, ItemList))


class ItemList(Vertical):
    """Rows of one kind under one parent (a meeting, or a problem for solutions)."""

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
        parent_id: int,
        make_row: Callable[[int, Any | None], ItemRow],
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

    def load(self, items: Sequence[Any]) -> AwaitMount:
        """Show these stored items (replacing any rows); await it for the rows to exist."""
        self.query(ItemRow).remove()
        button = self.query_one(".add-item", Button)
        return self.mount_all([self.make_row(item.id, item) for item in items], before=button)

    @property
    def rows(self) -> list[ItemRow]:
        return list(self.query_children(ItemRow))

    def _focused_row(self) -> ItemRow | None:
        focused = self.screen.focused
        for row in self.rows:
            if focused is not None and (focused is row or row in focused.ancestors):
                return row
        return None

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
        self.screen.saver.flush()  # keep saved order and typing in step
        try:
            item_id = self.app.store.items.add(self.kind, self.parent_id)
            if after is not None:
                # New items are stored last; move to sit right after `after`.
                index = self.rows.index(after)
                steps = index + 1 - len(self.rows)
                if steps:
                    self.app.store.items.move(self.kind, item_id, steps)
        except StoreError as error:
            self.notify(str(error), title="Not added", severity="error", markup=False)
            return
        row = self.make_row(item_id, None)
        if after is not None:
            mounted = self.mount(row, after=after)
        else:
            mounted = self.mount(row, before=self.query_one(".add-item", Button))
        # The row's fields exist once it has mounted; the focus moves there
        # before the next key is read (the keys that add a row are priority
        # bindings, which the app awaits).
        await mounted
        row.focus_first()
        self.screen.saver.flush()

    def action_remove(self) -> None:
        row = self._focused_row()
        if row is None:
            return
        rows = self.rows
        index = rows.index(row)
        self.screen.saver.flush()
        try:
            self.app.store.items.delete(self.kind, row.item_id)
        except StoreError as error:
            self.notify(str(error), title="Not removed", severity="error", markup=False)
            return
        row.remove()
        neighbours = rows[index + 1 :] + rows[:index][::-1]
        if neighbours:
            neighbours[0].focus_first()
        else:
            focus_now(self.query_one(".add-item", Button))
        self.screen.saver.flush()

    def action_move(self, delta: int) -> None:
        row = self._focused_row()
        if row is None:
            return
        rows = self.rows
        index = rows.index(row)
        target = index + delta
        if not 0 <= target < len(rows):
            return
        self.screen.saver.flush()
        try:
            self.app.store.items.move(self.kind, row.item_id, delta)
        except StoreError as error:
            self.notify(str(error), title="Not moved", severity="error", markup=False)
            return
        if delta < 0:
            self.move_child(row, before=rows[target])
        else:
            self.move_child(row, after=rows[target])
        self.call_after_refresh(lambda: row.scroll_visible())
