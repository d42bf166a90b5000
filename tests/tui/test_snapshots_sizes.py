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


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("name", SCREENS)
def test_screen_at_size(snap_compare, request, name, size):
    assert snap_compare(app_for(name, request), terminal_size=size, run_before=opener(name))


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


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
@pytest.mark.parametrize("name", list(SHOTS))
async def test_nothing_is_cut_by_the_edge(request, name, size):
    """At 80x24 every screen fits; at 60x20, the smallest supported, screens
    drop columns and move panes, but still cut nothing."""
    app = app_for(name, request)
    async with app.run_test(size=size) as pilot:
        await opener(name)(pilot)
        lines = screen_text(app)
    print(f"{name} at {size}: {len(lines)} rows checked")
    assert len(lines) == size[1]
    problems = cut_lines(lines, size[0])
    assert not problems, "\n".join([*problems, "", *lines])


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
