"""Messages widgets post to their screen: widgets report, screens save."""

from __future__ import annotations

from typing import Literal

from textual.message import Message

TickableKind = Literal["unsaid", "action"]
TICKABLE_KINDS: tuple[TickableKind, ...] = ("unsaid", "action")


class ItemTicked(Message):
    """An unsaid item was ticked resolved, or an action item done (or either
    unticked). The screen writes it to the store."""

    def __init__(self, kind: TickableKind, item_id: int, ticked: bool) -> None:
        super().__init__()
        self.kind = kind
        self.item_id = item_id
        self.ticked = ticked
