"""The editable lists of checklists and debriefs, written one item at a time.

Every list belongs to a meeting (solutions belong to a problem, which
belongs to a meeting). After any change the owning record is told, so it
can recount readiness or the debrief's status in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from prep.domain.checklist import Confidence, Need
from prep.domain.debrief import AskAnswer, Owner
from prep.store.errors import StoreError
from prep.store.values import to_sql

if TYPE_CHECKING:
    from prep.store.repository import Store


@dataclass(frozen=True)
class ListKind:
    """One list: its table, parent column, editable columns, and which record owns it."""

    table: str
    parent: str
    columns: dict[str, type]
    owner: Literal["checklist", "debrief"]


LISTS: dict[str, ListKind] = {
    "asks": ListKind("asks", "meeting_id", {"text": str, "by_when": date}, "checklist"),
    "deadlines": ListKind(
        "deadlines",
        "meeting_id",
        {
            "label": str,
            "earliest": date,
            "likely": date,
            "latest": date,
            "confidence": Confidence,
            "flexible": frozenset,
        },
        "checklist",
    ),
    "problems": ListKind(
        "problems", "meeting_id", {"text": str, "need": Need, "ask_for_help": bool}, "checklist"
    ),
    "solutions": ListKind("solutions", "problem_id", {"text": str}, "checklist"),
    "unsaid": ListKind("unsaid_items", "meeting_id", {"text": str}, "debrief"),
    "unplanned": ListKind(
        "unplanned_asks", "meeting_id", {"text": str, "answer": AskAnswer}, "debrief"
    ),
    "actions": ListKind(
        "action_items", "meeting_id", {"text": str, "owner": Owner, "due": date}, "debrief"
    ),
}


class ItemLists:
    """Add, change, remove and reorder items of any list (reached as `store.items`)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def _db(self):
        return self._store.db

    def rows(self, kind: str, parent_id: int) -> list[dict[str, Any]]:
        spec = LISTS[kind]
        return list(
            self._store.query(
                f"SELECT * FROM {spec.table} WHERE {spec.parent} = ? ORDER BY position, id",
                [parent_id],
            )
        )

    def add(self, kind: str, parent_id: int, **values: Any) -> int:
        """Append an item and return its id."""
        spec = LISTS[kind]
        stored = self._values(spec, values)
        now = self._store.now_text()
        with self._store.writing():
            meeting_id = self._meeting_of(spec, parent_id)
            self._owner(spec).ensure(meeting_id)
            (position,) = self._db.execute(
                f"SELECT coalesce(max(position), -1) + 1 FROM {spec.table} WHERE {spec.parent} = ?",
                [parent_id],
            ).fetchone()
            columns = [spec.parent, "position", *stored, "created_at", "updated_at"]
            cursor = self._db.execute(
                f"INSERT INTO {spec.table} ({', '.join(columns)})"
                f" VALUES ({', '.join('?' for _ in columns)})",
                [parent_id, position, *stored.values(), now, now],
            )
            self._owner(spec).after_change(meeting_id)
            return cursor.lastrowid

    def update(self, kind: str, item_id: int, **values: Any) -> None:
        spec = LISTS[kind]
        stored = self._values(spec, values)
        if not stored:
            raise ValueError("nothing to update")
        assignments = ", ".join(f"{column} = ?" for column in stored)
        with self._store.writing():
            meeting_id = self.meeting_of_item(kind, item_id)
            self._db.execute(
                f"UPDATE {spec.table} SET {assignments}, updated_at = ? WHERE id = ?",
                [*stored.values(), self._store.now_text(), item_id],
            )
            self._owner(spec).after_change(meeting_id)

    def delete(self, kind: str, item_id: int) -> None:
        spec = LISTS[kind]
        with self._store.writing():
            meeting_id = self.meeting_of_item(kind, item_id)
            self._db.execute(f"DELETE FROM {spec.table} WHERE id = ?", [item_id])
            self._owner(spec).after_change(meeting_id)

    def move(self, kind: str, item_id: int, delta: int) -> None:
        """Move an item up (delta < 0) or down within its list, renumbering the list."""
        spec = LISTS[kind]
        with self._store.writing():
            row = self._db.execute(
                f"SELECT {spec.parent} FROM {spec.table} WHERE id = ?", [item_id]
            ).fetchone()
            if row is None:
                raise StoreError("That item no longer exists.")
            ids = [r["id"] for r in self.rows(kind, row[0])]
            index = ids.index(item_id)
            target = max(0, min(len(ids) - 1, index + delta))
            ids.insert(target, ids.pop(index))
            for position, each in enumerate(ids):
                self._db.execute(
                    f"UPDATE {spec.table} SET position = ? WHERE id = ?", [position, each]
                )

    def meeting_of_item(self, kind: str, item_id: int) -> int:
        spec = LISTS[kind]
        row = self._db.execute(
            f"SELECT {spec.parent} FROM {spec.table} WHERE id = ?", [item_id]
        ).fetchone()
        if row is None:
            raise StoreError("That item no longer exists.")
        return self._meeting_of(spec, row[0])

    def _values(self, spec: ListKind, values: dict[str, Any]) -> dict[str, Any]:
        unknown = set(values) - set(spec.columns)
        if unknown:
            raise ValueError(f"unknown {spec.table} columns: {sorted(unknown)}")
        return {name: to_sql(name, spec.columns[name], value) for name, value in values.items()}

    def _meeting_of(self, spec: ListKind, parent_id: int) -> int:
        if spec.parent == "meeting_id":
            return parent_id
        row = self._db.execute(
            "SELECT meeting_id FROM problems WHERE id = ?", [parent_id]
        ).fetchone()
        if row is None:
            raise StoreError("That problem no longer exists.")
        return row[0]

    def _owner(self, spec: ListKind):
        return self._store.checklists if spec.owner == "checklist" else self._store.debriefs
