"""Queries and writes over sqlite-utils, returning domain objects."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prep.domain.models import (
    Cadence,
    Counterpart,
    Meeting,
    MeetingDraft,
    Rank,
    RelationshipKind,
    Setting,
    Status,
    validate_draft,
)
from prep.store.errors import StoreBusyError, StoreError
from prep.store.timestamps import utc_text

if TYPE_CHECKING:
    from sqlite_utils import Database

    from prep.domain.clock import Clock

    from prep.store.checklists import ChecklistRepository
    from prep.store.debriefs import DebriefRepository
    from prep.store.lists import ItemLists
    from prep.store.people import PeopleRepository
    from prep.store.review import ReviewRepository

# A second copy of prep on the same file waits this long for a write lock
# instead of failing at once; writes are single-row and take milliseconds.
BUSY_TIMEOUT_SECONDS = 5.0

_MEETING_COLUMNS = """
    m.id, m.title, m.starts_at, m.duration_minutes, m.setting, m.notes, m.status,
    m.created_at, m.updated_at,
    c.id AS c_id, c.name AS c_name, c.organisation AS c_organisation,
    c.kind AS c_kind, c.rank AS c_rank, c.feedback_cadence AS c_cadence,
    coalesce(ch.steps_done, 0) AS steps_done
"""
_MEETING_FROM = (
    "meetings m JOIN counterparts c ON c.id = m.counterpart_id"
    " LEFT JOIN checklists ch ON ch.meeting_id = m.id"
)


class Store:
    """All reading and writing of one prep database file.

    Methods are safe to call from a worker thread: one lock serialises use of
    the single connection.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, clock: Clock) -> None:
        self.path = path
        self.clock = clock
        """Where every stamp comes from: the app's clock, so a test's fixed
        "now" and the rows' created/updated times agree."""
        self._conn = conn
        self._db: Database | None = None
        self._lock = threading.RLock()

    # The parts of the store are made on first use, so that the first screen
    # loads only the modules it needs: importing the review's and the
    # checklist's domain code cost about 10 ms of start-up.

    @cached_property
    def items(self) -> ItemLists:
        from prep.store.lists import ItemLists

        return ItemLists(self)

    @cached_property
    def checklists(self) -> ChecklistRepository:
        from prep.store.checklists import ChecklistRepository

        return ChecklistRepository(self)

    @cached_property
    def debriefs(self) -> DebriefRepository:
        from prep.store.debriefs import DebriefRepository

        return DebriefRepository(self)

    @cached_property
    def review(self) -> ReviewRepository:
        from prep.store.review import ReviewRepository

        return ReviewRepository(self)

    @cached_property
    def people(self) -> PeopleRepository:
        from prep.store.people import PeopleRepository

        return PeopleRepository(self)

    @property
    def db(self) -> Database:
        """sqlite-utils over the connection, for writes, transactions and migrations.

        Made on first use: importing sqlite-utils costs about a third of a
        bare Textual app's start-up, and the first screen only reads (see
        `query`), so the app paints before paying for it.
        """
        if self._db is None:
            from sqlite_utils import Database

            # Plugins are skipped: they cost start-up time and we use none.
            self._db = Database(self._conn, execute_plugins=False)
        return self._db

    def query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        """Rows of a SELECT as dicts, straight from sqlite3 (no sqlite-utils needed)."""
        cursor = self._conn.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def now_text(self) -> str:
        """The clock's "now" as stored in created_at/updated_at columns."""
        return utc_text(self.clock.now())

    @contextmanager
    def _use(self) -> Iterator[None]:
        """Hold the connection, and turn SQLite errors into words for people."""
        with self._lock:
            try:
                yield
            except sqlite3.OperationalError as error:
                if "locked" in str(error) or "busy" in str(error):
                    raise StoreBusyError(
                        "The database is busy (another copy of prep or another program"
                        " is writing to it). Nothing was lost; try again in a moment."
                    ) from error
                if "readonly" in str(error):
                    raise StoreError(
                        f"{self.path} has become read-only; changes cannot be saved."
                    ) from error
                raise StoreError(f"The database refused the change ({error}).") from error
            except sqlite3.IntegrityError as error:
                raise StoreError(f"That change would break the data's rules ({error}).") from error
            except sqlite3.DatabaseError as error:
                raise StoreError(
                    f"{self.path} looks damaged ({error}). Restore a backup."
                ) from error

    # -- lifecycle -----------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[None]:
        """One write transaction that takes the write lock before it reads.

        A deferred BEGIN takes the lock at the first write; if another copy
        of prep committed since this transaction first read, SQLite fails at
        once with "database is locked" and the busy timeout never applies (8
        shells x 25 `prep add` lost 14 of 200). BEGIN IMMEDIATE waits its turn
        for up to the busy timeout instead. Nested, it is a savepoint.

        Nothing slow may run while the lock is held: importing sqlite-utils
        inside it (first use of `db`) made 8 racing `prep add` shells starve
        one another past the 5 s timeout, 1-2 times in 200.
        """
        db = self.db  # sqlite-utils is imported on first use: not while holding the lock
        with self._use():
            if self._conn.in_transaction:
                with db.atomic():
                    yield
                return
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            try:
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise

    def migrate(self) -> None:
        """Apply pending migrations. BEGIN IMMEDIATE makes two copies of prep
        starting together take turns instead of both creating tables."""
        from prep.store.schema import migrations

        with self._use():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                migrations.apply(self.db)
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def integrity_problem(self) -> str | None:
        """SQLite's full check of the file: None if intact, else what is wrong.

        Slow on a big file (it reads every page), so the app runs it in the
        background rather than before the first screen.
        """
        with self._lock:
            try:
                rows = self._conn.execute("PRAGMA quick_check(5)").fetchall()
            except sqlite3.DatabaseError as error:
                return str(error)
        verdicts = [verdict for (verdict,) in rows]
        return None if verdicts == ["ok"] else "; ".join(verdicts)

    def close(self) -> None:
        with self._use():
            self._conn.close()

    # -- counterparts --------------------------------------------------------

    def counterparts(self) -> list[Counterpart]:
        with self._use():
            rows = self.query("SELECT * FROM counterparts ORDER BY name COLLATE NOCASE")
            return [_counterpart(row) for row in rows]

    def counterpart(self, counterpart_id: int) -> Counterpart:
        with self._use():
            rows = list(self.query("SELECT * FROM counterparts WHERE id = ?", [counterpart_id]))
        if not rows:
            raise StoreError(f"No person with id {counterpart_id}.")
        return _counterpart(rows[0])

    def find_counterpart(self, name: str) -> Counterpart | None:
        """The person with this name, ignoring case and outer spaces."""
        with self._use():
            rows = list(
                self.query(
                    "SELECT * FROM counterparts WHERE name = ? COLLATE NOCASE",
                    [name.strip()],
                )
            )
        return _counterpart(rows[0]) if rows else None

    def add_counterpart(
        self,
        name: str,
        *,
        organisation: str = "",
        kind: RelationshipKind = RelationshipKind.CLIENT,
        rank: Rank = Rank.SENIOR,
        cadence: Cadence = Cadence.QUARTERLY,
    ) -> Counterpart:
        now = self.now_text()
        with self.writing():
            cursor = self.db.execute(
                "INSERT INTO counterparts"
                " (name, organisation, kind, rank, feedback_cadence, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [name.strip(), organisation, str(kind), str(rank), str(cadence), now, now],
            )
            return self.counterpart(cursor.lastrowid)

    def _counterpart_for(self, draft: MeetingDraft) -> Counterpart:
        """The draft's person, created if new; kind and rank updated if the draft says so."""
        existing = self.find_counterpart(draft.counterpart_name)
        if existing is None:
            return self.add_counterpart(
                draft.counterpart_name,
                kind=draft.counterpart_kind or RelationshipKind.CLIENT,
                rank=draft.counterpart_rank or Rank.SENIOR,
            )
        kind = draft.counterpart_kind or existing.kind
        rank = draft.counterpart_rank or existing.rank
        if (kind, rank) != (existing.kind, existing.rank):
            self.db.execute(
                "UPDATE counterparts SET kind = ?, rank = ?, updated_at = ? WHERE id = ?",
                [str(kind), str(rank), self.now_text(), existing.id],
            )
            return self.counterpart(existing.id)
        return existing

    # -- meetings ------------------------------------------------------------

    def add_meeting(self, draft: MeetingDraft) -> Meeting:
        """Create a meeting (and its counterpart, if the name is new)."""
        draft = validate_draft(draft)
        now = self.now_text()
        with self.writing():
            person = self._counterpart_for(draft)
            cursor = self.db.execute(
                "INSERT INTO meetings (title, counterpart_id, starts_at, starts_at_utc,"
                " duration_minutes, setting, notes, updated_at, status, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'planned', ?)",
                [*_form_values(draft, person.id), now, now],
            )
            meeting_id = cursor.lastrowid
        return self.meeting(meeting_id)

    def update_meeting(self, meeting_id: int, draft: MeetingDraft) -> Meeting:
        """Replace a meeting's form fields. Status and checklist are kept."""
        draft = validate_draft(draft)
        with self.writing():
            person = self._counterpart_for(draft)
            cursor = self.db.execute(
                "UPDATE meetings SET title = ?, counterpart_id = ?, starts_at = ?,"
                " starts_at_utc = ?, duration_minutes = ?, setting = ?, notes = ?,"
                " updated_at = ? WHERE id = ?",
                [*_form_values(draft, person.id), self.now_text(), meeting_id],
            )
            if cursor.rowcount == 0:
                raise StoreError(f"Meeting {meeting_id} no longer exists.")
        return self.meeting(meeting_id)

    def delete_meeting(self, meeting_id: int) -> None:
        with self.writing():
            self.db.execute("DELETE FROM meetings WHERE id = ?", [meeting_id])

    def meeting(self, meeting_id: int) -> Meeting:
        with self._use():
            rows = list(
                self.query(
                    f"SELECT {_MEETING_COLUMNS} FROM {_MEETING_FROM} WHERE m.id = ?",
                    [meeting_id],
                )
            )
        if not rows:
            raise StoreError(f"Meeting {meeting_id} does not exist.")
        return _meeting(rows[0])

    def meetings_from(self, start: datetime, *, limit: int | None = None) -> list[Meeting]:
        """Meetings starting at or after `start`, soonest first."""
        sql = (
            f"SELECT {_MEETING_COLUMNS} FROM {_MEETING_FROM}"
            " WHERE m.starts_at_utc >= ? ORDER BY m.starts_at_utc, m.id"
        )
        params: list[Any] = [utc_text(start)]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self._use():
            return [_meeting(row) for row in self.query(sql, params)]

    def previous_meeting_with(self, meeting: Meeting) -> Meeting | None:
        """The last meeting with the same person before this one, if any."""
        earlier = self.meetings_with(meeting.counterpart.id, before=meeting, limit=1)
        return earlier[0] if earlier else None

    def meetings_with(
        self, counterpart_id: int, *, before: Meeting | None = None, limit: int = 50
    ) -> list[Meeting]:
        """Meetings with one person, newest first; only those before `before` if given."""
        sql = f"SELECT {_MEETING_COLUMNS} FROM {_MEETING_FROM} WHERE m.counterpart_id = ?"
        params: list[Any] = [counterpart_id]
        if before is not None:
            start = utc_text(before.starts_at)
            sql += " AND (m.starts_at_utc < ? OR (m.starts_at_utc = ? AND m.id < ?))"
            params += [start, start, before.id]
        sql += " ORDER BY m.starts_at_utc DESC, m.id DESC LIMIT ?"
        params.append(limit)
        with self._use():
            return [_meeting(row) for row in self.query(sql, params)]

    def meeting_count(self) -> int:
        with self._use():
            return self._conn.execute("SELECT count(*) FROM meetings").fetchone()[0]

    def all_meetings(self) -> list[Meeting]:
        with self._use():
            return [
                _meeting(row)
                for row in self.query(
                    f"SELECT {_MEETING_COLUMNS} FROM {_MEETING_FROM}"
                    " ORDER BY m.starts_at_utc, m.id"
                )
            ]

    # -- drafts of unsaved forms ----------------------------------------------

    def save_draft(self, key: str, payload: dict[str, Any]) -> None:
        with self.writing():
            self.db.execute(
                "INSERT INTO drafts (key, payload, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (key) DO UPDATE SET payload = excluded.payload,"
                " updated_at = excluded.updated_at",
                [key, json.dumps(payload, ensure_ascii=False), self.now_text()],
            )

    def load_draft(self, key: str) -> dict[str, Any] | None:
        with self._use():
            rows = list(self.query("SELECT payload FROM drafts WHERE key = ?", [key]))
        if not rows:
            return None
        try:
            payload = json.loads(rows[0]["payload"])
        except ValueError:
            return None
        return payload if isinstance(payload, dict) else None

    def clear_draft(self, key: str) -> None:
        with self.writing():
            self.db.execute("DELETE FROM drafts WHERE key = ?", [key])


def _form_values(draft: MeetingDraft, person_id: int) -> list[Any]:
    """The meeting form's columns, in the order both INSERT and UPDATE list them."""
    return [
        draft.title,
        person_id,
        draft.starts_at.isoformat(timespec="minutes"),
        utc_text(draft.starts_at),
        draft.duration_minutes,
        str(draft.setting),
        draft.notes,
    ]


def _counterpart(row: dict[str, Any], prefix: str = "") -> Counterpart:
    return Counterpart(
        id=row[f"{prefix}id"],
        name=row[f"{prefix}name"],
        organisation=row[f"{prefix}organisation"],
        kind=RelationshipKind(row[f"{prefix}kind"]),
        rank=Rank(row[f"{prefix}rank"]),
        cadence=Cadence(row[f"{prefix}cadence" if prefix else "feedback_cadence"]),
    )


def _meeting(row: dict[str, Any]) -> Meeting:
    return Meeting(
        id=row["id"],
        title=row["title"],
        counterpart=_counterpart(row, prefix="c_"),
        starts_at=datetime.fromisoformat(row["starts_at"]),
        duration_minutes=row["duration_minutes"],
        setting=Setting(row["setting"]),
        notes=row["notes"],
        status=Status(row["status"]),
        steps_done=row["steps_done"],
        created_at=datetime.fromisoformat(row["created_at"]),
        updated_at=datetime.fromisoformat(row["updated_at"]),
    )
