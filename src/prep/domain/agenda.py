"""How the home screen groups meetings: what needs a debrief, what is next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from prep.domain.models import Meeting

# Meetings older than this without a debrief stop nagging on the agenda; the
# people screen still lists them. A debrief weeks later recalls little.
DEBRIEF_WINDOW = timedelta(days=30)


class GroupKind(StrEnum):
    DEBRIEF = "debrief"
    NOW = "now"
    TODAY = "today"
    THIS_WEEK = "this-week"
    LATER = "later"


GROUP_TITLES: dict[GroupKind, str] = {
    GroupKind.DEBRIEF: "Needs a debrief",
    GroupKind.NOW: "Happening now",
    GroupKind.TODAY: "Today",
    GroupKind.THIS_WEEK: "This week",
    GroupKind.LATER: "Later",
}


@dataclass(frozen=True, slots=True)
class AgendaGroup:
    kind: GroupKind
    meetings: tuple[Meeting, ...]

    @property
    def title(self) -> str:
        return GROUP_TITLES[self.kind]


def end_of_week(now: datetime, week_start: int = 0) -> datetime:
    """Midnight at the end of this week, local time: weeks run Monday to
    Sunday unless `week_start` (0 Monday .. 6 Sunday, from the settings)
    says otherwise."""
    days_left = 7 - (now.weekday() - week_start) % 7
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight + timedelta(days=days_left)


def group_for(meeting: Meeting, now: datetime, week_start: int = 0) -> GroupKind:
    local_start = meeting.starts_at.astimezone(now.tzinfo)
    if meeting.starts_at <= now:
        return GroupKind.NOW if meeting.is_under_way(now) else GroupKind.DEBRIEF
    if local_start.date() == now.date():
        return GroupKind.TODAY
    if local_start < end_of_week(now, week_start):
        return GroupKind.THIS_WEEK
    return GroupKind.LATER


def build_agenda(meetings: list[Meeting], now: datetime, week_start: int = 0) -> list[AgendaGroup]:
    """Group meetings for the agenda, dropping debriefed and long-past ones.

    Debriefs come first (most recent first), because an unwritten debrief
    loses detail by the hour; the rest run soonest first.
    """
    buckets: dict[GroupKind, list[Meeting]] = {kind: [] for kind in GroupKind}
    for meeting in meetings:
        kind = group_for(meeting, now, week_start)
        if kind is GroupKind.DEBRIEF and (
            not meeting.needs_debrief(now) or meeting.starts_at < now - DEBRIEF_WINDOW
        ):
            continue
        buckets[kind].append(meeting)
    buckets[GroupKind.DEBRIEF].sort(key=lambda m: m.starts_at, reverse=True)
    for kind in (GroupKind.NOW, GroupKind.TODAY, GroupKind.THIS_WEEK, GroupKind.LATER):
        buckets[kind].sort(key=lambda m: m.starts_at)
    return [AgendaGroup(kind, tuple(items)) for kind, items in buckets.items() if items]
