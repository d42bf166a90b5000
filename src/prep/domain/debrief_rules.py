"""The rules of the debrief: when it is done, and what it leaves open.

Debriefs work when they compare plan with reality, so a debrief is done
once it says how the meeting went, how warm the relationship is, and how
assertive you actually were (the number that sits beside the planned
level). What went unsaid, and the action items, follow the person to the
next meeting until they are resolved or done; a direct ask that was never
made becomes an unsaid item, because the need behind it is still unmet.

Feedback is asked on a rhythm: the three questions every quarter,
half-year or year, depending on the relationship.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeGuard

from prep.domain.assertiveness import describe_gap, is_level
from prep.domain.checklist import Ask, is_prepared
from prep.domain.debrief import ActionItem, AskResult, Debrief, UnsaidItem
from prep.domain.models import Cadence, Status

__all__ = [
    "CADENCE_MONTHS",
    "FEEDBACK_DUE_TITLE",
    "RATINGS",
    "TEMPERATURE_LABELS",
    "OpenItems",
    "debrief_done",
    "debrief_missing",
    "feedback_due",
    "level_gap",
    "meeting_status",
    "next_feedback_date",
    "open_items",
    "overdue",
    "unsaid_from_asks",
]

# "Overall" and "temperature" are both rated 1..5.
RATINGS = range(1, 6)


def is_rating(value: object) -> TypeGuard[int]:
    """Whether `value` is a rating on the 1..5 scale (a whole number, not a bool)."""
    return isinstance(value, int) and not isinstance(value, bool) and value in RATINGS


TEMPERATURE_LABELS: dict[int, str] = {
    1: "cold",
    2: "cool",
    3: "neutral",
    4: "warm",
    5: "very warm",
}

# Where a screen or the brief says this person is due the three questions.
FEEDBACK_DUE_TITLE = "Feedback is due: ask the three questions"

CADENCE_MONTHS: dict[Cadence, int] = {
    Cadence.QUARTERLY: 3,
    Cadence.HALF_YEARLY: 6,
    Cadence.YEARLY: 12,
}


def _filled(text: str) -> bool:
    return bool(text.strip())


# -- Done or not ---------------------------------------------------------------


def debrief_missing(debrief: Debrief) -> list[str]:
    """What is left before the debrief is done, as short sentences; [] when done.

    A rating outside its scale counts as not given, as the checklist treats
    a planned level off the scale: it cannot be compared with anything.
    """
    left = []
    if not _filled(debrief.outcome):
        left.append("Write how it went: the outcome and any decisions.")
    if not is_rating(debrief.temperature):
        left.append("Rate the relationship temperature (1\u20135).")
    if not is_level(debrief.actual_level):
        left.append("Rate how assertive you actually were.")
    return left


def debrief_done(debrief: Debrief) -> bool:
    """The outcome is written and the temperature and actual level are rated."""
    return not debrief_missing(debrief)


def meeting_status(
    starts_at: datetime,
    now: datetime,
    checklist_steps_done: int,
    debrief: Debrief | None,
) -> Status:
    """Where a meeting is in its life: planned -> prepared -> held -> debriefed.

    A finished debrief wins even over a start time that has not come (a
    meeting moved later after it was held must not fall back to "planned"),
    and a start that has passed wins over preparation: once it has begun,
    the question is the debrief, however ready the plan was.
    """
    if debrief is not None and debrief_done(debrief):
        return Status.DEBRIEFED
    if starts_at <= now:
        return Status.HELD
    if is_prepared(checklist_steps_done):
        return Status.PREPARED
    return Status.PLANNED


# -- Plan against reality ------------------------------------------------------


def unsaid_from_asks(asks: tuple[Ask, ...], results: tuple[AskResult, ...]) -> list[str]:
    """The text of each written ask the debrief says was not asked, in ask order.

    An ask whose result is still open (`asked` None) is not yet known to be
    unsaid, and one that was asked is not unsaid whatever the answer.
    """
    asked = {result.ask_id: result.asked for result in results}
    return [ask.text.strip() for ask in asks if _filled(ask.text) and asked.get(ask.id) is False]


def level_gap(planned: int | None, actual: int | None) -> str | None:
    """ "On plan, in the just-right zone", "2 below plan, in the too-little zone".

    None unless both levels are on the scale: there is no gap to describe
    without a plan, or before the actual level is rated.
    """
    if not (is_level(planned) and is_level(actual)):
        return None
    gap = describe_gap(planned, actual)
    return gap[0].upper() + gap[1:]


# -- What carries over ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OpenItems:
    """Unsaid items and action items still open, to follow up next time."""

    unsaid: tuple[UnsaidItem, ...] = ()
    action_items: tuple[ActionItem, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.unsaid or self.action_items)


def _by_due_date(action: ActionItem) -> tuple[bool, date, int]:
    # Undated items sort after every dated one; `date.min` only fills the
    # slot so the tuples compare.
    return (action.due is None, action.due or date.min, action.id)


def open_items(unsaid: Iterable[UnsaidItem], actions: Iterable[ActionItem]) -> OpenItems:
    """The unsaid items not resolved (oldest first) and the action items not
    done (soonest due first, undated last).

    Blank rows are left behind, as carry-over leaves blank asks: there is
    nothing to follow up, and a blank item could never be resolved by
    reading it.
    """
    return OpenItems(
        unsaid=tuple(
            sorted(
                (u for u in unsaid if u.is_open and _filled(u.text)),
                key=lambda u: u.id,
            )
        ),
        action_items=tuple(
            sorted((a for a in actions if a.is_open and _filled(a.text)), key=_by_due_date)
        ),
    )


def overdue(actions: Iterable[ActionItem], today: date) -> list[ActionItem]:
    """Open action items due before `today`, the longest overdue first.

    Due today is not overdue: there is still the rest of the day.
    """
    late = (
        a for a in actions if a.is_open and _filled(a.text) and a.due is not None and a.due < today
    )
    return sorted(late, key=_by_due_date)


# -- The feedback rhythm -------------------------------------------------------


def _after_one_period(last_feedback: date, cadence: Cadence) -> date:
    # Imported here, as when.py imports dateutil: the agenda loads this
    # module for `meeting_status` and should start fast.
    from dateutil.relativedelta import relativedelta

    # Calendar months, clamped at the month's end: asked on 30 November,
    # a quarter later is 28 February, not 2 March.
    return last_feedback + relativedelta(months=CADENCE_MONTHS[Cadence(cadence)])


def next_feedback_date(last_feedback: date | None, cadence: Cadence, today: date) -> date:
    """When to next ask the three feedback questions.

    Today if they have never been asked. Otherwise one period after the last
    time, even when that has passed, so a screen can say how long overdue
    the conversation is.
    """
    if last_feedback is None:
        return today
    return _after_one_period(last_feedback, cadence)


def feedback_due(last_feedback: date | None, cadence: Cadence, today: date) -> bool:
    """Due from one full period after the last time (that day included); always
    due if never asked."""
    return next_feedback_date(last_feedback, cadence, today) <= today
