"""The palette's "Import a calendar": a path typed, `prep import`'s summary shown.

The same store function and the same summary words as the command; the
import runs in a worker thread, so a big folder does not freeze the screen.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

if TYPE_CHECKING:
    from prep.tui.app import PrepApp


class ImportCalendarScreen(ModalScreen[str | None]):
    """Asks for an .ics file or a folder; dismisses with the path, or None."""

    DEFAULT_CSS = """
    ImportCalendarScreen { align: center middle; }
    #import-dialog { width: 70; max-width: 100%; height: auto; border: round $primary;
        padding: 1 2; background: $surface; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="import-dialog"):
            yield Static("Import meetings from a calendar: an .ics file or a folder of them")
            yield Input(placeholder="~/Downloads/calendar.ics", id="import-path")
            yield Static("Enter imports; Escape cancels. Safe to repeat.", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        path = event.value.strip()
        self.dismiss(path or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


def ask_and_import(app: PrepApp) -> None:
    """Push the prompt; import what it names."""

    def chosen(path: str | None) -> None:
        if path:
            _import(app, path)

    app.push_screen(ImportCalendarScreen(), chosen)


def _import_in_thread(app: PrepApp, path: str) -> None:
    from prep.domain.calendar_events import default_window, window_text
    from prep.domain.calendar_summary import summary_lines
    from prep.store import StoreError
    from prep.store.calendar_import import import_paths

    start, end = default_window(app.clock.now())
    try:
        results = import_paths(
            app.store,
            [path],
            start=start,
            end=end,
            me=app.settings.my_addresses,
            default_minutes=app.settings.meeting_length,
        )
    except StoreError as error:
        app.call_from_thread(app.notify, str(error), severity="error", markup=False)
        return
    lines = summary_lines(results, False, window_text(start.date(), end.date()))
    refused = any(r.summary is None for r in results)
    app.call_from_thread(_show, app, "\n".join(lines[1:]), refused)


def _import(app: PrepApp, path: str) -> None:
    app.run_worker(partial(_import_in_thread, app, path), thread=True, exit_on_error=False)


def _show(app: PrepApp, summary: str, refused: bool) -> None:
    app.notify(
        summary,
        title="Calendar import",
        severity="error" if refused else "information",
        timeout=12,
        markup=False,
    )
    refresh = getattr(app.screen, "refresh_agenda", None)
    if callable(refresh):
        refresh()
