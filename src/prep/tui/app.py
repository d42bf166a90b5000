"""The application shell: holds the store and clock, routes to screens."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App, SystemCommand
from textual.notifications import Notify
from textual.screen import Screen

from prep.domain.clock import Clock
from prep.domain.settings import Settings
from prep.store import Store
from prep.tui.commands import Command, HasCommands, bindings, palette_entries
from prep.tui.screens.agenda import AgendaScreen
from prep.tui.screens.keys_in_order import KeysOneAtATime
from prep.tui.textual_private import OneLineCrashes, notifications_shown
from prep.tui.undo import PendingUndo, can_undo, take_back

if TYPE_CHECKING:
    from prep.tui.saving import DebouncedSaver


class PrepApp(KeysOneAtATime, HasCommands, OneLineCrashes, App[None]):
    """prep's terminal interface over one `Store`."""

    TITLE = "prep"
    SUB_TITLE = "meeting prep, debriefs and weekly review"
    CSS_PATH = "app.tcss"
    PREP_COMMANDS = (
        Command(
            "help",
            "question_mark",
            "Help",
            palette_help="What each screen is for, and the keys",
            key_display="?",
            key_in_help=False,
        ),
        Command("quit", "ctrl+q", "Quit", priority=True),
        # Shown only while a text area you can write in has the focus.
        Command("edit_in_editor", "ctrl+g", "Editor", tooltip="Write this text in $EDITOR"),
        # Shown for a few seconds after a delete or a merge (prep.tui.undo).
        Command("undo", "ctrl+z", "Undo"),
        Command(
            "import",
            palette_title="Import a calendar",
            palette_help="Add meetings from an .ics file or folder",
        ),
    )
    BINDINGS = bindings(PREP_COMMANDS)
    pending_undo: PendingUndo | None = None

    def __init__(
        self,
        store: Store,
        clock: Clock | None = None,
        settings: Settings | None = None,
        settings_file: Path | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        # Read once by cli.py; `settings_file` is where a theme chosen in the
        # palette is written back (None: not remembered, as in tests).
        self.settings = settings or Settings()
        self.settings_file = settings_file
        self.startup_problems: list[str] = []  # shown as notifications once up
        # One clock for the screens and the rows they write: a clock given
        # here (a test's, the screenshots') becomes the store's too.
        if clock is not None:
            store.clock = clock
        self.clock: Clock = store.clock
        self._orphan_savers: list[DebouncedSaver] = []  # see keep_retrying
        # One screen of each meeting kind, kept to be refilled (prep.tui.kept_screens).
        self.kept_screens: dict[Callable[..., Screen[Any]], Screen[Any]] = {}

    def get_default_screen(self) -> Screen:
        return AgendaScreen()

    def on_mount(self) -> None:
        # After the first paint, load in the background what the first save
        # and the first typed date will need, so neither stalls a keystroke.
        self.call_after_refresh(self._warm_up)
        self._save_before_stopping()
        from prep.tui.theme import apply_settings_theme

        apply_settings_theme(self)

    # -- nothing typed is lost, however prep is stopped ------------------------------------

    def flush_saves(self) -> None:
        """Write every open screen's pending saves now (a screen under a
        dialog or the help has its own), and those closed screens left."""
        from prep.tui.saving import DebouncedSaver

        # A kept screen off the stack may still be retrying a refused save.
        open_screens = [*self.screen_stack, *self.kept_screens.values()]
        for screen in dict.fromkeys(open_screens):
            # Any screen may have one (the checklist, the debrief, the forms).
            saver = getattr(screen, "saver", None)
            if isinstance(saver, DebouncedSaver):
                saver.flush()
        for saver in self._left_by_closed_screens():
            saver.flush()

    def keep_retrying(self, saver: DebouncedSaver) -> None:
        """Adopt the saves a closing screen could not write (the database was
        busy); the saver now retries them on the app's timers."""
        self._left_by_closed_screens().append(saver)

    def _left_by_closed_screens(self) -> list[DebouncedSaver]:
        self._orphan_savers[:] = [saver for saver in self._orphan_savers if saver.has_pending]
        return self._orphan_savers

    def on_unmount(self) -> None:
        # Quitting: one last try for what closed screens could not save.
        for saver in self._left_by_closed_screens():
            saver.flush()

    def _save_before_stopping(self) -> None:
        """Flush pending saves on SIGTERM and SIGHUP (then exit cleanly) and
        before suspending.

        Without handlers SIGTERM and SIGHUP (the terminal closed) end Python
        at once, and Textual offers no hook for them. asyncio's handlers run
        the callback in the event loop, between messages, so a flush never
        lands in the middle of a write already under way.
        """
        if self.is_headless:
            return  # under Pilot the process, and its signals, are the test runner's
        import asyncio
        import signal

        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGHUP):
            loop.add_signal_handler(number, self._stop_on_signal, number)
        # Textual's driver suspends on SIGTSTP with a plain signal handler;
        # ours saves first, then hands over to it.
        suspend = signal.getsignal(signal.SIGTSTP)
        if callable(suspend):
            loop.add_signal_handler(signal.SIGTSTP, self._suspend_on_signal, suspend)
        self.app_suspend_signal.subscribe(self, lambda _app: self.flush_saves(), immediate=True)

    def _stop_on_signal(self, number: int) -> None:
        self.flush_saves()
        self.exit(return_code=128 + number)

    def _suspend_on_signal(self, suspend) -> None:
        import signal

        self.flush_saves()
        suspend(signal.SIGTSTP, None)

    def on_app_blur(self) -> None:
        # The person went to another window, perhaps another prep on this file.
        self.flush_saves()

    def on_app_focus(self) -> None:
        # Back from another window: show what it changed in the field in focus.
        # Only the screens that save as you type have it.
        show_newer_text = getattr(self.screen, "show_newer_text", None)
        if show_newer_text is not None:
            show_newer_text(self.screen.focused)

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
        # the first paint, rather than at opening; at most once a day.
        problem = self.store.check_integrity_daily()
        if problem:
            self.call_from_thread(self._say_damaged, problem)

    def _say_damaged(self, problem: str) -> None:
        """Once, where the person is looking: the file is damaged, saving has
        stopped (the store refuses it), and how to get the data back."""
        from prep.store.errors import damaged_error

        self.notify(
            str(damaged_error(self.store.path, problem)),
            title="Database damaged",
            severity="error",
            timeout=120,
            markup=False,
        )

    def on_notify(self, event: Notify) -> None:
        """A message already on screen is not stacked again: a save that keeps
        failing (a full disk, a damaged file) says so once while it shows, not
        at every pause in typing."""
        new = event.notification
        if any(
            (shown.title, shown.message) == (new.title, new.message)
            for shown in notifications_shown(self)
        ):
            event.prevent_default()  # App's own handler would show it again

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette lists the current screen's actions first, then the app's."""
        if isinstance(screen, HasCommands):
            yield from palette_entries(screen, screen.PREP_COMMANDS)
        yield from palette_entries(self, self.PREP_COMMANDS)
        yield from super().get_system_commands(screen)

    # -- never a traceback on screen ------------------------------------------------

    def report_crash(self, crash: Exception) -> None:
        """On a crash, print one line and keep the traceback in a private file."""
        import sys

        from prep.tui.crash import crash_message, write_crash_log

        try:
            log = write_crash_log(self.store.path.parent, crash, self.clock.now())
        except OSError:
            log = None
        print(crash_message(log), file=sys.stderr)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "edit_in_editor":
            from prep.tui.editor import can_edit

            return can_edit(self.focused)
        if action == "undo":
            return can_undo(self)
        return True

    def action_undo(self) -> None:
        take_back(self)

    def action_edit_in_editor(self) -> None:
        from prep.tui.editor import edit_focused_text

        edit_focused_text(self)

    def action_import(self) -> None:
        from prep.tui.screens.import_calendar import ask_and_import

        ask_and_import(self)

    def action_help(self) -> None:
        from prep.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
