"""Where "now" comes from, so tests and screenshots can fix it."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in the person's local zone."""
        ...


def zone_of(now: datetime) -> tzinfo:
    """The zone of an aware `now` (every Clock's is); a naive one is a bug."""
    if now.tzinfo is None:
        raise ValueError("a clock's time must be timezone-aware")
    return now.tzinfo


def local_zone() -> tzinfo:
    """The machine's zone with its daylight-saving rules (not a fixed offset).

    A fixed offset from `datetime.now().astimezone()` would put a meeting
    booked across a clock change an hour out. The standard library's
    zoneinfo reads $TZ or /etc/localtime; dateutil (about 30 ms to import)
    is only the fallback, for Windows and POSIX-style $TZ strings.
    """
    import os
    from zoneinfo import ZoneInfo

    key = os.environ.get("TZ", "").lstrip(":")
    try:
        if key:
            return ZoneInfo(key)
        with open("/etc/localtime", "rb") as handle:
            return ZoneInfo.from_file(handle, key="localtime")
    except (OSError, ValueError):
        from dateutil.tz import tzlocal

        return tzlocal()


class SystemClock:
    """The real clock, in the local zone."""

    def __init__(self, zone: tzinfo | None = None) -> None:
        self._zone = zone

    def now(self) -> datetime:
        if self._zone is None:
            self._zone = local_zone()
        return datetime.now(self._zone)


class FixedClock:
    """A clock stopped at one instant: for tests, screenshots and the demo."""

    def __init__(self, instant: datetime) -> None:
        if instant.tzinfo is None:
            raise ValueError("FixedClock needs a timezone-aware datetime")
        self.instant = instant

    def now(self) -> datetime:
        return self.instant
