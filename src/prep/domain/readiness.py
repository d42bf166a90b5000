"""When each checklist step is done, and what is left when it isn't.

A step is done when the idea it teaches has been acted on, not when every
field is filled: "nothing to hold back", "no asks" and "nothing to raise"
are real answers, and count as much as writing something. The agenda shows
`steps_done` as the meeting's readiness; the checklist lists `missing` under
each step as short sentences the person can act on.
"""

from __future__ import annotations

from prep.domain.assertiveness import is_level
from prep.domain.checklist import STEPS, Ask, Checklist, Deadline, Problem, Step, is_prepared
from prep.domain.deadline_mentions import first_date_mention
from prep.domain.deadlines import is_blank, range_problem
from prep.domain.hedges import find_hedges
from prep.domain.models import clean_line

__all__ = [
    "HEDGED_MARK",
    "done_with_hedges",
    "hedged_asks",
    "missing",
    "nudges",
    "prepared_before_start",
    "problem_flag",
    "readiness_dots",
    "step_done",
    "steps_done",
]

# Names quoted in messages are cut to this many characters, so one long
# problem doesn't push the rest of the list off screen.
_NAME_MAX = 40


def _filled(text: str) -> bool:
    return bool(text.strip())


def _quoted(text: str) -> str:
    name = clean_line(text)
    if len(name) > _NAME_MAX:
        cut = name[: _NAME_MAX - 1]
        # At a word break where there is one: "onboarding fl…" reads as a typo.
        if " " in cut:
            cut = cut[: cut.rindex(" ")]
        name = cut.rstrip() + "\u2026"
    return f"\u201c{name}\u201d"


def _deadline_name(deadline: Deadline, position: int) -> str:
    # A deadline may have dates before it has a label; its place in the
    # list is the only way to point at it then.
    return _quoted(deadline.label) if _filled(deadline.label) else f"deadline {position}"


def _sentence(text: str) -> str:
    return text[0].upper() + text[1:]


def _missing_hierarchy(checklist: Checklist) -> list[str]:
    left = []
    if checklist.position is None:
        left.append("Say where they sit relative to you.")

    what = _filled(checklist.holding_back)
    why = checklist.holding_back_reason is not None
    if not checklist.holding_back_nothing and not (what and why):
        # Half an answer gets a pointed message: naming the reason is the
        # step past it.
        if what:
            left.append("Say why you might hold that back.")
        elif why:
            left.append("Say what you might hold back.")
        else:
            left.append("Say what you might hold back and why, or mark \u201cnothing\u201d.")

    if not checklist.no_asks and not any(_filled(a.text) for a in checklist.asks):
        left.append("Add a direct ask, or mark \u201cno asks\u201d.")
    return left


def _missing_expectations(checklist: Checklist) -> list[str]:
    left = []
    if not _filled(checklist.they_expect):
        left.append("Write what they expect from this meeting.")
    if not _filled(checklist.i_expect):
        left.append("Write what you expect from this meeting.")
    for position, deadline in enumerate(checklist.deadlines, start=1):
        if is_blank(deadline):
            continue
        name = _deadline_name(deadline, position)
        if not deadline.has_range:
            left.append(f"Give {name} an earliest, likely and latest date.")
        # Checked even when the range is partial: a wrong order is worth
        # knowing before the third date goes in.
        if range_problem(deadline.earliest, deadline.likely, deadline.latest) is not None:
            left.append(
                f"{_sentence(name)}: the dates must run earliest \u2264 likely \u2264 latest."
            )
    return left


def _missing_assertiveness(checklist: Checklist) -> list[str]:
    if is_level(checklist.planned_level):
        return []
    return ["Set a planned level."]


def problem_flag(problem: Problem) -> tuple[str, bool] | None:
    """What to say beside a problem that has no solution yet, and whether it
    is a fault: none is fine only when the problem is raised to ask for
    help. None for a blank problem or one with a solution."""
    if not _filled(problem.text) or problem.has_solution:
        return None
    if problem.ask_for_help:
        return "Raised to ask for help: fine. Say what help you need.", False
    return (
        f"{_quoted(problem.text)} has no solution yet: propose one, or mark it as asking for help.",
        True,
    )


def _missing_solutions(checklist: Checklist) -> list[str]:
    left = []
    problems = [p for p in checklist.problems if _filled(p.text)]
    if not problems and not checklist.nothing_to_raise:
        left.append("Add a problem to raise, or mark \u201cnothing to raise\u201d.")
    for problem in problems:
        flag = problem_flag(problem)
        if flag is not None and flag[1]:
            left.append(flag[0])
    return left


_MISSING = {
    Step.HIERARCHY: _missing_hierarchy,
    Step.EXPECTATIONS: _missing_expectations,
    Step.ASSERTIVENESS: _missing_assertiveness,
    Step.SOLUTIONS: _missing_solutions,
}


def missing(checklist: Checklist, step: Step) -> list[str]:
    """What is left to do for `step`, as short sentences; [] when it is done."""
    return _MISSING[Step(step)](checklist)


def step_done(checklist: Checklist, step: Step) -> bool:
    return not missing(checklist, step)


# Step 1 done, but with an ask that sounds optional: drawn apart from "done"
# in the step list, the readiness dots and the brief.
HEDGED_MARK = "\u25d0"


def hedged_asks(checklist: Checklist) -> list[Ask]:
    """The direct asks whose wording hedges (see prep.domain.hedges)."""
    return [ask for ask in checklist.asks if find_hedges(ask.text)]


def done_with_hedges(checklist: Checklist) -> bool:
    """Step 1 is done, but at least one ask is hedged.

    A hedged ask still counts: the person has written what they need, and
    blocking the step would teach them to delete the ask rather than reword
    it. It stays visibly short of a plain "done" until the hedges are gone.
    """
    return step_done(checklist, Step.HIERARCHY) and bool(hedged_asks(checklist))


def _hedge_nudge(checklist: Checklist) -> list[str]:
    hedged = hedged_asks(checklist)
    if not hedged:
        return []
    asks = [a for a in checklist.asks if _filled(a.text)]
    if len(asks) == 1:
        count = "Your ask sounds"
    else:
        count = f"{len(hedged)} of {len(asks)} asks sound"
    return [f"{count} optional: rewrite as \u201cI need \u2026 by \u2026\u201d."]


def _deadline_nudge(checklist: Checklist) -> list[str]:
    if any(d.has_range for d in checklist.deadlines):
        return []
    for text in (checklist.they_expect, checklist.i_expect):
        mention = first_date_mention(text)
        if mention is not None:
            return [
                f"Your expectations mention {_quoted(mention)}: add it as a deadline "
                "with an earliest, likely and latest date."
            ]
    return []


_NUDGES = {
    Step.HIERARCHY: _hedge_nudge,
    Step.EXPECTATIONS: _deadline_nudge,
}


def nudges(checklist: Checklist, step: Step) -> list[str]:
    """Advice for `step` that does not keep it from being done: hedged asks
    in step 1, a date in the expectations with no deadline range in step 2."""
    nudge = _NUDGES.get(Step(step))
    return nudge(checklist) if nudge else []


def steps_done(checklist: Checklist) -> int:
    """How many of the four steps are done, 0..4."""
    return sum(step_done(checklist, step) for step in Step)


def readiness_dots(steps_done: int, hedged: bool = False) -> tuple[str, str, str]:
    """Readiness drawn as one dot a step: "●●" for the steps done, "◐" for
    step 1 done with hedges (`hedged`, see `done_with_hedges`) and "○○" for
    those left, apart so a screen can colour them apart."""
    done = max(0, min(STEPS, steps_done))
    half = HEDGED_MARK if hedged and done else ""
    return "\u25cf" * (done - len(half)), half, "\u25cb" * (STEPS - done)


def prepared_before_start(steps: int, edited_after_start: bool) -> bool:
    """Whether a meeting was prepared before it started: all four steps done
    (`steps`, as stored with the checklist), and the plan not unlocked and
    edited once it had started.

    The plan freezes at the start, so a complete checklist that was never
    unlocked was complete before the meeting began.
    """
    return is_prepared(steps) and not edited_after_start
