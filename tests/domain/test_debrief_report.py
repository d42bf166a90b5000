"""The debrief as Markdown: the after-action layout, empty parts and escaping."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from prep.domain.checklist import Ask, Checklist, Deadline, Problem, Solution
from prep.domain.debrief import (
    ActionItem,
    AskAnswer,
    AskResult,
    DeadlineMove,
    Debrief,
    Owner,
    ProposalOutcome,
    UnplannedAsk,
    UnsaidItem,
)
from prep.domain.debrief_report import render_debrief
from prep.domain.debrief_rules import unsaid_from_asks
from prep.domain.models import Counterpart, Meeting, Setting
from tests.helpers import NOW, at

DANA = Counterpart(id=1, name="Dana Reyes", organisation="Acme Corp")
SAM = Counterpart(id=2, name="Sam")
MEETING = Meeting(
    id=7,
    title="Q4 budget review",
    counterpart=DANA,
    starts_at=at(-1, 10),  # Thursday 26 November 2026, the day before NOW
    duration_minutes=45,
    setting=Setting.COFFEE,
)

PLAN = Checklist(
    meeting_id=7,
    asks=(
        Ask(1, "Sign-off on the Q1 budget", date(2026, 12, 4)),
        Ask(2, "  "),
        Ask(3, "Two more testers for the pilot"),
        Ask(4, "A named owner for the migration", date(2027, 1, 8)),
        Ask(5, "Access to the staging data"),
    ),
    deadlines=(
        Deadline(1, "Pilot launch", date(2026, 12, 7), date(2026, 12, 11), date(2027, 1, 8)),
        Deadline(2, "Beta", latest=date(2026, 12, 18)),
    ),
    planned_level=5,
    problems=(
        Problem(
            1,
            "Vendor delay",
            (
                Solution(1, " "),
                Solution(2, "Switch to the backup vendor"),
                Solution(3, "Split it"),
            ),
        ),
        Problem(2, "Test lab capacity", ask_for_help=True),
        Problem(3, "Scope creep", (Solution(4, "Move reporting to phase 2"),)),
        Problem(4, "Flaky staging"),
        Problem(5, "\n"),
    ),
)

ASK_RESULTS = (
    AskResult(1, asked=True, answer=AskAnswer.GRANTED),
    AskResult(3, asked=False),
    AskResult(4, asked=True, answer=AskAnswer.NO_ANSWER),
    # Ask 5 not answered in the debrief yet.
)

DEBRIEF = Debrief(
    meeting_id=7,
    outcome="Budget signed off for Q1.\n\nThe pilot waits for the new vendor's quote.",
    overall=4,
    temperature=3,
    actual_level=3,
    feedback_asked=True,
    feedback_keep="The weekly summaries",
    feedback_more="Flag risks earlier",
    coaching_note="She adds scope late. Next time, show what each addition does to the launch.",
    ask_results=ASK_RESULTS,
    proposal_outcomes=((1, ProposalOutcome.ACCEPTED), (2, None), (3, ProposalOutcome.PARKED)),
    unsaid=(
        UnsaidItem(1, 7, "Two more testers for the pilot", from_ask_id=3),
        UnsaidItem(2, 7, "The migration may slip a week", resolved_at=NOW),
    ),
    deadline_moves=(
        DeadlineMove(1, 1, 7, date(2026, 12, 14), date(2026, 12, 18), date(2027, 1, 15)),
        DeadlineMove(2, 2, 7, None, None, date(2027, 1, 8)),
    ),
    action_items=(
        ActionItem(1, 7, "Send the revised budget", Owner.ME, date(2026, 12, 4)),
        ActionItem(2, 7, "Confirm the testers", Owner.THEM),
        ActionItem(3, 7, "Book the test lab", Owner.ME, date(2026, 11, 30), done_at=NOW),
    ),
)

FULL_DEBRIEF = """\
# Debrief: Q4 budget review

with Dana Reyes (Acme Corp) \u00b7 Yesterday 10:00 \u00b7 Over coffee

## How it went

Budget signed off for Q1.

The pilot waits for the new vendor's quote.

Overall: 4/5 \u00b7 Temperature: 3/5 (neutral)

## Plan vs reality

| Planned | Happened |
| --- | --- |
| Ask: Sign-off on the Q1 budget \u2014 by Fri 4 Dec | Asked \u2014 granted |
| Ask: Two more testers for the pilot | Not asked |
| Ask: A named owner for the migration \u2014 by Fri 8 Jan 2027 | Asked \u2014 no answer |
| Ask: Access to the staging data | \u2014 |
| Assertiveness: 5/10 (just right) | 3/10 (2 below plan, in the too-little zone) |
| Problem: Vendor delay \u2014 solution: Switch to the backup vendor | Accepted |
| Problem: Test lab capacity \u2014 asking for help | \u2014 |
| Problem: Scope creep \u2014 solution: Move reporting to phase 2 | Parked |
| Problem: Flaky staging \u2014 no solution | \u2014 |

## Unsaid

- Two more testers for the pilot
- The migration may slip a week (resolved)

## Deadlines that moved

- Pilot launch: was Mon 7 Dec\u2013Fri 8 Jan 2027 (likely Fri 11 Dec), \
now Mon 14 Dec\u2013Fri 15 Jan 2027 (likely Fri 18 Dec)
- Beta: was by Fri 18 Dec, now by Fri 8 Jan 2027

## Feedback

- What should I keep doing? The weekly summaries
- What should I do more often? Flag risks earlier
- What can I do to help you more? \u2014

## Action items

- [ ] Send the revised budget \u2014 me, due Fri 4 Dec
- [ ] Confirm the testers \u2014 them
- [x] Book the test lab \u2014 me, due Mon 30 Nov

## Coaching up

She adds scope late. Next time, show what each addition does to the launch.
"""


def test_full_debrief():
    assert render_debrief(MEETING, PLAN, DEBRIEF, NOW) == FULL_DEBRIEF


def test_fixture_unsaid_item_is_the_ask_not_asked():
    # The fixture is consistent with the ask -> unsaid rule.
    assert unsaid_from_asks(PLAN.asks, ASK_RESULTS) == [DEBRIEF.unsaid[0].text]


EMPTY_DEBRIEF = """\
# Debrief: Q4 budget review

with Dana Reyes (Acme Corp) \u00b7 Yesterday 10:00 \u00b7 Over coffee

## How it went

Not written yet.

Overall: \u2014 \u00b7 Temperature: \u2014

## Plan vs reality

| Planned | Happened |
| --- | --- |
| Assertiveness: \u2014 | \u2014 |
"""


def test_empty_debrief_of_an_empty_plan():
    assert render_debrief(MEETING, Checklist(meeting_id=7), Debrief(meeting_id=7), NOW) == (
        EMPTY_DEBRIEF
    )


def test_empty_debrief_still_lays_out_the_plan():
    report = render_debrief(MEETING, PLAN, Debrief(meeting_id=7), NOW)
    assert section(report, "How it went") == (
        "Not written yet.\n\nOverall: \u2014 \u00b7 Temperature: \u2014"
    )
    assert section(report, "Plan vs reality").splitlines()[2:] == [
        "| Ask: Sign-off on the Q1 budget \u2014 by Fri 4 Dec | \u2014 |",
        "| Ask: Two more testers for the pilot | \u2014 |",
        "| Ask: A named owner for the migration \u2014 by Fri 8 Jan 2027 | \u2014 |",
        "| Ask: Access to the staging data | \u2014 |",
        "| Assertiveness: 5/10 (just right) | \u2014 |",
        "| Problem: Vendor delay \u2014 solution: Switch to the backup vendor | \u2014 |",
        "| Problem: Test lab capacity \u2014 asking for help | \u2014 |",
        "| Problem: Scope creep \u2014 solution: Move reporting to phase 2 | \u2014 |",
        "| Problem: Flaky staging \u2014 no solution | \u2014 |",
    ]
    assert headings(report) == ["How it went", "Plan vs reality"]


def test_blank_rows_and_blank_notes_leave_no_sections():
    blank = Debrief(
        meeting_id=7,
        outcome=" \n\n ",
        coaching_note="\n\n",
        unsaid=(UnsaidItem(1, 7, "  "),),
        action_items=(ActionItem(1, 7, "\t", due=date(2026, 12, 4)),),
    )
    assert render_debrief(MEETING, Checklist(meeting_id=7), blank, NOW) == EMPTY_DEBRIEF


def section(report: str, heading: str) -> str:
    """The body of one "## " section, without its heading."""
    after = report.split(f"## {heading}\n\n", 1)[1]
    return after.split("\n\n## ", 1)[0].strip("\n")


def headings(report: str) -> list[str]:
    return [line[3:] for line in report.splitlines() if line.startswith("## ")]


def table_rows(report: str) -> list[str]:
    """The body rows of the plan-vs-reality table."""
    return section(report, "Plan vs reality").split("\n\n")[0].splitlines()[2:]


# -- How it went ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("overall", "temperature", "line"),
    [
        (1, 1, "Overall: 1/5 \u00b7 Temperature: 1/5 (cold)"),
        (2, 2, "Overall: 2/5 \u00b7 Temperature: 2/5 (cool)"),
        (3, 3, "Overall: 3/5 \u00b7 Temperature: 3/5 (neutral)"),
        (4, 4, "Overall: 4/5 \u00b7 Temperature: 4/5 (warm)"),
        (5, 5, "Overall: 5/5 \u00b7 Temperature: 5/5 (very warm)"),
        (None, 4, "Overall: \u2014 \u00b7 Temperature: 4/5 (warm)"),
        (4, None, "Overall: 4/5 \u00b7 Temperature: \u2014"),
        (0, 6, "Overall: \u2014 \u00b7 Temperature: \u2014"),  # off the scale
    ],
)
def test_ratings_line(overall, temperature, line):
    debrief = Debrief(meeting_id=7, outcome="Fine", overall=overall, temperature=temperature)
    report = render_debrief(MEETING, Checklist(meeting_id=7), debrief, NOW)
    assert section(report, "How it went") == f"Fine\n\n{line}"


@pytest.mark.parametrize(
    ("outcome", "shown"),
    [
        ("One line", "One line"),
        ("Two\nlines", "Two lines"),
        ("First\r\n\r\nSecond", "First\n\nSecond"),
        ("First\n \t\n\n\nSecond\n\n", "First\n\nSecond"),
    ],
)
def test_outcome_keeps_paragraphs_and_folds_lines(outcome, shown):
    report = render_debrief(MEETING, Checklist(meeting_id=7), Debrief(7, outcome=outcome), NOW)
    assert section(report, "How it went").rsplit("\n\nOverall:", 1)[0] == shown


@pytest.mark.parametrize(
    ("counterpart", "starts_at", "setting", "parts"),
    [
        (DANA, at(0, 9), Setting.VIDEO, ["Dana Reyes (Acme Corp)", "Today 09:00", "Video call"]),
        (SAM, at(-6, 12), Setting.MEAL, ["Sam", "Sat 21 Nov 12:00", "Shared meal"]),
        (SAM, at(-400, 8), Setting.PHONE, ["Sam", "Thu 23 Oct 2025 08:00", "Phone call"]),
    ],
)
def test_byline(counterpart, starts_at, setting, parts):
    meeting = replace(MEETING, counterpart=counterpart, starts_at=starts_at, setting=setting)
    report = render_debrief(meeting, Checklist(meeting_id=7), Debrief(meeting_id=7), NOW)
    # Like the brief's, without the duration: the meeting is over.
    assert report.splitlines()[2] == "with " + " \u00b7 ".join(parts)


# -- Plan vs reality -----------------------------------------------------------


@pytest.mark.parametrize(
    ("result", "happened"),
    [
        (None, "\u2014"),
        (AskResult(1), "\u2014"),
        (AskResult(1, asked=None, answer=AskAnswer.GRANTED), "\u2014"),
        (AskResult(1, asked=False), "Not asked"),
        (AskResult(1, asked=False, answer=AskAnswer.GRANTED), "Not asked"),
        (AskResult(1, asked=True), "Asked"),
        (AskResult(1, asked=True, answer=AskAnswer.GRANTED), "Asked \u2014 granted"),
        (AskResult(1, asked=True, answer=AskAnswer.REFUSED), "Asked \u2014 refused"),
        (AskResult(1, asked=True, answer=AskAnswer.LATER), "Asked \u2014 later"),
        (AskResult(1, asked=True, answer=AskAnswer.NO_ANSWER), "Asked \u2014 no answer"),
        (AskResult(2, asked=True), "\u2014"),  # another ask's result
    ],
)
def test_ask_rows(result, happened):
    plan = Checklist(meeting_id=7, asks=(Ask(1, "Budget"),))
    debrief = Debrief(meeting_id=7, ask_results=() if result is None else (result,))
    assert table_rows(render_debrief(MEETING, plan, debrief, NOW))[0] == (
        f"| Ask: Budget | {happened} |"
    )


@pytest.mark.parametrize(
    ("planned", "actual", "row"),
    [
        (5, 5, "| Assertiveness: 5/10 (just right) | 5/10 (on plan, in the just-right zone) |"),
        (4, 8, "| Assertiveness: 4/10 (just right) | 8/10 (4 above plan, in the too-much zone) |"),
        (
            3,
            2,
            "| Assertiveness: 3/10 (too little) | 2/10 (1 below plan, in the too-little zone) |",
        ),
        (None, 7, "| Assertiveness: \u2014 | 7/10 (just right) |"),
        (11, 9, "| Assertiveness: \u2014 | 9/10 (too much) |"),
        (9, None, "| Assertiveness: 9/10 (too much) | \u2014 |"),
        (9, 0, "| Assertiveness: 9/10 (too much) | \u2014 |"),
    ],
)
def test_assertiveness_row(planned, actual, row):
    plan = Checklist(meeting_id=7, planned_level=planned)
    report = render_debrief(MEETING, plan, Debrief(meeting_id=7, actual_level=actual), NOW)
    assert table_rows(report) == [row]


@pytest.mark.parametrize(
    ("problem", "outcome", "row"),
    [
        (
            Problem(1, "Delay", (Solution(1, "Backup vendor"), Solution(2, "Split"))),
            ProposalOutcome.ACCEPTED,
            "| Problem: Delay \u2014 solution: Backup vendor | Accepted |",
        ),
        (
            Problem(1, "Delay", (Solution(1, "Backup vendor"),)),
            ProposalOutcome.DECLINED,
            "| Problem: Delay \u2014 solution: Backup vendor | Declined |",
        ),
        (
            Problem(1, "Delay", (Solution(1, ""), Solution(2, "Split"))),
            ProposalOutcome.PARKED,
            "| Problem: Delay \u2014 solution: Split | Parked |",
        ),
        (
            Problem(1, "Delay", (Solution(1, "Split"),), ask_for_help=True),
            None,
            "| Problem: Delay \u2014 solution: Split | \u2014 |",
        ),
        (
            Problem(1, "Delay", ask_for_help=True),
            None,
            "| Problem: Delay \u2014 asking for help | \u2014 |",
        ),
        (
            Problem(1, "Delay"),
            ProposalOutcome.DECLINED,
            "| Problem: Delay \u2014 no solution | Declined |",
        ),
    ],
)
def test_problem_rows(problem, outcome, row):
    plan = Checklist(meeting_id=7, problems=(problem,))
    debrief = Debrief(meeting_id=7, proposal_outcomes=((1, outcome),))
    assert table_rows(render_debrief(MEETING, plan, debrief, NOW))[1] == row


def test_outcome_for_a_problem_not_in_the_plan_is_ignored():
    plan = Checklist(meeting_id=7, problems=(Problem(1, "Delay"),))
    debrief = Debrief(meeting_id=7, proposal_outcomes=((9, ProposalOutcome.ACCEPTED),))
    assert table_rows(render_debrief(MEETING, plan, debrief, NOW))[1] == (
        "| Problem: Delay \u2014 no solution | \u2014 |"
    )


def test_a_plan_edited_after_the_start_is_noted_under_the_table():
    report = render_debrief(MEETING, replace(PLAN, edited_after_start=True), DEBRIEF, NOW)
    assert section(report, "Plan vs reality").endswith(
        "| Problem: Flaky staging \u2014 no solution | \u2014 |\n\n"
        "_Plan edited after the meeting started._"
    )
    assert report.replace("\n\n_Plan edited after the meeting started._", "") == FULL_DEBRIEF


# -- What follows --------------------------------------------------------------


@pytest.mark.parametrize(
    ("planned", "move", "line"),
    [
        (
            Deadline(1, "Launch", date(2026, 12, 7), date(2026, 12, 11), date(2026, 12, 18)),
            DeadlineMove(1, 1, 7, date(2026, 12, 14), date(2026, 12, 18), date(2026, 12, 23)),
            "- Launch: was Mon 7 Dec\u2013Fri 18 Dec (likely Fri 11 Dec), "
            "now Mon 14 Dec\u2013Wed 23 Dec (likely Fri 18 Dec)",
        ),
        (
            Deadline(1, "Launch", earliest=date(2026, 12, 7)),
            DeadlineMove(1, 1, 7, date(2026, 12, 14), None, None),
            "- Launch: was from Mon 7 Dec, now from Mon 14 Dec",
        ),
        (
            Deadline(1, "Launch", likely=date(2026, 12, 11)),
            DeadlineMove(1, 1, 7, None, date(2027, 1, 4), None),
            "- Launch: was likely Fri 11 Dec, now likely Mon 4 Jan 2027",
        ),
        (
            Deadline(1, "Launch", date(2026, 12, 11), None, date(2026, 12, 11)),
            DeadlineMove(1, 1, 7, date(2026, 12, 18), date(2026, 12, 18), date(2026, 12, 18)),
            "- Launch: was Fri 11 Dec, now Fri 18 Dec (likely Fri 18 Dec)",
        ),
        (
            Deadline(1, "Launch"),
            DeadlineMove(1, 1, 7, None, None, None),
            "- Launch: was no dates, now no dates",
        ),
        (
            Deadline(1, "", latest=date(2026, 12, 18)),
            DeadlineMove(1, 1, 7, None, None, date(2026, 12, 23)),
            "- Untitled deadline: was by Fri 18 Dec, now by Wed 23 Dec",
        ),
        (
            # A deadline carried over from an earlier meeting's plan.
            Deadline(2, "Other"),
            DeadlineMove(1, 1, 7, date(2026, 12, 14), None, date(2026, 12, 23)),
            "- A deadline from an earlier meeting: now Mon 14 Dec\u2013Wed 23 Dec",
        ),
    ],
)
def test_deadline_moves(planned, move, line):
    plan = Checklist(meeting_id=7, deadlines=(planned,))
    report = render_debrief(MEETING, plan, Debrief(meeting_id=7, deadline_moves=(move,)), NOW)
    assert section(report, "Deadlines that moved") == line


def test_feedback_only_when_asked():
    answered = replace(DEBRIEF, feedback_asked=False)
    report = render_debrief(MEETING, PLAN, answered, NOW)
    assert "## Feedback" not in report
    assert "What should I keep doing?" not in report


def test_feedback_asked_with_no_answers_yet():
    report = render_debrief(MEETING, PLAN, Debrief(meeting_id=7, feedback_asked=True), NOW)
    assert section(report, "Feedback") == (
        "- What should I keep doing? \u2014\n"
        "- What should I do more often? \u2014\n"
        "- What can I do to help you more? \u2014"
    )


@pytest.mark.parametrize(
    ("item", "line"),
    [
        (ActionItem(1, 7, "Send it"), "- [ ] Send it \u2014 me"),
        (ActionItem(1, 7, "Send it", Owner.THEM), "- [ ] Send it \u2014 them"),
        (
            ActionItem(1, 7, "Send it", due=date(2026, 12, 4)),
            "- [ ] Send it \u2014 me, due Fri 4 Dec",
        ),
        (
            ActionItem(1, 7, "Send it", Owner.THEM, date(2027, 1, 4)),
            "- [ ] Send it \u2014 them, due Mon 4 Jan 2027",
        ),
        (ActionItem(1, 7, "Send it", done_at=NOW), "- [x] Send it \u2014 me"),
        (
            ActionItem(1, 7, "Send it", due=date(2026, 11, 20), done_at=NOW),
            "- [x] Send it \u2014 me, due Fri 20 Nov",
        ),
    ],
)
def test_action_items(item, line):
    report = render_debrief(MEETING, PLAN, Debrief(meeting_id=7, action_items=(item,)), NOW)
    assert section(report, "Action items") == line


@pytest.mark.parametrize(
    ("changes", "present"),
    [
        ({}, ["How it went", "Plan vs reality"]),
        ({"unsaid": (UnsaidItem(1, 7, "x"),)}, ["How it went", "Plan vs reality", "Unsaid"]),
        (
            {"deadline_moves": (DeadlineMove(1, 1, 7, None, None, None),)},
            ["How it went", "Plan vs reality", "Deadlines that moved"],
        ),
        ({"feedback_asked": True}, ["How it went", "Plan vs reality", "Feedback"]),
        (
            {"action_items": (ActionItem(1, 7, "x"),)},
            ["How it went", "Plan vs reality", "Action items"],
        ),
        ({"coaching_note": "x"}, ["How it went", "Plan vs reality", "Coaching up"]),
        ({"coaching_note": " \n "}, ["How it went", "Plan vs reality"]),
    ],
)
def test_optional_sections_appear_only_with_content(changes, present):
    report = render_debrief(MEETING, PLAN, replace(Debrief(meeting_id=7), **changes), NOW)
    assert headings(report) == present


# -- Escaping ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "heading"),
    [
        ("Q4 review", "# Debrief: Q4 review"),
        ("Review ##", "# Debrief: Review \\##"),
        ("Learn C#", "# Debrief: Learn C#"),
        ("Two\nlines", "# Debrief: Two lines"),
        ("<!-- x", "# Debrief: \\<!-- x"),
    ],
)
def test_title_stays_one_heading(title, heading):
    meeting = replace(MEETING, title=title)
    report = render_debrief(meeting, Checklist(meeting_id=7), Debrief(meeting_id=7), NOW)
    assert report.splitlines()[0] == heading


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("# Not a heading", "\\# Not a heading"),
        ("#1 priority", "#1 priority"),
        ("- not a list", "\\- not a list"),
        ("1. nested", "1\\. nested"),
        ("> not a quote", "\\> not a quote"),
        ("---", "\\---"),
        ("```python", "\\```python"),
        ("Use <b>bold</b>", "Use \\<b>bold\\</b>"),
        ("Tab\there \x1b[31m red", "Tab here [31m red"),
        ("Budget \U0001f680\u2615", "Budget \U0001f680\u2615"),
    ],
)
def test_user_text_cannot_open_new_blocks(text, shown):
    debrief = Debrief(
        meeting_id=7,
        outcome=text,
        coaching_note=text,
        feedback_asked=True,
        feedback_keep=text,
        unsaid=(UnsaidItem(1, 7, text),),
        action_items=(ActionItem(1, 7, text),),
    )
    report = render_debrief(MEETING, Checklist(meeting_id=7), debrief, NOW)
    assert section(report, "How it went").split("\n\n")[0] == shown
    assert section(report, "Coaching up") == shown
    assert section(report, "Unsaid") == f"- {shown}"
    assert section(report, "Action items") == f"- [ ] {shown} \u2014 me"
    # Mid-line, only HTML and control characters need care.
    assert section(report, "Feedback").splitlines()[0].startswith("- What should I keep doing? ")


def test_pipes_and_newlines_in_table_cells_are_escaped():
    plan = Checklist(
        meeting_id=7,
        asks=(Ask(1, "Budget | scope\nnow"),),
        problems=(Problem(1, "A | B", (Solution(1, "C\n| D"),)),),
    )
    rows = table_rows(render_debrief(MEETING, plan, Debrief(meeting_id=7), NOW))
    assert rows[0] == "| Ask: Budget \\| scope now | \u2014 |"
    assert rows[2] == "| Problem: A \\| B \u2014 solution: C \\| D | \u2014 |"


def test_deadline_label_is_escaped_at_the_start_of_its_item():
    plan = Checklist(meeting_id=7, deadlines=(Deadline(1, "# Launch\nphase"),))
    debrief = Debrief(meeting_id=7, deadline_moves=(DeadlineMove(1, 1, 7, None, None, None),))
    report = render_debrief(MEETING, plan, debrief, NOW)
    assert section(report, "Deadlines that moved") == (
        "- \\# Launch phase: was no dates, now no dates"
    )


def test_hostile_text_keeps_the_document_structure():
    markdown_it = pytest.importorskip("markdown_it")
    hostile = "# x\n| a | b |\n| --- | --- |\n- y\n> z\n<!--\n1. w\n---\n\n## h\n\n```"
    plan = Checklist(
        meeting_id=7,
        asks=(Ask(1, hostile), Ask(2, "two")),
        deadlines=(Deadline(1, hostile),),
        planned_level=5,
        problems=(Problem(1, hostile, (Solution(1, hostile),)),),
    )
    debrief = Debrief(
        meeting_id=7,
        outcome=hostile,
        overall=3,
        temperature=4,
        actual_level=6,
        feedback_asked=True,
        feedback_keep=hostile,
        feedback_more=hostile,
        feedback_help=hostile,
        coaching_note=hostile,
        ask_results=(AskResult(1, asked=False),),
        unsaid=(UnsaidItem(1, 7, hostile),),
        deadline_moves=(DeadlineMove(1, 1, 7, None, None, date(2026, 12, 4)),),
        action_items=(ActionItem(1, 7, hostile, done_at=NOW), ActionItem(2, 7, hostile)),
    )
    meeting = replace(MEETING, title=hostile, counterpart=Counterpart(1, hostile, hostile))
    tokens = markdown_it.MarkdownIt("gfm-like").parse(render_debrief(meeting, plan, debrief, NOW))

    found = [
        (t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"
    ]
    assert [tag for tag, _ in found] == ["h1"] + ["h2"] * 7
    assert [text for tag, text in found if tag == "h2"] == [
        "How it went",
        "Plan vs reality",
        "Unsaid",
        "Deadlines that moved",
        "Feedback",
        "Action items",
        "Coaching up",
    ]
    types = [t.type for t in tokens]
    # One table: a header and four body rows (two asks, assertiveness, one problem).
    assert types.count("table_open") == 1
    assert types.count("tr_open") == 5
    assert types.count("td_open") == 8
    assert "blockquote_open" not in types
    assert "hr" not in types
    assert "fence" not in types and "code_block" not in types
    assert "html_block" not in types and "html_inline" not in types
    assert "ordered_list_open" not in types
    # Unsaid, moved deadlines, feedback, action items: one flat list each.
    assert types.count("bullet_list_open") == 4


def test_expectations_sit_beside_the_outcome_and_why_they_differ():
    plan = replace(PLAN, they_expect="A go/no-go", i_expect="Budget sign-off")
    debrief = replace(DEBRIEF, why_differ="They had not read the draft.")
    how = section(render_debrief(MEETING, plan, debrief, NOW), "How it went")
    assert how.startswith("- They expected: A go/no-go\n- I expected: Budget sign-off\n\n")
    assert "### Why the two differ\n\nThey had not read the draft." in how
    # Expectations and no reason yet: the question is left visibly open.
    unanswered = render_debrief(MEETING, plan, replace(DEBRIEF, why_differ=""), NOW)
    assert "### Why the two differ\n\nNot written yet." in unanswered


def test_unplanned_asks_are_rows_marked_unplanned_and_asked():
    debrief = replace(
        DEBRIEF,
        unplanned_asks=(
            UnplannedAsk(1, 7, "A second reviewer", AskAnswer.GRANTED),
            UnplannedAsk(2, 7, "  "),
            UnplannedAsk(3, 7, "Earlier | slot"),
        ),
    )
    rows = table_rows(render_debrief(MEETING, PLAN, debrief, NOW))
    assert "| Unplanned ask: A second reviewer | Asked \u2014 granted |" in rows
    assert "| Unplanned ask: Earlier \\| slot | Asked |" in rows
    assert sum("Unplanned ask" in row for row in rows) == 2
