"""Save-as-you-type: collapse bursts of keystrokes into one write per field."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any, ClassVar

from textual import on
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Checkbox, Input, TextArea

from prep.domain.models import ValidationError
from prep.store import StoreError
from prep.tui.widgets.assertiveness_scale import AssertivenessScale
from prep.tui.widgets.choice import Choice

NOT_LOADED = object()  # see SaveAsYouTypeScreen.loaded_value

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


class SaveAsYouTypeScreen(Screen[None]):
    """A screen whose fields save themselves as the person works.

    Any Input, TextArea, Choice, Checkbox or assertiveness scale whose id is
    in `FIELDS` saves to that field: typing after a short pause, choices at
    once. Leaving the screen, or quitting the app from it, saves what is
    still pending. The checklist and the debrief are built on this.
    """

    FIELDS: ClassVar[Collection[str]] = ()

    def __init__(self) -> None:
        super().__init__()
        self.saver = DebouncedSaver(self, on_saved=self._saved)
        self._leaving = False
        self._edited: set[str] = set()  # fields changed since the screen opened

    def loaded_value(self, field: str) -> Any:
        """The value `field`'s widget was built with; NOT_LOADED if it was built
        empty and filled without announcing it (as the checklist's steps are)."""
        return NOT_LOADED

    def _announces_what_it_was_built_with(self, field: str, value: Any) -> bool:
        """True for a text field's first change when that is only its initial
        value: an Input built with a value announces it as it mounts, and
        saving it back would be a write for nothing on opening the screen.
        After that first change every change is saved, even back to the
        original text, since a save may be pending in between."""
        if field in self._edited:
            return False
        self._edited.add(field)
        return value == self.loaded_value(field)

    def save_field(self, field: str, value: Any) -> None:
        """Write one field to the store."""
        raise NotImplementedError

    def after_save(self) -> None:
        """Redraw what depends on saved data (what is left to do, readiness)."""

    def _saved(self) -> None:
        if not self._leaving:  # the widgets are gone once the screen unmounts
            self.after_save()

    def _later(self, field: str, value: Any) -> None:
        self.saver.schedule(field, lambda: self.save_field(field, value))

    def _now(self, field: str, value: Any) -> None:
        self.saver.now(field, lambda: self.save_field(field, value))

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _text_changed(self, event: Input.Changed | TextArea.Changed) -> None:
        widget = event.control
        if widget is None or widget.id not in self.FIELDS:
            return
        value = widget.value if isinstance(widget, Input) else widget.text
        if not self._announces_what_it_was_built_with(widget.id, value):
            self._later(widget.id, value)

    @on(Choice.Changed)
    @on(Checkbox.Changed)
    def _choice_changed(self, event: Choice.Changed | Checkbox.Changed) -> None:
        widget = event.control
        if widget is not None and widget.id in self.FIELDS:
            self._now(widget.id, None if event.value is Choice.NO_CHOICE else event.value)

    @on(AssertivenessScale.Changed)
    def _level_changed(self, event: AssertivenessScale.Changed) -> None:
        if event.control.id in self.FIELDS:
            self._now(event.control.id, event.level)

    @on(Input.Submitted)
    def _enter_moves_on(self, event: Input.Submitted) -> None:
        # Enter leaves a field for the next, like tab.
        if event.input.id in self.FIELDS:
            self.focus_next()

    def action_back(self) -> None:
        self.saver.flush()
        self.dismiss(None)

    def on_unmount(self) -> None:
        self._leaving = True
        self.saver.flush()
