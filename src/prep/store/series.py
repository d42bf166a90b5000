"""Repeating meetings made in prep: a `series` row and its meetings (m013).

Occurrences are made into ordinary meeting rows up to HORIZON_DAYS ahead
whenever the agenda or `prep list` is read ("made", below), rather than
shown as rows that are not in the table. The checklist, debrief, call
screen, review, search and export all work on meeting rows by id; a
virtual row would need each of them to learn about meetings that do not
exist yet. Making them is idempotent: a meeting is linked to its series by
(series_id, occurrence_utc), unique, and `series.made_until` remembers how
far the series was made, so an occurrence deleted on its own ("this one")
is not made again. A daily series keeps about 60 future rows, not
thousands.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from prep.domain.agenda import DEBRIEF_WINDOW
from prep.domain.models import Meeting, MeetingDraft
from prep.store.errors import StoreError
from prep.store.timestamps import utc_text
from prep.store.values import parse_moment

if TYPE_CHECKING:
    from prep.store.repository import Store
    from prep.store.undo import Snapshot

HORIZON_DAYS = 60

_DUE = "SELECT * FROM series WHERE made_until < :horizon AND coalesce(ends_before, :horizon) > made_until"

# A later occurrence with nothing written about it: "this and later"
# replaces it. One with a checklist, a debrief or call notes stays, as a
# meeting of its own, since that is the person's work.
_UNTOUCHED = (
    "progress = 'none'"
    " AND NOT EXISTS (SELECT 1 FROM checklists c WHERE c.meeting_id = meetings.id)"
    " AND NOT EXISTS (SELECT 1 FROM debriefs d WHERE d.meeting_id = meetings.id)"
)


def horizon(now: datetime) -> datetime:
    """Local midnight after the last day made: HORIZON_DAYS from today. A
    whole day, so the series are made again once a day, not on every read."""
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=None)
    return (midnight + timedelta(days=HORIZON_DAYS + 1)).replace(tzinfo=now.tzinfo)


class SeriesRepository:
    """Reached as `store.series`."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # -- making occurrences ------------------------------------------------------

    def make_occurrences(self) -> int:
        """Make every series' meetings up to the horizon; how many were added.

        A read first, so the usual case (made already today) takes no write lock.
        """
        now = self._store.clock.now()
        params = {"horizon": utc_text(horizon(now))}
        with self._store._use():
            if not self._store.query(_DUE, params):
                return 0
        added = 0
        with self._store.writing():
            for row in self._store.query(_DUE, params):  # again, under the lock
                added += self._make(row, now)
        return added

    def _make(self, row: dict[str, Any], now: datetime) -> int:
        """Make one series' meetings from `made_until` to the horizon (or
        its end). A rule or start another program spoiled is left as it is."""
        from prep.domain.repeats import occurrences

        first = parse_moment(row["first_start"], assume_utc=False)
        made = parse_moment(row["made_until"])
        if first is None or made is None:
            return 0
        # In the person's zone with its clock changes, not the stored offset.
        first = first.astimezone(now.tzinfo)
        until = horizon(now)
        ends = parse_moment(row["ends_before"])
        # Long-past occurrences would only nag: the agenda asks for debriefs
        # back to DEBRIEF_WINDOW.
        start = max(made, now - DEBRIEF_WINDOW)
        try:
            starts = occurrences(row["rrule"], first, start, min(until, ends or until))
        except (ValueError, TypeError, OverflowError):
            return 0
        stamp = self._store.now_text()
        added = 0
        conn = self._store._conn
        for moment in starts:
            cursor = conn.execute(
                "INSERT INTO meetings (title, person_id, starts_at, starts_at_utc,"
                " duration_minutes, setting, notes, progress, series_id, occurrence_utc,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'none', ?, ?, ?, ?)"
                " ON CONFLICT (series_id, occurrence_utc) WHERE series_id IS NOT NULL"
                " DO NOTHING",
                [
                    row["title"],
                    row["person_id"],
                    moment.isoformat(timespec="minutes"),
                    utc_text(moment),
                    row["duration_minutes"],
                    row["setting"],
                    row["notes"],
                    row["id"],
                    utc_text(moment),
                    stamp,
                    stamp,
                ],
            )
            added += cursor.rowcount
        conn.execute("UPDATE series SET made_until = ? WHERE id = ?", [utc_text(until), row["id"]])
        return added

    # -- starting, changing and ending ----------------------------------------------

    def start(self, meeting_id: int, rrule: str, repeat_text: str) -> int:
        """Make meeting `meeting_id` the first of a new series repeating by
        `rrule`, with the meeting's title, person, length, setting and notes,
        and make its occurrences; returns the series' id."""
        meeting = self._store.meeting(meeting_id)
        stamp = self._store.now_text()
        first = utc_text(meeting.starts_at)
        with self._store.writing():
            conn = self._store._conn
            cursor = conn.execute(
                "INSERT INTO series (rrule, repeat_text, first_start, title, person_id,"
                " duration_minutes, setting, notes, made_until, created_at, updated_at)"
                " SELECT ?, ?, starts_at, title, person_id, duration_minutes, setting, notes,"
                " ?, ?, ? FROM meetings WHERE id = ?",
                [rrule, repeat_text, first, stamp, stamp, meeting_id],
            )
            series_id = cursor.lastrowid
            if series_id is None or cursor.rowcount == 0:
                raise StoreError(f"Meeting {meeting_id} no longer exists.")
            conn.execute(
                "UPDATE meetings SET series_id = ?, occurrence_utc = ? WHERE id = ?",
                [series_id, first, meeting_id],
            )
            rows = self._store.query("SELECT * FROM series WHERE id = ?", [series_id])
            self._make(rows[0], self._store.clock.now())
        return series_id

    def repeat_text(self, meeting: Meeting) -> str:
        """The repeat typed for the series `meeting` belongs to ("" if none)."""
        if meeting.series_id is None:
            return ""
        with self._store._use():
            rows = self._store.query(
                "SELECT repeat_text FROM series WHERE id = ?", [meeting.series_id]
            )
        return str(rows[0]["repeat_text"]) if rows else ""

    def change_from(self, meeting_id: int, draft: MeetingDraft) -> Meeting:
        """ "This and later": the series ends before this meeting, which takes
        the draft's values and, if the draft repeats, starts a new series."""
        with self._store.writing():
            if self._store.meeting(meeting_id).series_id is not None:
                self._end_at(meeting_id)
            self._store.update_meeting(meeting_id, replace(draft, repeat=""))
            if draft.repeat:
                self.start(meeting_id, draft.repeat, draft.repeat_text)
        return self._store.meeting(meeting_id)

    def delete_from(self, meeting_id: int) -> Snapshot:
        """Delete this meeting and the later ones of its series with nothing
        written about them, and end the series; `store.restore` undoes it."""
        from prep.store.undo import capture, keep_changed

        with self._store.writing():
            conn = self._store._conn
            link = self._link(meeting_id)
            later = [
                row["id"]
                for row in self._store.query(
                    f"SELECT id FROM meetings WHERE series_id = ? AND occurrence_utc > ?"
                    f" AND {_UNTOUCHED}",
                    [link["series_id"], link["occurrence_utc"]],
                )
            ]
            snapshot = capture(conn, "meetings", "id", [meeting_id, *later])
            keep_changed(conn, snapshot, "series", "id", [link["series_id"]])
            self._end_at(meeting_id)
            conn.execute("DELETE FROM meetings WHERE id = ?", [meeting_id])
        return snapshot

    def _link(self, meeting_id: int) -> dict[str, Any]:
        rows = self._store.query(
            "SELECT series_id, occurrence_utc FROM meetings WHERE id = ?", [meeting_id]
        )
        if not rows:
            raise StoreError(f"Meeting {meeting_id} no longer exists.")
        if rows[0]["series_id"] is None:
            raise StoreError(f"Meeting {meeting_id} does not repeat.")
        return rows[0]

    def _end_at(self, meeting_id: int) -> None:
        """End the meeting's series at its occurrence; later meetings of it
        with nothing written about them go. The caller holds `writing()`."""
        link = self._link(meeting_id)
        conn = self._store._conn
        conn.execute(
            "UPDATE series SET ends_before = ?, updated_at = ? WHERE id = ?",
            [link["occurrence_utc"], self._store.now_text(), link["series_id"]],
        )
        conn.execute(
            f"DELETE FROM meetings WHERE series_id = ? AND occurrence_utc > ? AND {_UNTOUCHED}",
            [link["series_id"], link["occurrence_utc"]],
        )
