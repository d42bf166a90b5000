"""How instants are written to the database."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_text(moment: datetime) -> str:
    """Fixed-width UTC text, so comparing strings compares instants."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
