"""The only place prep uses Textual's private API (checked against Textual 8.2.8).

Textual offers no public hook for either need below, so each is done here and
nowhere else, and tests/tui/test_textual_private.py fails loudly, naming the
attribute, when an upgrade renames or changes one of them:

- An unhandled exception: Textual renders a full traceback (with local
  variables, which may quote your notes) into `App._exit_renderables` in
  `App._handle_exception`, and prints it to stderr from
  `App._print_error_renderables` once the terminal is restored. prep prints
  one line instead and keeps the traceback in a private file.
- The toasts on screen: `App._notifications` (there is no public reader) so
  that a message already showing is not stacked again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import App
from textual.notifications import Notification


class OneLineCrashes(App[Any]):
    """An app that reports an unhandled exception through `report_crash`,
    with no traceback on screen or on the terminal afterwards."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._first_crash: Exception | None = None

    def report_crash(self, error: Exception) -> None:
        """Called once the terminal is restored, with the first unhandled
        exception; Textual's own report is dropped."""
        raise NotImplementedError

    def _handle_exception(self, error: Exception) -> None:
        # Keep the first error: later ones are usually fallout from it.
        if self._first_crash is None:
            self._first_crash = error
        super()._handle_exception(error)

    def _print_error_renderables(self) -> None:
        if self._first_crash is None:
            super()._print_error_renderables()
            return
        self._exit_renderables.clear()  # the traceback Textual rendered
        self.report_crash(self._first_crash)


def notifications_shown(app: App[Any]) -> Iterable[Notification]:
    """The notifications the app is showing now (or about to)."""
    return app._notifications
