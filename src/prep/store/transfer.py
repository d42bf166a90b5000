"""Every table out as plain rows, and back in: `prep export` (JSON, CSV) and
`prep import-json`.

The JSON export is one document: a format name, a version, the schema
migrations the file had, and each table's rows as they are stored (dates and
times are already ISO text in the database). Importing it into an empty
database gives back the same rows, ids included, so links between tables and
to exported Markdown files still hold.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from prep.store.errors import StoreError
from prep.store.versions import MIGRATION_NAMES

if TYPE_CHECKING:
    from prep.store.repository import Store

EXPORT_FORMAT = "prep-export"
EXPORT_VERSION = 1

# Every table that holds what a person wrote, parents before children, so an
# import can insert them in this order with foreign keys on. A test checks
# that no table of the schema is missing from this list.
TABLES = (
    "people",
    "series",
    "meetings",
    "calendar_links",
    "checklists",
    "asks",
    "deadlines",
    "problems",
    "solutions",
    "debriefs",
    "unsaid_items",
    "unplanned_asks",
    "action_items",
    "deadline_moves",
    "reflections",
    "drafts",
)
# Tables about the file rather than what was written in it: left out, so an
# import into a new file starts that file's own record.
NOT_EXPORTED = {
    "integrity_checks": "when this file last passed SQLite's integrity check",
}


def table_columns(store: Store, table: str) -> list[str]:
    return [row["name"] for row in store.query(f"PRAGMA table_info({table})")]


def table_rows(store: Store, table: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """A table's columns and its rows in primary-key order."""
    with store._lock:
        cursor = store._conn.execute(f"SELECT * FROM {table} ORDER BY rowid")
        columns = [c[0] for c in cursor.description]
        return columns, cursor.fetchall()


def export_document(store: Store, prep_version: str) -> dict[str, Any]:
    """The whole database as one JSON-ready document.

    Read in one transaction, so the tables agree with one another even if
    another copy of prep writes meanwhile.
    """
    with store._lock:
        store._conn.execute("BEGIN")
        try:
            tables = {}
            for table in TABLES:
                columns, rows = table_rows(store, table)
                tables[table] = [dict(zip(columns, row, strict=True)) for row in rows]
        finally:
            store._conn.execute("COMMIT")
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "prep_version": prep_version,
        "exported_at": store.now_text(),
        "migrations": list(MIGRATION_NAMES),
        "tables": tables,
    }


def export_json(store: Store, prep_version: str) -> str:
    return json.dumps(export_document(store, prep_version), ensure_ascii=False, indent=1) + "\n"


def is_export(document: Any) -> bool:
    return isinstance(document, dict) and document.get("format") == EXPORT_FORMAT


def import_document(store: Store, document: Any) -> dict[str, int]:
    """Load an export into this (empty) database; the rows written per table.

    Refuses, changing nothing, a document that is not a prep export, one
    from a newer prep, and a database that already holds data: merging two
    histories would clash on ids.
    """
    if not is_export(document):
        raise StoreError('That is not a prep JSON export (no "format": "prep-export").')
    version = document.get("version")
    unknown = set(document.get("migrations") or ()) - set(MIGRATION_NAMES)
    if not isinstance(version, int) or version > EXPORT_VERSION or unknown:
        raise StoreError("That export was written by a newer prep; upgrade prep to import it.")
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise StoreError('That export has no "tables".')
    if "m008_readable_names" not in (document.get("migrations") or ()):
        tables = _renamed_by_m008(tables)
    extra = set(tables) - set(TABLES)
    if extra:
        raise StoreError(f"That export has tables prep does not know: {', '.join(sorted(extra))}.")
    counts: dict[str, int] = {}
    with store.writing():
        busy = [t for t in TABLES if t != "drafts" and store.query(f"SELECT 1 FROM {t} LIMIT 1")]
        if busy:
            raise StoreError(
                f"{store.path} already has data ({', '.join(busy)}); import into a new, "
                "empty file with --db PATH."
            )
        for table in TABLES:
            rows = tables.get(table) or []
            counts[table] = _insert(store, table, rows)
    return counts


def _renamed_by_m008(tables: dict[str, Any]) -> dict[str, Any]:
    """An export from before m008 in today's names and values (what m008 does
    to a database, done to the document), so older exports still import."""
    from prep.store.schema import m008_row

    renamed = {
        ("people" if name == "counterparts" else name): rows for name, rows in tables.items()
    }
    return {
        table: [m008_row(table, row) if isinstance(row, dict) else row for row in rows]
        if isinstance(rows, list)
        else rows
        for table, rows in renamed.items()
    }


def _insert(store: Store, table: str, rows: list[Any]) -> int:
    columns = table_columns(store, table)
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            raise StoreError(f"Row {number} of {table} is not an object.")
        unknown = set(row) - set(columns)
        if unknown:
            raise StoreError(f"{table} has no column {sorted(unknown)[0]!r} (row {number}).")
        names = list(row)
        try:
            store._conn.execute(
                f"INSERT INTO {table} ({', '.join(names)})"
                f" VALUES ({', '.join('?' for _ in names)})",
                [row[name] for name in names],
            )
        except Exception as error:  # sqlite3 errors, and values SQLite cannot bind
            raise StoreError(f"Row {number} of {table} cannot be imported ({error}).") from None
    return len(rows)


def table_csv(store: Store, table: str) -> str:
    """One table as CSV with a header row; NULL is written as an empty cell."""
    import csv
    import io

    columns, rows = table_rows(store, table)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return out.getvalue()
