"""Reading and writing meeting times: prep/domain/when.py."""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime, timedelta

import pytest
from dateutil import tz

from prep.domain.when import (
    Reading,
    WhenError,
    describe_reading,
    format_day_time,
    format_duration,
    format_when,
    parse_duration,
    parse_when,
    read_when,
    relative,
)

LONDON = tz.gettz("Europe/London")
NEW_YORK = tz.gettz("America/New_York")
# A Friday afternoon in winter (GMT, UTC+0).
NOW = datetime(2026, 11, 27, 14, 0, tzinfo=LONDON)
# The same instant in New York (EST, UTC-5).
NOW_NEW_YORK = datetime(2026, 11, 27, 9, 0, tzinfo=NEW_YORK)


def london(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


def assert_same_instant_and_zone(got: datetime, expected: datetime) -> None:
    # == on aware datetimes only compares instants; the zone and wall time
    # matter here too.
    assert got == expected
    assert got.tzinfo is expected.tzinfo
    assert got.replace(tzinfo=None) == expected.replace(tzinfo=None)
    assert (got.second, got.microsecond) == (0, 0)


# -- parse_when: what it accepts -----------------------------------------------

GOOD_PHRASES = [
    # now and offsets
    ("now", london(2026, 11, 27, 14, 0)),
    ("in 2h", london(2026, 11, 27, 16, 0)),
    ("in 2 h", london(2026, 11, 27, 16, 0)),
    ("in 2 hours", london(2026, 11, 27, 16, 0)),
    ("in 90 min", london(2026, 11, 27, 15, 30)),
    ("in 45 minutes", london(2026, 11, 27, 14, 45)),
    ("in 30m", london(2026, 11, 27, 14, 30)),
    ("in 3 days", london(2026, 11, 30, 14, 0)),
    ("in 1 week", london(2026, 12, 4, 14, 0)),
    ("in 0 min", london(2026, 11, 27, 14, 0)),
    ("in 1h 30m", london(2026, 11, 27, 15, 30)),
    ("in 1h30", london(2026, 11, 27, 15, 30)),
    ("in an hour", london(2026, 11, 27, 15, 0)),
    ("in 1.5 days", london(2026, 11, 29, 2, 0)),
    ("2 days ago", london(2026, 11, 25, 14, 0)),
    # day words
    ("today", london(2026, 11, 27, 9, 0)),
    ("tonight", london(2026, 11, 27, 19, 0)),
    ("tomorrow", london(2026, 11, 28, 9, 0)),
    ("tmrw", london(2026, 11, 28, 9, 0)),
    ("tmr", london(2026, 11, 28, 9, 0)),
    ("day after tomorrow", london(2026, 11, 29, 9, 0)),
    ("yesterday", london(2026, 11, 26, 9, 0)),
    ("tomorrow 3pm", london(2026, 11, 28, 15, 0)),
    ("tomorrow at 15:30", london(2026, 11, 28, 15, 30)),
    ("today 9", london(2026, 11, 27, 9, 0)),
    ("tomorrow 3", london(2026, 11, 28, 15, 0)),  # a bare 1-7 is the afternoon
    ("tomorrow at 3", london(2026, 11, 28, 15, 0)),
    ("yesterday 4:15pm", london(2026, 11, 26, 16, 15)),
    ("3pm tomorrow", london(2026, 11, 28, 15, 0)),
    ("tonight 8", london(2026, 11, 27, 20, 0)),
    ("tomorrow midnight", london(2026, 11, 29, 0, 0)),
    ("tomorrow afternoon", london(2026, 11, 28, 14, 0)),
    # weekdays (NOW is Friday 14:00)
    ("fri", london(2026, 12, 4, 9, 0)),  # a bare weekday is after today
    ("friday", london(2026, 12, 4, 9, 0)),
    ("fri 10:30", london(2026, 12, 4, 10, 30)),
    ("fri 3pm", london(2026, 12, 4, 15, 0)),  # even with 15:00 still to come today
    ("this friday 2pm", london(2026, 11, 27, 14, 0)),  # "this" counts today
    ("this fri 3pm", london(2026, 11, 27, 15, 0)),
    ("next fri 10am", london(2026, 12, 4, 10, 0)),  # the Friday of next week
    ("next fri 3pm", london(2026, 12, 4, 15, 0)),
    ("monday 9:30am", london(2026, 11, 30, 9, 30)),
    ("sat", london(2026, 11, 28, 9, 0)),
    ("this sat", london(2026, 11, 28, 9, 0)),
    ("next sat", london(2026, 12, 5, 9, 0)),  # the Saturday of next week, not tomorrow
    ("thu", london(2026, 12, 3, 9, 0)),
    ("10:30 on friday", london(2026, 12, 4, 10, 30)),
    # a time alone is today, even if past
    ("3pm", london(2026, 11, 27, 15, 0)),
    ("3:30 pm", london(2026, 11, 27, 15, 30)),
    ("3.30pm", london(2026, 11, 27, 15, 30)),
    ("3 p.m.", london(2026, 11, 27, 15, 0)),
    ("15:00", london(2026, 11, 27, 15, 0)),
    ("3:30", london(2026, 11, 27, 15, 30)),
    ("at 5", london(2026, 11, 27, 17, 0)),
    ("9am", london(2026, 11, 27, 9, 0)),
    ("12am", london(2026, 11, 27, 0, 0)),
    ("12pm", london(2026, 11, 27, 12, 0)),
    ("noon", london(2026, 11, 27, 12, 0)),
    ("midday", london(2026, 11, 27, 12, 0)),
    ("midnight", london(2026, 11, 28, 0, 0)),
    # absolute dates
    ("2026-11-24 15:00", london(2026, 11, 24, 15, 0)),
    ("2026-11-24", london(2026, 11, 24, 9, 0)),
    ("2026-11-05", london(2026, 11, 5, 9, 0)),  # year first stays month-then-day
    ("2026-11-24T15:00", london(2026, 11, 24, 15, 0)),
    ("2026-11-24 15:00:45", london(2026, 11, 24, 15, 0)),
    ("24/11 9am", london(2026, 11, 24, 9, 0)),
    ("24/11/2026 14:00", london(2026, 11, 24, 14, 0)),
    ("5/11", london(2026, 11, 5, 9, 0)),  # day first
    ("31/12", london(2026, 12, 31, 9, 0)),
    ("24-11", london(2026, 11, 24, 9, 0)),
    ("24/11 3", london(2026, 11, 24, 15, 0)),  # an hour after a date, not the year 2003
    ("24/11 at 3:30", london(2026, 11, 24, 15, 30)),
    ("24 nov at 3", london(2026, 11, 24, 15, 0)),
    ("24/11 15", london(2026, 11, 24, 15, 0)),
    ("24.11.2026 3pm", london(2026, 11, 24, 15, 0)),
    ("24 nov 3pm", london(2026, 11, 24, 15, 0)),
    ("nov 24 3pm", london(2026, 11, 24, 15, 0)),
    ("24 November 2026 10:00", london(2026, 11, 24, 10, 0)),
    ("24th of nov at 3:30pm", london(2026, 11, 24, 15, 30)),
    ("tue 24/11", london(2026, 11, 24, 9, 0)),
    ("4 Dec 2027", london(2027, 12, 4, 9, 0)),
    # case, spacing and leading at/on don't matter
    ("  Tomorrow   3PM ", london(2026, 11, 28, 15, 0)),
    ("at 3pm", london(2026, 11, 27, 15, 0)),
    ("on fri", london(2026, 12, 4, 9, 0)),
    ("NEXT FRI 10AM", london(2026, 12, 4, 10, 0)),
    ("tomorrow\t3pm", london(2026, 11, 28, 15, 0)),
]


@pytest.mark.parametrize(("text", "expected"), GOOD_PHRASES, ids=[t for t, _ in GOOD_PHRASES])
def test_parse_when_reads_the_phrase(text: str, expected: datetime) -> None:
    assert_same_instant_and_zone(parse_when(text, NOW), expected)


def test_now_drops_seconds() -> None:
    assert parse_when("now", NOW.replace(second=41, microsecond=5)) == NOW
    assert parse_when("in 2h", NOW.replace(second=41)) == london(2026, 11, 27, 16, 0)


# -- parse_when: zones and clock changes ---------------------------------------


def test_tomorrow_9am_across_spring_forward_stays_9am_local() -> None:
    # Clocks go forward at 01:00 GMT on Sunday 29 March 2026.
    now = datetime(2026, 3, 28, 10, 0, tzinfo=LONDON)
    got = parse_when("tomorrow 9am", now)
    assert got.replace(tzinfo=None) == datetime(2026, 3, 29, 9, 0)
    assert got.utcoffset() == timedelta(hours=1)


def test_in_days_keeps_wall_time_across_spring_forward() -> None:
    now = datetime(2026, 3, 28, 10, 0, tzinfo=LONDON)
    got = parse_when("in 1 day", now)
    assert got.replace(tzinfo=None) == datetime(2026, 3, 29, 10, 0)
    assert got.utcoffset() == timedelta(hours=1)


def test_in_hours_is_elapsed_time_across_spring_forward() -> None:
    # 00:30 GMT + 2 real hours = 02:30 UTC = 03:30 BST.
    now = datetime(2026, 3, 29, 0, 30, tzinfo=LONDON)
    got = parse_when("in 2h", now)
    assert got.replace(tzinfo=None) == datetime(2026, 3, 29, 3, 30)
    # Through UTC: subtracting datetimes that share a tzinfo compares wall clocks.
    assert got.astimezone(UTC) - now.astimezone(UTC) == timedelta(hours=2)


def test_a_time_the_clocks_skip_moves_on_by_the_jump() -> None:
    now = datetime(2026, 3, 28, 10, 0, tzinfo=LONDON)
    got = parse_when("tomorrow 1:30am", now)
    assert got.replace(tzinfo=None) == datetime(2026, 3, 29, 2, 30)
    assert got.utcoffset() == timedelta(hours=1)


def test_tomorrow_9am_across_fall_back_in_new_york() -> None:
    # New York's clocks go back at 02:00 on Sunday 1 November 2026.
    now = datetime(2026, 10, 31, 12, 0, tzinfo=NEW_YORK)
    got = parse_when("tomorrow 9am", now)
    assert got.replace(tzinfo=None) == datetime(2026, 11, 1, 9, 0)
    assert got.utcoffset() == timedelta(hours=-5)


def test_results_are_in_the_zone_of_now() -> None:
    got = parse_when("tomorrow 3pm", NOW_NEW_YORK)
    assert got.tzinfo is NEW_YORK
    assert got.replace(tzinfo=None) == datetime(2026, 11, 28, 15, 0)
    assert got.utcoffset() == timedelta(hours=-5)


@pytest.mark.parametrize(
    ("text", "now", "expected_wall"),
    [
        ("2026-11-24T15:00+01:00", NOW, datetime(2026, 11, 24, 14, 0)),
        ("2026-11-24T15:00+01:00", NOW_NEW_YORK, datetime(2026, 11, 24, 9, 0)),
        ("2026-11-24T15:00Z", NOW_NEW_YORK, datetime(2026, 11, 24, 10, 0)),
        ("15:00 UTC", NOW_NEW_YORK, datetime(2026, 11, 27, 10, 0)),
        ("2026-06-24 15:00 gmt", NOW, datetime(2026, 6, 24, 16, 0)),  # BST in June
        ("2026-11-24 15:00 -0500", NOW, datetime(2026, 11, 24, 20, 0)),
    ],
)
def test_a_zone_in_the_text_is_converted_to_nows_zone(
    text: str, now: datetime, expected_wall: datetime
) -> None:
    got = parse_when(text, now)
    assert got.tzinfo is now.tzinfo
    assert got.replace(tzinfo=None) == expected_wall


# -- parse_when: dates without a year ------------------------------------------


@pytest.mark.parametrize(
    ("text", "today", "expected_date"),
    [
        ("3/1", (2026, 11, 27), (2027, 1, 3)),  # long past this year: next year
        ("24/11", (2026, 11, 27), (2026, 11, 24)),  # last week: this year
        ("31/5", (2026, 11, 27), (2026, 5, 31)),  # exactly 180 days back: stays
        ("30/5", (2026, 11, 27), (2027, 5, 30)),  # 181 days back: rolls on
        ("24/12", (2027, 1, 3), (2026, 12, 24)),  # across New Year: still last December
        ("29/2", (2027, 11, 27), (2028, 2, 29)),  # the next leap day
    ],
)
def test_a_year_less_date_takes_its_nearest_sensible_year(
    text: str, today: tuple[int, int, int], expected_date: tuple[int, int, int]
) -> None:
    now = london(*today, 14, 0)
    assert parse_when(text, now) == london(*expected_date, 9, 0)


def test_a_year_less_29_february_with_no_leap_day_nearby_is_refused() -> None:
    with pytest.raises(WhenError, match="There is no 29 February 2027"):
        parse_when("29/2", NOW)


# -- parse_when: hours without am/pm --------------------------------------------

AFTERNOON_3 = "afternoon; write 3am for the morning"

HOURS_WITHOUT_MERIDIEM = [
    # 1-7 are the afternoon, as calendar apps read them, and the note says so.
    ("at 5", (17, 0), "afternoon; write 5am for the morning"),
    ("at 1", (13, 0), "afternoon; write 1am for the morning"),
    ("at 3", (15, 0), AFTERNOON_3),
    ("at 7", (19, 0), "afternoon; write 7am for the morning"),
    ("3:30", (15, 30), "afternoon; write 3:30am for the morning"),
    ("at 7:45", (19, 45), "afternoon; write 7:45am for the morning"),
    # 8-11 stay in the morning.
    ("at 8", (8, 0), "morning; write 8pm for the evening"),
    ("at 9", (9, 0), "morning; write 9pm for the evening"),
    ("11:15", (11, 15), "morning; write 11:15pm for the evening"),
    # Plain: noon, 0:00-0:59, 24-hour and zero-padded forms, and am/pm.
    ("at 12", (12, 0), ""),
    ("12:30", (12, 30), ""),
    ("at 0", (0, 0), ""),
    ("at 0:30", (0, 30), ""),
    ("0:30", (0, 30), ""),
    ("0:59", (0, 59), ""),
    ("03:30", (3, 30), ""),
    ("07:00", (7, 0), ""),
    ("at 07", (7, 0), ""),
    ("15:00", (15, 0), ""),
    ("at 15", (15, 0), ""),
    ("at 23:59", (23, 59), ""),
    ("7pm", (19, 0), ""),
    ("7am", (7, 0), ""),
    ("at 3am", (3, 0), ""),
    ("3:30 pm", (15, 30), ""),
]


@pytest.mark.parametrize(
    ("text", "clock", "note"), HOURS_WITHOUT_MERIDIEM, ids=[t for t, _, _ in HOURS_WITHOUT_MERIDIEM]
)
def test_an_hour_without_am_pm_is_read_as_a_calendar_app_would(
    text: str, clock: tuple[int, int], note: str
) -> None:
    assert read_when(text, NOW) == Reading(london(2026, 11, 27, *clock), note)


@pytest.mark.parametrize(
    ("text", "expected", "note"),
    [
        ("tomorrow at 3", london(2026, 11, 28, 15, 0), AFTERNOON_3),
        ("tomorrow 9", london(2026, 11, 28, 9, 0), "morning; write 9pm for the evening"),
        ("tomorrow 12", london(2026, 11, 28, 12, 0), ""),
        ("tomorrow 0:30", london(2026, 11, 28, 0, 30), ""),
        ("at 3 tomorrow", london(2026, 11, 28, 15, 0), AFTERNOON_3),
        ("fri at 3", london(2026, 12, 4, 15, 0), AFTERNOON_3),
        ("tonight 8", london(2026, 11, 27, 20, 0), ""),  # "tonight" already says evening
        ("24/11 3", london(2026, 11, 24, 15, 0), AFTERNOON_3),
        ("24/11/2026 at 3", london(2026, 11, 24, 15, 0), AFTERNOON_3),
        ("24 nov at 3", london(2026, 11, 24, 15, 0), AFTERNOON_3),
        ("2026-11-24 3:00", london(2026, 11, 24, 15, 0), AFTERNOON_3),
        ("24/11 15:00", london(2026, 11, 24, 15, 0), ""),
        ("2026-11-24 15:00", london(2026, 11, 24, 15, 0), ""),
        ("2026-11-24T03:00", london(2026, 11, 24, 3, 0), ""),
        ("2026-11-24 3pm", london(2026, 11, 24, 15, 0), ""),
    ],
)
def test_the_hour_rule_holds_beside_days_and_dates(
    text: str, expected: datetime, note: str
) -> None:
    got = read_when(text, NOW)
    assert_same_instant_and_zone(got.moment, expected)
    assert got.note == note


def test_every_hour_after_at_follows_one_rule() -> None:
    for hour in range(24):
        expected = hour + 12 if 1 <= hour <= 7 else hour
        assert parse_when(f"at {hour}", NOW).hour == expected, hour
        assert parse_when(f"at {hour}:20", NOW).hour == expected, hour
        assert parse_when(f"at {hour:02d}:20", NOW).hour == hour, hour  # zero-padded: as typed


# -- parse_when: weekdays ----------------------------------------------------------

SUNDAY = london(2026, 11, 29, 14, 0)
MONDAY = london(2026, 11, 30, 14, 0)
WEDNESDAY = london(2026, 12, 2, 14, 0)


@pytest.mark.parametrize(
    ("text", "now", "expected_day"),
    [
        # A bare weekday is the next such day after today.
        ("mon", MONDAY, (2026, 12, 7)),  # typed on a Monday: next Monday
        ("mon", SUNDAY, (2026, 11, 30)),  # typed on a Sunday: tomorrow
        ("tue", MONDAY, (2026, 12, 1)),
        ("mon 4pm", MONDAY, (2026, 12, 7)),  # even with 16:00 still to come today
        # "this" counts today.
        ("this mon", MONDAY, (2026, 11, 30)),
        ("this tue", MONDAY, (2026, 12, 1)),
        # "next" is that day in next week, weeks running Monday to Sunday.
        ("next tue", MONDAY, (2026, 12, 8)),  # typed on a Monday: not tomorrow
        ("next tue", WEDNESDAY, (2026, 12, 8)),  # the same Tuesday as "tue"
        ("tue", WEDNESDAY, (2026, 12, 8)),
        ("next mon", SUNDAY, (2026, 11, 30)),  # next week starts tomorrow
        ("next mon", MONDAY, (2026, 12, 7)),
        ("next sun", SUNDAY, (2026, 12, 6)),
        ("next sun", MONDAY, (2026, 12, 13)),
    ],
)
def test_weekdays(text: str, now: datetime, expected_day: tuple[int, int, int]) -> None:
    assert parse_when(text, now).date() == datetime(*expected_day).date()


def test_a_bare_weekday_is_always_1_to_7_days_ahead() -> None:
    for offset in range(7):
        now = MONDAY + timedelta(days=offset)
        for name in ("mon", "tue", "wed", "thu", "fri", "sat", "sun"):
            days = (parse_when(name, now).date() - now.date()).days
            assert 1 <= days <= 7, (now, name)
            assert 0 <= (parse_when(f"this {name}", now).date() - now.date()).days <= 6
            # "next" lands in the Monday-to-Sunday week after today's.
            next_day = parse_when(f"next {name}", now).date()
            assert (next_day - now.date()).days <= 13
            assert next_day.isocalendar()[1] == (now + timedelta(days=7)).isocalendar()[1]


# -- parse_when: day first -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("12/31", "12/31: 31 is not a month — dates are day-first (31/12)."),
        ("1/13", "1/13: 13 is not a month — dates are day-first (13/1)."),
        ("11/24/2026", "11/24/2026: 24 is not a month — dates are day-first (24/11/2026)."),
        ("12-31", "12-31: 31 is not a month — dates are day-first (31-12)."),
        ("12/31 3pm", "12/31: 31 is not a month — dates are day-first (31/12)."),
        ("13/13", "There is no month 13."),
        ("32/1", "There is no 32 January."),
        ("31/4", "There is no 31 April."),
    ],
)
def test_a_number_that_cannot_be_a_month_is_refused_not_swapped(text: str, message: str) -> None:
    with pytest.raises(WhenError) as caught:
        parse_when(text, NOW)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("text", "expected_date"),
    [
        ("31/12", (2026, 12, 31)),
        ("3/1", (2027, 1, 3)),
        ("12/11", (2026, 11, 12)),
        ("1/12", (2026, 12, 1)),
    ],
)
def test_numeric_dates_are_day_first(text: str, expected_date: tuple[int, int, int]) -> None:
    assert parse_when(text, NOW).date() == datetime(*expected_date).date()


def test_every_day_and_month_reads_day_first() -> None:
    for month in range(1, 13):
        for day in range(1, 32):
            try:
                datetime(2028, month, day)
            except ValueError:
                continue
            got = parse_when(f"{day}/{month}/2028", NOW)
            assert (got.day, got.month) == (day, month)


# -- parse_when: what it refuses -----------------------------------------------

BAD_PHRASES = [
    ("", ["Say when", "tomorrow 3pm"]),
    ("   ", ["Say when"]),
    ("banana", ["Can't read 'banana'", "tomorrow 3pm"]),
    ("asdf", ["Can't read 'asdf'"]),
    ("next blursday", ["Can't read 'next blursday'"]),
    ("tomorrow banana", ["Can't read 'tomorrow banana'"]),
    ("tomorrow at", ["Can't read"]),
    ("3pmm", ["Can't read '3pmm'"]),
    ("5", ["'5'", "ambiguous", "am/pm"]),  # could be the 5th; "at 5" is a time
    ("15", ["'15'", "ambiguous", "am/pm"]),
    ("on 5", ["ambiguous"]),
    ("at 24", ["24:00 is not a time of day."]),
    ("at 2026", ["ambiguous"]),
    ("24/11 25", ["25:00 is not a time of day."]),
    ("24/11 10:75", ["10:75 is not a time of day."]),
    ("31/02", ["There is no 31 February."]),
    ("2026-02-30", ["There is no 30 February 2026."]),
    ("29/02/2027", ["There is no 29 February 2027."]),
    ("2026-13-01", ["There is no month 13."]),
    ("25:00", ["25:00 is not a time of day."]),
    ("24:00", ["24:00 is not a time of day."]),
    ("10:75", ["10:75 is not a time of day."]),
    ("13pm", ["13pm is not a time of day."]),
    ("0am", ["0am is not a time of day."]),
    ("today 25", ["25:00 is not a time of day."]),
    ("24/11 13pm", ["13pm is not a time of day."]),
    ("24/11 25:00", ["25:00 is not a time of day."]),
    ("in -3h", ["in 2h"]),
    ("in 300 weeks", ["5 years"]),
    ("in 99999999999999999999 weeks", ["5 years"]),
    ("24/11/1900", ["between 1970 and 2100"]),
    ("2101-01-01", ["between 1970 and 2100"]),
    ("24/11/99999", ["between 1970 and 2100"]),
    ("2h", ["Did you mean 'in 2h'?"]),
    ("1h30", ["Did you mean 'in 1h30'?"]),
    ("an hour", ["Did you mean 'in an hour'?"]),
    ("in am", ["Can't read 'in am'"]),  # not "in a m(inute)"
    ("fri 24/11", ["24 Nov 2026 is a Tuesday, not a Friday."]),
    ("15:00 utc+1", ["+01:00"]),
    ("3pm 4pm 24/11", ["Can't read"]),
    ("2026-11-24 2026-11-24", ["Can't read"]),  # dateutil reads "-24" as a zone
    ("2026-11-24 15:00 -24", ["Can't read"]),
    ("15.30", ["Can't read '15.30'"]),
    ("🎉", ["Can't read '🎉'"]),
    ("tomorrow\x00 3pm", ["Can't read 'tomorrow? 3pm'"]),
    ("tomorrow\x1f3pm", ["Can't read"]),
    ("[bold]red", ["Can't read '[bold]red'"]),
    ("at", ["Can't read 'at'"]),
    ("in", ["Can't read 'in'"]),
]


@pytest.mark.parametrize(("text", "words"), BAD_PHRASES, ids=[repr(t) for t, _ in BAD_PHRASES])
def test_parse_when_refuses_with_a_friendly_message(text: str, words: list[str]) -> None:
    with pytest.raises(WhenError) as caught:
        parse_when(text, NOW)
    message = str(caught.value)
    for word in words:
        assert word in message
    assert "\n" not in message
    # Never dateutil's own wording.
    assert "Unknown string format" not in message
    assert "out of range" not in message


def test_in_a_little_under_5_years_is_fine() -> None:
    assert parse_when("in 260 weeks", NOW) == london(2031, 11, 21, 14, 0)


def test_the_message_quotes_at_most_30_characters() -> None:
    text = "a very long string that keeps going and going"
    with pytest.raises(WhenError) as caught:
        parse_when(text, NOW)
    assert "Can't read 'a very long string that keeps…' as a time." in str(caught.value)


def test_a_huge_paste_is_refused_quickly() -> None:
    started = time.perf_counter()
    with pytest.raises(WhenError, match="too long to be a date"):
        parse_when("tomorrow 3pm " * 4000 + "x" * (50_000 - 13 * 4000), NOW)
    assert time.perf_counter() - started < 0.1


def test_non_string_input_is_a_when_error() -> None:
    with pytest.raises(WhenError):
        parse_when(None, NOW)  # type: ignore[arg-type]


def test_naive_now_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        parse_when("tomorrow", datetime(2026, 11, 27, 14, 0))


FUZZ_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyz ABCXYZ 0123456789 0123456789 :/.-+,T@#[]!?'\"\\"
    "\t\n\x00\x1b\x7f\u00a0\u2028éß日本🎉\U0001f600\ufffd"
)
FUZZ_TOKENS = [
    "in",
    "ago",
    "at",
    "on",
    "next",
    "this",
    "the",
    "tomorrow",
    "tonight",
    "today",
    "fri",
    "mon",
    "sun",
    "noon",
    "midnight",
    "am",
    "pm",
    "h",
    "min",
    "days",
    "wk",
    "nov",
    "feb",
    "utc",
    "gmt",
    "z",
    "t",
    "of",
    "th",
    "3pm",
    "13pm",
    "0",
    "5",
    "12",
    "24",
    "29",
    "31",
    "99",
    "2026",
    "1900",
    "9999",
    "99999999999999999999",
    "24/11",
    "31/02",
    "29/2",
    "2026-11-24",
    "2026-02-30",
    "15:00",
    "25:00",
    "10:75",
    "3.30",
    "24.11.2026",
    "+01:00",
    "-05:00",
    "+14:00",
    "-",
    "+",
    ".",
    ":",
    "/",
    ",",
    "1.5",
]


def _fuzz_inputs(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    inputs = []
    for _ in range(count):
        if rng.random() < 0.5:
            inputs.append("".join(rng.choice(FUZZ_ALPHABET) for _ in range(rng.randint(0, 40))))
        else:
            # Real vocabulary in random order reaches the deeper paths.
            inputs.append(" ".join(rng.choice(FUZZ_TOKENS) for _ in range(rng.randint(1, 5))))
    return inputs


@pytest.mark.parametrize("now", [NOW, datetime(2026, 3, 29, 0, 30, tzinfo=LONDON)])
def test_fuzz_only_when_error_or_a_sane_datetime_comes_back(now: datetime) -> None:
    accepted = refused = 0
    for text in _fuzz_inputs(seed=20261127, count=500):
        try:
            got = parse_when(text, now)
        except WhenError as err:
            message = str(err)
            assert message and "\n" not in message, repr(text)
            refused += 1
        else:
            assert got.tzinfo is now.tzinfo, repr(text)
            assert (got.second, got.microsecond) == (0, 0), repr(text)
            assert 1970 <= got.year <= 2100, repr(text)
            accepted += 1
    # Both outcomes were exercised, so the fuzz reached real parsing.
    assert accepted > 10 and refused > 10


# -- parse_duration ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("30", 30),
        ("45m", 45),
        ("45 min", 45),
        ("1h", 60),
        ("1 h", 60),
        ("1h30", 90),
        ("1h 30m", 90),
        ("1 hour 30 minutes", 90),
        ("1:30", 90),
        ("0:45", 45),
        ("90 minutes", 90),
        ("1.5h", 90),
        (".5h", 30),
        ("2 hours", 120),
        (" 2H ", 120),
        ("1", 1),
        ("1440", 1440),
        ("24h", 1440),
        ("0.33h", 20),  # fractions of an hour round to the minute
    ],
)
def test_parse_duration_reads(text: str, minutes: int) -> None:
    assert parse_duration(text) == minutes


@pytest.mark.parametrize("text", ["0", "0m", "1441", "25h", "24h 1m", "99999999999999999999"])
def test_parse_duration_refuses_out_of_range(text: str) -> None:
    with pytest.raises(WhenError, match="between 1 minute and 24 hours"):
        parse_duration(text)


@pytest.mark.parametrize("text", ["", "   "])
def test_parse_duration_asks_for_a_length_when_empty(text: str) -> None:
    with pytest.raises(WhenError, match=r"Say how long, e\.g\. 30 or 1h30\."):
        parse_duration(text)


@pytest.mark.parametrize(
    "text", ["banana", "1h75", "1:75", "-30", "1.5", "h", "30 sec", "1e3", "٣٠", "x" * 50_000]
)
def test_parse_duration_refuses_garbage(text: str) -> None:
    with pytest.raises(WhenError, match="as a duration"):
        parse_duration(text)


# -- format_duration -----------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (1, "1 min"),
        (30, "30 min"),
        (59, "59 min"),
        (60, "1 h"),
        (90, "1 h 30 min"),
        (1439, "23 h 59 min"),
        (1440, "24 h"),
    ],
)
def test_format_duration(minutes: int, text: str) -> None:
    assert format_duration(minutes) == text


def test_format_duration_round_trips_through_parse_duration() -> None:
    for minutes in (1, 45, 60, 61, 150, 1440):
        assert parse_duration(format_duration(minutes).replace(" ", "")) == minutes


# -- format_when ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("dt", "text"),
    [
        (london(2026, 11, 27, 15, 0), "Today 15:00"),
        (london(2026, 11, 27, 0, 0), "Today 00:00"),
        (london(2026, 11, 28, 9, 30), "Tomorrow 09:30"),
        (london(2026, 11, 26, 16, 0), "Yesterday 16:00"),
        (london(2026, 12, 4, 10, 30), "Fri 4 Dec 10:30"),
        (london(2026, 11, 29, 23, 59), "Sun 29 Nov 23:59"),
        (london(2026, 1, 1, 8, 5), "Thu 1 Jan 08:05"),
        (london(2027, 1, 4, 10, 30), "Mon 4 Jan 2027 10:30"),
        (london(2025, 12, 31, 10, 30), "Wed 31 Dec 2025 10:30"),
    ],
)
def test_format_when(dt: datetime, text: str) -> None:
    assert format_when(dt, NOW) == text


def test_format_when_shows_the_time_in_nows_zone() -> None:
    # 23:30 in New York on the 27th is 04:30 on the 28th in London.
    assert format_when(datetime(2026, 11, 27, 23, 30, tzinfo=NEW_YORK), NOW) == "Tomorrow 04:30"
    assert format_when(datetime(2026, 11, 27, 15, 0, tzinfo=UTC), NOW) == "Today 15:00"


def test_format_when_reads_naive_times_as_nows_wall_clock() -> None:
    assert format_when(datetime(2026, 11, 28, 9, 30), NOW) == "Tomorrow 09:30"


# -- relative --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(0), "now"),
        (timedelta(seconds=59), "now"),
        (timedelta(seconds=-59), "now"),
        (timedelta(minutes=1), "in 1 min"),
        (timedelta(minutes=25), "in 25 min"),
        (timedelta(minutes=-25), "25 min ago"),
        (timedelta(minutes=59, seconds=59), "in 59 min"),
        (timedelta(minutes=60), "in 1 h"),
        (timedelta(minutes=80), "in 1 h 20 min"),
        (timedelta(minutes=-80), "1 h 20 min ago"),
        (timedelta(minutes=119), "in 1 h 59 min"),
        (timedelta(hours=2), "in 2 h"),
        (timedelta(hours=5, minutes=59), "in 5 h"),
        (timedelta(hours=-5, minutes=-30), "5 h ago"),
        (timedelta(hours=9, minutes=59), "in 9 h"),
        (timedelta(hours=23, minutes=59), "tomorrow"),
        (timedelta(hours=24), "tomorrow"),
        (timedelta(hours=-24), "yesterday"),
        (timedelta(days=3, hours=20), "in 4 days"),
        (timedelta(days=-3), "3 days ago"),
        (timedelta(days=13), "in 13 days"),
        (timedelta(days=13, hours=23), "in 2 wk"),
        (timedelta(days=14), "in 2 wk"),
        (timedelta(days=21), "in 3 wk"),
        (timedelta(days=-27), "3 wk ago"),
        (timedelta(days=59), "in 8 wk"),
        (timedelta(days=60), "in 2 mo"),
        (timedelta(days=125), "in 4 mo"),
        (timedelta(days=-125), "4 mo ago"),
    ],
)
def test_relative(delta: timedelta, text: str) -> None:
    assert relative(NOW + delta, NOW) == text


# Monday 30 November 2026 to Sunday 6 December: calendar days, whatever the hours.
@pytest.mark.parametrize(
    ("now", "then", "text"),
    [
        ((30, 14, 3), (2, 12, 30), "in 2 days"),  # Monday -> Wednesday, 46 h away
        ((30, 22, 0), (1, 9, 0), "tomorrow"),  # Monday night -> Tuesday morning, 11 h
        ((30, 23, 30), (1, 0, 15), "in 45 min"),  # past midnight, but minutes matter
        ((1, 9, 0), (30, 18, 0), "yesterday"),  # Tuesday -> Monday evening, 15 h ago
        ((2, 8, 0), (2, 20, 0), "in 12 h"),  # Wednesday, same day
        ((4, 16, 0), (7, 9, 0), "in 3 days"),  # Friday -> next Monday
        ((6, 10, 0), (4, 18, 0), "2 days ago"),  # Sunday -> Friday
        ((3, 12, 0), (4, 11, 59), "tomorrow"),  # Thursday -> Friday, under 24 h
    ],
)
def test_relative_counts_calendar_days(
    now: tuple[int, int, int], then: tuple[int, int, int], text: str
) -> None:
    def moment(day: int, hour: int, minute: int) -> datetime:
        month = 11 if day >= 30 else 12
        return datetime(2026, month, day, hour, minute, tzinfo=LONDON)

    assert relative(moment(*then), moment(*now)) == text


def test_relative_counts_real_time_across_a_clock_change() -> None:
    # Both share one tzinfo object, where plain subtraction would compare
    # wall clocks and say 23 h.
    now = datetime(2026, 3, 29, 0, 30, tzinfo=LONDON)
    assert relative(datetime(2026, 3, 29, 9, 0, tzinfo=LONDON), now) == "in 7 h"


def test_relative_to_a_parsed_time() -> None:
    assert relative(parse_when("in 90 min", NOW), NOW) == "in 1 h 30 min"
    assert relative(parse_when("yesterday 4pm", NOW), NOW) == "yesterday"


# -- describe_reading and format_day_time -------------------------------------------


@pytest.mark.parametrize(
    ("dt", "text"),
    [
        (london(2026, 12, 1, 15, 0), "Tue 1 Dec 15:00"),
        (london(2026, 11, 27, 15, 0), "Fri 27 Nov 15:00"),  # today: the month still named
        (london(2026, 11, 28, 9, 5), "Sat 28 Nov 09:05"),
        (london(2027, 1, 4, 10, 30), "Mon 4 Jan 2027 10:30"),
    ],
)
def test_format_day_time_always_names_the_month(dt: datetime, text: str) -> None:
    assert format_day_time(dt, NOW) == text


def test_describe_reading_says_which_reading_was_chosen() -> None:
    assert describe_reading(read_when("at 3", NOW), NOW) == (
        "Fri 27 Nov 15:00 (afternoon; write 3am for the morning) · in 1 h"
    )
    assert describe_reading(read_when("tomorrow 3pm", NOW), NOW) == "Sat 28 Nov 15:00 · tomorrow"
    assert describe_reading(read_when("next tue 10am", NOW), NOW) == "Tue 1 Dec 10:00 · in 4 days"
