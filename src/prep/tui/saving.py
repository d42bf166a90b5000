"""Save-as-you-type: collapse bursts of keystrokes into one write per field."""

from __future__ import annotations

from collections.abc import Callable

from textual.timer import Timer
from textual.widget import Widget

from prep.domain.models import ValidationError
from prep.store import StoreError

# Long enough to skip most keystrokes in a burst, short enough that a killed
# terminal loses at most the last fraction of a second of typing.
SAVE_DELAY = 0.3


class DebouncedSaver:
    """Runs the latest pending save for each key once typing pauses.

    `owner` provides the timer and the place to show errors. A failed save is
    reported and kept pending, so the next change or `flush()` retries it:
    what was typed stays on screen and is not lost.
    """

    def __init__(self, owner: Widget, on_saved: Callable[[], None] | None = None) -> None:
        self._owner = owner
        self._pending: dict[str, Callable[[], object]] = {}
        self._timer: Timer | None = None
        self._on_saved = on_saved

    def schedule(self, key: str, save: Callable[[], object]) -> None:
        self._pending[key] = save
        if self._timer is not None:
            self._timer.stop()
        self._timer = self._owner.set_timer(SAVE_DELAY, self.flush)

    def now(self, key: str, save: Callable[[], object]) -> None:
        """Save at once (for choices and check boxes: one press, one write)."""
        self._pending[key] = save
        self.flush()

    def flush(self) -> bool:
        """Run every pending save now. Returns False if any failed."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        ok = True
        for key, save in list(self._pending.items()):
            try:
                save()
            except ValidationError as error:
                # Retrying cannot help; the text stays on screen with the reason.
                del self._pending[key]
                ok = False
                self._owner.notify(str(error), title="Not saved", severity="error", markup=False)
                continue
            except StoreError as error:
                ok = False
                self._owner.notify(f"{error} Your text is kept; prep will try again.",
                                   title="Not saved yet", severity="error", markup=False)
                continue
            # A newer save for the same key may have arrived during save().
            if self._pending.get(key) is save:
                del self._pending[key]
        if self._on_saved is not None:
            self._on_saved()
        return ok

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)
