"""Each command is declared once: its key binding, its footer entry and its
palette entry all come from that declaration, and agree."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.actions import parse
from textual.binding import Binding
from textual.screen import Screen

from prep.domain.models import MeetingDraft
from prep.tui.app import PrepApp
from prep.tui.commands import Command, HasCommands
from prep.tui.screens.agenda import AgendaScreen
from prep.tui.screens.checklist import ChecklistScreen
from prep.tui.screens.debrief import DebriefScreen
from prep.tui.screens.meeting_form import MeetingFormScreen
from prep.tui.screens.people import PeopleScreen
from prep.tui.screens.review import ReviewScreen
from tests.helpers import at
from tests.tui.conftest import SIZE, paste

SCREENS = ["agenda", "people", "review", "form-new", "form-edit", "checklist", "debrief"]


def make_screen(name: str, store) -> Screen | None:
    """The screen to push on the agenda (None: the agenda itself)."""
    meeting = store.add_meeting(MeetingDraft("Renewal terms", "Priya", at(1, 15)))
    makers: dict[str, Callable[[], Screen]] = {
        "people": PeopleScreen,
        "review": ReviewScreen,
        "form-new": MeetingFormScreen,
        "form-edit": lambda: MeetingFormScreen(meeting),
        "checklist": lambda: ChecklistScreen(meeting),
        "debrief": lambda: DebriefScreen(meeting),
    }
    return makers[name]() if name in makers else None


def declared(node: HasCommands) -> list[Command]:
    return list(node.PREP_COMMANDS)


@pytest.mark.parametrize(
    "cls",
    [
        PrepApp,
        AgendaScreen,
        PeopleScreen,
        ReviewScreen,
        MeetingFormScreen,
        ChecklistScreen,
        DebriefScreen,
    ],
)
def test_the_bindings_are_exactly_the_declared_keys(cls):
    keyed = [command for command in cls.PREP_COMMANDS if command.key is not None]
    bindings = [binding for binding in cls.BINDINGS if isinstance(binding, Binding)]
    print(f"{cls.__name__}: {len(cls.PREP_COMMANDS)} commands, {len(bindings)} bindings")
    assert len(bindings) == len(cls.BINDINGS)
    assert [(b.key, b.action, b.description) for b in bindings] == [
        (c.key, c.action, c.footer) for c in keyed
    ]
    assert [(b.show, b.key_display, b.priority) for b in bindings] == [
        (c.show, c.key_display, c.priority) for c in keyed
    ]


@pytest.mark.parametrize("name", SCREENS)
async def test_every_command_has_one_key_in_bindings_footer_and_palette(make_app, store, name):
    screen = make_screen(name, store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        if screen is not None:
            await app.push_screen(screen)
            await pilot.pause()
        current = app.screen
        assert isinstance(current, HasCommands)
        footer = {
            (binding.action, binding.key, binding.description)
            for (node, binding, enabled, _) in app.active_bindings.values()
            if binding.show and enabled and node in (current, app)
        }
        palette = {title: help for title, help, *_ in app.get_system_commands(current)}
        commands = [*declared(current), *declared(app)]
        # Each key in the footer is a declared command's, with its label (a
        # key a focused widget takes, "?" in a text field, is not shown).
        keys = {
            (command.action, key.strip(), command.footer)
            for command in commands
            if command.key is not None and command.show
            for key in command.key.split(",")
        }
        assert footer and footer <= keys
        checked = 0
        for node in (current, app):
            assert isinstance(node, HasCommands)
            for command in declared(node):
                _, action, parameters = parse(command.action)
                if not node.check_action(action, parameters):
                    # Refused for now (Delete on a new meeting): neither shown nor offered.
                    assert command.title not in palette
                    assert command.action not in {action for action, *_ in footer}
                elif command.in_palette:
                    assert palette[command.title] == command.help
                    if command.key is not None and command.key_in_help:
                        # The palette names the key the binding has.
                        keys_named = {command.key_display, *command.key.split(","), "esc"}
                        assert palette[command.title].endswith(f"({command.spoken_key})")
                        assert command.spoken_key in keys_named
                checked += 1
        print(f"{name}: {checked} commands checked, {len(footer)} keys in the footer")


async def test_a_palette_entry_with_a_parameter_runs_it(make_app, store):
    meeting = store.add_meeting(MeetingDraft("Renewal terms", "Priya", at(1, 15)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(ChecklistScreen(meeting))
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await paste(pilot, "Go to: Brief")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#panes").current == "brief"


async def test_delete_is_offered_only_for_a_saved_meeting(make_app, store):
    meeting = store.add_meeting(MeetingDraft("Renewal terms", "Priya", at(1, 15)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(MeetingFormScreen())
        await pilot.pause()
        titles = [title for title, *_ in app.get_system_commands(app.screen)]
        assert "Save meeting" in titles and "Delete meeting" not in titles
        app.pop_screen()
        await app.push_screen(MeetingFormScreen(meeting))
        await pilot.pause()
        titles = [title for title, *_ in app.get_system_commands(app.screen)]
        assert "Delete meeting" in titles
