"""The weekly review's inputs: one week's meetings and what happened around them.

The store fills these records with indexed queries bounded by the week, so
the review's cost follows the week's meetings, not the whole history. The
numbers themselves are computed in `review_stats`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from prep.domain.checklist import HoldBackReason
from prep.domain.debrief import CoachingOutcome, Owner
from prep.domain.models import Cadence, Rank, Setting
from prep.domain.readiness import prepared_before_start


@dataclass(frozen=True, slots=True)
class ReviewMeeting:
    """One meeting of the week, reduced to what the review counts.

    What a meeting brought (asks, problems, unsaid items) is counted on the
    meeting, so it belongs to the meeting's week however late the debrief
    was written.
    """

    id: int
    title: str
    person_id: int
    person: str
    rank: Rank
    starts_at: datetime
    setting: Setting
    steps_done: int = 0
    # The plan was unlocked and edited after the meeting started.
    edited_after_start: bool = False
    debriefed: bool = False
    planned_level: int | None = None
    actual_level: int | None = None
    temperature: int | None = None
    asks_planned: int = 0
    asks_asked: int = 0
    asks_granted: int = 0
    # Asks made without being planned (m014): counted as asked, and apart.
    asks_unplanned: int = 0
    asks_unplanned_granted: int = 0
    # The debrief says why what happened differs from what was expected.
    says_why: bool = False
    problems_with_solution: int = 0
    problems_for_help: int = 0  # raised to ask for help, no solution
    problems_without: int = 0  # no solution and not flagged for help
    feedback_asked: bool = False
    hold_back_reason: HoldBackReason | None = None
    unsaid_opened: int = 0  # unsaid items written at its debrief (blank ones left out)
    # An earlier coaching-up note was tried in this meeting (its debrief
    # says so), and how that went (None if not said).
    coaching_tried: bool = False
    coaching_outcome: CoachingOutcome | None = None
    duration_minutes: int = 30

    @property
    def prepared_before(self) -> bool:
        """The checklist was complete before the meeting started (see `readiness`)."""
        return prepared_before_start(self.steps_done, self.edited_after_start)

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)


@dataclass(frozen=True, slots=True)
class MovedDeadline:
    """A deadline moved at the debrief of meeting `meeting_id`: it belongs to
    that meeting's week."""

    label: str
    person: str
    old_likely: date | None
    new_likely: date | None
    meeting_id: int


@dataclass(frozen=True, slots=True)
class UpcomingDeadline:
    label: str
    person: str
    earliest: date | None
    likely: date | None
    latest: date | None


@dataclass(frozen=True, slots=True)
class ActionLine:
    text: str
    person: str
    owner: Owner
    due: date | None
    done_at: datetime | None = None  # aware; None while open


@dataclass(frozen=True, slots=True)
class PersonFeedback:
    person: str
    cadence: Cadence
    last_feedback: date | None


@dataclass(frozen=True, slots=True)
class Reflection:
    """What the person wrote about the week."""

    went_well: str = ""
    to_change: str = ""
    focus: str = ""


@dataclass(frozen=True, slots=True)
class WeekInput:
    """Everything the review of one week (Monday `week_start`, local) is computed from."""

    week_start: date
    meetings: tuple[ReviewMeeting, ...] = ()
    unsaid_resolved: int = 0  # ticked resolved during the week
    unsaid_said: int = 0  # of those, resolved by asking them ("say it this time")
    open_unsaid_by_person: tuple[tuple[str, int], ...] = ()  # most first
    moved_deadlines: tuple[MovedDeadline, ...] = ()
    upcoming_deadlines: tuple[UpcomingDeadline, ...] = ()  # range touches the next two weeks
    # The action items the review may list: due before the week and not done
    # by its end, due this week or next (done or not), or done during the week.
    # `review_stats.action_items` sorts them into the review's lists.
    actions: tuple[ActionLine, ...] = ()
    people: tuple[PersonFeedback, ...] = ()
    # Average actual-minus-planned level for each of the 12 weeks ending with this one
    # (oldest first); None for a week with no meeting rated both ways.
    gap_trend: tuple[float | None, ...] = ()
    reflection: Reflection = Reflection()
    last_week_focus: str = ""
