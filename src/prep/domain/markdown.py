"""Markdown from what people typed: escaped so it stays the text they wrote.

The brief, the debrief and the weekly review are Markdown documents built
from free text. A line a person typed must not turn into a heading, a new
list, a broken table or hidden HTML; these are the pieces all three use.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from prep.domain.deadlines import format_day
from prep.domain.models import clean_line, unreadable_in

EMPTY_FIELD = "\u2014"

# What would open a block if it began a line or list item: a heading, a
# quote, a bullet, a thematic break ("---", "* * *"), a code fence, or an
# ordered-list "1." / "1)". Only real markers are escaped, so "#1 priority"
# and "-5% budget" stay as typed in the raw Markdown.
_BLOCK_MARKER_RE = re.compile(
    r"^(?:#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|([-*_])(?:\s*\1){2,}\s*$|`{3}|~{3}"
    r"|(?P<number>\d{1,9})(?=[.)](?:\s|$)))"
)
# A heading's trailing " ##" is read as its closing sequence and dropped.
_CLOSING_HASHES_RE = re.compile(r"(\s)(#+)$")
# "<" opening an HTML tag or comment; "<!--" would hide the rest of the
# brief in a renderer that passes HTML through.
_HTML_OPEN_RE = re.compile(r"<(?=[A-Za-z/!?])")
# A blank line (spaces allowed, "\r\n" included) ends a paragraph.
_PARAGRAPH_BREAK_RE = re.compile(r"\n\s*\n")


def inline(text: str) -> str:
    """User text for the middle of a line: one line, no raw HTML openings."""
    return _HTML_OPEN_RE.sub(r"\\<", clean_line(text))


def at_block_start(text: str) -> str:
    """User text that begins a heading, list item or quote."""
    line = inline(text)
    marker = _BLOCK_MARKER_RE.match(line)
    if marker is None:
        return line
    if marker["number"] is not None:
        # "1. Budget" in a list item would nest a list; escape the dot.
        end = marker.end()
        return f"{line[:end]}\\{line[end:]}"
    return f"\\{line}"


def heading(text: str) -> str:
    return _CLOSING_HASHES_RE.sub(r"\1\\\2", at_block_start(text))


def cell(text: str) -> str:
    line = inline(text).replace("|", "\\|")
    return line or EMPTY_FIELD


def or_empty(text: str) -> str:
    return inline(text) or EMPTY_FIELD


def filled(text: str) -> bool:
    return bool(text.strip())


def unreadable_mark(item: object, column: str) -> str | None:
    """ "(unreadable date: 'next thursday')" if another program stored a value
    in `column` that prep cannot read, ready for a line or a table cell."""
    mark = unreadable_in(getattr(item, "unreadable", ()), column)
    return inline(str(mark)).replace("|", "\\|") if mark else None


class Dates:
    """Dates as "Fri 4 Dec", with the year only when it isn't this year."""

    def __init__(self, now: datetime) -> None:
        self._year = now.year

    def __call__(self, day: date | None) -> str:
        if day is None:
            return EMPTY_FIELD
        return format_day(day, with_year=day.year != self._year)

    def of(self, item: object, column: str) -> str | None:
        """An item's date in `column`, or its unreadable stored value marked,
        or None when it has neither."""
        value = getattr(item, column)
        return self(value) if value is not None else unreadable_mark(item, column)


def paragraphs(text: str) -> list[str]:
    """Longer user text as separate paragraphs, each escaped as a new block.

    The outcome and the coaching note can run to paragraphs; keeping them
    apart reads better than one long line. Single newlines inside a
    paragraph still fold into spaces, so no line can start a new block.
    """
    return [at_block_start(part) for part in _PARAGRAPH_BREAK_RE.split(text) if filled(part)]


def date_range(earliest: date | None, likely: date | None, latest: date | None, day: Dates) -> str:
    """ "Mon 7 Dec–Fri 18 Dec (likely Fri 11 Dec)", or as much of it as is known."""
    if earliest is not None and latest is not None:
        span = day(earliest) if earliest == latest else f"{day(earliest)}\u2013{day(latest)}"
    elif earliest is not None:
        span = f"from {day(earliest)}"
    elif latest is not None:
        span = f"by {day(latest)}"
    else:
        span = ""
    if likely is None:
        return span or "no dates"
    return f"{span} (likely {day(likely)})" if span else f"likely {day(likely)}"
