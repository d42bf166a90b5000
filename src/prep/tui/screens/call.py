"""The call screen: the brief's live form, for a glance during the meeting.

What it shows, and in which order, is `domain.call.call_sheet`; this screen
lays it out, keeps the clock running from the app's Clock, and saves what
is done here where the debrief reads it: ticks and answers are the
debrief's ask results, scratch notes its `call_notes`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Header, Label, Static, TextArea

from prep.domain.call import CallSheet, Phase, call_sheet, time_left
from prep.domain.checklist import Checklist
from prep.domain.debrief import Debrief
from prep.domain.models import Meeting
from prep.domain.open_threads import OpenThread
from prep.store import StoreError
from prep.tui.commands import Command, HasCommands, bindings
from prep.tui.saving import NOT_LOADED, SaveAsYouTypeScreen
from prep.tui.screens.keys_in_order import KeysInOrder
from prep.tui.screens.widths import FitsTheWidth, fit_width
from prep.tui.widgets.call_asks import CallAsks
from prep.tui.widgets.focus import focus_now
from prep.tui.widgets.footer import KeyFooter

# The clock reads in whole minutes; re-reading it this often keeps it within
# a few seconds of the truth at no cost worth measuring.
CLOCK_EVERY = 15.0

NOTES_HINT = "Saved as you type. They go into the debrief, beside how it went."


class CallScreen(FitsTheWidth, KeysInOrder, HasCommands, SaveAsYouTypeScreen):
    """One meeting while it is under way: what to say, what was said, notes."""

    SCOPED_CSS = False
    DEFAULT_CSS = """
    CallScreen #call-clock { height: 1; padding: 0 1; background: $boost; text-style: bold; }
    CallScreen #call-clock.ending { background: $warning 30%; }
    CallScreen #call-clock.over { background: $error 30%; }
    CallScreen #call-body { height: 1fr; }
    CallScreen #call-main { width: 1fr; padding: 0 1; scrollbar-size-vertical: 1; }
    CallScreen #call-side { width: 40; height: 1fr; padding: 0 1; }
    CallScreen #call_notes { height: 1fr; border: round $primary 50%; }
    CallScreen #call_notes:focus { border: round $primary; }
    CallScreen .call-lines { height: auto; }
    CallScreen .call-lines.unsaid { border-left: outer $warning; padding-left: 1; }
    CallScreen #call-asks { height: auto; max-height: 8; }
    CallScreen .call-title { text-style: bold; color: $accent; }
    CallScreen.-normal .call-title, CallScreen.-wide .call-title { margin-top: 1; }
    /* Under 100 columns every line counts: the notes go below, 4 rows of text. */
    CallScreen.-narrow #call-body, CallScreen.-compact #call-body { layout: vertical; }
    CallScreen.-narrow #call-side, CallScreen.-compact #call-side { width: 1fr; height: 6; }
    CallScreen.-narrow #notes-hint, CallScreen.-compact #notes-hint { display: none; }
    """

    PREP_COMMANDS = (Command("back", "escape", "Back", palette_help="Saves the notes first"),)
    BINDINGS = bindings(PREP_COMMANDS)

    FIELDS = ("call_notes",)

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self.meeting = meeting
        self.debrief = Debrief(meeting.id)

    # -- loading ---------------------------------------------------------------

    def _sheet(self) -> CallSheet:
        store = self.app.store
        now = self.app.clock.now()
        m = self.meeting
        checklist = Checklist(m.id)
        threads: tuple[OpenThread, ...] = ()
        last_feedback: date | None = None
        try:
            checklist = store.checklists.get(m.id)
            self.debrief = store.debriefs.get(m.id)
            threads = store.threads.open_before(m, now.date())
            # One person's, not everyone's summary: 0.1 ms against 37 ms on
            # the 5,000-meeting file (python3 dev.py bench, "→ call").
            last_feedback = store.people.last_feedback(m.counterpart.id, now)
        except StoreError as error:
            self.notify(str(error), title="Could not load", severity="error", markup=False)
        return call_sheet(m, checklist, self.debrief.ask_results, threads, last_feedback, now)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="call-clock")
        with Horizontal(id="call-body"):
            # The sections are mounted by _fill, from the meeting's call sheet.
            yield VerticalScroll(id="call-main")
            with Vertical(id="call-side"):
                yield TextArea(
                    id="call_notes",
                    soft_wrap=True,
                    tab_behavior="focus",
                    placeholder="Jot it down; it goes into the debrief",
                )
                yield Static(NOTES_HINT, classes="hint", id="notes-hint")
        yield KeyFooter()

    @staticmethod
    def _sections(sheet: CallSheet) -> list[Widget]:
        widgets: list[Widget] = []
        for section in sheet.sections:
            widgets.append(
                Label(section.title, id=f"call-section-{section.key}", classes="call-title")
            )
            if section.key == "asks" and sheet.asks:
                widgets.append(CallAsks(sheet.asks, id="call-asks"))  # its keys are in the footer
            else:
                widgets.append(
                    Static(Content("\n".join(section.lines)), classes=f"call-lines {section.key}")
                )
        return widgets

    async def on_mount(self) -> None:
        self.query_one("#call_notes").border_title = "Scratch notes"
        self._clock_timer = self.set_interval(CLOCK_EVERY, self.refresh_clock, name="call-clock")
        await self._fill()

    def on_screen_suspend(self) -> None:
        # Kept off screen between calls (prep.tui.kept_screens): no ticking.
        self._clock_timer.pause()

    def on_screen_resume(self) -> None:
        self.refresh_clock()  # the time moved on while it was covered
        self._clock_timer.resume()

    async def refill(self, meeting: Meeting) -> None:
        """Show `meeting` in this screen (prep.tui.kept_screens)."""
        self.start_over()
        self.meeting = meeting
        self.debrief = Debrief(meeting.id)
        fit_width(self)
        await self._fill()

    async def _fill(self) -> None:
        """Read the meeting's call sheet and notes and show them."""
        self.title = f"Call · {self.meeting.title}"
        self.sub_title = f"with {self.meeting.counterpart.name}"
        sheet = self._sheet()
        main = self.query_one("#call-main", VerticalScroll)
        await main.remove_children()
        await main.mount_all(self._sections(sheet))
        main.scroll_home(animate=False, immediate=True)
        notes = self.query_one("#call_notes", TextArea)
        with self.prevent(TextArea.Changed):
            notes.text = self.debrief.call_notes
        self.refresh_clock()
        asks = self.query(CallAsks)
        focus_now(asks.first() if asks else notes, scroll_visible=False)

    def refresh_clock(self) -> None:
        """Re-read the app's clock and show the time left."""
        left = time_left(self.meeting, self.app.clock.now())
        clock = self.query_one("#call-clock", Static)
        clock.update(Content(left.text))
        clock.set_class(left.phase is Phase.ENDING, "ending")
        clock.set_class(left.phase is Phase.OVER, "over")

    # -- saving ----------------------------------------------------------------

    def loaded_value(self, field: str) -> Any:
        # Filled without announcing it (see _fill).
        return NOT_LOADED

    def save_field(self, field: str, value: object) -> None:
        self.app.store.debriefs.set_field(self.meeting.id, field, value)

    def stored_value(self, field: str) -> object:
        return self.app.store.debriefs.get(self.meeting.id).call_notes

    @on(CallAsks.Marked)
    def _ask_marked(self, event: CallAsks.Marked) -> None:
        ask = event.ask
        try:
            self.app.store.debriefs.set_ask_result(ask.ask_id, ask.asked, ask.answer)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            self._show_stored_asks()

    def _show_stored_asks(self) -> None:
        """After a refused save, the asks as the database has them."""
        try:
            sheet = self._sheet()
        except StoreError:
            return
        widget = self.query_one(CallAsks)
        for ask in sheet.asks:
            widget.show(ask)
