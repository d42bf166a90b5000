"""Pilot fixtures: the real app over a real database file."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.css.stylesheet import Stylesheet
from textual.widgets import Input, TextArea

import prep.tui.app
from prep.tui.app import PrepApp
from prep.tui.screenshots import paste as paste  # text not under test: pasted

SIZE = (120, 36)


# Each app parses all of its CSS (app.tcss, other_screens.tcss and every
# widget's DEFAULT_CSS) into a cache of its own stylesheet: 50 of the 350 ms
# of CPU an app takes to start and open a checklist, again in each of the
# suite's hundreds of apps. A run of prep makes one app, so this matters only
# here: each xdist worker keeps the parsed rules for the next app. The rules
# are a function of the CSS, where it was read from and the theme's variables
# (all in the key); Textual already reuses them unchanged within an app.
# (Textual's private method: tests/tui/test_textual_private.py checks it.)
_parse_rules_of_the_app = Stylesheet._parse_rules
_PARSED_CSS: dict[tuple, list] = {}


def _parse_rules_once_per_worker(
    self: Stylesheet,
    css: str,
    read_from: tuple[str, str],
    is_default_rules: bool = False,
    tie_breaker: int = 0,
    scope: str = "",
) -> list:
    key = (css, read_from, is_default_rules, tie_breaker, scope, tuple(self._variables.items()))
    if key not in _PARSED_CSS:
        _PARSED_CSS[key] = _parse_rules_of_the_app(
            self, css, read_from, is_default_rules, tie_breaker, scope
        )
    return _PARSED_CSS[key]


Stylesheet._parse_rules = _parse_rules_once_per_worker  # type: ignore[method-assign]


@pytest.fixture
def make_app(store, clock):
    def make() -> PrepApp:
        return PrepApp(store, clock=clock)

    return make


def rows(db_path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    """Read the file with plain sqlite3: what is really on disk."""
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


async def until(pilot, condition: Callable[[], bool], what: str, timeout: float = 10.0) -> None:
    """Pause until `condition()` holds: a save has reached the file, a hint
    has come. Instead of a fixed wait (half a second, long enough after the
    save delay on a quiet machine), which every run paid in full; fails
    naming `what` if it never holds. Waits for something to stay absent
    keep their fixed pause: there is nothing to wait for."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"Timed out after {timeout}s waiting for {what}")
        await pilot.pause(0.05)


async def burst(pilot, *keys: str) -> None:
    """Send `keys` the way a fast typist, a paste or a text expander does:
    all at once, none waiting for the one before to be handled (Pilot's
    `press` waits for the app to go idle after every key). Then wait for
    the app to settle. Names as for `pilot.press`: "tab", "enter", "A"."""
    import unicodedata

    from textual import events
    from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key

    driver = pilot.app._driver
    for key in keys:
        if len(key) == 1 and not key.isalnum():
            key = _character_to_key(key)
        original = REPLACED_KEYS.get(key, key)
        try:
            char: str | None = unicodedata.lookup(_get_unicode_name_from_key(original))
        except KeyError:
            char = key if len(key) == 1 else None
        event = events.Key(key, char)
        event.set_sender(pilot.app)
        driver.send_message(event)
    for _ in range(5):
        await pilot.pause()
    await keys_handled(pilot)  # on a loaded machine five pauses may not be enough


async def keys_handled(pilot, rounds: int = 500) -> None:
    """Pause until every key sent so far has been handed on and handled
    (prep hands keys on one at a time: prep.tui.screens.keys_in_order). A
    fixed number of pauses was not enough on a loaded machine: 40 keys typed
    at start-up were still half waiting after one. Returns at once if none
    is waiting (call it once the keys have reached the app: after a pause)."""
    app = pilot.app
    for _ in range(rounds):
        if not app._held and app._typing is None:
            return
        await pilot.pause()
    raise AssertionError(f"{len(app._held)} keys still waiting after {rounds} pauses")


def screen_text(app: PrepApp) -> list[str]:
    """The screen as a person sees it: one string per row, as wide as the terminal."""
    import io

    from rich.console import Console

    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        record=True,
        force_terminal=True,
        color_system="truecolor",
        legacy_windows=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text().splitlines()


def typed(text: str) -> list[str]:
    """`text` as key names for `burst`."""
    return list(text)


class SteadyCursorApp(PrepApp):
    """prep for snapshot tests: a text cursor that does not blink, so a
    picture never depends on where in its half-second blink it was taken
    (on a loaded machine that is anywhere)."""

    # Textual reads CSS_PATH beside the module that defines the class.
    CSS_PATH = Path(prep.tui.app.__file__).with_name("app.tcss")

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, (Input, TextArea)):
            event.widget.cursor_blink = False
