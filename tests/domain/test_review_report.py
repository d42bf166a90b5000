"""The weekly review as Markdown: the full layout, the empty week, quiet
sections, a week seen before it is over, and escaping."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from prep.domain.debrief import CoachingOutcome, Owner
from prep.domain.models import Cadence, Rank, Setting
from prep.domain.review import (
    ActionLine,
    MovedDeadline,
    PersonFeedback,
    Reflection,
    ReviewMeeting,
    UpcomingDeadline,
    WeekInput,
)
from prep.domain.review_report import MEETINGS_HEADING, ReviewParts, render_review, review_parts
from tests.domain.test_review_stats import PREVIOUS, WEEK, meeting
from tests.helpers import NOW, at

SPARK = "  \u2581\u2583\u2582\u2586 \u2587\u2583\u2585\u2588\u2584"

FULL_REVIEW = f"""\
# Weekly review: Week 48 \u00b7 Mon 23 \u2013 Sun 29 Nov 2026

Last week's focus: Ask for decisions, not opinions.

## Numbers

| | This week | Last week |
| --- | --- | --- |
| Meetings held | 5 | 3 |
| Prepared before the meeting | 80% | 67% |
| Debriefed | 60% | 100% |
| Debriefs that say why | 0 | 0 |
| Direct asks planned / asked / granted | 7 / 4 / 2 | 3 / 2 / 2 |
| Asks made unplanned | 0 | 0 |
| Problems raised with a solution / without / to ask for help | 4 / 1 / 1 | 1 / 0 / 1 |
| Feedback conversations | 2 | 0 |
| Coaching up tried (worked / partly / not) | 0 | 0 |

## Meetings

- Mon 23 Nov 10:00 \u00b7 Q4 budget review (Dana Reyes): prepared, debriefed
- Tue 24 Nov 15:00 \u00b7 Pilot check-in (Sam Okafor): prepared, debriefed
- Wed 25 Nov 09:30 \u00b7 Steering | committee (Priya Shah): not prepared, no debrief yet
- Thu 26 Nov 12:30 \u00b7 Contract renewal (Dana Reyes): prepared, debriefed
- Fri 27 Nov 14:00 \u00b7 Weekly sync (Sam Okafor): under way, prepared, no debrief yet
- Sat 28 Nov 10:00 \u00b7 Team 1:1 (Lee Park): booked, ready

## Assertiveness

| Meeting | Planned | Actual | Gap |
| --- | --- | --- | --- |
| Q4 budget review (Dana Reyes) | 5 | 4 | -1 |
| Pilot check-in (Sam Okafor) | 6 | 7 | +1 |
| Steering \\| committee (Priya Shah) | 6 | \u2014 | \u2014 |
| Contract renewal (Dana Reyes) | 4 | 2 | -2 |
| Weekly sync (Sam Okafor) | 5 | \u2014 | \u2014 |

Average gap: -0.7 (below plan). On average you landed just right.

Last 12 weeks: {SPARK} (average gap from -2.0 to +1.0)

Gap by who they are:

- Senior to you: -1.5 over 2 meetings
- Your peer: +1.0 over 1 meeting

## Hierarchy

Unsaid items: 3 opened at this week's meetings, 1 resolved this week.

Still unsaid, by person:

- Dana Reyes: 2
- Priya Shah: 1

Reasons for holding back:

- Want more data first: 2
- Not my place: 2
- Don't want to embarrass them: 1

## Expectations

Moved this week:

- Go-live (Dana Reyes): likely moved 7 days later, to Fri 11 Dec
- Data migration (Priya Shah): likely moved 1 day earlier, to Thu 17 Dec
- \\# Security review (Dana Reyes): likely now Fri 15 Jan 2027

Coming up in the next two weeks:

- Pilot launch (Sam Okafor): Mon 7 Dec\u2013Fri 11 Dec (likely Wed 9 Dec)
- Board pack (Priya Shah): likely Thu 3 Dec

## Action items

Overdue from earlier weeks:

- [ ] Send the revised plan \u2014 me, for Dana Reyes, due Fri 20 Nov

Due this week:

- [ ] Call the vendor \u2014 me, for Priya Shah, due Wed 25 Nov (overdue)
- [x] Send the minutes \u2014 me, for Dana Reyes, due Thu 26 Nov
- [ ] Draft the agenda \u2014 me, for Lee Park, due Sat 28 Nov

Due next week:

- [ ] Confirm the venue \u2014 Sam Okafor, due Wed 2 Dec
- [ ] Share \\<b>test\\</b> results \u2014 me, for Priya Shah, due Fri 4 Dec

Also done this week:

- [x] Book the workshop room \u2014 me, for Sam Okafor

## Feedback due

- Priya Shah \u2014 half-yearly, never asked
- Lee Park \u2014 yearly, last asked Sun 1 Jun 2025
- Dana Reyes \u2014 quarterly, last asked Thu 27 Aug

Ask the three questions: what should I keep doing, what should I do more often, \
and what can I do to help you more?

## Setting

| Setting | Meetings | Average temperature |
| --- | --- | --- |
| Video call | 2 | 3.5 |
| In the office | 1 | \u2014 |
| Over coffee | 1 | 5.0 |
| Shared meal | 1 | 3.0 |

Too few meetings to compare settings: each needs at least 3 with a temperature, \
and two settings are needed.

## Reflection

### What went well

Asked Dana for the sign-off directly.

### What to change

Bring a solution for the staging problem.

Say no to late additions.

### Focus for next week

Raise the migration risk with Priya.
"""


def test_full_review():
    # Saturday's "Team 1:1" (phone, fear, 3 asks, 5 problems) has not happened:
    # nothing of it appears.
    assert render_review(WEEK, PREVIOUS, NOW) == FULL_REVIEW


EMPTY_WEEK = WeekInput(week_start=date(2026, 11, 30))

EMPTY_REVIEW = """\
# Weekly review: Week 49 \u00b7 Mon 30 Nov \u2013 Sun 6 Dec 2026

Nothing to review for this week yet. The review fills in as the week happens:

- **Add meetings** with the people you work with: each one held this week is counted here.
- **Prepare** each one with the checklist before it starts: the review shows how many \
you prepared, the asks you planned and the assertiveness level you aimed for.
- **Debrief** each one afterwards: how assertive you actually were, which asks you made \
and what was granted, what went unsaid, deadlines that moved and action items.
- **Write a reflection** at the end of the week: what went well, what to change, and \
a focus for next week.
"""


def test_the_review_comes_in_parts_that_join_into_the_whole():
    parts = review_parts(WEEK, PREVIOUS, NOW)
    assert parts.head.startswith("# Weekly review") and parts.head.endswith("|")
    assert parts.meetings.startswith(f"{MEETINGS_HEADING}\n\n- ")
    assert parts.body.startswith("## Assertiveness") and "## Setting" in parts.body
    assert parts.reflection.startswith("## Reflection")
    assert parts.markdown() == FULL_REVIEW
    # Shown beside its own editor, the reflection is left out, and nothing else.
    without = parts.markdown(reflection=False)
    assert without == FULL_REVIEW.split("\n\n## Reflection")[0] + "\n"
    assert review_parts(EMPTY_WEEK, WEEK, NOW) == ReviewParts(head=EMPTY_REVIEW.rstrip("\n"))


def test_an_empty_week_explains_what_will_appear():
    assert render_review(EMPTY_WEEK, WEEK, NOW) == EMPTY_REVIEW


def test_an_empty_week_still_shows_last_weeks_focus_and_ignores_people_and_trend():
    week = replace(
        EMPTY_WEEK,
        last_week_focus="Ask <directly>",
        people=WEEK.people,
        gap_trend=WEEK.gap_trend,
    )
    heading, rest = EMPTY_REVIEW.split("\n\n", 1)
    expected = f"{heading}\n\nLast week's focus: Ask \\<directly>\n\n{rest}"
    assert render_review(week, WEEK, NOW) == expected


def section(review: str, title: str) -> str:
    """The text of one "## " section, without its heading."""
    body = review.split(f"\n## {title}\n\n", 1)[1]
    return body.split("\n## ", 1)[0].rstrip("\n")


def test_monday_morning_counts_only_the_first_meeting():
    review = render_review(WEEK, PREVIOUS, at(-4, 11))
    assert "| Meetings held | 1 | 3 |" in review
    assert "| Prepared before the meeting | 100% | 67% |" in review
    assert section(review, "Assertiveness").startswith(
        "| Meeting | Planned | Actual | Gap |\n"
        "| --- | --- | --- | --- |\n"
        "| Q4 budget review (Dana Reyes) | 5 | 4 | -1 |\n\n"
        "Average gap: -1.0 (below plan). On average you landed just right."
    )
    assert "Reasons for holding back:\n\n- Not my place: 1" in review
    assert "| Video call | 1 | 4.0 |\n\nToo few meetings" in section(review, "Setting")


def test_a_week_with_only_a_reflection_has_quiet_sections():
    week = replace(EMPTY_WEEK, reflection=Reflection(focus="Ask directly"))
    last = WeekInput(week_start=date(2026, 11, 23))
    review = render_review(week, last, NOW)
    assert section(review, "Numbers").splitlines()[2:] == [
        "| Meetings held | 0 | 0 |",
        "| Prepared before the meeting | \u2014 | \u2014 |",
        "| Debriefed | \u2014 | \u2014 |",
        "| Debriefs that say why | 0 | 0 |",
        "| Direct asks planned / asked / granted | 0 / 0 / 0 | 0 / 0 / 0 |",
        "| Asks made unplanned | 0 | 0 |",
        "| Problems raised with a solution / without / to ask for help | 0 / 0 / 0 | 0 / 0 / 0 |",
        "| Feedback conversations | 0 | 0 |",
        "| Coaching up tried (worked / partly / not) | 0 | 0 |",
    ]
    assert section(review, "Assertiveness") == (
        "No level planned or rated for a meeting held this week."
    )
    assert section(review, "Hierarchy") == (
        "Unsaid items: 0 opened at this week's meetings, 0 resolved this week."
    )
    assert "## Meetings" not in review
    assert section(review, "Expectations") == (
        "No deadline moved this week, and none is coming up in the next two."
    )
    assert section(review, "Action items") == (
        "No action item overdue, due this week or next, or done this week."
    )
    assert section(review, "Feedback due") == "No one is due a feedback conversation."
    assert section(review, "Setting") == "No meeting held this week."
    assert section(review, "Reflection") == (
        "### What went well\n\n\u2014\n\n### What to change\n\n\u2014\n\n"
        "### Focus for next week\n\nAsk directly"
    )


def test_a_week_whose_meetings_are_all_to_come():
    week = replace(WEEK, meetings=(WEEK.meetings[0],))  # only Saturday's
    review = render_review(week, PREVIOUS, NOW)
    assert "| Meetings held | 0 | 3 |" in review
    assert section(review, "Setting") == "No meeting held this week."
    assert "Reasons for holding back" not in review


def test_no_reflection_is_not_written_yet():
    week = replace(WEEK, reflection=Reflection(went_well="  "))
    assert section(render_review(week, PREVIOUS, NOW), "Reflection") == "Not written yet."


def test_a_flat_trend_says_its_one_value():
    week = replace(WEEK, gap_trend=(None, 0.0, 0.0))
    review = render_review(week, PREVIOUS, NOW)
    assert "Last 3 weeks:  \u2584\u2584 (average gap 0.0 in both weeks with data)" in review
    week = replace(WEEK, gap_trend=(0.5, 0.5, None, 0.5))
    review = render_review(week, PREVIOUS, NOW)
    assert "(average gap +0.5 in each of the 3 weeks with data)" in review


def test_a_trend_of_one_week_says_so():
    week = replace(WEEK, gap_trend=(None,) * 11 + (-2.0,))
    review = render_review(week, PREVIOUS, NOW)
    assert (
        f"Last 12 weeks: {' ' * 11}\u2584 (only one week with data so far: average gap -2.0)"
    ) in review.splitlines()
    assert "every week" not in review


def test_a_trend_with_no_data_is_left_out():
    week = replace(WEEK, gap_trend=(None,) * 12)
    assert "Last 12 weeks" not in render_review(week, PREVIOUS, NOW)


@pytest.mark.parametrize(
    ("move", "line"),
    [
        (
            MovedDeadline("Launch", "Dana", date(2026, 12, 4), date(2026, 12, 4), 1),
            "- Launch (Dana): range changed, likely still Fri 4 Dec",
        ),
        (
            MovedDeadline("Launch", "", date(2026, 12, 4), None, 1),
            "- Launch: no likely date now (was Fri 4 Dec)",
        ),
        (MovedDeadline(" ", "Dana", None, None, 1), "- Untitled deadline (Dana): range changed"),
        (
            MovedDeadline("1. Launch", "Dana", date(2026, 12, 31), date(2027, 1, 1), 1),
            "- 1\\. Launch (Dana): likely moved 1 day later, to Fri 1 Jan 2027",
        ),
    ],
)
def test_moved_deadline_lines(move, line):
    [monday_meeting] = [m for m in WEEK.meetings if m.id == 1]
    week = replace(WEEK, meetings=(monday_meeting,), moved_deadlines=(move,), upcoming_deadlines=())
    assert section(render_review(week, PREVIOUS, NOW), "Expectations") == (
        f"Moved this week:\n\n{line}"
    )


def test_action_items_without_a_person():
    week = replace(
        EMPTY_WEEK,
        week_start=date(2026, 11, 23),
        actions=(
            ActionLine("- Draft", "", Owner.ME, None, done_at=at(-1, 9)),
            ActionLine("Reply", "", Owner.THEM, date(2027, 1, 4), done_at=at(-1, 10)),
        ),
    )
    assert section(render_review(week, PREVIOUS, NOW), "Action items") == (
        "Also done this week:\n\n- [x] \\- Draft \u2014 me\n"
        "- [x] Reply \u2014 them, due Mon 4 Jan 2027"
    )


def test_user_text_cannot_break_the_layout():
    hostile = ReviewMeeting(
        1,
        "## Plan\nB | C",
        1,
        "Dana | <script>",
        Rank.SENIOR,
        at(-4, 10),
        Setting.VIDEO,
        planned_level=5,
    )
    week = replace(
        EMPTY_WEEK,
        week_start=date(2026, 11, 23),
        meetings=(hostile,),
        open_unsaid_by_person=(("# Dana", 1),),
        upcoming_deadlines=(UpcomingDeadline("> Beta", "Sam\nOkafor", None, None, None),),
        people=(PersonFeedback("* Dana", Cadence.YEARLY, None),),
        reflection=Reflection(went_well="# Big\n\n- win"),
        last_week_focus="line\n# two",
    )
    review = render_review(week, PREVIOUS, NOW)
    assert "Last week's focus: line # two" in review
    assert "| ## Plan B \\| C (Dana \\| \\<script>) | 5 | \u2014 | \u2014 |" in review
    assert "- \\# Dana: 1" in review
    assert "- \\> Beta (Sam Okafor): no dates" in review
    assert "- \\* Dana \u2014 yearly, never asked" in review
    assert "### What went well\n\n\\# Big\n\n\\- win\n\n" in review
    assert "<script>" not in review.replace("\\<script>", "")


def test_unsaid_items_opened_are_those_of_the_weeks_meetings():
    """Sunday's meeting debriefed on Monday: its unsaid items are Sunday's week's."""
    sunday = ReviewMeeting(
        7,
        "Sunday wrap",
        2,
        "Sam Okafor",
        Rank.PEER,
        at(2, 23, 30),
        Setting.VIDEO,
        debriefed=True,
        unsaid_opened=2,
    )
    monday = at(3, 9)  # Monday 30 November, the debrief just written
    week = WeekInput(
        week_start=date(2026, 11, 23),
        meetings=(sunday,),
        open_unsaid_by_person=(("Sam Okafor", 2),),
    )
    review = render_review(week, PREVIOUS, monday)
    assert section(review, "Hierarchy") == (
        "Unsaid items: 2 opened at this week's meetings, 0 resolved this week.\n\n"
        "Still unsaid, by person:\n\n- Sam Okafor: 2"
    )
    next_week = WeekInput(week_start=date(2026, 11, 30), open_unsaid_by_person=(("Sam Okafor", 2),))
    assert section(render_review(next_week, week, monday), "Hierarchy").startswith(
        "Unsaid items: 0 opened at this week's meetings"
    )


def test_a_future_week_lists_the_meetings_booked_in_it():
    booked = ReviewMeeting(
        8, "Steering", 3, "Priya Shah", Rank.SENIOR, at(4, 9, 30), Setting.OFFICE, steps_done=1
    )
    new_year = ReviewMeeting(
        9,
        "Kick-off",
        3,
        "Priya Shah",
        Rank.SENIOR,
        NOW.replace(year=2027, month=1, day=4, hour=9),
        Setting.VIDEO,
    )
    review = render_review(WeekInput(week_start=date(2026, 11, 30), meetings=(booked,)), WEEK, NOW)
    assert section(review, "Meetings") == (
        "- Tue 1 Dec 09:30 \u00b7 Steering (Priya Shah): booked, 1 of 4 steps ready"
    )
    assert "| Meetings held | 0 | 5 |" in review
    review = render_review(WeekInput(week_start=date(2027, 1, 4), meetings=(new_year,)), WEEK, NOW)
    assert section(review, "Meetings") == (
        "- Mon 4 Jan 2027 09:00 \u00b7 Kick-off (Priya Shah): booked, not prepared yet"
    )


def test_the_review_says_how_many_unsaid_items_were_resolved_by_asking():
    week = WeekInput(week_start=date(2026, 11, 23), unsaid_resolved=3, unsaid_said=2)
    hierarchy = section(render_review(week, PREVIOUS, NOW), "Hierarchy")
    print(hierarchy)
    assert hierarchy.startswith(
        "Unsaid items: 0 opened at this week's meetings, 3 resolved this week, 2 of them by asking."
    )


def test_the_review_counts_coaching_up_attempts_and_outcomes():
    tried = meeting(1, coaching_tried=True, coaching_outcome=CoachingOutcome.PARTLY)
    worked = meeting(2, coaching_tried=True, coaching_outcome=CoachingOutcome.WORKED)
    week = WeekInput(week_start=date(2026, 11, 23), meetings=(tried, worked, meeting(3)))
    numbers_table = section(render_review(week, PREVIOUS, NOW), "Numbers")
    print(numbers_table)
    assert "| Coaching up tried (worked / partly / not) | 2 (1 / 1 / 0) | 0 |" in (numbers_table)
