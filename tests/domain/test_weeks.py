"""Calendar weeks: Monday starts, local-midnight bounds across clock changes, ISO names."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from prep.domain.weeks import (
    describe_week,
    iso_week_label,
    parse_iso_week,
    week_bounds,
    week_start,
)
from tests.helpers import LONDON

HINT = "Give a week as YYYY-Www, e.g. 2026-W47."
MONDAY = date(2026, 11, 23)


def hours(start: datetime, end: datetime) -> float:
    # Through UTC: the same tzinfo on both sides would compare wall clocks.
    return (end.astimezone(UTC) - start.astimezone(UTC)) / timedelta(hours=1)


def in_week(moment: datetime, monday: date) -> bool:
    start, end = week_bounds(monday, LONDON)
    return start <= moment < end


# -- week_start ------------------------------------------------------------------


@pytest.mark.parametrize("offset", range(7))
def test_every_day_of_the_week_starts_on_its_monday(offset):
    assert week_start(MONDAY + timedelta(days=offset)) == MONDAY


def test_the_next_monday_starts_the_next_week():
    assert week_start(date(2026, 11, 30)) == date(2026, 11, 30)


def test_a_week_can_start_in_the_year_before():
    assert week_start(date(2027, 1, 1)) == date(2026, 12, 28)


def test_a_datetime_counts_by_its_own_wall_clock_date():
    assert week_start(datetime(2026, 11, 29, 23, 30, tzinfo=LONDON)) == MONDAY


# -- Boundaries ------------------------------------------------------------------


def test_sunday_late_evening_belongs_to_that_week_and_monday_just_after_midnight_to_the_next():
    sunday = datetime(2026, 11, 29, 23, 30, tzinfo=LONDON)
    monday = datetime(2026, 11, 30, 0, 10, tzinfo=LONDON)
    assert week_start(sunday.date()) == MONDAY
    assert in_week(sunday, MONDAY)
    assert not in_week(sunday, date(2026, 11, 30))
    assert week_start(monday.date()) == date(2026, 11, 30)
    assert in_week(monday, date(2026, 11, 30))
    assert not in_week(monday, MONDAY)


def test_in_summer_time_the_bounds_are_local_midnight_not_utc_midnight():
    # Monday 00:10 BST is still Sunday 23:10 in UTC: it belongs to Monday's week.
    sunday = datetime(2026, 10, 18, 23, 30, tzinfo=LONDON)
    monday = datetime(2026, 10, 19, 0, 10, tzinfo=LONDON)
    assert monday.astimezone(UTC).day == 18
    assert in_week(sunday.astimezone(UTC), date(2026, 10, 12))
    assert in_week(monday.astimezone(UTC), date(2026, 10, 19))
    assert not in_week(monday.astimezone(UTC), date(2026, 10, 12))


def test_bounds_are_local_midnights_a_week_apart():
    start, end = week_bounds(MONDAY, LONDON)
    assert start == datetime(2026, 11, 23, tzinfo=LONDON)
    assert end == datetime(2026, 11, 30, tzinfo=LONDON)
    assert start.tzinfo is LONDON and end.tzinfo is LONDON
    assert hours(start, end) == 168


@pytest.mark.parametrize(
    ("monday", "length"),
    [
        # Clocks go back at 02:00 BST on Sunday 25 October 2026: that week has 169 hours.
        (date(2026, 10, 19), 169),
        # The week after (of Monday 26 October) is back to 168.
        (date(2026, 10, 26), 168),
        # Clocks go forward at 01:00 GMT on Sunday 29 March 2026: 167 hours.
        (date(2026, 3, 23), 167),
        (date(2026, 3, 30), 168),
    ],
)
def test_the_week_of_a_clock_change_is_an_hour_longer_or_shorter(monday, length):
    start, end = week_bounds(monday, LONDON)
    assert (start.hour, end.hour) == (0, 0)
    assert hours(start, end) == length


def test_consecutive_weeks_meet_without_a_gap_across_a_clock_change():
    _, end = week_bounds(date(2026, 10, 19), LONDON)
    start, _ = week_bounds(date(2026, 10, 26), LONDON)
    assert end == start
    assert end.utcoffset() == timedelta(0)


def test_bounds_in_utc_are_always_168_hours():
    start, end = week_bounds(date(2026, 10, 19), UTC)
    assert hours(start, end) == 168


def test_bounds_want_a_monday():
    with pytest.raises(ValueError, match="Tue 24 Nov 2026 is not a Monday"):
        week_bounds(date(2026, 11, 24), LONDON)


# -- ISO names -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("monday", "label"),
    [
        (MONDAY, "2026-W48"),
        (date(2026, 1, 5), "2026-W02"),
        # 2026 has 53 ISO weeks; the last one ends in 2027.
        (date(2026, 12, 28), "2026-W53"),
        # And its first week starts in 2025.
        (date(2025, 12, 29), "2026-W01"),
        (date(2027, 1, 4), "2027-W01"),
    ],
)
def test_iso_week_label(monday, label):
    assert iso_week_label(monday) == label
    assert parse_iso_week(label) == monday


@pytest.mark.parametrize(
    ("text", "monday"),
    [
        ("2026-W47", date(2026, 11, 16)),
        ("2026-w47", date(2026, 11, 16)),
        ("  2026-W47\n", date(2026, 11, 16)),
        ("2026W47", date(2026, 11, 16)),
        ("2026-W7", date(2026, 2, 9)),
        ("2026-W53", date(2026, 12, 28)),
    ],
)
def test_parse_iso_week(text, monday):
    assert parse_iso_week(text) == monday


def test_every_week_of_two_years_round_trips():
    monday = date(2025, 12, 29)
    while monday < date(2028, 1, 3):
        assert parse_iso_week(iso_week_label(monday)) == monday
        monday += timedelta(days=7)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "next week",
        "2026-47",
        "W47",
        "2026-W",
        "2026-W480",
        "2026-W47x",
        "26-W47",
        "0000-W01",
        "2026-W47" + " " * 50,
    ],
)
def test_anything_else_is_refused_with_the_format(text):
    with pytest.raises(ValueError) as error:
        parse_iso_week(text)
    assert str(error.value) == HINT


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025-W53", f"2025 has weeks W01 to W52. {HINT}"),
        ("2026-W54", f"2026 has weeks W01 to W53. {HINT}"),
        ("2026-W00", f"2026 has weeks W01 to W53. {HINT}"),
    ],
)
def test_a_week_the_year_does_not_have_is_refused(text, message):
    with pytest.raises(ValueError) as error:
        parse_iso_week(text)
    assert str(error.value) == message


def test_labels_want_a_monday():
    with pytest.raises(ValueError):
        iso_week_label(date(2026, 11, 29))


# -- describe_week ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("monday", "text"),
    [
        (MONDAY, "Week 48 \u00b7 Mon 23 \u2013 Sun 29 Nov 2026"),
        (date(2026, 11, 30), "Week 49 \u00b7 Mon 30 Nov \u2013 Sun 6 Dec 2026"),
        (date(2026, 12, 28), "Week 53 \u00b7 Mon 28 Dec 2026 \u2013 Sun 3 Jan 2027"),
        (date(2025, 12, 29), "Week 1 \u00b7 Mon 29 Dec 2025 \u2013 Sun 4 Jan 2026"),
    ],
)
def test_describe_week(monday, text):
    assert describe_week(monday) == text


def test_describe_week_wants_a_monday_date():
    with pytest.raises(ValueError):
        describe_week(date(2026, 11, 25))
    with pytest.raises(TypeError):
        describe_week(datetime(2026, 11, 23, tzinfo=LONDON))
