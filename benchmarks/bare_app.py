"""Baselines: the least a Textual app can be, for prep to be compared with.

`python benchmarks/bare_app.py` runs `BareApp`: a Label and a Footer. It is
what the cold-start and memory benchmarks start as a whole process.
`BareInputApp` (one Input) and `BareScreenApp` (pushes an empty Screen on `s`)
are the in-process baselines for keystrokes and screen changes; `f` in
`BareScreenApp` pushes `FrameScreen`, the header, footer and one label that
every prep screen starts from, to show what that frame alone costs.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label

MARKER = "bare app painted"


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Label(MARKER)
        yield Footer()


class BareInputApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Input(id="field")
        yield Footer()


class FrameScreen(Screen[None]):
    BINDINGS = [Binding("escape", "app.pop", "Back")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(MARKER)
        yield Footer()


class BareScreenApp(App[None]):
    BINDINGS = [Binding("s", "push", "Screen"), Binding("f", "push_frame", "Frame"),
                Binding("escape", "pop", "Back")]

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
    BareApp().run()
