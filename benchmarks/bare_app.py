"""Baselines: the least a Textual app can be, for prep to be compared with.

`python benchmarks/bare_app.py` runs `BareApp`: a Label and a Footer. It is
what the cold-start and memory benchmarks start as a whole process.
`python benchmarks/bare_app.py --full` runs `FullScreenApp` instead: no prep
code, but a screen as full as prep's agenda (a header, 300 rows of text in a
bordered list, 30 lines in a bordered panel beside it, a footer of eight
keys), to show what Textual alone needs to paint that much.
`BareInputApp` (one Input) and `BareScreenApp` (pushes an empty Screen on `s`)
are the in-process baselines for keystrokes and screen changes; `f` in
`BareScreenApp` pushes `FrameScreen`, the header, footer and one label that
every prep screen starts from, to show what that frame alone costs.
"""

from __future__ import annotations

import sys
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, OptionList, Static

MARKER = "bare app painted"


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Label(MARKER)
        yield Footer()


class FullScreenApp(App[None]):
    CSS = """
    OptionList { width: 3fr; border: round $primary; padding: 0 1; }
    Static { width: 2fr; border: round $secondary; padding: 1 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key, key, f"Action {key}") for key in "abcdefgh"
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield OptionList(
                MARKER,
                *(
                    f"  Fri 27 Nov  Meeting number {n:<26} Person {n % 40:<10}   ●●○○"
                    for n in range(300)
                ),
            )
            yield Static(
                "\n".join(f"Detail line {n}: some words about the meeting" for n in range(30))
            )
        yield Footer()


class BareInputApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Input(id="field")
        yield Footer()


class FrameScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop", "Back")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(MARKER)
        yield Footer()


class BareScreenApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "push", "Screen"),
        Binding("f", "push_frame", "Frame"),
        Binding("escape", "pop", "Back"),
    ]

    def compose(self) -> ComposeResult:
        yield Label(MARKER)
        yield Footer()

    def action_push(self) -> None:
        self.push_screen(Screen())

    def action_push_frame(self) -> None:
        self.push_screen(FrameScreen())

    def action_pop(self) -> None:
        if len(self.screen_stack) > 1:
            self.pop_screen()


if __name__ == "__main__":
    (FullScreenApp if "--full" in sys.argv[1:] else BareApp)().run()
