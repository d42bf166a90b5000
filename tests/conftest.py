"""Shared fixtures: a real SQLite file in tmp_path and a stopped clock."""

from __future__ import annotations

import os
import shutil
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


# Creating a database runs every migration: 40 ms of CPU and 100-200 ms of
# waiting for the disk, in each of hundreds of tests. So each xdist worker
# builds the file once and every test opens its own copy, by the same
# `open_store` a second start of prep uses. (The tests of creating and
# migrating a file call `open_store` on a path of their own.)
@pytest.fixture(scope="session")
def migrated_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("migrated") / "prep.db"
    open_store(path, clock=FixedClock(NOW)).close()
    return path


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo data (`prep demo`, at NOW), written once per worker."""
    from prep.demo import fill_demo

    path = tmp_path_factory.mktemp("demo") / "prep.db"
    store = open_store(path, clock=FixedClock(NOW))
    fill_demo(store, NOW)
    store.close()
    return path


def _open_copy(template: Path, db_path: Path, clock: FixedClock):
    shutil.copy(template, db_path)
    return open_store(db_path, clock=clock)


@pytest.fixture
def store(db_path: Path, clock: FixedClock, migrated_db: Path):
    store = _open_copy(migrated_db, db_path, clock)
    yield store
    store.close()


@pytest.fixture
def demo_store(db_path: Path, clock: FixedClock, demo_db: Path):
    """A store holding the demo data, as `fill_demo(store, NOW)` leaves it."""
    store = _open_copy(demo_db, db_path, clock)
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


# tryfirst: xdist's worker reads the group markers in this same hook, to move
# grouped tests onto one worker; a marker added after it has run is ignored
# (the tmux tests were spread over all three workers).
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items) -> None:
    """Run every tmux test on one xdist worker (`--dist loadgroup`): they
    drive a real terminal against a timeout, so they are not run two at once."""
    for item in items:
        if item.get_closest_marker("e2e"):
            item.add_marker(pytest.mark.xdist_group("tmux"))
