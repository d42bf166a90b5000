"""The pre-meeting checklist: four steps and the brief, saved as you type."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import AwaitMount, Widget
from textual.widgets import ContentSwitcher, Header, OptionList, Static
from textual.widgets.option_list import Option

from prep.domain.brief import render_brief
from prep.domain.checklist import STEP_TITLES, STEPS, Checklist, Step, position_from
from prep.domain.debrief import ActionItem, UnsaidItem
from prep.domain.debrief_rules import feedback_due
from prep.domain.models import Meeting
from prep.domain.open_threads import OpenThread
from prep.domain.readiness import (
    HEDGED_MARK,
    done_with_hedges,
    missing,
    nudges,
    readiness_dots,
    step_done,
    steps_done,
)
from prep.domain.when import format_when, relative
from prep.domain.words import counted
from prep.store import StoreError
from prep.store.checklists import FIELDS
from prep.tui.commands import BACK_SAVING, CALL_THIS_MEETING, Command, HasCommands, bindings
from prep.tui.exporting import ExportKind, export_command, export_meeting_file
from prep.tui.messages import SayItThisTime
from prep.tui.saving import SaveAsYouTypeScreen
from prep.tui.screens.keys_in_order import KeysInOrder
from prep.tui.screens.widths import FitsTheWidth, fit_width
from prep.tui.widgets.checklist_panes import (
    AssertivenessPane,
    BriefPane,
    ExpectationsPane,
    HierarchyPane,
    SolutionsPane,
    StepPane,
)
from prep.tui.widgets.focus import focus_now
from prep.tui.widgets.footer import KeyFooter
from prep.tui.widgets.open_items import OpenItems
from prep.tui.widgets.step_strip import StepStrip, StripStep

PANES = ["step-1", "step-2", "step-3", "step-4", "brief"]


class ChecklistScreen(FitsTheWidth, KeysInOrder, HasCommands, SaveAsYouTypeScreen):
    """Walk the four steps for one meeting; every field saves as you type."""

    PREP_COMMANDS = (
        # Named so no widget's action shares it: the footer shows one key per
        # action name, and the scale's "step" once hid PgDn on step 3.
        Command(
            "change_step(1)",
            "pagedown,ctrl+pagedown",
            "Next step",
            key_display="PgDn",
            priority=True,
        ),
        Command(
            "change_step(-1)", "pageup,ctrl+pageup", "Previous", key_display="PgUp", priority=True
        ),
        *(
            Command(
                f"go_to({pane_id!r})",
                palette_title=f"Go to: {STEP_TITLES[Step(index + 1)]}",
                palette_help=f"Checklist step {index + 1}",
            )
            for index, pane_id in enumerate(PANES[:-1])
        ),
        Command("go_to('brief')", palette_title="Go to: Brief", palette_help="The one-page brief"),
        CALL_THIS_MEETING,
        export_command("brief"),
        BACK_SAVING,
        Command(
            "unlock",
            "u",
            "Unlock plan",
            palette_title="Unlock the plan",
            palette_help="Edit after the start",
        ),
    )
    BINDINGS = bindings(PREP_COMMANDS)

    FIELDS = FIELDS

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self.meeting = meeting
        self.frozen = False
        # Everything still open with this person (prep.domain.open_threads).
        self.threads: tuple[OpenThread, ...] = ()
        self._checklist = Checklist(meeting_id=meeting.id)
        self._unsaid: list[UnsaidItem] = []
        self._actions: list[ActionItem] = []
        self.feedback_due = False  # this person is due the three questions by their cadence
        self._built: dict[str, AwaitMount] = {}  # pane id: await it for the pane's fields
        # Panes built for an earlier meeting, loaded with this one's when shown.
        self._stale: set[str] = set()
        self._readiness_shown: object = None  # what the step list and dots show

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="checklist-body"):
            with Vertical(id="checklist-side"):
                yield OptionList(id="steps")
                yield Static("", id="readiness")
            with Vertical(id="checklist-main"):
                yield StepStrip(id="step-strip")  # in place of the side list, under 100 columns
                yield Static("", id="frozen-banner")
                # Panes are built when first shown (see _pane): all five at once
                # are ~150 widgets, which made opening the screen take 0.8 s.
                yield ContentSwitcher(id="panes")
        yield KeyFooter()

    # -- loading -----------------------------------------------------------------

    async def on_mount(self) -> None:
        self.query_one("#steps", OptionList).border_title = "Prepare"
        await self._fill()

    async def refill(self, meeting: Meeting) -> None:
        """Show `meeting` in this screen's widgets (prep.tui.kept_screens):
        the panes already built are loaded with its checklist, the others
        are built from it when first shown, as on first opening."""
        self.start_over()
        self.meeting = meeting
        self.threads = ()
        self._checklist = Checklist(meeting_id=meeting.id)
        self.feedback_due = False
        for pane in self.query(StepPane):
            pane.show_meeting(meeting.id)
            pane.scroll_home(animate=False, immediate=True)
        self._pane("brief").scroll_home(animate=False, immediate=True)
        fit_width(self)
        await self._fill()

    async def _fill(self) -> None:
        """Read this meeting's checklist and show it, from step 1."""
        now = self.app.clock.now()
        self.title = self.meeting.title
        self.sub_title = (
            f"with {self.meeting.counterpart.name} · "
            f"{format_when(self.meeting.starts_at, now)} "
            f"({relative(self.meeting.starts_at, now)})"
        )
        try:
            checklist = self.app.store.checklists.get(self.meeting.id)
        except StoreError as error:
            self.notify(str(error), title="Could not load", severity="error", markup=False)
            return
        self._load_open_items()
        try:
            last = self.app.store.people.last_feedback(self.meeting.counterpart.id, now)
            self.feedback_due = feedback_due(last, self.meeting.counterpart.cadence, now.date())
        except StoreError:
            self.feedback_due = False
        self.frozen = self.meeting.has_started(now)
        first_open = not checklist.started
        if first_open and checklist.position is None and not self.frozen:
            checklist = self._position_from_the_person(checklist)
        self._show_readiness(checklist)
        # Panes kept from another meeting take this one's values and lists:
        # step 1 now, the others when next shown (see _pane). Loading all of
        # them here took up to 240 ms once every step had been visited.
        for pane in self.query(StepPane):
            if isinstance(pane, HierarchyPane):
                await pane.open_items.show(self.threads, now.date())
                await pane.load(checklist)
            elif pane.id is not None:
                self._stale.add(pane.id)
        # Awaited, so that the first step's fields exist before the first paint.
        await self._switch_to("step-1")
        await self._built["step-1"]
        self.set_frozen(self.frozen)
        if not self.frozen:
            # At once, not after the first paint: a key typed in between would
            # land in one field and the late focus would then jump away from it.
            self._focus_first_field()
        if first_open and self._copyable() and not self.frozen:
            # From the app's own queue, straight after this screen is up and
            # before the next key is read: the keys typed next answer it.
            self.app.call_next(self._offer_carry_over)

    def _position_from_the_person(self, checklist: Checklist) -> Checklist:
        """A new checklist starts with where the person sits as the meeting
        form recorded it (their kind and rank), saved so it can be changed
        like any answer; the checklist as stored afterwards."""
        meeting_id = self.meeting.id
        try:
            self.app.store.checklists.set_field(
                meeting_id, "position", position_from(self.meeting.counterpart)
            )
            return self.app.store.checklists.get(meeting_id)
        except StoreError:
            return checklist  # left blank, for the person to choose

    def _load_open_items(self) -> None:
        """What is still open with this person from earlier meetings (for the
        first step's list and the brief)."""
        try:
            self.threads = self.app.store.threads.open_before(
                self.meeting, self.app.clock.now().date()
            )
        except StoreError:
            self.threads = ()

    def _copyable(self) -> tuple[OpenThread, ...]:
        """The threads a carry-over copies into this plan: asks to make again,
        deadlines that moved or passed, problems still waiting for help."""
        return tuple(t for t in self.threads if t.ask or t.deadline or t.problem)

    def after_tick(self) -> None:
        # The list keeps the ticked box on screen; the brief must drop the item.
        self._load_open_items()

    def _focus_first_field(self) -> None:
        focus_now(self.query_one("#position"), scroll_visible=False)

    def _pane(self, pane_id: str) -> Widget:
        """The pane for `pane_id`, built from the latest checklist if not yet shown."""
        switcher = self.query_one("#panes", ContentSwitcher)
        for child in switcher.children:
            if child.id == pane_id:
                return child
        pane = self._build_pane(pane_id)
        self._built[pane_id] = switcher.mount(pane)
        return pane

    async def _load_again(self, pane: StepPane) -> None:
        """Show this meeting's checklist in a pane built for an earlier one."""
        if isinstance(pane, AssertivenessPane):
            pane.feedback_due = self.feedback_due
            pane.history = self._history()
        await pane.load(self._checklist)

    def _build_pane(self, pane_id: str) -> Widget:
        checklist = self._checklist
        pane: Widget
        if pane_id == "step-1":
            pane = HierarchyPane(
                self.meeting.id,
                checklist,
                OpenItems(self.threads, self.app.clock.now().date(), say_it=True, id="open-items"),
                id=pane_id,
            )
        elif pane_id == "step-2":
            pane = ExpectationsPane(self.meeting.id, checklist, id=pane_id)
        elif pane_id == "step-3":
            pane = AssertivenessPane(
                self.meeting.id,
                checklist,
                self._history(),
                feedback_due=self.feedback_due,
                id=pane_id,
            )
        elif pane_id == "step-4":
            pane = SolutionsPane(self.meeting.id, checklist, id=pane_id)
        else:
            pane = BriefPane(id=pane_id)
        pane.display = False  # until the switcher shows it
        pane.disabled = self.frozen and isinstance(pane, StepPane)
        return pane

    def _history(self) -> list[tuple[str, int | None, int | None]]:
        try:
            history = self.app.store.checklists.level_history(self.meeting)
        except StoreError:
            history = []
        now = self.app.clock.now()
        return [
            (f"{format_when(m.starts_at, now)} {m.title}", planned, actual)
            for m, planned, actual in history
        ]

    def _offer_carry_over(self) -> None:
        from prep.tui.screens.confirm import ConfirmScreen

        copyable = self._copyable()
        parts = [
            counted(n, noun)
            for n, noun in (
                (sum(t.ask is not None for t in copyable), "ask to make again"),
                (sum(t.deadline is not None for t in copyable), "deadline"),
                (sum(t.problem is not None for t in copyable), "problem still waiting for help"),
            )
            if n
        ]
        self.app.push_screen(
            ConfirmScreen(
                f"Start from your last meeting with {self.meeting.counterpart.name}?",
                f"Copy {', '.join(parts)} still open from earlier meetings. You can edit or "
                "remove them; the alternative is a blank checklist.",
                confirm_label="Copy",
                cancel_label="Start blank",
                destructive=False,
            ),
            self._carry_over_answered,
        )

    async def _carry_over_answered(self, copy: bool | None) -> None:
        if not copy:
            return
        try:
            self.app.store.threads.copy_into(self.meeting.id, self._copyable())
            checklist = self.app.store.checklists.get(self.meeting.id)
        except StoreError as error:
            self.notify(str(error), title="Not copied", severity="error", markup=False)
            return
        self._show_readiness(checklist)
        # Awaited (the answer's callback runs on the app's queue): the copied
        # rows exist before the next key is read.
        self._stale.clear()
        for pane in self.query(StepPane):
            await pane.load(checklist)
        self._load_open_items()
        self.notify("Copied from earlier meetings. Check each item still holds.")

    # -- say it this time --------------------------------------------------------

    @on(SayItThisTime)
    async def _say_it(self, event: SayItThisTime) -> None:
        """An unsaid item from an earlier meeting becomes an ask of this one;
        asking it in the call or the debrief resolves the item."""
        event.stop()
        self.saver.flush()
        try:
            self.app.store.threads.say_it(self.meeting.id, event.unsaid_id)
            checklist = self.app.store.checklists.get(self.meeting.id)
        except StoreError as error:
            self.notify(str(error), title="Not made an ask", severity="error", markup=False)
            return
        self._load_open_items()
        self._show_readiness(checklist)
        pane = self.query_one(HierarchyPane)
        await pane.load(checklist)
        await pane.open_items.show(self.threads)
        self._focus_fields(pane.open_items if pane.open_items.threads else pane)
        self.notify("Added to your direct asks. Asking it resolves the unsaid item.")

    # -- freezing ---------------------------------------------------------------

    def set_frozen(self, frozen: bool) -> None:
        """After the start time the plan is read-only, so the debrief compares
        against what was really planned, not what hindsight would write."""
        self.frozen = frozen
        for pane in self.query(StepPane):
            pane.disabled = frozen
        banner = self.query_one("#frozen-banner", Static)
        banner.display = frozen
        if frozen:
            banner.update(
                Content.assemble(
                    ("The plan froze when the meeting started. ", "bold"),
                    "Press ",
                    ("u", "bold"),
                    " to unlock it; prep will note it was edited afterwards.",
                )
            )
            focus_now(self.query_one("#steps", OptionList))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "unlock":
            return self.frozen
        return True

    def action_unlock(self) -> None:
        if not self.frozen:
            return
        try:
            self.app.store.checklists.mark_edited_after_start(self.meeting.id)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.set_frozen(False)
        # Straight into the step on screen, as if it had never been frozen.
        current = self.query_one("#panes", ContentSwitcher).current or "step-1"
        if current == "brief":
            focus_now(self._pane("brief"))
        else:
            self._focus_fields(self._pane(current))
        self.notify("Unlocked. Edits from now on are marked as made after the meeting started.")

    # -- steps ------------------------------------------------------------------

    def _show_readiness(self, checklist: Checklist) -> None:
        self._checklist = checklist
        for solutions in self.query(SolutionsPane):
            solutions.flag_problems(checklist)
        for pane in self.query(StepPane):
            pane.show_missing(missing(checklist, pane.step), nudges(checklist, pane.step))
        hedged = done_with_hedges(checklist)
        readiness = (tuple(step_done(checklist, step) for step in Step), hedged)
        if readiness == self._readiness_shown:
            # Most saves change no step (typing in a field that was already
            # filled): redrawing the list and the dots anyway laid out the
            # whole screen twice per save (`dev.py bench`, keystroke row).
            return
        self._readiness_shown = readiness
        steps = self.query_one("#steps", OptionList)
        highlighted = steps.highlighted
        options: list[Option | None] = []
        for step in Step:
            done = step_done(checklist, step)
            mark = ("✓", "$text-success") if done else ("○", "$text-muted")
            if hedged and step is Step.HIERARCHY:
                mark = (HEDGED_MARK, "$text-warning")
            options.append(
                Option(
                    Content.assemble(mark, f" {step.value}  {STEP_TITLES[step]}"),
                    id=f"step-{step.value}",
                )
            )
        options.append(None)
        options.append(Option(Content.assemble(("≡", "$accent"), "    Brief"), id="brief"))
        with steps.prevent(OptionList.OptionHighlighted):
            steps.set_options(options)
            steps.highlighted = highlighted
        self.query_one(StepStrip).show(
            [
                *(
                    StripStep(
                        f"step-{step.value}",
                        str(step.value),
                        STEP_TITLES[step],
                        step_done(checklist, step),
                        hedged=hedged and step is Step.HIERARCHY,
                    )
                    for step in Step
                ),
                StripStep("brief", "", "Brief", None),
            ]
        )
        count = steps_done(checklist)
        filled, half, empty = readiness_dots(count, hedged)
        self.query_one("#readiness", Static).update(
            Content.assemble(
                (filled, "$text-success"),
                (half, "$text-warning"),
                (empty, "$text-muted"),
                f"  {count} of {STEPS} steps done",
                ", asks hedged" if hedged else "",
            )
        )

    def after_save(self) -> None:
        try:
            checklist = self.app.store.checklists.get(self.meeting.id)
        except StoreError:
            return
        self._show_readiness(checklist)
        if self.query_one("#panes", ContentSwitcher).current == "brief":
            self._show_brief()

    @on(OptionList.OptionHighlighted, "#steps")
    async def _step_chosen(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            await self._switch_to(event.option.id)

    @on(OptionList.OptionSelected, "#steps")
    async def _step_clicked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id and not self.frozen:
            await self._focus_pane(event.option.id)

    async def enter_pressed(self, focused: Widget) -> bool:
        """Enter on the step list goes into the highlighted step's fields."""
        steps = self.query_one("#steps", OptionList)
        if focused is not steps:
            return False
        option = steps.highlighted_option
        if option is not None and option.id and not self.frozen:
            await self._switch_to(option.id)
            await self._focus_pane(option.id)
        return True

    @on(StepStrip.Chosen)
    async def _strip_step_clicked(self, event: StepStrip.Chosen) -> None:
        await self._switch_to(event.pane_id)
        if not self.frozen:
            await self._focus_pane(event.pane_id)

    async def _switch_to(self, pane_id: str) -> None:
        self.saver.flush()
        switcher = self.query_one("#panes", ContentSwitcher)
        if switcher.current == pane_id:
            return
        pane = self._pane(pane_id)
        if pane_id in self._stale and isinstance(pane, StepPane):
            # Loaded while still hidden: no frame shows the earlier meeting's rows.
            self._stale.discard(pane_id)
            await self._load_again(pane)
        switcher.current = pane_id
        self.query_one(StepStrip).show_current(pane_id)
        if pane_id == "brief":
            self._show_brief()
        steps = self.query_one("#steps", OptionList)
        index = steps.get_option_index(pane_id)
        if steps.highlighted != index:
            # Quietly: the echo of this change would arrive after later key
            # presses and switch back to an older step.
            with steps.prevent(OptionList.OptionHighlighted):
                steps.highlighted = index

    async def action_change_step(self, delta: int) -> None:
        current = self.query_one("#panes", ContentSwitcher).current or "step-1"
        index = max(0, min(len(PANES) - 1, PANES.index(current) + delta))
        await self._switch_to(PANES[index])
        if PANES[index] == "brief":
            # The brief is longer than a screen: focused, ↑ ↓ and End scroll it.
            focus_now(self._pane("brief"))
        elif not self.frozen:
            await self._focus_pane(PANES[index])

    async def _focus_pane(self, pane_id: str) -> None:
        pane = self._pane(pane_id)
        # A pane built just now has no fields until it has mounted. Awaiting
        # here holds back the next key until the focus has moved, so no
        # keystroke lands in the step being left.
        await self._built[pane_id]
        self._focus_fields(pane)

    @staticmethod
    def _focus_fields(pane: Widget) -> None:
        focusable = [w for w in pane.query("*") if w.focusable]
        if focusable:
            focus_now(focusable[0])

    def _show_brief(self) -> None:
        checklist = self._checklist
        markdown = render_brief(
            self.meeting,
            checklist,
            self.threads,
            self.app.clock.now(),
            feedback_due=self.feedback_due,
        )
        self.query_one(BriefPane).show(markdown)

    def save_field(self, field: str, value: object) -> None:
        self.app.store.checklists.set_field(self.meeting.id, field, value)

    def stored_value(self, field: str) -> object:
        return getattr(self.app.store.checklists.get(self.meeting.id), field)

    async def action_go_to(self, pane_id: str) -> None:
        await self._switch_to(pane_id)

    async def action_call(self) -> None:
        """The call screen over the checklist (escape comes back here)."""
        from prep.tui.meeting_screens import open_call

        self.saver.flush()
        await open_call(self.app, self.meeting, lambda _: None)

    def action_export(self, kind: ExportKind) -> None:
        self.saver.flush()  # what was typed a moment ago is in the file
        export_meeting_file(self, self.meeting, kind)
