"""The pre-meeting checklist: four steps, each teaching one idea, and when each is done.

1. Hierarchy check: the power gap makes people hedge and hold back.
2. Expectation review: deadlines are ranges you manage together.
3. Assertiveness: plan a level in the just-right band.
4. Solutions ready: every problem arrives with a proposed solution,
   unless it is raised explicitly to ask for help.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum, StrEnum

from prep.domain.models import Counterpart, Rank, RelationshipKind, Unreadable


class Step(IntEnum):
    HIERARCHY = 1
    EXPECTATIONS = 2
    ASSERTIVENESS = 3
    SOLUTIONS = 4


# How many steps a checklist has: readiness is counted and drawn out of this.
STEPS = len(Step)


def is_prepared(steps_done: int) -> bool:
    """A meeting is prepared once every step of its checklist is done."""
    return steps_done >= STEPS


STEP_TITLES: dict[Step, str] = {
    Step.HIERARCHY: "Hierarchy check",
    Step.EXPECTATIONS: "Expectation review",
    Step.ASSERTIVENESS: "Assertiveness",
    Step.SOLUTIONS: "Solutions ready",
}


class Position(StrEnum):
    """Where they sit relative to you for this meeting."""

    SENIOR = "senior"
    PEER = "peer"
    JUNIOR = "junior"
    PAYING_CLIENT = "paying-client"


POSITION_LABELS: dict[Position, str] = {
    Position.SENIOR: "Senior to me",
    Position.PEER: "My peer",
    Position.JUNIOR: "Junior to me",
    Position.PAYING_CLIENT: "Paying client",
}


# Where someone of each rank sits, for a person who is not a paying client.
_RANK_POSITIONS: dict[Rank, Position] = {
    Rank.SENIOR: Position.SENIOR,
    Rank.PEER: Position.PEER,
    Rank.JUNIOR: Position.JUNIOR,
}


def position_from(counterpart: Counterpart) -> Position:
    """Where the person sits relative to you, from what the meeting form
    recorded about them: the checklist's first answer, filled in for a new
    checklist and open to change. A client or customer is a paying client
    whatever their rank (paying is the gap that makes people hedge); a boss
    is senior; a colleague sits where their rank says."""
    if counterpart.kind in (RelationshipKind.CLIENT, RelationshipKind.CUSTOMER):
        return Position.PAYING_CLIENT
    if counterpart.kind is RelationshipKind.BOSS:
        return Position.SENIOR
    return _RANK_POSITIONS[counterpart.rank]


class HoldBackReason(StrEnum):
    """The usual unspoken rules that keep people quiet. Naming one is the first step past it."""

    EMBARRASS = "embarrass"
    MORE_DATA = "more-data"
    NOT_MY_PLACE = "not-my-place"
    WRONG_MOMENT = "wrong-moment"
    FEAR = "fear"
    OTHER = "other"


REASON_LABELS: dict[HoldBackReason, str] = {
    HoldBackReason.EMBARRASS: "Don't want to embarrass them",
    HoldBackReason.MORE_DATA: "Want more data first",
    HoldBackReason.NOT_MY_PLACE: "Not my place",
    HoldBackReason.WRONG_MOMENT: "Wrong moment",
    HoldBackReason.FEAR: "Fear of the consequences",
    HoldBackReason.OTHER: "Other",
}


class Confidence(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


CONFIDENCE_LABELS: dict[Confidence, str] = {
    Confidence.LOW: "Low",
    Confidence.MEDIUM: "Medium",
    Confidence.HIGH: "High",
}


class Flex(StrEnum):
    """What can give on a deadline."""

    SCOPE = "scope"
    DATE = "date"
    PEOPLE = "people"


class Need(StrEnum):
    """What you need from them about a problem."""

    DECISION = "decision"
    APPROVAL = "approval"
    INFORMATION = "information"
    NOTHING = "nothing"


@dataclass(frozen=True, slots=True)
class Ask:
    """A direct request: "I need X by Friday", not a hint."""

    id: int
    text: str
    by_when: date | None = None
    unreadable: tuple[Unreadable, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline as a range with a confidence, not a single number set in stone."""

    id: int
    label: str
    earliest: date | None = None
    likely: date | None = None
    latest: date | None = None
    confidence: Confidence | None = None
    flexible: frozenset[Flex] = frozenset()
    unreadable: tuple[Unreadable, ...] = field(default=(), compare=False)

    @property
    def has_range(self) -> bool:
        return None not in (self.earliest, self.likely, self.latest)


@dataclass(frozen=True, slots=True)
class Solution:
    id: int
    text: str


@dataclass(frozen=True, slots=True)
class Problem:
    """A problem to raise, with proposed solutions, or flagged as a request for help."""

    id: int
    text: str
    solutions: tuple[Solution, ...] = ()
    need: Need | None = None
    ask_for_help: bool = False

    @property
    def has_solution(self) -> bool:
        return any(s.text.strip() for s in self.solutions)

    @property
    def ready(self) -> bool:
        """Ready to raise: it has a solution, or it is explicitly a request for help."""
        return self.has_solution or self.ask_for_help


@dataclass(frozen=True, slots=True)
class Checklist:
    """Everything prepared for one meeting."""

    meeting_id: int
    position: Position | None = None
    holding_back: str = ""
    holding_back_nothing: bool = False
    holding_back_reason: HoldBackReason | None = None
    asks: tuple[Ask, ...] = ()
    no_asks: bool = False
    they_expect: str = ""
    i_expect: str = ""
    deadlines: tuple[Deadline, ...] = ()
    premortem: str = ""
    planned_level: int | None = None
    pushback_line: str = ""
    problems: tuple[Problem, ...] = ()
    nothing_to_raise: bool = False
    off_their_plate: str = ""
    edited_after_start: bool = False
    # Steps the person visited but that are not done, for the step list.
    started: bool = field(default=False, compare=False)
