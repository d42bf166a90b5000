"""Typing into a real terminal the way a steady typist does: a key every
KEY_GAP seconds, never the pause a save-after-a-pause rule waits for."""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from itertools import cycle

from tests.e2e.conftest import Terminal

KEY_GAP = 0.12
# Every character typed longer ago than this before prep is stopped must be
# in the database: prep saves at least once a second while typing goes on,
# and a loaded machine gets the rest of the margin.
SAFE_AFTER = 1.5
WORDS = "steady typing keeps every word "


@dataclass
class Typed:
    """What was sent to the terminal, and when (time.monotonic)."""

    text: str = ""
    sent_at: list[float] = field(default_factory=list)

    def older_than(self, moment: float, age: float = SAFE_AFTER) -> str:
        """The text sent more than `age` seconds before `moment`."""
        return self.text[: sum(1 for sent in self.sent_at if moment - sent > age)]

    @property
    def longest_gap(self) -> float:
        gaps = [b - a for a, b in itertools.pairwise(self.sent_at)]
        return max(gaps, default=0.0)


def type_steadily(terminals: list[tuple[Terminal, str, Typed]], seconds: float) -> None:
    """Type into each (terminal, session) in turn, one key each round, for
    `seconds`: each session gets a key every KEY_GAP seconds.

    Each Typed's text starts with what it holds already (a run's own prefix).
    """
    sources = [cycle(WORDS) for _ in terminals]
    prefixes = [iter(typed.text) for _, _, typed in terminals]
    for _, _, typed in terminals:
        typed.text = ""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        round_started = time.monotonic()
        for (terminal, session, typed), prefix, source in zip(
            terminals, prefixes, sources, strict=True
        ):
            letter = next(prefix, None) or next(source)
            terminal.use(session)
            terminal.type(letter)
            typed.text += letter
            typed.sent_at.append(time.monotonic())
        time.sleep(max(0.0, KEY_GAP - (time.monotonic() - round_started)))
