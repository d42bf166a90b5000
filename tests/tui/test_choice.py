"""Choice: one of a few options, picked in place by keyboard or mouse."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input

from prep.tui.widgets.choice import Choice

RATINGS = [("1 · Poor", 1), ("2 · Weak", 2), ("3 · OK", 3), ("4 · Good", 4)]


class Form(App[None]):
    def __init__(self, **choice_options) -> None:
        super().__init__()
        self.choice_options = choice_options
        self.changes: list[object] = []

    def compose(self) -> ComposeResult:
        yield Choice(RATINGS, prompt="How did it go?", id="rating", **self.choice_options)
        yield Input(id="after")

    def on_choice_changed(self, event: Choice.Changed) -> None:
        assert event.control is self.query_one(Choice)
        self.changes.append(event.value)


async def test_arrows_step_from_the_prompt_and_stop_at_the_ends() -> None:
    app = Form()
    async with app.run_test() as pilot:
        choice = app.query_one(Choice)
        choice.focus()
        assert choice.value is Choice.NO_CHOICE
        assert "How did it go?" in str(choice.render())
        await pilot.press("right", "right")
        assert choice.value == 2
        assert "2 · Weak" in str(choice.render())
        await pilot.press("right", "right", "right", "right")  # stops at the last
        assert choice.value == 4
        await pilot.press("left", "left", "left", "left", "left")  # back to the prompt
        assert choice.value is Choice.NO_CHOICE
        assert app.changes == [1, 2, 3, 4, 3, 2, 1, Choice.NO_CHOICE]


async def test_digits_letters_home_end_and_backspace() -> None:
    app = Form()
    async with app.run_test() as pilot:
        choice = app.query_one(Choice)
        choice.focus()
        await pilot.press("3")
        assert choice.value == 3
        await pilot.press("9")  # no ninth option: ignored
        assert choice.value == 3
        await pilot.press("²", "٣")  # isdigit() says yes to both; neither is a choice here
        assert choice.value == 3
        await pilot.press("end")
        assert choice.value == 4
        await pilot.press("home")
        assert choice.value == 1
        await pilot.press("backspace")
        assert choice.value is Choice.NO_CHOICE


async def test_a_letter_jumps_to_the_next_option_starting_with_it() -> None:
    class Owners(App[None]):
        def compose(self) -> ComposeResult:
            yield Choice([("Me", "me"), ("Them", "them"), ("Team", "team")], allow_blank=False)

    app = Owners()
    async with app.run_test() as pilot:
        choice = app.query_one(Choice)
        choice.focus()
        assert choice.value == "me"  # no blank: starts on the first option
        await pilot.press("t")
        assert choice.value == "them"
        await pilot.press("t")
        assert choice.value == "team"
        await pilot.press("t")
        assert choice.value == "them"
        await pilot.press("backspace", "left", "left")  # no blank to clear to
        assert choice.value == "me"


async def test_enter_moves_on_to_the_next_field() -> None:
    app = Form()
    async with app.run_test() as pilot:
        app.query_one(Choice).focus()
        await pilot.press("enter")
        assert app.focused is app.query_one("#after")


async def test_setting_the_value_in_code_shows_it_without_a_changed_message() -> None:
    app = Form(value=4)
    async with app.run_test() as pilot:
        choice = app.query_one(Choice)
        assert "4 · Good" in str(choice.render())
        choice.value = 1
        await pilot.pause()
        assert "1 · Poor" in str(choice.render())
        assert app.changes == []


async def test_clicks_step_back_on_the_left_arrow_and_on_elsewhere() -> None:
    app = Form(value=2)
    async with app.run_test() as pilot:
        await pilot.click(Choice, offset=(10, 0))
        assert app.query_one(Choice).value == 3
        await pilot.click(Choice, offset=(0, 0))
        assert app.query_one(Choice).value == 2


async def test_a_disabled_choice_cannot_be_changed() -> None:
    app = Form(disabled=True)
    async with app.run_test() as pilot:
        choice = app.query_one(Choice)
        await pilot.click(Choice, offset=(10, 0))
        await pilot.press("right")
        assert choice.value is Choice.NO_CHOICE
        assert not choice.has_focus
