"""Screens that know which app they run in, for the type checker.

Textual types `self.app` as `App[object]`, so every `self.app.store` would be
an error to mypy or a `cast` at each use. These bases declare, for the type
checker only, that a prep screen's app is a `PrepApp` (the declaration sits
under TYPE_CHECKING). At run time a full screen adds one thing: it is not
restyled when shown again unless the CSS changed (textual_private).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from textual.message_pump import MessagePump
from textual.screen import ModalScreen, Screen

from prep.tui.textual_private import PaintsOnlyWhatChanged, RestylesOnlyWhenNeeded

if TYPE_CHECKING:
    from prep.tui.app import PrepApp

ResultT = TypeVar("ResultT")


class PrepScreen(PaintsOnlyWhatChanged, RestylesOnlyWhenNeeded, Screen[ResultT]):
    """A full screen of prep's."""

    if TYPE_CHECKING:
        app: PrepApp


class PrepModalScreen(ModalScreen[ResultT]):
    """A dialog of prep's."""

    if TYPE_CHECKING:
        app: PrepApp


def prep_app(node: MessagePump) -> PrepApp:
    """The app a widget (or any node) runs in, typed as prep's: widgets have
    many Textual bases, so they are not given one of their own."""
    return cast("PrepApp", node.app)
