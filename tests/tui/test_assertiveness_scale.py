"""The assertiveness scale on its own: keys, clicks, messages, disabled, looks."""

from __future__ import annotations

from textual import on
from textual.app import App, ComposeResult
from textual.widgets import Footer

from prep.domain.assertiveness import describe_gap, level_hint
from prep.tui.widgets.assertiveness_scale import (
    NOT_SET_HINT,
    ROW_CELLS,
    AssertivenessScale,
    ScaleLayout,
)

SIZE = (80, 12)


class ScaleApp(App[None]):
    """One scale and a footer; records every level the scale posts."""

    def __init__(self, level: int | None = None, **kwargs) -> None:
        super().__init__()
        self.initial = level
        self.kwargs = kwargs
        self.posted: list[int | None] = []
        self.controls: list[AssertivenessScale] = []

    def compose(self) -> ComposeResult:
        yield AssertivenessScale(self.initial, id="scale", **self.kwargs)
        yield Footer()

    @on(AssertivenessScale.Changed, "#scale")
    def record(self, message: AssertivenessScale.Changed) -> None:
        self.posted.append(message.level)
        self.controls.append(message.control)


def scale_of(app: App) -> AssertivenessScale:
    return app.query_one(AssertivenessScale)


def text_of(scale: AssertivenessScale) -> str:
    return str(scale.render())


def cell_offset(scale: AssertivenessScale, level: int) -> tuple[int, int]:
    """Where to click, relative to the widget, to hit `level`'s cell."""
    layout = ScaleLayout.for_width(scale.content_size.width)
    gutter = scale.gutter
    return gutter.left + layout.centre(level), gutter.top + ROW_CELLS


async def test_starts_unset_with_instructions():
    app = ScaleApp()
    async with app.run_test(size=SIZE):
        scale = scale_of(app)
        assert scale.level is None
        assert scale.has_focus
        assert NOT_SET_HINT in text_of(scale)


async def test_digits_set_that_level_and_zero_means_ten():
    app = ScaleApp()
    async with app.run_test(size=SIZE) as pilot:
        scale = scale_of(app)
        await pilot.press("3")
        assert scale.level == 3
        await pilot.press("9")
        assert scale.level == 9
        await pilot.press("0")
        assert scale.level == 10
        await pilot.press("1")
        assert scale.level == 1
        await pilot.pause()
        assert app.posted == [3, 9, 10, 1]
        assert all(control is scale for control in app.controls)


async def test_arrows_start_in_the_middle_from_unset():
    for key in ("left", "right"):
        app = ScaleApp()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(key)
            assert scale_of(app).level == 5
            await pilot.pause()
            assert app.posted == [5]


async def test_arrows_step_and_stop_at_the_ends():
    app = ScaleApp(level=2)
    async with app.run_test(size=SIZE) as pilot:
        scale = scale_of(app)
        await pilot.press("left")
        assert scale.level == 1
        await pilot.press("left", "left")
        assert scale.level == 1
        await pilot.press("9", "right", "right", "right")
        assert scale.level == 10
        await pilot.press("left")
        assert scale.level == 9
        await pilot.pause()
        # Presses that hit the end change nothing, so they post nothing.
        assert app.posted == [1, 9, 10, 9]


async def test_home_and_end_jump_to_the_ends():
    app = ScaleApp(level=5)
    async with app.run_test(size=SIZE) as pilot:
        scale = scale_of(app)
        await pilot.press("end")
        assert scale.level == 10
        await pilot.press("home")
        assert scale.level == 1
        await pilot.pause()
        assert app.posted == [10, 1]


async def test_backspace_and_delete_clear_the_level():
    app = ScaleApp(level=6)
    async with app.run_test(size=SIZE) as pilot:
        scale = scale_of(app)
        await pilot.press("backspace")
        assert scale.level is None
        assert NOT_SET_HINT in text_of(scale)
        await pilot.press("backspace")
        await pilot.press("7", "delete")
        assert scale.level is None
        await pilot.pause()
        assert app.posted == [None, 7, None]


async def test_hint_names_the_zone_and_teaches_the_level():
    app = ScaleApp()
    async with app.run_test(size=SIZE) as pilot:
        scale = scale_of(app)
        for key, level, label in (
            ("2", 2, "Too little"),
            ("5", 5, "Just right"),
            ("8", 8, "Too much"),
        ):
            await pilot.press(key)
            text = text_of(scale)
            assert f"{label}: {level_hint(level)}" in text


async def test_set_level_changes_without_posting():
    app = ScaleApp()
    async with app.run_test(size=SIZE) as pilot:
        scale = scale_of(app)
        scale.set_level(7)
        await pilot.pause()
        assert scale.level == 7
        scale.set_level(None)
        scale.set_level(42)  # a stray saved value is clamped, not a crash
        await pilot.pause()
        assert scale.level == 10
        assert app.posted == []
        await pilot.press("left")
        await pilot.pause()
        assert app.posted == [9]


async def test_click_on_a_cell_sets_its_level():
    app = ScaleApp()
    async with app.run_test(size=SIZE) as pilot:
        scale = scale_of(app)
        for level in (8, 1, 10, 4):
            assert await pilot.click(AssertivenessScale, offset=cell_offset(scale, level))
            assert scale.level == level
        await pilot.pause()
        assert app.posted == [8, 1, 10, 4]


async def test_click_between_zones_changes_nothing():
    app = ScaleApp(level=5)
    async with app.run_test(size=SIZE) as pilot:
        scale = scale_of(app)
        layout = ScaleLayout.for_width(scale.content_size.width)
        gap = layout.start(4) - 1  # the blank column between "too little" and "just right"
        assert layout.level_at(gap) is None
        await pilot.click(AssertivenessScale, offset=(scale.gutter.left + gap, 1 + ROW_CELLS))
        await pilot.pause()
        assert scale.level == 5
        assert app.posted == []


async def test_disabled_ignores_keys_and_clicks():
    app = ScaleApp(level=4, compare=6)
    async with app.run_test(size=SIZE) as pilot:
        scale = scale_of(app)
        scale.disabled = True
        await pilot.pause()
        assert not scale.has_focus
        await pilot.press("9", "right", "end", "backspace")
        await pilot.click(AssertivenessScale, offset=cell_offset(scale, 9))
        # Even a direct action call (e.g. from a palette command) is refused.
        scale.action_step(1)
        scale.action_clear()
        await pilot.pause()
        assert scale.level == 4
        assert app.posted == []
        # Code can still show a saved value on a frozen scale.
        scale.set_level(7)
        assert scale.level == 7


async def test_disabled_and_unset_does_not_offer_keys():
    app = ScaleApp()
    async with app.run_test(size=SIZE) as pilot:
        scale = scale_of(app)
        scale.disabled = True
        await pilot.pause()
        text = text_of(scale)
        assert "Not set." in text
        assert NOT_SET_HINT not in text


async def test_compare_marker_and_gap():
    app = ScaleApp(level=6, compare=4)
    async with app.run_test(size=SIZE) as pilot:
        scale = scale_of(app)
        text = text_of(scale)
        assert "▲ plan" in text
        gap = describe_gap(4, 6)
        assert gap.startswith("2 above plan")
        assert gap[:1].upper() + gap[1:] in text
        # The compare marker is for show: keys move only the level.
        await pilot.press("left")
        assert (scale.level, scale.compare) == (5, 4)


async def test_compare_marker_near_the_right_edge_flips_its_label():
    app = ScaleApp(level=5, compare=10)
    async with app.run_test(size=(40, 12)):  # the narrowest the scale is meant for
        assert "plan ▲" in text_of(scale_of(app))


async def test_layout_fits_narrow_widths():
    layout = ScaleLayout.for_width(34)  # a 40-column widget, less border and padding
    assert layout.width <= 34
    assert [layout.level_at(layout.centre(level)) for level in range(1, 11)] == list(range(1, 11))


# -- snapshots ------------------------------------------------------------------


async def settle(pilot) -> None:
    await pilot.pause()


def test_snapshot_level_with_plan(snap_compare):
    assert snap_compare(ScaleApp(level=5, compare=3), terminal_size=SIZE, run_before=settle)


def test_snapshot_not_set(snap_compare):
    assert snap_compare(ScaleApp(), terminal_size=SIZE, run_before=settle)
