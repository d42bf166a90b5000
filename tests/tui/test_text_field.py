"""TextField: Textual's Input without a screen re-layout per key, still scrolling."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input, Label

from prep.tui.widgets.text_field import TextField

ALPHABET = "abcdefghijklmnopqrstuvwxyz"


class OneField(App[None]):
    CSS = "Input { width: 20; }"

    def __init__(self, field_class: type[Input] = TextField) -> None:
        super().__init__()
        self.field_class = field_class

    def compose(self) -> ComposeResult:
        yield Label("above")
        yield self.field_class(id="field", compact=True)


async def _scrolling(field_class: type[Input]) -> list[tuple[float, int]]:
    """Where the view and the cursor are after typing past the width, home, end,
    and back left past the view's start. The field is 20 cells wide: 26 keys
    are past it; each key waits for the app to go idle, so no more are typed."""
    app = OneField(field_class)
    seen = []
    async with app.run_test(size=(40, 5)) as pilot:
        field = app.query_one("#field", Input)
        field.focus()
        for keys in (
            list(ALPHABET),
            ["home"],
            ["end"],
            ["left"] * 22,
        ):
            await pilot.press(*keys)
            await pilot.pause()
            seen.append((field.scroll_x, field.cursor_screen_offset.x))
        assert field.value == ALPHABET
    return seen


async def test_typing_past_the_width_scrolls_exactly_as_a_plain_input_does() -> None:
    seen = await _scrolling(TextField)
    assert seen == await _scrolling(Input)
    assert seen[0][0] > 0  # scrolled to follow the cursor
    assert seen[1][0] == 0  # home scrolls back


async def test_a_key_repaints_the_field_without_laying_out_the_screen() -> None:
    app = OneField()
    async with app.run_test(size=(40, 5)) as pilot:
        field = app.query_one(TextField)
        field.focus()
        await pilot.pause()
        layouts = []
        original = app.screen._refresh_layout

        def counting(*args, **kwargs):
            layouts.append(args)
            return original(*args, **kwargs)

        app.screen._refresh_layout = counting
        await pilot.press(*"hello")
        await pilot.pause()
        assert field.value == "hello"
        assert layouts == []


async def test_it_is_still_an_input_for_queries_and_css() -> None:
    app = OneField()
    async with app.run_test(size=(40, 5)):
        assert app.query_one("#field", Input) is app.query_one(TextField)
        assert app.query_one(TextField).styles.width.value == 20
