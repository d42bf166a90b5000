"""The schema, as a list of migrations.

Never edit a migration that has shipped: add a new one. Each runs once per
database, inside a transaction, and is recorded in `_sqlite_migrations`.
Plain SQL keeps the tables readable from `sqlite3` and Datasette, and lets
us state CHECK constraints and foreign keys that sqlite-utils' `create()`
cannot express.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

MIGRATION_SET = "prep"

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
    db.execute(
        "CREATE UNIQUE INDEX counterparts_name ON counterparts (name COLLATE NOCASE)"
    )
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
    db.execute(
        "CREATE INDEX meetings_counterpart ON meetings (counterpart_id, starts_at_utc)"
    )
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
