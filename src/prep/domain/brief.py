"""The one-page brief: everything prepared, readable at a glance during the call.

`render_brief` lays out the checklist as Markdown, in the order of the four
steps, followed by what carries over from the last meeting with the same
person. The same text is shown in the app and exported, so it must read well
both rendered and raw.

Everything the person typed goes through `md.inline`, `md.at_block_start` or
`md.cell`: a pasted newline, a leading "#" or a "|" in a deadline's label
must not turn into a heading, a new list or a broken table.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from prep.domain import markdown as md
from prep.domain.assertiveness import ZONE_LABELS, is_level, zone
from prep.domain.checklist import (
    CONFIDENCE_LABELS,
    REASON_LABELS,
    STEPS,
    Ask,
    Checklist,
    Deadline,
    Flex,
    Need,
    Position,
    Problem,
)
from prep.domain.deadlines import is_blank
from prep.domain.debrief import FEEDBACK_QUESTIONS
from prep.domain.debrief_rules import FEEDBACK_DUE_TITLE
from prep.domain.hedges import find_hedges
from prep.domain.markdown import EMPTY_FIELD
from prep.domain.models import SETTING_LABELS, Meeting
from prep.domain.open_threads import OpenThread
from prep.domain.readiness import done_with_hedges, steps_done
from prep.domain.when import format_duration, format_when

__all__ = ["render_brief"]

NOT_PREPARED = "Not prepared."
EDITED_AFTER_START = "_Plan edited after the meeting started._"

POSITION_SENTENCES: dict[Position, str] = {
    Position.SENIOR: "They are senior to me.",
    Position.PEER: "They are my peer.",
    Position.JUNIOR: "They are junior to me.",
    Position.PAYING_CLIENT: "They are my paying client.",
}

NEED_LABELS: dict[Need, str] = {
    Need.DECISION: "a decision",
    Need.APPROVAL: "approval",
    Need.INFORMATION: "information",
    Need.NOTHING: "nothing",
}

_DEADLINE_COLUMNS = ("Deadline", "Earliest", "Likely", "Latest", "Confidence", "Flexible")


# -- Pieces --------------------------------------------------------------------


def _hedge_flag(ask: Ask) -> str:
    """ " _(hedged: “maybe”)_" after an ask that sounds optional, else ""."""
    phrases = dict.fromkeys(
        " ".join(ask.text[h.start : h.end].split()) for h in find_hedges(ask.text)
    )
    if not phrases:
        return ""
    quoted = ", ".join(f"\u201c{md.inline(p)}\u201d" for p in phrases)
    return f" _(hedged: {quoted})_"


def _ask_item(number: int, ask: Ask, day: md.Dates) -> str:
    by = day.of(ask, "by_when")
    by_when = f" \u2014 by {by}" if by else ""
    return f"{number}. {md.at_block_start(ask.text)}{by_when}{_hedge_flag(ask)}"


def _numbered_asks(asks: list[Ask], day: md.Dates) -> str:
    return "\n".join(_ask_item(n, ask, day) for n, ask in enumerate(asks, start=1))


def _holding_back(checklist: Checklist) -> str:
    reason = checklist.holding_back_reason
    if md.filled(checklist.holding_back):
        because = f" ({REASON_LABELS[reason]})" if reason is not None else ""
        return f"I might hold back: {md.inline(checklist.holding_back)}{because}"
    if checklist.holding_back_nothing:
        return "Nothing held back."
    if reason is not None:
        return f"I might hold back: {EMPTY_FIELD} ({REASON_LABELS[reason]})"
    return f"I might hold back: {EMPTY_FIELD}"


def _deadline_table(deadlines: list[Deadline], day: md.Dates) -> str:
    rows = [
        "| " + " | ".join(_DEADLINE_COLUMNS) + " |",
        "| " + " | ".join("---" for _ in _DEADLINE_COLUMNS) + " |",
    ]
    for deadline in deadlines:
        confidence = (
            CONFIDENCE_LABELS[deadline.confidence] if deadline.confidence is not None else None
        )
        # In the enum's order, so the same choices always read the same way.
        flexible = ", ".join(f.value for f in Flex if f in deadline.flexible)
        cells = (
            md.cell(deadline.label),
            day.of(deadline, "earliest") or EMPTY_FIELD,
            day.of(deadline, "likely") or EMPTY_FIELD,
            day.of(deadline, "latest") or EMPTY_FIELD,
            confidence or EMPTY_FIELD,
            flexible or EMPTY_FIELD,
        )
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _deadline_line(deadline: Deadline, day: md.Dates) -> str:
    dates = [
        f"{name} {shown}"
        for name in ("earliest", "likely", "latest")
        if (shown := day.of(deadline, name))
    ]
    label = md.at_block_start(deadline.label)
    return f"- {label}: {', '.join(dates)}" if dates else f"- {label}"


def problem_outline(problem: Problem, text: Callable[[str], str]) -> tuple[str, list[str]]:
    """A problem as the brief and the call screen list it: its line, and the
    lines under it (solutions, a missing one, what I need). `text` prepares
    the person's own words for where they go (escaped for Markdown, or
    stripped for the screen)."""
    help_note = " (raising it to ask for help)" if problem.ask_for_help else ""
    under = [text(s.text) for s in problem.solutions if md.filled(s.text)]
    if not problem.ready:
        under.append("No solution yet.")
    if problem.need is not None:
        under.append(f"I need from them: {NEED_LABELS[problem.need]}")
    return f"{text(problem.text)}{help_note}", under


def _problem_item(problem: Problem) -> str:
    head, under = problem_outline(problem, md.at_block_start)
    return "\n".join([f"- {head}", *(f"  - {line}" for line in under)])


# -- Sections ------------------------------------------------------------------


def _section(title: str, blocks: list[str]) -> list[str]:
    return [f"## {title}", *(blocks or [NOT_PREPARED])]


def _asks_section(checklist: Checklist, day: md.Dates) -> list[str]:
    asks = [a for a in checklist.asks if md.filled(a.text)]
    anything = (
        asks
        or checklist.no_asks
        or checklist.position is not None
        or md.filled(checklist.holding_back)
        or checklist.holding_back_nothing
        or checklist.holding_back_reason is not None
    )
    if not anything:
        return _section("Asks", [])
    if asks:
        # Written asks win over a stale "no asks" tick.
        listed = _numbered_asks(asks, day)
    elif checklist.no_asks:
        listed = "No asks this time."
    else:
        listed = EMPTY_FIELD
    position = (
        POSITION_SENTENCES[checklist.position]
        if checklist.position is not None
        else f"Where they sit: {EMPTY_FIELD}"
    )
    return _section("Asks", [listed, f"- {position}\n- {_holding_back(checklist)}"])


def _expectations_section(checklist: Checklist, day: md.Dates) -> list[str]:
    deadlines = [d for d in checklist.deadlines if not is_blank(d)]
    if not (
        md.filled(checklist.they_expect)
        or md.filled(checklist.i_expect)
        or deadlines
        or md.filled(checklist.premortem)
    ):
        return _section("Expectations", [])
    blocks = [
        f"- They expect: {md.or_empty(checklist.they_expect)}\n"
        f"- I expect: {md.or_empty(checklist.i_expect)}"
    ]
    if deadlines:
        blocks.append(_deadline_table(deadlines, day))
    if md.filled(checklist.premortem):
        blocks.append(f"If this goes badly, the likely reason: {md.inline(checklist.premortem)}")
    return _section("Expectations", blocks)


def _assertiveness_section(checklist: Checklist) -> list[str]:
    level = checklist.planned_level
    if not (is_level(level) or md.filled(checklist.pushback_line)):
        return _section("Assertiveness", [])
    if is_level(level):
        blocks = [f"Planned level: {level}/10 ({ZONE_LABELS[zone(level)]})"]
    else:
        blocks = [f"Planned level: {EMPTY_FIELD}"]
    if md.filled(checklist.pushback_line):
        blocks.append(f"> {md.at_block_start(checklist.pushback_line)}")
    return _section("Assertiveness", blocks)


def _feedback_section(due: bool) -> list[str]:
    if not due:
        return []
    questions = "\n".join(f"- {q}" for q in FEEDBACK_QUESTIONS.values())
    return [f"## {FEEDBACK_DUE_TITLE}", questions]


def _ready_line(checklist: Checklist) -> str:
    hedged = ", asks hedged" if done_with_hedges(checklist) else ""
    return f"Ready: {steps_done(checklist)} of {STEPS} steps{hedged}"


def _problems_section(checklist: Checklist) -> list[str]:
    problems = [p for p in checklist.problems if md.filled(p.text)]
    if not (problems or checklist.nothing_to_raise or md.filled(checklist.off_their_plate)):
        return _section("Problems and solutions", [])
    if problems:
        listed = "\n".join(_problem_item(p) for p in problems)
    elif checklist.nothing_to_raise:
        listed = "Nothing to raise."
    else:
        listed = EMPTY_FIELD
    blocks = [listed]
    if md.filled(checklist.off_their_plate):
        blocks.append(f"Off their plate: {md.inline(checklist.off_their_plate)}")
    return _section("Problems and solutions", blocks)


def _threads_section(threads: tuple[OpenThread, ...], today: date) -> list[str]:
    """Everything still open with this person (prep.domain.open_threads), each
    with why and from which meeting."""
    if not threads:
        return []
    lines = [f"- {md.inline(t.line(today))}" for t in threads]
    return ["## Still open with them", "\n".join(lines)]


# -- The brief -----------------------------------------------------------------


def _byline(meeting: Meeting, now: datetime) -> str:
    parts = (
        f"with {md.inline(meeting.counterpart.label)}",
        *when_and_setting(meeting, now, format_duration(meeting.duration_minutes)),
    )
    return " \u00b7 ".join(parts)


def when_and_setting(meeting: Meeting, now: datetime, *between: str) -> tuple[str, ...]:
    """When and where, each marked instead if another program stored a value
    prep cannot read."""
    return (
        md.unreadable_mark(meeting, "starts_at") or format_when(meeting.starts_at, now),
        *between,
        md.unreadable_mark(meeting, "setting") or SETTING_LABELS[meeting.setting],
    )


def render_brief(
    meeting: Meeting,
    checklist: Checklist,
    threads: tuple[OpenThread, ...],
    now: datetime,
    feedback_due: bool = False,
) -> str:
    """The brief for `meeting` as Markdown, ending in a newline.

    `now` decides how the meeting time reads ("Tomorrow 10:00") and whether
    dates carry their year; `feedback_due`, whether this person is due the
    three feedback questions by their cadence.
    """
    day = md.Dates(now)
    blocks = [
        f"# {md.heading(meeting.title)}",
        _byline(meeting, now),
        _ready_line(checklist),
        *_asks_section(checklist, day),
        *_expectations_section(checklist, day),
        *_assertiveness_section(checklist),
        *_feedback_section(feedback_due),
        *_problems_section(checklist),
        *_threads_section(threads, now.date()),
    ]
    if checklist.edited_after_start:
        blocks.append(EDITED_AFTER_START)
    return "\n\n".join(blocks) + "\n"
