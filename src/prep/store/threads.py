"""Reading what is still open with a person, and settling it, in one place.

The rules live in prep.domain.open_threads; this module only fetches the
rows they read (a handful of queries per person, whatever the screen) and
writes the changes that settle a thread.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from prep.domain.debrief import CoachingOutcome
from prep.domain.models import Meeting
from prep.domain.open_threads import (
    CoachingNote,
    OpenThread,
    PersonRecord,
    Source,
    ThreadKind,
    coaching_to_settle,
    open_threads,
)
from prep.store.checklists import ask_from_row, deadline_from_row, problem_from_row
from prep.store.debriefs import (
    action_from_row,
    ask_result_from_row,
    move_from_row,
    outcome_from_row,
    unsaid_from_row,
)
from prep.store.errors import StoreError
from prep.store.values import RowReader, meeting_start

if TYPE_CHECKING:
    from prep.store.repository import Store

# Rows of one table for every meeting with one person (`?` is the person).
_OF_PERSON = (
    "SELECT x.* FROM {table} x JOIN meetings m ON m.id = x.meeting_id WHERE m.person_id = ?"
)


class ThreadRepository:
    """Open threads for one `Store` (reached as `store.threads`)."""

    # The records of the last people read, kept until the file changes: the
    # agenda's detail reads a person's record, then the checklist, call
    # screen or debrief opened from it read the same rows again (about 25
    # ms for a person met 200 times on the 5k file; bench_screens).
    KEPT = 8

    def __init__(self, store: Store) -> None:
        self._store = store
        self._kept: dict[int, PersonRecord] = {}
        self._kept_at: tuple[int, int] | None = None  # Store.changes() when read

    def record(self, person_id: int) -> PersonRecord:
        """Everything with this person that threads are made of, as the file
        has it now (kept from an earlier call if nothing has changed since)."""
        with self._store._use():
            changes = self._store.changes()
            if changes != self._kept_at:
                self._kept.clear()
                self._kept_at = changes
            record = self._kept.pop(person_id, None) or self._read(person_id)
            self._kept[person_id] = record  # the newest last
            while len(self._kept) > self.KEPT:
                del self._kept[next(iter(self._kept))]
            return record

    def _read(self, person_id: int) -> PersonRecord:
        store = self._store
        with store._use():
            # Only what a thread names of its meeting: building whole Meetings
            # for a person met 700 times was half of this read on the 5k file.
            meetings = store.query(
                "SELECT id, title, starts_at, starts_at_utc, created_at FROM meetings"
                " WHERE person_id = ? ORDER BY starts_at_utc, id",
                [person_id],
            )

            def rows(table: str, order: str = "x.position, x.id") -> list[dict[str, Any]]:
                return store.query(
                    _OF_PERSON.format(table=table) + f" ORDER BY {order}", [person_id]
                )

            asks = rows("asks")
            deadlines = rows("deadlines")
            problems = rows("problems")
            solutions: dict[int, list[dict[str, Any]]] = defaultdict(list)
            for s in store.query(
                "SELECT s.* FROM solutions s JOIN problems x ON x.id = s.problem_id"
                " JOIN meetings m ON m.id = x.meeting_id WHERE m.person_id = ?"
                " ORDER BY s.position, s.id",
                [person_id],
            ):
                solutions[s["problem_id"]].append(s)
            moves = store.query(
                "SELECT mv.* FROM deadline_moves mv JOIN deadlines x ON x.id = mv.deadline_id"
                " JOIN meetings m ON m.id = x.meeting_id"
                " JOIN meetings m2 ON m2.id = mv.meeting_id"
                " WHERE m.person_id = ? ORDER BY m2.starts_at_utc, mv.id",
                [person_id],
            )
            debriefs = rows("debriefs", "x.meeting_id")
            unsaid = rows("unsaid_items", "x.id")
            actions = rows("action_items", "x.id")
        latest_move = {mv["deadline_id"]: mv for mv in moves}  # the newest wins
        return PersonRecord(
            meetings=tuple(
                Source(m["id"], RowReader(m).text("title"), meeting_start(m, RowReader(m)))
                for m in meetings
            ),
            unsaid=tuple(unsaid_from_row(r) for r in unsaid),
            actions=tuple(action_from_row(r) for r in actions),
            asks=tuple((r["meeting_id"], ask_from_row(r), ask_result_from_row(r)) for r in asks),
            deadlines=tuple(
                (
                    r["meeting_id"],
                    deadline_from_row(r),
                    move_from_row(latest_move[r["id"]], latest_move[r["id"]]["meeting_id"])
                    if r["id"] in latest_move
                    else None,
                )
                for r in deadlines
            ),
            problems=tuple(
                (r["meeting_id"], problem_from_row(r, solutions[r["id"]]), outcome_from_row(r)[1])
                for r in problems
            ),
            coaching=tuple(
                CoachingNote(
                    r["meeting_id"],
                    str(r["coaching_note"] or ""),
                    r["coaching_tried_in"] is not None,
                    r["coaching_tried_in"],
                    RowReader(r).choice(CoachingOutcome, "coaching_outcome"),
                )
                for r in debriefs
            ),
            unsaid_asked_for=frozenset(
                r["from_unsaid_id"] for r in asks if r["from_unsaid_id"] is not None
            ),
        )

    def open_before(self, meeting: Meeting, today: date) -> tuple[OpenThread, ...]:
        """What carries into `meeting`: threads from earlier meetings with its person."""
        return open_threads(self.record(meeting.counterpart.id), today, before=meeting.id)

    def for_debrief(
        self, meeting: Meeting, today: date
    ) -> tuple[tuple[OpenThread, ...], CoachingNote | None]:
        """What a debrief of `meeting` shows from earlier meetings: the open
        threads, and the coaching-up note it asks about (one read of the record)."""
        record = self.record(meeting.counterpart.id)
        return open_threads(record, today, before=meeting.id), coaching_to_settle(
            record, meeting.id
        )

    def open_with(self, person_id: int, now: datetime) -> tuple[OpenThread, ...]:
        """Everything still open with this person from the meetings held so far
        (a plan for a meeting still to come has raised nothing yet)."""
        record = self.record(person_id)
        upcoming = next((m.meeting_id for m in record.meetings if m.starts_at > now), None)
        return open_threads(record, now.date(), before=upcoming)

    # -- settling and carrying -------------------------------------------------

    def copy_into(self, meeting_id: int, threads: tuple[OpenThread, ...]) -> int:
        """Copy the asks, deadlines and problems for help among `threads` into
        a meeting's plan (which settles them where they were raised). Returns
        how many were copied."""
        checklists = self._store.checklists
        copied = 0
        with self._store.writing():
            for t in threads:
                if t.ask is not None:
                    checklists.add_item("asks", meeting_id, text=t.ask.text, by_when=t.ask.by_when)
                elif t.deadline is not None:
                    d = t.deadline
                    checklists.add_item(
                        "deadlines",
                        meeting_id,
                        label=d.label,
                        earliest=d.earliest,
                        likely=d.likely,
                        latest=d.latest,
                        confidence=d.confidence,
                        flexible=d.flexible,
                    )
                elif t.problem is not None:
                    p = t.problem
                    problem_id = checklists.add_item(
                        "problems", meeting_id, text=p.text, need=p.need, ask_for_help=True
                    )
                    for solution in p.solutions:
                        checklists.add_item("solutions", problem_id, text=solution.text)
                else:
                    continue
                copied += 1
        return copied

    def say_it(self, meeting_id: int, unsaid_id: int) -> int:
        """ "Say it this time": an ask in this meeting made of an unsaid item;
        asking it resolves the item (see DebriefRepository.set_ask_result)."""
        with self._store.writing():
            row = self._store.db.execute(
                "SELECT text FROM unsaid_items WHERE id = ?", [unsaid_id]
            ).fetchone()
            if row is None:
                raise StoreError("That unsaid item no longer exists.")
            ask_id = self._store.checklists.add_item("asks", meeting_id, text=row[0].strip())
            self._store.db.execute(
                "UPDATE asks SET from_unsaid_id = ? WHERE id = ?", [unsaid_id, ask_id]
            )
        return ask_id

    def resolve(self, thread: OpenThread) -> bool:
        """Settle a thread that can be ticked (unsaid, action); False for the
        others, which are settled by carrying them or in a debrief."""
        if thread.kind is ThreadKind.UNSAID:
            self._store.debriefs.set_resolved(thread.item_id, True)
        elif thread.kind is ThreadKind.ACTION:
            self._store.debriefs.set_done(thread.item_id, True)
        else:
            return False
        return True

    def set_coaching_tried(
        self, note_meeting_id: int, tried_in: int | None, outcome: CoachingOutcome | None
    ) -> None:
        """Mark the coaching-up note of `note_meeting_id`'s debrief tried in
        meeting `tried_in` (None: not tried), with how it went."""
        with self._store.writing():
            self._store.db.execute(
                "UPDATE debriefs SET coaching_tried_in = ?, coaching_outcome = ?, updated_at = ?"
                " WHERE meeting_id = ?",
                [
                    tried_in,
                    CoachingOutcome(outcome).value if outcome and tried_in else None,
                    self._store.now_text(),
                    note_meeting_id,
                ],
            )
