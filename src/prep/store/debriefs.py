"""Reading and writing debriefs, and what carries forward from them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from prep.domain.debrief import (
    ActionItem,
    AskAnswer,
    AskResult,
    DeadlineMove,
    Debrief,
    Owner,
    ProposalOutcome,
    UnplannedAsk,
    UnsaidItem,
)
from prep.domain.models import Meeting, MeetingDraft
from prep.store.errors import StoreError
from prep.store.values import RowReader, to_sql

if TYPE_CHECKING:
    from prep.store.repository import Store

FIELDS: dict[str, tuple[type, tuple[int, int]]] = {
    "outcome": (str, (0, 0)),
    "overall": (int, (1, 5)),
    "temperature": (int, (1, 5)),
    "actual_level": (int, (1, 10)),
    "feedback_asked": (bool, (0, 0)),
    "feedback_keep": (str, (0, 0)),
    "feedback_more": (str, (0, 0)),
    "feedback_help": (str, (0, 0)),
    "coaching_note": (str, (0, 0)),
    "why_differ": (str, (0, 0)),  # why the outcome differs from what was expected (m014)
    "call_notes": (str, (0, 0)),  # typed on the call screen (m012)
}


def unsaid_from_row(row: dict[str, Any]) -> UnsaidItem:
    read = RowReader(row)
    return UnsaidItem(
        id=row["id"],
        meeting_id=row["meeting_id"],
        text=read.text("text"),
        from_ask_id=row["from_ask_id"],
        resolved_at=_done(read, "resolved_at"),
    )


def unplanned_from_row(row: dict[str, Any]) -> UnplannedAsk:
    read = RowReader(row)
    return UnplannedAsk(
        id=row["id"],
        meeting_id=row["meeting_id"],
        text=read.text("text"),
        answer=read.choice(AskAnswer, "answer"),
    )


def action_from_row(row: dict[str, Any]) -> ActionItem:
    read = RowReader(row)
    return ActionItem(
        id=row["id"],
        meeting_id=row["meeting_id"],
        text=read.text("text"),
        owner=read.choice(Owner, "owner", Owner.ME),
        due=read.day("due"),
        done_at=_done(read, "done_at"),
        unreadable=read.unreadable,
    )


def _done(read: RowReader, column: str) -> datetime | None:
    # A tick with a time prep cannot read is still a tick: resolved, or done,
    # at a time unknown (shown as long ago) rather than open again.
    moment = read.moment(column)
    if moment is None and read.text(column):
        return _LONG_AGO
    return moment


_LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)


def move_from_row(row: dict[str, Any], meeting_id: int) -> DeadlineMove:
    read = RowReader(row)
    return DeadlineMove(
        id=row["id"],
        deadline_id=row["deadline_id"],
        meeting_id=meeting_id,
        earliest=read.day("earliest"),
        likely=read.day("likely"),
        latest=read.day("latest"),
        unreadable=read.unreadable,
    )


def ask_result_from_row(row: dict[str, Any]) -> AskResult:
    read = RowReader(row)
    asked = row["asked"]
    return AskResult(
        ask_id=row["id"],
        asked=None if asked not in (0, 1) else bool(asked),
        answer=read.choice(AskAnswer, "answer"),
    )


def outcome_from_row(row: dict[str, Any]) -> tuple[int, ProposalOutcome | None]:
    return row["id"], RowReader(row).choice(ProposalOutcome, "outcome")


class DebriefRepository:
    """Debrief reads and writes for one `Store` (reached as `store.debriefs`)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def _db(self):
        return self._store.db

    # -- reading ---------------------------------------------------------------

    def get(self, meeting_id: int) -> Debrief:
        """The debrief of a meeting; an empty one if none was started."""
        with self._store._use():
            rows = list(
                self._store.query("SELECT * FROM debriefs WHERE meeting_id = ?", [meeting_id])
            )
            asks = self._store.items.rows("asks", meeting_id)
            problems = self._store.items.rows("problems", meeting_id)
            unsaid = self._store.items.rows("unsaid", meeting_id)
            actions = self._store.items.rows("actions", meeting_id)
            unplanned = self._store.items.rows("unplanned", meeting_id)
            moves = list(
                self._store.query(
                    "SELECT * FROM deadline_moves WHERE meeting_id = ? ORDER BY id", [meeting_id]
                )
            )
        if not rows:
            return Debrief(
                meeting_id=meeting_id,
                ask_results=tuple(ask_result_from_row(a) for a in asks),
                unplanned_asks=tuple(unplanned_from_row(u) for u in unplanned),
                proposal_outcomes=tuple(outcome_from_row(p) for p in problems),
                unsaid=tuple(unsaid_from_row(u) for u in unsaid),
                deadline_moves=tuple(move_from_row(m, meeting_id) for m in moves),
                action_items=tuple(action_from_row(a) for a in actions),
            )
        read = RowReader(rows[0])
        return Debrief(
            meeting_id=meeting_id,
            outcome=read.text("outcome"),
            overall=read.number("overall", 1, 5),
            temperature=read.number("temperature", 1, 5),
            actual_level=read.number("actual_level", 1, 10),
            feedback_asked=read.flag("feedback_asked"),
            feedback_keep=read.text("feedback_keep"),
            feedback_more=read.text("feedback_more"),
            feedback_help=read.text("feedback_help"),
            coaching_note=read.text("coaching_note"),
            why_differ=read.text("why_differ"),
            call_notes=read.text("call_notes"),
            ask_results=tuple(ask_result_from_row(a) for a in asks),
            unplanned_asks=tuple(unplanned_from_row(u) for u in unplanned),
            proposal_outcomes=tuple(outcome_from_row(p) for p in problems),
            unsaid=tuple(unsaid_from_row(u) for u in unsaid),
            deadline_moves=tuple(move_from_row(m, meeting_id) for m in moves),
            action_items=tuple(action_from_row(a) for a in actions),
            next_meeting_id=rows[0]["next_meeting_id"],
            started=True,
        )

    def open_items_for(
        self, person_id: int, *, before: Meeting | None = None
    ) -> tuple[list[UnsaidItem], list[ActionItem]]:
        """Unresolved unsaid items and open action items from meetings with this person.

        With `before`, only items from meetings that started earlier than it:
        what carries into that meeting.
        """
        where = "m.person_id = ?"
        params: list[Any] = [person_id]
        if before is not None:
            where += " AND m.starts_at_utc < (SELECT starts_at_utc FROM meetings WHERE id = ?)"
            params.append(before.id)
        with self._store._use():
            unsaid = [
                unsaid_from_row(r)
                for r in self._store.query(
                    f"SELECT u.* FROM unsaid_items u JOIN meetings m ON m.id = u.meeting_id"
                    f" WHERE {where} AND u.resolved_at IS NULL AND trim(u.text) != ''"
                    f" ORDER BY u.id",
                    params,
                )
            ]
            actions = [
                action_from_row(r)
                for r in self._store.query(
                    f"SELECT a.* FROM action_items a JOIN meetings m ON m.id = a.meeting_id"
                    f" WHERE {where} AND a.done_at IS NULL AND trim(a.text) != ''"
                    f" ORDER BY a.due IS NULL, a.due, a.id",
                    params,
                )
            ]
        return unsaid, actions

    def open_action_items(self, limit: int = 200) -> list[tuple[ActionItem, str]]:
        """Every open action item with the person's name, soonest due first."""
        with self._store._use():
            rows = list(
                self._store.query(
                    "SELECT a.*, c.name AS person FROM action_items a"
                    " JOIN meetings m ON m.id = a.meeting_id"
                    " JOIN people c ON c.id = m.person_id"
                    " WHERE a.done_at IS NULL AND trim(a.text) != ''"
                    " ORDER BY a.due IS NULL, a.due, a.id LIMIT ?",
                    [limit],
                )
            )
        return [(action_from_row(r), r["person"]) for r in rows]

    # -- writing ---------------------------------------------------------------

    def ensure(self, meeting_id: int) -> None:
        now = self._store.now_text()
        self._db.execute(
            "INSERT INTO debriefs (meeting_id, created_at, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT (meeting_id) DO NOTHING",
            [meeting_id, now, now],
        )

    def after_change(self, meeting_id: int) -> None:
        """Move the meeting to debriefed when the debrief is complete, back to debriefing if not."""
        from prep.domain.debrief_rules import debrief_done

        # Only the columns the rule reads: this runs after every save, and
        # get() would read the asks, problems, items and moves as well.
        rows = self._store.query(
            "SELECT outcome, temperature, actual_level FROM debriefs WHERE meeting_id = ?",
            [meeting_id],
        )
        done = bool(rows) and debrief_done(Debrief(meeting_id=meeting_id, **rows[0]))
        self._db.execute(
            "UPDATE meetings SET progress = ? WHERE id = ?",
            ["debriefed" if done else "debriefing", meeting_id],
        )

    def set_field(self, meeting_id: int, name: str, value: Any) -> None:
        if name not in FIELDS:
            raise ValueError(f"unknown debrief field {name!r}")
        kind, bounds = FIELDS[name]
        stored = to_sql(name, kind, value, bounds)
        with self._store.writing():
            self.ensure(meeting_id)
            self._db.execute(
                f"UPDATE debriefs SET {name} = ?, updated_at = ? WHERE meeting_id = ?",
                [stored, self._store.now_text(), meeting_id],
            )
            self.after_change(meeting_id)

    def set_ask_result(self, ask_id: int, asked: bool | None, answer: AskAnswer | None) -> None:
        """Record whether a planned ask was made. An ask not asked becomes an
        unsaid item (and stops being one if the answer changes back)."""
        with self._store.writing():
            row = self._db.execute(
                "SELECT meeting_id, text FROM asks WHERE id = ?", [ask_id]
            ).fetchone()
            if row is None:
                raise StoreError("That ask no longer exists.")
            meeting_id, text = row
            self.ensure(meeting_id)
            self._db.execute(
                "UPDATE asks SET asked = ?, answer = ?, updated_at = ? WHERE id = ?",
                [
                    None if asked is None else int(asked),
                    AskAnswer(answer).value if answer and asked else None,
                    self._store.now_text(),
                    ask_id,
                ],
            )
            if asked is False and text.strip():
                exists = self._db.execute(
                    "SELECT 1 FROM unsaid_items WHERE from_ask_id = ?", [ask_id]
                ).fetchone()
                if not exists:
                    item_id = self._store.items.add("unsaid", meeting_id, text=text.strip())
                    self._db.execute(
                        "UPDATE unsaid_items SET from_ask_id = ? WHERE id = ?", [ask_id, item_id]
                    )
            else:
                self._db.execute("DELETE FROM unsaid_items WHERE from_ask_id = ?", [ask_id])
            # An ask made of an unsaid item ("say it this time") resolves the
            # item once asked, and reopens it if that is taken back.
            self._db.execute(
                "UPDATE unsaid_items SET resolved_at = CASE WHEN ? THEN ? END, updated_at = ?"
                " WHERE id = (SELECT from_unsaid_id FROM asks WHERE id = ?)",
                [asked is True, self._store.now_text(), self._store.now_text(), ask_id],
            )
            self.after_change(meeting_id)

    def set_proposal_outcome(self, problem_id: int, outcome: ProposalOutcome | None) -> None:
        with self._store.writing():
            meeting_id = self._store.items.meeting_of_item("problems", problem_id)
            self.ensure(meeting_id)
            self._db.execute(
                "UPDATE problems SET outcome = ?, updated_at = ? WHERE id = ?",
                [
                    ProposalOutcome(outcome).value if outcome else None,
                    self._store.now_text(),
                    problem_id,
                ],
            )

    def set_resolved(self, unsaid_id: int, resolved: bool) -> None:
        with self._store.writing():
            self._db.execute(
                "UPDATE unsaid_items SET resolved_at = ?, updated_at = ? WHERE id = ?",
                [self._store.now_text() if resolved else None, self._store.now_text(), unsaid_id],
            )

    def set_done(self, action_id: int, done: bool) -> None:
        with self._store.writing():
            self._db.execute(
                "UPDATE action_items SET done_at = ?, updated_at = ? WHERE id = ?",
                [self._store.now_text() if done else None, self._store.now_text(), action_id],
            )

    def record_move(
        self,
        deadline_id: int,
        meeting_id: int,
        earliest: date | None,
        likely: date | None,
        latest: date | None,
    ) -> None:
        """The deadline's new range as of this debrief (one per debrief; history kept)."""
        values = [
            to_sql(n, date, v)
            for n, v in (("earliest", earliest), ("likely", likely), ("latest", latest))
        ]
        now = self._store.now_text()
        with self._store.writing():
            self.ensure(meeting_id)
            self._db.execute(
                "INSERT INTO deadline_moves (deadline_id, meeting_id, earliest, likely, latest,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (deadline_id, meeting_id) DO UPDATE SET earliest = excluded.earliest,"
                " likely = excluded.likely, latest = excluded.latest,"
                " updated_at = excluded.updated_at",
                [deadline_id, meeting_id, *values, now, now],
            )

    def clear_move(self, deadline_id: int, meeting_id: int) -> None:
        with self._store.writing():
            self._db.execute(
                "DELETE FROM deadline_moves WHERE deadline_id = ? AND meeting_id = ?",
                [deadline_id, meeting_id],
            )

    def create_next_meeting(self, meeting: Meeting, starts_at: datetime) -> Meeting:
        """Book the next meeting with the same person; open items carry to it."""
        with self._store.writing():
            follow_up = self._store.add_meeting(
                MeetingDraft(
                    title=f"Follow-up: {meeting.title}"[:200],
                    counterpart_name=meeting.counterpart.name,
                    starts_at=starts_at,
                    duration_minutes=meeting.duration_minutes,
                    setting=meeting.setting,
                )
            )
            self.ensure(meeting.id)
            self._db.execute(
                "UPDATE debriefs SET next_meeting_id = ?, updated_at = ? WHERE meeting_id = ?",
                [follow_up.id, self._store.now_text(), meeting.id],
            )
        return follow_up
