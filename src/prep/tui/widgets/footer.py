"""The key footer, rebuilt only when the keys it shows have changed."""

from __future__ import annotations

from collections.abc import Hashable

from textual.widgets import Footer

from prep.tui.textual_private import forget_removed_watchers


class KeyFooter(Footer):
    """Textual's Footer, without its needless rebuilds.

    Footer rebuilds all its keys after every change of the screen's bindings,
    and a screen changes them several times before its first paint (each
    move of the focus is one), again each time it comes back (a kept screen
    refilled, the agenda after a screen closes), whether or not the keys
    shown differ. Each rebuild mounts and styles a widget per key: 88 ms of
    the 600 ms profiled in refilling the checklist (`python3 dev.py bench`
    measures screen changes). So it rebuilds only when what it would show
    differs from what it shows; and rebuilds queued for the same screen
    update are collapsed into the first, which already shows the bindings as
    they are by then.
    """

    _rebuilt_this_update = False
    _showing: Hashable = None

    def _keys_to_show(self) -> Hashable:
        """Everything Footer.compose draws from, as one comparable value."""
        shown = tuple(
            (
                binding.key,
                binding.action,
                binding.description,
                binding.key_display,
                binding.group.description if binding.group else None,
                binding.show,
                enabled,
                tooltip,
                binding.tooltip,
            )
            # The palette's key is drawn whether `show` or not.
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
        )
        return shown, self.show_command_palette, self.compact, self._bindings_ready

    async def recompose(self) -> None:
        if self._rebuilt_this_update or not self.is_attached:
            return
        showing = self._keys_to_show()
        if showing == self._showing:
            return
        self._rebuilt_this_update = True
        # Runs after everything queued so far (the repeats), before anything
        # queued from now on (later changes).
        self.call_after_refresh(self._allow_rebuild)
        await super().recompose()
        self._showing = showing
        forget_removed_watchers(self)  # each old key is bound to this footer

    def _allow_rebuild(self) -> None:
        self._rebuilt_this_update = False
