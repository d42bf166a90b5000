"""The reads behind `prep due`, each bounded to a short window around now and
served by an index, so the answer is as quick on 100,000 meetings as on ten.

Kept apart from the review's queries: `prep due` runs from a shell prompt,
and must import as little as possible.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from prep.domain.agenda import DEBRIEF_WINDOW
from prep.domain.debrief import ActionItem, Owner
from prep.domain.due import FEEDBACK_AHEAD, PREPARE_WINDOW, DueAction, DueFeedback, DueReport
from prep.domain.models import Cadence
from prep.store.repository import MEETING_COLUMNS, MEETING_FROM, meeting_from_row
from prep.store.timestamps import utc_text

if TYPE_CHECKING:
    from prep.store.repository import Store

# Overdue action items are looked for this far back, as in the weekly review:
# older promises are history, not today's to-do.
OVERDUE_LOOKBACK = timedelta(days=182)


def read_due(store: Store, now: datetime) -> DueReport:
    from prep.domain.due import build_due

    with store._lock:
        meetings = [
            meeting_from_row(r)
            for r in store.query(
                f"SELECT {MEETING_COLUMNS} FROM {MEETING_FROM}"
                " WHERE m.starts_at_utc >= ? AND m.starts_at_utc <= ?"
                " ORDER BY m.starts_at_utc, m.id",
                [utc_text(now - DEBRIEF_WINDOW), utc_text(now + PREPARE_WINDOW)],
            )
        ]
        actions = _open_actions(store, now.date())
        feedback = _feedback_candidates(store, now)
    return build_due(meetings, actions, feedback, now)


def _open_actions(store: Store, today: date) -> list[DueAction]:
    rows = store.query(
        "SELECT a.id, a.meeting_id, a.text, a.owner, a.due, m.title, c.name"
        " FROM action_items a INDEXED BY action_items_due"
        " JOIN meetings m ON m.id = a.meeting_id JOIN people c ON c.id = m.person_id"
        " WHERE a.due >= ? AND a.due < ? AND a.done_at IS NULL ORDER BY a.due, a.id",
        [(today - OVERDUE_LOOKBACK).isoformat(), today.isoformat()],
    )
    return [
        DueAction(
            ActionItem(
                r["id"], r["meeting_id"], r["text"], Owner(r["owner"]), date.fromisoformat(r["due"])
            ),
            r["title"],
            r["name"],
        )
        for r in rows
    ]


def _feedback_candidates(store: Store, now: datetime) -> list[DueFeedback]:
    """Everyone met in the coming week, with their next meeting and last feedback."""
    rows = store.query(
        f"SELECT {MEETING_COLUMNS},"
        " (SELECT m2.starts_at FROM meetings m2 INDEXED BY meetings_person"
        "  JOIN debriefs d ON d.meeting_id = m2.id"
        "  WHERE m2.person_id = m.person_id AND m2.starts_at_utc < ?"
        "  AND d.feedback_asked = 1 ORDER BY m2.starts_at_utc DESC LIMIT 1) AS last_feedback"
        f" FROM {MEETING_FROM}"
        " WHERE m.starts_at_utc > ? AND m.starts_at_utc <= ? ORDER BY m.starts_at_utc, m.id",
        [utc_text(now), utc_text(now), utc_text(now + FEEDBACK_AHEAD)],
    )
    seen: set[int] = set()
    found = []
    for row in rows:
        meeting = meeting_from_row(row)
        if meeting.counterpart.id in seen:
            continue  # their first meeting is where to ask
        seen.add(meeting.counterpart.id)
        last = row["last_feedback"]
        found.append(
            DueFeedback(
                meeting.counterpart.name,
                Cadence(meeting.counterpart.cadence),
                datetime.fromisoformat(last).date() if last else None,
                meeting,
            )
        )
    return found
