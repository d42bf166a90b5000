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
- A kept screen shown again (prep.tui.kept_screens): Textual restyles every
  widget of a screen each time it is pushed (`ScreenResume.refresh_styles`,
  handled by `Screen._on_screen_resume`), although styles change only with
  the app's CSS (`App._css_update_count`, bumped by a theme change). That
  was a quarter of refilling the checklist. Textual itself skips it when
  popping back to a screen; prep skips it when the CSS has not changed.
- Watchers left by removed widgets (`DOMNode.__watchers`, Textual's list of
  who watches a reactive): a widget bound with `data_bind` (each key of the
  footer) stays in its parent's list after it is removed until the watched
  value changes, which for the footer's `compact` is never. A kept screen's
  footer rebuilt for each meeting kept every old key alive: 86–90 widgets
  a meeting (`python3 dev.py bench`, memory row).
- What a key repaints (`Compositor._get_renders`): to paint a change,
  Textual asks for the lines of every widget whose *clip* (the visible
  part of its parent) meets the changed area, then keeps only the changed
  lines. Inside a scrolling pane that is every widget of the pane, and the
  header and footer too: 21 widgets drawn for each letter typed into a
  checklist field. prep asks only widgets whose own visible part meets the
  changed area; the others' lines were thrown away anyway.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from textual import events
from textual._compositor import Compositor
from textual.app import App
from textual.geometry import Region
from textual.notifications import Notification
from textual.screen import Screen
from textual.strip import Strip


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


class RestylesOnlyWhenNeeded(Screen[Any]):
    """A screen restyled on being shown again only if the app's CSS changed
    (a theme chosen) since it last was."""

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual calls this before Screen's own handler (each class's in
        # MRO order), so the flag set here is the one Screen reads.
        current = self.app._css_update_count
        if self._css_update_count == current:
            event.refresh_styles = False
        self._css_update_count = current  # Screen's handler restyles if it was not


class PaintsOnlyWhatChanged(Screen[Any]):
    """A screen whose changes repaint only the widgets seen where they changed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        compositor = self._compositor
        whole_screen = compositor._get_renders

        def renders(crop: Region | None = None) -> Iterable[tuple[Region, Region, list[Strip]]]:
            return whole_screen() if crop is None else _renders_in(compositor, crop)

        compositor._get_renders = renders  # type: ignore[method-assign]


def _renders_in(
    compositor: Compositor, crop: Region
) -> Iterator[tuple[Region, Region, list[Strip]]]:
    """Compositor._get_renders for a changed area `crop`: the same lines of
    the same widgets, front to back, for each widget whose visible part
    meets `crop` (Textual's asks every widget whose clip does)."""
    for widget, (region, clip) in compositor.visible_widgets.items():
        visible = region.intersection(clip)
        if not (visible.width and visible.height and crop.overlaps(visible)):
            continue
        lines = Region(visible.x - region.x, visible.y - region.y, visible.width, visible.height)
        yield region, clip, widget.render_lines(lines)


def forget_removed_watchers(node: Any) -> None:
    """Drop the watchers of `node`'s reactives that belong to widgets since
    removed, as Textual itself does, but only when the watched value changes."""
    watchers: dict[str, list[tuple[Any, Any]]] = getattr(node, "__watchers", {})
    for name, pairs in watchers.items():
        watchers[name] = [
            (watcher, callback) for watcher, callback in pairs if not watcher._closing
        ]
