"""Widgets report in messages and work with no store at all (issue 17): an
ItemList and a debrief row in a bare App that records what they post."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import App, ComposeResult
from textual.message import Message
from textual.widgets import Input

from prep.domain.checklist import Ask, Problem
from prep.domain.debrief import ProposalOutcome
from prep.tui.messages import AskResultChosen, ProposalOutcomeChosen
from prep.tui.widgets.choice import Choice
from prep.tui.widgets.debrief_rows import AskResultRow, ProposalRow
from prep.tui.widgets.item_list import ItemList, ItemRow


class TextRow(ItemRow):
    def compose(self) -> ComposeResult:
        yield Input(self.item or "", id="text")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.save_later("text", event.value)


class Recorder(App[None]):
    """A bare App, no store, recording what the widgets post."""

    def __init__(self, *widgets: Any) -> None:
        super().__init__()
        self.widgets = widgets
        self.seen: list[Message] = []

    def compose(self) -> ComposeResult:
        yield from self.widgets

    @on(ItemList.Added)
    @on(ItemList.Removed)
    @on(ItemList.Moved)
    @on(ItemList.Changed)
    @on(AskResultChosen)
    @on(ProposalOutcomeChosen)
    def _record(self, message: Message) -> None:
        self.seen.append(message)


def names(seen: list[Message]) -> list[str]:
    return [type(m).__name__ for m in seen]


async def test_an_item_list_reports_adding_typing_moving_and_removing():
    items = ItemList("asks", 7, TextRow, noun="ask", id="asks")
    app = Recorder(items)
    async with app.run_test(size=(80, 24)) as pilot:
        await items.load([])
        await pilot.pause()
        await items.action_add()
        await pilot.press("a", "b")
        await items.action_add()  # after the focused one: second
        await pilot.press("c")
        items.action_move(-1)
        items.action_remove()
        await pilot.pause()
        print("messages:", names(app.seen))
        assert names(app.seen) == [
            "Added",
            "Changed",
            "Changed",
            "Added",
            "Changed",
            "Moved",
            "Removed",
        ]
        first, second = app.seen[0], app.seen[3]
        assert isinstance(first, ItemList.Added) and isinstance(second, ItemList.Added)
        assert (first.item_list, first.steps, second.steps) == (items, 0, 0)
        typed = [m for m in app.seen if isinstance(m, ItemList.Changed)]
        assert [(m.column, m.value, m.at_once) for m in typed] == [
            ("text", "a", False),
            ("text", "ab", False),
            ("text", "c", False),
        ]
        moved = app.seen[5]
        assert isinstance(moved, ItemList.Moved) and moved.delta == -1
        assert moved.row is second.row is app.seen[6].row
        # With no screen to store them, rows keep no id, and the list goes on.
        assert [row.item_id for row in items.rows] == [None]
        assert items.rows[0] is first.row


async def test_a_row_added_in_the_middle_says_how_far_up_it_goes():
    items = ItemList("asks", 7, TextRow, noun="ask", id="asks")
    app = Recorder(items)
    async with app.run_test(size=(80, 24)) as pilot:
        await items.load([])
        await pilot.pause()
        for _ in range(3):
            await items.action_add()
        await items.action_add(after=items.rows[0])
        await pilot.pause()
        steps = [m.steps for m in app.seen if isinstance(m, ItemList.Added)]
        print("steps:", steps)
        assert steps == [0, 0, 0, -2]
        items.rows[0].stored_as(41)
        assert items.rows[0].item_id == 41


async def test_debrief_rows_report_their_choices():
    ask = Ask(id=3, text="Sign-off by Friday")
    problem = Problem(id=5, text="The overrun")
    app = Recorder(AskResultRow(ask, None), ProposalRow(problem, None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        asked, answer, outcome = app.query(Choice)
        asked.focus()
        await pilot.press("right")  # Asked
        answer.focus()
        await pilot.press("right")  # Granted
        outcome.focus()
        await pilot.press("right")  # the first outcome: accepted
        await pilot.pause()
        print("messages:", names(app.seen))
        results = [m for m in app.seen if isinstance(m, AskResultChosen)]
        assert [(m.ask_id, m.asked, m.answer and m.answer.value) for m in results][-1] == (
            3,
            True,
            "granted",
        )
        chosen = [m for m in app.seen if isinstance(m, ProposalOutcomeChosen)]
        assert [(m.problem_id, m.outcome) for m in chosen] == [(5, ProposalOutcome.ACCEPTED)]
