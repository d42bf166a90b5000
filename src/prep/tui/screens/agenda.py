"""Home: what is coming up, what needs a debrief, and the selected meeting."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Header, OptionList, Static

from prep.domain.agenda import DEBRIEF_WINDOW, AgendaGroup, build_agenda
from prep.domain.debrief import ActionItem
from prep.domain.models import Meeting
from prep.domain.open_threads import OpenThread
from prep.store import StoreError
from prep.tui.commands import SEARCH, Command, HasCommands, bindings
from prep.tui.screens.keys_in_order import KeysInOrder
from prep.tui.screens.widths import FitsTheWidth
from prep.tui.startup import add_other_screens_css, resume_garbage_collection
from prep.tui.typed import PrepScreen
from prep.tui.undo import DELETE_NOTE, Restored, delete_meeting_undoably, offer_undo
from prep.tui.widgets.agenda_list import AgendaList
from prep.tui.widgets.focus import focus_now
from prep.tui.widgets.footer import KeyFooter
from prep.tui.widgets.meeting_detail import MeetingDetail

if TYPE_CHECKING:
    from prep.tui.screens.series_scope import Scope

# The agenda shows this many meetings at most; a 20-year history should not
# slow the home screen down.
AGENDA_LIMIT = 300

EMPTY_TEXT = """\
[b]No meetings yet.[/b]

Press [b $accent]n[/] to add your next meeting with a client, a customer or your boss: \
a title, who it is with, and when ("tomorrow 3pm" works).

Ten minutes before the call, walk the four-step checklist: who holds the power, \
what each side expects, how assertive to be, and the solutions you bring. \
After the call, a three-minute debrief compares the plan with what happened.

Press [b $accent]?[/] for the ideas behind each step, or [b $accent]ctrl+p[/] for every command.
"""


def _row_count(groups: list[AgendaGroup]) -> int:
    """The list's rows for these groups: a heading each, then its meetings."""
    return sum(1 + len(group.meetings) for group in groups)


class AgendaScreen(FitsTheWidth, KeysInOrder, HasCommands, PrepScreen[None]):
    """Upcoming meetings grouped by when, past ones needing a debrief first."""

    # Priority, so each runs as its key is read: the keys typed after one
    # that opens a screen go to that screen (see keys_in_order.py).
    PREP_COMMANDS = (
        Command(
            "prepare",
            "p",
            "Prepare",
            palette_help="Open the checklist for the selected meeting",
            priority=True,
        ),
        Command(
            "debrief", "b", "Debrief", palette_help="Debrief the selected meeting", priority=True
        ),
        # Not in the footer, which is full at 80 columns: the detail of a
        # meeting under way names it, and so does the palette.
        Command(
            "call",
            "c",
            "Call",
            palette_title="Call mode",
            palette_help="The selected meeting at a glance, during the call",
            show=False,
            priority=True,
        ),
        Command(
            "toggle_done",
            "x",
            "Done",
            palette_title="Mark action item done",
            palette_help="The selected action item",
            show=False,
            priority=True,
        ),
        Command(
            "new_meeting",
            "n",
            "New",
            palette_title="New meeting",
            palette_help="Add a meeting",
            priority=True,
        ),
        Command(
            "review",
            "r",
            "Review",
            palette_title="Weekly review",
            palette_help="This week's numbers, trends and reflection",
            priority=True,
        ),
        Command(
            "people",
            "o",
            "People",
            palette_help="Each relationship and its timeline",
            priority=True,
        ),
        Command(
            "edit_meeting",
            "e",
            "Edit",
            palette_title="Edit meeting",
            palette_help="Edit the selected meeting",
            priority=True,
        ),
        Command(
            "delete_meeting",
            "d,delete",
            "Delete",
            palette_title="Delete meeting",
            palette_help="Delete the selected meeting",
            key_display="d",
            priority=True,
        ),
        Command("app.quit", "q", "Quit", show=False),
        SEARCH,
    )
    BINDINGS = bindings(PREP_COMMANDS)

    def __init__(self) -> None:
        super().__init__()
        self._reselect: str | None = None  # the option to select after an undo
        # What the list shows, by id (see refresh_agenda): meetings, and open
        # action items with their person's name.
        self._meetings: dict[int, Meeting] = {}
        self._actions: dict[int, tuple[ActionItem, str]] = {}
        # What the detail shows from earlier meetings, read once rather than at
        # every arrow key (that was 10 SQL statements and 8 ms a key on 5,000
        # meetings): by meeting id, the last meeting with the person and what
        # is still open (each person's rows are kept by the store). Forgotten
        # once the file has changed (a save here, on a screen opened from
        # here, or by another program) or the day has: see `_earlier_than`.
        # Dropping them at every return instead read each thread twice.
        self._earlier: dict[int, tuple[Meeting | None, tuple[OpenThread, ...]]] = {}
        self._read_at: tuple[tuple[int, int], date] | None = None
        # Start-up (see `_finish_first_frame`): whether the agenda is loaded
        # and the first frame finished; the action items are read only then
        # when the meetings alone fill the first frame.
        self._loaded = False
        self._first_frame_finished = False
        self._actions_later = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="agenda-body"):
            with Vertical(id="agenda-left"):
                yield AgendaList(id="agenda-list")
                yield Static(EMPTY_TEXT, id="agenda-empty")
            yield MeetingDetail(id="agenda-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#agenda-list").border_title = "Agenda"
        self._loaded = True
        # Keys typed before this (while prep started) find the whole agenda.
        self.refresh_agenda(first_frame=not self._first_frame_finished)
        self.call_after_refresh(self._finish_first_frame)
        # Relative times ("in 2 h") drift; a minute is fine-grained enough.
        self.set_interval(60, self.refresh_agenda)

    def before_key(self) -> None:
        # A key typed at start-up moves through the whole agenda, and may
        # open another screen.
        self._finish_first_frame()

    def _finish_first_frame(self) -> None:
        """What the first frame left out, added once it is painted or as the
        first key is read, whichever comes first: the rows below it, and the
        action items if they were among those; the other screens' layout.
        Then the garbage collector runs again (see startup.py)."""
        if self._first_frame_finished:
            return
        self._first_frame_finished = True
        agenda = self.query_one(AgendaList) if self._loaded else None
        if agenda is not None and not agenda.complete:
            agenda.add_rest(self._read_actions() if self._actions_later else ())
        self._actions_later = False
        add_other_screens_css(self.app)
        resume_garbage_collection()

    def refresh_agenda(
        self, select_id: int | None = None, *, select: str | None = None, first_frame: bool = False
    ) -> None:
        """Reload the list; highlight meeting `select_id` or option `select`
        ("a3"), else keep the cursor where it was. For the `first_frame`, only
        what it can show (see `_finish_first_frame`)."""
        now = self.app.clock.now()
        try:
            self.app.store.series.make_occurrences()
        except StoreError:
            pass  # a busy or read-only file: show what is made already
        try:
            meetings = self.app.store.meetings_from(now - DEBRIEF_WINDOW, limit=AGENDA_LIMIT)
        except StoreError as error:
            self.notify(str(error), title="Could not read meetings", severity="error", markup=False)
            return
        self._meetings = {meeting.id: meeting for meeting in meetings}
        groups = build_agenda(meetings, now, self.app.settings.week_starts_on)
        # The first frame has no more rows than the terminal has lines; the
        # action items come after the meetings, so below it if those fill it.
        first_rows = self.app.size.height if first_frame else None
        self._actions_later = first_rows is not None and _row_count(groups) >= first_rows
        actions = [] if self._actions_later else self._read_actions()
        agenda = self.query_one(AgendaList)
        agenda.show(
            groups,
            now,
            f"m{select_id}" if select_id is not None else select,
            actions,
            first_rows=first_rows,
        )
        empty = not groups and not actions
        agenda.display = not empty
        self.query_one(MeetingDetail).display = not empty
        self.query_one("#agenda-empty").display = empty
        self._show_detail()
        if not empty:
            focus_now(agenda)

    def _read_actions(self) -> list[tuple[ActionItem, str]]:
        """The open action items (kept by id for the detail), [] if unreadable."""
        try:
            actions = self.app.store.debriefs.open_action_items()
        except StoreError:
            actions = []
        self._actions = {action.id: (action, person) for action, person in actions}
        return actions

    @on(OptionList.OptionHighlighted, "#agenda-list")
    def _show_detail(self) -> None:
        meeting = self._selected()
        detail = self.query_one(MeetingDetail)
        now = self.app.clock.now()
        action_id = self.query_one(AgendaList).selected_action_id
        if action_id is not None and action_id in self._actions:
            detail.show_action(*self._actions[action_id], now)
            return
        previous: Meeting | None = None
        threads: tuple[OpenThread, ...] = ()
        if meeting is not None:
            try:
                previous, threads = self._earlier_than(meeting, now)
            except StoreError:
                pass
        detail.show(meeting, previous, now, threads=threads)

    def _earlier_than(
        self, meeting: Meeting, now: datetime
    ) -> tuple[Meeting | None, tuple[OpenThread, ...]]:
        """The last meeting with the person, and what is still open with them."""
        store = self.app.store
        read_at = (store.changes(), now.date())
        if read_at != self._read_at:
            self._earlier.clear()
            self._read_at = read_at
        earlier = self._earlier.get(meeting.id)
        if earlier is None:
            earlier = self._earlier[meeting.id] = (
                store.previous_meeting_with(meeting),
                store.threads.open_before(meeting, now.date()),  # a person's rows read once
            )
        return earlier

    async def enter_pressed(self, focused: Widget) -> bool:
        if focused is not self.query_one(AgendaList):
            return False
        await self.open_selected()
        return True

    @on(OptionList.OptionSelected, "#agenda-list")
    async def _option_clicked(self) -> None:
        await self.open_selected()

    async def open_selected(self) -> None:
        """Enter: the debrief for a meeting that has started, else its checklist;
        on an action item, mark it done."""
        if self.query_one(AgendaList).selected_action_id is not None:
            self.action_toggle_done()
            return
        meeting = self._selected()
        if meeting is None:
            await self.action_prepare()  # says to select a meeting first
            return
        from prep.tui.meeting_screens import open_meeting

        await open_meeting(self.app, meeting, lambda _: self.refresh_agenda(meeting.id))

    def _selected(self) -> Meeting | None:
        meeting_id = self.query_one(AgendaList).selected_meeting_id
        return self._meetings.get(meeting_id) if meeting_id else None

    # -- actions -------------------------------------------------------------
    # Each one that opens a screen awaits it: until it is ready, the app reads
    # no further key, so what is typed next lands in it.

    async def action_prepare(self) -> None:
        meeting = self._selected()
        if meeting is None:
            self.notify("Select a meeting first, or press n to add one.", markup=False)
            return
        from prep.tui.meeting_screens import open_checklist

        await open_checklist(self.app, meeting, lambda _: self.refresh_agenda(meeting.id))

    async def action_debrief(self) -> None:
        meeting = self._selected()
        if meeting is None:
            self.notify("Select a meeting first.", markup=False)
            return
        if not meeting.has_started(self.app.clock.now()):
            self.notify("That meeting has not started yet: prepare for it with p.", markup=False)
            return
        from prep.tui.meeting_screens import open_debrief

        await open_debrief(self.app, meeting, lambda _: self.refresh_agenda(meeting.id))

    async def action_call(self) -> None:
        from prep.tui.meeting_screens import open_call

        meeting = self._selected()
        if meeting is None:
            self.notify("Select a meeting first.", markup=False)
            return
        await open_call(self.app, meeting, lambda _: self.refresh_agenda(meeting.id))

    def action_toggle_done(self) -> None:
        """Mark the selected action item done (it leaves the agenda; ctrl+z
        brings it back for a few seconds, like any undo)."""
        action_id = self.query_one(AgendaList).selected_action_id
        if action_id is None:
            self.notify("Select an action item to mark it done.", markup=False)
            return
        action, _person = self._actions[action_id]
        if not self._set_done(action_id, True):
            return
        store = self.app.store

        def reopen() -> None:
            store.debriefs.set_done(action_id, False)
            self._reselect = f"a{action_id}"

        offer_undo(
            self.app,
            f"Done: {action.text}.",
            reopen,
            "Not done after all: it is back on the agenda.",
        )
        self.refresh_agenda()  # the cursor stays where the item was

    def _set_done(self, action_id: int, done: bool) -> bool:
        try:
            self.app.store.debriefs.set_done(action_id, done)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            return False
        return True

    async def action_review(self) -> None:
        from prep.tui.kept_screens import show_screen
        from prep.tui.screens.review import ReviewScreen

        await show_screen(self.app, ReviewScreen, lambda _: self.refresh_agenda())

    async def action_people(self) -> None:
        from prep.tui.kept_screens import show_screen
        from prep.tui.screens.people import PeopleScreen

        await show_screen(self.app, PeopleScreen, lambda _: self.refresh_agenda())

    async def action_new_meeting(self) -> None:
        from prep.tui.screens.meeting_form import MeetingFormScreen

        await self.app.push_screen(MeetingFormScreen(), self._after_form)

    async def action_edit_meeting(self) -> None:
        from prep.tui.screens.meeting_form import MeetingFormScreen

        meeting = self._selected()
        if meeting is None:
            self.notify("Select a meeting first, or press n to add one.", markup=False)
            return
        await self.app.push_screen(MeetingFormScreen(meeting), self._after_form)

    def _after_form(self, meeting_id: int | None) -> None:
        self.refresh_agenda(select_id=meeting_id)

    async def action_delete_meeting(self) -> None:
        from prep.tui.screens.confirm import ConfirmScreen

        meeting = self._selected()
        if meeting is None:
            self.notify("Select a meeting to delete.", markup=False)
            return

        def answered(confirmed: bool | None) -> None:
            if confirmed and delete_meeting_undoably(self, meeting):
                self.refresh_agenda()

        def scoped(scope: Scope | None) -> None:
            if scope and delete_meeting_undoably(self, meeting, and_later=scope == "later"):
                self.refresh_agenda()

        # A callback rather than push_screen_wait in a worker: the worker
        # would push the question later, and a "y" typed straight after "d"
        # would reach the agenda instead of it.
        if meeting.series_id is not None:
            from prep.tui.screens.series_scope import SeriesScopeScreen

            await self.app.push_screen(
                SeriesScopeScreen(
                    f"Delete “{meeting.title}” with {meeting.counterpart.name}: "
                    "this one, or this and the later ones?",
                    DELETE_NOTE,
                    destructive=True,
                ),
                scoped,
            )
            return
        await self.app.push_screen(
            ConfirmScreen(
                f"Delete “{meeting.title}” with {meeting.counterpart.name}?",
                DELETE_NOTE,
                confirm_label="Delete",
            ),
            answered,
        )

    @on(Restored)
    def _restored(self) -> None:
        select, self._reselect = self._reselect, None
        self.refresh_agenda(select=select)

    def action_search(self) -> None:
        from prep.tui.screens.search import open_search

        open_search(self.app, lambda _: self.refresh_agenda())
