"""The checklist's steps on one line, for terminals too narrow for the step list."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from prep.domain.readiness import HEDGED_MARK


@dataclass(frozen=True)
class StripStep:
    """One step as the strip shows it."""

    pane_id: str
    number: str  # "1".."4", or "" for the brief
    title: str  # "Hierarchy check"
    done: bool | None  # None for the brief, which is never done or not
    hedged: bool = False  # step 1 done, with hedged asks


class StepStrip(Widget):
    """`✓ 1 Hierarchy  ○ 2 Expectation  …  ≡ Brief`, the current step marked.

    Under 100 columns the step list beside the fields would leave them too
    little room, so other_screens.tcss hides it and shows this line above the fields
    instead. It follows the step list; PgDn and PgUp still change step, and
    a click on a step goes there. Too narrow for every title, it shows the
    marks and the current step's title in full.
    """

    DEFAULT_CSS = """
    StepStrip { height: 1; margin-bottom: 1; }
    """

    class Chosen(Message):
        """The person clicked a step."""

        def __init__(self, pane_id: str) -> None:
            super().__init__()
            self.pane_id = pane_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.steps: list[StripStep] = []
        self.current = ""
        self._spans: list[tuple[int, int, str]] = []  # (start, end, pane id) as drawn

    def show(self, steps: list[StripStep]) -> None:
        self.steps = steps
        self.refresh()

    def show_current(self, pane_id: str) -> None:
        self.current = pane_id
        self.refresh()

    @staticmethod
    def _mark(step: StripStep) -> Content:
        if step.done is None:
            return Content.styled("≡", "$accent")
        if step.hedged:
            return Content.styled(HEDGED_MARK, "$text-warning")
        return (
            Content.styled("✓", "$text-success")
            if step.done
            else Content.styled("○", "$text-muted")
        )

    def _piece(self, step: StripStep, title: str) -> Content:
        label = " ".join(part for part in (step.number, title) if part)
        style = "bold reverse $accent" if step.pane_id == self.current else ""
        if not label:
            return self._mark(step)
        return Content.assemble(self._mark(step), " ", (label, style))

    def render(self) -> Content:
        width = self.content_size.width
        for short in (False, True):
            pieces = [
                self._piece(step, "" if short else step.title.split()[0]) for step in self.steps
            ]
            if short:
                current = next((s for s in self.steps if s.pane_id == self.current), None)
                if current is not None:
                    pieces.append(Content.styled(current.title, "bold"))
            line = Content("  ").join(pieces)
            if line.cell_length <= width or short:
                self._remember_spans(pieces)
                return line.truncate(width, ellipsis=True)
        raise AssertionError("unreachable")

    def _remember_spans(self, pieces: list[Content]) -> None:
        self._spans = []
        x = 0
        for step, piece in zip(self.steps, pieces, strict=False):
            self._spans.append((x, x + piece.cell_length, step.pane_id))
            x += piece.cell_length + 2

    def on_click(self, event: events.Click) -> None:
        for start, end, pane_id in self._spans:
            if start <= event.x < end:
                self.post_message(self.Chosen(pane_id))
                return
