"""`prep due` (exit 1 when something is due) and `prep list --json`, as real processes."""

from __future__ import annotations

import json
from datetime import date, timedelta


def test_nothing_due_exits_0(run, db):
    result = run("due", "--db", db)
    assert (result.returncode, result.stdout, result.stderr) == (0, "Nothing due.\n", "")
    quiet = run("due", "--quiet", "--db", db)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")


def test_something_due_exits_1_and_quiet_prints_nothing(run, db):
    two_days_ago = (date.today() - timedelta(days=2)).isoformat()
    assert (
        run(
            "add", "Roadmap", "--with", "Dana", "--at", f"{two_days_ago} 10:00", "--db", db
        ).returncode
        == 0
    )
    result = run("due", "--db", db)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[:2] == ["Needs a debrief", result.stdout.splitlines()[1]]
    assert "Roadmap · Dana" in result.stdout
    quiet = run("due", "-q", "--db", db)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (1, "", "")
    as_json = run("due", "--json", "--db", db)
    assert as_json.returncode == 1
    document = json.loads(as_json.stdout)
    assert [m["title"] for m in document["needs_debrief"]] == ["Roadmap"]
    assert set(document) == {"needs_debrief", "unprepared_soon", "overdue_actions", "feedback_due"}


def test_a_meeting_within_the_hour_not_prepared_is_due(run, db):
    assert run("add", "Pilot", "--with", "Sofia", "--at", "in 30m", "--db", db).returncode == 0
    result = run("due", "--db", db)
    assert result.returncode == 1
    assert "Not prepared, starting within the hour" in result.stdout
    assert "Pilot · Sofia · 0/4 ready" in result.stdout


def test_due_bad_options_are_usage_errors(run, db):
    result = run("due", "--quiet", "--json", "--db", db)
    assert result.returncode == 2
    assert "not allowed with argument" in result.stderr and "Traceback" not in result.stderr


def test_list_json(run, db):
    empty = run("list", "--json", "--db", db)
    assert (empty.returncode, json.loads(empty.stdout)) == (0, [])
    run(
        "add",
        "Q4 review",
        "--with",
        "Dana Whitfield",
        "--at",
        "tomorrow 3pm",
        "--notes",
        "Bring numbers",
        "--db",
        db,
    )
    result = run("list", "--json", "--db", db)
    assert result.returncode == 0, result.stderr
    [meeting] = json.loads(result.stdout)
    assert {
        k: meeting[k]
        for k in (
            "id",
            "title",
            "person",
            "duration_minutes",
            "setting",
            "progress",
            "steps_done",
            "notes",
        )
    } == {
        "id": 1,
        "title": "Q4 review",
        "person": "Dana Whitfield",
        "duration_minutes": 30,
        "setting": "video",
        "progress": "none",
        "steps_done": 0,
        "notes": "Bring numbers",
    }
    assert meeting["starts_at"].startswith((date.today() + timedelta(days=1)).isoformat())
    assert meeting["group"] in {"Today", "This week", "Later"}
    everything = json.loads(run("list", "--all", "--json", "--db", db).stdout)
    assert [m["id"] for m in everything] == [1] and "group" not in everything[0]
