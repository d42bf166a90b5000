"""How instants are written to the database."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_text(moment: datetime) -> str:
    """Fixed-width UTC text, so comparing strings compares instants."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def now_text() -> str:
    return utc_text(datetime.now(UTC))
