"""Day-first and month-first dates, and weeks that start on another day.

NOW is Friday 27 November 2026, 14:00 London.
"""

from __future__ import annotations

import pytest

from prep.domain.deadlines import parse_deadline_date
from prep.domain.when import DAY_FIRST, DateConventions, WhenError, describe_reading, read_when
from tests.helpers import NOW, at

MONTH_FIRST = DateConventions(month_first=True)


@pytest.mark.parametrize(
    ("text", "day_first", "month_first"),
    [
        # Ambiguous: both numbers could be the month.
        ("12/1 3pm", at(46, 15), at(4, 15)),  # 12 Jan 2027 / 1 Dec 2026
        ("3/4", at(127, 9), at(97, 9)),  # 3 Apr 2027 / 4 Mar 2027
        ("12/1/2027 9am", at(46, 9), at(369, 9)),  # 12 Jan 2027 / 1 Dec 2027
        ("1-12-27 10:30", at(369, 10, 30), at(46, 10, 30)),  # 1 Dec / 12 Jan 2027
        # Names and year-first dates read the same in either order.
        ("24 nov 3pm", at(-3, 15), at(-3, 15)),
        ("dec 1", at(4, 9), at(4, 9)),
        ("2026-12-01 15:00", at(4, 15), at(4, 15)),
    ],
)
def test_numeric_dates_follow_the_order(text, day_first, month_first):
    assert read_when(text, NOW, DAY_FIRST).moment == day_first
    assert read_when(text, NOW, MONTH_FIRST).moment == month_first


def test_the_hint_names_the_month_so_the_reading_is_never_in_doubt():
    for conventions, shown in (
        (DAY_FIRST, "Tue 12 Jan 2027 15:00"),
        (MONTH_FIRST, "Tue 1 Dec 15:00"),
    ):
        reading = read_when("12/1 3pm", NOW, conventions)
        assert describe_reading(reading, NOW).startswith(shown)


@pytest.mark.parametrize(
    ("text", "conventions", "message"),
    [
        # 13 cannot be a month: refused, never quietly read the other way,
        # with the form this order wants.
        ("13/1", MONTH_FIRST, "13/1: 13 is not a month — dates are month-first (1/13)."),
        ("1/13", DAY_FIRST, "1/13: 13 is not a month — dates are day-first (13/1)."),
        (
            "12/31/2026",
            DAY_FIRST,
            "12/31/2026: 31 is not a month — dates are day-first (31/12/2026).",
        ),
        # Impossible in the chosen order, and swapping would not help either.
        ("2/30", MONTH_FIRST, "There is no 30 February."),
        ("30/2", DAY_FIRST, "There is no 30 February."),
        ("2/30", DAY_FIRST, "There is no month 30."),
        ("4/31/2027", MONTH_FIRST, "There is no 31 April 2027."),
    ],
)
def test_a_date_impossible_in_the_order_says_so(text, conventions, message):
    with pytest.raises(WhenError) as error:
        read_when(text, NOW, conventions)
    assert str(error.value) == message


def test_thirteen_slash_one_is_the_thirteenth_only_day_first():
    assert read_when("13/1", NOW, DAY_FIRST).moment == at(47, 9)
    assert read_when("1/13", NOW, MONTH_FIRST).moment == at(47, 9)


def test_deadline_dates_follow_the_order():
    today = NOW.date()
    assert str(parse_deadline_date("by 12/1", today)) == "2027-01-12"
    assert str(parse_deadline_date("by 12/1", today, MONTH_FIRST)) == "2026-12-01"


@pytest.mark.parametrize(
    ("week_start", "text", "days"),
    [
        (0, "next tue", 4),  # weeks from Monday: Fri 27 Nov -> Tue 1 Dec
        (6, "next tue", 4),  # from Sunday: the next week starts Sun 29 Nov
        (5, "next fri", 7),  # from Saturday: Fri 27 is the end of this week
        (4, "next fri", 7),  # from Friday: today starts this week
        (4, "next thu", 13),  # ... and Thursday 3 Dec is still this week
        (0, "next thu", 6),
    ],
)
def test_next_weekday_counts_weeks_from_the_first_day_of_the_week(week_start, text, days):
    conventions = DateConventions(week_start=week_start)
    assert read_when(text, NOW, conventions).moment == at(days, 9)
