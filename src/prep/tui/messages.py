"""Messages widgets post to their screen: widgets report, screens save."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Literal

from textual.message import Message

from prep.domain.debrief import AskAnswer, CoachingOutcome, ProposalOutcome

if TYPE_CHECKING:
    from prep.tui.widgets.debrief_rows import DeadlineMoveRow

TickableKind = Literal["unsaid", "action"]
TICKABLE_KINDS: tuple[TickableKind, ...] = ("unsaid", "action")


class ItemTicked(Message):
    """An unsaid item was ticked resolved, or an action item done (or either
    unticked). The screen writes it to the store."""

    def __init__(self, kind: TickableKind, item_id: int, ticked: bool) -> None:
        super().__init__()
        self.kind = kind
        self.item_id = item_id
        self.ticked = ticked


class SayItThisTime(Message):
    """ "Say it this time": make an unsaid item from an earlier meeting an ask
    of this one. The screen writes it (store.threads.say_it)."""

    def __init__(self, unsaid_id: int) -> None:
        super().__init__()
        self.unsaid_id = unsaid_id


class AskResultChosen(Message):
    """A planned ask was marked asked or not, or its answer chosen. The
    screen stores it (not asked makes it an unsaid item)."""

    def __init__(self, ask_id: int, asked: bool | None, answer: AskAnswer | None) -> None:
        super().__init__()
        self.ask_id = ask_id
        self.asked = asked
        self.answer = answer


class DeadlineMoveChanged(Message):
    """A planned deadline moved to a new range, or (`dates` None) did not
    move after all. The screen stores it; if it cannot, it tells `row`
    (`DeadlineMoveRow.not_stored`) so the same range is offered again."""

    def __init__(
        self,
        row: DeadlineMoveRow,
        deadline_id: int,
        meeting_id: int,
        dates: list[date | None] | None,
    ) -> None:
        super().__init__()
        self.row = row
        self.deadline_id = deadline_id
        self.meeting_id = meeting_id
        self.dates = dates

    @property
    def control(self) -> DeadlineMoveRow:
        return self.row


class ProposalOutcomeChosen(Message):
    """What happened to the solution proposed for a problem. The screen stores it."""

    def __init__(self, problem_id: int, outcome: ProposalOutcome | None) -> None:
        super().__init__()
        self.problem_id = problem_id
        self.outcome = outcome


class CoachingTriedChosen(Message):
    """Whether the coaching-up note of an earlier meeting (`note_meeting_id`)
    was tried in this one, and how it went; `outcome` None: not yet. The
    screen stores it (store.threads.set_coaching_tried)."""

    def __init__(self, note_meeting_id: int, outcome: CoachingOutcome | None) -> None:
        super().__init__()
        self.note_meeting_id = note_meeting_id
        self.outcome = outcome
