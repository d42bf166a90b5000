"""`prep debrief`: a meeting's debrief beside its plan, printed as Markdown."""

from __future__ import annotations

import stat
import subprocess
import sys
from datetime import date, datetime

import pytest
from dateutil import tz

from prep.domain.checklist import Confidence, Need
from prep.domain.debrief import AskAnswer, Owner, ProposalOutcome
from prep.domain.models import MeetingDraft, Setting
from prep.store import open_store

# A debrief is for a meeting that has happened, but the command does not
# check: a fixed date far ahead keeps "Today"/"Yesterday" wording out.
START = datetime(2030, 1, 15, 10, 0, tzinfo=tz.gettz("Europe/London"))

EXPECTED = """\
# Debrief: Quarterly business review

with Dana Whitfield (Northwind) · Tue 15 Jan 2030 10:00 · Over coffee

## How it went

Phase two is approved.

The vendor question waits for March.

Overall: 4/5 · Temperature: 4/5 (warm)

## Plan vs reality

| Planned | Happened |
| --- | --- |
| Ask: I need the sign-off on phase two — by Fri 11 Jan 2030 | Asked — granted |
| Ask: Can we move the steering group to Tuesdays? | Not asked |
| Ask: More budget \\| more people | — |
| Assertiveness: 6/10 (just right) | 3/10 (3 below plan, in the too-little zone) |
| Problem: The vendor is three weeks late — solution: Switch to the backup vendor for the API work | Accepted |
| Problem: Nobody owns the data migration — asking for help | — |

## Unsaid

- Can we move the steering group to Tuesdays?
- \\# My workload is too high (resolved)

## Deadlines that moved

- Phase two go-live: was Mon 4 Feb 2030–Mon 4 Mar 2030 (likely Mon 18 Feb 2030), now Mon 25 Feb 2030–Mon 25 Mar 2030 (likely Mon 11 Mar 2030)

## Feedback

- What should I keep doing? The weekly notes
- What should I do more often? Flag risks earlier
- What can I do to help you more? —

## Action items

- [ ] Send the revised SOW — them, due Fri 18 Jan 2030
- [x] Book the steering room — me

## Coaching up

Late scope additions: show what each one does to the date.
"""


@pytest.fixture
def debrief_db(tmp_path):
    path = tmp_path / "debrief.db"
    store = open_store(path)
    meeting = store.add_meeting(
        MeetingDraft(
            "Quarterly business review",
            "Dana Whitfield",
            START,
            duration_minutes=90,
            setting=Setting.COFFEE,
        )
    )
    store.db.execute("UPDATE people SET organisation = 'Northwind'")
    m = meeting.id
    c = store.checklists
    sign_off = c.add_item(
        "asks", m, text="I need the sign-off on phase two", by_when=date(2030, 1, 11)
    )
    tuesdays = c.add_item("asks", m, text="Can we move the steering group to Tuesdays?")
    c.add_item("asks", m, text="More budget | more people")  # never answered
    go_live = c.add_item(
        "deadlines",
        m,
        label="Phase two go-live",
        earliest=date(2030, 2, 4),
        likely=date(2030, 2, 18),
        latest=date(2030, 3, 4),
        confidence=Confidence.MEDIUM,
    )
    c.add_item(
        "deadlines", m, label="Training", earliest=date(2030, 3, 2), latest=date(2030, 3, 9)
    )  # did not move
    c.set_field(m, "planned_level", 6)
    vendor = c.add_item("problems", m, text="The vendor is three weeks late", need=Need.DECISION)
    c.add_item("solutions", vendor, text="Switch to the backup vendor for the API work")
    c.add_item(
        "problems",
        m,
        text="Nobody owns the data migration",
        need=Need.INFORMATION,
        ask_for_help=True,
    )

    d = store.debriefs
    d.set_field(m, "outcome", "Phase two is approved.\n\nThe vendor question waits for March.")
    d.set_field(m, "overall", 4)
    d.set_field(m, "temperature", 4)
    d.set_field(m, "actual_level", 3)
    d.set_ask_result(sign_off, True, AskAnswer.GRANTED)
    d.set_ask_result(tuesdays, False, None)
    by_hand = store.items.add("unsaid", m, text="# My workload is too high")
    d.set_resolved(by_hand, True)
    d.record_move(go_live, m, date(2030, 2, 25), date(2030, 3, 11), date(2030, 3, 25))
    d.set_proposal_outcome(vendor, ProposalOutcome.ACCEPTED)
    d.set_field(m, "feedback_asked", True)
    d.set_field(m, "feedback_keep", "The weekly notes")
    d.set_field(m, "feedback_more", "Flag risks earlier")
    store.items.add(
        "actions", m, text="Send the revised SOW", owner=Owner.THEM, due=date(2030, 1, 18)
    )
    d.set_done(store.items.add("actions", m, text="Book the steering room"), True)
    d.set_field(m, "coaching_note", "Late scope additions: show what each one does to the date.")
    store.close()
    return path, meeting.id


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prep", *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_debrief_prints_the_fixture_meeting(debrief_db):
    path, meeting_id = debrief_db
    result = run("--db", str(path), "debrief", str(meeting_id))
    assert result.returncode == 0, result.stderr
    assert result.stdout == EXPECTED


def test_debrief_out_writes_an_owner_only_file(debrief_db, tmp_path):
    path, meeting_id = debrief_db
    out = tmp_path / "debrief.md"
    result = run("--db", str(path), "debrief", str(meeting_id), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == EXPECTED
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert result.stdout == f"Wrote the debrief of “Quarterly business review” to {out}.\n"
    assert not list(tmp_path.glob(".debrief.md.tmp"))


def test_debrief_print_flag_prints_the_same(debrief_db):
    path, meeting_id = debrief_db
    result = run("--db", str(path), "debrief", str(meeting_id), "--print")
    assert result.returncode == 0, result.stderr
    assert result.stdout == EXPECTED


def test_debrief_for_an_unknown_meeting_says_so(debrief_db):
    path, _ = debrief_db
    result = run("--db", str(path), "debrief", "999")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "prep: Meeting 999 does not exist. See `prep list --all` for meeting ids.\n"
    )


def test_debrief_needs_a_number(debrief_db):
    path, _ = debrief_db
    result = run("--db", str(path), "debrief", "abc")
    assert result.returncode == 2
    assert "invalid int value: 'abc'" in result.stderr and "Traceback" not in result.stderr


def test_a_meeting_not_yet_debriefed_prints_what_is_missing(tmp_path):
    path = tmp_path / "empty.db"
    store = open_store(path)
    meeting = store.add_meeting(MeetingDraft("Intro call", "Sam", START))
    store.close()
    result = run("--db", str(path), "debrief", str(meeting.id))
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout
        == """\
# Debrief: Intro call

with Sam · Tue 15 Jan 2030 10:00 · Video call

## How it went

Not written yet.

Overall: — · Temperature: —

## Plan vs reality

| Planned | Happened |
| --- | --- |
| Assertiveness: — | — |
"""
    )
