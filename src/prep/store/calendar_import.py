"""Calendar events into meetings: matching by identity, and writing, in one place.

The rules of what an event is (time zone, person, identity) live in
prep.domain.calendar_events; this module finds the meeting each event was
imported as before, and adds, moves or cancels meetings. It never touches a
meeting's notes, checklist or debrief once the meeting exists, and never
deletes one: a cancelled or vanished event marks its meeting cancelled.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prep.domain.calendar_events import (
    DEFAULT_MINUTES,
    Attendee,
    CalendarError,
    CalendarEvent,
    CalendarReading,
    Skipped,
    read_calendar,
)
from prep.domain.calendar_summary import FileResult, ImportSummary
from prep.store.timestamps import utc_text
from prep.store.values import inserted_id

if TYPE_CHECKING:
    from prep.store.repository import Store

# Every statement that names the people table or the meeting's link to it.
_PERSON_BY_EMAIL = "SELECT id FROM people WHERE email = ? COLLATE NOCASE"
_PERSON_BY_NAME = "SELECT id, email FROM people WHERE name = ? COLLATE NOCASE"
_SET_EMAIL = "UPDATE people SET email = ?, updated_at = ? WHERE id = ?"
_ADD_PERSON = "INSERT INTO people (name, email, created_at, updated_at) VALUES (?, ?, ?, ?)"
_ADD_MEETING = (
    "INSERT INTO meetings (title, person_id, starts_at, starts_at_utc, duration_minutes,"
    " notes, progress, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'none', ?, ?)"
)
_LINKED = (
    "SELECT l.meeting_id, l.source, m.title, m.starts_at, m.starts_at_utc,"
    " m.duration_minutes, m.cancelled_at FROM calendar_links l"
    " JOIN meetings m ON m.id = l.meeting_id WHERE l.uid = ? AND l.recurrence_id = ?"
)
_LINKED_IN_WINDOW = (
    "SELECT l.meeting_id, l.source, m.title, m.starts_at FROM calendar_links l"
    " JOIN meetings m ON m.id = l.meeting_id"
    " WHERE m.cancelled_at IS NULL AND m.starts_at_utc >= ? AND m.starts_at_utc < ?"
)


class _DryRun(Exception):
    """Raised inside the transaction of a dry run, so everything rolls back."""


def import_reading(
    store: Store,
    reading: CalendarReading,
    *,
    source: str,
    start: datetime,
    end: datetime,
    dry_run: bool = False,
) -> ImportSummary:
    """Bring one file's events into the database, in one transaction.

    A dry run does the same work and rolls it back, so its counts are the
    real import's. Events of `source` imported before, inside the window and
    gone from it now, are cancelled (not for standard input or invitations,
    which are not a whole calendar).
    """
    summary = ImportSummary(all_day=reading.all_day, free=reading.free, alone=reading.alone)
    summary.skipped += reading.skipped
    try:
        with store.writing():
            writer = _Writer(store, summary, source)
            writer.apply(reading.events)
            if reading.whole_calendar and source != "-":
                _cancel_where(
                    store,
                    summary,
                    start,
                    end,
                    lambda row: row["source"] == source and row["meeting_id"] not in writer.seen,
                )
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return summary


def cancel_vanished_files(
    store: Store,
    folder: str,
    present: set[str],
    *,
    start: datetime,
    end: datetime,
    dry_run: bool = False,
) -> ImportSummary:
    """Cancel meetings imported from a file of `folder` that is no longer
    there (vdirsyncer deletes an event's file when the event goes)."""
    prefix = folder.rstrip("/\\") + ("\\" if "\\" in folder and "/" not in folder else "/")
    summary = ImportSummary()
    try:
        with store.writing():
            _cancel_where(
                store,
                summary,
                start,
                end,
                lambda row: row["source"].startswith(prefix) and row["source"] not in present,
            )
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return summary


def _cancel_where(
    store: Store,
    summary: ImportSummary,
    start: datetime,
    end: datetime,
    chosen: Callable[[dict[str, Any]], bool],
) -> None:
    now = store.now_text()
    for row in store.query(_LINKED_IN_WINDOW, [utc_text(start), utc_text(end)]):
        if chosen(row):
            store.db.execute(
                "UPDATE meetings SET cancelled_at = ?, updated_at = ? WHERE id = ?",
                [now, now, row["meeting_id"]],
            )
            summary.cancelled.append(
                _label(row["title"], row["starts_at"], "gone from the calendar")
            )


def _label(title: str, starts_at: str, why: str = "") -> str:
    return f"“{title}” {_when(starts_at)}" + (f" ({why})" if why else "")


def _when(starts_at: str) -> str:
    """A stored start as a summary shows it: local date and time."""
    return starts_at[:16].replace("T", " ")


class _Writer:
    """Adds, moves and cancels the meetings of one file's events."""

    def __init__(self, store: Store, summary: ImportSummary, source: str) -> None:
        self.store = store
        self.summary = summary
        self.source = source
        self.now = store.now_text()
        self.seen: set[int] = set()
        """The meetings this file still has: the rest of its window has vanished."""

    def apply(self, events: list[CalendarEvent]) -> None:
        for event in events:
            rows = self.store.query(_LINKED, [event.uid, event.recurrence_id])
            if rows:
                self.seen.add(rows[0]["meeting_id"])
                self._update(rows[0], event)
            elif event.cancelled:
                self.summary.skipped.append(
                    Skipped(event.label, "cancelled in the calendar before it was imported")
                )
            else:
                self._add(event)

    def _add(self, event: CalendarEvent) -> None:
        db = self.store.db
        person_id = self._person(event.person)
        cursor = db.execute(
            _ADD_MEETING,
            [
                event.title,
                person_id,
                event.starts_at.isoformat(timespec="minutes"),
                utc_text(event.starts_at),
                event.duration_minutes,
                event.notes(),
                self.now,
                self.now,
            ],
        )
        meeting_id = inserted_id(cursor)
        db.execute(
            "INSERT INTO calendar_links (meeting_id, uid, recurrence_id, source, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?)",
            [meeting_id, event.uid, event.recurrence_id, self.source, self.now, self.now],
        )
        self.seen.add(meeting_id)
        self.summary.added.append(event.label)

    def _update(self, row: dict[str, Any], event: CalendarEvent) -> None:
        db = self.store.db
        meeting_id = row["meeting_id"]
        if row["source"] != self.source:
            db.execute(
                "UPDATE calendar_links SET source = ?, updated_at = ? WHERE meeting_id = ?",
                [self.source, self.now, meeting_id],
            )
        was_cancelled = row["cancelled_at"] is not None
        if event.cancelled:
            if was_cancelled:
                self.summary.unchanged += 1
                return
            db.execute(
                "UPDATE meetings SET cancelled_at = ?, updated_at = ? WHERE id = ?",
                [self.now, self.now, meeting_id],
            )
            self.summary.cancelled.append(f"{event.label} (cancelled in the calendar)")
            return
        starts_at = event.starts_at.isoformat(timespec="minutes")
        changes = []
        if row["title"] != event.title:
            changes.append(f"was “{row['title']}”")
        if row["starts_at_utc"] != utc_text(event.starts_at):
            changes.append(f"was {_when(row['starts_at'])}")
        if row["duration_minutes"] != event.duration_minutes:
            changes.append(f"was {row['duration_minutes']} min")
        if was_cancelled:
            changes.append("no longer cancelled")
        if not changes and row["starts_at"] == starts_at:
            self.summary.unchanged += 1
            return
        # Title, time and length follow the calendar; notes, checklist and
        # debrief are the person's and stay as they are.
        db.execute(
            "UPDATE meetings SET title = ?, starts_at = ?, starts_at_utc = ?,"
            " duration_minutes = ?, cancelled_at = NULL, updated_at = ? WHERE id = ?",
            [
                event.title,
                starts_at,
                utc_text(event.starts_at),
                event.duration_minutes,
                self.now,
                meeting_id,
            ],
        )
        if changes:
            self.summary.updated.append(f"{event.label} ({'; '.join(changes)})")
        else:
            self.summary.unchanged += 1  # the same instant, written in today's zone

    def _person(self, who: Attendee) -> int:
        """The person by email first, then by name; added if new."""
        db = self.store.db
        if who.email:
            rows = self.store.query(_PERSON_BY_EMAIL, [who.email])
            if rows:
                return rows[0]["id"]
        rows = self.store.query(_PERSON_BY_NAME, [who.name])
        if rows:
            if who.email and not rows[0]["email"]:
                db.execute(_SET_EMAIL, [who.email, self.now, rows[0]["id"]])
            return rows[0]["id"]
        cursor = db.execute(_ADD_PERSON, [who.name, who.email or None, self.now, self.now])
        self.summary.people_added += 1
        return inserted_id(cursor)


def import_paths(
    store: Store,
    paths: list[str],
    *,
    start: datetime,
    end: datetime,
    me: frozenset[str] = frozenset(),
    default_minutes: int = DEFAULT_MINUTES,
    dry_run: bool = False,
    read_stdin: Callable[[], bytes] | None = None,
) -> list[FileResult]:
    """Import each PATH: an .ics file, "-" (standard input) or a folder of .ics
    files as vdirsyncer keeps them. A file that cannot be read is refused with
    its reason and the others go on; each file is its own transaction."""

    def one(source: str, data: bytes) -> ImportSummary:
        reading = read_calendar(
            data,
            start=start,
            end=end,
            zone=store.clock.now().tzinfo or UTC,
            me=me,
            default_minutes=default_minutes,
        )
        return import_reading(store, reading, source=source, start=start, end=end, dry_run=dry_run)

    results = []
    for given in paths:
        if given == "-":
            try:
                data = read_stdin() if read_stdin else b""
                results.append(FileResult("standard input", one("-", data)))
            except CalendarError as error:
                results.append(FileResult("standard input", refused=str(error)))
            continue
        path = Path(given).expanduser()
        if path.is_dir():
            results.append(_import_folder(store, path, one, start, end, dry_run))
            continue
        try:
            results.append(FileResult(given, one(str(path.resolve()), path.read_bytes())))
        except OSError as error:
            results.append(FileResult(given, refused=_os_reason(error)))
        except CalendarError as error:
            results.append(FileResult(given, refused=str(error)))
    return results


def _import_folder(
    store: Store,
    folder: Path,
    one: Callable[[str, bytes], ImportSummary],
    start: datetime,
    end: datetime,
    dry_run: bool,
) -> FileResult:
    """Every .ics under `folder` (vdirsyncer: one event a file, a folder per
    calendar), told as one result; then the meetings whose file has gone."""
    summary = ImportSummary()
    files = sorted(
        f
        for f in folder.resolve().rglob("*.ics")
        if f.is_file()
        and not any(part.startswith(".") for part in f.relative_to(folder.resolve()).parts)
    )
    for file in files:
        try:
            summary.absorb(one(str(file), file.read_bytes()))
        except OSError as error:
            summary.skipped.append(Skipped(file.name, _os_reason(error)))
        except CalendarError as error:
            summary.skipped.append(Skipped(file.name, str(error)))
    gone = cancel_vanished_files(
        store, str(folder.resolve()), {str(f) for f in files}, start=start, end=end, dry_run=dry_run
    )
    summary.absorb(gone)
    return FileResult(f"{folder} ({len(files)} files)", summary)


def _os_reason(error: OSError) -> str:
    return error.strerror or str(error)
