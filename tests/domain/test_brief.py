"""The one-page brief as Markdown: layout, empty parts, escaping, carry-overs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from prep.domain.brief import render_brief
from prep.domain.checklist import (
    Ask,
    Checklist,
    Confidence,
    Deadline,
    Flex,
    HoldBackReason,
    Need,
    Position,
    Problem,
    Solution,
)
from prep.domain.models import Counterpart, Meeting, Setting
from prep.domain.open_threads import OpenThread, Source, ThreadKind
from tests.helpers import LONDON, NOW, at

DANA = Counterpart(id=1, name="Dana Reyes", organisation="Acme Corp")
MEETING = Meeting(
    id=7,
    title="Q4 budget review",
    counterpart=DANA,
    starts_at=at(1, 10),  # Saturday 28 November 2026, the day after NOW
    duration_minutes=45,
    setting=Setting.COFFEE,
)

FULL = Checklist(
    meeting_id=7,
    position=Position.SENIOR,
    holding_back="The migration may slip a week",
    holding_back_reason=HoldBackReason.MORE_DATA,
    asks=(
        Ask(1, "Sign-off on the Q1 budget", date(2026, 12, 4)),
        Ask(2, "  "),
        Ask(3, "Two more testers for the pilot"),
    ),
    they_expect="A go/no-go on the pilot",
    i_expect="Budget sign-off",
    deadlines=(
        Deadline(
            1,
            "Pilot launch",
            date(2026, 12, 7),
            date(2026, 12, 11),
            date(2027, 1, 8),
            Confidence.MEDIUM,
            frozenset({Flex.DATE, Flex.SCOPE}),
        ),
        Deadline(2, ""),
        Deadline(3, "Beta", latest=date(2026, 12, 18)),
    ),
    premortem="They haven't seen the new numbers",
    planned_level=5,
    pushback_line="I think differently about that\u2026",
    problems=(
        Problem(
            1,
            "Vendor delay",
            (Solution(1, "Switch to the backup vendor"), Solution(2, ""), Solution(3, "Split it")),
            Need.DECISION,
        ),
        Problem(2, "Test lab capacity", need=Need.INFORMATION, ask_for_help=True),
        Problem(3, "Flaky staging", need=Need.NOTHING),
        Problem(4, " "),
    ),
    off_their_plate="I'll write the steering-committee update",
)

RAISED_IN = Source(3, "Roadmap", datetime(2026, 11, 3, 10, 0, tzinfo=LONDON))
LAST_TIME = (
    OpenThread(ThreadKind.UNSAID, 1, "The budget is too tight", "not said yet", RAISED_IN),
    OpenThread(
        ThreadKind.ASK,
        2,
        "A named owner for the data migration",
        'answered "later"',
        RAISED_IN,
        ask=Ask(2, "A named owner for the data migration", date(2026, 11, 20)),
    ),
    OpenThread(
        ThreadKind.HELP, 3, "Staff turnover", "help asked for; none yet", RAISED_IN,
        problem=Problem(3, "Staff turnover", ask_for_help=True),
    ),
)  # fmt: skip

FULL_BRIEF = """\
# Q4 budget review

with Dana Reyes (Acme Corp) \u00b7 Tomorrow 10:00 \u00b7 45 min \u00b7 Over coffee

Ready: 2 of 4 steps

## Asks

1. Sign-off on the Q1 budget \u2014 by Fri 4 Dec
2. Two more testers for the pilot

- They are senior to me.
- I might hold back: The migration may slip a week (Want more data first)

## Expectations

- They expect: A go/no-go on the pilot
- I expect: Budget sign-off

| Deadline | Earliest | Likely | Latest | Confidence | Flexible |
| --- | --- | --- | --- | --- | --- |
| Pilot launch | Mon 7 Dec | Fri 11 Dec | Fri 8 Jan 2027 | Medium | scope, date |
| Beta | \u2014 | \u2014 | Fri 18 Dec | \u2014 | \u2014 |

If this goes badly, the likely reason: They haven't seen the new numbers

## Assertiveness

Planned level: 5/10 (just right)

> I think differently about that\u2026

## Problems and solutions

- Vendor delay
  - Switch to the backup vendor
  - Split it
  - I need from them: a decision
- Test lab capacity (raising it to ask for help)
  - I need from them: information
- Flaky staging
  - No solution yet.
  - I need from them: nothing

Off their plate: I'll write the steering-committee update

## Still open with them

- Unsaid: The budget is too tight — not said yet (Roadmap, Tue 3 Nov)
- Ask again: A named owner for the data migration — answered "later" (Roadmap, Tue 3 Nov)
- Help: Staff turnover — help asked for; none yet (Roadmap, Tue 3 Nov)
"""


def test_full_brief():
    # Two steps are done: "Beta" lacks a full range and "Flaky staging" a solution.
    assert render_brief(MEETING, FULL, LAST_TIME, NOW) == FULL_BRIEF


EMPTY_BRIEF = """\
# Q4 budget review

with Dana Reyes (Acme Corp) \u00b7 Tomorrow 10:00 \u00b7 45 min \u00b7 Over coffee

Ready: 0 of 4 steps

## Asks

Not prepared.

## Expectations

Not prepared.

## Assertiveness

Not prepared.

## Problems and solutions

Not prepared.
"""


def test_empty_checklist_still_shows_the_four_steps():
    assert render_brief(MEETING, Checklist(meeting_id=7), (), NOW) == EMPTY_BRIEF


def test_blank_rows_alone_leave_a_step_unprepared():
    blank = Checklist(
        meeting_id=7,
        asks=(Ask(1, " "),),
        deadlines=(Deadline(1, ""),),
        problems=(Problem(1, "\n", (Solution(1, "x"),)),),
        they_expect="  ",
        pushback_line="\t",
    )
    assert render_brief(MEETING, blank, (), NOW) == EMPTY_BRIEF


def test_flags_answer_their_questions():
    flags = Checklist(
        meeting_id=7,
        position=Position.PAYING_CLIENT,
        holding_back_nothing=True,
        no_asks=True,
        nothing_to_raise=True,
        planned_level=8,
    )
    assert render_brief(MEETING, flags, (), NOW) == EMPTY_BRIEF.replace(
        "Ready: 0 of 4 steps", "Ready: 3 of 4 steps"
    ).replace(
        "## Asks\n\nNot prepared.",
        "## Asks\n\nNo asks this time.\n\n- They are my paying client.\n- Nothing held back.",
    ).replace(
        "## Assertiveness\n\nNot prepared.",
        "## Assertiveness\n\nPlanned level: 8/10 (too much)",
    ).replace(
        "## Problems and solutions\n\nNot prepared.",
        "## Problems and solutions\n\nNothing to raise.",
    )


def section(brief: str, heading: str) -> str:
    """The body of one "## " section, without its heading."""
    after = brief.split(f"## {heading}\n\n", 1)[1]
    return after.split("\n\n## ", 1)[0].strip("\n")


@pytest.mark.parametrize(
    ("changes", "heading", "body"),
    [
        (
            {"position": Position.PEER},
            "Asks",
            "\u2014\n\n- They are my peer.\n- I might hold back: \u2014",
        ),
        (
            {"position": Position.JUNIOR, "asks": (Ask(1, "A decision"),)},
            "Asks",
            "1. A decision\n\n- They are junior to me.\n- I might hold back: \u2014",
        ),
        (
            {"holding_back": "The bug", "no_asks": True},
            "Asks",
            "No asks this time.\n\n- Where they sit: \u2014\n- I might hold back: The bug",
        ),
        (
            {"holding_back_reason": HoldBackReason.FEAR},
            "Asks",
            "\u2014\n\n- Where they sit: \u2014\n"
            "- I might hold back: \u2014 (Fear of the consequences)",
        ),
        # Written asks win over a stale "no asks".
        (
            {"asks": (Ask(1, "Budget"),), "no_asks": True},
            "Asks",
            "1. Budget\n\n- Where they sit: \u2014\n- I might hold back: \u2014",
        ),
        (
            {"they_expect": "A demo"},
            "Expectations",
            "- They expect: A demo\n- I expect: \u2014",
        ),
        (
            {"premortem": "No budget left"},
            "Expectations",
            "- They expect: \u2014\n- I expect: \u2014\n\n"
            "If this goes badly, the likely reason: No budget left",
        ),
        (
            {"deadlines": (Deadline(1, "", date(2026, 12, 7), flexible=frozenset(Flex)),)},
            "Expectations",
            "- They expect: \u2014\n- I expect: \u2014\n\n"
            "| Deadline | Earliest | Likely | Latest | Confidence | Flexible |\n"
            "| --- | --- | --- | --- | --- | --- |\n"
            "| \u2014 | Mon 7 Dec | \u2014 | \u2014 | \u2014 | scope, date, people |",
        ),
        (
            {"pushback_line": "I see it differently"},
            "Assertiveness",
            "Planned level: \u2014\n\n> I see it differently",
        ),
        ({"planned_level": 2}, "Assertiveness", "Planned level: 2/10 (too little)"),
        ({"planned_level": 7}, "Assertiveness", "Planned level: 7/10 (just right)"),
        ({"planned_level": 11}, "Assertiveness", "Not prepared."),
        (
            {"off_their_plate": "The weekly report"},
            "Problems and solutions",
            "\u2014\n\nOff their plate: The weekly report",
        ),
        (
            {"problems": (Problem(1, "Scope creep"),), "nothing_to_raise": True},
            "Problems and solutions",
            "- Scope creep\n  - No solution yet.",
        ),
    ],
)
def test_partly_prepared_sections(changes, heading, body):
    brief = render_brief(MEETING, replace(Checklist(meeting_id=7), **changes), (), NOW)
    assert section(brief, heading) == body


SAM = Counterpart(2, "Sam")


@pytest.mark.parametrize(
    ("counterpart", "starts_at", "minutes", "setting", "parts"),
    [
        (DANA, at(1, 10), 45, Setting.COFFEE, ["Tomorrow 10:00", "45 min", "Over coffee"]),
        (SAM, at(0, 16), 60, Setting.VIDEO, ["Today 16:00", "1 h", "Video call"]),
        (SAM, at(7, 9, 30), 90, Setting.MEAL, ["Fri 4 Dec 09:30", "1 h 30 min", "Shared meal"]),
        (SAM, at(40, 12), 5, Setting.PHONE, ["Wed 6 Jan 2027 12:00", "5 min", "Phone call"]),
        (SAM, at(-1, 8), 30, Setting.OFFICE, ["Yesterday 08:00", "30 min", "In the office"]),
    ],
)
def test_byline(counterpart, starts_at, minutes, setting, parts):
    meeting = replace(
        MEETING,
        counterpart=counterpart,
        starts_at=starts_at,
        duration_minutes=minutes,
        setting=setting,
    )
    brief = render_brief(meeting, Checklist(meeting_id=7), (), NOW)
    with_whom = "with Dana Reyes (Acme Corp)" if counterpart is DANA else "with Sam"
    assert brief.splitlines()[2] == " \u00b7 ".join([with_whom, *parts])


def test_byline_keeps_the_organisation_on_one_line():
    meeting = replace(MEETING, counterpart=Counterpart(2, "Sam\nLee", "Beta\r\nLtd \U0001f680"))
    brief = render_brief(meeting, Checklist(meeting_id=7), (), NOW)
    assert brief.splitlines()[2].startswith("with Sam Lee (Beta Ltd \U0001f680) \u00b7 ")


@pytest.mark.parametrize(
    ("by_when", "shown"),
    [
        (date(2026, 12, 4), "1. Budget \u2014 by Fri 4 Dec"),
        (date(2026, 1, 2), "1. Budget \u2014 by Fri 2 Jan"),
        (date(2027, 1, 4), "1. Budget \u2014 by Mon 4 Jan 2027"),
        (date(2025, 12, 31), "1. Budget \u2014 by Wed 31 Dec 2025"),
        (None, "1. Budget"),
    ],
)
def test_ask_dates_carry_the_year_only_when_it_is_not_this_year(by_when, shown):
    checklist = Checklist(meeting_id=7, asks=(Ask(1, "Budget", by_when),))
    assert section(render_brief(MEETING, checklist, (), NOW), "Asks").startswith(shown + "\n\n")


def test_edited_after_start_is_noted_at_the_end():
    brief = render_brief(MEETING, replace(FULL, edited_after_start=True), LAST_TIME, NOW)
    assert brief == FULL_BRIEF + "\n_Plan edited after the meeting started._\n"


def test_nothing_open_leaves_no_section():
    brief = render_brief(MEETING, FULL, (), NOW)
    assert "Still open" not in brief
    assert brief == FULL_BRIEF.split("\n## Still open with them")[0]


# -- Escaping ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ask", "shown"),
    [
        ("Budget\nsign-off\r\nby Friday", "1. Budget sign-off by Friday"),
        ("# Not a heading", "1. \\# Not a heading"),
        ("#1 priority", "1. #1 priority"),
        ("- not a sub-list", "1. \\- not a sub-list"),
        ("-5% on the budget", "1. -5% on the budget"),
        ("1. nested", "1. 1\\. nested"),
        ("2026 plan", "1. 2026 plan"),
        ("> not a quote", "1. \\> not a quote"),
        ("---", "1. \\---"),
        ("```python", "1. \\```python"),
        ("<!-- hide the rest", "1. \\<!-- hide the rest"),
        ("Use <b>bold</b>", "1. Use \\<b>bold\\</b>"),
        ("Budget \U0001f680\u2615 ok", "1. Budget \U0001f680\u2615 ok"),
        ("Tab\there \x1b[31m red", "1. Tab here [31m red"),
    ],
)
def test_user_text_cannot_open_new_blocks(ask, shown):
    checklist = Checklist(meeting_id=7, asks=(Ask(1, ask),))
    listed = section(render_brief(MEETING, checklist, (), NOW), "Asks")
    assert listed.split("\n\n")[0] == shown


@pytest.mark.parametrize(
    ("title", "heading"),
    [
        ("Q4 review", "# Q4 review"),
        ("# Q4", "# \\# Q4"),
        ("Review ##", "# Review \\##"),
        ("Learn C#", "# Learn C#"),
        ("Two\nlines", "# Two lines"),
    ],
)
def test_title_stays_one_heading(title, heading):
    brief = render_brief(replace(MEETING, title=title), Checklist(meeting_id=7), (), NOW)
    assert brief.splitlines()[0] == heading


def test_pipes_and_newlines_in_table_cells_are_escaped():
    checklist = Checklist(
        meeting_id=7,
        deadlines=(Deadline(1, "Launch | beta\nphase \U0001f680", date(2026, 12, 7)),),
    )
    table = section(render_brief(MEETING, checklist, (), NOW), "Expectations")
    assert table.splitlines()[-1] == (
        "| Launch \\| beta phase \U0001f680 | Mon 7 Dec | \u2014 | \u2014 | \u2014 | \u2014 |"
    )


def test_hostile_text_keeps_the_document_structure():
    markdown_it = pytest.importorskip("markdown_it")
    hostile = "# x\n| a | b |\n| --- | --- |\n- y\n> z\n<!--\n1. w\n---"
    checklist = Checklist(
        meeting_id=7,
        position=Position.SENIOR,
        holding_back=hostile,
        asks=(Ask(1, hostile), Ask(2, "two")),
        they_expect=hostile,
        i_expect=hostile,
        deadlines=(Deadline(1, hostile, date(2026, 12, 7)), Deadline(2, "b | c")),
        premortem=hostile,
        planned_level=5,
        pushback_line=hostile,
        problems=(Problem(1, hostile, (Solution(1, hostile),), Need.DECISION),),
        off_their_plate=hostile,
    )
    carry_over = (
        OpenThread(ThreadKind.ASK, 1, hostile, "no answer yet", RAISED_IN, ask=Ask(1, hostile)),
        OpenThread(ThreadKind.DEADLINE, 2, hostile, "moved", RAISED_IN),
    )
    meeting = replace(MEETING, title=hostile, counterpart=Counterpart(1, hostile, hostile))
    tokens = markdown_it.MarkdownIt("gfm-like").parse(
        render_brief(meeting, checklist, carry_over, NOW)
    )

    headings = [
        (t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"
    ]
    assert [tag for tag, _ in headings] == ["h1", "h2", "h2", "h2", "h2", "h2"]
    assert [text for tag, text in headings if tag != "h1"] == [
        "Asks",
        "Expectations",
        "Assertiveness",
        "Problems and solutions",
        "Still open with them",
    ]
    types = [t.type for t in tokens]
    # One table with a header and two body rows of six cells each.
    assert types.count("table_open") == 1
    assert types.count("tr_open") == 3
    assert types.count("td_open") == 12
    # No stray quotes, rules, code, HTML or nested lists from the user text:
    # the one quote is the push-back line, the one nested list its solutions.
    assert types.count("blockquote_open") == 1
    assert types.count("hr") == 0
    assert "fence" not in types and "code_block" not in types
    assert "html_block" not in types and "html_inline" not in types
    assert types.count("ordered_list_open") == 1  # the asks
    assert types.count("bullet_list_open") == 5
