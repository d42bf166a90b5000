"""Keys typed ahead land where the person meant them, in the order typed.

Textual hands a key to whichever widget has the focus when the app reads
it, while the bindings that move the focus (tab, enter, the keys that open
a screen) usually run later, after the key has bubbled back up from the
focused widget. Typed fast, pasted or sent by a text expander, the keys
after such a binding reached the old field or the screen being left:
"n", "Abc", tab, "Def" left the new form empty; in an open form it put
"AbcDef" in the title.

So every key that moves the focus is a *priority* binding, which the app
runs as it reads the key, before reading the next one; its action moves the
focus at once (`focus_now`) and awaits whatever must exist first (a screen
being opened, a row being added). Until it returns the app reads no further
key, so the next key goes to the field the person now sees.

That is not enough on its own: a key a widget does not handle as it
arrives (an arrow, backspace, ctrl+u, escape) bubbles back up to the app,
which only then runs the binding for it, while the keys behind it have
already been handed to the widget: "abd", backspace, "c" came out "abd"
("c" typed, then deleted), and "→" on a choice followed by tab moved the
caret of the next field instead. So the app reads one key at a time
(`KeysOneAtATime`): the next key waits until the one before has been
handled, its bindings included.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import events
from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

if TYPE_CHECKING:
    from textual.app import App


class KeysInOrder(Screen):
    """Base for prep's screens (listed before any other screen class): tab,
    shift+tab and enter move the focus as they are read.

    Enter asks the focused widget and then each of its containers, up to the
    screen, whether they have something to do with it (`enter_pressed`:
    add a list's next item, book the next meeting, open a meeting); if none
    has, enter in a field or a choice moves to the next field, and anything
    else (a text area's new line, a check box, a button) gets the key as
    usual.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "move_focus(1)", "Next field", show=False, priority=True),
        Binding("shift+tab", "move_focus(-1)", "Previous field", show=False, priority=True),
        Binding("enter", "enter", "Next field", show=False, priority=True),
    ]

    async def action_move_focus(self, direction: int) -> None:
        # Textual orders the focus chain by where widgets sit on screen, and
        # a widget mounted since the last layout sits nowhere yet: a tab read
        # straight after a row was added would skip its fields. So wait for
        # that layout first (tab is a priority binding: the next key waits).
        if any(not widget.virtual_region.area for widget in self.focus_chain):
            laid_out = asyncio.Event()
            self.call_after_refresh(laid_out.set)
            await laid_out.wait()
        if direction > 0:
            self.focus_next()
        else:
            self.focus_previous()

    async def action_enter(self) -> None:
        focused = self.focused
        if focused is None:
            raise SkipAction()
        for node in [focused, *focused.ancestors]:
            handler = getattr(node, "enter_pressed", None)
            if handler is not None and await handler(focused):
                return
            if node is self:
                break
        # Imported here: the screens that have them load them; the agenda,
        # painted first, has neither.
        from prep.tui.widgets.assertiveness_scale import AssertivenessScale
        from prep.tui.widgets.choice import Choice

        if isinstance(focused, Input | Choice | AssertivenessScale):
            self.focus_next()
            return
        raise SkipAction()

    async def enter_pressed(self, focused: Widget) -> bool:
        """What enter does on this screen with `focused` focused; True if it
        did something. Containers may define the same method."""
        return False

    def before_key(self) -> None:
        """Called as each key (or paste) is read, before anything handles it:
        a screen that completes itself after its first frame (the agenda)
        completes now if a key comes first, so the key finds what it would
        have found a moment later."""


# -- the app reads one key at a time ---------------------------------------------

STALLED_AFTER = 2.0
"""Seconds after which a key whose end was never seen (its widget removed
while it was on its way) stops holding back the keys behind it."""


class _Typed:
    """A key (or a paste) the app has handed on and not yet seen handled."""

    def __init__(self, event: events.Key | events.Paste) -> None:
        self.event = event
        self.since = time.monotonic()


class KeyHandled(Message):
    """Posted right behind a key to the widget the key went to; it follows
    the key up the DOM and reaches the app once the key has been handled
    there (or straight away, once a widget has stopped the key)."""

    def __init__(self, typed: _Typed) -> None:
        super().__init__()
        self.typed = typed

    def _bubble_to(self, widget: MessagePump) -> None:
        if self.typed.event._stop_propagation:
            # The key went no further: no need to walk the rest of the way.
            self.stop()
            widget.app.post_message(self)
            return
        super()._bubble_to(widget)


class _ReadNextKey(Message, bubble=False):
    """The key before has been handled: read the next one held back. As its
    own message, so that what that key queued on the app first (a screen to
    pop, a focus to move) runs before it, as it would between two keys typed
    slowly."""


class KeysOneAtATime:
    """Mixin for the App (before `App` in its bases): a key, or a paste, is
    handed to a widget only once the one before it has been handled, its
    bindings run, and any screen it opened is up. Keys arriving meanwhile
    wait, in order.

    A key is done when it comes back up to the app (whose bindings then
    run), or when `KeyHandled`, posted behind it, reaches the app: it walks
    behind the key and overtakes nothing. A key the app handles itself (a
    priority binding, awaited) is done when its action returns.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._typing: _Typed | None = None  # the key handed on, not yet seen handled
        self._held: deque[events.Key | events.Paste] = deque()  # keys waiting for it

    def _on_mount(self) -> None:
        app = cast("App[object]", self)
        app.set_interval(STALLED_AFTER, self._check_stalled)

    async def on_event(self, event: events.Event) -> None:
        app = cast("App[object]", self)
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            self._held.append(event)
            await self._read_next()
            return
        await super().on_event(event)  # type: ignore[misc]
        typing = self._typing
        if typing is not None and event is typing.event and app.is_running:
            self._done(typing)  # came back up; its bindings have run

    async def on__read_next_key(self, message: _ReadNextKey) -> None:
        await self._read_next()

    async def _read_next(self) -> None:
        if self._typing is not None or not self._held:
            return
        app = cast("App[object]", self)
        event = self._held.popleft()
        if isinstance(app.screen, KeysInOrder):
            app.screen.before_key()
        typing = self._typing = _Typed(event)
        await super().on_event(event)  # type: ignore[misc]
        if self._typing is not typing:
            return
        if event.is_forwarded:
            # Handed to the focused widget (or the screen): wait for it.
            (app.focused or app.screen).post_message(KeyHandled(typing))
        else:
            self._done(typing)  # handled by the app itself, its action awaited

    async def on_key_handled(self, message: KeyHandled) -> None:
        # Straight on: the key was handled by a widget, so nothing it queued
        # on the app is still waiting, and a message more per key is a cost
        # paid on every character typed.
        if self._typing is message.typed:
            self._typing = None
            await self._read_next()

    def _done(self, typing: _Typed) -> None:
        if self._typing is typing:
            self._typing = None
            if self._held:
                cast("App[object]", self).post_message(_ReadNextKey())

    def _check_stalled(self) -> None:
        typing = self._typing
        if typing is not None and time.monotonic() - typing.since > STALLED_AFTER:
            self._done(typing)
