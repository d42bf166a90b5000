"""The key footer, rebuilt once per screen update instead of once per change."""

from __future__ import annotations

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
