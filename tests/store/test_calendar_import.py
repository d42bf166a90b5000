"""Calendar files into meetings: time zones, repeats, identity and re-import.

Every import here names its window, so the tests pass on any date.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from prep.domain.calendar_events import MAX_FILE_BYTES, CalendarError, read_calendar
from prep.store.calendar_import import import_paths
from tests.helpers import LONDON

CALENDARS = Path(__file__).parent.parent / "data" / "calendars"
DECEMBER = (datetime(2026, 11, 28, tzinfo=LONDON), datetime(2027, 1, 1, tzinfo=LONDON))
SPRING = (datetime(2027, 3, 1, tzinfo=LONDON), datetime(2027, 5, 1, tzinfo=LONDON))
ME = frozenset({"me@work.example"})


def load(store, *names: str, window=DECEMBER, **options):
    start, end = window
    paths = [str(CALENDARS / n) if not Path(n).is_absolute() else n for n in names]
    results = import_paths(store, paths, start=start, end=end, me=ME, **options)
    for result in results:
        print(result.source, result.summary, result.refused)
    return results


def meetings(store) -> dict[str, tuple[str, int, str, bool]]:
    """Title -> (local start, minutes, person, cancelled)."""
    return {
        m.title: (
            m.starts_at.strftime("%Y-%m-%d %H:%M %z"),
            m.duration_minutes,
            m.counterpart.name,
            m.cancelled,
        )
        for m in store.all_meetings()
    }


def test_each_kind_of_time_lands_at_the_right_local_time(store):
    [result] = load(store, "zones.ics")
    got = meetings(store)
    assert got == {
        # 10:00 in a VTIMEZONE named the Outlook way (UTC-5 in December)
        "Outlook zone review": ("2026-12-01 15:00 +0000", 60, "Dana Whitfield", False),
        # a zone name with no VTIMEZONE; the organiser is me, so the first attendee
        "Zürich café ☕ – Förderung": ("2026-12-02 14:00 +0000", 45, "Jürgen Groß", False),
        "UTC standup": ("2026-12-03 09:00 +0000", 30, "sam@vendor.example", False),
        # floating: the wall time where you are
        "Floating lunch": ("2026-12-04 11:30 +0000", 30, "Dana Whitfield", False),
    }
    assert (result.summary.all_day, result.summary.free) == (1, 1)
    assert result.summary.people_added == 3  # Dana (twice, one person), Jürgen, Sam


def test_attendees_rooms_and_me(store):
    load(store, "zones.ics")
    notes = {m.title: m.notes for m in store.all_meetings()}
    # The room and I are left out; a nameless attendee is their address.
    assert notes["Outlook zone review"] == "Also invited: pat@client.example"
    assert notes["Zürich café ☕ – Förderung"] == "Also invited: Ana <ana@kunde.example>"
    rows = {r["name"]: r["email"] for r in store.query("SELECT name, email FROM people")}
    assert rows["Dana Whitfield"] == "Dana.Whitfield@client.example"  # matched in any case


def test_a_person_is_matched_by_email_then_by_name(store):
    sam = store.add_counterpart("Sam Okafor")  # known by name, no email yet
    load(store, "broken.ics")
    [meeting] = store.all_meetings()
    assert meeting.counterpart.id == sam.id
    # Now the email is known: a nameless invitation from it finds Sam too.
    load(store, "zones.ics")
    by_title = {m.title: m.counterpart.id for m in store.all_meetings()}
    assert by_title["UTC standup"] == sam.id


def test_google_x_wr_timezone(store):
    [result] = load(store, "google.ics")
    got = meetings(store)
    # Floating 15:00 with X-WR-TIMEZONE New York is 20:00 in London.
    assert got["Google floating in New York"][0] == "2026-12-01 20:00 +0000"
    assert got["Google in UTC"][0] == "2026-12-02 15:00 +0000"
    assert "Cancelled before import" not in got
    assert [s.reason for s in result.summary.skipped] == [
        "cancelled in the calendar before it was imported"
    ]


def test_bad_events_are_skipped_with_a_reason_and_the_rest_imports(store):
    [result] = load(store, "broken.ics")
    assert list(meetings(store)) == ["Still imported"]
    reasons = [str(s) for s in result.summary.skipped]
    for line in reasons:
        print(line)
    assert len(reasons) == 3
    assert reasons[0].startswith("“No UID here” (no UID): it has no UID")
    assert reasons[1].startswith(
        "“Broken line inside” (UID broken-line-1@prep.test): a broken line"
    )
    assert reasons[2] == "“No start” (UID no-start-1@prep.test): it has no start (DTSTART)"
    assert all("\n" not in line for line in reasons)


def test_a_file_that_is_not_a_calendar_is_refused_and_others_go_on(store, tmp_path):
    missing = str(tmp_path / "nowhere.ics")
    results = load(store, "not-a-calendar.ics", "google.ics", missing)
    assert results[0].refused == "it is not an iCalendar file (no BEGIN:VCALENDAR)"
    assert results[1].summary is not None and len(results[1].summary.added) == 2
    assert results[2].refused == "No such file or directory"


def test_a_huge_file_is_refused_unread():
    with pytest.raises(CalendarError, match="MB"):
        read_calendar(b"x" * (MAX_FILE_BYTES + 1), start=DECEMBER[0], end=DECEMBER[1], zone=LONDON)


def test_series_with_exdate_moved_occurrence_and_a_clock_change(store):
    [result] = load(store, "weekly.ics", window=SPRING)
    # 22 March is an EXDATE; the clocks go forward on 28 March: still 09:00;
    # 5 April's occurrence was moved to the 6th at 14:00.
    starts = sorted(m.starts_at.strftime("%m-%d %H:%M %z") for m in store.all_meetings())
    assert starts == [
        "03-15 09:00 +0000",
        "03-29 09:00 +0100",
        "04-06 14:00 +0100",
        "04-12 09:00 +0100",
    ]
    assert len(result.summary.added) == 4


def test_reimport_changes_nothing(store):
    load(store, "weekly.ics", "zones.ics", window=SPRING)
    load(store, "zones.ics")
    before = store.query("SELECT * FROM meetings ORDER BY id")
    links = store.query("SELECT * FROM calendar_links ORDER BY meeting_id")
    results = load(store, "weekly.ics", window=SPRING) + load(store, "zones.ics")
    assert store.query("SELECT * FROM meetings ORDER BY id") == before
    assert store.query("SELECT * FROM calendar_links ORDER BY meeting_id") == links
    for result in results:
        s = result.summary
        assert (s.added, s.updated, s.cancelled) == ([], [], [])
    assert [r.summary.unchanged for r in results] == [4, 4]


def test_updated_file_moves_one_occurrence_and_keeps_its_checklist(store):
    load(store, "weekly.ics", window=SPRING)
    march29 = next(m for m in store.all_meetings() if m.starts_at.day == 29)
    store.checklists.set_field(march29.id, "they_expect", "A budget")
    with store.writing():  # the notes are the person's: write some
        store.db.execute("UPDATE meetings SET notes = 'my notes' WHERE id = ?", [march29.id])
    [result] = load(store, "weekly-updated.ics", window=SPRING)
    moved = store.meeting(march29.id)
    assert moved.title == "Weekly with Priya – budget"
    assert moved.starts_at.strftime("%Y-%m-%d %H:%M") == "2027-03-30 11:30"
    assert moved.duration_minutes == 45
    assert moved.notes == "my notes"
    assert store.checklists.get(march29.id).they_expect == "A budget"
    april12 = next(m for m in store.all_meetings() if m.starts_at.day == 12)
    assert april12.cancelled
    assert (len(result.summary.updated), len(result.summary.cancelled)) == (1, 1)
    assert store.meeting_count() == 4  # nothing deleted


def test_an_event_gone_from_the_file_is_cancelled_not_deleted(store, tmp_path):
    calendar = tmp_path / "work.ics"
    shutil.copy(CALENDARS / "google.ics", calendar)
    load(store, str(calendar))
    text = calendar.read_bytes().decode()
    start = text.index("BEGIN:VEVENT\r\nDTSTART:20261202")
    calendar.write_bytes((text[:start] + text[text.index("END:VEVENT\r\n", start) + 12 :]).encode())
    [result] = load(store, str(calendar))
    assert result.summary.cancelled == ["“Google in UTC” 2026-12-02 15:00 (gone from the calendar)"]
    assert meetings(store)["Google in UTC"][3] is True
    assert meetings(store)["Google floating in New York"][3] is False
    # Back in the calendar: no longer cancelled.
    shutil.copy(CALENDARS / "google.ics", calendar)
    [result] = load(store, str(calendar))
    assert meetings(store)["Google in UTC"][3] is False
    assert len(result.summary.updated) == 1


def test_vdirsyncer_folder_and_a_deleted_event_file(store, tmp_path):
    folder = tmp_path / "calendars" / "work"
    folder.mkdir(parents=True)
    for name in ("zones.ics", "google.ics", "broken.ics", "not-a-calendar.ics"):
        shutil.copy(CALENDARS / name, folder / name)
    [result] = load(store, str(tmp_path / "calendars"))
    assert len(result.summary.added) == 7
    assert any(s.event == "not-a-calendar.ics" for s in result.summary.skipped)
    (folder / "google.ics").unlink()
    [result] = load(store, str(tmp_path / "calendars"))
    assert sorted(result.summary.cancelled) == [
        "“Google floating in New York” 2026-12-01 20:00 (gone from the calendar)",
        "“Google in UTC” 2026-12-02 15:00 (gone from the calendar)",
    ]
    assert result.summary.unchanged == 5


def test_dry_run_writes_nothing_and_counts_the_same(store):
    [dry] = load(store, "zones.ics", dry_run=True)
    assert store.meeting_count() == 0
    assert store.query("SELECT count(*) AS n FROM people")[0]["n"] == 0
    [real] = load(store, "zones.ics")
    assert dry.summary == real.summary


def test_cancelled_meetings_owe_no_debrief(store):
    from prep.domain.agenda import build_agenda

    load(store, "weekly.ics", window=SPRING)
    load(store, "weekly-updated.ics", window=SPRING)
    after = datetime(2027, 4, 13, 10, tzinfo=LONDON)  # 12 April, cancelled, is past
    debriefs = [m for g in build_agenda(store.all_meetings(), after) for m in g.meetings]
    assert [m.starts_at.day for m in debriefs] == [6, 30, 15]
    assert all(not m.cancelled for m in debriefs)
