"""Shared fixtures: a real SQLite file in tmp_path and a stopped clock."""

from __future__ import annotations

import os
import subprocess
import sys
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
def store(db_path: Path, clock: FixedClock):
    store = open_store(db_path, clock=clock)
    yield store
    store.close()


# The `prep` command run for real as a separate process (tests/test_cli*.py).
@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """The environment for prep: no PREP_DB or PREP_CONFIG, and data and
    config directories in tmp_path, so a test that forgets --db can never
    touch the real database, nor read the real settings."""
    clean = {k: v for k, v in os.environ.items() if k not in ("PREP_DB", "PREP_CONFIG")}
    clean["XDG_DATA_HOME"] = str(tmp_path / "xdg-data")
    # Nor the real settings file: a test that wants settings writes this one.
    clean["XDG_CONFIG_HOME"] = str(tmp_path / "xdg-config")
    clean["LC_ALL"] = "C.UTF-8"
    return clean


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "x.db"


@pytest.fixture
def run(env):
    def run(*args: str | Path, extra_env: dict[str, str] | None = None):
        return subprocess.run(
            [sys.executable, "-m", "prep", *map(str, args)],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**env, **(extra_env or {})},
            timeout=60,
        )

    return run


RELIABILITY = Path(__file__).parent / "reliability"


def pytest_addoption(parser) -> None:
    parser.addoption(
        "--reliability",
        action="store_true",
        help="also run tests/reliability (the soak runs: python3 dev.py reliability)",
    )


def pytest_ignore_collect(collection_path: Path, config) -> bool | None:
    """The reliability soaks are slow: they run as their own step of CI
    (`python3 dev.py reliability`), not in every `python3 dev.py test`."""
    if collection_path == RELIABILITY and not config.getoption("--reliability"):
        return True
    return None


def pytest_collection_modifyitems(config, items) -> None:
    """Run every tmux test on one xdist worker (`--dist loadgroup`): they
    drive a real terminal against a timeout, so they are not run two at once."""
    for item in items:
        if item.get_closest_marker("e2e"):
            item.add_marker(pytest.mark.xdist_group("tmux"))
