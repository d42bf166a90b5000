"""The private Textual API prep relies on (prep.tui.textual_private) is still
there and still behaves as prep expects: this fails, naming it, when an
upgrade of Textual renames or changes one of them."""

from __future__ import annotations

import inspect

from textual.app import App
from textual.notifications import Notification

from prep.tui.app import PrepApp
from prep.tui.textual_private import OneLineCrashes, notifications_shown
from tests.tui.conftest import SIZE

ONE_LINE = "something went wrong and prep had to close"


def parameters(method) -> list[str]:
    return list(inspect.signature(method).parameters)


def test_the_private_methods_prep_overrides_still_exist_with_their_signatures():
    assert parameters(App._handle_exception) == ["self", "error"]
    assert parameters(App._print_error_renderables) == ["self"]
    # Textual calls them itself: the overrides are not dead code.
    source = inspect.getsource(App)
    print(
        f"Textual calls _handle_exception {source.count('self._handle_exception(')} times, "
        f"_print_error_renderables {source.count('self._print_error_renderables()')} times"
    )
    assert "self._handle_exception(" in source
    assert "self._print_error_renderables()" in source


def test_the_private_attributes_prep_reads_still_exist():
    app = App()
    assert isinstance(app._exit_renderables, list)
    assert list(notifications_shown(app)) == []
    # PrepApp's overrides are the mixin's, not shadowed by another base.
    assert PrepApp._handle_exception is OneLineCrashes._handle_exception
    assert PrepApp._print_error_renderables is OneLineCrashes._print_error_renderables


class _Broken(App[None]):
    def on_mount(self) -> None:
        raise RuntimeError("a bug with a private note in it")


class _BrokenQuietly(OneLineCrashes, _Broken):
    reported: list[Exception]

    def report_crash(self, error: Exception) -> None:
        self.reported.append(error)
        print("prep: " + ONE_LINE)


def test_textual_alone_prints_a_traceback(capfd):
    """The control: without prep's overrides Textual still prints one, so
    the test below shows they are what stops it."""
    _Broken().run(headless=True)
    err = capfd.readouterr().err
    print(f"{len(err.splitlines())} lines on stderr")
    assert "RuntimeError" in err and "a bug with a private note in it" in err


def test_a_crash_reaches_report_crash_once_and_prints_no_traceback(capfd):
    app = _BrokenQuietly()
    app.reported = []
    app.run(headless=True)
    captured = capfd.readouterr()
    output = captured.out + captured.err
    print(f"{len(output.splitlines())} lines of output, {len(app.reported)} crash reported")
    assert [str(error) for error in app.reported] == ["a bug with a private note in it"]
    assert app.return_code == 1
    assert ONE_LINE in captured.out
    assert "Traceback" not in output and "RuntimeError" not in output


async def test_a_message_already_showing_is_not_stacked_again(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(3):
            app.notify("Not saved yet: the disk is full", title="Not saved")
            await pilot.pause()
        app.notify("Something else")
        await pilot.pause()
        shown = list(notifications_shown(app))
        print(f"{len(shown)} notifications shown after 4 sent")
        assert all(isinstance(notification, Notification) for notification in shown)
        assert [n.message for n in shown] == [
            "Not saved yet: the disk is full",
            "Something else",
        ]


def test_the_restyling_prep_skips_is_still_decided_where_it_sets_it():
    """RestylesOnlyWhenNeeded sets ScreenResume.refresh_styles for Screen's
    own handler to read, and compares the CSS update counters."""
    from textual import events
    from textual.screen import Screen

    from prep.tui.textual_private import RestylesOnlyWhenNeeded

    assert events.ScreenResume().refresh_styles is True
    assert "event.refresh_styles" in inspect.getsource(Screen._on_screen_resume)
    assert isinstance(App()._css_update_count, int)
    assert isinstance(Screen()._css_update_count, int)
    # Dispatch calls each class's handler, subclass first: prep's runs before Screen's.
    assert "_on_screen_resume" in RestylesOnlyWhenNeeded.__dict__


def test_textual_still_gets_the_renders_of_a_change_where_prep_replaces_it():
    """PaintsOnlyWhatChanged replaces the instance's `_get_renders`, which
    `_render_chops` calls for every repaint, and keeps Textual's rule for a
    whole-screen paint (crop None)."""
    from textual._compositor import Compositor

    assert parameters(Compositor._get_renders) == ["self", "crop"]
    assert "self._get_renders(crop)" in inspect.getsource(Compositor._render_chops)
    assert "crop_overlaps(clip)" in inspect.getsource(Compositor._get_renders)
    assert "visible_widgets" in inspect.getsource(Compositor._get_renders)


async def test_a_repaint_sends_the_terminal_what_textual_would_and_draws_fewer_widgets(
    make_app, store
):
    """For every widget's area of a full checklist at 80x24, and for areas
    that straddle several widgets, the update written to the terminal is
    the same with prep's `_get_renders` as with Textual's."""
    from functools import partial

    from rich.console import Console
    from textual._compositor import ChopsUpdate, Compositor
    from textual.geometry import Region

    from prep.tui.screens.checklist import ChecklistScreen
    from tests.tui.test_screen_reuse import two_upcoming

    two_upcoming(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChecklistScreen)
        compositor = screen._compositor
        ours = compositor._get_renders
        theirs = partial(Compositor._get_renders, compositor)
        console = Console(width=80, force_terminal=True, color_system="truecolor")

        def sent(get_renders, crop: Region) -> tuple[list[tuple], int]:
            asked = 0

            def counting(crop=None):
                nonlocal asked
                for render in get_renders(crop):
                    asked += 1
                    yield render

            compositor._get_renders = counting
            try:
                spans = list(compositor._regions_to_spans([crop]))
                lines = {y for y, _, _ in spans}
                chops = compositor._render_chops(crop, lines.__contains__)
                update = ChopsUpdate(chops, spans, [cuts[1:] for cuts in compositor.cuts])
                segments = update.__rich_console__(console, console.options)
                return [(s.text, s.style, s.control) for s in segments], asked
            finally:
                compositor._get_renders = ours

        crops = [region for region, _ in compositor.visible_widgets.values()]
        crops += [Region(0, 0, 80, 24), Region(30, 5, 30, 3), Region(0, 10, 80, 1)]
        asked_ours = asked_theirs = 0
        for crop in crops:
            crop = crop.intersection(Region(0, 0, 80, 24))
            if not crop:
                continue
            mine, n_ours = sent(ours, crop)
            textual, n_theirs = sent(theirs, crop)
            assert mine == textual, crop
            asked_ours += n_ours
            asked_theirs += n_theirs
    print(f"{len(crops)} areas repainted: {asked_ours} widgets drawn, Textual's way {asked_theirs}")
    assert asked_ours < asked_theirs


def test_the_stylesheet_parser_the_suite_shares_still_takes_what_it_did():
    """tests/tui/conftest.py keeps each worker's parsed CSS for the next app,
    keyed on _parse_rules's arguments and the stylesheet's variables."""
    from textual.css.stylesheet import Stylesheet

    from tests.tui import conftest

    original = conftest._parse_rules_of_the_app
    assert parameters(original) == [
        "self",
        "css",
        "read_from",
        "is_default_rules",
        "tie_breaker",
        "scope",
    ]
    assert Stylesheet._parse_rules is conftest._parse_rules_once_per_worker
    # The variables are everything else the parse reads (`variable_tokens`).
    assert "self._variable_tokens" in inspect.getsource(original)
    assert isinstance(Stylesheet(variables={"x": "red"})._variables, dict)
    # Two apps of one theme get the same rules; another theme its own.
    sheet = Stylesheet(variables={"accent": "red"})
    rules = sheet._parse_rules("Label { color: $accent; }", ("test", "css"))
    again = Stylesheet(variables={"accent": "red"})._parse_rules(
        "Label { color: $accent; }", ("test", "css")
    )
    other = Stylesheet(variables={"accent": "blue"})._parse_rules(
        "Label { color: $accent; }", ("test", "css")
    )
    print(f"same theme shares: {again is rules}; another theme: {other is rules}")
    assert again is rules
    assert other is not rules
    assert rules[0].styles.color != other[0].styles.color
