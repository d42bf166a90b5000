"""Turning domain values into what SQLite stores, with the checks that guard it."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from prep.domain.checklist import Flex
from prep.domain.models import ValidationError

# Generous: a pasted email thread must fit and round-trip exactly.
TEXT_MAX = 100_000

def to_sql(name: str, kind: type, value: Any, bounds: tuple[int, int] = (1, 10)) -> Any:
    """Check one value against its column's type and turn it into what SQLite stores."""
    if value is None:
        if kind in (str, bool, frozenset):
            raise ValidationError(f"{name} cannot be empty.", name)
        return None
    if kind is str:
        if not isinstance(value, str):
            raise ValidationError(f"{name} must be text.", name)
        if len(value) > TEXT_MAX:
            raise ValidationError(
                f"That is {len(value):,} characters; the limit is {TEXT_MAX:,}. Shorten it to save.",
                name,
            )
        return value
    if kind is bool:
        return int(bool(value))
    if kind is int:
        low, high = bounds
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValidationError(f"Pick a number from {low} to {high}.", name)
        return value
    if kind is date:
        if not isinstance(value, date):
            raise ValidationError(f"{name} must be a date.", name)
        return value.isoformat()
    if kind is frozenset:
        return ",".join(sorted(Flex(item).value for item in value))
    if issubclass(kind, StrEnum):
        return kind(value).value
    raise TypeError(kind)  # pragma: no cover - a programming error


def parse_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
