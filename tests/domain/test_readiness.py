"""When each checklist step is done, flipping one condition at a time."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from prep.domain.checklist import (
    STEPS,
    Ask,
    Checklist,
    Deadline,
    HoldBackReason,
    Position,
    Problem,
    Solution,
    Step,
    is_prepared,
)
from prep.domain.readiness import (
    HEDGED_MARK,
    done_with_hedges,
    hedged_asks,
    missing,
    nudges,
    prepared_before_start,
    problem_flag,
    readiness_dots,
    step_done,
    steps_done,
)

MON_7_DEC = date(2026, 12, 7)
FRI_11_DEC = date(2026, 12, 11)
FRI_18_DEC = date(2026, 12, 18)

LAUNCH = Deadline(1, "Launch", MON_7_DEC, FRI_11_DEC, FRI_18_DEC)
VENDOR_DELAY = Problem(1, "Vendor delay", (Solution(1, "Switch to the backup vendor"),))

# Every step done, each in the most ordinary way.
COMPLETE = Checklist(
    meeting_id=1,
    position=Position.SENIOR,
    holding_back="The migration may slip",
    holding_back_reason=HoldBackReason.MORE_DATA,
    asks=(Ask(1, "Sign-off on the budget by Friday"),),
    they_expect="A go/no-go on the pilot",
    i_expect="Budget sign-off",
    deadlines=(LAUNCH,),
    planned_level=5,
    problems=(VENDOR_DELAY,),
)
EMPTY = Checklist(meeting_id=1)


def test_the_complete_checklist_has_every_step_done():
    assert steps_done(COMPLETE) == 4
    assert all(missing(COMPLETE, step) == [] for step in Step)


def test_an_empty_checklist_lists_everything_left():
    assert steps_done(EMPTY) == 0
    assert {step: missing(EMPTY, step) for step in Step} == {
        Step.HIERARCHY: [
            "Say where they sit relative to you.",
            "Say what you might hold back and why, or mark \u201cnothing\u201d.",
            "Add a direct ask, or mark \u201cno asks\u201d.",
        ],
        Step.EXPECTATIONS: [
            "Write what they expect from this meeting.",
            "Write what you expect from this meeting.",
        ],
        Step.ASSERTIVENESS: ["Set a planned level."],
        Step.SOLUTIONS: ["Add a problem to raise, or mark \u201cnothing to raise\u201d."],
    }


# -- Hierarchy -----------------------------------------------------------------

NOTHING_HELD_BACK = {"holding_back": "", "holding_back_reason": None, "holding_back_nothing": True}


@pytest.mark.parametrize(
    ("changes", "left"),
    [
        ({"position": None}, ["Say where they sit relative to you."]),
        *[({"position": p}, []) for p in Position],
        ({"holding_back": ""}, ["Say what you might hold back."]),
        ({"holding_back": "  \n\t"}, ["Say what you might hold back."]),
        ({"holding_back_reason": None}, ["Say why you might hold that back."]),
        (
            {"holding_back": "", "holding_back_reason": None},
            ["Say what you might hold back and why, or mark \u201cnothing\u201d."],
        ),
        (NOTHING_HELD_BACK, []),
        # "Nothing" answers the question whatever else is half-filled.
        ({"holding_back_reason": None, "holding_back_nothing": True}, []),
        ({"holding_back": "", "holding_back_nothing": True}, []),
        *[({"holding_back_reason": r}, []) for r in HoldBackReason],
        ({"asks": ()}, ["Add a direct ask, or mark \u201cno asks\u201d."]),
        ({"asks": (Ask(1, ""), Ask(2, "   "))}, ["Add a direct ask, or mark \u201cno asks\u201d."]),
        ({"asks": (Ask(1, ""), Ask(2, "Two testers"))}, []),
        ({"asks": (), "no_asks": True}, []),
        ({"asks": (Ask(1, " "),), "no_asks": True}, []),
        (
            {"position": None, "holding_back": "", "asks": ()},
            [
                "Say where they sit relative to you.",
                "Say what you might hold back.",
                "Add a direct ask, or mark \u201cno asks\u201d.",
            ],
        ),
    ],
)
def test_hierarchy(changes, left):
    checklist = replace(COMPLETE, **changes)
    assert missing(checklist, Step.HIERARCHY) == left
    assert step_done(checklist, Step.HIERARCHY) is (left == [])


# -- Expectations --------------------------------------------------------------


def deadline(earliest=None, likely=None, latest=None, label="Launch") -> Deadline:
    return Deadline(1, label, earliest, likely, latest)


ORDER = "\u201cLaunch\u201d: the dates must run earliest \u2264 likely \u2264 latest."
INCOMPLETE = "Give \u201cLaunch\u201d an earliest, likely and latest date."


@pytest.mark.parametrize(
    ("changes", "left"),
    [
        ({"they_expect": ""}, ["Write what they expect from this meeting."]),
        ({"they_expect": " \n "}, ["Write what they expect from this meeting."]),
        ({"i_expect": ""}, ["Write what you expect from this meeting."]),
        ({"i_expect": "\t"}, ["Write what you expect from this meeting."]),
        ({"deadlines": ()}, []),
        # An untouched row is ignored.
        ({"deadlines": (deadline(label=""),)}, []),
        ({"deadlines": (deadline(label="   "),)}, []),
        # A label alone, or dates alone, make it a deadline that needs its range.
        ({"deadlines": (deadline(),)}, [INCOMPLETE]),
        ({"deadlines": (deadline(MON_7_DEC, FRI_11_DEC),)}, [INCOMPLETE]),
        ({"deadlines": (deadline(MON_7_DEC, None, FRI_18_DEC),)}, [INCOMPLETE]),
        ({"deadlines": (deadline(None, FRI_11_DEC, FRI_18_DEC),)}, [INCOMPLETE]),
        (
            {"deadlines": (deadline(MON_7_DEC, label=""),)},
            ["Give deadline 1 an earliest, likely and latest date."],
        ),
        ({"deadlines": (deadline(MON_7_DEC, MON_7_DEC, MON_7_DEC),)}, []),
        ({"deadlines": (deadline(MON_7_DEC, MON_7_DEC, FRI_18_DEC),)}, []),
        ({"deadlines": (deadline(MON_7_DEC, FRI_18_DEC, FRI_18_DEC),)}, []),
        ({"deadlines": (deadline(FRI_11_DEC, MON_7_DEC, FRI_18_DEC),)}, [ORDER]),
        ({"deadlines": (deadline(MON_7_DEC, FRI_18_DEC, FRI_11_DEC),)}, [ORDER]),
        ({"deadlines": (deadline(FRI_18_DEC, FRI_11_DEC, MON_7_DEC),)}, [ORDER]),
        # Out of order and incomplete: both are worth saying.
        ({"deadlines": (deadline(FRI_18_DEC, None, MON_7_DEC),)}, [INCOMPLETE, ORDER]),
        (
            {"deadlines": (deadline(FRI_18_DEC, MON_7_DEC, FRI_18_DEC, label=""),)},
            ["Deadline 1: the dates must run earliest \u2264 likely \u2264 latest."],
        ),
        # Every deadline must be in range, not just the first.
        (
            {"deadlines": (LAUNCH, Deadline(2, "Beta", FRI_18_DEC, MON_7_DEC, FRI_18_DEC))},
            ["\u201cBeta\u201d: the dates must run earliest \u2264 likely \u2264 latest."],
        ),
        (
            {"deadlines": (LAUNCH, Deadline(2, ""), Deadline(3, "", latest=FRI_18_DEC))},
            ["Give deadline 3 an earliest, likely and latest date."],
        ),
    ],
)
def test_expectations(changes, left):
    checklist = replace(COMPLETE, **changes)
    assert missing(checklist, Step.EXPECTATIONS) == left
    assert step_done(checklist, Step.EXPECTATIONS) is (left == [])


def test_a_long_or_multiline_name_is_shortened_to_one_line():
    label = "The big\nlaunch of the new onboarding flow for enterprise customers"
    checklist = replace(COMPLETE, deadlines=(deadline(label=label),))
    assert missing(checklist, Step.EXPECTATIONS) == [
        "Give \u201cThe big launch of the new onboarding\u2026\u201d "
        "an earliest, likely and latest date."
    ]


def test_a_long_name_without_spaces_is_cut_at_the_limit():
    checklist = replace(COMPLETE, problems=(Problem(1, "x" * 60),))
    assert missing(checklist, Step.SOLUTIONS) == [
        f"\u201c{'x' * 39}\u2026\u201d has no solution yet: "
        "propose one, or mark it as asking for help."
    ]


# -- Assertiveness -------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "done"),
    [
        (None, False),
        (0, False),
        (1, True),
        (4, True),
        (7, True),
        (8, True),
        (10, True),
        (11, False),
    ],
)
def test_assertiveness_needs_a_planned_level_on_the_scale(level, done):
    checklist = replace(COMPLETE, planned_level=level)
    assert step_done(checklist, Step.ASSERTIVENESS) is done
    assert missing(checklist, Step.ASSERTIVENESS) == ([] if done else ["Set a planned level."])


def test_only_the_planned_level_counts_for_assertiveness():
    # The push-back line is useful, but not required.
    assert step_done(replace(EMPTY, planned_level=3), Step.ASSERTIVENESS)
    assert not step_done(replace(EMPTY, pushback_line="I see it differently"), Step.ASSERTIVENESS)


# -- Solutions -----------------------------------------------------------------

NO_PROBLEM = "Add a problem to raise, or mark \u201cnothing to raise\u201d."
UNSOLVED = (
    "\u201cVendor delay\u201d has no solution yet: propose one, or mark it as asking for help."
)


@pytest.mark.parametrize(
    ("changes", "left"),
    [
        ({"problems": ()}, [NO_PROBLEM]),
        ({"problems": (Problem(1, ""), Problem(2, "  "))}, [NO_PROBLEM]),
        ({"problems": (), "nothing_to_raise": True}, []),
        ({"problems": (Problem(1, " ", ask_for_help=False),), "nothing_to_raise": True}, []),
        ({"problems": (Problem(1, "Vendor delay"),)}, [UNSOLVED]),
        ({"problems": (Problem(1, "Vendor delay", (Solution(1, " \n"),)),)}, [UNSOLVED]),
        ({"problems": (Problem(1, "Vendor delay", ask_for_help=True),)}, []),
        (
            {"problems": (Problem(1, "Vendor delay", (Solution(1, ""), Solution(2, "Split"))),)},
            [],
        ),
        # "Nothing to raise" doesn't excuse a problem written down without a solution.
        ({"problems": (Problem(1, "Vendor delay"),), "nothing_to_raise": True}, [UNSOLVED]),
        # Blank problems are ignored, filled ones all count.
        ({"problems": (VENDOR_DELAY, Problem(2, ""))}, []),
        (
            {"problems": (VENDOR_DELAY, Problem(2, "Vendor delay"), Problem(3, "Lab capacity"))},
            [
                UNSOLVED,
                "\u201cLab capacity\u201d has no solution yet: "
                "propose one, or mark it as asking for help.",
            ],
        ),
    ],
)
def test_solutions(changes, left):
    checklist = replace(COMPLETE, **changes)
    assert missing(checklist, Step.SOLUTIONS) == left
    assert step_done(checklist, Step.SOLUTIONS) is (left == [])


# -- Counting ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "count"),
    [
        ({}, 4),
        ({"position": None}, 3),
        ({"i_expect": ""}, 3),
        ({"planned_level": None}, 3),
        ({"problems": ()}, 3),
        ({"position": None, "planned_level": None}, 2),
        ({"position": None, "i_expect": "", "planned_level": None}, 1),
        ({"position": None, "i_expect": "", "planned_level": None, "problems": ()}, 0),
    ],
)
def test_steps_done_counts_done_steps(changes, count):
    assert steps_done(replace(COMPLETE, **changes)) == count


@pytest.mark.parametrize(
    ("checklist", "count"),
    [
        (replace(EMPTY, planned_level=6), 1),
        (replace(EMPTY, planned_level=6, nothing_to_raise=True), 2),
        (
            replace(
                EMPTY,
                position=Position.PEER,
                holding_back_nothing=True,
                no_asks=True,
                planned_level=6,
                nothing_to_raise=True,
            ),
            3,
        ),
    ],
)
def test_steps_done_from_empty(checklist, count):
    assert steps_done(checklist) == count


def test_step_accepts_plain_numbers():
    assert missing(EMPTY, 3) == ["Set a planned level."]


@pytest.mark.parametrize(
    ("steps", "edited_after_start", "prepared"),
    [
        (4, False, True),
        (4, True, False),  # unlocked and edited after it started: not prepared before
        (3, False, False),
        (0, False, False),
    ],
)
def test_prepared_before_start(steps, edited_after_start, prepared):
    assert prepared_before_start(steps, edited_after_start) is prepared


@pytest.mark.parametrize(("steps", "prepared"), [(STEPS, True), (STEPS - 1, False), (0, False)])
def test_a_meeting_is_prepared_once_every_step_is_done(steps, prepared):
    assert STEPS == len(Step) == 4
    assert is_prepared(steps) is prepared


@pytest.mark.parametrize(
    ("steps", "dots"),
    [
        (0, ("", "", "\u25cb\u25cb\u25cb\u25cb")),
        (3, ("\u25cf\u25cf\u25cf", "", "\u25cb")),
        (4, ("\u25cf\u25cf\u25cf\u25cf", "", "")),
        (9, ("\u25cf\u25cf\u25cf\u25cf", "", "")),  # another program wrote nonsense: still 4 dots
        (-1, ("", "", "\u25cb\u25cb\u25cb\u25cb")),
    ],
)
def test_readiness_dots_one_per_step(steps, dots):
    assert readiness_dots(steps) == dots


@pytest.mark.parametrize(
    ("problem", "flag"),
    [
        (Problem(1, "  "), None),
        (VENDOR_DELAY, None),
        (
            Problem(1, "Vendor delay", ask_for_help=True),
            ("Raised to ask for help: fine. Say what help you need.", False),
        ),
        (
            Problem(1, "Vendor delay", (Solution(1, " "),)),
            (
                "\u201cVendor delay\u201d has no solution yet: "
                "propose one, or mark it as asking for help.",
                True,
            ),
        ),
    ],
)
def test_no_solution_is_a_fault_unless_asking_for_help(problem, flag):
    assert problem_flag(problem) == flag
    # The step's list names the same faults, in the same words.
    checklist = replace(COMPLETE, problems=(problem,), nothing_to_raise=True)
    faults = [flag[0]] if flag and flag[1] else []
    assert missing(checklist, Step.SOLUTIONS) == faults


@pytest.mark.parametrize(
    ("steps", "dots"),
    [
        (0, ("", "", "\u25cb\u25cb\u25cb\u25cb")),  # nothing done: no half dot either
        (1, ("", HEDGED_MARK, "\u25cb\u25cb\u25cb")),
        (4, ("\u25cf\u25cf\u25cf", HEDGED_MARK, "")),
    ],
)
def test_a_hedged_step_one_is_drawn_as_a_half_dot(steps, dots):
    assert readiness_dots(steps, hedged=True) == dots


HEDGED = replace(
    COMPLETE,
    asks=(
        Ask(1, "Sign-off on the budget by Friday"),
        Ask(2, "Could we maybe get two more days?"),
        Ask(3, "Sorry to bother you: access to the logs"),
    ),
)


def test_a_hedged_ask_leaves_step_one_done_with_hedges():
    assert step_done(HEDGED, Step.HIERARCHY)
    assert done_with_hedges(HEDGED)
    assert [a.id for a in hedged_asks(HEDGED)] == [2, 3]
    assert nudges(HEDGED, Step.HIERARCHY) == [
        "2 of 3 asks sound optional: rewrite as \u201cI need \u2026 by \u2026\u201d."
    ]
    assert steps_done(HEDGED) == 4


def test_direct_asks_are_plainly_done():
    assert not done_with_hedges(COMPLETE)
    assert nudges(COMPLETE, Step.HIERARCHY) == []


def test_hedges_in_an_unfinished_step_one_are_not_done_with_hedges():
    unfinished = replace(HEDGED, position=None)
    assert not done_with_hedges(unfinished)
    assert nudges(unfinished, Step.HIERARCHY) != []  # the hedges are still pointed out


@pytest.mark.parametrize(
    ("changes", "nudge"),
    [
        # A date in the expectations and no range: nudged, and still done.
        (
            {"deadlines": (), "they_expect": "The report by Friday"},
            "Your expectations mention \u201cby Friday\u201d: add it as a deadline "
            "with an earliest, likely and latest date.",
        ),
        (
            {"deadlines": (Deadline(1, "Launch"),), "i_expect": "Agree the deadline"},
            "Your expectations mention \u201cdeadline\u201d: add it as a deadline "
            "with an earliest, likely and latest date.",
        ),
        # A range already recorded: nothing to say.
        ({"they_expect": "The report by Friday"}, None),
        # No date named: nothing to say.
        ({"deadlines": (), "they_expect": "A go/no-go on the pilot"}, None),
    ],
)
def test_expectations_naming_a_date_without_a_range_are_nudged(changes, nudge):
    checklist = replace(COMPLETE, **changes)
    assert nudges(checklist, Step.EXPECTATIONS) == ([nudge] if nudge else [])
    # A nudge, not a block: only a deadline without its range keeps the step open.
    assert step_done(checklist, Step.EXPECTATIONS) == all(d.has_range for d in checklist.deadlines)
