"""What carries over from the last meeting with the same person.

Open asks, deadlines and problems without a solution don't end with the
meeting they were raised in; the next checklist and brief show them so they
are followed up rather than forgotten. Debriefs will later mark asks as
answered and problems as resolved; until then everything written carries.
"""

from __future__ import annotations

from dataclasses import dataclass

from prep.domain.checklist import Ask, Checklist, Deadline, Problem

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


def carry_over_from(previous: Checklist | None) -> CarryOver:
    """What the previous meeting's checklist leaves open; empty without one."""
    if previous is None:
        return NO_CARRY_OVER
    return CarryOver(
        from_meeting_id=previous.meeting_id,
        open_asks=tuple(a for a in previous.asks if a.text.strip()),
        deadlines=tuple(d for d in previous.deadlines if d.label.strip()),
        # A problem raised to ask for help is still unsolved: the help may
        # not have come.
        unsolved_problems=tuple(
            p for p in previous.problems if p.text.strip() and not p.has_solution
        ),
    )
