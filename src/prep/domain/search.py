"""Search as a person types it: the query SQLite's FTS5 is given, and the
hits it gives back, with the matched words marked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

# SQLite's snippet() puts these around each matched word; characters from
# Unicode's private use area, which nobody types, so they never clash.
MARK_START, MARK_END = "\ue000", "\ue001"
_WORD = re.compile(r"\w+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One match: in a meeting (with its person and time) or a week's reflection."""

    where: str  # what the text is: "Ask", "Debrief", "Reflection"…
    text: str  # the matching line, shortened around the match
    marks: tuple[tuple[int, int], ...]  # (start, end) of each matched word in `text`
    meeting_id: int | None = None
    title: str = ""
    person: str = ""
    starts_at: datetime | None = None
    week_start: date | None = None  # for a reflection

    @property
    def day(self) -> date | None:
        return self.starts_at.date() if self.starts_at else self.week_start


def fts_query(typed: str) -> str | None:
    """The FTS5 query for what was typed, or None if there is nothing to look for.

    Every word must appear (in any order); the last one is a prefix while it
    is being typed, so "sign-o" already finds "sign-off". Words are quoted,
    so FTS5's own syntax (AND, NEAR, quotes, colons) is never triggered by
    accident and can never be an error.
    """
    words = _WORD.findall(typed)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    if typed[-1:].isalnum() or typed[-1:] == "_":
        quoted[-1] += "*"
    return " ".join(quoted)


def unmark(snippet: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A snippet's plain text (on one line) and where its marked words are."""
    snippet = _CONTROL.sub(" ", snippet)
    text: list[str] = []
    marks: list[tuple[int, int]] = []
    length, start = 0, None
    for part in re.split(f"([{MARK_START}{MARK_END}])", snippet):
        if part == MARK_START:
            start = length
        elif part == MARK_END:
            if start is not None and length > start:
                marks.append((start, length))
            start = None
        else:
            text.append(part)
            length += len(part)
    return "".join(text), tuple(marks)
