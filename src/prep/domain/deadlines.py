"""Deadlines as ranges: earliest, likely, latest.

Deadlines are a variable to manage with the other side, not a number set in
stone; teams that treated uncertain deadlines flexibly with their
stakeholders succeeded markedly more often. A range only helps if it runs
the right way, so `range_problem` says which two dates are in conflict.
Whether all three are given is a question for readiness, not for this
module: a half-filled range is fine while the person is still typing.

The by-when of an ask and the due date of an action item are read here too
(`parse_deadline_date`), and `describe_day` says what was read, with a
warning when the date falls before the meeting it belongs to.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time

from prep.domain.checklist import Deadline
from prep.domain.when import DAY_FIRST, DateConventions, UnreadableWhen, WhenError, parse_when

__all__ = ["describe_day", "format_day", "is_blank", "parse_deadline_date", "range_problem"]

# Spelled out rather than strftime("%a %b"), which follows the machine's locale.
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# A deadline date typed without a time is read as at this hour; only its
# date is kept.
_READ_AT = time(9)
_CANT_READ_DATE = "Can't read '{text}' as a date. Try 'fri', '24/11', 'in 2 weeks' or '2026-12-04'."
_BEFORE_MEETING = "{day} — before the meeting ({meeting})"
# "by fri" in a by-when field says "by" twice; the date is what follows.
_LEADING_BY = re.compile(r"by\s+", re.IGNORECASE)


def format_day(day: date, *, with_year: bool = False) -> str:
    """ "Fri 4 Dec", or "Mon 4 Jan 2027" with the year."""
    text = f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


def describe_day(day: date, today: date, meeting_day: date | None = None) -> tuple[str, bool]:
    """A date as read, for the hint under its field, and whether it warns.

    "Fri 4 Dec"; with the year when it is not this year. A date before
    `meeting_day` (the by-when of an ask, an action item's due date) is
    kept but said out loud: "Fri 27 Nov — before the meeting (Mon 30 Nov)".
    """
    text = format_day(day, with_year=day.year != today.year)
    if meeting_day is None or day >= meeting_day:
        return text, False
    with_year = day.year != meeting_day.year or meeting_day.year != today.year
    return _BEFORE_MEETING.format(
        day=format_day(day, with_year=with_year),
        meeting=format_day(meeting_day, with_year=with_year),
    ), True


def _conflict(later_name: str, later: date, earlier_name: str, earlier: date) -> str:
    # Without years, "Wed 30 Dec is before Tue 5 Jan" reads as nonsense when
    # the two sit either side of New Year.
    with_year = later.year != earlier.year
    return (
        f"The {later_name} date ({format_day(later, with_year=with_year)}) is before "
        f"the {earlier_name} ({format_day(earlier, with_year=with_year)})."
    )


def range_problem(earliest: date | None, likely: date | None, latest: date | None) -> str | None:
    """What is wrong with the order of a deadline's dates, or None if nothing is.

    Missing dates are allowed; only the dates given are compared. Equal
    dates are in order. When more than one pair is out of order, the first
    of likely/earliest, latest/likely, latest/earliest is reported.
    """
    if earliest is not None and likely is not None and likely < earliest:
        return _conflict("likely", likely, "earliest", earliest)
    if likely is not None and latest is not None and latest < likely:
        return _conflict("latest", latest, "likely", likely)
    if earliest is not None and latest is not None and latest < earliest:
        return _conflict("latest", latest, "earliest", earliest)
    return None


def is_blank(deadline: Deadline) -> bool:
    """An untouched row: no label and no dates. Readiness and the brief skip it."""
    return not deadline.label.strip() and all(
        d is None for d in (deadline.earliest, deadline.likely, deadline.latest)
    )


def parse_deadline_date(
    text: str, today: date, conventions: DateConventions = DAY_FIRST
) -> date | None:
    """The date in what someone typed for a deadline, or None for a blank field.

    Reads the same phrases as a meeting's "when" ("fri", "24/11", "in 2
    weeks", "2026-12-04"), counted from `today`, with or without a leading
    "by". Raises WhenError for text that is not a date.
    """
    text = text.strip()
    lead = _LEADING_BY.match(text)
    if lead is not None:
        text = text[lead.end() :]
    if not text:
        return None
    # parse_when needs an aware "now". UTC keeps the date from shifting:
    # the result stays in UTC, so .date() is the day that was meant.
    now = datetime.combine(today, _READ_AT, tzinfo=UTC)
    try:
        return parse_when(text, now, conventions).date()
    except UnreadableWhen as error:
        # The general message asks for a time ("tomorrow 3pm"); here only a
        # day is wanted, so say that, with date-only examples.
        raise WhenError(_CANT_READ_DATE.format(text=error.shown)) from None
