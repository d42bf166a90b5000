"""The application shell: holds the store and clock, routes to screens."""

from __future__ import annotations

from collections.abc import Iterable

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from prep.domain.clock import Clock
from prep.store import Store
from prep.tui.screens.agenda import AgendaScreen
from prep.tui.screens.keys_in_order import KeysOneAtATime


class PrepApp(KeysOneAtATime, App[None]):
    """prep's terminal interface over one `Store`."""

    TITLE = "prep"
    SUB_TITLE = "meeting prep, debriefs and weekly review"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(self, store: Store, clock: Clock | None = None) -> None:
        super().__init__()
        self.store = store
        # One clock for the screens and the rows they write: a clock given
        # here (a test's, the screenshots') becomes the store's too.
        if clock is not None:
            store.clock = clock
        self.clock: Clock = store.clock

    def get_default_screen(self) -> Screen:
        return AgendaScreen()

    def on_mount(self) -> None:
        # After the first paint, load in the background what the first save
        # and the first typed date will need, so neither stalls a keystroke.
        self.call_after_refresh(self._warm_up)

    @work(thread=True, exit_on_error=False, group="warm-up")
    def _warm_up(self) -> None:
        import gc

        import dateutil.parser  # noqa: F401 - parsing "tomorrow 3pm"
        import sqlite_utils  # noqa: F401 - the store's writes

        # Everything loaded so far (Textual, Rich, prep, the agenda) lives as
        # long as the app. Freezing it keeps the garbage collector's full
        # passes from walking those objects again and again: before this,
        # collections took a third of the CPU of opening a checklist.
        gc.freeze()

        # The full integrity check reads every page, so it runs here, after
        # the first paint, rather than at opening.
        problem = self.store.integrity_problem()
        if problem:
            self.call_from_thread(
                self.notify,
                f"{self.store.path} looks damaged ({problem}). Restore it from a backup; "
                "`sqlite3 FILE .recover` may rescue the data.",
                title="Database damaged", severity="error", timeout=60, markup=False,
            )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette lists the current screen's actions first, then the app's."""
        commands = getattr(screen, "palette_commands", None)
        if commands is not None:
            yield from commands()
        yield SystemCommand("Help", "What each screen is for, and the keys", self.action_help)
        yield from super().get_system_commands(screen)

    # -- never a traceback on screen ------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        # Keep the first error: later ones are usually fallout from it.
        if getattr(self, "_crash", None) is None:
            self._crash = error
        super()._handle_exception(error)

    def _print_error_renderables(self) -> None:
        """On a crash, print one line and keep the traceback in a private file."""
        import sys

        from prep.tui.crash import crash_message, write_crash_log

        crash = getattr(self, "_crash", None)
        if crash is None:
            super()._print_error_renderables()
            return
        self._exit_renderables.clear()
        try:
            log = write_crash_log(self.store.path.parent, crash, self.clock.now())
        except OSError:
            log = None
        print(crash_message(log), file=sys.stderr)

    def action_help(self) -> None:
        from prep.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
