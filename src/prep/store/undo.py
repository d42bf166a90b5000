"""Snapshots of the rows a change is about to remove or rewrite, to put back.

A snapshot is taken inside the same write transaction as the change, by
following the foreign keys the schema declares (PRAGMA foreign_key_list):
rows a delete would cascade to are kept whole, to insert again; rows that
only point at what goes (ON DELETE SET NULL, or RESTRICT ones a merge moves
first) are kept whole too, to write back over their later values. Reading
the keys from the schema means a table added later is covered without
anyone remembering this module.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

ROWID = "_undo_rowid"


@dataclass
class Snapshot:
    """Rows to put back: `removed` to insert again (parents first), and
    `changed` to write back over the rows that are still there."""

    removed: list[tuple[str, list[dict[str, Any]]]] = field(default_factory=list)
    changed: list[tuple[str, list[dict[str, Any]]]] = field(default_factory=list)

    def row_count(self) -> int:
        return sum(len(rows) for _, rows in [*self.removed, *self.changed])


def capture(conn: sqlite3.Connection, table: str, column: str, values: list[Any]) -> Snapshot:
    """The rows of TABLE whose COLUMN is in VALUES, and every row that
    depends on them through a foreign key."""
    snapshot = Snapshot()
    seen: set[tuple[str, int]] = set()
    _capture_removed(conn, table, column, values, snapshot, seen)
    # A row pointing at a removed row may itself be removed (a debrief's
    # next meeting being the one deleted): then inserting it back is enough.
    snapshot.changed = [
        (name, kept)
        for name, rows in snapshot.changed
        if (kept := [r for r in rows if (name, r[ROWID]) not in seen])
    ]
    return snapshot


def keep_changed(
    conn: sqlite3.Connection, snapshot: Snapshot, table: str, column: str, values: list[Any]
) -> None:
    """Add rows the change will rewrite (not remove), to write back over
    their later values: a series that "delete this and later" ends."""
    snapshot.changed.append((table, _rows(conn, table, column, values)))


def restore(conn: sqlite3.Connection, snapshot: Snapshot) -> None:
    """Put the rows back. The caller holds the write transaction."""
    # Rows come back parents first, but a row may point at two removed
    # parents reached by different paths: check the keys at commit instead.
    conn.execute("PRAGMA defer_foreign_keys = ON")
    for table, rows in snapshot.removed:
        for row in rows:
            columns = [c for c in row if c != ROWID]
            conn.execute(
                f"INSERT INTO {_quote(table)} ({', '.join(map(_quote, columns))})"
                f" VALUES ({', '.join('?' * len(columns))})",
                [row[c] for c in columns],
            )
    for table, rows in snapshot.changed:
        for row in rows:
            columns = [c for c in row if c != ROWID]
            conn.execute(
                f"UPDATE {_quote(table)} SET {', '.join(f'{_quote(c)} = ?' for c in columns)}"
                " WHERE rowid = ?",
                [*(row[c] for c in columns), row[ROWID]],
            )


def _capture_removed(conn, table, column, values, snapshot, seen) -> None:
    if not values:
        return
    rows = [r for r in _rows(conn, table, column, values) if (table, r[ROWID]) not in seen]
    if not rows:
        return
    seen.update((table, r[ROWID]) for r in rows)
    snapshot.removed.append((table, rows))
    for child, child_column, parent_column, on_delete in _children(conn, table):
        keys = list({r[parent_column] for r in rows if r[parent_column] is not None})
        if on_delete == "CASCADE":
            _capture_removed(conn, child, child_column, keys, snapshot, seen)
        elif keys:
            snapshot.changed.append((child, _rows(conn, child, child_column, keys)))


def _rows(conn, table: str, column: str, values: list[Any]) -> list[dict[str, Any]]:
    # In chunks: SQLite allows a limited number of parameters per statement.
    found: list[dict[str, Any]] = []
    for start in range(0, len(values), 500):
        chunk = values[start : start + 500]
        cursor = conn.execute(
            f"SELECT rowid AS {ROWID}, * FROM {_quote(table)}"
            f" WHERE {_quote(column)} IN ({', '.join('?' * len(chunk))})",
            chunk,
        )
        names = [d[0] for d in cursor.description]
        found += [dict(zip(names, row, strict=True)) for row in cursor]
    return found


def _children(conn, parent: str) -> list[tuple[str, str, str, str]]:
    """(table, column, parent column, ON DELETE action) for each foreign key to PARENT."""
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    found = []
    for table in tables:
        for key in conn.execute(f"PRAGMA foreign_key_list({_quote(table)})"):
            # id, seq, table, from, to, on_update, on_delete, match
            if key[2] == parent:
                to = key[4] or _primary_key(conn, parent)
                found.append((table, key[3], to, key[6].upper()))
    return found


def _primary_key(conn, table: str) -> str:
    return next(r[1] for r in conn.execute(f"PRAGMA table_info({_quote(table)})") if r[5] == 1)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
