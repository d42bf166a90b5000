"""Small rules of English shared by the screens and the reports."""

from __future__ import annotations


def counted(count: int, noun: str) -> str:
    """ "1 meeting", "2 meetings", "0 meetings": never "meeting(s)"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
