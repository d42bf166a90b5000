"""Save-as-you-type: collapse bursts of keystrokes into few writes, and never
leave a change unsaved for long.

What is guaranteed (README, "Where your data lives"): a change is written at
most SAVE_DELAY after typing pauses and at least every SAVE_AT_LEAST_EVERY
while it goes on; a write the database refuses is retried by itself, with
back-off, until it succeeds; leaving a screen, quitting, SIGTERM, SIGHUP and
suspending write whatever is pending first (see PrepApp.flush_saves).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection
from typing import Any, ClassVar

from textual import on
from textual.app import App
from textual.css.query import NoMatches
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, TextArea

from prep.domain.models import ValidationError
from prep.store import StoreBusyError, StoreError
from prep.tui.messages import ItemTicked
from prep.tui.typed import PrepScreen, prep_app
from prep.tui.widgets.assertiveness_scale import AssertivenessScale
from prep.tui.widgets.choice import Choice
from prep.tui.widgets.item_list import ItemList

NOT_LOADED = object()  # see SaveAsYouTypeScreen.loaded_value

# Long enough to skip most keystrokes in a burst, short enough that a killed
# terminal loses at most the last fraction of a second of typing.
SAVE_DELAY = 0.3
# Someone typing steadily never pauses for SAVE_DELAY; their text is still
# written this often (kill -9 after 20 s of steady typing kept nothing before).
SAVE_AT_LEAST_EVERY = 1.0
# Waits before retrying a save the database refused, then the last one again
# until it succeeds. Each retry of a busy database also waits out the busy
# timeout (5 s) before failing, so these are gaps, not the whole period.
RETRY_DELAYS = (1.0, 2.0, 4.0, 8.0)
# How long one save waits for another program's write before it counts as
# refused and goes to the retries above. The store's own timeout (5 s) would
# hold the screen that long on every try, since saves run on the UI thread
# (the held-lock soak saw no notice for 10 s).
SAVE_PATIENCE = 0.25
MIN_TIMER = 0.01


class DebouncedSaver:
    """Runs the latest pending save for each key: once typing pauses, and at
    least every SAVE_AT_LEAST_EVERY while it does not.

    `owner` provides the timers and the place to show messages. A save the
    database refuses stays pending and is retried on a timer with back-off;
    the person is told it is not saved yet and when the next try is, then
    "Saved." once it succeeds. Changes made meanwhile wait for that retry
    (each try can hold the screen for the busy timeout). `flush()` tries at
    once, whatever the timers say.
    """

    def __init__(self, owner: Widget, on_saved: Callable[[], None] | None = None) -> None:
        # The screen, until it closes; then the app (see `leave`).
        self._owner: Widget | App[object] = owner
        self._pending: dict[str, Callable[[], object]] = {}
        self._timer: Timer | None = None
        self._unsaved_since: float | None = None  # monotonic time of the oldest pending change
        self._failures = 0  # failed tries in a row; while > 0 the retry timer is running
        self._rejected: set[str] = set()  # keys whose text was refused as invalid
        self._on_saved = on_saved

    def schedule(self, key: str, save: Callable[[], object]) -> None:
        self._pending[key] = save
        now = time.monotonic()
        if self._unsaved_since is None:
            self._unsaved_since = now
        if self._failures:
            return  # the retry timer will write this too
        due = min(now + SAVE_DELAY, self._unsaved_since + SAVE_AT_LEAST_EVERY)
        # Never 0: Textual's Timer divides by its interval (a 0.0 timer
        # raised ZeroDivisionError when typing ran past the 1 s deadline).
        self._start_timer(max(MIN_TIMER, due - now))

    def now(self, key: str, save: Callable[[], object]) -> None:
        """Save at once (for choices and check boxes: one press, one write)."""
        self._pending[key] = save
        self.flush()

    def drop(self, key: str) -> None:
        """Forget a pending save (what it would write was discarded)."""
        self._pending.pop(key, None)
        if not self._pending:
            self._stop_timer()
            self._unsaved_since = None
            self._failures = 0

    def flush(self) -> bool:
        """Run every pending save now. Returns False if any failed."""
        self._stop_timer()
        with prep_app(self._owner).store.waiting_at_most(SAVE_PATIENCE):
            ok, refused = self._run_pending()
        if refused is not None:
            self._retry_later(refused)
        else:
            if self._failures:
                self._owner.notify("Saved. Everything you typed is in the database.", markup=False)
            self._failures = 0
        if not self._pending:
            self._unsaved_since = None
        elif self._timer is None:
            self._start_timer(SAVE_DELAY)  # a change made while saving
        if self._on_saved is not None:
            self._on_saved()
        return ok

    def _run_pending(self) -> tuple[bool, StoreError | None]:
        """Try each pending save once: (all saved?, the refusal to retry)."""
        ok = True
        refused: StoreError | None = None
        for key, save in list(self._pending.items()):
            try:
                save()
            except ValidationError as error:
                # Retrying cannot help; the text stays on screen with the reason.
                del self._pending[key]
                self._rejected.add(key)
                ok = False
                self._owner.notify(str(error), title="Not saved", severity="error", markup=False)
                continue
            except StoreBusyError as error:
                # The others would each wait out the busy timeout too: they
                # stay pending for the retry.
                refused = error
                ok = False
                break
            except StoreError as error:
                refused = error
                ok = False
                continue
            self._rejected.discard(key)
            # A newer save for the same key may have arrived during save().
            if self._pending.get(key) is save:
                del self._pending[key]
        return ok, refused

    def leave(self) -> None:
        """The owner is closing: save what is pending now. What the database
        still refuses is handed to the app, which goes on retrying it, so
        leaving a screen while another program holds the file loses nothing."""
        if not self.retrying:  # else it has just failed; don't wait out the lock again
            self.flush()
        if not self._pending:
            return
        app = self._owner.app
        self._stop_timer()
        self._owner = app
        self._on_saved = None  # the screen it redrew is gone
        self._start_timer(RETRY_DELAYS[0])
        # PrepApp's; a bare App (a widget's test) has none to hand it to.
        keep_retrying = getattr(app, "keep_retrying", None)
        if keep_retrying is not None:
            keep_retrying(self)

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    def is_unsaved(self, key: str) -> bool:
        """True if what is on screen for `key` may differ from the database:
        a save is pending, or the text was refused as invalid."""
        return key in self._pending or key in self._rejected

    @property
    def retrying(self) -> bool:
        """True while a refused save waits for its retry."""
        return self._failures > 0

    def _retry_later(self, error: StoreError) -> None:
        delay = RETRY_DELAYS[min(self._failures, len(RETRY_DELAYS) - 1)]
        self._failures += 1
        reason = (
            "the database is busy (another program is writing to it)"
            if isinstance(error, StoreBusyError)
            else str(error).rstrip(".")
        )
        self._owner.notify(
            f"Not saved yet: {reason}. Retrying in {delay:g} s… Your text stays here meanwhile.",
            severity="warning",
            timeout=delay + 1,
            markup=False,
        )
        self._start_timer(delay)

    def _start_timer(self, delay: float) -> None:
        self._stop_timer()
        self._timer = self._owner.set_timer(delay, self.flush, name="save")

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None


class SaveAsYouTypeScreen(PrepScreen[None]):
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
        # Text field: its text in the database when this window last read or
        # wrote it. A different text there later means another window wrote.
        self._known: dict[str, str] = {}

    def can_refill(self) -> bool:
        """True if this screen may be refilled for another meeting: nothing
        typed for this one is waiting to be written (prep.tui.kept_screens)."""
        return not self.saver.has_pending

    def start_over(self) -> None:
        """Forget what this screen knew of the fields it showed, before it is
        refilled for another meeting: a save's closure names the meeting it
        was made for, but which fields were edited and what text the
        database had belong to that meeting alone."""
        if self.saver.has_pending:  # (can_refill said not; a change since is saved)
            self.saver.flush()
        self._edited.clear()
        self._known.clear()
        self.saver = DebouncedSaver(self, on_saved=self._saved)

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

    def stored_value(self, field: str) -> Any:
        """What the database holds for `field` now, read afresh; NOT_LOADED if
        this screen cannot tell. It is how a second window on the same file
        notices that the other one changed a text field."""
        return NOT_LOADED

    def after_save(self) -> None:
        """Redraw what depends on saved data (what is left to do, readiness)."""

    def _saved(self) -> None:
        if not self._leaving:  # the widgets are gone once the screen unmounts
            self.after_save()

    def _later(self, field: str, value: Any) -> None:
        self.saver.schedule(field, lambda: self._save_typed(field, value))

    def _now(self, field: str, value: Any) -> None:
        self.saver.now(field, lambda: self.save_field(field, value))

    # -- another window on the same file ---------------------------------------------

    def _stored_text(self, field: str) -> str | None:
        try:
            value = self.stored_value(field)
        except StoreError:
            return None  # cannot tell now; the next focus or save looks again
        return value if isinstance(value, str) else None

    def _save_typed(self, field: str, text: str) -> None:
        """Save typed text. If another window changed the field since this one
        last looked, the person typing here wins, and is told what the other
        window had written, so it is not lost silently."""
        # One transaction: nothing can slip in between the look and the write.
        with self.app.store.writing():
            stored = self._stored_text(field)
            self.save_field(field, text)
        known = self._known.get(field)
        self._known[field] = text
        if known is not None and stored is not None and stored not in (known, text):
            self.notify(
                f"{self._label(field)} was also changed in another window. Yours is "
                f"saved; the other window had: “{_shorten(stored)}”",
                title="Changed in two windows",
                severity="warning",
                timeout=15,
                markup=False,
            )

    def show_newer_text(self, widget: Widget | None) -> None:
        """If another window changed this text field since this one last read
        it, show the newer text and say so (on focus, and when the terminal
        comes back). Call it before the field has taken any key since."""
        field = self._field_of(widget)
        if field is None or not isinstance(widget, (Input, TextArea)):
            return
        if self.saver.is_unsaved(field):
            return  # this window's own edit is not written yet; saving tells of a clash
        stored = self._stored_text(field)
        if stored is None:
            return
        self._known[field] = stored
        if _text_of(widget) == stored:
            return
        with widget.prevent(Input.Changed, TextArea.Changed):
            if isinstance(widget, Input):
                widget.value = stored
                widget.cursor_position = len(stored)
            else:
                widget.text = stored
                widget.move_cursor(widget.document.end)
        self.notify(
            f"{self._label(field)} was changed in another window; this is the newer text.",
            title="Updated",
            markup=False,
        )

    def _label(self, field: str) -> str:
        """The field's name as the screen shows it (its row's label), else its id in words."""
        try:
            row = self.query_one(f"#{field}").parent
        except NoMatches:  # the screen is closing
            row = None
        labels = (
            []
            if row is None
            else [label for label in row.query_children(Label) if label.has_class("field-label")]
        )
        name = str(labels[0].render()).strip() if labels else ""
        return f"“{name or field.replace('_', ' ').capitalize()}”"

    def set_focus(
        self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False
    ) -> None:
        # Here rather than on DescendantFocus: that message arrives after the
        # field may already have taken the next key, and replacing the text
        # then lost that key (1 run in 10 of the kill soak lost its first letter).
        moving = widget is not self.focused
        super().set_focus(widget, scroll_visible, from_app_focus)
        if moving:
            self.show_newer_text(widget)

    # -- changes -----------------------------------------------------------------------

    def _field_of(self, widget: Widget | None) -> str | None:
        """The id of `widget` if it is one of the fields this screen saves."""
        if widget is None or widget.id is None or widget.id not in self.FIELDS:
            return None
        return widget.id

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _text_changed(self, event: Input.Changed | TextArea.Changed) -> None:
        widget = event.control
        field = self._field_of(widget)
        if widget is None or field is None:
            return
        value = _text_of(widget)
        if not self._announces_what_it_was_built_with(field, value):
            self._later(field, value)

    @on(Choice.Changed)
    @on(Checkbox.Changed)
    def _choice_changed(self, event: Choice.Changed | Checkbox.Changed) -> None:
        field = self._field_of(event.control)
        if field is not None:
            self._now(field, None if event.value is Choice.NO_CHOICE else event.value)

    @on(AssertivenessScale.Changed)
    def _level_changed(self, event: AssertivenessScale.Changed) -> None:
        field = self._field_of(event.control)
        if field is not None:
            self._now(field, event.level)

    @on(ItemTicked)
    def _item_ticked(self, event: ItemTicked) -> None:
        """Write a ticked unsaid item or action item (its box stays as ticked)."""
        debriefs = self.app.store.debriefs
        tick = debriefs.set_resolved if event.kind == "unsaid" else debriefs.set_done
        try:
            tick(event.item_id, event.ticked)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            return
        self.after_tick()

    def after_tick(self) -> None:
        """Redraw what shows open items elsewhere on the screen."""

    # -- item lists (asks, deadlines, problems, solutions, unsaid, actions) -------------
    # The list has already changed on screen; these write it to the store, in
    # the order it changed. Flushing first keeps saved order and typing in
    # step; flushing after redraws what depends on the list (after_save).

    @on(ItemList.Added)
    def _item_added(self, event: ItemList.Added) -> None:
        event.stop()
        items, kind, parent_id = (
            self.app.store.items,
            event.item_list.kind,
            event.item_list.parent_id,
        )
        if parent_id is None:
            return  # under a problem that could not be added: that row is gone
        self.saver.flush()
        try:
            item_id = items.add(kind, parent_id)
            if event.steps:
                items.move(kind, item_id, event.steps)
        except StoreError as error:
            self.notify(str(error), title="Not added", severity="error", markup=False)
            event.item_list.discard(event.row)
            return
        event.row.stored_as(item_id)
        self.saver.flush()

    @on(ItemList.Removed)
    def _item_removed(self, event: ItemList.Removed) -> None:
        event.stop()
        item_id = event.row.item_id
        if item_id is None:
            return  # never stored
        self.saver.flush()
        try:
            self.app.store.items.delete(event.item_list.kind, item_id)
        except StoreError as error:
            self.notify(str(error), title="Not removed", severity="error", markup=False)
        self.saver.flush()

    @on(ItemList.Moved)
    def _item_moved(self, event: ItemList.Moved) -> None:
        event.stop()
        item_id = event.row.item_id
        if item_id is None:
            return
        self.saver.flush()
        try:
            self.app.store.items.move(event.item_list.kind, item_id, event.delta)
        except StoreError as error:
            self.notify(str(error), title="Not moved", severity="error", markup=False)

    @on(ItemList.Changed)
    def _item_changed(self, event: ItemList.Changed) -> None:
        event.stop()
        kind, item_id, column, value = (
            event.item_list.kind,
            event.row.item_id,
            event.column,
            event.value,
        )
        if item_id is None:
            return  # its row could not be added and is gone
        key = f"{kind}:{item_id}:{column}"

        def save() -> None:
            self.app.store.items.update(kind, item_id, **{column: value})

        if event.at_once:
            self.saver.now(key, save)
        else:
            self.saver.schedule(key, save)

    def action_back(self) -> None:
        self.saver.flush()
        self.dismiss(None)

    def on_screen_suspend(self) -> None:
        # Another screen (help, a dialog, the palette) covers this one.
        self.saver.flush()

    def on_unmount(self) -> None:
        self._leaving = True
        self.saver.leave()


def _text_of(widget: Input | TextArea) -> str:
    return widget.value if isinstance(widget, Input) else widget.text


def _shorten(text: str, limit: int = 80) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
