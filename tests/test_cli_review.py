"""`prep review`: one week reviewed as Markdown, from the command line.

The command reads the real clock, so the fixture week is 2025-W10 (Mon 3 -
Sun 9 Mar 2025), long over: every meeting in it has been held, dates carry
their year, and the feedback section says the same on any day from June
2025 on (Dana's quarter since her last feedback is up; Sam never had one).
The subprocess runs in Europe/London, the zone the fixture's times are in.
Columns the store stamps with the real clock (created_at of an unsaid
item, done_at of an action) are set with plain UPDATEs to instants in the week.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import date, datetime

import pytest
from dateutil import tz

from prep.domain.checklist import HoldBackReason, Position
from prep.domain.debrief import AskAnswer, Owner
from prep.domain.models import Cadence, MeetingDraft, Rank, RelationshipKind, Setting
from prep.store import open_store

LONDON = tz.gettz("Europe/London")
WEEK_9, WEEK_10 = date(2025, 2, 24), date(2025, 3, 3)


def wall(month: int, day: int, hour: int) -> datetime:
    return datetime(2025, month, day, hour, 0, tzinfo=LONDON)


EXPECTED = """\
# Weekly review: Week 10 \u00b7 Mon 3 \u2013 Sun 9 Mar 2025

Last week's focus: Ask for decisions, not opinions.

## Numbers

| | This week | Last week |
| --- | --- | --- |
| Meetings held | 2 | 1 |
| Prepared before the meeting | 50% | 0% |
| Debriefed | 100% | 100% |
| Debriefs that say why | 0 | 0 |
| Direct asks planned / asked / granted | 2 / 1 / 1 | 0 / 0 / 0 |
| Asks made unplanned | 0 | 0 |
| Problems raised with a solution / without / to ask for help | 1 / 0 / 0 | 0 / 0 / 0 |
| Feedback conversations | 1 | 1 |
| Coaching up tried (worked / partly / not) | 0 | 0 |

## Meetings

- Mon 3 Mar 2025 09:00 \u00b7 Pilot review (Dana Whitfield): prepared, debriefed
- Wed 5 Mar 2025 15:00 \u00b7 Budget check (Sam Patel): not prepared, debriefed

## Assertiveness

| Meeting | Planned | Actual | Gap |
| --- | --- | --- | --- |
| Pilot review (Dana Whitfield) | 6 | 7 | +1 |
| Budget check (Sam Patel) | 5 | 3 | -2 |

Average gap: -0.5 (below plan). On average you landed just right.

Last 12 weeks:           \u2581\u2588 (average gap from -1.0 to -0.5)

Gap by who they are:

- Senior to you: +1.0 over 1 meeting
- Your peer: -2.0 over 1 meeting

## Hierarchy

Unsaid items: 1 opened at this week's meetings, 0 resolved this week.

Still unsaid, by person:

- Dana Whitfield: 1

Reasons for holding back:

- Want more data first: 1

## Expectations

Moved this week:

- Go-live (Dana Whitfield): likely moved 7 days later, to Wed 16 Apr 2025

Coming up in the next two weeks:

- Contract (Dana Whitfield): Mon 10 Mar 2025\u2013Fri 14 Mar 2025 (likely Wed 12 Mar 2025)

## Action items

Due this week:

- [ ] Send plan \u2014 me, for Sam Patel, due Tue 4 Mar 2025 (overdue)
- [x] Book room \u2014 me, for Sam Patel, due Thu 6 Mar 2025

Due next week:

- [ ] Share figures \u2014 Sam Patel, due Wed 12 Mar 2025

## Feedback due

- Sam Patel \u2014 yearly, never asked
- Dana Whitfield \u2014 quarterly, last asked Mon 3 Mar 2025

Ask the three questions: what should I keep doing, what should I do more often, \
and what can I do to help you more?

## Setting

| Setting | Meetings | Average temperature |
| --- | --- | --- |
| In the office | 1 | 4.0 |
| Over coffee | 1 | 5.0 |

Too few meetings to compare settings: each needs at least 3 with a temperature, and two settings are needed.

## Reflection

### What went well

Asked for the sign-off.

### What to change

Prepare on Friday.

### Focus for next week

Name the date.
"""


@pytest.fixture
def review_db(tmp_path):
    path = tmp_path / "review.db"
    store = open_store(path)
    c, d, items = store.checklists, store.debriefs, store.items
    store.add_counterpart("Dana Whitfield", organisation="Northwind")
    store.add_counterpart(
        "Sam Patel", kind=RelationshipKind.COLLEAGUE, rank=Rank.PEER, cadence=Cadence.YEARLY
    )

    # Week 9: one debriefed meeting where feedback was asked; a deadline for later.
    kick_off = store.add_meeting(MeetingDraft("Kick-off", "Dana Whitfield", wall(2, 25, 10))).id
    c.set_field(kick_off, "planned_level", 5)
    c.add_item(
        "deadlines",
        kick_off,
        label="Contract",
        earliest=date(2025, 3, 10),
        likely=date(2025, 3, 12),
        latest=date(2025, 3, 14),
    )
    for name, value in (
        ("outcome", "Scope agreed"),
        ("temperature", 3),
        ("actual_level", 4),
        ("feedback_asked", True),
    ):
        d.set_field(kick_off, name, value)
    store.review.set_reflection(WEEK_9, "focus", "Ask for decisions, not opinions.")

    # Week 10, Monday: prepared in full, one ask granted and one never made.
    pilot = store.add_meeting(
        MeetingDraft("Pilot review", "Dana Whitfield", wall(3, 3, 9), setting=Setting.OFFICE)
    ).id
    c.set_field(pilot, "position", Position.SENIOR)
    c.set_field(pilot, "holding_back", "The overrun")
    c.set_field(pilot, "holding_back_reason", HoldBackReason.MORE_DATA)
    sign_off = c.add_item("asks", pilot, text="Sign-off")
    budget_owner = c.add_item("asks", pilot, text="A budget owner")
    c.set_field(pilot, "they_expect", "A plan")
    c.set_field(pilot, "i_expect", "A date")
    go_live = c.add_item(
        "deadlines",
        pilot,
        label="Go-live",
        earliest=date(2025, 4, 7),
        likely=date(2025, 4, 9),
        latest=date(2025, 4, 11),
    )
    c.set_field(pilot, "planned_level", 6)
    vendor = c.add_item("problems", pilot, text="Vendor late")
    c.add_item("solutions", vendor, text="Backup vendor")
    assert store.meeting(pilot).steps_done == 4
    for name, value in (
        ("outcome", "Approved"),
        ("temperature", 4),
        ("actual_level", 7),
        ("feedback_asked", True),
    ):
        d.set_field(pilot, name, value)
    d.set_ask_result(sign_off, True, AskAnswer.GRANTED)
    d.set_ask_result(budget_owner, False, None)
    store.db.execute("UPDATE unsaid_items SET created_at = '2025-03-03T10:00:00Z'")
    d.record_move(go_live, pilot, date(2025, 4, 14), date(2025, 4, 16), date(2025, 4, 18))

    # Week 10, Wednesday, over coffee: only a level planned.
    budget = store.add_meeting(
        MeetingDraft("Budget check", "Sam Patel", wall(3, 5, 15), setting=Setting.COFFEE)
    ).id
    c.set_field(budget, "planned_level", 5)
    for name, value in (("outcome", "Numbers agreed"), ("temperature", 5), ("actual_level", 3)):
        d.set_field(budget, name, value)
    items.add("actions", budget, text="Send plan", owner=Owner.ME, due=date(2025, 3, 4))
    items.add("actions", budget, text="Share figures", owner=Owner.THEM, due=date(2025, 3, 12))
    room = items.add("actions", budget, text="Book room", owner=Owner.ME, due=date(2025, 3, 6))
    store.db.execute(
        "UPDATE action_items SET done_at = '2025-03-05T10:00:00Z' WHERE id = ?", [room]
    )

    for field, text in (
        ("went_well", "Asked for the sign-off."),
        ("to_change", "Prepare on Friday."),
        ("focus", "Name the date."),
    ):
        store.review.set_reflection(WEEK_10, field, text)
    store.close()
    return path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TZ": "Europe/London"}
    return subprocess.run(
        [sys.executable, "-m", "prep", *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        env=env,
    )


def test_review_prints_the_fixture_week(review_db):
    result = run("--db", str(review_db), "review", "--week", "2025-W10")
    assert result.returncode == 0, result.stderr
    assert result.stdout == EXPECTED


def test_the_week_may_be_written_without_the_dash_and_in_lower_case(review_db):
    result = run("--db", str(review_db), "review", "--week", "2025w10")
    assert result.returncode == 0, result.stderr
    assert result.stdout == EXPECTED


def test_review_out_writes_an_owner_only_file(review_db, tmp_path):
    out = tmp_path / "review.md"
    result = run("--db", str(review_db), "review", "--week", "2025-W10", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Wrote the review of 2025-W10 to {out}.\n"
    assert out.read_text(encoding="utf-8") == EXPECTED
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert not list(tmp_path.glob(".review.md.tmp"))


def test_an_empty_week_explains_what_will_appear(tmp_path):
    result = run("--db", str(tmp_path / "new.db"), "review", "--week", "2025-W20")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "# Weekly review: Week 20 \u00b7 Mon 12 \u2013 Sun 18 May 2025\n\n"
        "Nothing to review for this week yet."
    )
    assert "Meetings held" not in result.stdout


@pytest.mark.parametrize(
    ("week", "message"),
    [
        ("nonsense", "Give a week as YYYY-Www, e.g. 2026-W47."),
        ("2025-W53", "2025 has weeks W01 to W52. Give a week as YYYY-Www, e.g. 2026-W47."),
    ],
)
def test_a_week_that_is_not_one_is_a_usage_error(tmp_path, week, message):
    db = tmp_path / "never.db"
    result = run("--db", str(db), "review", "--week", week)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("usage: prep review")
    assert result.stderr.endswith(f"prep review: error: --week: {message}\n")
    assert "Traceback" not in result.stderr
    assert not db.exists()  # refused before the database is opened
