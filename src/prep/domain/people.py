"""Each working relationship over time: what the people screen shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from prep.domain.models import Counterpart, Meeting


@dataclass(frozen=True, slots=True)
class PersonSummary:
    person: Counterpart
    meetings: int
    last_met: date | None
    last_feedback: date | None
    temperatures: tuple[int, ...]  # debriefed temperatures, oldest first (the last few)
    open_unsaid: int
    open_actions: int


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One meeting in a relationship's history."""

    meeting: Meeting
    planned_level: int | None
    actual_level: int | None
    temperature: int | None
    outcome: str


def validate_person(name: str, organisation: str) -> tuple[str, str]:
    """Cleaned name and organisation, or ValidationError for an empty or overlong name."""
    from prep.domain.models import NAME_MAX, ValidationError, clean_line

    clean_name = clean_line(name)
    if not clean_name:
        raise ValidationError("A person needs a name.", "name")
    if len(clean_name) > NAME_MAX:
        raise ValidationError(f"Keep the name under {NAME_MAX} characters.", "name")
    return clean_name, clean_line(organisation)[:NAME_MAX]
