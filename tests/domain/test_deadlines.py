"""Deadline ranges: their order, blank rows, date formatting and parsing."""

from __future__ import annotations

from datetime import date

import pytest

from prep.domain.checklist import Confidence, Deadline, Flex
from prep.domain.deadlines import (
    describe_day,
    format_day,
    is_blank,
    parse_deadline_date,
    range_problem,
)
from prep.domain.when import WhenError

FRI_4 = date(2026, 12, 4)
MON_7 = date(2026, 12, 7)
FRI_11 = date(2026, 12, 11)


@pytest.mark.parametrize(
    ("earliest", "likely", "latest"),
    [
        (FRI_4, MON_7, FRI_11),
        (FRI_4, FRI_4, FRI_4),
        (FRI_4, FRI_4, MON_7),
        (FRI_4, MON_7, MON_7),
        (None, None, None),
        (FRI_4, None, None),
        (None, MON_7, None),
        (None, None, FRI_11),
        (FRI_4, MON_7, None),
        (None, MON_7, FRI_11),
        (FRI_4, None, FRI_11),
        (FRI_4, None, FRI_4),
    ],
)
def test_dates_in_order_or_missing_are_fine(earliest, likely, latest):
    assert range_problem(earliest, likely, latest) is None


@pytest.mark.parametrize(
    ("earliest", "likely", "latest", "problem"),
    [
        (MON_7, FRI_4, FRI_11, "The likely date (Fri 4 Dec) is before the earliest (Mon 7 Dec)."),
        (MON_7, FRI_4, None, "The likely date (Fri 4 Dec) is before the earliest (Mon 7 Dec)."),
        (FRI_4, FRI_11, MON_7, "The latest date (Mon 7 Dec) is before the likely (Fri 11 Dec)."),
        (None, FRI_11, MON_7, "The latest date (Mon 7 Dec) is before the likely (Fri 11 Dec)."),
        (MON_7, None, FRI_4, "The latest date (Fri 4 Dec) is before the earliest (Mon 7 Dec)."),
        # All three reversed: the first pair is reported.
        (FRI_11, MON_7, FRI_4, "The likely date (Mon 7 Dec) is before the earliest (Fri 11 Dec)."),
        # Likely after both others.
        (FRI_4, FRI_11, FRI_4, "The latest date (Fri 4 Dec) is before the likely (Fri 11 Dec)."),
        # Likely before both others.
        (MON_7, FRI_4, MON_7, "The likely date (Fri 4 Dec) is before the earliest (Mon 7 Dec)."),
        # One day apart is enough.
        (
            date(2026, 12, 5),
            FRI_4,
            None,
            "The likely date (Fri 4 Dec) is before the earliest (Sat 5 Dec).",
        ),
        # Either side of New Year, the years are shown so the dates make sense.
        (
            date(2027, 1, 5),
            date(2026, 12, 30),
            None,
            "The likely date (Wed 30 Dec 2026) is before the earliest (Tue 5 Jan 2027).",
        ),
    ],
)
def test_dates_out_of_order_name_the_conflict(earliest, likely, latest, problem):
    assert range_problem(earliest, likely, latest) == problem


@pytest.mark.parametrize(
    ("day", "with_year", "text"),
    [
        (FRI_4, False, "Fri 4 Dec"),
        (FRI_4, True, "Fri 4 Dec 2026"),
        (date(2027, 1, 4), False, "Mon 4 Jan"),
        (date(2027, 1, 4), True, "Mon 4 Jan 2027"),
        (date(2026, 11, 29), False, "Sun 29 Nov"),
        (date(2028, 2, 29), True, "Tue 29 Feb 2028"),
    ],
)
def test_format_day(day, with_year, text):
    assert format_day(day, with_year=with_year) == text


@pytest.mark.parametrize(
    ("deadline", "blank"),
    [
        (Deadline(1, ""), True),
        (Deadline(1, "  \n"), True),
        # Confidence and flexibility alone don't make a deadline.
        (Deadline(1, "", confidence=Confidence.HIGH, flexible=frozenset({Flex.DATE})), True),
        (Deadline(1, "Launch"), False),
        (Deadline(1, "", earliest=FRI_4), False),
        (Deadline(1, "", likely=FRI_4), False),
        (Deadline(1, "", latest=FRI_4), False),
    ],
)
def test_is_blank(deadline, blank):
    assert is_blank(deadline) is blank


# Friday 27 November 2026, as in the other domain tests.
TODAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", None),
        ("   ", None),
        ("today", TODAY),
        ("tomorrow", date(2026, 11, 28)),
        ("fri", date(2026, 12, 4)),  # said on a Friday, a bare weekday is next Friday
        ("by fri", date(2026, 12, 4)),  # a leading "by" is allowed
        ("BY  fri", date(2026, 12, 4)),
        ("this fri", TODAY),  # "this" counts today
        ("next fri", date(2026, 12, 4)),  # the Friday of next week
        ("mon", date(2026, 11, 30)),
        ("in 2 weeks", date(2026, 12, 11)),
        ("in 3 days", date(2026, 11, 30)),
        ("4/12", date(2026, 12, 4)),
        ("4 dec", date(2026, 12, 4)),
        ("2027-01-08", date(2027, 1, 8)),
        ("3/1", date(2027, 1, 3)),  # year-less early January is next January
        ("24/11", date(2026, 11, 24)),  # and a recent date stays this year
        ("  Fri 4 Dec  ", date(2026, 12, 4)),
        ("2026-12-04 23:30", date(2026, 12, 4)),
    ],
)
def test_parse_deadline_date(text, expected):
    assert parse_deadline_date(text, TODAY) == expected


def test_parse_counts_from_the_given_day():
    assert parse_deadline_date("tomorrow", date(2027, 2, 28)) == date(2027, 3, 1)
    assert parse_deadline_date("in 1 week", date(2028, 2, 25)) == date(2028, 3, 3)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("banana", "Can't read 'banana' as a date. Try 'fri', '24/11'"),
        ("31/2", "There is no 31 February"),
        ("fri 5/12", "5 Dec 2026 is a Saturday, not a Friday."),
        ("x" * 101, "That's too long to be a date."),
    ],
)
def test_parse_refuses_nonsense(text, message):
    with pytest.raises(WhenError, match=message.replace(".", r"\.")):
        parse_deadline_date(text, TODAY)


MONDAY = date(2026, 11, 30)
SUNDAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("by mon", MONDAY, date(2026, 12, 7)),  # typed on a Monday: next Monday
        ("by mon", SUNDAY, MONDAY),  # typed on a Sunday: tomorrow
        ("by next tue", MONDAY, date(2026, 12, 8)),  # next week's Tuesday, not tomorrow
        ("by tue", MONDAY, date(2026, 12, 1)),
        ("by this mon", MONDAY, MONDAY),
    ],
)
def test_a_weekday_by_when_is_after_today(text, today, expected):
    assert parse_deadline_date(text, today) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("12/31", "12/31: 31 is not a month — dates are day-first (31/12)."),
        ("by", "Can't read 'by' as a date."),
    ],
)
def test_parse_deadline_date_messages(text, message):
    with pytest.raises(WhenError) as caught:
        parse_deadline_date(text, TODAY)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    ("day", "meeting_day", "expected"),
    [
        (FRI_4, None, ("Fri 4 Dec", False)),
        (FRI_4, FRI_4, ("Fri 4 Dec", False)),  # the day of the meeting is fine
        (FRI_4, date(2026, 12, 3), ("Fri 4 Dec", False)),
        (TODAY, MONDAY, ("Fri 27 Nov — before the meeting (Mon 30 Nov)", True)),
        (FRI_4, MON_7, ("Fri 4 Dec — before the meeting (Mon 7 Dec)", True)),
        # Either side of New Year, both show the year.
        (
            date(2026, 12, 30),
            date(2027, 1, 4),
            ("Wed 30 Dec 2026 — before the meeting (Mon 4 Jan 2027)", True),
        ),
        (date(2027, 1, 4), None, ("Mon 4 Jan 2027", False)),
    ],
)
def test_describe_day_warns_of_a_date_before_the_meeting(day, meeting_day, expected):
    assert describe_day(day, TODAY, meeting_day) == expected
