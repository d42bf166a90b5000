"""Reading and writing pre-meeting checklists, one field or list item at a time.

Fine-grained writes keep every keystroke-sized save small, keep item ids
stable (the debrief refers to asks and problems by id), and mean two copies
of prep editing different fields never overwrite each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from prep.domain.checklist import (
    Ask,
    Checklist,
    Confidence,
    Deadline,
    Flex,
    HoldBackReason,
    Need,
    Position,
    Problem,
    Solution,
)
from prep.domain.carry_over import CarryOver
from prep.domain.models import ValidationError
from prep.domain.readiness import steps_done
from prep.store.errors import StoreError
from prep.store.timestamps import now_text

if TYPE_CHECKING:
    from prep.store.repository import Store

# Generous: a pasted email thread must fit and round-trip exactly.
TEXT_MAX = 100_000


@dataclass(frozen=True)
class _ListKind:
    """One of the checklist's lists: its table, parent column and editable columns."""

    table: str
    parent: str
    columns: dict[str, type]


LISTS: dict[str, _ListKind] = {
    "asks": _ListKind("asks", "meeting_id", {"text": str, "by_when": date}),
    "deadlines": _ListKind(
        "deadlines",
        "meeting_id",
        {"label": str, "earliest": date, "likely": date, "latest": date,
         "confidence": Confidence, "flexible": frozenset},
    ),
    "problems": _ListKind("problems", "meeting_id", {"text": str, "need": Need, "ask_for_help": bool}),
    "solutions": _ListKind("solutions", "problem_id", {"text": str}),
}

FIELDS: dict[str, type] = {
    "position": Position,
    "holding_back": str,
    "holding_back_nothing": bool,
    "holding_back_reason": HoldBackReason,
    "no_asks": bool,
    "they_expect": str,
    "i_expect": str,
    "premortem": str,
    "planned_level": int,
    "pushback_line": str,
    "nothing_to_raise": bool,
    "off_their_plate": str,
}


def _to_sql(name: str, kind: type, value: Any) -> Any:
    """Check one value against its column's type and turn it into what SQLite stores."""
    if value is None:
        if kind in (str, bool, frozenset):
            raise ValidationError(f"{name} cannot be empty.", name)
        return None
    if kind is str:
        if not isinstance(value, str):
            raise ValidationError(f"{name} must be text.", name)
        if len(value) > TEXT_MAX:
            raise ValidationError(
                f"That is {len(value):,} characters; the limit is {TEXT_MAX:,}. Shorten it to save.",
                name,
            )
        return value
    if kind is bool:
        return int(bool(value))
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 10:
            raise ValidationError("The level runs from 1 to 10.", name)
        return value
    if kind is date:
        if not isinstance(value, date):
            raise ValidationError(f"{name} must be a date.", name)
        return value.isoformat()
    if kind is frozenset:
        return ",".join(sorted(Flex(item).value for item in value))
    if issubclass(kind, StrEnum):
        return kind(value).value
    raise TypeError(kind)  # pragma: no cover - a programming error


class ChecklistRepository:
    """Checklist reads and writes for one `Store` (reached as `store.checklists`)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def _db(self):
        return self._store.db

    # -- reading ---------------------------------------------------------------

    def get(self, meeting_id: int) -> Checklist:
        """The checklist for a meeting; an empty one if nothing was prepared yet."""
        with self._store._use():
            rows = list(self._db.query("SELECT * FROM checklists WHERE meeting_id = ?", [meeting_id]))
            if not rows:
                return Checklist(meeting_id=meeting_id)
            row = rows[0]
            asks = tuple(
                Ask(id=r["id"], text=r["text"], by_when=_date(r["by_when"]))
                for r in self._items("asks", "meeting_id", meeting_id)
            )
            deadlines = tuple(
                Deadline(
                    id=r["id"], label=r["label"], earliest=_date(r["earliest"]),
                    likely=_date(r["likely"]), latest=_date(r["latest"]),
                    confidence=Confidence(r["confidence"]) if r["confidence"] else None,
                    flexible=frozenset(Flex(f) for f in r["flexible"].split(",") if f),
                )
                for r in self._items("deadlines", "meeting_id", meeting_id)
            )
            problems = tuple(
                Problem(
                    id=r["id"], text=r["text"],
                    solutions=tuple(
                        Solution(id=s["id"], text=s["text"])
                        for s in self._items("solutions", "problem_id", r["id"])
                    ),
                    need=Need(r["need"]) if r["need"] else None,
                    ask_for_help=bool(r["ask_for_help"]),
                )
                for r in self._items("problems", "meeting_id", meeting_id)
            )
        return Checklist(
            meeting_id=meeting_id,
            position=Position(row["position"]) if row["position"] else None,
            holding_back=row["holding_back"],
            holding_back_nothing=bool(row["holding_back_nothing"]),
            holding_back_reason=(
                HoldBackReason(row["holding_back_reason"]) if row["holding_back_reason"] else None
            ),
            asks=asks,
            no_asks=bool(row["no_asks"]),
            they_expect=row["they_expect"],
            i_expect=row["i_expect"],
            deadlines=deadlines,
            premortem=row["premortem"],
            planned_level=row["planned_level"],
            pushback_line=row["pushback_line"],
            problems=problems,
            nothing_to_raise=bool(row["nothing_to_raise"]),
            off_their_plate=row["off_their_plate"],
            edited_after_start=bool(row["edited_after_start"]),
            started=True,
        )

    def _items(self, table: str, parent: str, parent_id: int) -> list[dict[str, Any]]:
        return list(
            self._db.query(
                f"SELECT * FROM {table} WHERE {parent} = ? ORDER BY position, id", [parent_id]
            )
        )

    def previous_for(self, meeting) -> Checklist | None:
        """The checklist of the last earlier meeting with the same person, if it has one."""
        previous = self._store.previous_meeting_with(meeting)
        while previous is not None:
            checklist = self.get(previous.id)
            if checklist.started:
                return checklist
            previous = self._store.previous_meeting_with(previous)
        return None

    def level_history(self, meeting) -> list[tuple[Any, int | None, int | None]]:
        """Earlier meetings with the same person: (meeting, planned, actual), newest first.

        Actual levels come from debriefs; until one is written it is None.
        """
        earlier = self._store.meetings_with(meeting.counterpart.id, before=meeting)
        if not earlier:
            return []
        ids = [m.id for m in earlier]
        with self._store._use():
            planned = {
                row["meeting_id"]: row["planned_level"]
                for row in self._db.query(
                    f"SELECT meeting_id, planned_level FROM checklists"
                    f" WHERE meeting_id IN ({', '.join('?' for _ in ids)})",
                    ids,
                )
            }
        return [(m, planned.get(m.id), None) for m in earlier]

    # -- writing fields ----------------------------------------------------------

    def set_field(self, meeting_id: int, name: str, value: Any) -> int:
        """Save one field; returns the checklist's steps done afterwards."""
        if name not in FIELDS:
            raise ValueError(f"unknown checklist field {name!r}")
        stored = _to_sql(name, FIELDS[name], value)
        with self._store._use(), self._db.atomic():
            self._ensure(meeting_id)
            self._db.execute(
                f"UPDATE checklists SET {name} = ?, updated_at = ? WHERE meeting_id = ?",
                [stored, now_text(), meeting_id],
            )
            return self._refresh_readiness(meeting_id)

    def mark_edited_after_start(self, meeting_id: int) -> None:
        with self._store._use(), self._db.atomic():
            self._ensure(meeting_id)
            self._db.execute(
                "UPDATE checklists SET edited_after_start = 1, updated_at = ? WHERE meeting_id = ?",
                [now_text(), meeting_id],
            )

    def _ensure(self, meeting_id: int) -> None:
        now = now_text()
        self._db.execute(
            "INSERT INTO checklists (meeting_id, created_at, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT (meeting_id) DO NOTHING",
            [meeting_id, now, now],
        )

    def _refresh_readiness(self, meeting_id: int) -> int:
        """Recount steps done and move the meeting between planned and prepared."""
        done = steps_done(self.get(meeting_id))
        self._db.execute(
            "UPDATE checklists SET steps_done = ? WHERE meeting_id = ?", [done, meeting_id]
        )
        self._db.execute(
            "UPDATE meetings SET status = CASE WHEN ? = 4 THEN 'prepared' ELSE 'planned' END"
            " WHERE id = ? AND status IN ('planned', 'prepared')",
            [done, meeting_id],
        )
        return done

    def copy_carry_over(self, meeting_id: int, carry: CarryOver) -> None:
        """Start a checklist from what is still open from the last meeting."""
        with self._store._use(), self._db.atomic():
            for ask in carry.open_asks:
                self.add_item("asks", meeting_id, text=ask.text, by_when=ask.by_when)
            for deadline in carry.deadlines:
                self.add_item(
                    "deadlines", meeting_id, label=deadline.label, earliest=deadline.earliest,
                    likely=deadline.likely, latest=deadline.latest,
                    confidence=deadline.confidence, flexible=deadline.flexible,
                )
            for problem in carry.unsolved_problems:
                problem_id = self.add_item(
                    "problems", meeting_id, text=problem.text, need=problem.need,
                    ask_for_help=problem.ask_for_help,
                )
                for solution in problem.solutions:
                    self.add_item("solutions", problem_id, text=solution.text)

    # -- writing list items -----------------------------------------------------

    def add_item(self, kind: str, parent_id: int, **values: Any) -> int:
        """Append an item to a list (asks, deadlines, problems of a meeting; solutions
        of a problem) and return its id."""
        spec = LISTS[kind]
        stored = self._values(spec, values)
        now = now_text()
        with self._store._use(), self._db.atomic():
            meeting_id = self._meeting_of(spec, parent_id)
            self._ensure(meeting_id)
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
            self._refresh_readiness(meeting_id)
            return cursor.lastrowid

    def update_item(self, kind: str, item_id: int, **values: Any) -> int:
        """Change some columns of one item; returns the meeting's steps done."""
        spec = LISTS[kind]
        stored = self._values(spec, values)
        if not stored:
            raise ValueError("nothing to update")
        assignments = ", ".join(f"{column} = ?" for column in stored)
        with self._store._use(), self._db.atomic():
            meeting_id = self._meeting_of_item(spec, item_id)
            self._db.execute(
                f"UPDATE {spec.table} SET {assignments}, updated_at = ? WHERE id = ?",
                [*stored.values(), now_text(), item_id],
            )
            return self._refresh_readiness(meeting_id)

    def delete_item(self, kind: str, item_id: int) -> int:
        spec = LISTS[kind]
        with self._store._use(), self._db.atomic():
            meeting_id = self._meeting_of_item(spec, item_id)
            self._db.execute(f"DELETE FROM {spec.table} WHERE id = ?", [item_id])
            return self._refresh_readiness(meeting_id)

    def move_item(self, kind: str, item_id: int, delta: int) -> None:
        """Move an item up (delta < 0) or down within its list, renumbering the list."""
        spec = LISTS[kind]
        with self._store._use(), self._db.atomic():
            (parent_id,) = self._db.execute(
                f"SELECT {spec.parent} FROM {spec.table} WHERE id = ?", [item_id]
            ).fetchone() or (None,)
            if parent_id is None:
                raise StoreError("That item no longer exists.")
            ids = [r["id"] for r in self._items(spec.table, spec.parent, parent_id)]
            index = ids.index(item_id)
            target = max(0, min(len(ids) - 1, index + delta))
            ids.insert(target, ids.pop(index))
            for position, each in enumerate(ids):
                self._db.execute(
                    f"UPDATE {spec.table} SET position = ? WHERE id = ?", [position, each]
                )

    def _values(self, spec: _ListKind, values: dict[str, Any]) -> dict[str, Any]:
        unknown = set(values) - set(spec.columns)
        if unknown:
            raise ValueError(f"unknown {spec.table} columns: {sorted(unknown)}")
        return {name: _to_sql(name, spec.columns[name], value) for name, value in values.items()}

    def _meeting_of(self, spec: _ListKind, parent_id: int) -> int:
        if spec.parent == "meeting_id":
            return parent_id
        row = self._db.execute("SELECT meeting_id FROM problems WHERE id = ?", [parent_id]).fetchone()
        if row is None:
            raise StoreError("That problem no longer exists.")
        return row[0]

    def _meeting_of_item(self, spec: _ListKind, item_id: int) -> int:
        row = self._db.execute(
            f"SELECT {spec.parent} FROM {spec.table} WHERE id = ?", [item_id]
        ).fetchone()
        if row is None:
            raise StoreError("That item no longer exists.")
        return self._meeting_of(spec, row[0])


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


