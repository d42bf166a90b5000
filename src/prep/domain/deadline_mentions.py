"""Spotting a date or deadline in free text ("the report by Friday").

Deadlines are a variable managed together, kept as ranges. When what either
side expects from a meeting names a date but the checklist has no deadline
range, step 2 nudges the person to add one. The patterns are deliberately
narrow: a nudge that fires on every "may" or "second" teaches people to
ignore it.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["first_date_mention"]

_DAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri"
)
# "May" and "march" are also ordinary words: months count only beside a day number.
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)

_PATTERNS = (
    r"deadlines?",
    r"due(?!\s+diligence)(?:\s+(?:by|on|date))?",
    r"(?:by|before|until|till|on|next|this)\s+(?:" + _DAYS + r")",
    r"(?:by|before|until)\s+(?:tomorrow|tonight|today|noon|monday)",
    r"(?:by|before|until)\s+(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|week|month|quarter|year|sprint)",
    r"(?:eod|eow|eom|eoq)",
    r"(?:next|this)\s+(?:week|month|quarter)",
    r"q[1-4]",
    r"\d{4}-\d{2}-\d{2}",
    r"\d{1,2}/\d{1,2}(?:/\d{2,4})?",
    r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + _MONTHS + r")",
    r"(?:" + _MONTHS + r")\s+\d{1,2}(?:st|nd|rd|th)?",
    r"(?:by|before|until)\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)",
)


@cache
def _mention_re() -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(_PATTERNS) + r")(?![\w-])", re.IGNORECASE)


def first_date_mention(text: str) -> str | None:
    """The first date or deadline named in `text`, as typed, or None."""
    match = _mention_re().search(text)
    return " ".join(match.group().split()) if match else None
