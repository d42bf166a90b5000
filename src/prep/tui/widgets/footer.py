"""The key footer, rebuilt once per screen update instead of once per change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's Footer, without its repeated rebuilds.

    Footer rebuilds all its keys after every change of the screen's bindings,
    and a new screen changes them several times before its first paint (each
    move of the focus is one): opening the checklist rebuilt the footer seven
    times, each a few milliseconds per key. Rebuilds queued for the same
    screen update are collapsed into the first, which already shows the
    bindings as they are by then; a change after it queues a fresh one.
    """

    _rebuilt_this_update = False
    _shown: tuple[object, ...] | None = None  # what the last rebuild showed

    async def recompose(self) -> None:
        if self._rebuilt_this_update:
            return
        # Most moves of the focus leave the keys as they were (tab from one
        # field to the next): rebuilding them then cost more than the move
        # (a quarter of the CPU of a keyboard walk through the checklist).
        shown = self._what_compose_shows()
        if shown is not None and shown == self._shown:
            return
        self._rebuilt_this_update = True
        # Runs after everything queued so far (the repeats), before anything
        # queued from now on (later changes).
        self.call_after_refresh(self._allow_rebuild)
        await super().recompose()

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
