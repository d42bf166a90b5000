"""What carries over from the last meeting with the same person.

Open asks, deadlines and problems without a solution don't end with the
meeting they were raised in; the next checklist and brief show them so they
are followed up rather than forgotten. Once the meeting is debriefed, an
ask that was answered yes or no is closed, and one that was not asked at all
carries as an unsaid item instead (see debrief_rules.unsaid_from_asks).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from prep.domain.checklist import Ask, Checklist, Deadline, Problem
from prep.domain.debrief import AskAnswer, DeadlineMove, Debrief

# Answers that settle an ask; "later" and "no answer" leave it open.
CLOSING_ANSWERS = frozenset({AskAnswer.GRANTED, AskAnswer.REFUSED})

__all__ = ["NO_CARRY_OVER", "CarryOver", "carry_over_from"]


@dataclass(frozen=True, slots=True)
class CarryOver:
    """Items from the meeting `from_meeting_id` to follow up in the next one."""

    from_meeting_id: int | None
    open_asks: tuple[Ask, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    unsolved_problems: tuple[Problem, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.open_asks or self.deadlines or self.unsolved_problems)


NO_CARRY_OVER = CarryOver(from_meeting_id=None)


def carry_over_from(previous: Checklist | None, debrief: Debrief | None = None) -> CarryOver:
    """What the previous meeting's checklist leaves open; empty without one.

    `debrief` is that meeting's debrief, if written: its answers close asks and
    its moved deadlines carry with their new range.
    """
    ask_results = debrief.ask_results if debrief else ()
    moves = {m.deadline_id: m for m in debrief.deadline_moves} if debrief else {}
    if previous is None:
        return NO_CARRY_OVER
    results = {r.ask_id: r for r in ask_results}

    def still_open(ask: Ask) -> bool:
        result = results.get(ask.id)
        if result is None or result.asked is None:
            return True
        if result.asked is False:
            return False  # carried as an unsaid item instead
        return result.answer not in CLOSING_ANSWERS

    return CarryOver(
        from_meeting_id=previous.meeting_id,
        open_asks=tuple(a for a in previous.asks if a.text.strip() and still_open(a)),
        deadlines=tuple(_moved(d, moves.get(d.id)) for d in previous.deadlines if d.label.strip()),
        # A problem raised to ask for help is still unsolved: the help may
        # not have come.
        unsolved_problems=tuple(
            p for p in previous.problems if p.text.strip() and not p.has_solution
        ),
    )


def _moved(deadline: Deadline, move: DeadlineMove | None) -> Deadline:
    """The deadline with the range it was moved to at the debrief, if it moved."""
    if move is None:
        return deadline
    return replace(deadline, earliest=move.earliest, likely=move.likely, latest=move.latest)
