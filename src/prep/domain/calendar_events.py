"""Calendar events (.ics) read into plain meetings-to-be: the rules of `prep import`.

icalendar parses, recurring-ical-events expands repeats; both are imported
inside `read_calendar`, so nothing else in prep pays for them. The store
matches what comes out of here against the database (prep.store.calendar_import).

Identity: an event is its UID; one occurrence of a series is its UID and its
original start in UTC (its RECURRENCE-ID), which stays the same when that
occurrence is moved, so a moved occurrence updates the meeting it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from prep.domain.models import DURATION_MAX_MINUTES, TITLE_MAX, clean_line

# The default window of `prep import`: recent meetings still wanting a
# debrief, and the two months a calendar is usually planned ahead.
DAYS_BACK, DAYS_AHEAD = 14, 60
DEFAULT_MINUTES = 30
# A calendar file bigger than this is refused rather than parsed: years of a
# busy calendar are a few MB; this is not one.
MAX_FILE_BYTES = 20 * 1024 * 1024
# Invitations (iTIP: REQUEST, CANCEL, ...) carry a few events, not a whole
# calendar: events missing from one have not vanished.
WHOLE_CALENDAR_METHODS = {"", "PUBLISH"}
UNTITLED = "(no title)"


class CalendarError(ValueError):
    """A whole file that cannot be read as a calendar; `str()` says why, in one line."""


@dataclass(frozen=True, slots=True)
class Attendee:
    """Someone on the event. `name` is their display name, else their address."""

    email: str
    name: str

    @property
    def label(self) -> str:
        return (
            f"{self.name} <{self.email}>" if self.email and self.name != self.email else self.name
        )


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    """One meeting as the calendar describes it, in the person's local zone."""

    uid: str
    recurrence_id: str  # '' for a single event; else the original start, UTC text
    title: str
    starts_at: datetime
    duration_minutes: int
    person: Attendee
    others: tuple[Attendee, ...] = ()
    cancelled: bool = False

    @property
    def label(self) -> str:
        """How a message names the event: its title and local start."""
        return f"“{self.title}” {self.starts_at:%Y-%m-%d %H:%M}"

    def notes(self) -> str:
        """The agenda notes a new meeting starts with: who else is invited."""
        if not self.others:
            return ""
        return "Also invited: " + ", ".join(a.label for a in self.others)


@dataclass(frozen=True, slots=True)
class Skipped:
    """An event left out, and why (one line, naming the event)."""

    event: str
    reason: str

    def __str__(self) -> str:
        return f"{self.event}: {self.reason}"


@dataclass(slots=True)
class CalendarReading:
    """What one calendar file holds inside the window."""

    events: list[CalendarEvent] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    all_day: int = 0
    free: int = 0  # marked free / transparent
    alone: int = 0  # no one but you on it: no person to meet
    # False for an invitation: events it lacks have not left the calendar.
    whole_calendar: bool = True

    def skip(self, event: str, reason: str) -> None:
        """Note an event left out; each occurrence of a series once only."""
        entry = Skipped(event, reason)
        if entry not in self.skipped:
            self.skipped.append(entry)


def default_window(now: datetime) -> tuple[datetime, datetime]:
    return now - timedelta(days=DAYS_BACK), now + timedelta(days=DAYS_AHEAD)


def utc_key(moment: datetime) -> str:
    """An instant as identity text: fixed width UTC."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def read_calendar(
    data: bytes,
    *,
    start: datetime,
    end: datetime,
    zone: tzinfo,
    me: frozenset[str] = frozenset(),
    default_minutes: int = DEFAULT_MINUTES,
) -> CalendarReading:
    """The events of an .ics file that start in [start, end), or CalendarError.

    `zone` is the person's own: floating times are read in it and every start
    is given in it. `me` holds your email addresses (any case), so you are
    never the person a meeting is with.
    """
    if len(data) > MAX_FILE_BYTES:
        raise CalendarError(
            f"it is {len(data) // (1024 * 1024)} MB; prep reads calendar files of up to "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB"
        )
    calendars = _parse(data)
    reading = CalendarReading()
    mine = frozenset(address.casefold() for address in me)
    for calendar in calendars:
        method = str(calendar.get("METHOD", "")).upper()
        if method not in WHOLE_CALENDAR_METHODS:
            reading.whole_calendar = False
        for series in _series(calendar, reading):
            _expand(series, reading, start, end, zone, mine, default_minutes, method)
    return reading


def _parse(data: bytes) -> list[Any]:
    import icalendar

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # old Outlook exports; better than refusing
    if "BEGIN:VCALENDAR" not in text.upper():
        raise CalendarError("it is not an iCalendar file (no BEGIN:VCALENDAR)")
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except (ValueError, KeyError, IndexError) as error:
        raise CalendarError(
            f"it is not a readable iCalendar file ({_first_line(error)})"
        ) from error
    found = [c for c in calendars if c.name == "VCALENDAR"]
    if not found:
        raise CalendarError("it is not an iCalendar file (no VCALENDAR)")
    return found


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return clean_line(lines[0])[:160] if lines else type(error).__name__


def _series(calendar: Any, reading: CalendarReading) -> list[Any]:
    """One small calendar per UID (its events and the file's time zones), so a
    broken event is skipped alone: recurring-ical-events fails the whole
    calendar for one event without a start."""
    import icalendar
    import x_wr_timezone

    try:
        # Google's X-WR-TIMEZONE: times written as UTC or floating that mean
        # that zone's wall time.
        calendar = x_wr_timezone.to_standard(calendar)
    except Exception as error:  # the library's own repair; a file it chokes on
        reading.skip("X-WR-TIMEZONE", f"not applied ({_first_line(error)})")
    zones = [c for c in calendar.subcomponents if c.name == "VTIMEZONE"]
    by_uid: dict[str, list[Any]] = {}
    for event in calendar.subcomponents:
        if event.name != "VEVENT":
            continue
        problem = _problem_of(event)
        if problem:
            reading.skip(_name_of(event), problem)
            continue
        by_uid.setdefault(str(event["UID"]), []).append(event)
    out = []
    for events in by_uid.values():
        small = icalendar.Calendar()
        for key in ("VERSION", "PRODID", "METHOD"):
            if key in calendar:
                small[key] = calendar[key]
        small.subcomponents.extend([*zones, *events])
        out.append(small)
    return out


def _problem_of(event: Any) -> str | None:
    """Why an event cannot be imported as it stands, or None."""
    if not str(event.get("UID", "")).strip():
        return "it has no UID, so a later import could not find it again"
    errors = getattr(event, "errors", None)
    if errors:
        where, message = errors[0]
        line = clean_line(str(message)).split(": Invalid content line")[0][:120]
        return f"a broken line ({where}: {line})" if where else f"a broken line ({line})"
    if "DTSTART" not in event:
        return "it has no start (DTSTART)"
    try:
        _ = event["DTSTART"].dt
    except Exception as error:  # icalendar's BrokenCalendarProperty and kin
        return f"its start cannot be read ({_first_line(error)})"
    return None


def _name_of(event: Any) -> str:
    summary = clean_line(str(event.get("SUMMARY", ""))) or UNTITLED
    uid = clean_line(str(event.get("UID", "")))
    return f"“{summary}”" + (f" (UID {uid[:60]})" if uid else " (no UID)")


def _expand(
    calendar: Any,
    reading: CalendarReading,
    start: datetime,
    end: datetime,
    zone: tzinfo,
    me: frozenset[str],
    default_minutes: int,
    method: str,
) -> None:
    import recurring_ical_events

    events = [c for c in calendar.subcomponents if c.name == "VEVENT"]
    first = events[0]
    in_series = any("RRULE" in e or "RDATE" in e or "RECURRENCE-ID" in e for e in events)
    try:
        occurrences = list(recurring_ical_events.of(calendar).between(start, end))
    except Exception as error:  # a rule the library cannot expand: this event alone
        reading.skip(_name_of(first), f"its repeat cannot be read ({_first_line(error)})")
        return
    for occurrence in occurrences:
        try:
            _read_occurrence(occurrence, reading, zone, me, default_minutes, method, in_series)
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            reading.skip(_name_of(occurrence), _first_line(error))


def _read_occurrence(
    occurrence: Any,
    reading: CalendarReading,
    zone: tzinfo,
    me: frozenset[str],
    default_minutes: int,
    method: str,
    in_series: bool,
) -> None:
    begins = occurrence["DTSTART"].dt
    if not isinstance(begins, datetime):
        reading.all_day += 1
        return
    if str(occurrence.get("TRANSP", "")).upper() == "TRANSPARENT":
        reading.free += 1
        return
    starts_at = _local(begins, zone)
    people = _people(occurrence, me)
    if not people:
        reading.alone += 1
        return
    minutes = _minutes(occurrence, begins, default_minutes)
    if minutes > DURATION_MAX_MINUTES:
        reading.skip(_name_of(occurrence), "it lasts more than a day")
        return
    recurrence_id = ""
    if in_series:
        original = occurrence.get("RECURRENCE-ID")
        moment = original.dt if original is not None else begins
        if not isinstance(moment, datetime):
            moment = datetime(moment.year, moment.month, moment.day)
        recurrence_id = utc_key(_local(moment, zone))
    status = str(occurrence.get("STATUS", "")).upper()
    reading.events.append(
        CalendarEvent(
            uid=str(occurrence["UID"]),
            recurrence_id=recurrence_id,
            title=_title(occurrence),
            starts_at=starts_at,
            duration_minutes=minutes,
            person=people[0],
            others=tuple(people[1:]),
            cancelled=status == "CANCELLED" or method == "CANCEL",
        )
    )


def _local(moment: datetime, zone: tzinfo) -> datetime:
    """A start in the person's zone; a floating time is their wall time."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone)
    return moment.astimezone(zone)


def _minutes(occurrence: Any, begins: datetime, default: int) -> int:
    ends = occurrence.get("DTEND")
    if ends is not None and isinstance(ends.dt, datetime):
        length = ends.dt - begins if (ends.dt.tzinfo is None) == (begins.tzinfo is None) else None
    elif occurrence.get("DURATION") is not None:
        length = occurrence["DURATION"].dt
    else:
        length = None
    if not isinstance(length, timedelta) or length <= timedelta(0):
        return default
    return max(1, round(length.total_seconds() / 60))


def _title(occurrence: Any) -> str:
    title = clean_line(str(occurrence.get("SUMMARY", ""))) or UNTITLED
    if len(title) > TITLE_MAX:
        title = title[: TITLE_MAX - 1].rstrip() + "…"
    return title


def _people(occurrence: Any, me: frozenset[str]) -> list[Attendee]:
    """The organiser (unless that is you), then the other attendees; rooms,
    resources and you left out, each address once."""
    found: list[Attendee] = []
    seen: set[str] = set()
    candidates = []
    organiser = occurrence.get("ORGANIZER")
    if organiser is not None:
        candidates.append(organiser)
    attendees = occurrence.get("ATTENDEE", [])
    candidates.extend(attendees if isinstance(attendees, list) else [attendees])
    for entry in candidates:
        params = getattr(entry, "params", {})
        if str(params.get("CUTYPE", "INDIVIDUAL")).upper() in {"ROOM", "RESOURCE"}:
            continue
        email = _address(str(entry))
        name = clean_line(str(params.get("CN", ""))).strip("\"' ")
        key = (email or name).casefold()
        if not key or key in seen or (email and email.casefold() in me):
            continue
        seen.add(key)
        found.append(Attendee(email=email, name=name or email))
    return found


def _address(value: str) -> str:
    value = value.strip()
    if value.lower().startswith("mailto:"):
        value = value[len("mailto:") :]
    value = clean_line(value)
    return value if "@" in value else ""


def window_text(start: date, end: date) -> str:
    """The window as a summary names it (the month by name: never in doubt)."""
    return f"{start.day} {start:%b %Y} to {end.day} {end:%b %Y}"
