"""The rows of the checklist's lists: asks, deadlines, problems and their solutions."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Static

from prep.domain.checklist import (
    CONFIDENCE_LABELS,
    Ask,
    Confidence,
    Deadline,
    Flex,
    Need,
    Problem,
    Solution,
)
from prep.domain.deadlines import describe_day, format_day, parse_deadline_date, range_problem
from prep.domain.hedges import find_hedges, suggestion
from prep.domain.models import Unreadable, unreadable_in
from prep.domain.readiness import problem_flag
from prep.domain.when import WhenError
from prep.tui.typed import prep_app
from prep.tui.widgets.choice import Choice
from prep.tui.widgets.item_list import ItemList, ItemRow
from prep.tui.widgets.text_field import TextField
from prep.tui.widgets.tick_box import TickBox


def marked_hedges(text: str) -> Content | None:
    """The text with its hedging words highlighted, and a nudge; None if it is direct."""
    hedges = find_hedges(text)
    if not hedges:
        return None
    content = Content(text)
    for hedge in hedges:
        content = content.stylize("bold reverse $warning", hedge.start, hedge.end)
    return Content.assemble(
        ("⚠ ", "$warning"), (suggestion(text) or "", "$text-warning"), "\n", content
    )


class DateField(TextField):
    """A compact date input that parses as you type; `parsed` holds the last good date.

    With a `meeting_day` (an ask's by-when, an action item's due date), a
    date before the meeting is still taken, but its hint warns.
    """

    def __init__(
        self,
        value: date | None,
        today: date,
        *,
        placeholder: str,
        id: str,
        meeting_day: date | None = None,
        unreadable: Unreadable | None = None,
    ) -> None:
        text = format_day(value, with_year=value.year != today.year) if value else ""
        # A value another program stored that prep cannot read shows where
        # the date would be; typing a date replaces it.
        placeholder = str(unreadable) if unreadable else placeholder
        super().__init__(text, placeholder=placeholder, id=id, compact=True)
        self.today = today
        self.meeting_day = meeting_day
        self.parsed = value

    def parse(self) -> tuple[bool, str]:
        """Parse the current text: (ok, what is wrong with it)."""
        try:
            self.parsed = parse_deadline_date(self.value, self.today, prep_app(self).settings.dates)
        except WhenError as error:
            return False, str(error)
        return True, ""

    def show_reading(self, hint: Static, *, lead: str = "") -> bool:
        """Parse the current text and say in `hint` what it reads as ("→ due Fri
        4 Dec"), or what is wrong. True if it is a date or blank, to be saved."""
        ok, problem = self.parse()
        if not ok:
            show_hint(hint, problem, error=True)
            return False
        if self.parsed is None:
            show_hint(hint, "")
            return True
        text, warns = describe_day(self.parsed, self.today, self.meeting_day)
        if not warns and text == self.value.strip():
            show_hint(hint, "")  # the field already shows the date as prep reads it
        else:
            show_hint(hint, f"→ {lead}{text}", warning=warns)
        return True


def date_range(fields: list[tuple[str, DateField]]) -> Horizontal:
    """Labelled date fields side by side, sharing the width; under 80 columns
    other_screens.tcss stacks them, one per line, rather than cut the last one short."""
    return Horizontal(
        *(
            Horizontal(Label(label, classes="inline-label"), field, classes="date-pair")
            for label, field in fields
        ),
        classes="date-range",
    )


def meeting_day(widget: Widget) -> date | None:
    """The day, on the app's clock, of the meeting whose screen holds `widget`:
    the checklist's or the debrief's. None on a screen without one."""
    meeting = getattr(widget.screen, "meeting", None)
    if meeting is None:
        return None
    return meeting.starts_at.astimezone(prep_app(widget).clock.now().tzinfo).date()


def show_hint(
    widget: Static, text: str | Content, *, error: bool = False, warning: bool = False
) -> None:
    """Show a one-line hint (plain text, never markup); an empty hint takes no room."""
    widget.update(text if isinstance(text, Content) else Content(text))
    widget.display = bool(str(text))
    widget.set_class(error, "error")
    widget.set_class(warning, "warning")


class AskRow(ItemRow):
    """A direct ask with an optional by-when; hedging is pointed out as you type."""

    def compose(self) -> ComposeResult:
        ask: Ask | None = self.item
        today = prep_app(self).clock.now().date()
        with Horizontal(classes="item-line"):
            yield TextField(
                ask.text if ask else "",
                id="ask-text",
                compact=True,
                placeholder="I need … by …  (a request, not a hint)",
            )
            yield Label("by", classes="inline-label")
            yield DateField(
                ask.by_when if ask else None,
                today,
                id="ask-by",
                placeholder="when? e.g. fri",
                meeting_day=meeting_day(self),
                unreadable=unreadable_in(ask.unreadable, "by_when") if ask else None,
            )
        yield Static("", classes="hint hedges")
        yield Static("", classes="hint date-hint")

    def on_mount(self) -> None:
        self._show_hedges()

    @on(Input.Changed, "#ask-text")
    def _text_changed(self, event: Input.Changed) -> None:
        self._show_hedges()
        self.save_later("text", event.value)

    def _show_hedges(self) -> None:
        text = self.query_one("#ask-text", Input).value
        marked = marked_hedges(text)
        show_hint(self.query_one(".hedges", Static), marked or "")

    @on(Input.Changed, "#ask-by")
    def _by_changed(self) -> None:
        field = self.query_one("#ask-by", DateField)
        if field.show_reading(self.query_one(".date-hint", Static)):
            self.save_later("by_when", field.parsed)


class DeadlineRow(ItemRow):
    """A deadline as a range: earliest, likely, latest; a confidence; what can flex."""

    def compose(self) -> ComposeResult:
        deadline: Deadline | None = self.item
        today = prep_app(self).clock.now().date()
        yield TextField(
            deadline.label if deadline else "",
            id="deadline-label",
            compact=True,
            placeholder="Deadline, e.g. Pilot go-live",
        )
        yield date_range(
            [
                (
                    name.capitalize(),
                    DateField(
                        getattr(deadline, name) if deadline else None,
                        today,
                        id=f"deadline-{name}",
                        placeholder="date",
                        unreadable=unreadable_in(deadline.unreadable, name) if deadline else None,
                    ),
                )
                for name in ("earliest", "likely", "latest")
            ]
        )
        with Horizontal(classes="item-line wrap-line"):
            with Horizontal(classes="line-part"):
                yield Label("Confidence", classes="inline-label")
                yield Choice(
                    [(label, c.value) for c, label in CONFIDENCE_LABELS.items()],
                    value=deadline.confidence.value
                    if deadline and deadline.confidence
                    else Choice.NO_CHOICE,
                    prompt="…",
                    id="deadline-confidence",
                )
            with Horizontal(classes="line-part"):
                yield Label("Can flex:", classes="inline-label")
                for flex in Flex:
                    yield TickBox(
                        flex.value,
                        bool(deadline and flex in deadline.flexible),
                        id=f"flex-{flex.value}",
                        compact=True,
                    )
        yield Static("", classes="hint date-hint")

    def on_mount(self) -> None:
        self._check_range()

    @on(Input.Changed, "#deadline-label")
    def _label_changed(self, event: Input.Changed) -> None:
        self.save_later("label", event.value)

    @on(Input.Changed, "#deadline-earliest, #deadline-likely, #deadline-latest")
    def _date_changed(self, event: Input.Changed) -> None:
        field = event.input
        assert isinstance(field, DateField)
        ok, problem = field.parse()
        if not ok:
            show_hint(self.query_one(".date-hint", Static), problem, error=True)
            return
        self.save_later((field.id or "").removeprefix("deadline-"), field.parsed)
        self._check_range()

    def _check_range(self) -> None:
        dates = [
            self.query_one(f"#deadline-{n}", DateField).parsed
            for n in ("earliest", "likely", "latest")
        ]
        problem = range_problem(*dates)
        hint = self.query_one(".date-hint", Static)
        if problem:
            show_hint(hint, problem, error=True)
        elif None in dates and any(dates):
            show_hint(hint, "Give all three dates: a range, not a single number set in stone.")
        else:
            show_hint(hint, "")

    @on(Choice.Changed, "#deadline-confidence")
    def _confidence_changed(self, event: Choice.Changed) -> None:
        event.stop()
        value = None if event.value is Choice.NO_CHOICE else Confidence(event.value)
        self.save_now("confidence", value)

    @on(Checkbox.Changed)
    def _flex_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        chosen = frozenset(f for f in Flex if self.query_one(f"#flex-{f.value}", Checkbox).value)
        self.save_now("flexible", chosen)


class SolutionRow(ItemRow):
    """One proposed solution to a problem."""

    DEFAULT_CSS = """
    SolutionRow { border-left: none; margin-bottom: 0; padding: 0; }
    """

    def compose(self) -> ComposeResult:
        solution: Solution | None = self.item
        with Horizontal(classes="item-line"):
            yield Label("→", classes="inline-label")
            yield TextField(
                solution.text if solution else "",
                id="solution-text",
                compact=True,
                placeholder="A solution you propose",
            )

    @on(Input.Changed, "#solution-text")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.save_later("text", event.value)


class ProblemRow(ItemRow):
    """A problem to raise, its proposed solutions, and what you need from them."""

    def __init__(self, item_id: int | None, item: Problem | None = None) -> None:
        super().__init__(item_id, item)
        # The hint under the row, (text, is it an error); None until
        # `set_flag` has worked it out, which may be before the row mounts.
        self._flag: tuple[str, bool] | None = None

    def stored_as(self, item_id: int) -> None:
        super().stored_as(item_id)
        # Solutions added before now wait for this id (a list composed from
        # now on takes it from the row).
        for solutions in self.query("#solutions").results(ItemList):
            solutions.parent_id = item_id

    def compose(self) -> ComposeResult:
        problem: Problem | None = self.item
        yield TextField(
            problem.text if problem else "",
            id="problem-text",
            compact=True,
            placeholder="A problem to raise",
        )
        solutions = ItemList(
            "solutions", self.item_id, SolutionRow, noun="solution", id="solutions"
        )
        yield solutions
        with Horizontal(classes="item-line wrap-line"):
            with Horizontal(classes="line-part"):
                yield Label("I need", classes="inline-label")
                yield Choice(
                    [(n.value.capitalize(), n.value) for n in Need],
                    value=problem.need.value if problem and problem.need else Choice.NO_CHOICE,
                    prompt="…",
                    id="problem-need",
                )
            yield TickBox(
                "Raising it to ask for help",
                bool(problem and problem.ask_for_help),
                id="problem-help",
                compact=True,
            )
        yield Static("", classes="hint problem-hint")

    def on_mount(self) -> None:
        problem: Problem | None = self.item
        self.query_one("#solutions", ItemList).load(problem.solutions if problem else ())
        if self._flag is None:
            self.set_flag(problem)
        else:
            text, error = self._flag
            show_hint(self.query_one(".problem-hint", Static), text, error=error)

    @on(Input.Changed, "#problem-text")
    def _text_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.save_later("text", event.value)

    @on(Choice.Changed, "#problem-need")
    def _need_changed(self, event: Choice.Changed) -> None:
        event.stop()
        self.save_now("need", None if event.value is Choice.NO_CHOICE else Need(event.value))

    @on(Checkbox.Changed, "#problem-help")
    def _help_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.save_now("ask_for_help", event.value)

    async def enter_pressed(self, focused: Widget) -> bool:
        """Enter on a problem goes to its solutions: a problem should arrive with one."""
        if focused.id != "problem-text":
            return False
        solutions = self.query_one("#solutions", ItemList)
        if solutions.rows:
            solutions.rows[0].focus_first()
        else:
            await solutions.action_add()
        return True

    def set_flag(self, problem: Problem | None) -> None:
        """Name this problem if it has no solution, unless raised to ask for help.

        Works from the saved problem, like the step's readiness, so the two
        always agree; rows not yet built show it when they mount.
        """
        flag = problem_flag(problem) if problem is not None else None
        self._flag = flag or ("", False)
        hints = self.query(".problem-hint")
        if hints:
            text, error = self._flag
            show_hint(hints.first(Static), text, error=error)
