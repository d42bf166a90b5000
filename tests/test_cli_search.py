"""`prep search`, as a real process: found (exit 0), nothing (exit 1), bad input (exit 2)."""

from __future__ import annotations

import json


def test_search_prints_meeting_person_date_and_the_line(run, db):
    run(
        "add",
        "Q4 review",
        "--with",
        "Dana Whitfield",
        "--at",
        "2026-11-24 15:00",
        "--notes",
        "Bring the warehouse numbers",
        "--db",
        db,
    )
    result = run("search", "wareh", "--db", db)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "     1  Tue 24 Nov 2026  Q4 review · Dana Whitfield\n"
        "        Meeting: Bring the warehouse numbers\n"
    )
    as_json = run("search", "warehouse", "--json", "--db", db)
    [hit] = json.loads(as_json.stdout)
    assert (hit["meeting_id"], hit["where"], hit["marks"]) == (1, "Meeting", [[10, 19]])
    assert hit["starts_at"].startswith("2026-11-24T15:00")


def test_nothing_found_exits_1(run, db):
    result = run("search", "nothing-here", "--db", db)
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "Nothing matches “nothing-here”.\n",
        "",
    )
    assert json.loads(run("search", "x", "--json", "--db", db).stdout) == []


def test_bad_input_is_a_usage_line(run, db):
    for args in (
        ["search", "  ", "--db", db],
        ["search", "x", "--limit", "0", "--db", db],
        ["search", "--db", db],
    ):
        result = run(*args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr
        assert result.stderr.splitlines()[-1].startswith("prep search: error:")
    assert not db.exists()  # refused before the database was opened
