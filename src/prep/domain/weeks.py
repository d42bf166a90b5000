"""Calendar weeks for the weekly review: Monday to Sunday, in the person's zone.

A week is named the ISO way ("2026-W48"), so the review can be asked for
any week (`prep review 2026-W47`) and stepped back and forward. Its bounds
are local midnights, computed on the wall clock: the week of a clock
change is 167 or 169 hours long, and a meeting at 23:30 on Sunday belongs
to that week however far the zone is from UTC.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, tzinfo

from prep.domain.deadlines import format_day

__all__ = ["describe_week", "iso_week_label", "parse_iso_week", "week_bounds", "week_start"]

WEEK_FORMAT_HINT = "Give a week as YYYY-Www, e.g. 2026-W47."

_ISO_WEEK_RE = re.compile(r"(?P<year>\d{4})-?W(?P<week>\d{1,2})", re.IGNORECASE)
# Longer input is a mis-paste; refuse it before the regex sees it.
_MAX_INPUT_CHARS = 40
# A review reads about half a year before its week and a year after it
# (open items, the trend, deadlines coming up); these years leave room for
# both inside the dates Python can hold (years 1 to 9999).
FIRST_YEAR, LAST_YEAR = 2, 9997


def _check_monday(monday: date) -> date:
    if isinstance(monday, datetime):
        raise TypeError("A week is named by its Monday's date, not a datetime.")
    if monday.weekday() != 0:
        raise ValueError(f"{format_day(monday, with_year=True)} is not a Monday.")
    return monday


def week_start(day: date) -> date:
    """The Monday of `day`'s week.

    A datetime counts by its own wall-clock date, so convert an aware one
    to the person's zone first.
    """
    if isinstance(day, datetime):
        day = day.date()
    return day - timedelta(days=day.weekday())


def week_bounds(monday: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """Local Monday 00:00 up to (not including) the next Monday 00:00, aware in `tz`.

    Computed on the wall clock, so both ends are midnight whatever the
    offset. Measure the week's real length through UTC: subtracting two
    datetimes that share one tzinfo compares wall clocks and always gives
    seven days.
    """
    _check_monday(monday)
    start = datetime.combine(monday, time(0), tzinfo=tz)
    end = datetime.combine(monday + timedelta(days=7), time(0), tzinfo=tz)
    return start, end


def iso_week_label(monday: date) -> str:
    """ "2026-W48". The ISO year can differ from the calendar year at New Year."""
    year, week, _ = _check_monday(monday).isocalendar()
    return f"{year}-W{week:02d}"


def _weeks_in(year: int) -> int:
    # 28 December is always in the last ISO week of its year.
    return date(year, 12, 28).isocalendar()[1]


def parse_iso_week(text: str) -> date:
    """The Monday of the week "2026-W47" names (also "2026w47", any case).

    Raises ValueError with a sentence to show the person otherwise.
    """
    match = _ISO_WEEK_RE.fullmatch(text.strip()) if len(text) <= _MAX_INPUT_CHARS else None
    if match is None:
        raise ValueError(WEEK_FORMAT_HINT)
    year, week = int(match["year"]), int(match["week"])
    if year < 1:
        raise ValueError(WEEK_FORMAT_HINT)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(
            f"prep reviews weeks of the years {FIRST_YEAR} to {LAST_YEAR}. {WEEK_FORMAT_HINT}"
        )
    last = _weeks_in(year)
    if not 1 <= week <= last:
        raise ValueError(f"{year} has weeks W01 to W{last:02d}. {WEEK_FORMAT_HINT}")
    return date.fromisocalendar(year, week, 1)


def describe_week(monday: date) -> str:
    """ "Week 48 · Mon 23 – Sun 29 Nov 2026"; the month and year are written
    on both ends only when the week spans them:
    "Week 49 · Mon 30 Nov – Sun 6 Dec 2026",
    "Week 53 · Mon 28 Dec 2026 – Sun 3 Jan 2027".
    """
    _check_monday(monday)
    sunday = monday + timedelta(days=6)
    number = monday.isocalendar()[1]
    if monday.year != sunday.year:
        first = format_day(monday, with_year=True)
    elif monday.month != sunday.month:
        first = format_day(monday)
    else:
        first = f"Mon {monday.day}"
    return f"Week {number} \u00b7 {first} \u2013 {format_day(sunday, with_year=True)}"
