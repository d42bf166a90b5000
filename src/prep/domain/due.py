"""What needs doing now, for `prep due`: a shell prompt's or cron's question.

Four things count as due: meetings that need a debrief (the agenda's rule),
meetings starting within the hour that are not fully prepared, overdue action
items, and feedback conversations due (by the person's cadence) with someone
you meet in the coming week, so there is a meeting to ask them in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from prep.domain.checklist import STEPS, is_prepared
from prep.domain.debrief import ActionItem
from prep.domain.models import Cadence, Meeting

PREPARE_WINDOW = timedelta(hours=1)
FEEDBACK_AHEAD = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class DueAction:
    item: ActionItem
    meeting_title: str
    person: str


@dataclass(frozen=True, slots=True)
class DueFeedback:
    person: str
    cadence: Cadence
    last_feedback: date | None
    next_meeting: Meeting


@dataclass(frozen=True, slots=True)
class DueReport:
    needs_debrief: tuple[Meeting, ...] = ()
    unprepared_soon: tuple[Meeting, ...] = ()
    overdue_actions: tuple[DueAction, ...] = ()
    feedback: tuple[DueFeedback, ...] = ()

    @property
    def anything(self) -> bool:
        return bool(
            self.needs_debrief or self.unprepared_soon or self.overdue_actions or self.feedback
        )


def build_due(
    meetings: list[Meeting], actions: list[DueAction], feedback: list[DueFeedback], now: datetime
) -> DueReport:
    """Apply the rules to what the store read around `now`."""
    from prep.domain.agenda import GroupKind, build_agenda
    from prep.domain.debrief_rules import feedback_due, overdue

    groups = {g.kind: g.meetings for g in build_agenda(meetings, now)}
    soon = tuple(
        m
        for m in meetings
        if now < m.starts_at <= now + PREPARE_WINDOW and not is_prepared(m.steps_done)
    )
    late = {id(a) for a in overdue((a.item for a in actions), now.date())}
    return DueReport(
        needs_debrief=groups.get(GroupKind.DEBRIEF, ()),
        unprepared_soon=soon,
        overdue_actions=tuple(a for a in actions if id(a.item) in late),
        feedback=tuple(f for f in feedback if feedback_due(f.last_feedback, f.cadence, now.date())),
    )


def render_due(report: DueReport, now: datetime) -> str:
    """Plain text, one line per thing due, under a heading per kind."""
    from prep.domain.deadlines import format_day
    from prep.domain.when import format_when, relative

    if not report.anything:
        return "Nothing due.\n"

    def when(m: Meeting) -> str:
        return f"{format_when(m.starts_at, now)} ({relative(m.starts_at, now)})"

    sections: list[tuple[str, list[str]]] = [
        (
            "Needs a debrief",
            [
                f"  {m.id:>4}  {when(m)}  {m.title} · {m.counterpart.name}"
                for m in report.needs_debrief
            ],
        ),
        (
            "Not prepared, starting within the hour",
            [
                f"  {m.id:>4}  {when(m)}  {m.title} · {m.counterpart.name} · "
                f"{m.steps_done}/{STEPS} ready"
                for m in report.unprepared_soon
            ],
        ),
        (
            "Overdue action items",
            [
                f"  {a.item.text} ({'mine' if a.item.owner == 'me' else 'theirs'}, due "
                f"{format_day(a.item.due)}) · {a.meeting_title} · {a.person}"
                for a in report.overdue_actions
                if a.item.due
            ],
        ),
        (
            "Feedback due",
            [
                f"  {f.person} ({f.cadence}; "
                + (
                    f"last asked {format_day(f.last_feedback)}"
                    if f.last_feedback
                    else "never asked"
                )
                + f") · ask at {f.next_meeting.title}, {format_when(f.next_meeting.starts_at, now)}"
                for f in report.feedback
            ],
        ),
    ]
    lines: list[str] = []
    for heading, rows in sections:
        if rows:
            lines += ([""] if lines else []) + [heading, *rows]
    return "\n".join(lines) + "\n"


def due_json(report: DueReport) -> dict[str, Any]:
    """The report as plain JSON values (ISO dates), for scripts."""
    from prep.domain.listing import meeting_json

    return {
        "needs_debrief": [meeting_json(m) for m in report.needs_debrief],
        "unprepared_soon": [meeting_json(m) for m in report.unprepared_soon],
        "overdue_actions": [
            {
                "id": a.item.id,
                "meeting_id": a.item.meeting_id,
                "text": a.item.text,
                "owner": str(a.item.owner),
                "due": a.item.due.isoformat() if a.item.due else None,
                "meeting": a.meeting_title,
                "person": a.person,
            }
            for a in report.overdue_actions
        ],
        "feedback_due": [
            {
                "person": f.person,
                "cadence": str(f.cadence),
                "last_feedback": f.last_feedback.isoformat() if f.last_feedback else None,
                "next_meeting_id": f.next_meeting.id,
            }
            for f in report.feedback
        ],
    }
