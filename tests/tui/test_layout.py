"""The layout at the widths people have: which panes and columns each width
gets, check boxes that read unticked, choices that keep both arrows."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from prep.tui.app import PrepApp
from prep.tui.screens.widths import width_class
from prep.tui.widgets.choice import Choice
from prep.tui.widgets.people_table import PeopleTable
from prep.tui.widgets.tick_box import TickBox


@pytest.mark.parametrize(
    ("width", "expected"),
    [
        (60, "-narrow"),
        (79, "-narrow"),
        (80, "-compact"),
        (99, "-compact"),
        (100, "-normal"),
        (159, "-normal"),
        (160, "-wide"),
        (300, "-wide"),
    ],
)
def test_width_classes(width, expected):
    assert width_class(width) == expected


@pytest.mark.parametrize(
    ("size", "columns"),
    [
        ((60, 20), ["Name", "Last met", "Feedback", "Unsaid", "To do"]),
        ((80, 24), ["Name", "Mtgs", "Last met", "Feedback", "Warmth", "Unsaid", "To do"]),
        ((120, 40), ["Name", "Who", "Mtgs", "Last met", "Feedback", "Warmth", "Unsaid", "To do"]),
        ((200, 60), ["Name", "Who", "Mtgs", "Last met", "Feedback", "Warmth", "Unsaid", "To do"]),
    ],
)
async def test_people_keep_the_columns_that_matter(demo_store, clock, size, columns):
    app = PrepApp(demo_store, clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("o")
        await pilot.pause()
        table = app.screen.query_one(PeopleTable)
        timeline = app.screen.query_one("#people-timeline")
        # The table picks its columns when it is laid out (its Resize). One
        # pause does not always see that on a loaded machine (Pilot's idle
        # wait reads a starved process as idle): wait up to 2 s for it.
        for _ in range(100):
            shown = [str(column.label) for column in table.columns.values()]
            if shown == columns:
                break
            await pilot.pause(0.02)
        print(f"{size}: {shown}; timeline {timeline.size.width} columns wide")
        assert shown == columns
        # The table never runs past its border, so no column is cut.
        assert table.virtual_size.width <= table.scrollable_content_region.width
        if size[0] < 100:  # below the table, the width of the screen
            assert timeline.region.y > table.region.y
            assert timeline.outer_size.width == size[0]
        else:
            assert timeline.region.x > table.region.x
        if size[0] >= 160:  # room to tell the story, not 32 columns
            assert timeline.size.width >= 60


async def test_the_agenda_puts_the_meeting_below_the_list_under_100_columns(demo_store, clock):
    app = PrepApp(demo_store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        listing, detail = (
            app.screen.query_one("#agenda-list"),
            app.screen.query_one("#agenda-detail"),
        )
        assert (listing.region.right, detail.region.right) == (80, 80)
        assert detail.region.y >= listing.region.bottom
        await pilot.resize_terminal(130, 30)
        await pilot.pause()
        assert app.screen.has_class("-normal")
        assert detail.region.x >= listing.region.right  # beside it again
        assert detail.region.right == 130


class Boxes(App):
    def compose(self) -> ComposeResult:
        yield TickBox("No asks this time", id="off")
        yield TickBox("No asks this time", True, id="on")
        yield Choice([("Senior to you", "senior")], allow_blank=False, id="narrow")


async def test_ticked_and_unticked_boxes_differ_in_more_than_colour():
    app = Boxes()
    async with app.run_test(size=(40, 10)):
        off, on = (str(app.query_one(f"#{box}", TickBox).render()) for box in ("off", "on"))
        print(off, "|", on)
        assert off.startswith("[ ]") and on.startswith("[✓]")


async def test_a_choice_too_narrow_for_its_label_shortens_the_label_not_the_arrows():
    app = Boxes()
    async with app.run_test(size=(40, 10)) as pilot:
        choice = app.query_one(Choice)
        choice.styles.width = 12
        await pilot.pause()
        text = str(choice.render())
        print(repr(text))
        assert text == "◂ Senior … ▸"
