"""`/`: find a meeting by anything written in it, with results as you type."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from prep.domain.deadlines import format_day
from prep.domain.search import SearchHit, fts_query
from prep.store import StoreError
from prep.tui.typed import PrepScreen
from prep.tui.widgets.footer import KeyFooter
from prep.tui.widgets.text_field import TextField

HINT = (
    "Type to search titles, notes, checklists, debriefs, action items and reflections. "
    "Every word must match; the last may be the start of a word."
)
MATCH_STYLE = "bold reverse"


def open_search(app: Any, on_close: Callable[[Any], None] | None = None) -> None:
    """Open the search screen (the agenda's and the people screen's `/`)."""
    app.push_screen(SearchScreen(), on_close)


class SearchScreen(PrepScreen[None]):
    """A search field over a list of hits: meeting, person, date and the
    matching line with the match highlighted. Enter opens the meeting."""

    CSS_PATH = "search.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("down", "to_results", "Results", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="search-body"):
            yield TextField(placeholder="Search…", id="search-field")
            yield Static(HINT, id="search-status", markup=False)
            yield OptionList(id="search-results")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Search"
        self.sub_title = "enter opens the meeting · escape goes back"
        self.query_one("#search-field").focus()

    @on(Input.Changed, "#search-field")
    def _typed(self, event: Input.Changed) -> None:
        self.show_results(event.value)

    def show_results(self, typed: str) -> None:
        """Search now: a search costs milliseconds, even on 100,000 meetings
        (see benchmarks), so results follow each key without a worker."""
        results = self.query_one("#search-results", OptionList)
        status = self.query_one("#search-status", Static)
        results.clear_options()
        self._hits = []
        if fts_query(typed) is None:
            status.update(HINT)
            return
        from prep.store.search import search

        try:
            self._hits = search(self.app.store, typed)
        except StoreError as error:
            status.update(str(error))
            return
        now = self.app.clock.now()
        results.add_options(
            Option(hit_content(hit, now.year), id=str(i)) for i, hit in enumerate(self._hits)
        )
        count = len(self._hits)
        status.update(
            "Nothing matches."
            if not count
            else f"{count} match{'es' if count != 1 else ''}, newest first"
            + (" (the first 50)" if count == 50 else "")
            + ". ↓ to the list, enter to open."
        )
        if count:
            results.highlighted = 0

    @on(Input.Submitted, "#search-field")
    async def _submitted(self) -> None:
        results = self.query_one("#search-results", OptionList)
        if results.highlighted is not None:
            await self._open(results.highlighted)

    @on(OptionList.OptionSelected, "#search-results")
    async def _selected(self, event: OptionList.OptionSelected) -> None:
        await self._open(event.option_index)

    async def _open(self, index: int) -> None:
        hit = self._hits[index]
        if hit.meeting_id is None:
            week = format_day(hit.week_start) if hit.week_start else "a week"
            self.notify(
                f"A reflection of the week of {week}: "
                "open the weekly review (r) and step to that week.",
                markup=False,
            )
            return
        from prep.tui.meeting_screens import open_meeting

        try:
            meeting = self.app.store.meeting(hit.meeting_id)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        field = self.query_one("#search-field", Input)
        await open_meeting(self.app, meeting, lambda _: self.show_results(field.value))

    def action_to_results(self) -> None:
        results = self.query_one("#search-results", OptionList)
        if results.option_count:
            results.focus()

    def action_back(self) -> None:
        self.dismiss(None)


def hit_content(hit: SearchHit, this_year: int) -> Content:
    """Two lines: date, meeting and person; then where it matched and the line."""
    day = format_day(hit.day, with_year=hit.day.year != this_year) if hit.day else ""
    if hit.meeting_id is None:
        head = Content.assemble((f"{day:<16}", "bold"), "Week's reflection")
    else:
        head = Content.assemble((f"{day:<16}", "bold"), (hit.title, "bold"), f" · {hit.person}")
    line = Content(hit.text)
    for start, end in hit.marks:
        line = line.stylize(MATCH_STYLE, start, end)
    return Content.assemble(head, "\n", (f"{'':<16}{hit.where}: ", "dim"), line)
