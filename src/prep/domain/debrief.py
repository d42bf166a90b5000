"""The debrief: an after-action review laid beside the frozen plan.

What was supposed to happen (the checklist), what happened, why they
differ, what next. Asks not asked become unsaid items; unsaid items and
action items carry to the next meeting with the same person until
resolved or done.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from prep.domain.models import Unreadable


class AskAnswer(StrEnum):
    GRANTED = "granted"
    REFUSED = "refused"
    LATER = "later"
    NO_ANSWER = "no-answer"


# Whether a planned ask was made, then its answer: the debrief's choices and
# the debrief report use the same words.
ASKED_LABELS: dict[bool, str] = {True: "Asked", False: "Not asked"}

ANSWER_LABELS: dict[AskAnswer, str] = {
    AskAnswer.GRANTED: "Granted",
    AskAnswer.REFUSED: "Refused",
    AskAnswer.LATER: "Later",
    AskAnswer.NO_ANSWER: "No answer",
}


class ProposalOutcome(StrEnum):
    """What happened to a solution you proposed for a problem."""

    ACCEPTED = "accepted"
    DECLINED = "declined"
    PARKED = "parked"


# The three feedback questions, by the debrief field that keeps each answer.
FEEDBACK_QUESTIONS: dict[str, str] = {
    "feedback_keep": "What should I keep doing?",
    "feedback_more": "What should I do more often?",
    "feedback_help": "What can I do to help you more?",
}

OUTCOME_LABELS: dict[ProposalOutcome, str] = {
    ProposalOutcome.ACCEPTED: "Accepted",
    ProposalOutcome.DECLINED: "Declined",
    ProposalOutcome.PARKED: "Parked",
}


class CoachingOutcome(StrEnum):
    """How trying a coaching-up note went, recorded in the next debrief."""

    WORKED = "worked"
    PARTLY = "partly"
    DID_NOT_WORK = "did-not-work"


COACHING_OUTCOME_LABELS: dict[CoachingOutcome, str] = {
    CoachingOutcome.WORKED: "It worked",
    CoachingOutcome.PARTLY: "Partly",
    CoachingOutcome.DID_NOT_WORK: "It did not work",
}
# The answer to "did you try it?" that leaves the note open for next time.
COACHING_NOT_TRIED_LABEL = "Not yet"


class Owner(StrEnum):
    ME = "me"
    THEM = "them"


@dataclass(frozen=True, slots=True)
class AskResult:
    """Whether a planned ask was made, and the answer."""

    ask_id: int
    asked: bool | None = None
    answer: AskAnswer | None = None


@dataclass(frozen=True, slots=True)
class UnplannedAsk:
    """An ask made in the meeting that was not in the plan: counted as asked,
    and marked unplanned so the review can tell planning from improvising."""

    id: int
    meeting_id: int
    text: str
    answer: AskAnswer | None = None


@dataclass(frozen=True, slots=True)
class UnsaidItem:
    """Something that went unsaid; it follows the person until resolved."""

    id: int
    meeting_id: int
    text: str
    from_ask_id: int | None = None
    resolved_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None


@dataclass(frozen=True, slots=True)
class DeadlineMove:
    """A deadline's new range, recorded at a debrief. Earlier ranges are kept."""

    id: int
    deadline_id: int
    meeting_id: int
    earliest: date | None
    likely: date | None
    latest: date | None
    unreadable: tuple[Unreadable, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class ActionItem:
    id: int
    meeting_id: int
    text: str
    owner: Owner = Owner.ME
    due: date | None = None
    done_at: datetime | None = None
    unreadable: tuple[Unreadable, ...] = field(default=(), compare=False)

    @property
    def is_open(self) -> bool:
        return self.done_at is None


@dataclass(frozen=True, slots=True)
class Debrief:
    """What happened in one meeting."""

    meeting_id: int
    outcome: str = ""
    overall: int | None = None  # 1-5
    temperature: int | None = None  # 1-5, cold to warm
    actual_level: int | None = None  # 1-10, the assertiveness scale
    feedback_asked: bool = False
    feedback_keep: str = ""  # what should I keep doing
    feedback_more: str = ""  # what should I do more often
    feedback_help: str = ""  # what can I do to help you more
    coaching_note: str = ""
    # The after-action review's third question: why what happened differs
    # from what each side expected (m014).
    why_differ: str = ""
    call_notes: str = ""  # scratch notes typed on the call screen during the meeting
    ask_results: tuple[AskResult, ...] = ()
    unplanned_asks: tuple[UnplannedAsk, ...] = ()
    proposal_outcomes: tuple[tuple[int, ProposalOutcome | None], ...] = ()  # (problem id, outcome)
    unsaid: tuple[UnsaidItem, ...] = ()
    deadline_moves: tuple[DeadlineMove, ...] = ()
    action_items: tuple[ActionItem, ...] = ()
    next_meeting_id: int | None = None
    started: bool = False
