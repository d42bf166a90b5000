"""Rows of the debrief: each planned item beside what actually happened."""

from __future__ import annotations

from datetime import date
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Checkbox, Input, Static

from prep.domain.checklist import Ask, Deadline, Problem
from prep.domain.deadlines import format_day, range_problem
from prep.domain.debrief import (
    ANSWER_LABELS,
    ASKED_LABELS,
    OUTCOME_LABELS,
    ActionItem,
    AskAnswer,
    AskResult,
    DeadlineMove,
    Owner,
    ProposalOutcome,
    UnplannedAsk,
    UnsaidItem,
)
from prep.domain.models import unreadable_in
from prep.tui.messages import (
    AskResultChosen,
    DeadlineMoveChanged,
    ItemTicked,
    ProposalOutcomeChosen,
)
from prep.tui.typed import prep_app
from prep.tui.widgets.checklist_rows import DateField, date_range, meeting_day, show_hint
from prep.tui.widgets.choice import Choice
from prep.tui.widgets.item_list import ItemRow
from prep.tui.widgets.text_field import TextField
from prep.tui.widgets.tick_box import TickBox

ASKED_OPTIONS = [(ASKED_LABELS[True], "yes"), (ASKED_LABELS[False], "no")]
ANSWER_OPTIONS = [(label, answer.value) for answer, label in ANSWER_LABELS.items()]
OUTCOME_OPTIONS = [(label, outcome.value) for outcome, label in OUTCOME_LABELS.items()]


def _plan(text: str) -> Static:
    return Static(Content.assemble(("Plan  ", "$text-muted"), text), classes="plan-line")


class AskResultRow(Vertical):
    """A planned ask: was it asked, and what was the answer?"""

    def __init__(self, ask: Ask, result: AskResult | None) -> None:
        super().__init__(classes="debrief-row")
        self.ask = ask
        self.result = result

    def compose(self) -> ComposeResult:
        by = f" (by {format_day(self.ask.by_when)})" if self.ask.by_when else ""
        yield _plan(f"{self.ask.text}{by}")
        asked = self.result.asked if self.result else None
        answer = self.result.answer if self.result else None
        with Horizontal(classes="item-line"):
            yield Choice(
                ASKED_OPTIONS,
                prompt="Asked?",
                classes="asked",
                value={True: "yes", False: "no", None: Choice.NO_CHOICE}[asked],
            )
            yield Choice(
                ANSWER_OPTIONS,
                prompt="Their answer",
                classes="answer",
                value=answer.value if answer else Choice.NO_CHOICE,
                disabled=asked is not True,
            )
        yield Static("", classes="hint ask-hint")

    def on_mount(self) -> None:
        self._explain()

    def _explain(self) -> None:
        asked = self.query_one(".asked", Choice).value
        show_hint(
            self.query_one(".ask-hint", Static),
            "Not asked: it is now an unsaid item, carried to your next meeting with them."
            if asked == "no"
            else "",
        )

    @on(Choice.Changed)
    def _changed(self, event: Choice.Changed) -> None:
        event.stop()
        asked_value = self.query_one(".asked", Choice).value
        asked = {"yes": True, "no": False}.get(asked_value)
        answer_select = self.query_one(".answer", Choice)
        answer_select.disabled = asked is not True
        answer = None if answer_select.value is Choice.NO_CHOICE else AskAnswer(answer_select.value)
        self.post_message(AskResultChosen(self.ask.id, asked, answer if asked else None))
        self._explain()


class DeadlineMoveRow(Vertical):
    """A planned deadline: did it move? If so, its new range (the old one is kept)."""

    def __init__(
        self, deadline: Deadline, move: DeadlineMove | None, meeting_id: int, today: date
    ) -> None:
        super().__init__(classes="debrief-row")
        self.deadline = deadline
        self.move = move
        self.meeting_id = meeting_id
        self.today = today
        # The range as stored for this debrief, None if none is.
        self._stored: list[date | None] | None = (
            [move.earliest, move.likely, move.latest] if move else None
        )

    def compose(self) -> ComposeResult:
        d = self.deadline
        planned = " – ".join(format_day(x) if x else "?" for x in (d.earliest, d.latest))
        likely = f" (likely {format_day(d.likely)})" if d.likely else ""
        yield _plan(f"{d.label or 'Deadline'}: {planned}{likely}")
        yield TickBox(
            "It moved: the new range", self.move is not None, compact=True, classes="moved"
        )
        yield date_range(
            [
                (
                    name.capitalize(),
                    DateField(
                        getattr(self.move, name) if self.move else None,
                        self.today,
                        id=f"move-{name}",
                        placeholder="new date",
                        unreadable=unreadable_in(self.move.unreadable, name) if self.move else None,
                    ),
                )
                for name in ("earliest", "likely", "latest")
            ]
        )
        yield Static("", classes="hint move-hint")

    def on_mount(self) -> None:
        self._enable()

    def _enable(self) -> None:
        moved = self.query_one(".moved", Checkbox).value
        for field in self.query(DateField):
            field.disabled = not moved

    @on(Checkbox.Changed, ".moved")
    def _moved(self, event: Checkbox.Changed) -> None:
        event.stop()
        self._enable()
        if event.value:
            self._save_range()
        else:
            self._stored = None
            self.post_message(DeadlineMoveChanged(self, self.deadline.id, self.meeting_id, None))

    @on(Input.Changed)
    def _date_changed(self, event: Input.Changed) -> None:
        event.stop()
        field = event.input
        if not isinstance(field, DateField):
            return
        ok, message = field.parse()
        if not ok:
            show_hint(self.query_one(".move-hint", Static), message, error=True)
            return
        self._save_range()

    def _save_range(self) -> None:
        dates = [
            self.query_one(f"#move-{n}", DateField).parsed for n in ("earliest", "likely", "latest")
        ]
        problem = range_problem(*dates)
        show_hint(self.query_one(".move-hint", Static), problem or "", error=bool(problem))
        if dates == self._stored:
            # Already stored: the date fields announce the move they were
            # built with as they mount, and opening a debrief writes nothing.
            return
        self._stored = dates
        self.post_message(DeadlineMoveChanged(self, self.deadline.id, self.meeting_id, dates))

    def not_stored(self) -> None:
        """The screen could not store the move: the next change tries again,
        even back to the same range."""
        self._stored = []  # equal to no range, so the next one is sent


class ProposalRow(Vertical):
    """A problem you raised: what happened to your proposed solution?"""

    def __init__(self, problem: Problem, outcome: ProposalOutcome | None) -> None:
        super().__init__(classes="debrief-row")
        self.problem = problem
        self.outcome = outcome

    def compose(self) -> ComposeResult:
        solution = next((s.text for s in self.problem.solutions if s.text.strip()), "")
        proposal = f" → {solution}" if solution else " (raised to ask for help)"
        yield _plan(f"{self.problem.text}{proposal}")
        yield Choice(
            OUTCOME_OPTIONS,
            prompt="What happened to the proposal?",
            value=self.outcome.value if self.outcome else Choice.NO_CHOICE,
        )

    @on(Choice.Changed)
    def _changed(self, event: Choice.Changed) -> None:
        event.stop()
        outcome = None if event.value is Choice.NO_CHOICE else ProposalOutcome(event.value)
        self.post_message(ProposalOutcomeChosen(self.problem.id, outcome))


class UnsaidRow(ItemRow):
    """Something that went unsaid, with a tick for when it is resolved."""

    def compose(self) -> ComposeResult:
        item: UnsaidItem | None = self.item
        with Horizontal(classes="item-line"):
            yield TextField(
                item.text if item else "",
                id="unsaid-text",
                compact=True,
                placeholder="What went unsaid?",
            )
            yield TickBox(
                "Resolved", bool(item and item.resolved_at), compact=True, id="unsaid-resolved"
            )
        if item is not None and item.from_ask_id is not None:
            yield Static("From an ask you planned but did not make.", classes="hint")

    @on(Input.Changed, "#unsaid-text")
    def _text(self, event: Input.Changed) -> None:
        event.stop()
        self.save_later("text", event.value)

    @on(Checkbox.Changed, "#unsaid-resolved")
    def _resolved(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.post_when_stored(partial(ItemTicked, "unsaid", ticked=event.value))


class UnplannedAskRow(ItemRow):
    """An ask made in the meeting without being planned, and their answer."""

    def compose(self) -> ComposeResult:
        item: UnplannedAsk | None = self.item
        answer = item.answer if item else None
        with Horizontal(classes="item-line"):
            yield TextField(
                item.text if item else "",
                id="unplanned-text",
                compact=True,
                placeholder="An ask you made that was not planned",
            )
            yield Choice(
                ANSWER_OPTIONS,
                prompt="Their answer",
                id="unplanned-answer",
                value=answer.value if answer else Choice.NO_CHOICE,
            )

    @on(Input.Changed, "#unplanned-text")
    def _text(self, event: Input.Changed) -> None:
        event.stop()
        self.save_later("text", event.value)

    @on(Choice.Changed, "#unplanned-answer")
    def _answer(self, event: Choice.Changed) -> None:
        event.stop()
        self.save_now("answer", None if event.value is Choice.NO_CHOICE else AskAnswer(event.value))


class ActionRow(ItemRow):
    """An action item: what, whose, by when, done."""

    def compose(self) -> ComposeResult:
        item: ActionItem | None = self.item
        today = prep_app(self).clock.now().date()
        # Under 80 columns the text has a line of its own, the rest below it.
        with Horizontal(classes="item-line wrap-line"):
            yield TextField(
                item.text if item else "",
                id="action-text",
                compact=True,
                placeholder="What needs doing?",
            )
            with Horizontal(classes="line-part"):
                yield Choice(
                    [("Me", "me"), ("Them", "them")],
                    allow_blank=False,
                    value=(item.owner if item else Owner.ME).value,
                    id="action-owner",
                )
                yield DateField(
                    item.due if item else None,
                    today,
                    id="action-due",
                    placeholder="due, e.g. fri",
                    meeting_day=meeting_day(self),
                    unreadable=unreadable_in(item.unreadable, "due") if item else None,
                )
                yield TickBox("Done", bool(item and item.done_at), compact=True, id="action-done")
        yield Static("", classes="hint date-hint")

    @on(Input.Changed, "#action-text")
    def _text(self, event: Input.Changed) -> None:
        event.stop()
        self.save_later("text", event.value)

    @on(Input.Changed, "#action-due")
    def _due(self, event: Input.Changed) -> None:
        event.stop()
        field = self.query_one("#action-due", DateField)
        if field.show_reading(self.query_one(".date-hint", Static), lead="due "):
            self.save_later("due", field.parsed)

    @on(Choice.Changed, "#action-owner")
    def _owner(self, event: Choice.Changed) -> None:
        event.stop()
        self.save_now("owner", Owner(event.value))

    @on(Checkbox.Changed, "#action-done")
    def _done(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.post_when_stored(partial(ItemTicked, "action", ticked=event.value))
