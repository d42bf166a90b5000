"""Turning domain values into what SQLite stores, with the checks that guard
it, and reading back what is stored, whoever wrote it."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, TypeVar, overload

from prep.domain.models import Unreadable, ValidationError, without_surrogates

Choice = TypeVar("Choice", bound=StrEnum)

# Generous: a pasted email thread must fit and round-trip exactly.
TEXT_MAX = 100_000


def to_sql(name: str, kind: type, value: Any, bounds: tuple[int, int] = (1, 10)) -> Any:
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
        # Undecodable bytes from a command-line argument cannot be stored as
        # UTF-8; each is kept as \ufffd rather than failing the save.
        return without_surrogates(value)
    if kind is bool:
        return int(bool(value))
    if kind is int:
        low, high = bounds
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValidationError(f"Pick a number from {low} to {high}.", name)
        return value
    if kind is date:
        if not isinstance(value, date):
            raise ValidationError(f"{name} must be a date.", name)
        return value.isoformat()
    if kind is frozenset:
        from prep.domain.checklist import Flex  # not loaded before the first screen needs it

        return json.dumps(sorted(Flex(item).value for item in value))
    if issubclass(kind, StrEnum):
        return kind(value).value
    raise TypeError(kind)  # pragma: no cover - a programming error


class RowReader:
    """Reads one row that another program (sqlite3, a script, Datasette) may
    have written to, never failing on a value prep cannot read.

    Such a value reads as None, or as the default given, and is noted in
    `unreadable`, so screens and commands show it marked as it was stored.
    Build the domain object with `unreadable=reader.unreadable` as the last
    argument, after every value has been read.
    """

    def __init__(self, row: Mapping[str, Any]) -> None:
        self._row = row
        self._found: list[Unreadable] = []

    @property
    def unreadable(self) -> tuple[Unreadable, ...]:
        return tuple(self._found)

    def note(self, column: str, what: str) -> None:
        """Mark `column`'s stored value as one prep cannot read as a `what`."""
        self._found.append(Unreadable(column, as_text(self._row[column]), what))

    def text(self, column: str) -> str:
        return as_text(self._row[column])

    def day(self, column: str) -> date | None:
        value = self._row[column]
        if value is None or value == "":
            return None
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            self.note(column, "date")
            return None

    def moment(self, column: str) -> datetime | None:
        """A stored time with its offset; one without an offset is taken as UTC,
        the way prep's own *_at columns are written."""
        value = self._row[column]
        if value is None or value == "":
            return None
        try:
            return _moment(value)
        except (TypeError, ValueError, OverflowError):
            self.note(column, "time")
            return None

    @overload
    def choice(
        self, kind: type[Choice], column: str, default: Choice, what: str | None = None
    ) -> Choice: ...
    @overload
    def choice(
        self, kind: type[Choice], column: str, default: None = None, what: str | None = None
    ) -> Choice | None: ...
    def choice(
        self,
        kind: type[Choice],
        column: str,
        default: Choice | None = None,
        what: str | None = None,
    ) -> Choice | None:
        value = self._row[column]
        if value is None or value == "":
            return default
        try:
            return kind(value)
        except ValueError:
            self.note(column, what or column.replace("_", " "))
            return default

    def number(self, column: str, low: int, high: int) -> int | None:
        value = self._row[column]
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return value
        if value is not None:
            self.note(column, "number")
        return None

    def flag(self, column: str) -> bool:
        return bool(self._row[column]) if self._row[column] in (0, 1, None) else False


def as_text(value: Any) -> str:
    """A text column's value as text: NULL as "", and a number or bytes
    another program stored there as what they read as."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def parse_date(value: Any) -> date | None:
    """A stored ISO date, or None if there is none or it cannot be read."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def parse_moment(value: Any, *, assume_utc: bool = True) -> datetime | None:
    """A stored time, or None if there is none or it cannot be read (nor one
    without an offset, unless `assume_utc`)."""
    if not value:
        return None
    try:
        return _moment(value, assume_utc)
    except (TypeError, ValueError, OverflowError):
        return None


def _moment(value: Any, assume_utc: bool = True) -> datetime:
    # Without an offset, UTC: prep writes its *_at columns in UTC ("...Z").
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        if not assume_utc:
            raise ValueError("no offset")
        moment = moment.replace(tzinfo=UTC)
    moment.astimezone(UTC)  # OverflowError at the ends of the calendar
    return moment


# Where a meeting whose start and creation times are both unreadable is
# placed: long past, so it waits among the meetings to debrief, marked.
_NO_START = datetime(2000, 1, 1, tzinfo=UTC)


def meeting_start(row: Mapping[str, Any], read: RowReader) -> datetime:
    """A meeting row's start: the local time with its offset; else the same
    instant from the UTC column (the two are written together); else, marked
    unreadable, when the meeting was added, so it keeps a place in lists."""
    moment = parse_moment(row["starts_at"], assume_utc=False) or parse_moment(
        row.get("starts_at_utc")
    )
    if moment is None:
        read.note("starts_at", "date")
        moment = parse_moment(row.get("created_at")) or _NO_START
    return moment


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row an INSERT on `cursor` added (SQLite always sets it)."""
    row_id = cursor.lastrowid
    if row_id is None:
        raise RuntimeError("an INSERT left no row id")
    return row_id
