"""The key footer, rebuilt once per screen update instead of once per change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's Footer, without its repeated rebuilds.

    Footer rebuilds all its keys after every change of the screen's bindings,
    and a new screen changes them several times before its first paint (each
    move of the focus is one): opening the checklist rebuilt the footer seven
    times, each a few milliseconds per key. Rebuilds queued for the same
    screen update are collapsed into the first, which already shows the
    bindings as they are by then; a change after it queues a fresh one.

    Most moves of the focus leave the keys as they were (tab from one field
    to the next); a change that would show the keys the footer was last
    asked to show queues no rebuild at all. Rebuilding was the costly part of
    such a move: a quarter of the CPU of a keyboard walk through the checklist.
    """

    _rebuilt_this_update = False
    _asked: tuple[object, ...] | None = None  # the keys the last queued rebuild is for

    def bindings_changed(self, screen: Screen) -> None:
        shown = self._keys_for(screen)
        if self._bindings_ready and shown == self._asked:
            return
        # Footer queues a rebuild only in this case; the record follows it.
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._asked = shown
        super().bindings_changed(screen)

    def _keys_for(self, screen: Screen) -> tuple[object, ...]:
        """Everything Footer.compose reads to show `screen`'s keys."""
        get_key_display = self.app.get_key_display
        return (
            self.compact,
            self.show_command_palette,
            tuple(
                (name, get_key_display(binding), binding, enabled, tooltip)
                for name, (_, binding, enabled, tooltip) in screen.active_bindings.items()
            ),
        )

    async def recompose(self) -> None:
        if self._rebuilt_this_update:
            return
        self._rebuilt_this_update = True
        # Runs after everything queued so far (the repeats), before anything
        # queued from now on (later changes).
        self.call_after_refresh(self._allow_rebuild)
        await super().recompose()

    def _allow_rebuild(self) -> None:
        self._rebuilt_this_update = False
