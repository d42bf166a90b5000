"""The weekly review: the week's numbers, meetings and trends, and a reflection you keep."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import Header, Label, OptionList, Static, TextArea

from prep.domain.clock import zone_of
from prep.domain.review import Reflection
from prep.domain.review_report import MEETINGS_HEADING, ReviewParts
from prep.domain.review_stats import MeetingLine
from prep.domain.weeks import describe_week, iso_week_label, week_start
from prep.store import StoreError
from prep.tui.commands import Command, HasCommands, bindings
from prep.tui.meeting_screens import open_meeting
from prep.tui.saving import DebouncedSaver
from prep.tui.screens.keys_in_order import KeysInOrder
from prep.tui.screens.widths import FitsTheWidth, fit_width
from prep.tui.typed import PrepScreen
from prep.tui.widgets.focus import focus_now
from prep.tui.widgets.footer import KeyFooter
from prep.tui.widgets.markdown_view import MarkdownView
from prep.tui.widgets.week_meetings import WeekMeetings

REFLECTION_FIELDS = (
    ("went_well", "What went well"),
    ("to_change", "What to change"),
    ("focus", "Focus for next week"),
)


def around_meetings(parts: ReviewParts) -> tuple[str, str]:
    """The report before the meetings' list (its heading included) and after
    it. The screen shows the list as `WeekMeetings`, to open a meeting from;
    a week without meetings has no such section: ("the report", "")."""
    if not parts.meetings:
        return parts.markdown(reflection=False), ""
    return f"{parts.head}\n\n{MEETINGS_HEADING}\n", f"{parts.body}\n"


class ReviewScreen(FitsTheWidth, KeysInOrder, HasCommands, PrepScreen[None]):
    """One week at a time: `[` and `]` step through weeks, `t` comes back to this one.
    Tab reaches the week's meetings, where enter opens one's checklist or debrief."""

    PREP_COMMANDS = (
        Command(
            "week(-1)",
            "left_square_bracket",
            "Previous week",
            palette_help="Step back a week",
            key_display="[",
        ),
        Command(
            "week(1)",
            "right_square_bracket",
            "Next week",
            palette_help="Step forward a week",
            key_display="]",
        ),
        Command("this_week", "t", "This week", palette_help="Back to the current week"),
        Command(
            "meetings",
            palette_title="The week's meetings",
            palette_help="Go to the list; enter opens a checklist or debrief (tab)",
        ),
        # priority: inside a reflection, TextArea would take ctrl+e as "end of line".
        Command(
            "export",
            "ctrl+e",
            "Export",
            palette_title="Export review",
            palette_help="Markdown next to the database",
            priority=True,
        ),
        Command("back", "escape", "Back"),
    )
    BINDINGS = bindings(PREP_COMMANDS)

    monday: var[date] = var(date.min, init=False)

    def __init__(self) -> None:
        super().__init__()
        self.saver = DebouncedSaver(self)
        self.markdown = ""
        self.shown_week = date.min  # the Monday of the week on screen, once loaded

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="review-body"):
            with VerticalScroll(id="review-report", can_focus=True):
                yield MarkdownView("Loading the week…", id="review-markdown")
                yield WeekMeetings(id="review-meetings")
                yield MarkdownView("", id="review-rest")
            with Vertical(id="review-reflection"):
                yield Static("", id="last-focus")
                # One under the other beside the report; side by side below
                # it, under 100 columns.
                with Vertical(id="reflection-fields"):
                    for field, title in REFLECTION_FIELDS:
                        with Vertical(classes="reflection-field"):
                            yield Label(title, classes="section-label")
                            yield TextArea(
                                id=field,
                                compact=True,
                                soft_wrap=True,
                                tab_behavior="focus",
                                classes="reflection-text",
                            )
                yield Static("Saved as you type, for this week.", classes="hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(WeekMeetings).display = False
        self.query_one("#review-report").border_title = "The week"
        self.query_one("#review-reflection").border_title = "Reflection"
        self.monday = week_start(self.app.clock.now().date())
        focus_now(self.query_one("#review-report"))

    def can_refill(self) -> bool:
        return not self.saver.has_pending

    async def refill(self) -> None:
        """Open again at this week, read afresh (prep.tui.kept_screens)."""
        fit_width(self)
        this_week = week_start(self.app.clock.now().date())
        if this_week == self.monday:
            self.watch_monday(this_week)  # the same week: read it again all the same
        else:
            self.query_one("#review-markdown", MarkdownView).update("Loading the week…")
            self.query_one(WeekMeetings).display = False
            self.query_one("#review-rest", MarkdownView).update("")
            self.monday = this_week
        self.query_one("#review-report").scroll_home(animate=False, immediate=True)
        focus_now(self.query_one("#review-report"))

    def watch_monday(self, monday: date) -> None:
        self.saver.flush()  # keep last week's words with last week
        self.title = "Weekly review"
        self.sub_title = describe_week(monday)
        self._show_reflection(monday)
        self.load_week(monday)

    def _show_reflection(self, monday: date) -> None:
        """The week's reflection, at once rather than with the report from the
        worker: words typed into it meanwhile would have been replaced."""
        try:
            reflection = self.app.store.review.reflection(monday)
        except StoreError as error:
            self.notify(
                str(error), title="Could not load the reflection", severity="error", markup=False
            )
            reflection = Reflection()
        for field, _ in REFLECTION_FIELDS:
            area = self.query_one(f"#{field}", TextArea)
            with area.prevent(TextArea.Changed):
                area.text = getattr(reflection, field)

    # -- loading -------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="review")
    def load_week(self, monday: date) -> None:
        """Query and render off the UI thread; the newest request wins."""
        from prep.domain.review_report import review_parts
        from prep.domain.review_stats import meeting_lines

        now = self.app.clock.now()
        zone = zone_of(now)
        try:
            week, previous = self.app.store.review.with_last_week(monday, zone, now)
        except StoreError as error:
            self.app.call_from_thread(
                self.notify,
                str(error),
                title="Could not load the week",
                severity="error",
                markup=False,
            )
            return
        # The reflection is edited on the right: the report shows none, and
        # one written alone doesn't make the week worth a report.
        parts = review_parts(replace(week, reflection=Reflection()), previous, now)
        self.app.call_from_thread(
            self._show, monday, parts, week.last_week_focus, meeting_lines(week, now), now
        )

    def _show(
        self,
        monday: date,
        parts: ReviewParts,
        last_focus: str,
        meetings: list[MeetingLine],
        now: datetime,
    ) -> None:
        if monday != self.monday:
            return  # the person has already moved on to another week
        self.markdown = parts.markdown(reflection=False)
        self.shown_week = monday
        before, after = around_meetings(parts)
        self.query_one("#review-markdown", MarkdownView).update(before)
        listing = self.query_one(WeekMeetings)
        had_focus = listing.has_focus
        listing.show(meetings, now)
        if had_focus and not listing.display:
            focus_now(self.query_one("#review-report"))  # a week with no meetings: keep a focus
        self.query_one("#review-rest", MarkdownView).update(after)
        focus_line = self.query_one("#last-focus", Static)
        focus_line.update(
            Content.assemble(("Last week's focus: ", "bold"), last_focus)
            if last_focus.strip()
            else Content("")
        )
        focus_line.display = bool(last_focus.strip())

    # -- meetings --------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#review-meetings")
    async def _meeting_clicked(self, event: OptionList.OptionSelected) -> None:
        await self._open_meeting(event.option.id)

    async def enter_pressed(self, focused: Widget) -> bool:
        """Enter on a meeting: its debrief once it has started, else its checklist."""
        if not isinstance(focused, WeekMeetings):
            return False
        option = focused.highlighted_option
        if option is not None:
            await self._open_meeting(option.id)
        return True

    async def _open_meeting(self, option_id: str | None) -> None:
        try:
            meeting = self.app.store.meeting(int(option_id or 0))
        except StoreError as error:
            self.notify(
                str(error), title="Could not open the meeting", severity="error", markup=False
            )
            return
        self.saver.flush()
        await open_meeting(self.app, meeting, self._reload_week)

    def _reload_week(self, _result: object = None) -> None:
        """Read the week again (a meeting opened from it may have changed it)."""
        self.load_week(self.monday)

    def action_meetings(self) -> None:
        listing = self.query_one(WeekMeetings)
        if not listing.display:
            self.notify("No meeting in this week.", markup=False)
            return
        focus_now(listing)

    # -- reflection ------------------------------------------------------------------

    @on(TextArea.Changed)
    def _reflection_changed(self, event: TextArea.Changed) -> None:
        field = event.text_area.id
        if field not in dict(REFLECTION_FIELDS):
            return
        monday, text = self.monday, event.text_area.text
        self.saver.schedule(
            f"{monday}:{field}", lambda: self.app.store.review.set_reflection(monday, field, text)
        )

    # -- actions -------------------------------------------------------------------

    def action_week(self, delta: int) -> None:
        self.monday = self.monday + timedelta(weeks=delta)

    def action_this_week(self) -> None:
        self.monday = week_start(self.app.clock.now().date())

    def action_export(self) -> None:
        """Write this week's review, reflection included, next to the database."""
        from prep.domain.review_report import render_review
        from prep.store.exports import write_private

        self.saver.flush()
        now = self.app.clock.now()
        try:
            week, previous = self.app.store.review.with_last_week(self.monday, zone_of(now), now)
            folder = self.app.store.path.parent / "exports"
            folder.mkdir(mode=0o700, exist_ok=True)
            path = folder / f"review-{iso_week_label(self.monday)}.md"
            write_private(path, render_review(week, previous, now))
        except (StoreError, OSError) as error:
            self.notify(str(error), title="Not exported", severity="error", markup=False)
            return
        self.notify(f"Exported to {path}", title="Review exported", markup=False)

    def action_back(self) -> None:
        self.saver.flush()
        self.dismiss(None)

    def on_unmount(self) -> None:
        self.saver.flush()

    def on_screen_suspend(self) -> None:
        # Covered (a dialog, the help) or closed but kept: nothing waits to be written.
        self.saver.flush()
