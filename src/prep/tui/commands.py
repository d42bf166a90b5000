"""Each command declared once: its key binding, footer label and palette entry.

A screen lists its `Command`s in `PREP_COMMANDS` (Textual's own `COMMANDS`
names the palette's providers) and sets `BINDINGS = bindings(PREP_COMMANDS)`;
the app's `get_system_commands` lists the same declarations in the command
palette. So a key, its footer label and its palette entry cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from textual.actions import parse
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.widget import Widget

# How the palette's help names a key Binding spells otherwise.
_SPOKEN_KEYS = {"escape": "esc"}


@dataclass(frozen=True)
class Command:
    """One thing a person can do on a screen.

    `key` None: a palette entry only. `palette_help` None: a key only (in the
    footer unless `show` is False). The palette's help ends with the key in
    brackets, "(ctrl+s)", unless `key_in_help` is False.
    """

    action: str  # run on the screen (or the app) that declares it: "week(-1)"
    key: str | None = None  # Textual's key names, comma-separated: "d,delete"
    footer: str = ""  # the footer's label (the binding's description)
    palette_title: str | None = None  # defaults to the footer label
    palette_help: str | None = None
    key_display: str | None = None
    show: bool = True
    priority: bool = False
    tooltip: str = ""
    key_in_help: bool = True
    palette_first: bool = False  # listed before the others, wherever its key is

    def binding(self) -> Binding:
        assert self.key is not None, f"{self.action} has no key"
        return Binding(
            self.key,
            self.action,
            self.footer,
            show=self.show,
            key_display=self.key_display,
            priority=self.priority,
            tooltip=self.tooltip,
        )

    @property
    def in_palette(self) -> bool:
        return self.palette_help is not None

    @property
    def title(self) -> str:
        return self.palette_title or self.footer

    @property
    def help(self) -> str:
        help = self.palette_help or ""
        if self.key is None or not self.key_in_help:
            return help
        return f"{help} ({self.spoken_key})"

    @property
    def spoken_key(self) -> str:
        """The key as the palette's help writes it: "/", "esc", "ctrl+s"."""
        assert self.key is not None
        first = self.key.split(",")[0].strip()
        return self.key_display or _SPOKEN_KEYS.get(first, first)


def bindings(commands: Iterable[Command]) -> list[BindingType]:
    """The key bindings of those commands that have a key, in their order."""
    return [command.binding() for command in commands if command.key is not None]


class HasCommands:
    """A screen (or the app) whose keys and palette entries are `Command`s."""

    PREP_COMMANDS: ClassVar[Sequence[Command]] = ()


def palette_entries(
    node: Widget | App[object], commands: Iterable[Command]
) -> Iterable[SystemCommand]:
    """The palette entries of `commands`, run on `node`; those its
    `check_action` refuses now (Delete on a new meeting) are left out, as
    their keys are."""
    for command in sorted(commands, key=lambda command: not command.palette_first):
        if not command.in_palette:
            continue
        _, name, parameters = parse(command.action)
        if not node.check_action(name, parameters):
            continue
        run: Callable[[], object] = partial(node.run_action, command.action)
        yield SystemCommand(command.title, command.help, run)


# On the agenda and the people screen alike.
SEARCH = Command(
    "search",
    "slash",
    "Search",
    palette_help="Find a meeting by anything written in it",
    key_display="/",
    palette_first=True,
)

# On the checklist and the debrief: the same meeting, during the call. Not
# priority: in a text field "c" is a letter.
CALL_THIS_MEETING = Command(
    "call",
    "c",
    "Call",
    palette_title="Call mode",
    palette_help="This meeting at a glance, during the call",
    show=False,
)

# On the checklist and the debrief, which save what is pending as they close.
BACK_SAVING = Command(
    "back",
    "escape",
    "Back",
    palette_title="Back to the agenda",
    palette_help="Saves first",
)
