"""The debrief's question about the coaching-up note planned last time."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from prep.domain.debrief import COACHING_NOT_TRIED_LABEL, COACHING_OUTCOME_LABELS, CoachingOutcome
from prep.domain.open_threads import CoachingNote
from prep.tui.messages import CoachingTriedChosen
from prep.tui.widgets.choice import Choice

NOT_TRIED = "not-yet"
TRIED_OPTIONS = [(COACHING_NOT_TRIED_LABEL, NOT_TRIED)] + [
    (label, outcome.value) for outcome, label in COACHING_OUTCOME_LABELS.items()
]


class CoachingTriedRow(Vertical):
    """ "Last time you planned: …", and did you try it? Answered with an
    outcome, the note stops following the person; "not yet" keeps it open."""

    def __init__(self, note: CoachingNote) -> None:
        super().__init__(classes="debrief-row", id="coaching-tried")
        self.note = note

    def compose(self) -> ComposeResult:
        yield Static(
            Content.assemble(("Last time you planned: ", "$text-muted"), self.note.text.strip()),
            classes="plan-line",
        )
        value = self.note.outcome.value if self.note.outcome else Choice.NO_CHOICE
        yield Choice(
            TRIED_OPTIONS, prompt="Did you try it?", value=value, id="coaching-tried-choice"
        )

    @on(Choice.Changed)
    def _changed(self, event: Choice.Changed) -> None:
        event.stop()
        tried = event.value not in (Choice.NO_CHOICE, NOT_TRIED)
        outcome = CoachingOutcome(event.value) if tried else None
        self.post_message(CoachingTriedChosen(self.note.meeting_id, outcome))
