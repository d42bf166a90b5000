"""Pilot fixtures: the real app over a real database file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from prep.tui.app import PrepApp

SIZE = (120, 36)


@pytest.fixture
def make_app(store, clock):
    def make() -> PrepApp:
        return PrepApp(store, clock=clock)

    return make


def rows(db_path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    """Read the file with plain sqlite3: what is really on disk."""
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()
