"""KeyFooter: the footer shows the focused widget's keys, rebuilt once per update."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button
from textual.widgets._footer import FooterKey

from prep.tui.widgets.footer import KeyFooter


class CountingFooter(KeyFooter):
    builds = 0

    def compose(self) -> ComposeResult:
        CountingFooter.builds += 1  # compose runs once per real rebuild
        yield from super().compose()


class Left(Button):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+l", "noop", "Left thing")]


class Right(Button):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+t", "noop", "Right thing")]


class TwoButtons(App[None]):
    def compose(self) -> ComposeResult:
        yield Left("left", id="left")
        yield Right("right", id="right")
        yield CountingFooter()


def footer_keys(app: App) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey)]


async def test_the_footer_follows_the_focus_through_many_changes_in_one_update() -> None:
    app = TwoButtons()
    async with app.run_test() as pilot:
        await pilot.pause()
        left, right = app.query_one("#left"), app.query_one("#right")
        CountingFooter.builds = 0
        for _ in range(4):  # eight changes of the bindings before the next refresh
            left.focus()
            right.focus()
        await pilot.pause()
        assert "Right thing" in footer_keys(app)
        assert "Left thing" not in footer_keys(app)
        # Textual's Footer rebuilds 14 times here; the focus changes land in
        # two screen updates, so two rebuilds are the least there can be.
        assert CountingFooter.builds <= 2

        # A change after that rebuild still shows.
        left.focus()
        await pilot.pause()
        assert "Left thing" in footer_keys(app)
        assert "Right thing" not in footer_keys(app)


class SameKeysTwice(App[None]):
    def compose(self) -> ComposeResult:
        yield Left("one", id="one")
        yield Left("two", id="two")
        yield Right("right", id="right")
        yield CountingFooter()


async def test_a_focus_move_that_keeps_the_keys_does_not_rebuild_the_footer() -> None:
    app = SameKeysTwice()
    async with app.run_test() as pilot:
        await pilot.pause()
        CountingFooter.builds = 0
        for name in ("two", "one", "two"):  # the same keys each time
            app.query_one(f"#{name}").focus()
            await pilot.pause()
        kept = CountingFooter.builds
        app.query_one("#right").focus()  # other keys: rebuilt
        await pilot.pause()
        print(f"rebuilds: {kept} over three moves keeping the keys, then {CountingFooter.builds}")
        assert kept == 0
        assert CountingFooter.builds == 1
        assert "Right thing" in footer_keys(app) and "Left thing" not in footer_keys(app)
