"""Reading and writing meeting times the way people type and say them.

`parse_when` turns what someone types into the "when" field into an aware
datetime in the zone of `now`. Case, extra spaces and a leading "at"/"on"
don't matter. It accepts:

- "now", and offsets: "in 2h", "in 90 min", "in 3 days", "in 1 week",
  "in 1h 30m", "in an hour", and their past forms "2 days ago".
- Day words, alone or with a time either side: "today", "tonight" (19:00),
  "tomorrow"/"tmrw"/"tmr", "day after tomorrow", "yesterday";
  "tomorrow 3pm", "tomorrow at 15:30", "today 9", "3pm tomorrow".
- Weekdays: "fri", "friday 10:30", "this friday 2pm", "next fri 10am".
  A bare weekday is the next such day after today, so "mon" typed on a
  Monday is next Monday. "this mon" is the next Monday from today on (today
  included). "next tue" is the Tuesday of next week, weeks running Monday
  to Sunday (or from the first day of the week the settings name): typed
  on a Monday it is 8 days away, not tomorrow; typed on a Wednesday it is
  6 days away, the same day as "tue".
- A time alone means today: "3pm", "3:30 pm", "15:00", "at 5", "noon",
  "midday", "midnight" (the end of today, so 00:00 tomorrow), "morning"
  (09:00), "afternoon" (14:00), "evening" (19:00).
- An hour without am/pm is read as calendar apps read it: 1-7 is the
  afternoon ("at 3", "tomorrow 3:30" are 15:00, 15:30), 8-11 the morning,
  12 noon; 0:00-0:59, 13-23 and zero-padded hours ("07:30") are a 24-hour
  clock. `read_when` says which reading it chose, for the hint.
- Dates, read by dateutil, day first unless the settings say month first
  (`DateConventions`): "24/11 9am", "24 nov 3pm", "2026-11-24 15:00",
  "2026-11-24T15:00+01:00", "15:00 UTC". "12/1" is 12 January day-first
  and 1 December month-first. A number that cannot be a month is refused
  with the form the order wants ("12/31" asks for "31/12" day-first, "13/1"
  for "1/13" month-first), never quietly read in the other order: a typo
  would pass unnoticed. Year-first dates are always year-month-day.
  A date without a time is at 09:00. A date without a year is its first
  occurrence from 180 days ago on, so "3/1" typed in late November is next
  January, while last week's "24/11" stays this year.

Anything it can't use raises `WhenError`, whose text is a short sentence to
show under the input field. `parse_duration` does the same for meeting
lengths. The `format_*` functions and `relative` turn datetimes back into
short text for the agenda, and `describe_reading` into the hint that shows
what was understood, month by name ("Tue 1 Dec 15:00").

Only the parsing path imports dateutil, and only when first called: the
agenda imports this module for its formatting functions and should start
fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import NamedTuple

__all__ = [
    "DAY_FIRST",
    "DateConventions",
    "Reading",
    "WhenError",
    "describe_reading",
    "format_day_time",
    "format_duration",
    "format_when",
    "parse_duration",
    "parse_when",
    "read_when",
    "relative",
]


class WhenError(ValueError):
    """A date, time or duration prep can't use.

    str(err) is a short, friendly, one-line message shown under the input field.
    """


class UnreadableWhen(WhenError):
    """Text that reads as no date or time at all (not a date that is wrong).

    `shown` is the text as quoted in the message, so a caller that asks for
    a date only can say so with the same quote.
    """

    def __init__(self, message: str, shown: str) -> None:
        super().__init__(message)
        self.shown = shown


@dataclass(frozen=True)
class Reading:
    """What `read_when` understood.

    `note` names a choice made for the person where the text allowed two
    readings ("afternoon; write 3am for the morning"), so the hint can say
    it; empty when the text was plain.
    """

    moment: datetime
    note: str = ""


@dataclass(frozen=True)
class DateConventions:
    """How the person writes dates, from their settings.

    `month_first` reads "12/1" as 1 December rather than 12 January;
    `week_start` (0 Monday .. 6 Sunday) is where "next tue" counts weeks from.
    """

    month_first: bool = False
    week_start: int = 0

    @property
    def order_name(self) -> str:
        return "month-first" if self.month_first else "day-first"


DAY_FIRST = DateConventions()


# -- Limits and defaults ------------------------------------------------------

# Anything longer is a mis-paste, and refusing it early keeps the regexes
# and dateutil away from huge inputs.
MAX_INPUT_CHARS = 100
EARLIEST_YEAR = 1970
LATEST_YEAR = 2100
# A day named without a time ("tomorrow", "fri", "24/11") is at this hour.
DEFAULT_HOUR = 9
TONIGHT_HOUR = 19
# An hour typed without am/pm, from 1 up to this one, is in the afternoon
# ("at 3" is 15:00), as calendar apps read it: few meetings start at 3 am.
# From here to 11 it stays in the morning.
LAST_AFTERNOON_HOUR = 7
# A year-less date this many days back is still read as this year's.
YEARLESS_LOOKBACK_DAYS = 180
# "in N ..." may reach this far: five years, counting up to two leap days.
MAX_OFFSET = timedelta(days=5 * 365 + 2)
MAX_DURATION_MINUTES = 24 * 60
_MAX_ZONE_OFFSET_SECONDS = 14 * 60 * 60

_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAY_NAMES = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)

# -- Messages -----------------------------------------------------------------

_EMPTY_WHEN = "Say when the meeting is, e.g. 'tomorrow 3pm'."
_TOO_LONG = "That's too long to be a date."
_AMBIGUOUS_NUMBER = (
    "'{text}' is ambiguous on its own. Add am/pm or a date, e.g. '3pm', '15:00' or '24/11'."
)
_CANT_READ_WHEN = (
    "Can't read '{text}' as a time. Try 'tomorrow 3pm', 'fri 10:30' or '2026-11-24 15:00'."
)
_NOT_A_TIME = "{clock} is not a time of day."
# How an hour without am/pm was read (see _hour_without_meridiem).
_READ_AS_AFTERNOON = "afternoon; write {clock}am for the morning"
_READ_AS_MORNING = "morning; write {clock}pm for the evening"
_NOT_A_MONTH = "{typed}: {month} is not a month — dates are {order} ({swapped})."
_BAD_YEAR = f"Pick a year between {EARLIEST_YEAR} and {LATEST_YEAR}."
_OFFSET_BACKWARDS = "Count forwards after 'in', e.g. 'in 2h' (or say '2h ago')."
_OFFSET_TOO_FAR = "That's more than 5 years away."
_MISSING_IN = "Did you mean 'in {text}'?"
_POSIX_OFFSET = "Write the offset as +01:00 or -05:00 rather than after UTC or GMT."

_EMPTY_DURATION = "Say how long, e.g. 30 or 1h30."
_CANT_READ_DURATION = "Can't read '{text}' as a duration. Try 30, 45m or 1h30."
_DURATION_RANGE = "Duration must be between 1 minute and 24 hours."


def _quote(text: str, limit: int = 30) -> str:
    """The user's own text, cut short and made safe to show on one line."""
    shown = "".join(ch if ch.isprintable() else "?" for ch in text[: limit + 1])
    if len(text) > limit:
        shown = shown[: limit - 1].rstrip() + "…"
    return shown


def _cant_read(original: str) -> WhenError:
    shown = _quote(original)
    return UnreadableWhen(_CANT_READ_WHEN.format(text=shown), shown)


# -- Vocabulary ---------------------------------------------------------------

_WEEKDAYS = {
    "mon": 0,
    "monday": 0,
    "tue": 1,
    "tues": 1,
    "tuesday": 1,
    "wed": 2,
    "weds": 2,
    "wednesday": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "thursday": 3,
    "fri": 4,
    "friday": 4,
    "sat": 5,
    "saturday": 5,
    "sun": 6,
    "sunday": 6,
}
# Days from today.
_DAY_WORDS = {
    "today": 0,
    "tonight": 0,
    "tomorrow": 1,
    "tmrw": 1,
    "tmr": 1,
    "day after tomorrow": 2,
    "the day after tomorrow": 2,
    "yesterday": -1,
}
# (hour, minute, days later). Midnight closes the day it is attached to.
_NAMED_TIMES = {
    "noon": (12, 0, 0),
    "midday": (12, 0, 0),
    "midnight": (0, 0, 1),
    "morning": (DEFAULT_HOUR, 0, 0),
    "afternoon": (14, 0, 0),
    "evening": (TONIGHT_HOUR, 0, 0),
}
_MONTH_WORDS = {
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
}
# Every word dateutil may see. Its parser quietly skips or reinterprets
# words it half-knows ("h", "m", "and", zone-like capitals), so anything
# outside this list is refused before it gets there: "5 h" must not become
# 05:00 and "tomorrow banana" must not become a date.
_DATEUTIL_WORDS = (
    _MONTH_WORDS
    | set(_WEEKDAYS)
    | {"am", "pm", "t", "z", "utc", "gmt", "at", "on", "of", "the", "st", "nd", "rd", "th"}
)

_MINUTES_PER_UNIT = {
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), 1),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), 60),
    **dict.fromkeys(("d", "day", "days"), 24 * 60),
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks"), 7 * 24 * 60),
}


class _Regex:
    """A pattern compiled, with re.ASCII, on first use.

    Compiling them all at import costs milliseconds on every start of the
    app, though only the "when" and duration fields ever parse.
    """

    __slots__ = ("_compiled", "_source")

    def __init__(self, source: str) -> None:
        self._source = source
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str):  # fullmatch, sub, finditer, ...
        if self._compiled is None:
            self._compiled = re.compile(self._source, re.ASCII)
        return getattr(self._compiled, name)


def _alternation(words) -> str:
    # Longest first: alternation takes the first branch that fits, and
    # "minutes" must not be read as "m" followed by junk.
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_UNIT = rf"(?:{_alternation(_MINUTES_PER_UNIT)})(?![a-z])"
# "2h", "2 h", "1.5 days", "an hour" ("am" is not "a m(inute)").
_TERM = rf"(?:\d+(?:\.\d+)? ?|an? ){_UNIT}"
_TERM_RE = _Regex(rf"(?:(?P<number>\d+(?:\.\d+)?) ?|an? )(?P<unit>{_UNIT})")
# Several terms may follow each other: "1h 30m", "1 day and 2 hours".
_TERMS = rf"{_TERM}(?: ?(?:and )?{_TERM})*"
_OFFSET_AHEAD_RE = _Regex(rf"in ?(?P<terms>{_TERMS})")
_OFFSET_BEHIND_RE = _Regex(rf"(?P<terms>{_TERMS}) ago")
_BARE_OFFSET_RE = _Regex(_TERMS)
# "in 1h30", as parse_duration allows: the trailing number is minutes.
_HOURS_THEN_BARE_MINUTES_RE = _Regex(r"(\d ?(?:hours|hour|hrs|hr|h) ?)(\d{1,2})$")
_NEGATIVE_OFFSET_RE = _Regex(r"in ?-")

_DAY = (
    rf"(?P<word>{_alternation(_DAY_WORDS)})"
    rf"|(?:(?P<which>this|next) )?(?P<weekday>{_alternation(_WEEKDAYS)})"
)
_DAY_THEN_CLOCK_RE = _Regex(rf"(?:{_DAY})(?: (?:at )?(?P<clock>.+))?")
_CLOCK_THEN_DAY_RE = _Regex(rf"(?P<clock>.+?) (?:on )?(?:{_DAY})")

_CLOCK_RE = _Regex(r"(?P<hour>\d{1,2})(?:(?P<sep>[:.])(?P<minute>\d{2}))? ?(?P<meridiem>am|pm)?")
# A 12-hour time inside a longer text, checked before dateutil sees it
# because dateutil reads "13pm" as 13:00 and "3.30pm" as 15:00.
_MERIDIEM_CLOCK_RE = _Regex(
    r"(?<![\d:.])(?P<hour>\d{1,2})(?:(?P<sep>[:.])(?P<minute>\d{2}))?"
    r" ?(?P<meridiem>am|pm)(?![a-z])"
)
# "24.11" and "24.11.2026": dateutil would read only the day.
_DOTTED_DATE_RE = _Regex(r"(?<![\d:.])(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2}))?(?![\d:.])")
# "24/11", "24-11-2026": checked before dateutil sees them, because
# dateutil quietly reads "12/31" month first when 31 cannot be a month.
_NUMERIC_DATE_RE = _Regex(
    r"(?<![\d:./+-])(?P<first>\d{1,2})(?P<sep>[/-])(?P<second>\d{1,2})"
    r"(?:(?P=sep)(?P<year>\d{4}|\d{2}))?(?![\d:./-])"
)
# Hours without am/pm inside a longer text, rewritten as 24-hour clocks
# before dateutil reads them (it takes 1-7 as the morning, and a bare "3"
# after a date as the year 2003). Not after "t" (ISO "T03:30") or a sign
# (the zone "+01:00").
_NOT_MERIDIEM = r"(?! ?(?:am|pm)(?![a-z]))"
_BARE_CLOCK_RE = _Regex(
    r"(?<![\d:.t+-])(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::\d{2})?(?![\d:])" + _NOT_MERIDIEM
)
# "at 3", "24/11 3": an hour alone, after "at" or a numeric date.
_BARE_HOUR_RE = _Regex(
    r"(?:(?<![a-z])at |(?<=\d[/-]\d) |(?<=\d[/-]\d\d) |(?<=\d[/-]\d{4}) )"
    r"(?P<hour>\d{1,2})(?![\d:./])" + _NOT_MERIDIEM
)
# "UTC+1" means UTC-1 to dateutil (POSIX sign rules), so refuse it.
_POSIX_OFFSET_RE = _Regex(r"(?<![a-z])(?:utc|gmt) ?[+-]")
_ZONE_WORD_RE = _Regex(r"(?<![a-z])(utc|gmt)(?![a-z])")
_THE_RE = _Regex(r"(?<![a-z])the (?=\d)")
_YEAR_FIRST_RE = _Regex(r"\d{4}[-/]")
_ALLOWED_CHARS_RE = _Regex(r"[a-z0-9 :/.,+\-]*")
_DIGITS_RE = _Regex(r"\d+")
_WORD_RE = _Regex(r"[a-z]+")
# Blank characters a paste may carry. Other control characters are not
# blank: they are refused.
_BLANKS_RE = _Regex(r"[ \t\r\n\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_MERIDIEM_DOTS_RE = _Regex(r"(?<![a-z])([ap])\.m\.?(?![a-z])")
_LEADING_AT_ON_RE = _Regex(r"(?:(?:at|on) )+")


# -- parse_when ----------------------------------------------------------------


def parse_when(text: str, now: datetime, conventions: DateConventions = DAY_FIRST) -> datetime:
    """When a meeting is, from what someone typed, in `now`'s zone.

    The result is aware, on a whole minute, and in `now.tzinfo`; past
    times are allowed (people log meetings to debrief them). Raises only
    `WhenError`, whatever the text.
    """
    return read_when(text, now, conventions).moment


def read_when(text: str, now: datetime, conventions: DateConventions = DAY_FIRST) -> Reading:
    """`parse_when`, with a note of any choice made between two readings."""
    if now.tzinfo is None:
        # A programming error, not a typing one; it must never reach users.
        raise ValueError("parse_when needs a timezone-aware now")
    if not isinstance(text, str):
        raise WhenError(_EMPTY_WHEN)
    original = text.strip()
    if not original:
        raise WhenError(_EMPTY_WHEN)
    if len(original) > MAX_INPUT_CHARS:
        raise WhenError(_TOO_LONG)

    spoken = _normalise(original)
    if spoken is None:
        raise _cant_read(original)
    # A leading "at" makes a bare number an hour: "at 5" is a time, "5" alone
    # could as well be the 5th.
    lead = _LEADING_AT_ON_RE.match(spoken)
    said_at = lead is not None and "at" in lead[0].split()
    if lead is not None:
        spoken = spoken[lead.end() :]

    result, note = _read_when(spoken, original, now, conventions, said_at=said_at)
    if not EARLIEST_YEAR <= result.year <= LATEST_YEAR:
        raise WhenError(_BAD_YEAR)
    return Reading(result.replace(second=0, microsecond=0), note)


def _normalise(text: str) -> str | None:
    """Lower-case, single-spaced text, or None if it has characters no date uses."""
    text = _BLANKS_RE.sub(" ", text).lower()
    text = _MERIDIEM_DOTS_RE.sub(r"\1m", text)  # "3 p.m." -> "3 pm"
    if not _ALLOWED_CHARS_RE.fullmatch(text):
        return None
    return text


def _read_when(
    spoken: str, original: str, now: datetime, conventions: DateConventions, *, said_at: bool
) -> tuple[datetime, str]:
    if spoken == "now":
        return now, ""

    offset_text = _HOURS_THEN_BARE_MINUTES_RE.sub(r"\1\2m", spoken)
    offset = _read_offset(offset_text, now)
    if offset is not None:
        return offset, ""

    if _DIGITS_RE.fullmatch(spoken) and not said_at:
        raise WhenError(_AMBIGUOUS_NUMBER.format(text=_quote(original)))
    if _BARE_OFFSET_RE.fullmatch(offset_text):
        raise WhenError(_MISSING_IN.format(text=_quote(original)))

    clock = _read_clock(spoken, bare_hour=said_at)
    if clock is not None:
        day = now.date() + timedelta(days=clock.days_later)
        return _at_wall_time(day, clock.hour, clock.minute, now), clock.note
    if _DIGITS_RE.fullmatch(spoken):
        raise WhenError(_AMBIGUOUS_NUMBER.format(text=_quote(original)))

    named_day = _read_named_day(spoken, now, conventions.week_start)
    if named_day is not None:
        return named_day

    absolute = _read_absolute(spoken, now, conventions.month_first)
    if absolute is not None:
        return absolute

    raise _cant_read(original)


def _at_wall_time(day: date, hour: int, minute: int, now: datetime) -> datetime:
    """That clock time on that day in now's zone.

    Built from wall-clock values and only then given the zone, so
    "tomorrow 9am" is 09:00 local even when the clocks change tonight. A
    time the clocks skip (01:30 on a spring-forward night) moves on by the
    jump, to the time a wall clock would then show.
    """
    from dateutil.tz import resolve_imaginary

    naive = datetime(day.year, day.month, day.day, hour, minute)
    return resolve_imaginary(naive.replace(tzinfo=now.tzinfo))


def _read_offset(spoken: str, now: datetime) -> datetime | None:
    """ "in 2h", "in 1 day 3 hours", "3 days ago"; None if not an offset."""
    if _NEGATIVE_OFFSET_RE.match(spoken):
        raise WhenError(_OFFSET_BACKWARDS)
    match = _OFFSET_AHEAD_RE.fullmatch(spoken)
    direction = 1
    if match is None:
        match = _OFFSET_BEHIND_RE.fullmatch(spoken)
        direction = -1
    if match is None:
        return None

    days = 0.0
    minutes = 0.0
    for term in _TERM_RE.finditer(match["terms"]):
        amount = 1.0 if term["number"] is None else float(term["number"])
        per_unit = _MINUTES_PER_UNIT[term["unit"]]
        if per_unit >= 24 * 60:
            days += amount * per_unit / (24 * 60)
        else:
            minutes += amount * per_unit
    # Checked before any timedelta is built: "in 99999999999 weeks" would
    # overflow it.
    if days + minutes / (24 * 60) > MAX_OFFSET.days:
        raise WhenError(_OFFSET_TOO_FAR)

    moved = now
    if days:
        # Whole days keep the wall-clock time: "in 3 days" from 14:00 is 14:00
        # even across a clock change.
        wall = now.replace(tzinfo=None) + direction * timedelta(days=days)
        moved = _at_wall_time(wall.date(), wall.hour, wall.minute, now)
    if minutes:
        # Hours and minutes are elapsed time: "in 2h" is two real hours on,
        # whatever the wall clock does in between.
        utc = moved.astimezone(UTC) + direction * timedelta(minutes=minutes)
        moved = utc.astimezone(now.tzinfo)
    return moved


class _Clock(NamedTuple):
    """A time of day as read, and how an hour without am/pm was taken."""

    hour: int
    minute: int
    days_later: int = 0
    note: str = ""


def _read_clock(text: str, *, bare_hour: bool, evening: bool = False) -> _Clock | None:
    """The time of day in `text`; None if `text` isn't one.

    Raises WhenError for something clock-shaped that no clock shows
    ("25:00", "13pm"). A bare hour ("9") is a time only where `bare_hour`
    says the context makes it one, such as after "tomorrow" or "at".
    `evening` reads a bare 1-11 o'clock as pm, as in "tonight 8".
    """
    if text in _NAMED_TIMES:
        return _Clock(*_NAMED_TIMES[text])
    match = _CLOCK_RE.fullmatch(text)
    if match is None:
        return None
    hour = int(match["hour"])
    minute = int(match["minute"] or 0)
    meridiem = match["meridiem"]
    if match["sep"] == "." and meridiem is None:
        return None  # "15.30" could as well be a date; leave it to the date reader
    if match["sep"] is None and meridiem is None and not bare_hour:
        return None

    if meridiem is not None:
        if not 1 <= hour <= 12 or minute > 59:
            raise WhenError(_NOT_A_TIME.format(clock=text))
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
        return _Clock(hour, minute)
    if hour > 23 or minute > 59:
        raise WhenError(_NOT_A_TIME.format(clock=f"{hour}:{minute:02d}"))
    if evening and 1 <= hour <= 11:
        return _Clock(hour + 12, minute)
    return _hour_without_meridiem(match["hour"], minute)


def _hour_without_meridiem(typed_hour: str, minute: int) -> _Clock:
    """The time for an hour typed without am/pm, with a note of the reading.

    The one home of the rule: 1 to LAST_AFTERNOON_HOUR is the afternoon,
    up to 11 the morning, each with a note saying so; 0, 12 to 23, and a
    zero-padded hour ("07:30") are a 24-hour clock, taken as they are.
    """
    hour = int(typed_hour)
    if typed_hour.startswith("0") or not 1 <= hour <= 11:
        return _Clock(hour, minute)
    clock = f"{hour}:{minute:02d}" if minute else str(hour)
    if hour <= LAST_AFTERNOON_HOUR:
        return _Clock(hour + 12, minute, note=_READ_AS_AFTERNOON.format(clock=clock))
    return _Clock(hour, minute, note=_READ_AS_MORNING.format(clock=clock))


def _read_named_day(spoken: str, now: datetime, week_start: int) -> tuple[datetime, str] | None:
    """ "tomorrow 3pm", "next fri", "10:30 on friday"; None if no day word
    starts or ends the text, or what goes with it is not a time.
    """
    match = _DAY_THEN_CLOCK_RE.fullmatch(spoken) or _CLOCK_THEN_DAY_RE.fullmatch(spoken)
    if match is None:
        return None
    word = match["word"]
    evening = word == "tonight"

    if match["clock"] is None:
        clock = _Clock(TONIGHT_HOUR if evening else DEFAULT_HOUR, 0)
    else:
        read = _read_clock(match["clock"], bare_hour=True, evening=evening)
        if read is None:
            # Maybe a date follows the weekday ("fri 24/11"): the date reader
            # takes it, or nobody does.
            return None
        clock = read

    today = now.date()
    if word is not None:
        days_ahead = _DAY_WORDS[word]
    else:
        days_ahead = _days_to_weekday(
            _WEEKDAYS[match["weekday"]], match["which"], today, week_start
        )
    day = today + timedelta(days=days_ahead + clock.days_later)
    return _at_wall_time(day, clock.hour, clock.minute, now), clock.note


def _days_to_weekday(weekday: int, which: str | None, today: date, week_start: int = 0) -> int:
    """Days from today to the weekday named, the one home of the rule.

    "fri" is the next Friday after today, a week on if today is Friday;
    "this fri" counts today too; "next fri" is the Friday of next week,
    weeks running from `week_start` (Monday to Sunday by default, so "next
    tue" on a Monday is 8 days on).
    """
    if which == "next":
        # Positions within a week that begins on week_start.
        return 7 - (today.weekday() - week_start) % 7 + (weekday - week_start) % 7
    days_ahead = (weekday - today.weekday()) % 7
    if which == "this":
        return days_ahead
    return days_ahead or 7


def _read_absolute(spoken: str, now: datetime, month_first: bool) -> tuple[datetime, str] | None:
    """A calendar date, perhaps with a time and zone, read by dateutil.

    None if the text is not shaped like one, so the caller can say it
    can't read it.
    """
    if not any(ch.isdigit() for ch in spoken):
        return None
    words = _WORD_RE.findall(spoken)
    if any(word not in _DATEUTIL_WORDS for word in words):
        return None
    if _POSIX_OFFSET_RE.search(spoken):
        raise WhenError(_POSIX_OFFSET)
    clocks = list(_MERIDIEM_CLOCK_RE.finditer(spoken))
    if len(clocks) > 1 or words.count("am") + words.count("pm") > len(clocks):
        return None  # "3pm 4pm", "pm 24/11": which did they mean?
    for clock in clocks:
        _read_clock(clock[0], bare_hour=False)  # raises for "13pm", "3:75pm"

    text = _MERIDIEM_CLOCK_RE.sub(
        lambda m: f"{m['hour']}:{m['minute'] or '00'}{m['meridiem']}", spoken
    )
    dotted = list(_DOTTED_DATE_RE.finditer(text))
    if any(int(m[2]) > 12 for m in dotted):
        return None  # "15.30" is no day.month; as a time it would need am/pm
    text = _DOTTED_DATE_RE.sub(
        lambda m: "/".join(part for part in m.groups() if part is not None), text
    )
    for numeric in _NUMERIC_DATE_RE.finditer(text):
        _check_numeric_date(numeric, month_first)
    text, note = _rewrite_bare_hours(text)
    text = _THE_RE.sub("", text)
    # dateutil recognises zone names only in capitals.
    text = _ZONE_WORD_RE.sub(lambda m: m[1].upper(), text)

    # ISO-style year-first dates are month-before-day; everything else is
    # in the person's order. dayfirst=True would turn 2026-11-05 into 11 May.
    year_first = _YEAR_FIRST_RE.match(text) is not None
    order = (not month_first and not year_first, year_first)

    # Parse twice with defaults in two different leap years: if the year
    # comes out as the default both times, the text gave none. (Leap years
    # so a year-less "29/2" parses; the real year is chosen below.)
    first = _dateutil_parse(text, _default_in(1904, now), *order)
    second = _dateutil_parse(text, _default_in(1908, now), *order)
    if first is None or second is None:
        return None
    year_given = first.year == second.year

    if year_given:
        if not EARLIEST_YEAR <= first.year <= LATEST_YEAR:
            raise WhenError(_BAD_YEAR)
        parsed = first
    else:
        parsed = first.replace(year=_year_for(first.month, first.day, now.date()))

    _check_weekday(words, parsed)

    if parsed.tzinfo is not None:
        return parsed.astimezone(now.tzinfo), note
    return _at_wall_time(parsed.date(), parsed.hour, parsed.minute, now), note


def _check_numeric_date(numeric: re.Match[str], month_first: bool) -> None:
    """Refuse a numeric date that only reads in the other order, such as
    "12/31" day-first or "13/1" month-first.

    dateutil would quietly swap day and month when the month cannot be one,
    so that "12/31" became 31 December while "12/11" stays 12 November.
    """
    first, second = int(numeric["first"]), int(numeric["second"])
    day, month = (second, first) if month_first else (first, second)
    if month > 12 and 1 <= day <= 12 and _is_date(2000, day, month):
        sep, year = numeric["sep"], numeric["year"]
        swapped = f"{second}{sep}{first}" + (f"{sep}{year}" if year else "")
        order = "month-first" if month_first else "day-first"
        raise WhenError(
            _NOT_A_MONTH.format(typed=numeric[0], month=month, order=order, swapped=swapped)
        )
    if not 1 <= month <= 12:
        raise WhenError(f"There is no month {month}.")
    year = int(numeric["year"]) if numeric["year"] and len(numeric["year"]) == 4 else None
    # 2000 is a leap year, so a year-less 29 February is left to _year_for.
    if not _is_date(year or 2000, month, day):
        in_year = f" {year}" if year is not None else ""
        raise WhenError(f"There is no {day} {_MONTH_NAMES[month - 1]}{in_year}.")


def _rewrite_bare_hours(text: str) -> tuple[str, str]:
    """Hours without am/pm written as 24-hour clocks, for dateutil, and the note
    saying how the last of them was read ("24/11 3" -> "24/11 15:00")."""
    notes: list[str] = []

    def rewrite(match: re.Match[str]) -> str:
        minute = int(match.groupdict().get("minute") or 0)
        hour = int(match["hour"])
        if hour > 23 or minute > 59:
            raise WhenError(_NOT_A_TIME.format(clock=f"{hour}:{minute:02d}"))
        clock = _hour_without_meridiem(match["hour"], minute)
        if clock.note:
            notes.append(clock.note)
        prefix = match[0][: match.start("hour") - match.start()]
        return f"{prefix}{clock.hour:02d}:{clock.minute:02d}"

    text = _BARE_CLOCK_RE.sub(rewrite, text)
    text = _BARE_HOUR_RE.sub(rewrite, text)
    return text, notes[-1] if notes else ""


def _default_in(year: int, now: datetime) -> datetime:
    """What dateutil fills in for parts the text leaves out: today, 09:00."""
    return datetime(year, now.month, now.day, DEFAULT_HOUR, 0)


def _dateutil_parse(
    text: str, default: datetime, day_first: bool, year_first: bool
) -> datetime | None:
    """dateutil's reading of text, or None if it has none.

    Raises WhenError when the text names something specific that doesn't
    exist, such as 31 February.
    """
    from dateutil import parser as date_parser

    try:
        return date_parser.parse(
            text,
            default=default,
            dayfirst=day_first,
            yearfirst=year_first,
            tzinfos=_zone_named,
        )
    except Exception:
        # Broad on purpose: besides ParserError/ValueError/OverflowError,
        # dateutil has leaked IndexError and TypeError on odd input, and the
        # promise is that only WhenError ever leaves parse_when.
        specific = _explain_unreadable_date(text, day_first, year_first)
        if specific is not None:
            raise specific from None
        return None


def _zone_named(name: str | None, offset: int | None) -> tzinfo | None:
    """dateutil's zone lookup, kept to UTC and explicit offsets.

    Left to itself, dateutil maps names found in the machine's own zone
    (e.g. "GMT" on a British laptop) to the local zone, so results would
    depend on where the tests run.
    """
    from dateutil import tz

    if name in ("UTC", "GMT", "Z") or offset == 0:
        return tz.UTC
    if offset is not None:
        # Real zones span -12:00..+14:00. dateutil also reads a stray "-24"
        # as an offset, which no datetime accepts; the ValueError lands in
        # _dateutil_parse and becomes "can't read".
        if abs(offset) > _MAX_ZONE_OFFSET_SECONDS:
            raise ValueError(f"no zone is {offset} seconds from UTC")
        return tz.tzoffset(None, offset)
    return None


def _explain_unreadable_date(text: str, day_first: bool, year_first: bool) -> WhenError | None:
    """A specific message for a date dateutil refused, if there is one."""
    try:
        from dateutil import parser as date_parser

        # Private, but only used to word the message; any surprise falls
        # back to the generic one.
        found, _ = date_parser.parser()._parse(  # type: ignore[attr-defined]  # private, see above
            text, dayfirst=day_first, yearfirst=year_first
        )
    except Exception:
        found = None
    if found is None:
        return None

    year, month, day = found.year, found.month, found.day
    hour, minute = found.hour, found.minute
    if year is not None and not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return WhenError(_BAD_YEAR)
    if month is not None and not 1 <= month <= 12:
        return WhenError(f"There is no month {month}.")
    if month is not None and day is not None:
        # 2000 is a leap year, so a year-less 29 February is not refused here.
        if not _is_date(year or 2000, month, day):
            in_year = f" {year}" if year is not None else ""
            return WhenError(f"There is no {day} {_MONTH_NAMES[month - 1]}{in_year}.")
    if hour is not None and (hour > 23 or (minute or 0) > 59):
        return WhenError(_NOT_A_TIME.format(clock=f"{hour}:{minute or 0:02d}"))
    return None


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except (ValueError, OverflowError):
        return False
    return True


def _year_for(month: int, day: int, today: date) -> int:
    """The year for a date typed without one.

    Its first occurrence from YEARLESS_LOOKBACK_DAYS ago onwards: recent
    dates stay in the past (for debriefs), older ones move to next year,
    and across New Year a date from last December still means last
    December.
    """
    earliest = today - timedelta(days=YEARLESS_LOOKBACK_DAYS)
    for year in (today.year - 1, today.year, today.year + 1):
        if _is_date(year, month, day) and date(year, month, day) >= earliest:
            return year
    # Only 29 February gets here, in a stretch with no leap day. Name the
    # year the person most likely meant.
    for year in (today.year - 1, today.year, today.year + 1):
        if date(year, month, 28) >= earliest:
            raise WhenError(f"There is no {day} {_MONTH_NAMES[month - 1]} {year}.")
    raise WhenError(f"There is no {day} {_MONTH_NAMES[month - 1]}.")


def _check_weekday(words: list[str], parsed: datetime) -> None:
    """Refuse "fri 24/11" when 24/11 is not a Friday; dateutil ignores the clash."""
    for word in words:
        weekday = _WEEKDAYS.get(word)
        if weekday is not None and weekday != parsed.weekday():
            raise WhenError(
                f"{parsed.day} {_MONTH_NAMES[parsed.month - 1][:3]} {parsed.year} "
                f"is a {_WEEKDAY_NAMES[parsed.weekday()]}, not a {_WEEKDAY_NAMES[weekday]}."
            )


# -- parse_duration ------------------------------------------------------------

_MINUTE_UNITS = r"(?:minutes|minute|mins|min|m)"
_HOUR_UNITS = r"(?:hours|hour|hrs|hr|h)"
_DURATION_RE = _Regex(
    r"(?P<plain>\d+)"
    r"|(?P<colon_hours>\d+):(?P<colon_minutes>\d{2})"
    rf"|(?P<hours>\d+(?:\.\d+)?|\.\d+) ?{_HOUR_UNITS}"
    rf"(?: ?(?:and )?(?P<extra_minutes>\d+) ?{_MINUTE_UNITS}?)?"
    rf"|(?P<minutes>\d+) ?{_MINUTE_UNITS}"
)


def parse_duration(text: str) -> int:
    """A meeting's length in whole minutes.

    Accepts "30" (minutes), "45m", "45 min", "1h", "1h30", "1h 30m", "1:30",
    "90 minutes", "1.5h", "2 hours". Fractions of an hour are rounded to
    the nearest minute. Raises WhenError outside 1 minute .. 24 hours.
    """
    if not isinstance(text, str) or not text.strip():
        raise WhenError(_EMPTY_DURATION)
    original = text.strip()
    cant_read = WhenError(_CANT_READ_DURATION.format(text=_quote(original)))
    if len(original) > MAX_INPUT_CHARS:
        raise cant_read
    match = _DURATION_RE.fullmatch(_BLANKS_RE.sub(" ", original).lower())
    if match is None:
        raise cant_read

    if match["plain"] is not None:
        minutes = int(match["plain"])
    elif match["colon_hours"] is not None:
        if int(match["colon_minutes"]) > 59:
            raise cant_read
        minutes = int(match["colon_hours"]) * 60 + int(match["colon_minutes"])
    elif match["hours"] is not None:
        extra = int(match["extra_minutes"] or 0)
        if extra > 59:
            raise cant_read  # "1h 75": a typo, not 2h15
        minutes = round(float(match["hours"]) * 60) + extra
    else:
        minutes = int(match["minutes"])

    if not 1 <= minutes <= MAX_DURATION_MINUTES:
        raise WhenError(_DURATION_RANGE)
    return minutes


# -- Formatting ----------------------------------------------------------------


def format_duration(minutes: int) -> str:
    """30 -> "30 min", 60 -> "1 h", 90 -> "1 h 30 min"."""
    hours, rest = divmod(minutes, 60)
    if hours == 0:
        return f"{rest} min"
    if rest == 0:
        return f"{hours} h"
    return f"{hours} h {rest} min"


def _in_zone_of(dt: datetime, now: datetime) -> datetime:
    # A naive datetime is taken as wall-clock time in now's zone rather than
    # the machine's, which is what astimezone() would assume.
    if dt.tzinfo is None:
        return dt.replace(tzinfo=now.tzinfo)
    return dt.astimezone(now.tzinfo)


def format_when(dt: datetime, now: datetime) -> str:
    """A meeting time for the agenda, 24-hour clock, in now's zone.

    "Today 15:00", "Tomorrow 09:30", "Yesterday 16:00", "Fri 4 Dec 10:30",
    and with the year when it is not this year: "Mon 4 Jan 2027 10:30".
    """
    local = _in_zone_of(dt, now)
    clock = f"{local.hour:02d}:{local.minute:02d}"
    days_away = (local.date() - now.date()).days
    if days_away == 0:
        return f"Today {clock}"
    if days_away == 1:
        return f"Tomorrow {clock}"
    if days_away == -1:
        return f"Yesterday {clock}"
    return format_day_time(dt, now)


def format_day_time(dt: datetime, now: datetime) -> str:
    """A moment with its month by name, in now's zone: "Tue 1 Dec 15:00", and
    with the year when it is not this year: "Mon 4 Jan 2027 10:30"."""
    local = _in_zone_of(dt, now)
    # Names spelled out rather than strftime("%a %b"), which follows the
    # machine's locale.
    day = f"{_WEEKDAY_NAMES[local.weekday()][:3]} {local.day} {_MONTH_NAMES[local.month - 1][:3]}"
    year = f" {local.year}" if local.year != now.year else ""
    return f"{day}{year} {local.hour:02d}:{local.minute:02d}"


def describe_reading(reading: Reading, now: datetime) -> str:
    """What was understood, for the hint under a "when" field: the date with
    its month by name, any choice made, and how far away it is.

    "Fri 27 Nov 15:00 (afternoon; write 3am for the morning) · in 1 h"
    """
    note = f" ({reading.note})" if reading.note else ""
    return f"{format_day_time(reading.moment, now)}{note} · {relative(reading.moment, now)}"


def relative(dt: datetime, now: datetime) -> str:
    """How far away dt is: "now", "in 25 min", "1 h 20 min ago", "in 5 h",
    "tomorrow", "yesterday", "in 3 days", "3 wk ago", "in 4 mo".

    Within two hours it counts the clock (minutes matter then); beyond that,
    on another day it counts calendar days in now's zone, as people do: on
    Monday at 14:03, Wednesday at 12:30 is "in 2 days" though it is 46 hours
    away, and tomorrow morning is "tomorrow". Amounts are rounded down.
    """
    # Through UTC: subtracting two datetimes sharing one tzinfo object
    # compares wall clocks and would lose or gain an hour across a clock
    # change.
    local = _in_zone_of(dt, now)
    elapsed = (local.astimezone(UTC) - now.astimezone(UTC)).total_seconds()
    span = abs(elapsed)
    if span < 60:
        return "now"

    minutes = int(span // 60)
    days = abs((local.astimezone(now.tzinfo).date() - now.date()).days)
    if minutes < 2 * 60 or (days == 0 and minutes < 24 * 60):
        amount = format_duration(minutes) if minutes < 2 * 60 else f"{minutes // 60} h"
    elif days == 1:
        return "tomorrow" if elapsed > 0 else "yesterday"
    elif days < 14:
        amount = f"{days} days"
    elif days < 60:
        amount = f"{days // 7} wk"
    else:
        amount = f"{days // 30} mo"
    return f"in {amount}" if elapsed > 0 else f"{amount} ago"
