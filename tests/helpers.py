"""Values and builders shared by tests."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from dateutil import tz

LONDON = tz.gettz("Europe/London")
# A Friday afternoon: "today", "this week" and "later" all have room.
NOW = datetime(2026, 11, 27, 14, 0, tzinfo=LONDON)


def at(days: int, hour: int, minute: int = 0) -> datetime:
    """London wall time `days` after NOW's date (wall-clock, so DST-safe)."""
    midnight = NOW.replace(tzinfo=None, hour=0, minute=0)
    wall = midnight + timedelta(days=days, hours=hour, minutes=minute)
    return wall.replace(tzinfo=LONDON)


def query(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def count(path: Path, table: str = "meetings") -> int:
    return query(path, f"SELECT count(*) FROM {table}")[0][0]
