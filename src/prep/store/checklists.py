"""Reading and writing pre-meeting checklists, one field or list item at a time.

Fine-grained writes keep every keystroke-sized save small, keep item ids
stable (the debrief refers to asks and problems by id), and mean two copies
of prep editing different fields never overwrite each other.
"""

from __future__ import annotations

import json
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
    is_prepared,
)
from prep.domain.models import Progress
from prep.domain.readiness import done_with_hedges, steps_done
from prep.store.values import RowReader, as_text, to_sql

if TYPE_CHECKING:
    from prep.store.repository import Store

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
# The checklist's "position" (where the person stands relative to you) is
# `standing` in the file, where `position` elsewhere means the order on screen.
COLUMNS: dict[str, str] = {"position": "standing"}


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
            rows = list(
                self._store.query("SELECT * FROM checklists WHERE meeting_id = ?", [meeting_id])
            )
            if not rows:
                return Checklist(meeting_id=meeting_id)
            row = rows[0]
            asks = tuple(ask_from_row(r) for r in self._store.items.rows("asks", meeting_id))
            deadlines = tuple(
                deadline_from_row(r) for r in self._store.items.rows("deadlines", meeting_id)
            )
            problems = tuple(
                problem_from_row(r, self._store.items.rows("solutions", r["id"]))
                for r in self._store.items.rows("problems", meeting_id)
            )
        read = RowReader(row)
        return Checklist(
            meeting_id=meeting_id,
            position=read.choice(Position, "standing"),
            holding_back=read.text("holding_back"),
            holding_back_nothing=read.flag("holding_back_nothing"),
            holding_back_reason=read.choice(HoldBackReason, "holding_back_reason"),
            asks=asks,
            no_asks=read.flag("no_asks"),
            they_expect=read.text("they_expect"),
            i_expect=read.text("i_expect"),
            deadlines=deadlines,
            premortem=read.text("premortem"),
            planned_level=read.number("planned_level", 1, 10),
            pushback_line=read.text("pushback_line"),
            problems=problems,
            nothing_to_raise=read.flag("nothing_to_raise"),
            off_their_plate=read.text("off_their_plate"),
            edited_after_start=read.flag("edited_after_start"),
            started=True,
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
        marks = ", ".join("?" for _ in ids)
        with self._store._use():
            planned = {
                row["meeting_id"]: row["planned_level"]
                for row in self._store.query(
                    f"SELECT meeting_id, planned_level FROM checklists WHERE meeting_id IN ({marks})",
                    ids,
                )
            }
            actual = {
                row["meeting_id"]: row["actual_level"]
                for row in self._store.query(
                    f"SELECT meeting_id, actual_level FROM debriefs WHERE meeting_id IN ({marks})",
                    ids,
                )
            }
        return [(m, planned.get(m.id), actual.get(m.id)) for m in earlier]

    # -- writing fields ----------------------------------------------------------

    def set_field(self, meeting_id: int, name: str, value: Any) -> int:
        """Save one field; returns the checklist's steps done afterwards."""
        if name not in FIELDS:
            raise ValueError(f"unknown checklist field {name!r}")
        stored = to_sql(name, FIELDS[name], value)
        with self._store.writing():
            self.ensure(meeting_id)
            self._db.execute(
                f"UPDATE checklists SET {COLUMNS.get(name, name)} = ?, updated_at = ?"
                " WHERE meeting_id = ?",
                [stored, self._store.now_text(), meeting_id],
            )
            return self.after_change(meeting_id)

    def mark_edited_after_start(self, meeting_id: int) -> None:
        with self._store.writing():
            self.ensure(meeting_id)
            self._db.execute(
                "UPDATE checklists SET edited_after_start = 1, updated_at = ? WHERE meeting_id = ?",
                [self._store.now_text(), meeting_id],
            )

    def ensure(self, meeting_id: int) -> None:
        """Create the meeting's checklist row if it has none (list items hang off it)."""
        now = self._store.now_text()
        self._db.execute(
            "INSERT INTO checklists (meeting_id, created_at, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT (meeting_id) DO NOTHING",
            [meeting_id, now, now],
        )

    def after_change(self, meeting_id: int) -> int:
        """Recount steps done and move the meeting between planned and prepared."""
        checklist = self.get(meeting_id)
        done = steps_done(checklist)
        self._db.execute(
            "UPDATE checklists SET steps_done = ?, asks_hedged = ? WHERE meeting_id = ?",
            [done, int(done_with_hedges(checklist)), meeting_id],
        )
        progress = Progress.PREPARED if is_prepared(done) else Progress.NONE
        self._db.execute(
            "UPDATE meetings SET progress = ? WHERE id = ? AND progress IN ('none', 'prepared')",
            [progress.value, meeting_id],
        )
        return done

    # -- list items (delegated to store.items, kept here for readable call sites) --

    def add_item(self, kind: str, parent_id: int, **values: Any) -> int:
        return self._store.items.add(kind, parent_id, **values)

    def update_item(self, kind: str, item_id: int, **values: Any) -> None:
        self._store.items.update(kind, item_id, **values)

    def delete_item(self, kind: str, item_id: int) -> None:
        self._store.items.delete(kind, item_id)

    def move_item(self, kind: str, item_id: int, delta: int) -> None:
        self._store.items.move(kind, item_id, delta)


# Rows as another program may have left them: a value prep cannot read is
# empty here and marked where the item is shown (see RowReader).


def ask_from_row(row: dict[str, Any]) -> Ask:
    read = RowReader(row)
    return Ask(
        id=row["id"],
        text=read.text("text"),
        by_when=read.day("by_when"),
        unreadable=read.unreadable,
    )


def deadline_from_row(row: dict[str, Any]) -> Deadline:
    read = RowReader(row)
    return Deadline(
        id=row["id"],
        label=read.text("label"),
        earliest=read.day("earliest"),
        likely=read.day("likely"),
        latest=read.day("latest"),
        confidence=read.choice(Confidence, "confidence"),
        flexible=_flexible(read.text("flexible")),
        unreadable=read.unreadable,
    )


def _flexible(text: str) -> frozenset[Flex]:
    """A JSON array (since m008); comma-separated text another program wrote also reads."""
    known = {f.value for f in Flex}
    try:
        values = json.loads(text)
    except ValueError:
        values = text.split(",")
    if not isinstance(values, list):
        return frozenset()
    return frozenset(Flex(f) for f in values if f in known)


def problem_from_row(row: dict[str, Any], solutions: list[dict[str, Any]]) -> Problem:
    read = RowReader(row)
    return Problem(
        id=row["id"],
        text=read.text("text"),
        solutions=tuple(Solution(id=s["id"], text=as_text(s["text"])) for s in solutions),
        need=read.choice(Need, "need"),
        ask_for_help=read.flag("ask_for_help"),
    )
