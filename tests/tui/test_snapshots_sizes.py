"""Every screen at the sizes people have: 80x24 (most terminals, tmux panes
and SSH sessions), 120x40 and 200x60; and at 80x24 nothing runs off the edge.

The screens are reached the way `python3 dev.py screenshots` reaches them
(`prep.tui.screenshots.SHOTS`), on the demo data and a fixed clock.
Update after an intended change with:
    python3 dev.py test tests/tui/test_snapshots_sizes.py --snapshot-update
"""

from __future__ import annotations

import re

import pytest

from prep.tui.app import PrepApp
from prep.tui.screenshots import SHOTS
from tests.tui.conftest import SteadyCursorApp, screen_text

SIZES = [(80, 24), (120, 40), (200, 60)]
# 80x24 and the smallest supported size: no row may be cut by the edge.
EDGE_SIZES = [(80, 24), (60, 20)]

# One opener per screen; the form, the checklist's steps and the brief each
# have their own layout.
SCREENS = [
    "agenda",
    "meeting-form-new",
    "checklist-1-hierarchy",
    "checklist-2-expectations",
    "checklist-3-assertiveness",
    "checklist-4-solutions",
    "checklist-brief",
    "debrief",
    "call",
    "review",
    "people",
    "help",
]


# Pictures tests/tui/test_snapshots.py takes of the same screen, from the same
# data, by the same steps, at the same size (the two files were identical):
# each is taken once, there.
TAKEN_IN_TEST_SNAPSHOTS = {
    ("checklist-1-hierarchy", (120, 40)): "test_checklist_hierarchy_with_a_hedge_marked",
    ("checklist-2-expectations", (120, 40)): "test_checklist_expectations_with_a_deadline_range",
    ("checklist-3-assertiveness", (120, 40)): "test_checklist_assertiveness_scale",
    ("checklist-4-solutions", (120, 40)): "test_checklist_solutions_flags_an_unsolved_problem",
    ("checklist-brief", (120, 40)): "test_checklist_brief",
    ("debrief", (120, 40)): "test_debrief_top",
    ("review", (120, 40)): "test_weekly_review",
    ("people", (120, 40)): "test_people",
    ("call", (80, 24)): "test_call_screen_at_80x24",
}
PICTURES = [
    pytest.param(name, size, id=f"{name}-{size[0]}x{size[1]}")
    for name in SCREENS
    for size in SIZES
    if (name, size) not in TAKEN_IN_TEST_SNAPSHOTS
]


def app_for(name: str, request: pytest.FixtureRequest) -> PrepApp:
    """The app over the demo data (a copy made once per worker) or an empty file."""
    store = request.getfixturevalue("demo_store" if SHOTS[name].with_demo else "store")
    return SteadyCursorApp(store, clock=request.getfixturevalue("clock"))


def opener(name: str):
    async def run_before(pilot) -> None:
        await pilot.pause()
        await SHOTS[name].steps(pilot)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize(("name", "size"), PICTURES)
def test_screen_at_size(snap_compare, request, name, size):
    """The picture; at an edge-check size, the rows it shows are checked for
    cuts as well (`test_nothing_is_cut_by_the_edge` leaves those to this run
    of the same screen)."""
    rows: list[str] = []

    async def run_before(pilot) -> None:
        await opener(name)(pilot)
        if size in EDGE_SIZES:
            rows.extend(screen_text(pilot.app))

    assert snap_compare(app_for(name, request), terminal_size=size, run_before=run_before)
    if size in EDGE_SIZES:
        assert_nothing_cut(name, size, rows)


def test_the_pictures_left_out_here_are_taken_in_test_snapshots():
    from tests.tui import test_snapshots

    missing = [t for t in TAKEN_IN_TEST_SNAPSHOTS.values() if not hasattr(test_snapshots, t)]
    print(f"{len(TAKEN_IN_TEST_SNAPSHOTS)} pictures taken in test_snapshots.py; missing: {missing}")
    assert missing == []


# -- nothing cut by the edge at 80x24 ------------------------------------------------


WORD = re.compile(r"\w")
CORNERS = [("╭", "╮"), ("╰", "╯")]
CHOICE = re.compile(r"◂[^◂▸]*▸")


def cut_lines(lines: list[str], width: int) -> list[str]:
    """What is wrong with these rows: a word running into the right edge (a
    well-laid-out screen ends each row with a border, a margin or padding),
    a box with one corner and not the other, a choice missing an arrow."""
    problems = []
    for number, line in enumerate(lines):
        line = line.ljust(width)
        if WORD.match(line[width - 1]):
            problems.append(f"row {number} runs into the edge: {line.rstrip()!r}")
        for opening, closing in CORNERS:
            if line.count(opening) != line.count(closing):
                problems.append(f"row {number} has {opening} without {closing}: {line.rstrip()!r}")
        if line.count("◂") != len(CHOICE.findall(line)):
            problems.append(f"row {number} has a choice without its ▸: {line.rstrip()!r}")
    return problems


def distinct_screens() -> list[str]:
    """The screenshots' screens, each once: "agenda-80x24" and "call-80x24"
    are "agenda" and "call" again (the same steps and data, another size),
    and this check sets its own sizes."""
    firsts: dict[tuple, str] = {}
    for name, shot in SHOTS.items():
        firsts.setdefault((shot.steps, shot.with_demo, shot.notifications), name)
    return list(firsts.values())


def assert_nothing_cut(name: str, size: tuple[int, int], lines: list[str]) -> None:
    print(f"{name} at {size}: {len(lines)} rows checked")
    assert len(lines) == size[1]
    problems = cut_lines(lines, size[0])
    assert not problems, "\n".join([*problems, "", *lines])


# Those with a picture at the size are checked in test_screen_at_size.
EDGE_CHECKS = [
    pytest.param(name, size, id=f"{name}-{size[0]}x{size[1]}")
    for name in distinct_screens()
    for size in EDGE_SIZES
    if not (name in SCREENS and size in SIZES and (name, size) not in TAKEN_IN_TEST_SNAPSHOTS)
]


@pytest.mark.parametrize(("name", "size"), EDGE_CHECKS)
async def test_nothing_is_cut_by_the_edge(request, name, size):
    """At 80x24 every screen fits; at 60x20, the smallest supported, screens
    drop columns and move panes, but still cut nothing."""
    app = app_for(name, request)
    async with app.run_test(size=size) as pilot:
        await opener(name)(pilot)
        lines = screen_text(app)
    assert_nothing_cut(name, size, lines)


def test_the_check_catches_a_cut_row_and_a_cut_box():
    """The 80x24 check itself, on the agenda as it was before this layout."""
    before = [
        "╭─ Agenda ".ljust(80, "─"),
        "│   16:00      Pilot kick-off".ljust(67) + "Sofia Lindqvi",
        "│  With      ◂ Client ▸     ◂ Senior to".ljust(79) + "│",
    ]
    problems = cut_lines(before, 80)
    print("\n".join(problems))
    assert len(problems) == 3
