"""The four checklist steps and the brief, each a pane of the checklist screen.

Every top-level field's widget id is the checklist column it saves to; the
screen saves any change from a widget whose id is a checklist field.
"""

from __future__ import annotations

from collections.abc import Awaitable, Sequence

from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Checkbox, Input, Label, Static, TextArea

from prep.domain.checklist import (
    POSITION_LABELS,
    REASON_LABELS,
    Checklist,
    Step,
)
from prep.domain.debrief import FEEDBACK_QUESTIONS
from prep.domain.debrief_rules import FEEDBACK_DUE_TITLE
from prep.domain.readiness import HEDGED_MARK, missing, nudges
from prep.tui.widgets.assertiveness_scale import AssertivenessScale
from prep.tui.widgets.checklist_rows import AskRow, DeadlineRow, ProblemRow
from prep.tui.widgets.choice import Choice
from prep.tui.widgets.item_list import ItemList
from prep.tui.widgets.markdown_view import MarkdownView
from prep.tui.widgets.open_items import OpenItems
from prep.tui.widgets.text_field import TextField, short_text
from prep.tui.widgets.tick_box import TickBox

IDEAS: dict[Step, str] = {
    Step.HIERARCHY: (
        "When one side holds more power, the other hedges: requests come out as hints, "
        "needs go unstated, and hints get ignored. Name the gap, name what you might hold "
        "back, and write each ask as a direct request: “I need the sign-off by Friday.”"
    ),
    Step.EXPECTATIONS: (
        "Deadlines are a variable you manage together, not a number set in stone. Teams "
        "that treat uncertain deadlines flexibly with their stakeholders succeed markedly "
        "more often. Give each deadline a range and a confidence, and say what can flex."
    ),
    Step.ASSERTIVENESS: (
        "Assertiveness works like Goldilocks: too much damages the relationship, too little "
        "leaves the goals soft; the middle is judged most effective. Women are judged more "
        "harshly for high confidence, which makes calibrating harder, not less important."
    ),
    Step.SOLUTIONS: (
        "Bring solutions, not problems, and take work off their plate. Every problem should "
        "arrive with a proposal. But a strict “solutions only” rule must not keep a real "
        "problem quiet: raising it to ask for help is allowed, so say so."
    ),
}


class StepPane(VerticalScroll):
    """One step: its idea, its fields, and what is left before it is done.

    A pane is built the first time its step is shown, from the checklist as
    it is then, and fills its own fields once they exist.
    """

    step: Step
    _missing_shown: tuple[tuple[str, ...], tuple[str, ...]] | None = None

    def __init__(self, meeting_id: int, checklist: Checklist, *, id: str) -> None:
        super().__init__(id=id, classes="step-pane")
        self.meeting_id = meeting_id
        self.checklist = checklist

    async def on_mount(self) -> None:
        self.show_missing(missing(self.checklist, self.step), nudges(self.checklist, self.step))
        # Awaited, so that once this pane has mounted its rows exist too.
        await self.load(self.checklist)

    def show_meeting(self, meeting_id: int) -> None:
        """Belong to another meeting (the screen is being refilled): its
        lists add items to that meeting; `load` then shows its values."""
        self.meeting_id = meeting_id
        for item_list in self.query(ItemList):
            if item_list.parent is self:  # not a problem's solutions: those belong to the problem
                item_list.parent_id = meeting_id

    def idea(self) -> Static:
        return Static(IDEAS[self.step], classes="idea")

    def missing_line(self) -> Static:
        return Static("", classes="missing")

    def show_missing(self, missing: list[str], nudges: Sequence[str] = ()) -> None:
        """What is left, or that the step is done, and any advice that does
        not hold the step back (hedged asks, a date with no range)."""
        if (tuple(missing), tuple(nudges)) == self._missing_shown:
            return  # unchanged: redrawing it would lay the screen out again
        self._missing_shown = (tuple(missing), tuple(nudges))
        line = self.query_one(".missing", Static)
        if missing:
            shown = Content.assemble(("Still to do: ", "bold"), " ".join(missing))
        elif nudges and self.step is Step.HIERARCHY:
            shown = Content.styled(f"{HEDGED_MARK} Done, with hedges.", "bold $text-warning")
        else:
            shown = Content.styled("✓ This step is done.", "bold $text-success")
        if nudges:
            shown = Content.assemble(shown, "\n", (" ".join(nudges), "$text-warning"))
        line.update(shown)
        line.set_class(not missing and not nudges, "done")

    def load(self, checklist: Checklist) -> Awaitable[None]:
        """Put stored values into the widgets (without triggering saves).

        Item lists build their rows later; await the result for them to exist.
        """
        return AwaitComplete()


def _field(label: str) -> Label:
    return Label(label, classes="field-label")


class HierarchyPane(StepPane):
    step = Step.HIERARCHY

    def __init__(
        self, meeting_id: int, checklist: Checklist, open_items: OpenItems, *, id: str
    ) -> None:
        super().__init__(meeting_id, checklist, id=id)
        self.open_items = open_items

    def compose(self) -> ComposeResult:
        yield self.idea()
        yield self.open_items
        with Horizontal(classes="form-row"):
            yield _field("They are")
            yield Choice(
                [(label, p.value) for p, label in POSITION_LABELS.items()],
                prompt="Where do they sit relative to you?",
                id="position",
            )
        with Horizontal(classes="form-row"):
            yield _field("Holding back")
            yield TextField(
                id="holding_back",
                compact=True,
                placeholder="What might you not say because of that?",
            )
        with Horizontal(classes="form-row"):
            yield _field("Because")
            yield Choice(
                [(label, r.value) for r, label in REASON_LABELS.items()],
                prompt="Why might you stay quiet?",
                id="holding_back_reason",
            )
        with Horizontal(classes="form-row"):
            yield _field("")
            yield TickBox(
                "Nothing: I will say what needs saying", id="holding_back_nothing", compact=True
            )
        yield Label("Direct asks", classes="section-label")
        yield ItemList("asks", self.meeting_id, AskRow, noun="ask", id="asks")
        yield TickBox("No asks this time", id="no_asks", compact=True)
        yield self.missing_line()

    def load(self, checklist: Checklist) -> Awaitable[None]:
        with self.prevent(Choice.Changed, Input.Changed, Checkbox.Changed):
            self.query_one("#position", Choice).value = (
                checklist.position.value if checklist.position else Choice.NO_CHOICE
            )
            self.query_one("#holding_back", Input).value = checklist.holding_back
            self.query_one("#holding_back_reason", Choice).value = (
                checklist.holding_back_reason.value
                if checklist.holding_back_reason
                else Choice.NO_CHOICE
            )
            self.query_one("#holding_back_nothing", Checkbox).value = checklist.holding_back_nothing
            self.query_one("#no_asks", Checkbox).value = checklist.no_asks
        return self.query_one("#asks", ItemList).load(checklist.asks)


class ExpectationsPane(StepPane):
    step = Step.EXPECTATIONS

    def compose(self) -> ComposeResult:
        yield self.idea()
        with Horizontal(classes="form-row"):
            yield _field("They expect")
            yield short_text(id="they_expect", placeholder="What do they expect from this meeting?")
        with Horizontal(classes="form-row"):
            yield _field("I expect")
            yield short_text(id="i_expect", placeholder="What do you want to walk out with?")
        yield Label("Deadlines", classes="section-label")
        yield ItemList("deadlines", self.meeting_id, DeadlineRow, noun="deadline", id="deadlines")
        with Horizontal(classes="form-row"):
            yield _field("Premortem")
            yield TextField(
                id="premortem",
                compact=True,
                placeholder="If this meeting goes badly, the most likely reason is …",
            )
        yield self.missing_line()

    def load(self, checklist: Checklist) -> Awaitable[None]:
        with self.prevent(TextArea.Changed, Input.Changed):
            self.query_one("#they_expect", TextArea).text = checklist.they_expect
            self.query_one("#i_expect", TextArea).text = checklist.i_expect
            self.query_one("#premortem", Input).value = checklist.premortem
        return self.query_one("#deadlines", ItemList).load(checklist.deadlines)


class AssertivenessPane(StepPane):
    step = Step.ASSERTIVENESS

    def __init__(
        self,
        meeting_id: int,
        checklist: Checklist,
        history: list[tuple[str, int | None, int | None]],
        *,
        feedback_due: bool = False,
        id: str,
    ) -> None:
        super().__init__(meeting_id, checklist, id=id)
        self.history = history
        self.feedback_due = feedback_due

    def compose(self) -> ComposeResult:
        yield self.idea()
        yield Label("Planned level for this meeting", classes="section-label")
        yield AssertivenessScale(id="planned_level")
        yield Label("With this person before", classes="section-label")
        yield Static("", id="level-history")
        with Horizontal(classes="form-row"):
            yield _field("Push-back")
            yield TextField(
                id="pushback_line",
                compact=True,
                placeholder="I think differently about that, because …",
            )
        yield Static(
            "Calmly, without emotion, and accept that they have the final word.", classes="hint"
        )
        # Shown only when the person is due feedback (show_feedback_due).
        yield Label(FEEDBACK_DUE_TITLE, id="feedback-due", classes="section-label")
        yield Static(
            "\n".join(f"\u2022 {q}" for q in FEEDBACK_QUESTIONS.values()),
            id="feedback-questions",
        )
        yield self.missing_line()

    def show_feedback_due(self, due: bool) -> None:
        self.feedback_due = due
        self.query_one("#feedback-due").display = due
        self.query_one("#feedback-questions").display = due

    def load(self, checklist: Checklist) -> Awaitable[None]:
        with self.prevent(Input.Changed):
            self.query_one("#pushback_line", Input).value = checklist.pushback_line
        self.query_one(AssertivenessScale).set_level(checklist.planned_level)
        self.show_history(self.history)
        self.show_feedback_due(self.feedback_due)
        return AwaitComplete()

    def show_history(self, history: list[tuple[str, int | None, int | None]]) -> None:
        """`history`: (when and title, planned, actual) for earlier meetings, newest first."""
        widget = self.query_one("#level-history", Static)
        rows = [h for h in history if h[1] is not None or h[2] is not None]
        if not rows:
            widget.update(
                Content.styled(
                    "No history yet. Each debrief adds what you planned and what you actually did, "
                    "so you can see whether you drift.",
                    "$text-muted",
                )
            )
            return
        lines = [Content.styled(f"{'':<34} plan  actual", "$text-muted")]
        for label, planned, actual in rows[:6]:
            lines.append(Content(f"{label[:33]:<34} {planned or '–':>4}  {actual or '–':>6}"))
        widget.update(Content("\n").join(lines))


class SolutionsPane(StepPane):
    step = Step.SOLUTIONS

    def compose(self) -> ComposeResult:
        yield self.idea()
        yield Label("Problems to raise", classes="section-label")
        yield ItemList("problems", self.meeting_id, ProblemRow, noun="problem", id="problems")
        yield TickBox("Nothing to raise this time", id="nothing_to_raise", compact=True)
        with Horizontal(classes="form-row"):
            yield _field("Off their plate")
            yield TextField(
                id="off_their_plate",
                compact=True,
                placeholder="Can I take something off their plate?",
            )
        yield self.missing_line()

    def load(self, checklist: Checklist) -> Awaitable[None]:
        with self.prevent(Checkbox.Changed, Input.Changed):
            self.query_one("#nothing_to_raise", Checkbox).value = checklist.nothing_to_raise
            self.query_one("#off_their_plate", Input).value = checklist.off_their_plate
        self.flag_problems(checklist)  # rows not built yet show it when they mount
        return self.query_one("#problems", ItemList).load(checklist.problems)

    def flag_problems(self, checklist: Checklist) -> None:
        """Flag each problem that has no solution yet, by name, where it sits."""
        problems = {problem.id: problem for problem in checklist.problems}
        for row in self.query(ProblemRow):
            row.set_flag(problems.get(row.item_id) if row.item_id is not None else None)


class BriefPane(VerticalScroll):
    """The one-page brief, to glance at during the call."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, classes="step-pane")
        self.markdown = ""
        # Held here, so the brief can be shown before the pane has mounted.
        self.view = MarkdownView(id="brief-markdown")

    def compose(self) -> ComposeResult:
        yield self.view

    def show(self, markdown: str) -> None:
        self.markdown = markdown
        self.view.update(markdown)
