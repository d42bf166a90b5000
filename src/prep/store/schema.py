"""The schema, as a list of migrations.

Never edit a migration that has shipped: add a new one. Each runs once per
database, inside a transaction, and is recorded in `_sqlite_migrations`.
Plain SQL keeps the tables readable from `sqlite3` and Datasette, and lets
us state CHECK constraints and foreign keys that sqlite-utils' `create()`
cannot express.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database, Migrations

from prep.store.versions import MIGRATION_SET

migrations = Migrations(MIGRATION_SET)


@migrations()
def m001_counterparts_and_meetings(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE counterparts (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            organisation TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT 'client'
                CHECK (kind IN ('client', 'customer', 'boss', 'internal')),
            rank TEXT NOT NULL DEFAULT 'senior'
                CHECK (rank IN ('senior', 'peer', 'junior')),
            feedback_cadence TEXT NOT NULL DEFAULT 'quarterly'
                CHECK (feedback_cadence IN ('quarterly', 'half-yearly', 'yearly')),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    # One person per name (case-insensitive): the meeting form and `prep add`
    # find people by the name typed. Two real "Sam"s get told apart by name.
    db.execute("CREATE UNIQUE INDEX counterparts_name ON counterparts (name COLLATE NOCASE)")
    db.execute(
        """
        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL CHECK (length(trim(title)) > 0),
            counterpart_id INTEGER NOT NULL
                REFERENCES counterparts (id) ON DELETE RESTRICT,
            -- Local wall time with its UTC offset, as the person booked it.
            starts_at TEXT NOT NULL,
            -- The same instant in UTC, fixed width, so text order is time order.
            starts_at_utc TEXT NOT NULL,
            duration_minutes INTEGER NOT NULL DEFAULT 30
                CHECK (duration_minutes BETWEEN 1 AND 1440),
            setting TEXT NOT NULL DEFAULT 'video'
                CHECK (setting IN ('video', 'phone', 'office', 'coffee', 'meal')),
            notes TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned', 'prepared', 'held', 'debriefed')),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX meetings_starts_at_utc ON meetings (starts_at_utc)")
    db.execute("CREATE INDEX meetings_counterpart ON meetings (counterpart_id, starts_at_utc)")
    # Unsaved form contents, so a killed terminal does not lose a half-typed meeting.
    db.execute(
        """
        CREATE TABLE drafts (
            key TEXT PRIMARY KEY,
            payload TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )


def known_migration_names() -> set[str]:
    """Every migration this version of prep knows (all are pending on an empty db)."""
    return {m.name for m in migrations.pending(Database(memory=True))}


@migrations()
def m002_checklists(db: Database) -> None:
    """The pre-meeting checklist: one row per meeting, plus its lists."""
    db.execute(
        """
        CREATE TABLE checklists (
            meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
            position TEXT CHECK (position IS NULL OR position IN
                ('senior', 'peer', 'junior', 'paying-client')),
            holding_back TEXT NOT NULL DEFAULT '',
            holding_back_nothing INTEGER NOT NULL DEFAULT 0 CHECK (holding_back_nothing IN (0, 1)),
            holding_back_reason TEXT CHECK (holding_back_reason IS NULL OR holding_back_reason IN
                ('embarrass', 'more-data', 'not-my-place', 'wrong-moment', 'fear', 'other')),
            no_asks INTEGER NOT NULL DEFAULT 0 CHECK (no_asks IN (0, 1)),
            they_expect TEXT NOT NULL DEFAULT '',
            i_expect TEXT NOT NULL DEFAULT '',
            premortem TEXT NOT NULL DEFAULT '',
            planned_level INTEGER CHECK (planned_level IS NULL OR planned_level BETWEEN 1 AND 10),
            pushback_line TEXT NOT NULL DEFAULT '',
            nothing_to_raise INTEGER NOT NULL DEFAULT 0 CHECK (nothing_to_raise IN (0, 1)),
            off_their_plate TEXT NOT NULL DEFAULT '',
            -- Derived from the above by prep.domain.readiness on every save, so
            -- the agenda and the weekly review need not load whole checklists.
            steps_done INTEGER NOT NULL DEFAULT 0 CHECK (steps_done BETWEEN 0 AND 4),
            -- Set when someone unlocks the plan after the meeting started.
            edited_after_start INTEGER NOT NULL DEFAULT 0 CHECK (edited_after_start IN (0, 1)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE asks (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES checklists (meeting_id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            by_when TEXT,  -- ISO date
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE deadlines (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES checklists (meeting_id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            earliest TEXT,  -- ISO dates
            likely TEXT,
            latest TEXT,
            confidence TEXT CHECK (confidence IS NULL OR confidence IN ('low', 'medium', 'high')),
            flexible TEXT NOT NULL DEFAULT '',  -- comma-separated: scope, date, people
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE problems (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES checklists (meeting_id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            need TEXT CHECK (need IS NULL OR need IN ('decision', 'approval', 'information', 'nothing')),
            ask_for_help INTEGER NOT NULL DEFAULT 0 CHECK (ask_for_help IN (0, 1)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE solutions (
            id INTEGER PRIMARY KEY,
            problem_id INTEGER NOT NULL REFERENCES problems (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    for table, parent in (
        ("asks", "meeting_id"),
        ("deadlines", "meeting_id"),
        ("problems", "meeting_id"),
        ("solutions", "problem_id"),
    ):
        db.execute(f"CREATE INDEX {table}_{parent} ON {table} ({parent}, position)")


@migrations()
def m003_debriefs(db: Database) -> None:
    """The debrief: what happened, laid beside the plan, and what carries forward."""
    db.execute("ALTER TABLE asks ADD COLUMN asked INTEGER CHECK (asked IS NULL OR asked IN (0, 1))")
    db.execute(
        "ALTER TABLE asks ADD COLUMN answer TEXT CHECK (answer IS NULL OR answer IN"
        " ('granted', 'refused', 'later', 'no-answer'))"
    )
    db.execute(
        "ALTER TABLE problems ADD COLUMN outcome TEXT CHECK (outcome IS NULL OR outcome IN"
        " ('accepted', 'declined', 'parked'))"
    )
    db.execute(
        """
        CREATE TABLE debriefs (
            meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
            outcome TEXT NOT NULL DEFAULT '',
            overall INTEGER CHECK (overall IS NULL OR overall BETWEEN 1 AND 5),
            temperature INTEGER CHECK (temperature IS NULL OR temperature BETWEEN 1 AND 5),
            actual_level INTEGER CHECK (actual_level IS NULL OR actual_level BETWEEN 1 AND 10),
            feedback_asked INTEGER NOT NULL DEFAULT 0 CHECK (feedback_asked IN (0, 1)),
            feedback_keep TEXT NOT NULL DEFAULT '',
            feedback_more TEXT NOT NULL DEFAULT '',
            feedback_help TEXT NOT NULL DEFAULT '',
            coaching_note TEXT NOT NULL DEFAULT '',
            next_meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE unsaid_items (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            -- Set when the item came from a planned ask that was not asked.
            from_ask_id INTEGER UNIQUE REFERENCES asks (id) ON DELETE SET NULL,
            resolved_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE action_items (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            owner TEXT NOT NULL DEFAULT 'me' CHECK (owner IN ('me', 'them')),
            due TEXT,  -- ISO date
            done_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    # Each debrief records at most one new range per deadline; earlier
    # debriefs' rows stay, so the history of a slipping deadline is kept.
    db.execute(
        """
        CREATE TABLE deadline_moves (
            id INTEGER PRIMARY KEY,
            deadline_id INTEGER NOT NULL REFERENCES deadlines (id) ON DELETE CASCADE,
            meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
            earliest TEXT,
            likely TEXT,
            latest TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (deadline_id, meeting_id)
        )
        """
    )
    db.execute("CREATE INDEX unsaid_items_meeting ON unsaid_items (meeting_id, position)")
    db.execute("CREATE INDEX action_items_meeting ON action_items (meeting_id, position)")
    db.execute("CREATE INDEX action_items_due ON action_items (due)")
    db.execute("CREATE INDEX deadline_moves_meeting ON deadline_moves (meeting_id)")


@migrations()
def m004_weekly_review(db: Database) -> None:
    """Reflections per week, and indexes that keep the review's cost to one week."""
    db.execute(
        """
        CREATE TABLE reflections (
            week_start TEXT PRIMARY KEY,  -- the Monday, ISO date, local
            went_well TEXT NOT NULL DEFAULT '',
            to_change TEXT NOT NULL DEFAULT '',
            focus TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX unsaid_items_created ON unsaid_items (created_at)")
    db.execute("CREATE INDEX unsaid_items_resolved ON unsaid_items (resolved_at)")
    db.execute(
        "CREATE INDEX unsaid_items_open ON unsaid_items (meeting_id) WHERE resolved_at IS NULL"
    )
    db.execute("CREATE INDEX action_items_done ON action_items (done_at)")
    db.execute("CREATE INDEX deadlines_latest ON deadlines (latest)")


@migrations()
def m005_deadline_moves_latest(db: Database) -> None:
    """Upcoming deadlines follow ranges moved at debriefs; index them like plans."""
    db.execute("CREATE INDEX deadline_moves_latest ON deadline_moves (latest)")


# Full-text search: (table, columns) indexed by m006. Each gets an external-
# content FTS5 table named `<table>_fts` (sqlite-utils' and Datasette's
# convention, so Datasette's search box finds it) kept in step by triggers.
# Frozen with the migration: a later change to what is searched is a new
# migration, not an edit here.
_M006_SEARCHED = (
    ("meetings", ("title", "notes")),
    (
        "checklists",
        (
            "holding_back",
            "they_expect",
            "i_expect",
            "premortem",
            "pushback_line",
            "off_their_plate",
        ),
    ),
    ("asks", ("text",)),
    ("deadlines", ("label",)),
    ("problems", ("text",)),
    ("solutions", ("text",)),
    ("debriefs", ("outcome", "feedback_keep", "feedback_more", "feedback_help", "coaching_note")),
    ("unsaid_items", ("text",)),
    ("action_items", ("text",)),
)


# The last typed word is matched as a prefix ("sign-o", "pil"); prefix
# indexes of 2 and 3 characters answer those from the index instead of
# scanning every term that starts with them.
_M006_PREFIX = "prefix='2 3'"


def _fts_triggers(db: Database, table: str) -> None:
    """The triggers that keep `table`'s FTS5 index in step: made by m006, and
    again by m008 for the tables it rebuilds (dropping a table drops them)."""
    columns = dict(_M006_SEARCHED)[table]
    fts = f"{table}_fts"
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    db.execute(
        f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN"
        f" INSERT INTO {fts} (rowid, {cols}) VALUES (new.rowid, {new}); END"
    )
    db.execute(
        f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN"
        f" INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old}); END"
    )
    db.execute(
        f"CREATE TRIGGER {table}_au AFTER UPDATE OF {cols} ON {table} BEGIN"
        f" INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old});"
        f" INSERT INTO {fts} (rowid, {cols}) VALUES (new.rowid, {new}); END"
    )


@migrations()
def m006_search(db: Database) -> None:
    """SQLite FTS5 over what people write, for `/` in the app and `prep search`.

    Plain SQL rather than sqlite-utils' enable_fts, which runs executescript
    and so would commit halfway through this migration's transaction. The
    update triggers fire only when an indexed column changes: the checklist
    saves on every keystroke, and most saves change other columns.
    """
    for table, columns in _M006_SEARCHED:
        fts = f"{table}_fts"
        db.execute(
            f'CREATE VIRTUAL TABLE {fts} USING FTS5 ({", ".join(columns)}, content="{table}",'
            f" {_M006_PREFIX})"
        )
        db.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")
        _fts_triggers(db, table)
    # Reflections are keyed by their week (a text key, whose hidden rowid
    # VACUUM may renumber), so their index keeps its own copy of the text.
    db.execute(
        "CREATE VIRTUAL TABLE reflections_fts USING FTS5"
        f" (week_start UNINDEXED, went_well, to_change, focus, {_M006_PREFIX})"
    )
    db.execute(
        "INSERT INTO reflections_fts (week_start, went_well, to_change, focus)"
        " SELECT week_start, went_well, to_change, focus FROM reflections"
    )
    db.execute(
        "CREATE TRIGGER reflections_ai AFTER INSERT ON reflections BEGIN"
        " INSERT INTO reflections_fts (week_start, went_well, to_change, focus)"
        " VALUES (new.week_start, new.went_well, new.to_change, new.focus); END"
    )
    db.execute(
        "CREATE TRIGGER reflections_ad AFTER DELETE ON reflections BEGIN"
        " DELETE FROM reflections_fts WHERE week_start = old.week_start; END"
    )
    db.execute(
        "CREATE TRIGGER reflections_au AFTER UPDATE OF week_start, went_well, to_change, focus"
        " ON reflections BEGIN"
        " DELETE FROM reflections_fts WHERE week_start = old.week_start;"
        " INSERT INTO reflections_fts (week_start, went_well, to_change, focus)"
        " VALUES (new.week_start, new.went_well, new.to_change, new.focus); END"
    )


@migrations()
def m007_integrity_checks(db: Database) -> None:
    """When the file last passed SQLite's full integrity check (one row), so the
    app runs that slow check at most once a day."""
    db.execute(
        """
        CREATE TABLE integrity_checks (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            passed_at TEXT NOT NULL  -- UTC
        )
        """
    )


# -- m008: names a reader of the file understands ------------------------------

# Timestamps prep writes itself (see prep.store.timestamps): UTC, to the
# second, `2026-03-02T14:02:52Z`. `meetings.starts_at` is not one of them: it
# is the wall time as booked, with its offset; `starts_at_utc` is its instant.
_INSTANT_STYLE = "%Y-%m-%dT%H:%M:%SZ"
_INSTANT_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z"
_M008_INSTANTS = {
    "people": ("created_at", "updated_at"),
    "meetings": ("created_at", "updated_at"),
    "drafts": ("updated_at",),
    "checklists": ("created_at", "updated_at"),
    "asks": ("created_at", "updated_at"),
    "deadlines": ("created_at", "updated_at"),
    "problems": ("created_at", "updated_at"),
    "solutions": ("created_at", "updated_at"),
    "debriefs": ("created_at", "updated_at"),
    "unsaid_items": ("created_at", "updated_at", "resolved_at"),
    "action_items": ("created_at", "updated_at", "done_at"),
    "deadline_moves": ("created_at", "updated_at"),
    "reflections": ("created_at", "updated_at"),
    "integrity_checks": ("passed_at",),
}


# meetings.status -> meetings.progress; prepared and debriefed keep their names.
_M008_PROGRESS = {"planned": "none", "held": "debriefing"}


def _flexible_json(text: str) -> str:
    return json.dumps([part.strip() for part in text.split(",") if part.strip()])


def _instant_text(value: str) -> str:
    """An instant in prep's one style; a value that is not an instant stays as it is."""
    from datetime import UTC, datetime

    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if len(value) <= 10 or moment.tzinfo is None:
        return value
    return moment.astimezone(UTC).strftime(_INSTANT_STYLE)


def m008_row(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """One row of a table from before m008 as m008 leaves it: for importing
    older JSON exports (`table` already has its new name)."""
    row = dict(row)
    if "counterpart_id" in row:
        row["person_id"] = row.pop("counterpart_id")
    if table == "people" and row.get("kind") == "internal":
        row["kind"] = "colleague"
    if table == "meetings" and "status" in row:
        status = row.pop("status")
        row["progress"] = _M008_PROGRESS.get(status, status)
    if table == "checklists" and "position" in row:
        row["standing"] = row.pop("position")
    flexible = row.get("flexible")
    if table == "deadlines" and isinstance(flexible, str) and not flexible.startswith("["):
        row["flexible"] = _flexible_json(flexible)
    for column in _M008_INSTANTS.get(table, ()):
        if isinstance(row.get(column), str):
            row[column] = _instant_text(row[column])
    return row


def _rebuild(db: Database, table: str, create: str, select: str, old: str = "") -> None:
    """SQLite's documented way to change a table's constraints: make the new
    table, copy the rows, drop the old one, take its name. Needs foreign keys
    off (Store.migrate turns them off around migrations), or dropping the
    old table would cascade into its children."""
    db.execute(create.replace(f"CREATE TABLE {table} (", f"CREATE TABLE {table}_new (", 1))
    db.execute(f"INSERT INTO {table}_new {select}")
    db.execute(f"DROP TABLE {old or table}")
    db.execute(f"ALTER TABLE {table}_new RENAME TO {table}")


@migrations()
def m008_readable_names(db: Database) -> None:
    """The file says what the screens say, and says it truly.

    `counterparts` -> `people` (`counterpart_id` -> `person_id`), kind
    `internal` -> `colleague`, `checklists.position` (the person's standing)
    -> `standing`, `deadlines.flexible` a JSON array, one timestamp style, and
    `meetings.status` -> `progress`: how far *my work* on the meeting got
    ('none', 'prepared', 'debriefing', 'debriefed'). It said 'planned' for a
    past meeting and 'held' for "debrief started"; whether a meeting has
    happened follows from its start and the clock, so it is derived where
    read (Meeting.phase, the meeting_overview view), never stored.
    """
    _rebuild(
        db,
        "people",
        """
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            organisation TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT 'client'
                CHECK (kind IN ('client', 'customer', 'boss', 'colleague')),
            rank TEXT NOT NULL DEFAULT 'senior'
                CHECK (rank IN ('senior', 'peer', 'junior')),
            feedback_cadence TEXT NOT NULL DEFAULT 'quarterly'
                CHECK (feedback_cadence IN ('quarterly', 'half-yearly', 'yearly')),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        "SELECT id, name, organisation,"
        " CASE kind WHEN 'internal' THEN 'colleague' ELSE kind END,"
        " rank, feedback_cadence, created_at, updated_at FROM counterparts",
        old="counterparts",
    )
    db.execute("CREATE UNIQUE INDEX people_name ON people (name COLLATE NOCASE)")
    _rebuild(
        db,
        "meetings",
        """
        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL CHECK (length(trim(title)) > 0),
            person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
            -- Local wall time with its UTC offset, as the person booked it.
            starts_at TEXT NOT NULL,
            -- The same instant in UTC, fixed width, so text order is time order.
            starts_at_utc TEXT NOT NULL,
            duration_minutes INTEGER NOT NULL DEFAULT 30
                CHECK (duration_minutes BETWEEN 1 AND 1440),
            setting TEXT NOT NULL DEFAULT 'video'
                CHECK (setting IN ('video', 'phone', 'office', 'coffee', 'meal')),
            notes TEXT NOT NULL DEFAULT '',
            -- How far my work on it got; whether it has happened is its start.
            progress TEXT NOT NULL DEFAULT 'none'
                CHECK (progress IN ('none', 'prepared', 'debriefing', 'debriefed')),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        "SELECT id, title, counterpart_id, starts_at, starts_at_utc, duration_minutes, setting,"
        " notes, CASE status"
        + "".join(f" WHEN '{old}' THEN '{new}'" for old, new in _M008_PROGRESS.items())
        + " ELSE status END, created_at, updated_at FROM meetings",
    )
    db.execute("CREATE INDEX meetings_starts_at_utc ON meetings (starts_at_utc)")
    db.execute("CREATE INDEX meetings_person ON meetings (person_id, starts_at_utc)")
    _fts_triggers(db, "meetings")

    flexible = db.execute(
        "SELECT id, flexible FROM deadlines"
        " WHERE (CASE WHEN json_valid(flexible) THEN json_type(flexible) END) IS NOT 'array'"
    )
    for deadline_id, text in flexible.fetchall():
        db.execute(
            "UPDATE deadlines SET flexible = ? WHERE id = ?",
            [_flexible_json(text or ""), deadline_id],
        )
    _rebuild(
        db,
        "deadlines",
        """
        CREATE TABLE deadlines (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES checklists (meeting_id) ON DELETE CASCADE,
            position INTEGER NOT NULL,  -- the order on screen
            label TEXT NOT NULL DEFAULT '',
            earliest TEXT,  -- ISO dates
            likely TEXT,
            latest TEXT,
            confidence TEXT CHECK (confidence IS NULL OR confidence IN ('low', 'medium', 'high')),
            -- What could give: a JSON array of 'scope', 'date', 'people'.
            flexible TEXT NOT NULL DEFAULT '[]'
                CHECK (CASE WHEN json_valid(flexible) THEN json_type(flexible) = 'array' ELSE 0 END),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        "SELECT * FROM deadlines",
    )
    db.execute("CREATE INDEX deadlines_meeting_id ON deadlines (meeting_id, position)")
    db.execute("CREATE INDEX deadlines_latest ON deadlines (latest)")
    _fts_triggers(db, "deadlines")

    db.execute("ALTER TABLE checklists RENAME COLUMN position TO standing")

    for table, columns in _M008_INSTANTS.items():
        for column in columns:
            db.execute(
                f"UPDATE {table} SET {column} = strftime('{_INSTANT_STYLE}', {column})"
                f" WHERE {column} NOT GLOB '{_INSTANT_GLOB}'"
                f" AND length({column}) > 10"  # a bare date is not an instant
                f" AND strftime('{_INSTANT_STYLE}', {column}) IS NOT NULL"
            )


# -- m009: views for people who query the file ----------------------------------


# A later ask, a problem raised for help and a deadline are carried forward
# by writing them again in a later meeting with the same person (the
# checklist's carry-over offer does so): the newest copy is the one that
# counts. `_later_copy` says "a later meeting with this person has the same
# text in this table and column" for a row aliased `x` of meeting `m`.
def _later_copy(table: str, column: str) -> str:
    return (
        f"EXISTS (SELECT 1 FROM {table} y JOIN meetings m2 ON m2.id = y.meeting_id"
        f" WHERE m2.person_id = m.person_id AND m2.starts_at_utc > m.starts_at_utc"
        f" AND lower(trim(y.{column})) = lower(trim(x.{column})))"
    )


_M009_VIEWS = {
    # One line per meeting, as the agenda shows it. `phase` follows the same
    # rule as prep.domain.models.Meeting.phase, with SQLite's clock.
    "meeting_overview": """
        SELECT m.id, m.title, p.name AS person, m.starts_at AS local_start,
            CASE
                WHEN m.progress = 'debriefed' THEN 'debriefed'
                WHEN m.starts_at_utc <= strftime('%Y-%m-%dT%H:%M:%SZ', 'now') THEN 'held'
                WHEN coalesce(c.steps_done, 0) = 4 THEN 'prepared'
                ELSE 'planned'
            END AS phase,
            coalesce(c.steps_done, 0) || '/4' AS readiness,
            m.progress = 'debriefed' AS debriefed,
            d.temperature
        FROM meetings m
        JOIN people p ON p.id = m.person_id
        LEFT JOIN checklists c ON c.meeting_id = m.id
        LEFT JOIN debriefs d ON d.meeting_id = m.id
    """,
    # Everything still open with each person: what, why, and from which meeting.
    "open_with_person": f"""
        SELECT m.person_id, p.name AS person, 'unsaid' AS kind, x.text,
            'not said yet' AS why, m.id AS meeting_id, m.title AS meeting, m.starts_at
        FROM unsaid_items x JOIN meetings m ON m.id = x.meeting_id
        JOIN people p ON p.id = m.person_id
        WHERE x.resolved_at IS NULL AND trim(x.text) != ''
        UNION ALL
        SELECT m.person_id, p.name, 'action', x.text,
            CASE x.owner WHEN 'me' THEN 'mine to do' ELSE 'theirs to do' END
                || coalesce(', due ' || x.due, ''),
            m.id, m.title, m.starts_at
        FROM action_items x JOIN meetings m ON m.id = x.meeting_id
        JOIN people p ON p.id = m.person_id
        WHERE x.done_at IS NULL AND trim(x.text) != ''
        UNION ALL
        SELECT m.person_id, p.name, 'ask', x.text,
            CASE x.answer WHEN 'later' THEN 'answered "later"' ELSE 'no answer' END,
            m.id, m.title, m.starts_at
        FROM asks x JOIN meetings m ON m.id = x.meeting_id
        JOIN people p ON p.id = m.person_id
        WHERE x.asked = 1 AND x.answer IN ('later', 'no-answer') AND trim(x.text) != ''
            AND NOT {_later_copy("asks", "text")}
        UNION ALL
        SELECT m.person_id, p.name, 'help', x.text, 'asked for help; none yet',
            m.id, m.title, m.starts_at
        FROM problems x JOIN meetings m ON m.id = x.meeting_id
        JOIN people p ON p.id = m.person_id
        WHERE x.ask_for_help = 1 AND coalesce(x.outcome, 'parked') = 'parked'
            AND trim(x.text) != '' AND NOT {_later_copy("problems", "text")}
        UNION ALL
        SELECT m.person_id, p.name, 'deadline', x.label,
            CASE WHEN coalesce(mv.latest, x.latest) < date('now', 'localtime')
                THEN 'latest date ' || coalesce(mv.latest, x.latest) || ' has passed'
                ELSE 'moved to ' || coalesce(mv.earliest, '?') || ' … '
                    || coalesce(mv.latest, '?') || ' (was ' || coalesce(x.latest, '?') || ')'
            END,
            m.id, m.title, m.starts_at
        FROM deadlines x JOIN meetings m ON m.id = x.meeting_id
        JOIN people p ON p.id = m.person_id
        LEFT JOIN deadline_moves mv ON mv.id = (
            SELECT mv2.id FROM deadline_moves mv2 JOIN meetings m3 ON m3.id = mv2.meeting_id
            WHERE mv2.deadline_id = x.id ORDER BY m3.starts_at_utc DESC LIMIT 1)
        WHERE trim(x.label) != '' AND NOT {_later_copy("deadlines", "label")}
            AND (mv.id IS NOT NULL
                 OR coalesce(mv.latest, x.latest) < date('now', 'localtime'))
    """,
    # The weekly review's counts, one row per week (weeks start on Monday,
    # in the meetings' own local dates).
    "weekly_numbers": """
        SELECT date(substr(m.starts_at, 1, 10), '-6 days', 'weekday 1') AS week_start,
            count(*) AS meetings,
            sum(coalesce(c.steps_done, 0) = 4) AS prepared,
            sum(m.progress = 'debriefed') AS debriefed,
            sum((SELECT count(*) FROM asks a WHERE a.meeting_id = m.id AND a.asked = 1))
                AS asks_made,
            sum((SELECT count(*) FROM asks a WHERE a.meeting_id = m.id
                 AND a.answer = 'granted')) AS asks_granted,
            sum((SELECT count(*) FROM unsaid_items u WHERE u.meeting_id = m.id))
                AS left_unsaid,
            sum(coalesce(d.feedback_asked, 0)) AS feedback_asked
        FROM meetings m
        LEFT JOIN checklists c ON c.meeting_id = m.id
        LEFT JOIN debriefs d ON d.meeting_id = m.id
        GROUP BY week_start
    """,
}


@migrations()
def m009_views(db: Database) -> None:
    """Views for sqlite3 and Datasette readers; prep itself does not read them."""
    for name, select in _M009_VIEWS.items():
        db.execute(f"CREATE VIEW {name} AS {select}")


# m010 runs after m008 has renamed "counterparts" to "people".
_M010_PEOPLE = "people"


@migrations()
def m010_calendar(db: Database) -> None:
    """Meetings that come from a calendar (.ics) and the people's emails.

    `calendar_links` ties a meeting to the event it came from: its UID and,
    for one occurrence of a series, the occurrence's original start in UTC
    (its RECURRENCE-ID), so importing again finds the same meeting. A meeting
    whose event was cancelled or vanished gets `cancelled_at`; it is never
    deleted, since its checklist and debrief are the person's own work.
    """
    db.execute(f"ALTER TABLE {_M010_PEOPLE} ADD COLUMN email TEXT")
    # Invitations name people by email: one person per address, any case.
    db.execute(
        f"CREATE UNIQUE INDEX {_M010_PEOPLE}_email ON {_M010_PEOPLE} (email COLLATE NOCASE)"
        " WHERE email IS NOT NULL"
    )
    db.execute("ALTER TABLE meetings ADD COLUMN cancelled_at TEXT")  # UTC; NULL: not cancelled
    db.execute(
        """
        CREATE TABLE calendar_links (
            meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
            uid TEXT NOT NULL,
            -- '' for a single event; else the occurrence's original start, UTC.
            recurrence_id TEXT NOT NULL DEFAULT '',
            -- The file it was last imported from ('-' for standard input).
            source TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (uid, recurrence_id)
        )
        """
    )
    db.execute("CREATE INDEX calendar_links_source ON calendar_links (source)")


@migrations()
def m012_call_notes(db: Database) -> None:
    """Scratch notes typed on the call screen during the meeting, kept in the
    debrief beside "how it went" (not merged into it: what was noted live
    and what was concluded afterwards are different records)."""
    db.execute("ALTER TABLE debriefs ADD COLUMN call_notes TEXT NOT NULL DEFAULT ''")


@migrations()
def m013_repeats(db: Database) -> None:
    """Recurring meetings made in prep (not imported: those are calendar_links).

    A `series` row holds the rule and what each meeting of it starts from;
    its occurrences become ordinary `meetings` rows, made for the agenda's
    window when it is read (prep.store.series), so the checklist, debrief,
    review and search need no idea of a meeting that is not a row. A
    meeting's link is (series_id, occurrence_utc): the occurrence's start by
    the rule, in UTC, kept when that one meeting is moved, so making the
    window again finds it instead of adding a second.
    """
    db.execute(
        """
        CREATE TABLE series (
            id INTEGER PRIMARY KEY,
            -- RFC 5545 RRULE text (python-dateutil reads it), e.g.
            -- FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20270331T235959, read in
            -- the person's local wall time: a 09:00 stays 09:00 across DST.
            rrule TEXT NOT NULL CHECK (rrule GLOB 'FREQ=*'),
            -- The repeat as typed ("every 2 weeks on tue"), shown back in the form.
            repeat_text TEXT NOT NULL DEFAULT '',
            -- The first meeting's local wall time with its UTC offset.
            first_start TEXT NOT NULL,
            -- What each new occurrence is made with.
            title TEXT NOT NULL CHECK (length(trim(title)) > 0),
            person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
            duration_minutes INTEGER NOT NULL DEFAULT 30
                CHECK (duration_minutes BETWEEN 1 AND 1440),
            setting TEXT NOT NULL DEFAULT 'video'
                CHECK (setting IN ('video', 'phone', 'office', 'coffee', 'meal')),
            notes TEXT NOT NULL DEFAULT '',
            -- UTC. Set by "this and later": occurrences from here on belong
            -- to the series that took over, or to none.
            ends_before TEXT,
            -- UTC. Occurrences before it have been made into meetings (or
            -- made and deleted since: they are not made again).
            made_until TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX series_made_until ON series (made_until)")
    db.execute(
        "ALTER TABLE meetings ADD COLUMN series_id INTEGER"
        " REFERENCES series (id) ON DELETE SET NULL"
    )
    db.execute("ALTER TABLE meetings ADD COLUMN occurrence_utc TEXT")  # the rule's start, UTC
    db.execute(
        "CREATE UNIQUE INDEX meetings_occurrence ON meetings (series_id, occurrence_utc)"
        " WHERE series_id IS NOT NULL"
    )


def _hierarchy_hedged(db: Database, meeting_id: int) -> bool:
    """Step 1 of a stored checklist done with hedges, read as far as step 1
    needs (the rule itself lives in prep.domain.readiness)."""
    from prep.domain.checklist import Ask, Checklist, HoldBackReason, Position
    from prep.domain.readiness import done_with_hedges

    row = db.execute(
        "SELECT standing, holding_back, holding_back_nothing, holding_back_reason, no_asks"
        " FROM checklists WHERE meeting_id = ?",
        [meeting_id],
    ).fetchone()
    standing, holding_back, nothing, reason, no_asks = row
    asks = db.execute("SELECT id, text FROM asks WHERE meeting_id = ?", [meeting_id]).fetchall()
    checklist = Checklist(
        meeting_id,
        position=Position(standing) if standing in set(Position) else None,
        holding_back=holding_back if isinstance(holding_back, str) else "",
        holding_back_nothing=nothing == 1,
        holding_back_reason=HoldBackReason(reason) if reason in set(HoldBackReason) else None,
        asks=tuple(Ask(i, t) for i, t in asks if isinstance(t, str)),
        no_asks=no_asks == 1,
    )
    return done_with_hedges(checklist)


@migrations()
def m014_coaching_loops(db: Database) -> None:
    """Closing the loops the checklist opens.

    - `checklists.asks_hedged`: step 1 done, but with an ask that sounds
      optional; kept beside `steps_done` so the agenda can draw it without
      reading every ask. Filled here for the checklists already written.
    - `debriefs.why_differ`: why what happened differs from what each side
      expected (the after-action review's third question).
    - `unplanned_asks`: asks made in the meeting without being planned,
      recorded in the debrief (counted as asked, marked unplanned).
    """
    db.execute(
        "ALTER TABLE checklists ADD COLUMN asks_hedged INTEGER NOT NULL DEFAULT 0"
        " CHECK (asks_hedged IN (0, 1))"
    )
    hedged = [
        meeting_id
        for (meeting_id,) in db.execute(
            "SELECT DISTINCT meeting_id FROM asks WHERE trim(coalesce(text, '')) != ''"
        ).fetchall()
        if db.execute("SELECT 1 FROM checklists WHERE meeting_id = ?", [meeting_id]).fetchone()
        and _hierarchy_hedged(db, meeting_id)
    ]
    for meeting_id in hedged:
        db.execute("UPDATE checklists SET asks_hedged = 1 WHERE meeting_id = ?", [meeting_id])
    db.execute("ALTER TABLE debriefs ADD COLUMN why_differ TEXT NOT NULL DEFAULT ''")
    db.execute(
        """
        CREATE TABLE unplanned_asks (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            answer TEXT CHECK (answer IS NULL OR answer IN
                ('granted', 'refused', 'later', 'no-answer')),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX unplanned_asks_meeting ON unplanned_asks (meeting_id)")


@migrations()
def m015_threads(db: Database) -> None:
    """Closing two coaching loops (see prep.domain.open_threads).

    `asks.from_unsaid_id`: the unsaid item an ask was made of ("say it this
    time"); once the ask is asked, the item is resolved by it. On a debrief,
    `coaching_tried_in` is the later meeting its coaching-up note was tried
    in and `coaching_outcome` how that went (worked, partly, did-not-work).
    """
    db.execute(
        "ALTER TABLE asks ADD COLUMN from_unsaid_id INTEGER"
        " REFERENCES unsaid_items (id) ON DELETE SET NULL"
    )
    db.execute(
        "ALTER TABLE debriefs ADD COLUMN coaching_tried_in INTEGER"
        " REFERENCES meetings (id) ON DELETE SET NULL"
    )
    db.execute(
        "ALTER TABLE debriefs ADD COLUMN coaching_outcome TEXT"
        " CHECK (coaching_outcome IN ('worked', 'partly', 'did-not-work'))"
    )


@migrations()
def m016_asks_from_unsaid_index(db: Database) -> None:
    """An index for "resolved by asking it" in the weekly review (each
    unsaid item resolved that week, is there an asked ask made of it?).
    Without it every such item scanned all asks: 447 ms of the week's
    499 ms on the 100,000-meeting file, 4 ms with it (`dev.py bench`,
    Weekly review row)."""
    db.execute(
        "CREATE INDEX asks_from_unsaid ON asks (from_unsaid_id) WHERE from_unsaid_id IS NOT NULL"
    )
