"""KeyFooter: the footer shows the focused widget's keys, rebuilt once per update."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen
from textual.widgets import Button
from textual.widgets._footer import FooterKey

from prep.tui.widgets.footer import KeyFooter


class CountingFooter(KeyFooter):
    builds = 0  # by every footer
    own_builds = 0  # by this one

    def compose(self) -> ComposeResult:
        CountingFooter.builds += 1  # compose runs once per real rebuild
        self.own_builds += 1
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


class Covering(Screen[None]):
    """An opaque screen whose focused button brings an app key (as prep's
    ctrl+g applies only while a text area has the focus)."""

    def compose(self) -> ComposeResult:
        yield Right("cover", id="cover")  # focused first
        yield Left("other", id="other")
        yield CountingFooter()


class Translucent(ModalScreen[None]):
    def compose(self) -> ComposeResult:
        yield Button("ok", id="ok")


class AppKeyWhileRight(App[None]):
    """Its app key "Only while right" applies while a Right button has the focus."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+o", "app_key", "Only while right")]

    def compose(self) -> ComposeResult:
        yield Left("left", id="left")
        yield Right("right", id="right")
        yield CountingFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return isinstance(self.focused, Right) if action == "app_key" else True

    def action_app_key(self) -> None:
        pass


async def test_a_covered_screen_rebuilds_its_footer_when_shown_again_not_while_out_of_sight():
    """Covering a screen tells its footer the bindings changed, and so does
    each focus change on the screen above when an app key depends on it:
    Textual's Footer rebuilt the covered one each time (twice per screen
    opened and closed in prep). Out of sight it waits; shown again, it
    shows the keys as they are then."""
    app = AppKeyWhileRight()
    async with app.run_test() as pilot:
        app.query_one("#left").focus()
        await pilot.pause()
        covered = app.screen.query_one(CountingFooter)
        before = covered.own_builds
        assert "Only while right" not in footer_keys(app)
        await app.push_screen(Covering())  # its focus: the app key now applies
        await pilot.pause()
        assert "Only while right" in footer_keys(app)  # the covering screen's footer
        app.screen.query_one("#other").focus()
        await pilot.pause()
        assert "Only while right" not in footer_keys(app)
        app.screen.query_one("#cover").focus()
        await pilot.pause()
        while_covered = covered.own_builds - before
        print(f"the covered footer rebuilt {while_covered} times while covered")
        assert while_covered == 0

        app.pop_screen()
        await pilot.pause()
        assert "Only while right" not in footer_keys(app)  # left has the focus here
        assert "Left thing" in footer_keys(app)
        app.query_one("#right").focus()
        await pilot.pause()
        assert "Only while right" in footer_keys(app)


async def test_a_footer_under_a_translucent_modal_still_follows_the_bindings():
    """A modal dialog leaves the screen under it in sight: its footer keeps
    following that screen's focus."""
    app = AppKeyWhileRight()
    async with app.run_test() as pilot:
        app.query_one("#left").focus()
        await pilot.pause()
        await app.push_screen(Translucent())
        await pilot.pause()
        under = app.screen_stack[0]
        assert "Left thing" in [key.description for key in under.query(FooterKey)]
        under.set_focus(under.query_one("#right"))
        await pilot.pause()
        under_keys = [key.description for key in under.query(FooterKey)]
        assert "Right thing" in under_keys and "Left thing" not in under_keys
