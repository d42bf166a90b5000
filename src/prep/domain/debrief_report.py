"""The debrief as Markdown: an after-action review laid beside the plan.

The after-action review asks what was supposed to happen, what happened,
why the two differ and what next; debriefs of this kind measurably improve
performance. `render_debrief` therefore puts the frozen plan (the
checklist) and the debrief side by side in one "Plan vs reality" table,
then lists what follows the person to the next meeting: what went unsaid,
deadlines that moved, feedback heard, action items and coaching-up notes.

User text is escaped with the brief's helpers, so the two documents
resist the same hostile input the same way: a pasted "#", "|" or newline
can't open a heading, break the table or start a list.
"""

from __future__ import annotations

from datetime import datetime

from prep.domain import markdown as md
from prep.domain.assertiveness import ZONE_LABELS, describe_gap, is_level, zone
from prep.domain.brief import EDITED_AFTER_START, when_and_setting
from prep.domain.checklist import Ask, Checklist, Deadline, Problem
from prep.domain.debrief import (
    ANSWER_LABELS,
    ASKED_LABELS,
    FEEDBACK_QUESTIONS,
    OUTCOME_LABELS,
    AskResult,
    DeadlineMove,
    Debrief,
    Owner,
    ProposalOutcome,
    UnplannedAsk,
)
from prep.domain.debrief_rules import TEMPERATURE_LABELS, is_rating
from prep.domain.markdown import EMPTY_FIELD
from prep.domain.models import Meeting

__all__ = ["render_debrief"]

NOT_WRITTEN = "Not written yet."


# -- Pieces --------------------------------------------------------------------


def _byline(meeting: Meeting, now: datetime) -> str:
    parts = (f"with {md.inline(meeting.counterpart.label)}", *when_and_setting(meeting, now))
    return " \u00b7 ".join(parts)


def _ratings(debrief: Debrief) -> str:
    overall = f"{debrief.overall}/5" if is_rating(debrief.overall) else EMPTY_FIELD
    temperature = (
        f"{debrief.temperature}/5 ({TEMPERATURE_LABELS[debrief.temperature]})"
        if is_rating(debrief.temperature)
        else EMPTY_FIELD
    )
    return f"Overall: {overall} \u00b7 Temperature: {temperature}"


def _level(level: int) -> str:
    return f"{level}/10 ({ZONE_LABELS[zone(level)]})"


# -- Plan vs reality -----------------------------------------------------------


def _ask_row(ask: Ask, result: AskResult | None, day: md.Dates) -> tuple[str, str]:
    by = day.of(ask, "by_when")
    by_when = f" \u2014 by {by}" if by else ""
    planned = f"Ask: {md.cell(ask.text)}{by_when}"
    if result is None or result.asked is None:
        happened = EMPTY_FIELD
    elif not result.asked or result.answer is None:
        happened = ASKED_LABELS[result.asked]
    else:
        happened = f"{ASKED_LABELS[True]} \u2014 {ANSWER_LABELS[result.answer].lower()}"
    return planned, happened


def _unplanned_row(ask: UnplannedAsk) -> tuple[str, str]:
    # Made without being planned: asked by definition, its answer if known.
    answer = f" \u2014 {ANSWER_LABELS[ask.answer].lower()}" if ask.answer is not None else ""
    return f"Unplanned ask: {md.cell(ask.text)}", f"{ASKED_LABELS[True]}{answer}"


def _assertiveness_row(planned: int | None, actual: int | None) -> tuple[str, str]:
    plan = f"Assertiveness: {_level(planned) if is_level(planned) else EMPTY_FIELD}"
    if not is_level(actual):
        return plan, EMPTY_FIELD
    # Beside a plan the gap says more than the zone alone; the gap wording
    # names the zone too.
    if is_level(planned):
        return plan, f"{actual}/10 ({describe_gap(planned, actual)})"
    return plan, _level(actual)


def _problem_row(problem: Problem, outcome: ProposalOutcome | None) -> tuple[str, str]:
    # The first solution is the one proposed; the rest were fallbacks.
    first = next((s for s in problem.solutions if md.filled(s.text)), None)
    if first is not None:
        plan = f"solution: {md.cell(first.text)}"
    elif problem.ask_for_help:
        plan = "asking for help"
    else:
        plan = "no solution"
    happened = OUTCOME_LABELS[outcome] if outcome is not None else EMPTY_FIELD
    return f"Problem: {md.cell(problem.text)} \u2014 {plan}", happened


def _plan_vs_reality(checklist: Checklist, debrief: Debrief, day: md.Dates) -> list[str]:
    results = {r.ask_id: r for r in debrief.ask_results}
    outcomes = dict(debrief.proposal_outcomes)
    rows = [
        *(_ask_row(a, results.get(a.id), day) for a in checklist.asks if md.filled(a.text)),
        *(_unplanned_row(u) for u in debrief.unplanned_asks if md.filled(u.text)),
        # Always a row: a level is planned for every meeting, and an empty
        # cell points at what was never planned or rated.
        _assertiveness_row(checklist.planned_level, debrief.actual_level),
        *(_problem_row(p, outcomes.get(p.id)) for p in checklist.problems if md.filled(p.text)),
    ]
    table = "\n".join(
        [
            "| Planned | Happened |",
            "| --- | --- |",
            *(f"| {planned} | {happened} |" for planned, happened in rows),
        ]
    )
    blocks = ["## Plan vs reality", table]
    if checklist.edited_after_start:
        # The comparison is only as fair as the plan was frozen.
        blocks.append(EDITED_AFTER_START)
    return blocks


# -- What follows the meeting --------------------------------------------------


def _unsaid(debrief: Debrief) -> list[str]:
    lines = [
        f"- {md.at_block_start(item.text)}" + ("" if item.is_open else " (resolved)")
        for item in debrief.unsaid
        if md.filled(item.text)
    ]
    return ["## Unsaid", "\n".join(lines)] if lines else []


def _move_line(move: DeadlineMove, planned: Deadline | None, day: md.Dates) -> str:
    now = md.date_range(move.earliest, move.likely, move.latest, day)
    if planned is None:
        # Moved at this debrief but planned elsewhere: a deadline carried
        # over from an earlier meeting. Its old range isn't in this plan.
        return f"- A deadline from an earlier meeting: now {now}"
    label = md.at_block_start(planned.label) or "Untitled deadline"
    was = md.date_range(planned.earliest, planned.likely, planned.latest, day)
    return f"- {label}: was {was}, now {now}"


def _deadline_moves(checklist: Checklist, debrief: Debrief, day: md.Dates) -> list[str]:
    if not debrief.deadline_moves:
        return []
    planned = {d.id: d for d in checklist.deadlines}
    lines = [_move_line(m, planned.get(m.deadline_id), day) for m in debrief.deadline_moves]
    return ["## Deadlines that moved", "\n".join(lines)]


def _feedback(debrief: Debrief) -> list[str]:
    if not debrief.feedback_asked:
        return []
    lines = [
        f"- {question} {md.or_empty(getattr(debrief, field))}"
        for field, question in FEEDBACK_QUESTIONS.items()
    ]
    return ["## Feedback", "\n".join(lines)]


def _action_items(debrief: Debrief, day: md.Dates) -> list[str]:
    lines = []
    for item in debrief.action_items:
        if not md.filled(item.text):
            continue
        box = " " if item.is_open else "x"
        owner = Owner(item.owner).value
        shown = day.of(item, "due")
        due = f", due {shown}" if shown else ""
        lines.append(f"- [{box}] {md.at_block_start(item.text)} \u2014 {owner}{due}")
    return ["## Action items", "\n".join(lines)] if lines else []


def _call_notes(debrief: Debrief) -> list[str]:
    # Scratch notes are jotted a line at a time: one list item per line.
    lines = [
        f"- {md.at_block_start(line)}"
        for line in debrief.call_notes.splitlines()
        if md.filled(line)
    ]
    return ["### Noted during the call", "\n".join(lines)] if lines else []


def _expected(checklist: Checklist) -> list[str]:
    """What each side expected, from the plan, to read the outcome against."""
    if not (md.filled(checklist.they_expect) or md.filled(checklist.i_expect)):
        return []
    return [
        f"- They expected: {md.or_empty(checklist.they_expect)}\n"
        f"- I expected: {md.or_empty(checklist.i_expect)}"
    ]


def _why_differ(checklist: Checklist, debrief: Debrief) -> list[str]:
    paragraphs = md.paragraphs(debrief.why_differ)
    if not paragraphs and not _expected(checklist):
        return []
    return ["### Why the two differ", *(paragraphs or [NOT_WRITTEN])]


def _coaching_up(debrief: Debrief) -> list[str]:
    paragraphs = md.paragraphs(debrief.coaching_note)
    return ["## Coaching up", *paragraphs] if paragraphs else []


# -- The debrief ---------------------------------------------------------------


def render_debrief(meeting: Meeting, checklist: Checklist, debrief: Debrief, now: datetime) -> str:
    """The debrief of `meeting` beside its plan `checklist`, as Markdown ending in a newline.

    "How it went" and "Plan vs reality" are always there, so an unfinished
    debrief shows what is missing; the other sections appear only when
    they have something in them, and "Feedback" only when it was asked.
    `now` decides how the meeting time reads and whether dates carry
    their year.
    """
    day = md.Dates(now)
    blocks = [
        f"# Debrief: {md.heading(meeting.title)}",
        _byline(meeting, now),
        "## How it went",
        *_expected(checklist),
        *(md.paragraphs(debrief.outcome) or [NOT_WRITTEN]),
        *_why_differ(checklist, debrief),
        *_call_notes(debrief),
        _ratings(debrief),
        *_plan_vs_reality(checklist, debrief, day),
        *_unsaid(debrief),
        *_deadline_moves(checklist, debrief, day),
        *_feedback(debrief),
        *_action_items(debrief, day),
        *_coaching_up(debrief),
    ]
    return "\n\n".join(blocks) + "\n"
