"""`prep brief`: the one-page brief printed as Markdown, checked against a fixture."""

from __future__ import annotations

import stat
import subprocess
import sys
from datetime import date, datetime

import pytest
from dateutil import tz

from prep.domain.checklist import Confidence, Flex, HoldBackReason, Need, Position
from prep.domain.models import MeetingDraft, Setting
from prep.store import open_store

# Far enough ahead that "Today"/"Tomorrow" wording never applies.
START = datetime(2030, 1, 15, 10, 0, tzinfo=tz.gettz("Europe/London"))

EXPECTED = """\
# Quarterly business review

with Dana Whitfield (Northwind) · Tue 15 Jan 2030 10:00 · 1 h 30 min · Over coffee

Ready: 4 of 4 steps

## Asks

1. I need the sign-off on phase two — by Fri 11 Jan 2030
2. Can we move the steering group to Tuesdays?

- They are my paying client.
- I might hold back: The budget overrun (Fear of the consequences)

## Expectations

- They expect: A clear go/no-go for phase two
- I expect: Sign-off | and a date

| Deadline | Earliest | Likely | Latest | Confidence | Flexible |
| --- | --- | --- | --- | --- | --- |
| Phase two go-live | Mon 4 Feb 2030 | Mon 18 Feb 2030 | Mon 4 Mar 2030 | Medium | scope, people |

If this goes badly, the likely reason: They have not read the proposal

## Assertiveness

Planned level: 6/10 (just right)

> I think differently about that, because the data says otherwise

## Feedback is due: ask the three questions

- What should I keep doing?
- What should I do more often?
- What can I do to help you more?

## Problems and solutions

- The vendor is three weeks late
  - Switch to the backup vendor for the API work
  - I need from them: a decision
- Nobody owns the data migration (raising it to ask for help)
  - I need from them: information

Off their plate: I will write the steering group summary
"""


@pytest.fixture
def brief_db(tmp_path):
    path = tmp_path / "brief.db"
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
    c = store.checklists
    m = meeting.id
    c.set_field(m, "position", Position.PAYING_CLIENT)
    c.set_field(m, "holding_back", "The budget overrun")
    c.set_field(m, "holding_back_reason", HoldBackReason.FEAR)
    c.add_item("asks", m, text="I need the sign-off on phase two", by_when=date(2030, 1, 11))
    c.add_item("asks", m, text="Can we move the steering group to Tuesdays?")
    c.set_field(m, "they_expect", "A clear go/no-go for phase two")
    c.set_field(m, "i_expect", "Sign-off | and a date")
    c.add_item(
        "deadlines",
        m,
        label="Phase two go-live",
        earliest=date(2030, 2, 4),
        likely=date(2030, 2, 18),
        latest=date(2030, 3, 4),
        confidence=Confidence.MEDIUM,
        flexible=frozenset({Flex.SCOPE, Flex.PEOPLE}),
    )
    c.set_field(m, "premortem", "They have not read the proposal")
    c.set_field(m, "planned_level", 6)
    c.set_field(
        m, "pushback_line", "I think differently about that, because the data says otherwise"
    )
    vendor = c.add_item("problems", m, text="The vendor is three weeks late", need=Need.DECISION)
    c.add_item("solutions", vendor, text="Switch to the backup vendor for the API work")
    c.add_item(
        "problems",
        m,
        text="Nobody owns the data migration",
        need=Need.INFORMATION,
        ask_for_help=True,
    )
    c.set_field(m, "off_their_plate", "I will write the steering group summary")
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


def test_brief_prints_the_fixture_meeting(brief_db):
    path, meeting_id = brief_db
    result = run("--db", str(path), "brief", str(meeting_id))
    assert result.returncode == 0, result.stderr
    assert result.stdout == EXPECTED


def test_brief_out_writes_an_owner_only_file(brief_db, tmp_path):
    path, meeting_id = brief_db
    out = tmp_path / "brief.md"
    result = run("--db", str(path), "brief", str(meeting_id), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == EXPECTED
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert str(out) in result.stdout


def test_brief_for_an_unknown_meeting_says_so(brief_db):
    path, _ = brief_db
    result = run("--db", str(path), "brief", "999")
    assert result.returncode == 1
    assert "Meeting 999 does not exist" in result.stderr and "Traceback" not in result.stderr


def test_brief_needs_a_number(brief_db):
    path, _ = brief_db
    result = run("--db", str(path), "brief", "abc")
    assert result.returncode == 2 and "invalid int value" in result.stderr
