"""What is still open with a person: one notion for every screen.

A thread is something raised in a meeting with someone that the meeting did
not settle. It follows the person into the next meeting (the agenda's
detail, the checklist's carry-over offer, the brief, the call screen and
the people timeline all show the same list, from `open_threads`) until it
is settled, which happens in one place whichever screen does it:

- unsaid: something you meant to say and did not. Settled when ticked
  resolved, or when the ask made of it ("say it this time") was asked.
  While such an ask is in a later plan, the ask stands for it.
- action: an action item not done. Settled when ticked done.
- ask: a direct ask that was made and answered "later", or got no answer
  (none recorded counts as none). Still open: offered as an ask to make
  again. Settled when copied into a later meeting with this person (the
  copy is then the ask that counts, and its own answer decides).
- deadline: one moved at a debrief (its new range and by how much), or one
  whose latest date has passed. Settled when carried into a later meeting.
- help: a problem raised to ask for help. The help has *arrived* once the
  debrief records what came of the problem (accepted or declined: it was
  dealt with either way); "parked", or nothing recorded, leaves it open.
  Also settled by carrying it into a later meeting.
- coaching: the coaching-up note of the latest debrief with this person,
  until it is marked tried (with how it went) in a later debrief.

"Later meeting" compares start times, so a thread raised in March and
copied into April's plan no longer shows for May, nor for April itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from prep.domain.checklist import Ask, Deadline, Problem
from prep.domain.deadlines import format_day
from prep.domain.debrief import (
    ActionItem,
    AskAnswer,
    AskResult,
    CoachingOutcome,
    DeadlineMove,
    ProposalOutcome,
    UnsaidItem,
)

__all__ = [
    "KIND_LABELS",
    "CoachingNote",
    "OpenThread",
    "PersonRecord",
    "Source",
    "ThreadKind",
    "coaching_to_settle",
    "open_threads",
]


class ThreadKind(StrEnum):
    UNSAID = "unsaid"
    ASK = "ask"
    ACTION = "action"
    DEADLINE = "deadline"
    HELP = "help"
    COACHING = "coaching"


# In this order on every screen: what you meant to say first.
KIND_LABELS: dict[ThreadKind, str] = {
    ThreadKind.UNSAID: "Unsaid",
    ThreadKind.ASK: "Ask again",
    ThreadKind.ACTION: "Action",
    ThreadKind.DEADLINE: "Deadline",
    ThreadKind.HELP: "Help",
    ThreadKind.COACHING: "Coaching up",
}

# Answers that settle an ask; "later", "no answer" and none recorded leave it open.
SETTLING_ANSWERS = frozenset({AskAnswer.GRANTED, AskAnswer.REFUSED})
# Outcomes that say the help asked for has arrived (see the module docstring).
HELP_ARRIVED = frozenset({ProposalOutcome.ACCEPTED, ProposalOutcome.DECLINED})


@dataclass(frozen=True, slots=True)
class Source:
    """The meeting a thread was raised in."""

    meeting_id: int
    title: str
    starts_at: datetime


@dataclass(frozen=True, slots=True)
class CoachingNote:
    """A debrief's coaching-up note and whether it has been tried since
    (in meeting `tried_in`, with `outcome`)."""

    meeting_id: int
    text: str
    tried: bool = False
    tried_in: int | None = None
    outcome: CoachingOutcome | None = None


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """Everything with one person that threads are made of, as the store read it.

    `meetings` holds every meeting with the person, oldest first; the other
    fields name their meeting by id. `deadlines` carries each deadline's
    latest move (None if never moved); `unsaid_asked_for` the unsaid items
    a later ask was made of.
    """

    meetings: tuple[Source, ...] = ()
    unsaid: tuple[UnsaidItem, ...] = ()
    actions: tuple[ActionItem, ...] = ()
    asks: tuple[tuple[int, Ask, AskResult], ...] = ()
    deadlines: tuple[tuple[int, Deadline, DeadlineMove | None], ...] = ()
    problems: tuple[tuple[int, Problem, ProposalOutcome | None], ...] = ()
    coaching: tuple[CoachingNote, ...] = ()
    unsaid_asked_for: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class OpenThread:
    """One open thread: what, why it is still open, and where it was raised.

    `item_id` is the row in its own table (for coaching, the debrief's
    meeting id); `ask`, `deadline` and `problem` carry the item itself so a
    carry-over can copy it.
    """

    kind: ThreadKind
    item_id: int
    text: str
    why: str
    source: Source
    ask: Ask | None = None
    deadline: Deadline | None = None
    problem: Problem | None = None

    @property
    def key(self) -> tuple[ThreadKind, int]:
        return (self.kind, self.item_id)

    def line(self, today: date) -> str:
        """ "Ask again: budget sign-off — answered "later" (Roadmap, Tue 3 Nov)"."""
        return f"{KIND_LABELS[self.kind]}: {self.text} — {self.why} ({self.origin(today)})"

    def origin(self, today: date) -> str:
        day = self.source.starts_at.date()
        return f"{self.source.title}, {format_day(day, with_year=day.year != today.year)}"


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def _filled(text: str) -> bool:
    return bool(text.strip())


def _day(day: date, today: date) -> str:
    return format_day(day, with_year=day.year != today.year)


def _moved_why(deadline: Deadline, move: DeadlineMove, today: date) -> str:
    new = " … ".join(_day(d, today) if d else "?" for d in (move.earliest, move.latest))
    why = f"moved to {new}"
    if deadline.latest and move.latest and move.latest != deadline.latest:
        shift = (move.latest - deadline.latest).days
        word = "later" if shift > 0 else "earlier"
        why += f", {abs(shift)} day{'s' if abs(shift) != 1 else ''} {word}"
    if move.latest is not None and move.latest < today:
        why += "; that latest date has passed"
    return why


def open_threads(
    record: PersonRecord, today: date, *, before: int | None = None
) -> tuple[OpenThread, ...]:
    """The threads still open with this person, kind by kind, oldest first.

    With `before` (a meeting id), only threads raised in meetings that
    started before that one: what carries into it.
    """
    order = {m.meeting_id: i for i, m in enumerate(record.meetings)}
    sources = {m.meeting_id: m for m in record.meetings}
    limit = order.get(before, len(order)) if before is not None else len(order)

    def earlier(meeting_id: int) -> bool:
        return meeting_id in order and order[meeting_id] < limit

    def last_copy(rows: list[tuple[int, str]]) -> dict[str, int]:
        # Where each text was last written, by meeting order: one pass, not a
        # scan of every row per thread (a person met 700 times made that
        # 23,000 comparisons on each return to the agenda; bench_screens).
        last: dict[str, int] = {}
        for meeting_id, text in rows:
            key = _norm(text)
            last[key] = max(last.get(key, -1), order.get(meeting_id, -1))
        return last

    def copied_later(last: dict[str, int], meeting_id: int, text: str) -> bool:
        # A copy in any later meeting with this person takes the thread over.
        return last.get(_norm(text), -1) > order[meeting_id]

    threads: list[OpenThread] = []
    for item in record.unsaid:
        if (
            earlier(item.meeting_id)
            and item.is_open
            and _filled(item.text)
            and item.id not in record.unsaid_asked_for
        ):
            threads.append(
                OpenThread(
                    ThreadKind.UNSAID, item.id, item.text.strip(), "not said yet",
                    sources[item.meeting_id],
                )
            )  # fmt: skip
    ask_texts = last_copy([(m, a.text) for m, a, _ in record.asks])
    for meeting_id, ask, result in record.asks:
        if not (earlier(meeting_id) and _filled(ask.text) and result.asked):
            continue
        if result.answer in SETTLING_ANSWERS or copied_later(ask_texts, meeting_id, ask.text):
            continue
        why = 'answered "later"' if result.answer == AskAnswer.LATER else "no answer yet"
        threads.append(
            OpenThread(ThreadKind.ASK, ask.id, ask.text.strip(), why, sources[meeting_id], ask=ask)
        )
    for action in sorted(record.actions, key=lambda a: (a.due is None, a.due or date.min, a.id)):
        if earlier(action.meeting_id) and action.is_open and _filled(action.text):
            why = "mine to do" if action.owner.value == "me" else "theirs to do"
            if action.due is not None:
                why += f", due {_day(action.due, today)}"
                if action.due < today:
                    why += " (overdue)"
            threads.append(
                OpenThread(
                    ThreadKind.ACTION, action.id, action.text.strip(), why,
                    sources[action.meeting_id],
                )
            )  # fmt: skip
    labels = last_copy([(m, d.label) for m, d, _ in record.deadlines])
    for meeting_id, deadline, move in record.deadlines:
        if not (earlier(meeting_id) and _filled(deadline.label)):
            continue
        if copied_later(labels, meeting_id, deadline.label):
            continue
        latest = move.latest if move is not None else deadline.latest
        if move is not None:
            why = _moved_why(deadline, move, today)
        elif latest is not None and latest < today:
            why = f"its latest date, {_day(latest, today)}, has passed"
        else:
            continue
        carried = deadline
        if move is not None:
            carried = replace(
                deadline, earliest=move.earliest, likely=move.likely, latest=move.latest
            )
        threads.append(
            OpenThread(
                ThreadKind.DEADLINE, deadline.id, deadline.label.strip(), why,
                sources[meeting_id], deadline=carried,
            )
        )  # fmt: skip
    problem_texts = last_copy([(m, p.text) for m, p, _ in record.problems])
    for meeting_id, problem, outcome in record.problems:
        if not (earlier(meeting_id) and problem.ask_for_help and _filled(problem.text)):
            continue
        if outcome in HELP_ARRIVED or copied_later(problem_texts, meeting_id, problem.text):
            continue
        why = (
            "help asked for; parked"
            if outcome == ProposalOutcome.PARKED
            else "help asked for; none yet"
        )
        threads.append(
            OpenThread(
                ThreadKind.HELP, problem.id, problem.text.strip(), why,
                sources[meeting_id], problem=problem,
            )
        )  # fmt: skip
    note = _untried_note(record, earlier)
    if note is not None:
        threads.append(
            OpenThread(
                ThreadKind.COACHING, note.meeting_id, note.text.strip(),
                "not tried yet", sources[note.meeting_id],
            )
        )  # fmt: skip
    rank = {kind: i for i, kind in enumerate(KIND_LABELS)}
    return tuple(sorted(threads, key=lambda t: rank[t.kind]))  # stable: oldest first


def _untried_note(record: PersonRecord, earlier: Callable[[int], bool]) -> CoachingNote | None:
    """The latest coaching-up note among the `earlier` meetings, if not tried yet."""
    order = {m.meeting_id: i for i, m in enumerate(record.meetings)}
    notes = [n for n in record.coaching if earlier(n.meeting_id) and _filled(n.text)]
    if not notes:
        return None
    latest = max(notes, key=lambda n: order[n.meeting_id])
    return None if latest.tried else latest


def coaching_to_settle(record: PersonRecord, meeting_id: int) -> CoachingNote | None:
    """The coaching-up note the debrief of `meeting_id` asks "did you try it?"
    about: the one already marked tried in it (so its answer can be changed),
    else the open coaching thread carried into it."""
    tried_here = [n for n in record.coaching if n.tried_in == meeting_id and _filled(n.text)]
    if tried_here:
        return tried_here[-1]
    order = {m.meeting_id: i for i, m in enumerate(record.meetings)}
    if meeting_id not in order:
        return None
    return _untried_note(record, lambda m: m in order and order[m] < order[meeting_id])
