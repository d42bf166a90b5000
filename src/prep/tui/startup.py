"""The first frame first: what waits until the agenda is on screen.

From `prep` to the agenda's first frame, Textual, Rich and prep create some
70,000 objects that live as long as the app, and almost none of them are
garbage; yet Python's collector walks them again each time enough new ones
have piled up: 39 ms of the 400 ms of CPU a cold start took on 5,000
meetings (benchmarks/bench_startup.py). So `prep` pauses it before importing
Textual, and the agenda resumes it once its first frame is painted, freezing
what exists by then so that later collections skip it too.

The layout of the other screens (other_screens.tcss, 10 ms to parse) is
added to the app's stylesheet at the same moment.

Nothing is imported here at load time: `prep` imports this module first.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

OTHER_SCREENS_CSS = Path(__file__).with_name("other_screens.tcss")


def pause_garbage_collection() -> None:
    """Until `resume_garbage_collection`; only the `prep` command does this."""
    gc.disable()


def resume_garbage_collection() -> None:
    """Collect again (a no-op unless paused: an app made in a test never is)."""
    if gc.isenabled():
        return
    gc.freeze()
    gc.enable()


def add_other_screens_css(app: App[object]) -> None:
    """Add other_screens.tcss to the app's stylesheet. Its rules match
    nothing on the agenda, so the agenda is not restyled; a screen opened
    before this (by a click in the first instants) is."""
    stylesheet = app.stylesheet
    stylesheet.read(OTHER_SCREENS_CSS)
    stylesheet.parse()  # the sources parsed before come from its cache
    for screen in app.screen_stack[1:]:
        stylesheet.update(screen)
