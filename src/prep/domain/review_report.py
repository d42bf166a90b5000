"""The weekly review as Markdown: stepping back from one week of meetings.

`render_review` lays out what `review_stats` computes, in the order the
ideas behind prep come up in a meeting: the headline numbers beside last
week's, the week's meetings (prepared? debriefed?), assertiveness planned
against actual (and its drift over twelve weeks), what hierarchy kept
unsaid, deadlines that moved and are coming up, action items, who is due
a feedback conversation, whether the setting goes with a warmer
relationship, and the reflection written for the week.

Meeting-based sections count the meetings held by `now`, as the numbers
do: a meeting later this week has nothing to review yet. Only the list of
the week's meetings shows the ones still to come. User text goes
through the brief's escaping helpers, so a pasted "#", "|", "<" or
newline can't open a heading, break a table or start a list.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from prep.domain import markdown as md
from prep.domain.assertiveness import ZONE_LABELS
from prep.domain.checklist import REASON_LABELS
from prep.domain.deadlines import format_day
from prep.domain.debrief import CoachingOutcome, Owner
from prep.domain.debrief_report import NOT_WRITTEN
from prep.domain.markdown import EMPTY_FIELD
from prep.domain.models import RANK_PHRASES, SETTING_LABELS, Cadence
from prep.domain.review import (
    ActionLine,
    MovedDeadline,
    ReviewMeeting,
    UpcomingDeadline,
    WeekInput,
)
from prep.domain.review_stats import (
    MeetingLine,
    Numbers,
    action_items,
    assertiveness,
    feedback_due_people,
    held_week,
    hold_back_reasons,
    is_empty,
    meeting_lines,
    moved_deadlines,
    numbers,
    setting_conclusion,
    settings,
    sparkline,
    trend_range,
    unsaid_opened,
    unsaid_said,
)
from prep.domain.weeks import describe_week
from prep.domain.words import counted

__all__ = [
    "MEETINGS_HEADING",
    "ReviewParts",
    "meeting_when",
    "render_review",
    "review_parts",
]

MEETINGS_HEADING = "## Meetings"

FEEDBACK_REMINDER = (
    "Ask the three questions: what should I keep doing, what should I do more "
    "often, and what can I do to help you more?"
)

EMPTY_WEEK = """\
Nothing to review for this week yet. The review fills in as the week happens:

- **Add meetings** with the people you work with: each one held this week is counted here.
- **Prepare** each one with the checklist before it starts: the review shows how many \
you prepared, the asks you planned and the assertiveness level you aimed for.
- **Debrief** each one afterwards: how assertive you actually were, which asks you made \
and what was granted, what went unsaid, deadlines that moved and action items.
- **Write a reflection** at the end of the week: what went well, what to change, and \
a focus for next week."""


# -- Formatting ----------------------------------------------------------------


def _percent(share: float | None) -> str:
    if share is None:
        return EMPTY_FIELD
    # Halves up (2.5% -> 3%), after smoothing float noise such as 7.4999999.
    return f"{math.floor(round(share * 100, 6) + 0.5)}%"


def _signed(value: float) -> str:
    """An average gap: "+1.0", "-0.7", and "0.0" for no gap at all."""
    return "0.0" if value == 0 else f"{value:+.1f}"


def _signed_int(value: int) -> str:
    """One meeting's gap: "+1", "-2", "0"."""
    return "0" if value == 0 else f"{value:+d}"


def _who(person: str) -> str:
    return f" ({md.inline(person)})" if person.strip() else ""


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


# -- Sections ------------------------------------------------------------------


def _coaching_cell(numbers: Numbers) -> str:
    """ "2 (1 / 1 / 0)": notes tried, and how; a bare "0" when none was."""
    if not numbers.coaching_tried:
        return "0"
    outcomes = " / ".join(str(numbers.coaching(outcome)) for outcome in CoachingOutcome)
    return f"{numbers.coaching_tried} ({outcomes})"


def _numbers_section(this: Numbers, last: Numbers) -> list[str]:
    def row(label: str, value) -> str:
        return f"| {label} | {value(this)} | {value(last)} |"

    rows = [
        "| | This week | Last week |",
        "| --- | --- | --- |",
        row("Meetings held", lambda n: n.held),
        row("Prepared before the meeting", lambda n: _percent(n.prepared_share)),
        row("Debriefed", lambda n: _percent(n.debriefed_share)),
        row("Debriefs that say why", lambda n: n.debriefs_saying_why),
        row(
            "Direct asks planned / asked / granted",
            lambda n: f"{n.asks_planned} / {n.asks_asked} / {n.asks_granted}",
        ),
        row("Asks made unplanned", lambda n: n.asks_unplanned),
        row(
            "Problems raised with a solution / without / to ask for help",
            lambda n: f"{n.problems_with_solution} / {n.problems_without} / {n.problems_for_help}",
        ),
        row("Feedback conversations", lambda n: n.feedback_conversations),
        row("Coaching up tried (worked / partly / not)", _coaching_cell),
    ]
    return ["## Numbers", "\n".join(rows)]


def meeting_when(meeting: ReviewMeeting, now: datetime) -> str:
    """ "Mon 23 Nov 09:00", in now's zone; the year only when it isn't now's."""
    local = meeting.starts_at.astimezone(now.tzinfo)
    day = format_day(local.date(), with_year=local.year != now.year)
    return f"{day} {local.hour:02d}:{local.minute:02d}"


def _meeting_line(line: MeetingLine, now: datetime) -> str:
    m = line.meeting
    return f"{meeting_when(m, now)} \u00b7 {md.inline(m.title)}{_who(m.person)}: {line.status}"


def _meetings_section(week: WeekInput, now: datetime) -> list[str]:
    lines = meeting_lines(week, now)
    if not lines:
        return []
    return [MEETINGS_HEADING, _bullets([_meeting_line(line, now) for line in lines])]


def _meeting_cell(title: str, person: str) -> str:
    """ "Q4 budget review (Dana Reyes)", escaped for a table cell."""
    if not person.strip():
        return md.cell(title)
    return f"{md.cell(title)} ({md.cell(person)})"


def _level_cell(level: int | None) -> str:
    return EMPTY_FIELD if level is None else str(level)


def _assertiveness_section(week: WeekInput) -> list[str]:
    stats = assertiveness(week)
    blocks = ["## Assertiveness"]
    if stats.rows:
        table = [
            "| Meeting | Planned | Actual | Gap |",
            "| --- | --- | --- | --- |",
            *(
                f"| {_meeting_cell(row.title, row.person)} "
                f"| {_level_cell(row.planned)} | {_level_cell(row.actual)} "
                f"| {EMPTY_FIELD if row.gap is None else _signed_int(row.gap)} |"
                for row in stats.rows
            ),
        ]
        blocks.append("\n".join(table))
    else:
        blocks.append("No level planned or rated for a meeting held this week.")
    summary = []
    if stats.average_gap is not None:
        summary.append(f"Average gap: {_signed(stats.average_gap)} ({stats.lean}).")
    if stats.lean_zone is not None:
        summary.append(f"On average you landed {ZONE_LABELS[stats.lean_zone]}.")
    if summary:
        blocks.append(" ".join(summary))
    trend = list(week.gap_trend)
    spread = trend_range(trend)
    if spread is not None:
        low, high = _signed(spread.low), _signed(spread.high)
        if spread.weeks == 1:
            scale = f"only one week with data so far: average gap {low}"
        elif low == high:
            each = "both" if spread.weeks == 2 else f"each of the {spread.weeks}"
            scale = f"average gap {low} in {each} weeks with data"
        else:
            scale = f"average gap from {low} to {high}"
        blocks.append(f"Last {len(trend)} weeks: {sparkline(trend)} ({scale})")
    if stats.gap_by_rank:
        blocks.append(
            "Gap by who they are:\n\n"
            + _bullets(
                [
                    f"{RANK_PHRASES[rank].capitalize()}: {_signed(gap)} over {counted(count, 'meeting')}"
                    for rank, gap, count in stats.gap_by_rank
                ]
            )
        )
    return blocks


def _hierarchy_section(week: WeekInput) -> list[str]:
    blocks = [
        "## Hierarchy",
        f"Unsaid items: {unsaid_opened(week)} opened at this week's meetings, "
        f"{week.unsaid_resolved} resolved this week"
        + (f", {unsaid_said(week)} of them by asking." if unsaid_said(week) else "."),
    ]
    open_by_person = [(person, count) for person, count in week.open_unsaid_by_person if count]
    if open_by_person:
        blocks.append(
            "Still unsaid, by person:\n\n"
            + _bullets([f"{md.at_block_start(p) or EMPTY_FIELD}: {n}" for p, n in open_by_person])
        )
    reasons = hold_back_reasons(week)
    if reasons:
        blocks.append(
            "Reasons for holding back:\n\n"
            + _bullets([f"{REASON_LABELS[reason]}: {count}" for reason, count in reasons])
        )
    return blocks


def _moved_line(move: MovedDeadline, day: md.Dates) -> str:
    label = (md.at_block_start(move.label) or "Untitled deadline") + _who(move.person)
    old, new = move.old_likely, move.new_likely
    if old is not None and new is not None:
        shift = (new - old).days
        if shift == 0:
            what = f"range changed, likely still {day(new)}"
        else:
            direction = "later" if shift > 0 else "earlier"
            what = f"likely moved {counted(abs(shift), 'day')} {direction}, to {day(new)}"
    elif new is not None:
        what = f"likely now {day(new)}"
    elif old is not None:
        what = f"no likely date now (was {day(old)})"
    else:
        what = "range changed"
    return f"{label}: {what}"


def _upcoming_line(deadline: UpcomingDeadline, day: md.Dates) -> str:
    label = (md.at_block_start(deadline.label) or "Untitled deadline") + _who(deadline.person)
    dates = md.date_range(deadline.earliest, deadline.likely, deadline.latest, day)
    return f"{label}: {dates}"


def _expectations_section(week: WeekInput, day: md.Dates) -> list[str]:
    blocks = ["## Expectations"]
    moved = moved_deadlines(week)
    if moved:
        blocks.append("Moved this week:\n\n" + _bullets([_moved_line(m, day) for m in moved]))
    if week.upcoming_deadlines:
        blocks.append(
            "Coming up in the next two weeks:\n\n"
            + _bullets([_upcoming_line(d, day) for d in week.upcoming_deadlines])
        )
    if len(blocks) == 1:
        blocks.append("No deadline moved this week, and none is coming up in the next two.")
    return blocks


def _action_line(action: ActionLine, day: md.Dates, done: bool, overdue: bool = False) -> str:
    box = "x" if done else " "
    person = md.inline(action.person)
    if Owner(action.owner) is Owner.ME:
        owner = f"me, for {person}" if person else "me"
    else:
        owner = person or "them"
    due = f", due {day(action.due)}" if action.due is not None else ""
    late = " (overdue)" if overdue else ""
    return f"- [{box}] {md.at_block_start(action.text) or EMPTY_FIELD} \u2014 {owner}{due}{late}"


def _actions_section(week: WeekInput, now: datetime, day: md.Dates) -> list[str]:
    items = action_items(week, now)
    blocks = ["## Action items"]
    for title, lines in (
        ("Overdue from earlier weeks", [_action_line(a, day, False) for a in items.overdue]),
        (
            "Due this week",
            [_action_line(i.action, day, i.done, i.overdue) for i in items.due_this_week],
        ),
        ("Due next week", [_action_line(a, day, False) for a in items.due_next_week]),
        ("Also done this week", [_action_line(a, day, True) for a in items.done_other]),
    ):
        if lines:
            blocks.append(f"{title}:\n\n" + "\n".join(lines))
    if len(blocks) == 1:
        blocks.append("No action item overdue, due this week or next, or done this week.")
    return blocks


def _feedback_section(week: WeekInput, now: datetime, day: md.Dates) -> list[str]:
    due = feedback_due_people(week, now.date())
    if not due:
        return ["## Feedback due", "No one is due a feedback conversation."]
    lines = [
        f"{md.at_block_start(p.person) or EMPTY_FIELD} \u2014 {Cadence(p.cadence).value}, "
        + (f"last asked {day(p.last_feedback)}" if p.last_feedback else "never asked")
        for p in due
    ]
    return ["## Feedback due", _bullets(lines), FEEDBACK_REMINDER]


def _setting_section(week: WeekInput) -> list[str]:
    rows = settings(week)
    if not rows:
        return ["## Setting", "No meeting held this week."]
    table = [
        "| Setting | Meetings | Average temperature |",
        "| --- | --- | --- |",
        *(
            f"| {SETTING_LABELS[setting]} | {count} "
            f"| {EMPTY_FIELD if temperature is None else f'{temperature:.1f}'} |"
            for setting, count, temperature in rows
        ),
    ]
    return ["## Setting", "\n".join(table), setting_conclusion(week)]


def _reflection_section(week: WeekInput) -> list[str]:
    r = week.reflection
    parts = (
        ("What went well", r.went_well),
        ("What to change", r.to_change),
        ("Focus for next week", r.focus),
    )
    if not any(text.strip() for _, text in parts):
        return ["## Reflection", NOT_WRITTEN]
    blocks = ["## Reflection"]
    for title, text in parts:
        blocks += [f"### {title}", *(md.paragraphs(text) or [EMPTY_FIELD])]
    return blocks


# -- The review ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReviewParts:
    """The review in the pieces a screen lays out apart, each Markdown
    blocks joined by blank lines ("" for a piece with nothing in it).

    `head` is the title, last week's focus and the numbers (or, for an
    empty week, the page saying what will appear); `meetings` the week's
    meetings; `body` assertiveness through setting; `reflection` the
    reflection written for the week.
    """

    head: str
    meetings: str = ""
    body: str = ""
    reflection: str = ""

    def markdown(self, *, reflection: bool = True) -> str:
        """The whole review, ending in a newline; without the reflection
        when it is shown apart."""
        parts = (self.head, self.meetings, self.body, self.reflection if reflection else "")
        return "\n\n".join(part for part in parts if part) + "\n"


def review_parts(week: WeekInput, previous: WeekInput, now: datetime) -> ReviewParts:
    """The review of `week` beside `previous` (the week before), in parts.

    `now` decides which meetings have been held, who is due feedback, and
    whether dates carry their year. A week with nothing in it gets a short
    page saying what will appear and how to get there, and no other part.
    """
    head = [f"# Weekly review: {describe_week(week.week_start)}"]
    if week.last_week_focus.strip():
        head.append(f"Last week's focus: {md.inline(week.last_week_focus)}")
    if is_empty(week, now):
        return ReviewParts(head="\n\n".join([*head, EMPTY_WEEK]))
    day = md.Dates(now)
    held = held_week(week, now)
    body = [
        *_assertiveness_section(held),
        *_hierarchy_section(held),
        *_expectations_section(held, day),
        *_actions_section(week, now, day),
        *_feedback_section(week, now, day),
        *_setting_section(held),
    ]
    return ReviewParts(
        head="\n\n".join([*head, *_numbers_section(numbers(week, now), numbers(previous, now))]),
        meetings="\n\n".join(_meetings_section(week, now)),
        body="\n\n".join(body),
        reflection="\n\n".join(_reflection_section(week)),
    )


def render_review(week: WeekInput, previous: WeekInput, now: datetime) -> str:
    """The review of `week` beside `previous`, as Markdown ending in a
    newline (see `review_parts`)."""
    return review_parts(week, previous, now).markdown()
