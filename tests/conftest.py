"""Shared fixtures: a real SQLite file in tmp_path and a stopped clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from prep.domain.clock import FixedClock
from prep.store import open_store
from tests.helpers import NOW


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "prep.db"


@pytest.fixture
def store(db_path: Path):
    store = open_store(db_path)
    yield store
    store.close()
