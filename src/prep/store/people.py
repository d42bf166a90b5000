"""People (counterparts): the list with their numbers, a timeline, edits and merges."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from prep.domain.models import Cadence, Counterpart, Rank, RelationshipKind
from prep.domain.people import PersonSummary, TimelineEntry, validate_person
from prep.store.errors import StoreError
from prep.store.repository import counterpart_from_row
from prep.store.timestamps import utc_text
from prep.store.values import as_text, parse_moment

if TYPE_CHECKING:
    from prep.store.repository import Store
    from prep.store.undo import Snapshot

TEMPERATURE_POINTS = 8


class PeopleRepository:
    """Reached as `store.people`."""

    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def _db(self):
        return self._store.db

    def summaries(self, now: datetime) -> list[PersonSummary]:
        """Everyone you meet, with their meeting count, last contact and open items."""
        # Open items are counted per person once, then joined: counted inside
        # the row of each person, every open item in the file was read once
        # per person (25 of 29 ms for 100 people on the 5k file; bench_screens,
        # "→ people").
        with self._store._use():
            rows = self._store.query(
                "WITH open_unsaid AS ("
                "  SELECT m.person_id, count(*) AS n FROM unsaid_items u"
                "  JOIN meetings m ON m.id = u.meeting_id"
                "  WHERE u.resolved_at IS NULL AND trim(u.text) != '' GROUP BY m.person_id),"
                " open_actions AS ("
                "  SELECT m.person_id, count(*) AS n FROM action_items a"
                "  JOIN meetings m ON m.id = a.meeting_id"
                "  WHERE a.done_at IS NULL AND trim(a.text) != '' GROUP BY m.person_id)"
                " SELECT c.*,"
                " (SELECT count(*) FROM meetings m WHERE m.person_id = c.id) AS meetings,"
                " (SELECT max(m.starts_at) FROM meetings m WHERE m.person_id = c.id"
                "  AND m.starts_at_utc <= :now) AS last_met,"
                " (SELECT max(m.starts_at) FROM meetings m JOIN debriefs d ON d.meeting_id = m.id"
                "  WHERE m.person_id = c.id AND d.feedback_asked = 1"
                "  AND m.starts_at_utc <= :now) AS last_feedback,"
                " coalesce(ou.n, 0) AS open_unsaid, coalesce(oa.n, 0) AS open_actions"
                " FROM people c"
                " LEFT JOIN open_unsaid ou ON ou.person_id = c.id"
                " LEFT JOIN open_actions oa ON oa.person_id = c.id"
                " ORDER BY c.name COLLATE NOCASE",
                {"now": utc_text(now)},
            )
            summaries = []
            for row in rows:
                temps = [
                    t
                    for (t,) in self._db.execute(
                        "SELECT d.temperature FROM meetings m JOIN debriefs d ON d.meeting_id = m.id"
                        " WHERE m.person_id = ? AND d.temperature IS NOT NULL"
                        " ORDER BY m.starts_at_utc DESC LIMIT ?",
                        [row["id"], TEMPERATURE_POINTS],
                    )
                ]
                summaries.append(
                    PersonSummary(
                        person=counterpart_from_row(row),
                        meetings=row["meetings"],
                        last_met=_day(row["last_met"]),
                        last_feedback=_day(row["last_feedback"]),
                        temperatures=tuple(reversed(temps)),
                        open_unsaid=row["open_unsaid"],
                        open_actions=row["open_actions"],
                    )
                )
        return summaries

    def last_feedback(self, person_id: int, now: datetime) -> date | None:
        """The day of the last meeting with this person, up to `now`, whose
        debrief says feedback was asked (the same rule as `summaries`)."""
        rows = list(
            self._store.query(
                "SELECT max(m.starts_at) AS last FROM meetings m"
                " JOIN debriefs d ON d.meeting_id = m.id"
                " WHERE m.person_id = ? AND d.feedback_asked = 1 AND m.starts_at_utc <= ?",
                [person_id, utc_text(now)],
            )
        )
        return _day(rows[0]["last"]) if rows else None

    def timeline(self, person_id: int, limit: int = 100) -> list[TimelineEntry]:
        """Meetings with this person, newest first, with plan and debrief figures."""
        meetings = self._store.meetings_with(person_id, limit=limit)
        if not meetings:
            return []
        ids = [m.id for m in meetings]
        marks = ", ".join("?" for _ in ids)
        with self._store._use():
            planned = {
                r["meeting_id"]: r["planned_level"]
                for r in self._store.query(
                    f"SELECT meeting_id, planned_level FROM checklists WHERE meeting_id IN ({marks})",
                    ids,
                )
            }
            debriefs = {
                r["meeting_id"]: r
                for r in self._store.query(
                    f"SELECT meeting_id, actual_level, temperature, outcome FROM debriefs"
                    f" WHERE meeting_id IN ({marks})",
                    ids,
                )
            }
        return [
            TimelineEntry(
                meeting=m,
                planned_level=planned.get(m.id),
                actual_level=(debriefs.get(m.id) or {}).get("actual_level"),
                temperature=(debriefs.get(m.id) or {}).get("temperature"),
                outcome=as_text((debriefs.get(m.id) or {}).get("outcome")),
            )
            for m in meetings
        ]

    def update(
        self,
        person_id: int,
        *,
        name: str,
        organisation: str,
        kind: RelationshipKind,
        rank: Rank,
        cadence: Cadence,
    ) -> Counterpart:
        name, organisation = validate_person(name, organisation)
        with self._store.writing():
            clash = self._db.execute(
                "SELECT id FROM people WHERE name = ? COLLATE NOCASE AND id != ?",
                [name, person_id],
            ).fetchone()
            if clash:
                raise StoreError(f"Someone called {name} already exists: merge them instead.")
            self._db.execute(
                "UPDATE people SET name = ?, organisation = ?, kind = ?, rank = ?,"
                " feedback_cadence = ?, updated_at = ? WHERE id = ?",
                [
                    name,
                    organisation,
                    RelationshipKind(kind).value,
                    Rank(rank).value,
                    Cadence(cadence).value,
                    self._store.now_text(),
                    person_id,
                ],
            )
        return self._store.counterpart(person_id)

    def merge(self, keep_id: int, remove_id: int) -> Counterpart:
        """Two records turned out to be one person: move the meetings over, drop the other."""
        return self.merge_undoable(keep_id, remove_id)[0]

    def merge_undoable(self, keep_id: int, remove_id: int) -> tuple[Counterpart, Snapshot]:
        """`merge`, and a snapshot that `store.restore` puts back: the other
        person and which meetings were theirs."""
        from prep.store.undo import capture

        if keep_id == remove_id:
            raise StoreError("Choose two different people to merge.")
        self._store.backup(reason="before-merge")
        with self._store.writing():
            self._store.counterpart(keep_id)
            self._store.counterpart(remove_id)
            snapshot = capture(self._store._conn, "people", "id", [remove_id])
            self._db.execute(
                "UPDATE meetings SET person_id = ?, updated_at = ? WHERE person_id = ?",
                [keep_id, self._store.now_text(), remove_id],
            )
            self._db.execute("DELETE FROM people WHERE id = ?", [remove_id])
        return self._store.counterpart(keep_id), snapshot


def _day(text: str | None):
    moment = parse_moment(text)  # None too if another program stored something else
    return moment.date() if moment else None
