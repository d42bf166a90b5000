"""The people screen's table, with the columns that fit the width it has."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.content import Content
from textual.widgets import DataTable

Cell = str | Content


@dataclass(frozen=True)
class PeopleColumn:
    key: str
    label: str
    gives_way: int | None
    """When the table is too narrow, columns give way in this order (1
    first); None for the ones a person needs to see: the name, when feedback
    is due, what is still open."""


COLUMNS = (
    PeopleColumn("name", "Name", None),
    PeopleColumn("who", "Who", 1),  # also at the top of the timeline
    PeopleColumn("meetings", "Mtgs", 2),
    PeopleColumn("last", "Last met", 4),
    PeopleColumn("feedback", "Feedback", None),
    PeopleColumn("warmth", "Warmth", 3),
    PeopleColumn("unsaid", "Unsaid", None),
    PeopleColumn("actions", "To do", None),
)

NAME_WIDTH = (12, 24)
"""The name column's narrowest and widest: a longer name is cut, but the
columns after it stay on screen."""


def _width(cell: Cell) -> int:
    return cell.cell_length if isinstance(cell, Content) else len(cell)


def fit_columns(rows: list[dict[str, Cell]], room: int, padding: int = 1) -> dict[str, int]:
    """The columns to show in `room` cells, each with its width, in order.

    Each column is as wide as its widest cell or its label; columns give way
    (`PeopleColumn.gives_way`) until the rest fit.
    """
    widths = {}
    for column in COLUMNS:
        widest = max([len(column.label), *(_width(row[column.key]) for row in rows)])
        if column.key == "name":
            widest = max(NAME_WIDTH[0], min(NAME_WIDTH[1], widest))
        widths[column.key] = widest
    droppable = sorted(
        (c for c in COLUMNS if c.gives_way is not None), key=lambda c: c.gives_way or 0
    )

    def total() -> int:
        return sum(width + 2 * padding for width in widths.values())

    while total() > room and droppable:
        del widths[droppable.pop(0).key]
    if total() > room:  # still too wide: the name gives up what it must
        widths["name"] = max(NAME_WIDTH[0], widths["name"] - (total() - room))
    return widths


def _drawn(rows: list[tuple[str, dict[str, Cell]]]) -> list[object]:
    """What the rows look like: text and styles (Content's `==` compares text only)."""
    return [
        (key, [(c.plain, c.spans) if isinstance(c, Content) else c for c in cells.values()])
        for key, cells in rows
    ]


class PeopleTable(DataTable):
    """One row a person; `show` fills it, and each resize picks the columns
    that fit (`fit_columns`) rather than cutting the last ones off."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._rows: list[tuple[str, dict[str, Cell]]] = []
        self._shown: dict[str, int] = {}

    def show(self, rows: list[tuple[str, dict[str, Cell]]], select_key: str | None) -> None:
        """`rows`: (row key, cells by column key), top to bottom."""
        if _drawn(rows) == _drawn(self._rows) and self._fit() == self._shown:
            # The same people as last shown (opened again with nothing
            # changed): the table keeps its rows and what it measured of them.
            self._select(select_key)
            return
        self._rows = rows
        self._rebuild(self._fit(), select_key)

    @property
    def selected_key(self) -> str | None:
        if self.row_count == 0:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    def _fit(self) -> dict[str, int]:
        # Room for one scroll bar, so a long list does not push a column off.
        room = self.scrollable_content_region.width or self.size.width
        return fit_columns([cells for _, cells in self._rows], max(0, room - 1))

    def on_resize(self, event: events.Resize) -> None:
        self._refit()

    def _refit(self) -> None:
        columns = self._fit()
        if columns != self._shown:
            self._rebuild(columns, self.selected_key)

    def _select(self, key: str | None) -> None:
        if key is not None and any(row_key == key for row_key, _ in self._rows):
            self.move_cursor(row=self.get_row_index(key))

    def _rebuild(self, columns: dict[str, int], select_key: str | None) -> None:
        self._shown = columns
        self.clear(columns=True)
        for column in COLUMNS:
            if column.key in columns:
                self.add_column(column.label, key=column.key, width=columns[column.key])
        for key, cells in self._rows:
            self.add_row(*(cells[column] for column in columns), key=key)
        self._select(select_key)
        # The rows may bring a scroll bar, which narrows the room inside
        # without resizing the table (no Resize): fit again once laid out.
        # It settles at once: the same room gives the same columns. (80x24
        # showed one column too many when the first fit came before the rows.)
        self.call_after_refresh(self._refit)
