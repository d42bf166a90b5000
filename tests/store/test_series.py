"""Repeating meetings: a series, its meetings made for the agenda's window,
and changing or deleting one of them or all from one on (m013)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from prep.domain.clock import FixedClock
from prep.domain.models import MeetingDraft, Setting
from prep.domain.repeats import read_repeat
from prep.store import open_store
from prep.store.series import HORIZON_DAYS
from tests.helpers import LONDON, NOW, at, count, query

# NOW is Friday 27 Nov 2026; at(4, 10) is Tuesday 1 Dec, 10:00.
FIRST = at(4, 10)


def weekly(text: str = "every week", starts_at: datetime = FIRST, **overrides) -> MeetingDraft:
    repeat = read_repeat(text, starts_at)
    assert repeat is not None
    values = dict(
        title="Weekly sync",
        counterpart_name="Dana Whitfield",
        starts_at=starts_at,
        duration_minutes=30,
        setting=Setting.VIDEO,
        repeat=repeat.rrule,
        repeat_text=text,
    )
    values.update(overrides)
    return MeetingDraft(**values)


def series_starts(store, series_id: int | None = None) -> list[datetime]:
    return [m.starts_at for m in store.all_meetings() if series_id in (None, m.series_id)]


def later_store(db_path: Path, days: int):
    return open_store(db_path, clock=FixedClock(NOW + timedelta(days=days)))


def test_a_weekly_series_is_made_up_to_the_horizon_at_its_wall_time(store, db_path):
    first = store.add_meeting(weekly())

    starts = series_starts(store)
    print(f"meetings made for {HORIZON_DAYS} days: {len(starts)}")
    # Tuesdays 1 Dec 2026 .. 26 Jan 2027: the horizon is midnight 61 days on.
    assert len(starts) == 9
    assert starts[0] == FIRST and starts[-1] == at(60, 10)
    assert all(s.weekday() == 1 and (s.hour, s.minute) == (10, 0) for s in starts)
    assert first.series_id is not None
    assert {m.series_id for m in store.all_meetings()} == {first.series_id}
    assert query(db_path, "SELECT rrule, repeat_text FROM series") == [
        ("FREQ=WEEKLY", "every week")
    ]


def test_making_again_adds_nothing_and_a_day_later_adds_only_the_new_day(store, db_path):
    store.add_meeting(weekly("every day"))
    made = count(db_path)

    again = store.series.make_occurrences()
    print(f"daily series: {made} rows; made again: {again} added")
    assert again == 0 and count(db_path) == made
    later = later_store(db_path, 1)
    try:
        assert later.series.make_occurrences() == 1
        assert later.series.make_occurrences() == 0
    finally:
        later.close()
    assert count(db_path) == made + 1


def test_a_series_with_an_end_stops_there(store):
    store.add_meeting(weekly("every week for 3"))
    assert series_starts(store) == [FIRST, at(11, 10), at(18, 10)]


def test_editing_this_one_moves_only_it_and_it_is_not_made_twice(store, db_path):
    store.add_meeting(weekly())
    second = store.all_meetings()[1]

    store.update_meeting(second.id, weekly(starts_at=at(12, 15), title="Moved sync", repeat=""))
    later = later_store(db_path, 14)
    try:
        added = later.series.make_occurrences()
    finally:
        later.close()

    meetings = store.all_meetings()
    print(f"after moving one and making two weeks more: {len(meetings)} meetings, {added} added")
    assert added == 2
    assert [m.title for m in meetings].count("Moved sync") == 1
    assert at(11, 10) not in [m.starts_at for m in meetings]
    assert store.meeting(second.id).starts_at == at(12, 15)


def test_deleting_this_one_is_not_made_again_and_undo_brings_it_back(store, db_path):
    store.add_meeting(weekly())
    third = store.all_meetings()[2]

    snapshot = store.delete_meeting(third.id)
    later = later_store(db_path, 7)
    try:
        later.series.make_occurrences()
    finally:
        later.close()
    assert third.starts_at not in series_starts(store)

    store.restore(snapshot)
    assert store.meeting(third.id).starts_at == third.starts_at


def test_this_and_later_ends_the_old_series_and_starts_a_new_one(store, db_path):
    first = store.add_meeting(weekly())
    meetings = store.all_meetings()
    third = meetings[2]
    # Work on a later one: it stays, as a meeting of the old series.
    store.checklists.set_field(meetings[5].id, "i_expect", "A decision on the pilot")

    changed = store.series.change_from(
        third.id, weekly(starts_at=at(18, 11), title="Weekly sync (11:00)")
    )

    assert changed.series_id not in (None, first.series_id)
    old = series_starts(store, first.series_id)
    new = series_starts(store, changed.series_id)
    print(f"old series keeps {len(old)}, new series has {len(new)}")
    assert old == [FIRST, at(11, 10), meetings[5].starts_at]
    assert new[0] == at(18, 11) and all(s.hour == 11 for s in new)
    assert len(new) == 7  # 15 Dec .. 26 Jan
    assert query(db_path, "SELECT count(*) FROM series WHERE ends_before IS NOT NULL") == [(1,)]
    assert store.series.make_occurrences() == 0


def test_delete_this_and_later_and_undo(store, db_path):
    store.add_meeting(weekly())
    before = store.all_meetings()

    snapshot = store.series.delete_from(before[3].id)
    assert series_starts(store) == [m.starts_at for m in before[:3]]
    later = later_store(db_path, 30)
    try:
        assert later.series.make_occurrences() == 0
    finally:
        later.close()

    store.restore(snapshot)
    assert store.all_meetings() == before
    assert query(db_path, "SELECT ends_before FROM series") == [(None,)]


def test_a_weekly_series_keeps_its_london_wall_time_across_the_clock_change(db_path):
    # Clocks go forward on Sunday 28 March 2027: 09:00 is 09:00Z before, 08:00Z after.
    now = datetime(2027, 3, 10, 12, 0, tzinfo=LONDON)
    store = open_store(db_path, clock=FixedClock(now))
    try:
        first = datetime(2027, 3, 16, 9, 0, tzinfo=LONDON)
        store.add_meeting(weekly("every tue for 4", starts_at=first))
        starts = series_starts(store)
    finally:
        store.close()
    utc_hours = [s.astimezone(UTC).hour for s in starts]
    print(f"local 09:00 each week; UTC hours {utc_hours}")
    assert [(s.day, s.hour) for s in starts] == [(16, 9), (23, 9), (30, 9), (6, 9)]
    assert utc_hours == [9, 9, 8, 8]
