"""The debrief: the frozen plan beside what happened, saved as you type."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Checkbox, Header, Input, Label, Static, TextArea

from prep.domain.checklist import Checklist
from prep.domain.debrief import FEEDBACK_QUESTIONS, Debrief
from prep.domain.debrief_rules import TEMPERATURE_LABELS
from prep.domain.models import Meeting
from prep.domain.open_threads import CoachingNote, OpenThread, ThreadKind
from prep.domain.when import (
    WhenError,
    describe_reading,
    format_day_time,
    format_when,
    parse_when,
    read_when,
    relative,
)
from prep.store import StoreError
from prep.store.debriefs import FIELDS
from prep.tui.commands import BACK_SAVING, CALL_THIS_MEETING, Command, HasCommands, bindings
from prep.tui.exporting import ExportKind, export_command, export_meeting_file
from prep.tui.messages import (
    AskResultChosen,
    CoachingTriedChosen,
    DeadlineMoveChanged,
    ProposalOutcomeChosen,
)
from prep.tui.saving import NOT_LOADED, SaveAsYouTypeScreen
from prep.tui.screens.keys_in_order import KeysInOrder
from prep.tui.screens.widths import FitsTheWidth, fit_width
from prep.tui.widgets.assertiveness_scale import AssertivenessScale
from prep.tui.widgets.choice import Choice
from prep.tui.widgets.coaching_tried import CoachingTriedRow
from prep.tui.widgets.debrief_rows import (
    ActionRow,
    AskResultRow,
    DeadlineMoveRow,
    ProposalRow,
    UnplannedAskRow,
    UnsaidRow,
)
from prep.tui.widgets.focus import focus_now
from prep.tui.widgets.footer import KeyFooter
from prep.tui.widgets.item_list import ItemList
from prep.tui.widgets.open_items import OpenItems
from prep.tui.widgets.text_field import TextField, short_text
from prep.tui.widgets.tick_box import TickBox

RATINGS = [("1 · Poor", 1), ("2 · Weak", 2), ("3 · OK", 3), ("4 · Good", 4), ("5 · Excellent", 5)]
TEMPERATURES = [(f"{n} · {word.capitalize()}", n) for n, word in TEMPERATURE_LABELS.items()]

SECTIONS = [
    "how",
    "asks",
    "unsaid",
    "deadlines",
    "level",
    "feedback",
    "solutions",
    "actions",
    "coaching",
    "next",
]

# The palette's "Debrief: …" entries, one per section.
SECTION_TITLES = {
    "how": "How it went",
    "asks": "Asks",
    "unsaid": "Unsaid",
    "deadlines": "Deadlines",
    "level": "Assertiveness",
    "feedback": "Feedback",
    "solutions": "Problems raised",
    "actions": "Action items",
    "coaching": "Coaching up",
    "next": "Next meeting",
}

# Earlier threads the debrief lets you tick settled (the others settle in
# the next plan, or, for the coaching-up note, in its own section).
TICKABLE_THREADS = (ThreadKind.UNSAID, ThreadKind.ACTION)

IDEA = (
    "An after-action review compares the plan with what happened: what was "
    "supposed to happen, what did, why they differ, and what next. Debriefs of this "
    "kind measurably improve performance. The plan froze when the meeting started."
)


def _section(key: str, title: str) -> Label:
    return Label(title, id=f"section-{key}", classes="section-label")


NOT_IN_PLAN = "Not written in the plan"


def _expected(checklist: Checklist) -> Content:
    """What each side expected, as the plan says, to read the outcome against."""

    def line(who: str, text: str) -> Content:
        said = text.strip() or Content.styled(NOT_IN_PLAN, "italic $text-muted")
        return Content.assemble((f"{who}  ", "$text-muted"), said)

    return Content("\n").join(
        [line("They expected", checklist.they_expect), line("You expected", checklist.i_expect)]
    )


def _or_hint(rows: Sequence[Widget], nothing: str) -> Sequence[Widget]:
    """A row for each planned item, or a line saying none was planned; all
    of them go when the form is refilled for another meeting."""
    widgets = rows or [Static(nothing, classes="hint")]
    for widget in widgets:
        widget.add_class(FROM_THE_PLAN)
    return widgets


# The class of the rows built from one meeting's plan (see DebriefForm.refill).
FROM_THE_PLAN = "from-the-plan"


@dataclass(frozen=True)
class DebriefRead:
    """What the debrief screen read for one meeting, and the form shows."""

    meeting: Meeting
    checklist: Checklist
    debrief: Debrief
    earlier: tuple[OpenThread, ...]
    today: date
    coaching_to_try: CoachingNote | None = None


class DebriefForm(VerticalScroll):
    """The debrief's sections, built from what the screen read: a row for
    each ask, deadline and problem the plan has. Refilled for another
    meeting, it keeps every other widget and rebuilds only those rows."""

    def __init__(self, read: DebriefRead, *, id: str) -> None:
        super().__init__(id=id)
        self._take(read)

    def _take(self, read: DebriefRead) -> None:
        self.meeting, self.checklist, self.debrief = read.meeting, read.checklist, read.debrief
        self.earlier, self.today = read.earlier, read.today
        self.coaching_to_try = read.coaching_to_try

    # The rows that depend on the plan, each group placed before a fixed widget.

    def _ask_rows(self) -> Sequence[Widget]:
        results = {r.ask_id: r for r in self.debrief.ask_results}
        return _or_hint(
            [AskResultRow(a, results.get(a.id)) for a in self.checklist.asks if a.text.strip()],
            "No direct asks were planned.",
        )

    def _deadline_rows(self) -> Sequence[Widget]:
        moves = {move.deadline_id: move for move in self.debrief.deadline_moves}
        return _or_hint(
            [
                DeadlineMoveRow(x, moves.get(x.id), self.meeting.id, self.today)
                for x in self.checklist.deadlines
                if x.label.strip() or x.has_range
            ],
            "No deadlines were planned.",
        )

    def _proposal_rows(self) -> Sequence[Widget]:
        outcomes = dict(self.debrief.proposal_outcomes)
        return _or_hint(
            [ProposalRow(p, outcomes.get(p.id)) for p in self.checklist.problems if p.text.strip()],
            "No problems were planned.",
        )

    def _coaching_rows(self) -> Sequence[Widget]:
        if self.coaching_to_try is None:  # no earlier note, or tried before this meeting
            return []
        row = CoachingTriedRow(self.coaching_to_try)
        row.add_class(FROM_THE_PLAN)
        return [row]

    def _earlier(self) -> list[OpenThread]:
        return [t for t in self.earlier if t.kind in TICKABLE_THREADS]

    def compose(self) -> ComposeResult:
        d = self.debrief

        yield Static(IDEA, classes="idea")

        yield _section("how", "How it went")
        yield Static(_expected(self.checklist), id="expected", classes="plan-line")
        yield short_text(d.outcome, id="outcome", placeholder="The outcome and any decisions")
        yield Label("Why do the two differ?", classes="question")
        yield short_text(
            d.why_differ,
            id="why_differ",
            placeholder="What happened that neither side expected, or why one was right",
        )
        # Shown only once the call screen has notes (see _show_call_notes).
        yield Label("Noted during the call", classes="question", id="call-notes-label")
        yield short_text(d.call_notes, id="call_notes", placeholder="")
        with Horizontal(classes="form-row"):
            yield Label("Overall", classes="field-label")
            yield Choice(
                RATINGS,
                prompt="How did it go? (1–5)",
                id="overall",
                value=d.overall or Choice.NO_CHOICE,
            )
        with Horizontal(classes="form-row"):
            yield Label("Temperature", classes="field-label")
            yield Choice(
                TEMPERATURES,
                prompt="The relationship, cold to warm",
                id="temperature",
                value=d.temperature or Choice.NO_CHOICE,
            )

        yield _section("asks", "Your direct asks")
        yield from self._ask_rows()
        yield Static(
            "Asks you made without planning them count as asked, marked unplanned.",
            classes="hint",
            id="unplanned-hint",
        )
        yield ItemList(
            "unplanned", self.meeting.id, UnplannedAskRow, noun="unplanned ask", id="unplanned"
        )

        yield _section("unsaid", "What went unsaid")
        yield Static(
            "Anything you meant to say and did not. It follows this person "
            "into your next checklist and brief until you mark it resolved.",
            classes="hint",
        )
        yield ItemList("unsaid", self.meeting.id, UnsaidRow, noun="unsaid item", id="unsaid")
        yield OpenItems(self._earlier(), self.today, id="earlier-items")

        yield _section("deadlines", "Deadlines")
        yield from self._deadline_rows()

        yield _section("level", "Assertiveness: plan and reality")
        yield AssertivenessScale(
            d.actual_level, compare=self.checklist.planned_level, id="actual_level"
        )
        # Shown only when no level was planned (see _show_fixed).
        yield Static(
            "No level was planned; rate what you actually did.", classes="hint", id="no-plan-level"
        )

        yield _section("feedback", "Feedback")
        yield TickBox(
            "I asked for feedback (worded as asking for advice)",
            d.feedback_asked,
            id="feedback_asked",
            compact=True,
        )
        for field, question in FEEDBACK_QUESTIONS.items():
            yield Label(question, classes="question")
            yield TextField(getattr(d, field), id=field, compact=True, placeholder="Their answer")

        yield _section("solutions", "Problems you raised")
        yield from self._proposal_rows()

        yield _section("actions", "Action items")
        yield ItemList("actions", self.meeting.id, ActionRow, noun="action item", id="actions")

        yield _section("coaching", "Coaching up")
        yield Static(
            "Managing up changes how they see you; coaching up tries to "
            "change what they do. If they won't take feedback, reframe and "
            "act yourself: show what a late addition does to the deadline.",
            classes="hint",
        )
        yield from self._coaching_rows()
        yield short_text(
            d.coaching_note,
            id="coaching_note",
            placeholder="A behaviour you'd like to change, and what you'll do",
        )

        yield _section("next", "Next meeting")
        with Horizontal(classes="form-row"):
            yield Label("When", classes="field-label")
            yield TextField(
                id="next-when",
                compact=True,
                placeholder="e.g. next tue 10am — enter books it",
            )
        yield Static("", id="next-hint", classes="hint")

    def on_mount(self) -> None:
        self._show_optional()

    def _show_optional(self) -> None:
        """The lines that only some meetings have."""
        has_notes = bool(self.debrief.call_notes.strip())
        self.query_one("#call-notes-label").display = has_notes
        self.query_one("#call_notes").display = has_notes
        self.query_one("#no-plan-level").display = self.checklist.planned_level is None

    async def refill(self, read: DebriefRead) -> None:
        """Show another meeting: every field takes its value (without saving
        anything back), and the rows built from the plan are built anew."""
        self._take(read)
        d, checklist, meeting, today = read.debrief, read.checklist, read.meeting, read.today
        with self.prevent(Input.Changed, TextArea.Changed, Choice.Changed, Checkbox.Changed):
            self.query_one("#expected", Static).update(_expected(checklist))
            for field in ("outcome", "why_differ", "call_notes", "coaching_note"):
                self.query_one(f"#{field}", TextArea).text = getattr(d, field)
            for field in FEEDBACK_QUESTIONS:
                self.query_one(f"#{field}", Input).value = getattr(d, field)
            self.query_one("#next-when", Input).value = ""
            self.query_one("#overall", Choice).value = d.overall or Choice.NO_CHOICE
            self.query_one("#temperature", Choice).value = d.temperature or Choice.NO_CHOICE
            self.query_one("#feedback_asked", Checkbox).value = d.feedback_asked
        scale = self.query_one("#actual_level", AssertivenessScale)
        scale.compare = checklist.planned_level
        scale.set_level(d.actual_level)
        self._show_optional()
        for item_list in self.query_children(ItemList):
            item_list.parent_id = meeting.id
        await self.query_children(f".{FROM_THE_PLAN}").remove()
        await self.mount_all(self._ask_rows(), before="#unplanned-hint")
        await self.mount_all(self._deadline_rows(), before="#section-level")
        await self.mount_all(self._proposal_rows(), before="#section-actions")
        await self.mount_all(self._coaching_rows(), before="#coaching_note")
        await self.query_one(OpenItems).show(self._earlier(), today)
        self.scroll_home(animate=False, immediate=True)


class DebriefScreen(FitsTheWidth, KeysInOrder, HasCommands, SaveAsYouTypeScreen):
    """Debrief one meeting, section by section, against its frozen plan."""

    PREP_COMMANDS = (
        Command("section(1)", "pagedown", "Next section", key_display="PgDn", priority=True),
        Command("section(-1)", "pageup", "Previous", key_display="PgUp", priority=True),
        *(
            Command(
                f"jump({key!r})",
                palette_title=f"Debrief: {title}",
                palette_help="Jump to this section",
            )
            for key, title in SECTION_TITLES.items()
        ),
        CALL_THIS_MEETING,
        export_command("debrief"),
        BACK_SAVING,
    )
    BINDINGS = bindings(PREP_COMMANDS)

    FIELDS = FIELDS

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self.meeting = meeting
        # Empty until on_mount reads them (and left so if the store can't be read).
        self.checklist = Checklist(meeting.id)
        self.debrief = Debrief(meeting.id)

    def compose(self) -> ComposeResult:
        yield Header()
        # Under 100 columns, in place of the side column: the same status, short.
        yield Static("", id="debrief-strip")
        with Horizontal(id="debrief-body"):
            with Vertical(id="debrief-side"):
                yield Static("", id="debrief-status")
            # The sections (a DebriefForm) are mounted here once on_mount has
            # read the debrief and its plan.
        yield KeyFooter()

    def loaded_value(self, field: str) -> Any:
        # The text fields are built with the debrief's values (see DebriefForm).
        return getattr(self.debrief, field, NOT_LOADED)

    async def on_mount(self) -> None:
        await self._fill()

    async def refill(self, meeting: Meeting) -> None:
        """Show `meeting` in this screen's widgets (prep.tui.kept_screens)."""
        self.start_over()
        self.meeting = meeting
        self.checklist = Checklist(meeting.id)
        self.debrief = Debrief(meeting.id)
        fit_width(self)
        await self._fill()

    async def _fill(self) -> None:
        """Read the debrief and its plan and show them, from the top."""
        now = self.app.clock.now()
        self.title = f"Debrief · {self.meeting.title}"
        self.sub_title = (
            f"with {self.meeting.counterpart.name} · "
            f"{format_when(self.meeting.starts_at, now)} "
            f"({relative(self.meeting.starts_at, now)})"
        )
        m = self.meeting
        earlier: tuple[OpenThread, ...] = ()
        coaching: CoachingNote | None = None
        try:
            self.checklist = self.app.store.checklists.get(m.id)
            self.debrief = self.app.store.debriefs.get(m.id)
            earlier, coaching = self.app.store.threads.for_debrief(m, now.date())
        except StoreError as error:
            self.notify(str(error), title="Could not load", severity="error", markup=False)
        read = DebriefRead(m, self.checklist, self.debrief, earlier, now.date(), coaching)
        forms = self.query(DebriefForm)
        if forms:
            await forms.first().refill(read)
        else:
            # Awaited, so that the sections exist before the first paint.
            await self.query_one("#debrief-body").mount(DebriefForm(read, id="debrief-main"))
        # Awaited: the rows exist before the first key is read.
        await self.query_one("#unsaid", ItemList).load(self.debrief.unsaid)
        await self.query_one("#unplanned", ItemList).load(self.debrief.unplanned_asks)
        await self.query_one("#actions", ItemList).load(self.debrief.action_items)
        self._show_next()
        self._show_status(self.debrief)
        focus_now(self.query_one("#outcome"), scroll_visible=False)  # the screen opens at its top

    # -- status ----------------------------------------------------------------

    def _show_status(self, debrief: Debrief) -> None:
        from prep.domain.debrief_rules import debrief_missing, level_gap

        missing = debrief_missing(debrief)
        lines = [Content.styled("Debrief", "bold")]
        if missing:
            lines += [Content.styled("Still to do:", "$text-warning")]
            lines += [Content(f"• {item}") for item in missing]
        else:
            lines.append(Content.styled("✓ Done. The meeting is debriefed.", "$text-success"))
        gap = level_gap(self.checklist.planned_level, debrief.actual_level)
        if gap:
            lines += [Content(""), Content.styled("Assertiveness", "bold"), Content(gap)]
        lines += [Content(""), Content.styled("PgDn/PgUp jump between sections.", "$text-muted")]
        self.query_one("#debrief-status", Static).update(Content("\n").join(lines))
        strip = (
            Content.assemble(("Still to do: ", "bold $text-warning"), " ".join(missing))
            if missing
            else Content.styled("✓ Debriefed.", "$text-success")
        )
        if gap:
            strip = Content.assemble(strip, ("  Assertiveness: ", "bold"), gap)
        self.query_one("#debrief-strip", Static).update(strip)

    def after_save(self) -> None:
        try:
            debrief = self.app.store.debriefs.get(self.meeting.id)
        except StoreError:
            return
        self._show_status(debrief)

    # -- the rows comparing plan and outcome ------------------------------------------

    def _store_now(self, write: Callable[[], object]) -> bool:
        """Write a choice at once; False (with the reason shown) if the store refused it."""
        try:
            write()
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            return False
        finally:
            self.saver.flush()  # writes typing in step, and redraws what is left to do
        return True

    @on(AskResultChosen)
    def _ask_result_chosen(self, event: AskResultChosen) -> None:
        event.stop()
        self._store_now(
            lambda: self.app.store.debriefs.set_ask_result(event.ask_id, event.asked, event.answer)
        )
        self.reload_unsaid()

    @on(DeadlineMoveChanged)
    def _deadline_move_changed(self, event: DeadlineMoveChanged) -> None:
        event.stop()
        debriefs, dates = self.app.store.debriefs, event.dates
        if dates is None:
            stored = self._store_now(
                lambda: debriefs.clear_move(event.deadline_id, event.meeting_id)
            )
        else:
            stored = self._store_now(
                lambda: debriefs.record_move(event.deadline_id, event.meeting_id, *dates)
            )
        if not stored:
            event.row.not_stored()

    @on(ProposalOutcomeChosen)
    def _proposal_outcome_chosen(self, event: ProposalOutcomeChosen) -> None:
        event.stop()
        self._store_now(
            lambda: self.app.store.debriefs.set_proposal_outcome(event.problem_id, event.outcome)
        )

    @on(CoachingTriedChosen)
    def _coaching_tried_chosen(self, event: CoachingTriedChosen) -> None:
        event.stop()
        tried_in = self.meeting.id if event.outcome is not None else None
        self._store_now(
            lambda: self.app.store.threads.set_coaching_tried(
                event.note_meeting_id, tried_in, event.outcome
            )
        )

    def reload_unsaid(self) -> None:
        """An ask marked not asked adds (or removes) an unsaid item: show the list as stored."""
        try:
            unsaid = self.app.store.debriefs.get(self.meeting.id).unsaid
        except StoreError:
            return
        self.query_one("#unsaid", ItemList).load(unsaid)

    def save_field(self, field: str, value: object) -> None:
        self.app.store.debriefs.set_field(self.meeting.id, field, value)

    def stored_value(self, field: str) -> object:
        return getattr(self.app.store.debriefs.get(self.meeting.id), field)

    # -- next meeting ----------------------------------------------------------------

    @on(Input.Changed, "#next-when")
    def _next_typed(self, event: Input.Changed) -> None:
        hint = self.query_one("#next-hint", Static)
        if not event.value.strip():
            self._show_next()
            return
        now = self.app.clock.now()
        try:
            reading = read_when(event.value, now, self.app.settings.dates)
        except WhenError as error:
            hint.update(Content(str(error)))
            hint.set_class(True, "error")
            return
        hint.set_class(False, "error")
        hint.update(Content(f"→ {describe_reading(reading, now)} — press enter to book it"))

    async def enter_pressed(self, focused: Widget) -> bool:
        """Enter in the next meeting's field books it."""
        if focused.id != "next-when" or not isinstance(focused, Input):
            return False
        self._book_next(focused)
        return True

    def _book_next(self, field: Input) -> None:
        now = self.app.clock.now()
        try:
            moment = parse_when(field.value, now, self.app.settings.dates)
            follow_up = self.app.store.debriefs.create_next_meeting(self.meeting, moment)
        except WhenError as error:
            self.notify(str(error), title="Not booked", severity="error", markup=False)
            return
        except StoreError as error:
            self.notify(str(error), title="Not booked", severity="error", markup=False)
            return
        self.debrief = self.app.store.debriefs.get(self.meeting.id)
        field.value = ""
        self._show_next()
        self.notify(
            f"Booked “{follow_up.title}”, {format_day_time(follow_up.starts_at, now)}. "
            "Open items will carry to it.",
            markup=False,
        )

    def _show_next(self) -> None:
        hint = self.query_one("#next-hint", Static)
        hint.set_class(False, "error")
        next_id = self.debrief.next_meeting_id
        if next_id is None:
            hint.update(Content("Book the next meeting with them; open items carry to it."))
            return
        try:
            follow_up = self.app.store.meeting(next_id)
        except StoreError:
            hint.update(Content(""))
            return
        now = self.app.clock.now()
        when = format_day_time(follow_up.starts_at, now)
        hint.update(
            Content(f"Booked: {follow_up.title}, {when} ({relative(follow_up.starts_at, now)}).")
        )

    # -- navigation and leaving ----------------------------------------------------

    def action_section(self, delta: int) -> None:
        """Jump to the next or previous section and focus its first field."""
        main = self.query_one("#debrief-main", VerticalScroll)
        children = list(main.children)
        labels = [self.query_one(f"#section-{key}") for key in SECTIONS]
        # Where are we? The section whose heading comes last before the focus.
        focused = self.focused
        top = next(
            (
                w
                for w in ([focused, *focused.ancestors] if focused else [])
                if w.parent is main and isinstance(w, Widget)
            ),
            None,
        )
        here = children.index(top) if top is not None else -1
        current = max(
            (i for i, label in enumerate(labels) if children.index(label) <= here), default=-1
        )
        index = max(0, min(len(labels) - 1, current + delta))
        label = labels[index]
        main.scroll_to_widget(label, top=True, animate=False)
        for widget in children[children.index(label) + 1 :]:
            focusable = [w for w in [widget, *widget.query("*")] if w.focusable]
            if focusable:
                focus_now(focusable[0], scroll_visible=False)
                break

    async def action_call(self) -> None:
        """The call screen in place of the debrief: it records the same asks
        and notes, so the two are never open on one meeting at once (escape
        goes back to the list; enter or b opens the debrief again)."""
        from prep.tui.meeting_screens import open_call

        app = self.app
        self.action_back()  # saves, then closes
        await open_call(app, self.meeting, lambda _: None)

    def action_jump(self, key: str) -> None:
        self.query_one("#debrief-main", VerticalScroll).scroll_to_widget(
            self.query_one(f"#section-{key}"), top=True, animate=False
        )

    # -- export ---------------------------------------------------------------------

    def action_export(self, kind: ExportKind) -> None:
        self.saver.flush()  # what was typed a moment ago is in the file
        export_meeting_file(self, self.meeting, kind)
