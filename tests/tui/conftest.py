"""Pilot fixtures: the real app over a real database file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, TextArea

import prep.tui.app
from prep.tui.app import PrepApp
from prep.tui.screenshots import paste as paste  # text not under test: pasted

SIZE = (120, 36)


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
    await keys_handled(pilot)
    for _ in range(5):
        await pilot.pause()


async def keys_handled(pilot, rounds: int = 500) -> None:
    """Pause until every key sent so far has been handed on and handled
    (prep hands keys on one at a time: prep.tui.screens.keys_in_order). A
    fixed number of pauses was not enough on a loaded machine: 40 keys typed
    at start-up were still half waiting after one."""
    app = pilot.app
    for _ in range(rounds):
        await pilot.pause()
        if not app._held and app._typing is None:
            return
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
