"""Queries and writes over sqlite-utils, returning domain objects."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prep.domain.checklist import STEPS
from prep.domain.models import (
    DURATION_MAX_MINUTES,
    Cadence,
    Counterpart,
    Meeting,
    MeetingDraft,
    Progress,
    Rank,
    RelationshipKind,
    Setting,
    validate_draft,
    without_surrogates,
)
from prep.store.errors import Fault, StoreError, damaged_error, fault_of, runtime_error
from prep.store.timestamps import utc_text
from prep.store.values import RowReader, inserted_id, meeting_start, parse_moment

if TYPE_CHECKING:
    from sqlite_utils import Database

    from prep.domain.clock import Clock
    from prep.store.checklists import ChecklistRepository
    from prep.store.debriefs import DebriefRepository
    from prep.store.lists import ItemLists
    from prep.store.people import PeopleRepository
    from prep.store.review import ReviewRepository
    from prep.store.series import SeriesRepository
    from prep.store.threads import ThreadRepository
    from prep.store.undo import Snapshot

# A second copy of prep on the same file waits this long for a write lock
# instead of failing at once; writes are single-row and take milliseconds.
BUSY_TIMEOUT_SECONDS = 5.0

MEETING_COLUMNS = """
    m.id, m.title, m.starts_at, m.starts_at_utc, m.duration_minutes, m.setting, m.notes, m.progress,
    m.created_at, m.updated_at, m.cancelled_at IS NOT NULL AS cancelled, m.series_id,
    c.id AS c_id, c.name AS c_name, c.organisation AS c_organisation,
    c.kind AS c_kind, c.rank AS c_rank, c.feedback_cadence AS c_cadence,
    coalesce(ch.steps_done, 0) AS steps_done, coalesce(ch.asks_hedged, 0) AS asks_hedged
"""
MEETING_FROM = (
    "meetings m JOIN people c ON c.id = m.person_id LEFT JOIN checklists ch ON ch.meeting_id = m.id"
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
        self.damage: str | None = None
        """What SQLite found wrong with the file, once a check or a read has
        found it damaged; from then on every save is refused (see `writing`)."""

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
    def series(self) -> SeriesRepository:
        from prep.store.series import SeriesRepository

        return SeriesRepository(self)

    @cached_property
    def threads(self) -> ThreadRepository:
        from prep.store.threads import ThreadRepository

        return ThreadRepository(self)

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

    def changes(self) -> tuple[int, int]:
        """A stamp that differs once anything in the file may have changed:
        this connection's writes or another program's commits. For caches of
        what was read (the agenda's open threads), checked instead of dropped
        on every screen change."""
        with self._use():
            (others,) = self._conn.execute("PRAGMA data_version").fetchone()
            return self._conn.total_changes, others

    def now_text(self) -> str:
        """The clock's "now" as stored in created_at/updated_at columns."""
        return utc_text(self.clock.now())

    @contextmanager
    def _use(self) -> Iterator[None]:
        """Hold the connection, and turn SQLite errors into words for people."""
        with self._lock:
            try:
                yield
            except sqlite3.DatabaseError as error:
                if fault_of(error, self.path.parent) is Fault.DAMAGED:
                    self.damage = self.damage or str(error)
                raise runtime_error(error, self.path) from error
            except UnicodeDecodeError as error:
                # SQLite's message quoted schema text that is no longer UTF-8.
                self.damage = self.damage or "its schema is not readable text"
                raise damaged_error(self.path, "its schema is not readable text") from error

    # -- lifecycle -----------------------------------------------------------

    @contextmanager
    def waiting_at_most(self, seconds: float) -> Iterator[None]:
        """Writes inside wait at most `seconds` for another writer, then fail
        with StoreBusyError. For callers that retry on their own (the app's
        save-as-you-type): waiting the full busy timeout there would freeze
        the screen for 5 s a try while another program holds the file."""
        with self._lock:
            (usual,) = self._conn.execute("PRAGMA busy_timeout").fetchone()
            self._conn.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")
            try:
                yield
            finally:
                self._conn.execute(f"PRAGMA busy_timeout = {usual}")

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
        if self.damage is not None:
            raise damaged_error(self.path, self.damage)
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
        starting together take turns instead of both creating tables.

        A database that already holds prep's tables is backed up first: a
        migration cannot be taken back, and the backup is the way home.
        """
        from prep.store.schema import migrations

        if self._has_prep_tables():
            self.backup(reason="before-migration")
        with self._use():
            # Off for the whole run, as SQLite's table-rebuild recipe asks (it
            # cannot change inside a transaction): dropping a rebuilt table's
            # old copy must not cascade into its children. Checked before COMMIT.
            self._conn.execute("PRAGMA foreign_keys = OFF")
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                # Links another program already broke are not the upgrade's to refuse.
                before = len(self._conn.execute("PRAGMA foreign_key_check").fetchall())
                migrations.apply(self.db)
                if len(self._conn.execute("PRAGMA foreign_key_check").fetchall()) > before:
                    raise StoreError("The schema upgrade would break links between rows.")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")
            finally:
                self._conn.execute("PRAGMA foreign_keys = ON")

    def _has_prep_tables(self) -> bool:
        with self._use():
            return bool(
                self._conn.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meetings'"
                ).fetchone()
            )

    def backup(self, dest: Path | None = None, *, reason: str = "") -> Path:
        """A consistent copy of the database, safe while it is in use
        (see prep.store.backup); returns where it was written."""
        from prep.store.backup import take_backup

        with self._lock:
            return take_backup(self, self._conn, dest, reason=reason)

    def integrity_problem(self) -> str | None:
        """SQLite's full check of the file: None if intact, else what is wrong.

        `integrity_check`, not `quick_check`: only the full check compares each
        index with its table, and a row missing from an index is damage that
        later writes make worse. It reads every page (seconds on a big file),
        so it runs on a connection of its own: the app's reads and saves do
        not wait for it. Finding damage stops all saving (`damage`).
        """
        return self._damage_in(self._integrity_verdicts())

    def _damage_in(self, verdicts: list[str] | None) -> str | None:
        if verdicts is None or verdicts == ["ok"]:
            return None
        self.damage = "; ".join(verdicts)
        return self.damage

    def _integrity_verdicts(self) -> list[str] | None:
        """SQLite's findings (["ok"] if none), or None if the check could not run."""
        try:
            conn = sqlite3.connect(
                f"{self.path.as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS
            )
            try:
                return [verdict for (verdict,) in conn.execute("PRAGMA integrity_check(5)")]
            finally:
                conn.close()
        except sqlite3.DatabaseError as error:
            if fault_of(error, self.path.parent) is Fault.DAMAGED:
                return [str(error)]
            return None  # busy, or the disk: no verdict on the file itself

    def check_integrity_daily(self) -> str | None:
        """Run `integrity_problem` unless the file passed it earlier today.

        A pass is remembered in the `integrity_checks` table: it travels with
        the file (a copy or a restored backup carries its own date), needs no
        second file beside the database, and is written under the same lock
        as every other save. Damage is not written down, since nothing is
        written to a damaged file: the check simply runs again next time, as
        it does when it could not run at all (a lock, a full disk).
        """
        now = self.clock.now()
        if self._last_passed_on(now) == now.date():
            return None
        verdicts = self._integrity_verdicts()
        if verdicts != ["ok"]:
            return self._damage_in(verdicts)
        try:
            with self.writing():
                self._conn.execute(
                    "INSERT INTO integrity_checks (id, passed_at) VALUES (1, ?)"
                    " ON CONFLICT (id) DO UPDATE SET passed_at = excluded.passed_at",
                    [self.now_text()],
                )
        except StoreError:
            pass  # a full disk or a busy file: the check runs again next time
        return None

    def _last_passed_on(self, now: datetime) -> date | None:
        """The day (in `now`'s zone) the file last passed the full check."""
        try:
            with self._use():
                rows = self.query("SELECT passed_at FROM integrity_checks WHERE id = 1")
            return datetime.fromisoformat(rows[0]["passed_at"]).astimezone(now.tzinfo).date()
        except (StoreError, IndexError, ValueError, TypeError):
            return None  # never, or unreadable: check now

    def close(self) -> None:
        with self._use():
            self._conn.close()

    # -- counterparts --------------------------------------------------------

    def counterparts(self) -> list[Counterpart]:
        with self._use():
            rows = self.query("SELECT * FROM people ORDER BY name COLLATE NOCASE")
            return [counterpart_from_row(row) for row in rows]

    def counterpart(self, person_id: int) -> Counterpart:
        with self._use():
            rows = list(self.query("SELECT * FROM people WHERE id = ?", [person_id]))
        if not rows:
            raise StoreError(f"No person with id {person_id}.")
        return counterpart_from_row(rows[0])

    def find_counterpart(self, name: str) -> Counterpart | None:
        """The person with this name, ignoring case and outer spaces."""
        with self._use():
            rows = list(
                self.query(
                    "SELECT * FROM people WHERE name = ? COLLATE NOCASE",
                    [name.strip()],
                )
            )
        return counterpart_from_row(rows[0]) if rows else None

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
                "INSERT INTO people"
                " (name, organisation, kind, rank, feedback_cadence, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [name.strip(), organisation, str(kind), str(rank), str(cadence), now, now],
            )
            return self.counterpart(inserted_id(cursor))

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
                "UPDATE people SET kind = ?, rank = ?, updated_at = ? WHERE id = ?",
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
                "INSERT INTO meetings (title, person_id, starts_at, starts_at_utc,"
                " duration_minutes, setting, notes, updated_at, progress, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'none', ?)",
                [*_form_values(draft, person.id), now, now],
            )
            meeting_id = inserted_id(cursor)
            if draft.repeat:
                self.series.start(meeting_id, draft.repeat, draft.repeat_text)
        return self.meeting(meeting_id)

    def update_meeting(self, meeting_id: int, draft: MeetingDraft) -> Meeting:
        """Replace a meeting's form fields. Progress and checklist are kept.
        Of a repeating meeting, only this one changes (see series.change_from);
        a meeting that did not repeat starts a series if the draft repeats."""
        draft = validate_draft(draft)
        with self.writing():
            person = self._counterpart_for(draft)
            cursor = self.db.execute(
                "UPDATE meetings SET title = ?, person_id = ?, starts_at = ?,"
                " starts_at_utc = ?, duration_minutes = ?, setting = ?, notes = ?,"
                " updated_at = ? WHERE id = ?",
                [*_form_values(draft, person.id), self.now_text(), meeting_id],
            )
            if cursor.rowcount == 0:
                raise StoreError(f"Meeting {meeting_id} no longer exists.")
            if draft.repeat and self.meeting(meeting_id).series_id is None:
                self.series.start(meeting_id, draft.repeat, draft.repeat_text)
        return self.meeting(meeting_id)

    def delete_meeting(self, meeting_id: int) -> Snapshot:
        """Delete a meeting and everything written about it; the rows it took
        come back, whole, from `restore(snapshot)`."""
        from prep.store.undo import capture

        with self.writing():
            snapshot = capture(self._conn, "meetings", "id", [meeting_id])
            self._conn.execute("DELETE FROM meetings WHERE id = ?", [meeting_id])
        return snapshot

    def restore(self, snapshot: Snapshot) -> None:
        """Put back what a delete or a merge took, in one transaction."""
        from prep.store.undo import restore

        with self.writing():
            restore(self._conn, snapshot)

    def meeting(self, meeting_id: int) -> Meeting:
        with self._use():
            rows = list(
                self.query(
                    f"SELECT {MEETING_COLUMNS} FROM {MEETING_FROM} WHERE m.id = ?",
                    [meeting_id],
                )
            )
        if not rows:
            raise StoreError(f"Meeting {meeting_id} does not exist.")
        return meeting_from_row(rows[0])

    def meetings_from(self, start: datetime, *, limit: int | None = None) -> list[Meeting]:
        """Meetings starting at or after `start`, soonest first."""
        sql = (
            f"SELECT {MEETING_COLUMNS} FROM {MEETING_FROM}"
            " WHERE m.starts_at_utc >= ? ORDER BY m.starts_at_utc, m.id"
        )
        params: list[Any] = [utc_text(start)]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self._use():
            return [meeting_from_row(row) for row in self.query(sql, params)]

    def previous_meeting_with(self, meeting: Meeting) -> Meeting | None:
        """The last meeting with the same person before this one, if any."""
        earlier = self.meetings_with(meeting.counterpart.id, before=meeting, limit=1)
        return earlier[0] if earlier else None

    def meetings_with(
        self, person_id: int, *, before: Meeting | None = None, limit: int = 50
    ) -> list[Meeting]:
        """Meetings with one person, newest first; only those before `before` if given."""
        sql = f"SELECT {MEETING_COLUMNS} FROM {MEETING_FROM} WHERE m.person_id = ?"
        params: list[Any] = [person_id]
        if before is not None:
            start = utc_text(before.starts_at)
            sql += " AND (m.starts_at_utc < ? OR (m.starts_at_utc = ? AND m.id < ?))"
            params += [start, start, before.id]
        sql += " ORDER BY m.starts_at_utc DESC, m.id DESC LIMIT ?"
        params.append(limit)
        with self._use():
            return [meeting_from_row(row) for row in self.query(sql, params)]

    def meeting_count(self) -> int:
        with self._use():
            return self._conn.execute("SELECT count(*) FROM meetings").fetchone()[0]

    def all_meetings(self) -> list[Meeting]:
        with self._use():
            return [
                meeting_from_row(row)
                for row in self.query(
                    f"SELECT {MEETING_COLUMNS} FROM {MEETING_FROM} ORDER BY m.starts_at_utc, m.id"
                )
            ]

    # -- drafts of unsaved forms ----------------------------------------------

    def save_draft(self, key: str, payload: dict[str, Any]) -> None:
        with self.writing():
            self.db.execute(
                "INSERT INTO drafts (key, payload, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (key) DO UPDATE SET payload = excluded.payload,"
                " updated_at = excluded.updated_at",
                # Readable in sqlite3 (no \u escapes), and undecodable bytes from
                # an argument kept as \ufffd: SQLite cannot store them as UTF-8.
                [key, without_surrogates(json.dumps(payload, ensure_ascii=False)), self.now_text()],
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


def counterpart_from_row(row: dict[str, Any], prefix: str = "") -> Counterpart:
    # A kind, rank or cadence another program wrote that prep has no name
    # for reads as the default a new person gets.
    read = RowReader(row)
    return Counterpart(
        id=row[f"{prefix}id"],
        name=read.text(f"{prefix}name"),
        organisation=read.text(f"{prefix}organisation"),
        kind=read.choice(RelationshipKind, f"{prefix}kind", RelationshipKind.CLIENT),
        rank=read.choice(Rank, f"{prefix}rank", Rank.SENIOR),
        cadence=read.choice(
            Cadence, f"{prefix}cadence" if prefix else "feedback_cadence", Cadence.QUARTERLY
        ),
    )


def meeting_from_row(row: dict[str, Any]) -> Meeting:
    read = RowReader(row)
    return Meeting(
        id=row["id"],
        title=read.text("title"),
        counterpart=counterpart_from_row(row, prefix="c_"),
        starts_at=meeting_start(row, read),
        duration_minutes=read.number("duration_minutes", 1, DURATION_MAX_MINUTES) or 30,
        setting=read.choice(Setting, "setting", Setting.VIDEO),
        notes=read.text("notes"),
        progress=read.choice(Progress, "progress", Progress.NONE),
        steps_done=read.number("steps_done", 0, STEPS) or 0,
        asks_hedged=row.get("asks_hedged") == 1,
        cancelled=bool(row.get("cancelled")),
        series_id=row.get("series_id"),
        created_at=parse_moment(row["created_at"]),
        updated_at=parse_moment(row["updated_at"]),
        unreadable=read.unreadable,
    )
