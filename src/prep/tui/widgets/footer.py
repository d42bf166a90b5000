"""The key footer, rebuilt only when the keys it shows have changed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer

from prep.tui.textual_private import forget_removed_watchers


class KeyFooter(Footer):
    """Textual's Footer, without its needless rebuilds.

    Footer rebuilds all its keys after every change of the screen's bindings:
    each move of the focus is one, and so is a screen shown again (a kept
    screen refilled, the agenda after a screen closes), whether or not the
    keys shown differ, and even while its screen is covered. Each rebuild
    mounts and styles a widget per key: a quarter of the CPU of a keyboard
    walk through the checklist, and 88 ms of the 600 ms profiled in
    refilling it (`python3 dev.py bench` measures screen changes). So it
    rebuilds only when its screen is in sight and what it would show differs
    from what it shows; and rebuilds queued for the same screen update are
    collapsed into the first, which already shows the bindings as they are
    by then.
    """

    _rebuilt_this_update = False
    _shown: tuple[object, ...] | None = None  # what the last rebuild showed

    async def recompose(self) -> None:
        if self._rebuilt_this_update or not self._in_sight():
            # A screen out of sight is told its bindings changed as it is
            # covered (and when the focus on the screen above changes which
            # app keys apply): it rebuilds when shown again, as Textual tells
            # a screen resumed that its bindings changed.
            return
        shown = self._what_compose_shows()
        if shown is not None and shown == self._shown:
            return
        self._rebuilt_this_update = True
        # Runs after everything queued so far (the repeats), before anything
        # queued from now on (later changes).
        self.call_after_refresh(self._allow_rebuild)
        await super().recompose()
        forget_removed_watchers(self)  # each old key was bound to this footer

    def _in_sight(self) -> bool:
        if not self.is_attached or self._pruning:
            return False  # being removed (a dialog closing): nothing to show
        # Screen.is_current counts the screen under an opaque one as visible.
        top = self.app.screen
        return self.screen is top or (top.styles.background.a < 1 and self.screen.is_current)

    def _allow_rebuild(self) -> None:
        self._rebuilt_this_update = False

    def compose(self) -> ComposeResult:
        # Read as Footer.compose reads the bindings, with no await between.
        self._shown = self._what_compose_shows()
        yield from super().compose()

    def _what_compose_shows(self) -> tuple[object, ...] | None:
        """Everything Footer.compose reads, or None before it shows keys."""
        if not (self._bindings_ready and self.is_attached):
            return None
        get_key_display = self.app.get_key_display
        return (
            self.compact,
            self.show_command_palette,
            tuple(
                (name, get_key_display(binding), binding, enabled, tooltip)
                for name, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            ),
        )
