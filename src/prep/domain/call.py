"""The call screen: what to glance at in the middle of a conversation.

While a meeting is under way (and for a grace period after it was due to
end, since meetings run over) the brief has a live form: the time left,
what is still unsaid from earlier meetings with this person at the top
(the thing most easily forgotten again), the direct asks to tick off as
they are made, the deadline ranges, the planned assertiveness level with
the push-back line, the problems with their solutions, and the three
feedback questions when this person is due. This module decides what
appears, in which order and in which words; the screen only lays it out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

from prep.domain import markdown as md
from prep.domain.assertiveness import ZONE_LABELS, is_level, zone
from prep.domain.brief import CONFIDENCE_LABELS, problem_outline
from prep.domain.checklist import Checklist, Deadline, Flex, Problem
from prep.domain.debrief import ANSWER_LABELS, FEEDBACK_QUESTIONS, AskAnswer, AskResult
from prep.domain.debrief_rules import feedback_due
from prep.domain.models import Meeting
from prep.domain.open_threads import OpenThread
from prep.domain.when import format_duration, relative

__all__ = [
    "CALL_GRACE",
    "ENDING_SOON",
    "CallAsk",
    "CallSection",
    "CallSheet",
    "Phase",
    "TimeLeft",
    "answer_word",
    "call_sheet",
    "in_call_window",
    "next_answer",
    "time_left",
    "toggle_asked",
]

# Meetings run over; for this long after its end Enter still opens the call
# screen rather than the debrief (`c` opens it at any time).
CALL_GRACE = timedelta(minutes=15)
# From this much time left the clock reads as "ending" (the screen colours it).
ENDING_SOON = timedelta(minutes=5)


class Phase(StrEnum):
    BEFORE = "before"
    UNDER_WAY = "under-way"
    ENDING = "ending"
    OVER = "over"


@dataclass(frozen=True, slots=True)
class TimeLeft:
    phase: Phase
    text: str


def _utc(moment: datetime) -> datetime:
    # Through UTC: two datetimes sharing one tzinfo compare and subtract by
    # wall clock, which is an hour out across a clock change.
    return moment.astimezone(UTC)


def _ends_at(meeting: Meeting) -> datetime:
    return _utc(meeting.starts_at) + timedelta(minutes=meeting.duration_minutes)


def in_call_window(meeting: Meeting, now: datetime) -> bool:
    """From the start until CALL_GRACE after the planned end (that moment
    excluded); never for a cancelled meeting."""
    return (
        not meeting.cancelled
        and _utc(meeting.starts_at) <= _utc(now) < _ends_at(meeting) + CALL_GRACE
    )


def _clock(moment: datetime, now: datetime) -> str:
    local = moment.astimezone(now.tzinfo)
    return f"{local.hour:02d}:{local.minute:02d}"


def time_left(meeting: Meeting, now: datetime) -> TimeLeft:
    """The meeting's clock in words.

    Minutes left round up (at 14:59:30 of a meeting ending at 15:00 there is
    "1 min left", never "0 min left"); minutes over round down, so the first
    minute after the end reads "Time is up".
    """
    start, end, here = _utc(meeting.starts_at), _ends_at(meeting), _utc(now)
    ends = _clock(end, now)
    if here < start:
        return TimeLeft(
            Phase.BEFORE,
            f"Starts {relative(meeting.starts_at, now)}, at {_clock(start, now)} · ends {ends}",
        )
    if here < end:
        left = end - here
        minutes = math.ceil(left.total_seconds() / 60)
        phase = Phase.ENDING if left <= ENDING_SOON else Phase.UNDER_WAY
        return TimeLeft(phase, f"{format_duration(minutes)} left · ends {ends}")
    over = int((here - end).total_seconds() // 60)
    if over == 0:
        return TimeLeft(Phase.OVER, f"Time is up · it was due to end at {ends}")
    return TimeLeft(Phase.OVER, f"{format_duration(over)} over · it was due to end at {ends}")


# -- The asks ------------------------------------------------------------------

# The order `next_answer` steps through; None (no answer yet) closes the round.
_ANSWER_ROUND: tuple[AskAnswer | None, ...] = (*AskAnswer, None)


def next_answer(answer: AskAnswer | None) -> AskAnswer | None:
    """The answer one key press later: granted, refused, later, no answer, none."""
    return _ANSWER_ROUND[(_ANSWER_ROUND.index(answer) + 1) % len(_ANSWER_ROUND)]


def toggle_asked(asked: bool | None) -> bool | None:
    """Ticking an ask: asked, or back to not yet known.

    Never "not asked" (False): that turns the ask into an unsaid item, which
    is the debrief's call once the meeting is over, not a mid-call tick's.
    """
    return None if asked else True


def answer_word(answer: AskAnswer | None) -> str:
    return ANSWER_LABELS[answer].lower() if answer is not None else ""


@dataclass(frozen=True, slots=True)
class CallAsk:
    """A planned direct ask and what the call has recorded of it so far."""

    ask_id: int
    text: str
    by_when: str  # "Fri 4 Dec", or "" without one
    asked: bool | None = None
    answer: AskAnswer | None = None

    def ticked(self) -> CallAsk:
        """Ticked as asked, or unticked (which drops its answer: an ask not
        made has none)."""
        asked = toggle_asked(self.asked)
        return replace(self, asked=asked, answer=self.answer if asked else None)

    def answered(self) -> CallAsk:
        """The next answer; an answer means it was asked."""
        answer = next_answer(self.answer)
        return replace(self, asked=True if answer is not None else self.asked, answer=answer)


# -- The sheet -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CallSection:
    """One block of the call screen. `key` "asks" is where the tickable asks go."""

    key: str
    title: str
    lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CallSheet:
    time_left: TimeLeft
    asks: tuple[CallAsk, ...]
    sections: tuple[CallSection, ...]


NO_ASKS = "No direct asks were planned."


def _open_section(threads: tuple[OpenThread, ...], today: date) -> CallSection:
    # Everything still open with this person (prep.domain.open_threads), the
    # unsaid items first: the thing most easily forgotten again.
    return CallSection(
        "unsaid", "Still open, from earlier meetings", tuple(f"• {t.line(today)}" for t in threads)
    )


def _deadline_line(deadline: Deadline, day: md.Dates) -> str:
    parts = [md.date_range(deadline.earliest, deadline.likely, deadline.latest, day)]
    if deadline.confidence is not None:
        parts.append(f"{CONFIDENCE_LABELS[deadline.confidence].lower()} confidence")
    flexible = ", ".join(f.value for f in Flex if f in deadline.flexible)
    if flexible:
        parts.append(f"can flex: {flexible}")
    label = deadline.label.strip() or "Deadline"
    return f"• {label}: " + " · ".join(parts)


def _level_lines(checklist: Checklist) -> tuple[str, ...]:
    lines = []
    level = checklist.planned_level
    if is_level(level):
        lines.append(f"Planned level {level}/10 ({ZONE_LABELS[zone(level)]})")
    if md.filled(checklist.pushback_line):
        lines.append(f"Push back: “{checklist.pushback_line.strip()}”")
    return tuple(lines)


def _problem_lines(problem: Problem) -> list[str]:
    head, under = problem_outline(problem, str.strip)
    return [f"• {head}", *(f"  → {line}" for line in under)]


def call_sheet(
    meeting: Meeting,
    checklist: Checklist,
    ask_results: tuple[AskResult, ...],
    threads: tuple[OpenThread, ...],
    last_feedback: date | None,
    now: datetime,
) -> CallSheet:
    """Everything the call screen shows, in its order; sections with nothing
    to show are left out, except the asks (they say none were planned)."""
    day = md.Dates(now)
    results = {r.ask_id: r for r in ask_results}
    asks = tuple(
        CallAsk(
            ask_id=ask.id,
            text=ask.text.strip(),
            by_when=day.of(ask, "by_when") or "",
            asked=results[ask.id].asked if ask.id in results else None,
            answer=results[ask.id].answer if ask.id in results else None,
        )
        for ask in checklist.asks
        if md.filled(ask.text)
    )
    problems = [p for p in checklist.problems if md.filled(p.text)]
    problem_lines = [line for p in problems for line in _problem_lines(p)]
    if md.filled(checklist.off_their_plate):
        problem_lines.append(f"Off their plate: {checklist.off_their_plate.strip()}")
    due = feedback_due(last_feedback, meeting.counterpart.cadence, now.date())
    sections = (
        _open_section(threads, now.date()),
        CallSection("asks", "Your direct asks", () if asks else (NO_ASKS,)),
        CallSection(
            "deadlines",
            "Deadlines, as ranges",
            tuple(
                _deadline_line(d, day)
                for d in checklist.deadlines
                if md.filled(d.label) or d.has_range
            ),
        ),
        CallSection("level", "Assertiveness", _level_lines(checklist)),
        CallSection("problems", "Problems, with your solutions", tuple(problem_lines)),
        CallSection(
            "feedback",
            "Feedback is due: ask the three questions",
            tuple(f"• {question}" for question in FEEDBACK_QUESTIONS.values()) if due else (),
        ),
    )
    return CallSheet(
        time_left=time_left(meeting, now),
        asks=asks,
        sections=tuple(s for s in sections if s.lines or s.key == "asks"),
    )
