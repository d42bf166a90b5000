"""Repeats typed for a meeting, as RRULE text, and their occurrences.

NOW is Friday 27 November 2026, 14:00 London; the first meeting is at(4, 9),
Tuesday 1 December 09:00.
"""

from __future__ import annotations

import pytest

from prep.domain.repeats import RepeatError, occurrences, read_repeat
from prep.domain.when import DateConventions
from tests.helpers import at

FIRST = at(4, 9)  # Tue 1 Dec 2026 09:00


@pytest.mark.parametrize(
    ("text", "rrule", "said"),
    [
        ("every week", "FREQ=WEEKLY", "every week"),
        ("Weekly", "FREQ=WEEKLY", "every week"),
        ("every 2 weeks on tue", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "every 2 weeks on Tue"),
        ("every other week", "FREQ=WEEKLY;INTERVAL=2", "every 2 weeks"),
        ("fortnightly", "FREQ=WEEKLY;INTERVAL=2", "every 2 weeks"),
        ("every week on tue, thu", "FREQ=WEEKLY;BYDAY=TU,TH", "every week on Tue, Thu"),
        ("every tuesday", "FREQ=WEEKLY;BYDAY=TU", "every week on Tue"),
        ("monthly", "FREQ=MONTHLY", "every month"),
        ("every 3 months", "FREQ=MONTHLY;INTERVAL=3", "every 3 months"),
        ("daily", "FREQ=DAILY", "every day"),
        ("weekdays", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "weekdays"),
        ("weekly for 6", "FREQ=WEEKLY;COUNT=6", "every week, 6 times"),
        (
            "every week until 31 mar",
            "FREQ=WEEKLY;UNTIL=20270331T235959",
            "every week until Wed 31 Mar 2027",
        ),
    ],
)
def test_a_repeat_as_rrule(text, rrule, said):
    repeat = read_repeat(text, FIRST)
    assert repeat is not None
    assert (repeat.rrule, repeat.description) == (rrule, said)


@pytest.mark.parametrize("text", ["", "never", "  "])
def test_no_repeat(text):
    assert read_repeat(text, FIRST) is None


def test_until_reads_dates_in_the_settings_order():
    day_first = read_repeat("weekly until 3/2/2027", FIRST)
    month_first = read_repeat("weekly until 3/2/2027", FIRST, DateConventions(month_first=True))
    assert day_first is not None and month_first is not None
    assert day_first.rrule.endswith("UNTIL=20270203T235959")
    assert month_first.rrule.endswith("UNTIL=20270302T235959")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sometimes", "Can't read 'sometimes' as a repeat."),
        ("every 2 weeks on wed", "The first meeting is on a Tue: include it"),
        ("every month on tue", "Name days only for a weekly repeat"),
        ("every 99 weeks", "Repeat every 1 to 52 weeks."),
        ("weekly for 0", "Say 'for' 1 to 500 meetings."),
        ("weekly until 1 nov 2026", "The repeat ends before the first meeting."),
        ("weekly until 31/2/2027", "until: There is no 31 February 2027."),
    ],
)
def test_a_repeat_it_cannot_use_says_why(text, message):
    with pytest.raises(RepeatError) as error:
        read_repeat(text, FIRST)
    assert str(error.value).startswith(message)


def test_occurrences_keep_the_wall_time_across_a_clock_change():
    # London's clocks go forward on Sunday 28 March 2027.
    first = at(116, 9)  # Mon 22 Mar 2027 09:00 GMT
    repeat = read_repeat("every week for 3", first)
    assert repeat is not None
    found = occurrences(repeat.rrule, first, at(0, 0), at(200, 0))
    print([f.isoformat() for f in found])
    assert found == [at(116, 9), at(123, 9), at(130, 9)]
    assert [f.utcoffset().total_seconds() for f in found] == [0, 3600, 3600]


def test_occurrences_in_a_window():
    repeat = read_repeat("every 2 weeks on tue", FIRST)
    assert repeat is not None
    found = occurrences(repeat.rrule, FIRST, at(10, 0), at(40, 0))
    assert found == [at(18, 9), at(32, 9)]


@pytest.mark.parametrize("text", ["every wed", "every wednesday for 3", "weekdays"])
def test_a_rule_that_would_skip_the_first_meeting_is_refused(text):
    saturday = at(1, 9)
    first = saturday if text == "weekdays" else FIRST
    with pytest.raises(RepeatError, match=r"The first meeting is on a (Tue|Sat): include it"):
        read_repeat(text, first)


def test_the_hint_counts_the_meetings_a_rule_with_an_end_makes():
    from prep.domain.repeats import said_back

    until = read_repeat("every week until 22 dec", FIRST)
    endless = read_repeat("fortnightly", FIRST)
    assert until is not None and endless is not None
    assert said_back(until, FIRST) == "every week until Tue 22 Dec 2026 — 4 meetings"
    assert said_back(endless, FIRST) == "every 2 weeks, no end"
